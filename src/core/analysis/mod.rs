//! Analysis of a corpus: what the articles are about and how they relate.
//!
//! The pipeline, in order:
//! 1. [`similarity`]: scoring primitives — German stems, sublinear TF-IDF, MinHash shingles, time factor.
//! 2. [`events`]: same-event and same-story links between articles, with reasons, and groups.
//! 3. [`diff`]: the compare view's model — aligned sentences and word differences of two reports.

pub mod diff;
pub mod events;
pub mod similarity;
