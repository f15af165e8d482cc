//! Training and evaluation of the NER model ([`crate::core::analysis::ner`]).
//!
//! - [`clusters`] groups words by the contexts they occur in (word clusters from unlabelled text);
//! - [`data`] reads the corpora (GermEval 2014 TSV, including the reconstructed train split with its
//!   placeholders, and the CoNLL-style files of `ner-de-train`);
//! - [`train`] trains a [`Model`](crate::core::analysis::ner::Model) (averaged perceptron) and writes the
//!   model file;
//! - [`pa`] passive-aggressive updates, an opt-in alternative to the perceptron's;
//! - [`bias`] the decoder's bias against `O`, tuned on a slice of the training data;
//! - [`eval`] scores predictions CoNLL-style (exact span and type).

pub mod bias;
pub mod clusters;
pub mod data;
pub mod eval;
pub mod pa;
pub mod stack;
pub mod train;

/// One step of the lab's seeded randomness (xorshift64: shuffles, word dropout, samples); the new state.
pub fn xorshift(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// Shuffles `order` in place (Fisher–Yates with [`xorshift`]): the same order for the same state of `rng`.
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        let r = xorshift(rng);
        order.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// A training sentence's emission scores (`gold.len()` tokens × `l` labels, into `emit`): the weights of
/// each token's features (`ks[offs[i]..offs[i + 1]]`, weight of feature `f` for label `y` at `f * l + y`),
/// plus `margin` on every label but the gold one (cost-augmented decoding).
pub fn emissions(
    emit: &mut Vec<f32>,
    (ks, offs): (&[u32], &[usize]),
    gold: &[usize],
    l: usize,
    margin: f32,
    weight: impl Fn(usize) -> f32,
) {
    let n = gold.len();
    emit.clear();
    emit.resize(n * l, 0f32);
    for i in 0..n {
        for &f in &ks[offs[i]..offs[i + 1]] {
            let base = f as usize * l;
            for y in 0..l {
                emit[i * l + y] += weight(base + y);
            }
        }
        if margin > 0.0 {
            for y in (0..l).filter(|&y| y != gold[i]) {
                emit[i * l + y] += margin;
            }
        }
    }
}
