//! Analysis of clean articles: entity mentions linked to a knowledge base, dates and quantities, and how
//! articles relate (same event, same story).
//!
//! The pipeline, in order:
//! 1. [`kb`]: the knowledge base (`kb/*.toml`, parsed by `build.rs` and embedded as JSON) is loaded once.
//! 2. [`morphology`]: every KB name is expanded into its German surface forms (genitive, adjective endings,
//!    demonyms, role titles, surnames) and folded (case, diacritics) for matching.
//! 3. [`entities`]: one aho-corasick automaton over all folded forms finds the names in an article's text;
//!    hits are checked (token boundaries, case-sensitive aliases), the longest wins, and each is resolved to
//!    one entity by the article's date (role titles) and context (shared names), or left unlinked.
//! 4. [`dates`] and [`quantities`]: rule-based dates (resolved against the article's date) and amounts.
//! 5. [`entities::find_mentions`] merges all of it into sorted, non-overlapping [`entities::Mention`]s with
//!    code point offsets into [`crate::core::corpus::Article::text`]; [`entities::analyze_corpus`] does that
//!    for a whole corpus and sums up the entities.
//! 6. [`similarity`]: scoring primitives — German stems, sublinear TF-IDF, MinHash shingles, time factor.
//! 7. [`events`]: same-event and same-story links between articles, with reasons, and groups.
//! 8. [`diff`]: the compare view's model — aligned sentences and word differences of two reports.
//! 9. [`ner`]: a statistical German named-entity tagger (averaged structured perceptron, trained in the
//!    project by `presseschau train-ner`, model embedded in the binary) finds names no knowledge base lists.

pub mod dates;
pub mod detected;
pub mod diff;
pub mod entities;
pub mod events;
pub mod kb;
pub mod mention;
pub mod morphology;
pub mod ner;
pub mod page_data;
pub mod precomputed;
pub mod quantities;
pub mod similarity;
mod tokens;
