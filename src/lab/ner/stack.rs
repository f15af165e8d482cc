//! Training the stacked second pass (`model::second`, [`FeatureSet::STACK`]; round 6 of `docs/ner.md`): the
//! first model's emission scores stay as they are, and a small second set of weights adds, per token, features
//! of the first pass's labels before a second Viterbi.
//!
//! The second pass is trained on jackknifed first-pass output: the training sentences are split into `folds`
//! folds, and each fold is tagged by a model trained on the other folds, so the second pass sees the first
//! pass as it errs on text it was not trained on (not the near-perfect output on its own training data).

use std::collections::HashMap;

use crate::core::analysis::ner::features::FeatureSet;
use crate::core::analysis::ner::model::{SecondPass, second_keys, second_keys_in, viterbi, windows};
use crate::core::analysis::ner::{Model, NerLabel};

use super::data::Sentence;
use super::pa::Update;
use super::train::SECOND_STEP;

/// The settings of the second pass.
#[derive(Debug, Clone, Copy)]
pub struct StackConfig {
    /// Folds of the jackknife (0 = no second pass).
    pub folds: usize,
    /// Parameter mixing of the fold models (the final first-pass model keeps the training config's).
    pub fold_mix: usize,
    /// Perceptron epochs of the second pass.
    pub epochs: usize,
    /// Train the second pass on the GermEval train split only.
    pub in_domain: bool,
    /// The first pass's confidence as a feature (needs its margins).
    pub confidence: bool,
    /// The second pass only on sentences where the first pass found a name ([`FeatureSet::STACK_NAMED`]).
    pub named_only: bool,
    /// The second pass only in the windows of the first pass's names ([`FeatureSet::STACK_WINDOWS`]).
    pub windows: bool,
    /// Parameter mixing of the second pass ("model soup"): train it this many times on the same examples, each
    /// with its own shuffle (seeds `seed`, `seed + 1`, …), and average the averaged weights before they go on
    /// the model file's grid. 1 = one perceptron (rounds 6 and 7).
    pub soup: usize,
    /// How the second pass's weights move on an error ([`Update`]; default the perceptron's unit steps).
    pub update: Update,
}

/// Trains a first-pass model on the sentences given, with the parameter mixing given (`None`: the config's).
pub type TrainFn<'a> = dyn FnMut(&[Sentence], Option<usize>) -> Result<Model, String> + 'a;

/// One training sentence of the second pass: the first pass's output (from the fold model that did not see
/// it) and the gold label indices.
struct Example {
    emit: Vec<f32>,
    keys: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
    /// Which fold model tagged it (its transitions are the base).
    fold: usize,
}

