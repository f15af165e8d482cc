//! Document terms: the hashed stems of each document's title, lead and body after boilerplate removal,
//! and the junk-body test that falls back to the headline alone.

use std::collections::HashSet;

use super::boilerplate::strip_boilerplate;
use super::params::{JUNK_BODY_TITLE_TERMS, ScoreParams};
use super::stats::U64Set;
use super::types::LinkDoc;
use crate::core::analysis::similarity::{Analyzer, char_gram_hashes};

/// The terms of each document; `has[i]` says whether document `i` holds boilerplate to strip.
pub(super) fn doc_terms(
    analyzer: &Analyzer,
    docs: &[LinkDoc],
    boilerplate: &U64Set,
    has: &[bool],
    p: &ScoreParams,
) -> Vec<DocTerms> {
    let none = U64Set::default();
    docs.iter()
        .zip(has)
        .map(|(d, &h)| DocTerms::of(analyzer, d, if h { boilerplate } else { &none }, p))
        .collect()
}

/// Hashed terms of a document's title, lead and text (boilerplate removed), and the text shingled for
/// near-duplicates.
pub(super) struct DocTerms {
    pub(super) title: Vec<u64>,
    pub(super) lead: Vec<u64>,
    pub(super) text: Vec<u64>,
    pub(super) shingled: String,
    /// Character n-grams of the title, lead and (capped) text terms; empty unless [`CHAR_GRAMS`](super::CHAR_GRAMS) is on.
    pub(super) grams: [Vec<u64>; 3],
}

impl DocTerms {
    pub(super) fn of(analyzer: &Analyzer, d: &LinkDoc, boilerplate: &U64Set, p: &ScoreParams) -> Self {
        let text = strip_boilerplate(&d.text, boilerplate);
        let lead_text = strip_boilerplate(&d.lead, boilerplate);
        let title = analyzer.term_hashes(&d.title);
        let lead = analyzer.term_hashes(&lead_text);
        let body = analyzer.term_hashes(&text);
        let grams = |t: &str, cap: usize| -> Vec<u64> {
            let mut out = Vec::new();
            if p.char_grams > 0 {
                let terms = analyzer.terms(t);
                let n = if cap > 0 { terms.len().min(cap) } else { terms.len() };
                for term in &terms[..n] {
                    char_gram_hashes(term, p.char_grams, &mut out);
                }
            }
            out
        };
        if p.junk_body && is_junk_body(&title, &lead, &body) && !shares_word_part(analyzer, &d.title, &d.lead, &text) {
            return Self {
                title,
                lead: Vec::new(),
                text: Vec::new(),
                shingled: d.title.clone(),
                grams: [grams(&d.title, 0), Vec::new(), Vec::new()],
            };
        }
        Self {
            title,
            lead,
            text: body,
            grams: [grams(&d.title, 0), grams(&lead_text, 0), grams(&text, p.max_words)],
            shingled: format!("{}\n\n{text}", d.title),
        }
    }
}

/// Whether a body (lead and text terms) shares no term with a headline of at least [`JUNK_BODY_TITLE_TERMS`]
/// distinct terms (see [`JUNK_BODY`](super::JUNK_BODY)).
fn is_junk_body(title: &[u64], lead: &[u64], body: &[u64]) -> bool {
    let title: U64Set = title.iter().copied().collect();
    title.len() >= JUNK_BODY_TITLE_TERMS && !lead.iter().chain(body).any(|t| title.contains(t))
}

/// Whether a headline and a body share a word part: a stem of one inside a stem of the other ("regier" in
/// "regierungsprogramm", "corona" in "coronakris"), for terms of at least 4 characters. The second, slower test of
/// [`JUNK_BODY`](super::JUNK_BODY), run only on the few bodies that share no whole term with their headline.
fn shares_word_part(analyzer: &Analyzer, title: &str, lead: &str, text: &str) -> bool {
    let title: Vec<String> = analyzer.terms(title).into_iter().filter(|t| t.len() >= 4).collect();
    let body: HashSet<String> = analyzer
        .terms(lead)
        .into_iter()
        .chain(analyzer.terms(text))
        .filter(|t| t.len() >= 4)
        .collect();
    body.iter()
        .any(|b| title.iter().any(|t| b.contains(t.as_str()) || t.contains(b.as_str())))
}
