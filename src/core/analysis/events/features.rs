//! Per-document features: TF-IDF vectors (whole, head, body, character n-grams), the terms put in the
//! candidate index, and the MinHash of the shingled text.

use super::params::{INDEX_TERMS, ScoreParams};
use super::stats::CorpusStats;
use super::terms::DocTerms;
use crate::core::analysis::similarity::{MinHash, SparseVec, U64Map, sublinear_tf};

/// Per-document features.
pub(super) struct Features {
    pub(super) vec: SparseVec,
    pub(super) grams: Option<SparseVec>,
    pub(super) head: Option<SparseVec>,
    pub(super) body: Option<SparseVec>,
    pub(super) body_terms: usize,
    pub(super) index_terms: Vec<u64>,
    pub(super) minhash: MinHash,
}

/// Sublinear TF-IDF vector of weighted term lists.
fn tfidf(parts: &[(&[u64], f64)], stats: &CorpusStats, p: &ScoreParams) -> SparseVec {
    let mut tf: U64Map<u64, f64> = U64Map::default();
    for &(list, weight) in parts {
        for &t in list {
            *tf.entry(t).or_default() += weight;
        }
    }
    let k1 = p.bm25_k1;
    SparseVec::normalised(tf.into_iter().filter(|&(_, f)| f > 0.0).map(|(k, f)| {
        let w = if k1 > 0.0 {
            f * (k1 + 1.0) / (f + k1)
        } else {
            sublinear_tf(f)
        };
        (k, w * stats.idf_of(k))
    }))
}

/// The features of one document: the whole weighted vector (body capped at `p.max_words` terms), the head
/// and body vectors when asked for, the character n-gram vector when on, the [`INDEX_TERMS`] heaviest terms
/// and the MinHash of its shingled text.
pub(super) fn features(terms: &DocTerms, stats: &CorpusStats, p: &ScoreParams) -> Features {
    let text: &[u64] = if p.max_words > 0 && terms.text.len() > p.max_words {
        &terms.text[..p.max_words]
    } else {
        &terms.text
    };
    let vec = tfidf(
        &[
            (&terms.title, p.title_weight),
            (&terms.lead, p.lead_weight),
            (text, 1.0),
        ],
        stats,
        p,
    );
    let head = (p.details || p.w_head > 0.0 || p.short_body_terms > 0)
        .then(|| tfidf(&[(&terms.title, 1.0), (&terms.lead, 1.0)], stats, p));
    let body = p.details.then(|| tfidf(&[(text, 1.0)], stats, p));
    let grams = (p.char_grams > 0).then(|| {
        tfidf(
            &[
                (&terms.grams[0], p.title_weight),
                (&terms.grams[1], p.lead_weight),
                (&terms.grams[2], 1.0),
            ],
            stats,
            p,
        )
    });
    let mut by_weight = vec.0.clone();
    by_weight.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let index_terms = by_weight.iter().take(INDEX_TERMS).map(|&(k, _)| k).collect();
    Features {
        vec,
        grams,
        head,
        body,
        body_terms: terms.text.len(),
        index_terms,
        minhash: MinHash::of_text(&terms.shingled),
    }
}