/// Trains the first pass on all `sentences` (with `train`), the fold models on the jackknife folds, and the
/// second pass on the folds' output.
pub fn train_stacked(
    sentences: &[Sentence],
    stack: &StackConfig,
    seed: u64,
    fine: bool,
    train: &mut TrainFn<'_>,
) -> Result<Model, String> {
    let mut base = train(sentences, None)?;
    let mut set = FeatureSet(base.feature_set().0 | FeatureSet::STACK);
    if stack.confidence {
        set.0 |= FeatureSet::STACK_CONFIDENCE;
    }
    if stack.named_only {
        set.0 |= FeatureSet::STACK_NAMED;
    }
    if stack.windows {
        set.0 |= FeatureSet::STACK_WINDOWS;
    }
    if base.trans.len() != (base.labels().len() + 1) * base.labels().len() {
        return Err("the second pass needs a model without class transitions".into());
    }
    let l = base.labels().len();
    let norm = |y: NerLabel| if fine { y } else { y.coarse() };
    let mut examples = Vec::with_capacity(sentences.len());
    let mut fold_trans = Vec::new();
    for k in 0..stack.folds {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % stack.folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let m = train(&rest, Some(stack.fold_mix))?;
        // a rare label may be missing from a fold model: its column gets a very low score
        let map: Vec<Option<usize>> = base
            .labels()
            .iter()
            .map(|y| m.labels().iter().position(|z| z == y))
            .collect();
        for s in sentences.iter().skip(k).step_by(stack.folds) {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            // only GermEval's own sentences: the other corpora follow their own conventions (no deriv or part
            // labels), which the first pass does not follow on them (their domain copies are training-only)
            if toks.is_empty() || (stack.in_domain && s.domain != 0) {
                continue;
            }
            let fp = m.first_pass(&toks);
            // with the gate, the second pass learns from the sentences it will run on only
            if (stack.named_only || stack.windows) && !m.found_name(&fp.labels, &fp.path) {
                continue;
            }
            let lm = m.labels().len();
            let gold: Vec<usize> = s
                .labels
                .iter()
                .map(|&y| base.labels().iter().position(|&z| z == norm(y)).unwrap_or(0))
                .collect();
            if stack.windows {
                // each window an example of its own, between tokens held at `O`, as `Model::second_pass_windows`
                let outside = base.labels().iter().position(|&y| y == NerLabel::Outside).unwrap_or(0);
                let mut wins = Vec::new();
                let named = |i: usize| fp.labels[i] != NerLabel::Outside || m.labels()[fp.path[i]] != NerLabel::Outside;
                windows(toks.len(), named, &mut wins);
                for (a, b) in wins {
                    let (lo, hi) = (a.saturating_sub(1), (b + 1).min(toks.len()));
                    let (mut keys, mut offsets) = (Vec::new(), Vec::new());
                    // the held tokens have no keys
                    if lo < a {
                        offsets.push(0);
                    }
                    second_keys_in(
                        &toks,
                        &fp.labels,
                        &fp.margins,
                        set,
                        m.lexicon(),
                        a..b,
                        &mut keys,
                        &mut offsets,
                    );
                    if b < hi {
                        offsets.push(keys.len());
                    }
                    let mut emit: Vec<f32> = (lo * l..hi * l)
                        .map(|j| map[j % l].map_or(-1e4, |y| fp.emit[j / l * lm + y]))
                        .collect();
                    let mut g = gold[lo..hi].to_vec();
                    for held in [(lo < a).then_some(0), (b < hi).then_some(hi - lo - 1)]
                        .into_iter()
                        .flatten()
                    {
                        for y in 0..l {
                            if y != outside {
                                emit[held * l + y] = -1e9;
                            }
                        }
                        g[held] = outside;
                    }
                    // a name that starts before the window starts at its first token for the perceptron (`O`
                    // then `I-X` is no path, and a gold path Viterbi cannot reach would be pushed at every epoch)
                    if lo < a
                        && let NerLabel::Inside(kind) = base.labels()[g[1]]
                    {
                        g[1] = base
                            .labels()
                            .iter()
                            .position(|&y| y == NerLabel::Begin(kind))
                            .unwrap_or(outside);
                    }
                    examples.push(Example {
                        emit,
                        keys,
                        offsets,
                        gold: g,
                        fold: k,
                    });
                }
                continue;
            }
            let (mut keys, mut offsets) = (Vec::new(), Vec::new());
            second_keys(
                &toks,
                &fp.labels,
                &fp.margins,
                set,
                m.lexicon(),
                &mut keys,
                &mut offsets,
            );
            let emit = (0..toks.len() * l)
                .map(|j| map[j % l].map_or(-1e4, |y| fp.emit[j / l * lm + y]))
                .collect();
            examples.push(Example {
                emit,
                keys,
                offsets,
                gold,
                fold: k,
            });
        }
        let lm = m.labels().len();
        let mut trans = vec![-1e4f32; (l + 1) * l];
        for p in 0..=l {
            for y in 0..l {
                let from = if p == 0 { Some(0) } else { map[p - 1].map(|q| q + 1) };
                if let (Some(f), Some(t)) = (from, map[y]) {
                    trans[p * l + y] = m.trans[f * lm + t];
                }
            }
        }
        fold_trans.push(trans);
    }
    let (weights, delta) = soup(&examples, &fold_trans, &base, stack, seed);
    // on the grid of the model file, sorted by key: what `train-ner` writes is what was evaluated
    let on_grid = |w: f32| (w / SECOND_STEP).round().clamp(-32767.0, 32767.0) * SECOND_STEP;
    let mut keys: Vec<u32> = weights.keys().copied().collect();
    keys.sort_unstable();
    let mut second = SecondPass {
        delta: delta.into_iter().map(on_grid).collect(),
        ..SecondPass::default()
    };
    for k in keys {
        let start = second.entries.len() as u32;
        for (y, &w) in weights[&k].iter().enumerate() {
            let w = on_grid(w);
            if w != 0.0 {
                second.entries.push((y as u8, w));
            }
        }
        if second.entries.len() as u32 > start {
            second.index.insert(k, (start, second.entries.len() as u32));
        }
    }
    eprintln!(
        "second pass: {} features, {} weights, largest {:.1}",
        second.index.len(),
        second.entries.len(),
        second.entries.iter().map(|e| e.1.abs()).fold(0.0, f32::max)
    );
    base.features = set;
    base.second = Some(Box::new(second));
    base.pack();
    Ok(base)
}

