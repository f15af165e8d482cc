//! Training and evaluation of the NER model ([`crate::core::analysis::ner`]).
//!
//! - [`clusters`] groups words by the contexts they occur in (word clusters from unlabelled text);
//! - [`data`] reads the corpora (GermEval 2014 TSV, including the reconstructed train split with its
//!   placeholders, and the CoNLL-style files of `ner-de-train`);
//! - [`train`] trains a [`Model`](crate::core::analysis::ner::Model) (averaged perceptron) and writes the
//!   model file;
//! - [`pa`] passive-aggressive updates, an opt-in alternative to the perceptron's;
//! - [`eval`] scores predictions CoNLL-style (exact span and type).

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
