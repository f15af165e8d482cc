//! Analysis of clean articles: entity mentions linked to a knowledge base, dates and quantities.
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

pub mod dates;
pub mod entities;
pub mod kb;
pub mod morphology;
pub mod quantities;
mod tokens;