/// [`perceptron`] run `stack.soup` times with the seeds `seed`, `seed + 1`, …, the weights averaged (one run:
/// its weights as they are).
fn soup(
    examples: &[Example],
    fold_trans: &[Vec<f32>],
    base: &Model,
    stack: &StackConfig,
    seed: u64,
) -> (HashMap<u32, Vec<f32>>, Vec<f32>) {
    let runs = stack.soup.max(1);
    let (mut weights, mut delta) = perceptron(examples, fold_trans, base, stack, seed);
    if runs == 1 {
        return (weights, delta);
    }
    for run in 1..runs {
        let (w, d) = perceptron(examples, fold_trans, base, stack, seed + run as u64);
        for (k, ws) in w {
            let sum = weights.entry(k).or_insert_with(|| vec![0.0; ws.len()]);
            for (a, b) in sum.iter_mut().zip(ws) {
                *a += b;
            }
        }
        for (a, b) in delta.iter_mut().zip(d) {
            *a += b;
        }
    }
    let n = runs as f32;
    for ws in weights.values_mut() {
        ws.iter_mut().for_each(|w| *w /= n);
    }
    delta.iter_mut().for_each(|w| *w /= n);
    (weights, delta)
}

/// The averaged perceptron of the second pass (with [`Update::Pa`] in `stack.update`: passive-aggressive steps
/// instead of unit ones; the weights are `f64` either way, which keeps the perceptron's integer sums exact).
fn perceptron(
    examples: &[Example],
    fold_trans: &[Vec<f32>],
    base: &Model,
    stack: &StackConfig,
    seed: u64,
) -> (HashMap<u32, Vec<f32>>, Vec<f32>) {
    let epochs = stack.epochs;
    let l = base.labels().len();
    let m = (l + 1) * l;
    let mut ids: HashMap<u32, usize> = HashMap::new();
    for e in examples {
        for &k in &e.keys {
            let next = ids.len();
            ids.entry(k).or_insert(next);
        }
    }
    let nf = ids.len();
    let data: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| e.keys.iter().map(|k| ids[k]).collect())
        .collect();
    let (mut w, mut u) = (vec![0f64; nf * l], vec![0f64; nf * l]);
    let (mut tw, mut tu) = (vec![0f64; m], vec![0f64; m]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut c: f64 = 1.0;
    let classes = vec![0usize; 1024];
    let mut trans = vec![0f32; m];
    for epoch in 0..epochs {
        super::shuffle(&mut order, &mut rng);
        let mut wrong = 0usize;
        for &si in &order {
            let e = &examples[si];
            let n = e.gold.len();
            let mut emit = e.emit.clone();
            for i in 0..n {
                for &f in &data[si][e.offsets[i]..e.offsets[i + 1]] {
                    for y in 0..l {
                        emit[i * l + y] += w[f * l + y] as f32;
                    }
                }
            }
            for (t, (&b, &d)) in trans.iter_mut().zip(fold_trans[e.fold].iter().zip(&tw)) {
                *t = b + d as f32;
            }
            let cls = if n <= classes.len() {
                &classes[..n]
            } else {
                &vec![0; n][..]
            };
            let pred = viterbi(n, l, &emit, &trans, cls, &base.allowed);
            let g = &e.gold;
            let tau = match stack.update {
                Update::Perceptron => 1.0,
                Update::Pa { cost, cap } => {
                    let feats = |i: usize| data[si][e.offsets[i]..e.offsets[i + 1]].iter().copied();
                    pa_step(g, &pred, (&emit, &trans, l), feats, (cost, cap))
                }
            };
            for i in 0..n {
                if pred[i] != g[i] {
                    wrong += 1;
                    for &f in &data[si][e.offsets[i]..e.offsets[i + 1]] {
                        w[f * l + g[i]] += tau;
                        u[f * l + g[i]] += c * tau;
                        w[f * l + pred[i]] -= tau;
                        u[f * l + pred[i]] -= c * tau;
                    }
                }
                let (gp, pp) = if i == 0 {
                    (0, 0)
                } else {
                    (g[i - 1] + 1, pred[i - 1] + 1)
                };
                if gp != pp || g[i] != pred[i] {
                    tw[gp * l + g[i]] += tau;
                    tu[gp * l + g[i]] += c * tau;
                    tw[pp * l + pred[i]] -= tau;
                    tu[pp * l + pred[i]] -= c * tau;
                }
            }
            c += 1.0;
        }
        eprintln!("  second pass epoch {:>2}: {wrong} tokens wrong", epoch + 1);
    }
    let avg = |w: f64, u: f64| (w - u / c) as f32;
    let mut weights = HashMap::new();
    for (&k, &f) in &ids {
        let ws: Vec<f32> = (0..l).map(|y| avg(w[f * l + y], u[f * l + y])).collect();
        if ws.iter().any(|&x| x != 0.0) {
            weights.insert(k, ws);
        }
    }
    let delta = tw.iter().zip(&tu).map(|(&w, &u)| avg(w, u)).collect();
    (weights, delta)
}

