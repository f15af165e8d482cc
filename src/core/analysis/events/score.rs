//! The pair score: the signals of two documents combined into the same-story and same-event scores, and
//! the reasons shown with a link.

use std::collections::HashSet;

use super::features::{Features, features};
use super::params::ScoreParams;
use super::sentences::{match_sentences, prep_sentences};
use super::stats::CorpusStats;
use super::terms::DocTerms;
use super::types::{LinkDoc, Reasons, SharedSentence, Signals};
use crate::core::analysis::similarity::{Analyzer, SparseVec, entity_overlap, time_factor};

/// The signals of a pair and the two scores made of them (see [`Signals`]): text (optionally mixed with
/// the head or the character n-grams), entities (optionally rare ones only), near-duplicate share and time.
pub(super) fn signals(
    a: &LinkDoc,
    b: &LinkDoc,
    fa: &Features,
    fb: &Features,
    stats: &CorpusStats,
    p: &ScoreParams,
) -> Signals {
    let full = match (&fa.grams, &fb.grams) {
        (Some(ga), Some(gb)) => {
            (1.0 - p.w_char_grams) * fa.vec.cosine(&fb.vec).sqrt() + p.w_char_grams * ga.cosine(gb).sqrt()
        }
        _ => fa.vec.cosine(&fb.vec).sqrt(),
    };
    let sim = |x: &Option<SparseVec>, y: &Option<SparseVec>| match (x, y) {
        (Some(x), Some(y)) => Some(x.cosine(y).sqrt()),
        _ => None,
    };
    let head = sim(&fa.head, &fb.head);
    let body = sim(&fa.body, &fb.body);
    let short = p.short_body_terms > 0 && fa.body_terms.min(fb.body_terms) < p.short_body_terms;
    let text = match head {
        Some(h) if short => h,
        Some(h) => (1.0 - p.w_head) * full + p.w_head * h,
        None => full,
    };
    let entities = if p.entity_max_doc_share < 1.0 {
        let max_df = (p.entity_max_doc_share * stats.docs as f64).max(2.0);
        let rare = |d: &LinkDoc| -> Vec<String> {
            d.entities
                .iter()
                .filter(|e| f64::from(stats.entity_df.get(*e).copied().unwrap_or(0)) <= max_df)
                .cloned()
                .collect()
        };
        entity_overlap(&rare(a), &rare(b), |e| stats.entity_idf(e))
    } else {
        entity_overlap(&a.entities, &b.entities, |e| stats.entity_idf(e))
    };
    let near_duplicate = fa.minhash.containment(&fb.minhash);
    let time = time_factor(a.date, b.date);
    let base = match entities {
        Some(e) if p.w_text + p.w_entities > 0.0 => (p.w_text * text + p.w_entities * e) / (p.w_text + p.w_entities),
        _ => text,
    };
    let story = (1.0 - (1.0 - base) * (1.0 - p.w_duplicate * near_duplicate)).clamp(0.0, 1.0);
    let event = match time {
        Some((_, t)) => story * (p.time_floor + (1.0 - p.time_floor) * t),
        None => story,
    };
    Signals {
        text,
        head,
        body,
        entities,
        near_duplicate,
        time: time.map(|(_, t)| t),
        story,
        event,
    }
}

/// The reasons of a link: shared entities (rarest first), the shared sentences, the day difference and the
/// signals.
pub(super) fn reasons(
    a: &LinkDoc,
    b: &LinkDoc,
    s: Signals,
    stats: &CorpusStats,
    shared: Vec<SharedSentence>,
) -> Reasons {
    let eb: HashSet<&String> = b.entities.iter().collect();
    let mut shared_ents: Vec<String> = a
        .entities
        .iter()
        .filter(|e| eb.contains(e))
        .cloned()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    shared_ents.sort_by(|x, y| stats.entity_idf(y).total_cmp(&stats.entity_idf(x)).then(x.cmp(y)));
    Reasons {
        shared_entities: shared_ents,
        shared_sentences: shared,
        day_difference: time_factor(a.date, b.date).map(|(d, _)| d),
        signals: s,
    }
}

/// The score of a pair and its reasons, with the default [`ScoreParams`]. The score is the same-event
/// score (equal to the same-story score when a date is unknown), in [0, 1]. `stats` should come from the
/// corpus both documents belong to. This is the code [`link`](super::link) runs on each candidate pair.
pub fn pair_score(a: &LinkDoc, b: &LinkDoc, stats: &CorpusStats) -> (f64, Reasons) {
    pair_score_with(a, b, stats, &ScoreParams::default())
}

/// [`pair_score`] with explicit parameters (for tuning and evaluation).
pub fn pair_score_with(a: &LinkDoc, b: &LinkDoc, stats: &CorpusStats, p: &ScoreParams) -> (f64, Reasons) {
    let analyzer = Analyzer::new();
    let (ta, tb) = (
        DocTerms::of(&analyzer, a, &stats.boilerplate, p),
        DocTerms::of(&analyzer, b, &stats.boilerplate, p),
    );
    let (fa, fb) = (features(&ta, stats, p), features(&tb, stats, p));
    let s = signals(a, b, &fa, &fb, stats, p);
    let shared = match_sentences(
        &prep_sentences(&a.text, &stats.boilerplate),
        &prep_sentences(&b.text, &stats.boilerplate),
    );
    (s.event, reasons(a, b, s, stats, shared))
}
