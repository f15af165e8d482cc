//! Text analysis on clean article text.
//!
//! The pipeline, in order:
//! 1. [`ner`]: a statistical German named-entity tagger (averaged structured perceptron, trained in the
//!    project by `presseschau train-ner`, model embedded in the binary) finds person, place, organisation
//!    and other names, including names no knowledge base lists.
//!
//! Knowledge-base matches (the entities module) win where they overlap with model spans; spans only the
//! model finds become "detected" names.

pub mod ner;
