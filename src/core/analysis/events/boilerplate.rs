//! Boilerplate and contact-line filters: sentences that repeat across unrelated documents (cookie banners,
//! paywall notices) and press-office contact data are left out of every signal.

use std::borrow::Cow;
use std::collections::HashMap;

use super::params::{BOILERPLATE_GUARD_DOCS, BOILERPLATE_MIN_WORDS, ScoreParams};
use super::stats::U64Set;
use super::types::LinkDoc;
use crate::core::analysis::diff::split_sentences;
use crate::core::analysis::similarity::{Analyzer, U64Map, sentence_key};

/// Keys ([`sentence_key`]) of the boilerplate sentences of lead and text: those that occur in at least
/// `p.boilerplate_min_docs` documents (0: none) whose titles do not tell one story (mean pairwise Jaccard of
/// their title terms below `p.boilerplate_title_guard`).
/// Also says for each document whether it holds any boilerplate (the others need no stripping).
pub(super) fn boilerplate_keys(analyzer: &Analyzer, docs: &[LinkDoc], p: &ScoreParams) -> (U64Set, Vec<bool>) {
    if p.boilerplate_min_docs == 0 && !p.contact_lines {
        return (U64Set::default(), vec![false; docs.len()]);
    }
    let mut df: U64Map<u64, u32> = U64Map::default();
    let mut per_doc: Vec<Vec<u64>> = Vec::with_capacity(docs.len());
    let mut out = U64Set::default();
    for d in docs {
        // the lead is usually the start of the text: split it only when it is not
        let lead = if d.text.contains(d.lead.as_str()) {
            ""
        } else {
            d.lead.as_str()
        };
        let mut keys: Vec<u64> = Vec::new();
        for part in [lead, d.text.as_str()] {
            // everything after "Rückfragen bitte an" / "Pressekontakt" is the press office's contact block
            let mut footer = false;
            for (_, s) in split_sentences(part) {
                footer |= p.contact_lines && starts_contact_block(s);
                if let Some(key) = sentence_key(s, BOILERPLATE_MIN_WORDS) {
                    if footer || (p.contact_lines && is_contact_line(s)) {
                        out.insert(key);
                    }
                    keys.push(key);
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            *df.entry(k).or_default() += 1;
        }
        per_doc.push(keys);
    }
    // the documents of each frequent sentence (the first BOILERPLATE_GUARD_DOCS of them)
    let mut holders: U64Map<u64, Vec<usize>> = U64Map::default();
    for (i, keys) in per_doc.iter().enumerate() {
        for k in keys {
            if p.boilerplate_min_docs > 0 && df[k] as usize >= p.boilerplate_min_docs && !out.contains(k) {
                let h = holders.entry(*k).or_default();
                if h.len() < BOILERPLATE_GUARD_DOCS {
                    h.push(i);
                }
            }
        }
    }
    let mut titles: HashMap<usize, Vec<u64>> = HashMap::new();
    for (k, ds) in holders {
        for &i in &ds {
            titles.entry(i).or_insert_with(|| {
                let mut t = analyzer.term_hashes(&docs[i].title);
                t.sort_unstable();
                t.dedup();
                t
            });
        }
        let (mut sum, mut pairs) = (0.0, 0usize);
        for (x, &i) in ds.iter().enumerate() {
            for &j in &ds[x + 1..] {
                sum += jaccard_sorted(&titles[&i], &titles[&j]);
                pairs += 1;
            }
        }
        if pairs > 0 && sum / (pairs as f64) < p.boilerplate_title_guard {
            out.insert(k);
        }
    }
    let has = per_doc
        .iter()
        .map(|keys| keys.iter().any(|k| out.contains(k)))
        .collect();
    (out, has)
}

/// Whether a line opens a press office's contact block, which runs to the end of the text: a short heading
/// such as "Rückfragen bitte an:" or "Pressekontakt:" (not a sentence that starts with "Rückfragen an …").
fn starts_contact_block(s: &str) -> bool {
    let line = s.trim();
    // the cheap test first: most sentences are neither short nor end with a colon
    (line.ends_with(':') || line.split_whitespace().count() <= 3) && {
        let lower = line.to_lowercase();
        ["rückfragen bitte an", "rückfragen an", "pressekontakt"]
            .iter()
            .any(|f| lower.starts_with(f))
    }
}

/// Whether a sentence or line is contact data or a press office footer (see [`CONTACT_LINES`](super::CONTACT_LINES)).
pub fn is_contact_line(s: &str) -> bool {
    const FOOTERS: [&str; 5] = [
        "rückfragen bitte an",
        "original-content von",
        "übermittelt durch news aktuell",
        "pressekontakt",
        "weiteres material:",
    ];
    let lower = s.to_lowercase();
    if FOOTERS.iter().any(|f| lower.contains(f)) || lower.contains("http://") || lower.contains("https://") {
        return true;
    }
    let tokens = || s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'));
    // an e-mail address or a web address
    if tokens().any(|t| {
        let t = t.trim_end_matches(['.', ':']);
        let mail = t.split_once('@').is_some_and(|(u, h)| !u.is_empty() && h.contains('.'));
        mail || t.starts_with("www.")
    }) {
        return true;
    }
    // a phone number: at least 9 digits in one run of digits and single spaces, '-' or '/' between them, or 7
    // when the line says "Telefon", "Tel.", "Fax" or "Mobil:"
    let labelled = lower
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != ':')
        .any(|t| t.starts_with("telefon") || matches!(t, "tel." | "tel.:" | "fax" | "fax:" | "mobil:"));
    let (mut run, mut best) = (0usize, 0usize);
    let mut last_digit = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run += 1;
            last_digit = true;
        } else if last_digit && matches!(c, ' ' | '-' | '/') {
            last_digit = false;
        } else {
            best = best.max(run);
            run = 0;
            last_digit = false;
        }
    }
    best = best.max(run);
    best >= 9 || (best >= 7 && labelled)
}

/// Jaccard similarity of two sorted, deduplicated lists (0 when both are empty).
fn jaccard_sorted(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 { 0.0 } else { both as f64 / union as f64 }
}

/// The text without its boilerplate sentences (kept sentences joined by blank lines).
pub(super) fn strip_boilerplate<'t>(text: &'t str, boilerplate: &U64Set) -> Cow<'t, str> {
    if boilerplate.is_empty() {
        return Cow::Borrowed(text);
    }
    let sentences = split_sentences(text);
    let is_boiler = |s: &str| sentence_key(s, BOILERPLATE_MIN_WORDS).is_some_and(|k| boilerplate.contains(&k));
    if !sentences.iter().any(|(_, s)| is_boiler(s)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        sentences
            .into_iter()
            .filter(|(_, s)| !is_boiler(s))
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}
