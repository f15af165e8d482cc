//! Corpus statistics: document frequencies of terms and entities, and the corpus's boilerplate sentences.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::boilerplate::boilerplate_keys;
use super::params::{BOILERPLATE_MIN_WORDS, ScoreParams};
use super::terms::{DocTerms, doc_terms};
use super::types::LinkDoc;
use crate::core::analysis::similarity::{Analyzer, U64Hasher, U64Map, hash_str, idf, sentence_key};

/// Document frequencies of terms and entities over a corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    pub(super) docs: usize,
    pub(super) term_df: U64Map<u64, u32>,
    pub(super) entity_df: HashMap<String, u32>,
    pub(super) boilerplate: U64Set,
}

/// A set of values that are already hashes.
pub(super) type U64Set = HashSet<u64, BuildHasherDefault<U64Hasher>>;

impl CorpusStats {
    /// Statistics of these documents, with the default [`ScoreParams`].
    pub fn from_docs(docs: &[LinkDoc]) -> Self {
        Self::from_docs_with(docs, &ScoreParams::default())
    }

    /// Statistics of these documents; `p` says what counts as boilerplate.
    pub fn from_docs_with(docs: &[LinkDoc], p: &ScoreParams) -> Self {
        let analyzer = Analyzer::new();
        let (boilerplate, has) = boilerplate_keys(&analyzer, docs, p);
        let terms = doc_terms(&analyzer, docs, &boilerplate, &has, p);
        Self::from_terms(docs, &terms, boilerplate)
    }

    pub(super) fn from_terms(docs: &[LinkDoc], terms: &[DocTerms], boilerplate: U64Set) -> Self {
        let mut term_df: U64Map<u64, u32> = U64Map::default();
        let mut distinct: Vec<u64> = Vec::new();
        for t in terms {
            distinct.clear();
            distinct.extend(t.title.iter().chain(&t.lead).chain(&t.text).copied());
            distinct.extend(t.grams.iter().flatten().copied());
            distinct.sort_unstable();
            distinct.dedup();
            for &k in &distinct {
                *term_df.entry(k).or_default() += 1;
            }
        }
        let mut entity_df: HashMap<String, u32> = HashMap::new();
        for d in docs {
            let distinct: HashSet<&String> = d.entities.iter().collect();
            for e in distinct {
                *entity_df.entry(e.clone()).or_default() += 1;
            }
        }
        Self {
            docs: docs.len(),
            term_df,
            entity_df,
            boilerplate,
        }
    }

    /// How many distinct sentences count as boilerplate in this corpus (see [`BOILERPLATE_MIN_DOCS`](super::BOILERPLATE_MIN_DOCS)).
    pub fn boilerplate_sentences(&self) -> usize {
        self.boilerplate.len()
    }

    /// Whether a sentence counts as boilerplate in this corpus.
    pub fn is_boilerplate(&self, sentence: &str) -> bool {
        sentence_key(sentence, BOILERPLATE_MIN_WORDS).is_some_and(|k| self.boilerplate.contains(&k))
    }

    /// Number of documents.
    pub fn docs(&self) -> usize {
        self.docs
    }

    /// IDF of a term (a stem from [`Analyzer::terms`]).
    pub fn term_idf(&self, term: &str) -> f64 {
        self.idf_of(hash_str(term))
    }

    pub(super) fn idf_of(&self, key: u64) -> f64 {
        idf(self.term_df.get(&key).copied().unwrap_or(0), self.docs)
    }

    /// IDF of an entity id: rare entities weigh more.
    pub fn entity_idf(&self, entity: &str) -> f64 {
        idf(self.entity_df.get(entity).copied().unwrap_or(0), self.docs)
    }
}
