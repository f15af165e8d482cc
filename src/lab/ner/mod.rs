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
