//! Passive-aggressive (1-best MIRA) updates for the first pass ([`Update::Pa`]), an opt-in alternative to the
//! perceptron's unit steps in [`super::train`].
//!
//! Where the decoded sequence `ŷ` differs from the gold one `y`, the weights move by `τ · (φ(y) − φ(ŷ))` with
//! `τ = min(C, (cost · H(y, ŷ) − (s(y) − s(ŷ))) / ‖φ(y) − φ(ŷ)‖²)`: the smallest step that makes the gold
//! sequence win by its Hamming loss `H` (tokens labelled wrong) times `cost`, capped at `C` (cost-sensitive
//! PA-I). The weights are averaged as the perceptron's are.

use std::collections::HashMap;

/// How the first pass's weights are updated in training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Update {
    /// The averaged perceptron: every feature of a wrong token moves by one (the committed model).
    Perceptron,
    /// Passive-aggressive steps (see the module): `cost` per wrong token (range 0–200), step cap `cap`
    /// (range 0.1–10; 1 = never a larger step than the perceptron's, so the weights keep its scale and
    /// `min_weight` prunes alike).
    Pa { cost: f32, cap: f32 },
}

/// What one training run reads: per sentence its feature ids and token offsets, its gold labels and its
/// transition classes; the sizes of the weight table.
pub struct Problem<'a> {
    pub data: &'a [(Vec<u32>, Vec<usize>)],
    pub gold: &'a [Vec<usize>],
    pub classes: &'a [Vec<usize>],
    pub allowed: &'a [bool],
    /// Labels, transition classes, features.
    pub l: usize,
    pub k: usize,
    pub nf: usize,
}

/// One passive-aggressive training run (`epochs` shuffles with the perceptron's generator seeded by `seed`);
/// returns the averaged emission weights (`nf × L`) and transition weights (`K × (L + 1) × L`).
pub fn train_run(
    p: &Problem<'_>,
    (cost, cap): (f32, f32),
    (epochs, seed, margin): (usize, u64, f32),
    progress: &mut dyn FnMut(usize, f32),
) -> (Vec<f32>, Vec<f32>) {
    use crate::core::analysis::ner::model::viterbi;
    let (l, m) = (p.l, (p.l + 1) * p.l);
    let mut w = vec![0f64; p.nf * l];
    let mut u = vec![0f64; p.nf * l];
    let mut tw = vec![0f64; p.k * m];
    let mut tu = vec![0f64; p.k * m];
    let mut order: Vec<usize> = (0..p.data.len()).collect();
    let mut rng = seed ^ 0x2545_F491_4F6C_DD1D;
    let mut c: f64 = 1.0;
    let (mut emit, mut trans_f) = (Vec::new(), vec![0f32; p.k * m]);
    let mut delta: HashMap<usize, f64> = HashMap::new();
    for epoch in 0..epochs {
        super::shuffle(&mut order, &mut rng);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (ks, offs) = &p.data[si];
            let (g, cls) = (&p.gold[si], &p.classes[si]);
            let n = g.len();
            super::emissions(&mut emit, (ks, offs), g, l, margin, |i| w[i] as f32);
            for (t, &x) in trans_f.iter_mut().zip(&tw) {
                *t = x as f32;
            }
            let pred = viterbi(n, l, &emit, &trans_f, cls, p.allowed);
            total += n;
            let wrong = (0..n).filter(|&i| pred[i] != g[i]).count();
            correct += n - wrong;
            if wrong == 0 {
                c += 1.0;
                continue;
            }
            // φ(y) − φ(ŷ): emission entries, then transitions (offset past the emission table)
            delta.clear();
            let te = p.nf * l;
            for i in (0..n).filter(|&i| pred[i] != g[i]) {
                for &f in &ks[offs[i]..offs[i + 1]] {
                    *delta.entry(f as usize * l + g[i]).or_default() += 1.0;
                    *delta.entry(f as usize * l + pred[i]).or_default() -= 1.0;
                }
            }
            for i in 0..n {
                let (gp, pp) = if i == 0 {
                    (0, 0)
                } else {
                    (g[i - 1] + 1, pred[i - 1] + 1)
                };
                if gp != pp || g[i] != pred[i] {
                    *delta.entry(te + cls[i] * m + gp * l + g[i]).or_default() += 1.0;
                    *delta.entry(te + cls[i] * m + pp * l + pred[i]).or_default() -= 1.0;
                }
            }
            let weight = |j: usize| if j < te { w[j] } else { tw[j - te] };
            let (mut diff, mut norm) = (0f64, 0f64);
            for (&j, &d) in &delta {
                diff += d * weight(j);
                norm += d * d;
            }
            let loss = f64::from(cost) * wrong as f64 - diff;
            let tau = if norm > 0.0 {
                (loss / norm).clamp(0.0, f64::from(cap))
            } else {
                0.0
            };
            for (&j, &d) in &delta {
                let step = tau * d;
                if j < te {
                    w[j] += step;
                    u[j] += c * step;
                } else {
                    tw[j - te] += step;
                    tu[j - te] += c * step;
                }
            }
            c += 1.0;
        }
        progress(epoch + 1, correct as f32 / total.max(1) as f32);
    }
    let avg = |w: &[f64], u: &[f64]| -> Vec<f32> { w.iter().zip(u).map(|(&w, &u)| (w - u / c) as f32).collect() };
    (avg(&w, &u), avg(&tw, &tu))
}