/// The passive-aggressive step of the second pass ([`Update::Pa`]): `min(cap, (cost · H − (s(y) − s(ŷ))) /
/// ‖φ(y) − φ(ŷ)‖²)`, the scores from the emissions (first pass's and second's, `n × L`) and transitions
/// (`(L + 1) × L`) the prediction was decoded with, `feats(i)` the second-pass feature ids of token `i`.
fn pa_step<I: Iterator<Item = usize>>(
    gold: &[usize],
    pred: &[usize],
    (emit, trans, l): (&[f32], &[f32], usize),
    feats: impl Fn(usize) -> I,
    (cost, cap): (f32, f32),
) -> f64 {
    let score = |path: &[usize]| -> f64 {
        let mut prev = 0;
        let mut s = 0f64;
        for (i, &y) in path.iter().enumerate() {
            s += f64::from(emit[i * l + y]) + f64::from(trans[prev * l + y]);
            prev = y + 1;
        }
        s
    };
    let mut delta: HashMap<usize, f64> = HashMap::new();
    let mut wrong = 0usize;
    for i in 0..gold.len() {
        if pred[i] != gold[i] {
            wrong += 1;
            for f in feats(i) {
                *delta.entry(f * l + gold[i]).or_default() += 1.0;
                *delta.entry(f * l + pred[i]).or_default() -= 1.0;
            }
        }
        let (gp, pp) = if i == 0 {
            (0, 0)
        } else {
            (gold[i - 1] + 1, pred[i - 1] + 1)
        };
        if gp != pp || gold[i] != pred[i] {
            // transitions after the emission ids (`usize::MAX / 2` is past any `nf × L`)
            *delta.entry(usize::MAX / 2 + gp * l + gold[i]).or_default() += 1.0;
            *delta.entry(usize::MAX / 2 + pp * l + pred[i]).or_default() -= 1.0;
        }
    }
    let norm: f64 = delta.values().map(|d| d * d).sum();
    if wrong == 0 || norm == 0.0 {
        return 0.0;
    }
    let loss = f64::from(cost) * wrong as f64 - (score(gold) - score(pred));
    (loss / norm).clamp(0.0, f64::from(cap))
}

/// The same model without its second pass (the first pass alone, for the paired comparison).
pub fn without_second(m: &Model) -> Model {
    let mut first = m.clone();
    first.second = None;
    first.features = FeatureSet(
        first.features.0
            & !(FeatureSet::STACK | FeatureSet::STACK_CONFIDENCE | FeatureSet::STACK_NAMED | FeatureSet::STACK_WINDOWS),
    );
    first.pack();
    first
}
