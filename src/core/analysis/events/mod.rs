//! Same event, same story: link the reports of one event and say why.
//!
//! 0. Sentences that repeat in several documents with unrelated titles (cookie banners, paywall notices,
//!    press-release footers) are boilerplate: they are left out of everything below ([`BOILERPLATE_MIN_DOCS`]).
//! 1. Each [`LinkDoc`] becomes features: a sublinear TF-IDF vector of German stems (title and lead
//!    weighted up), its entity ids (weighted by rarity), a MinHash over word shingles, and its date.
//! 2. Candidate pairs come from an inverted index over each article's most distinctive terms and its
//!    entities, plus LSH bands over the MinHash — never from all pairs. The cost grows near-linearly.
//! 3. [`pair_score`] combines text similarity, entity overlap and the near-duplicate share into a content
//!    score (the *same story* score), and multiplies it by a Gaussian time factor when both dates are known
//!    (the *same event* score). [`link`] scores every candidate with exactly this code.
//! 4. Links become groups by average-link merging: two groups merge only when most pairs across them
//!    are linked, so a chain A–B–C with A and C unrelated does not make one event.
//! 5. Every link carries [`Reasons`]; [`explain_de`] and [`explain_en`] turn them into short phrases.
//!
//! The files follow these steps: `params` (every tunable constant, with its measured effect, and
//! [`ScoreParams`]), `types` (input and results), `stats` (corpus statistics), `boilerplate` (step 0),
//! `terms` and `features` (step 1), `candidates` (step 2), `score` and `sentences` (step 3),
//! `grouping` (step 4), `explain` (step 5); [`link_with`] below runs them in order.
//!
//! The constants were chosen on the dev half of `../shared/data/same-event-de` with
//! `presseschau eval pairs … --grid` (see that command); the time constants come from the literature since
//! that data has no dates.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "counts far below 2^52 become f64 weights; indices fit u32 (at most 4 billion documents)"
)]

mod boilerplate;
mod candidates;
mod explain;
mod features;
mod grouping;
mod params;
mod score;
mod sentences;
mod stats;
mod terms;
mod types;

use std::collections::HashMap;

pub use boilerplate::is_contact_line;
pub use explain::{explain_de, explain_en};
pub use grouping::group_id;
pub use params::*; // every tunable constant, and ScoreParams
pub use score::{pair_score, pair_score_with};
pub use sentences::shared_sentences;
pub use stats::CorpusStats;
pub use types::{EventGroup, Link, LinkDoc, LinkLevel, LinkStats, Linkage, Reasons, SharedSentence, Signals};

use crate::core::analysis::similarity::Analyzer;
use boilerplate::boilerplate_keys;
use candidates::candidates;
use features::{Features, features};
use grouping::group;
use score::{reasons, signals};
use sentences::{Sentences, match_sentences, prep_sentences};
use terms::doc_terms;

/// Links a corpus with the default [`ScoreParams`]: links between candidate pairs, and groups.
///
/// ```
/// use presseschau::core::analysis::events::{LinkDoc, LinkLevel, link};
/// use presseschau::core::corpus::ArticleId;
/// let doc = |id: &str, text: &str| LinkDoc {
///     id: ArticleId(id.into()), title: String::new(), lead: String::new(), text: text.into(),
///     date: None, entities: vec![],
/// };
/// let text = "Die Präsidenten Russlands und der Türkei wollen die Beziehungen ihrer Länder verbessern. \
///             Nach einem Telefonat am Sonntag teilten ihre Büros mit, die Zusammenarbeit zu vertiefen.";
/// let linkage = link(&[doc("a", text), doc("b", text), doc("c", "Der Wetterdienst erwartet Regen im Norden.")]);
/// assert_eq!(linkage.links.len(), 1);
/// assert_eq!(linkage.links[0].level, LinkLevel::SameEvent);
/// assert_eq!(linkage.events[0].members.len(), 2);
/// ```
pub fn link(docs: &[LinkDoc]) -> Linkage {
    link_with(docs, &ScoreParams::default()).0
}

/// [`link`] with explicit parameters; also returns how many candidate pairs were scored.
pub fn link_with(docs: &[LinkDoc], p: &ScoreParams) -> (Linkage, LinkStats) {
    let analyzer = Analyzer::new();
    let (boilerplate, has) = boilerplate_keys(&analyzer, docs, p);
    let terms = doc_terms(&analyzer, docs, &boilerplate, &has, p);
    let stats = CorpusStats::from_terms(docs, &terms, boilerplate);
    let feats: Vec<Features> = terms.iter().map(|t| features(t, &stats, p)).collect();
    drop(terms);
    let candidates = candidates(docs, &feats);
    let mut links = Vec::new();
    // sentences are prepared once per linked document, on demand
    let mut sentences: HashMap<usize, Sentences> = HashMap::new();
    for &(i, j) in &candidates {
        let (i, j) = (i as usize, j as usize);
        let (a, b) = (&docs[i], &docs[j]);
        if a.id == b.id {
            continue;
        }
        let s = signals(a, b, &feats[i], &feats[j], &stats, p);
        if let Some(level) = p.level(&s) {
            let score = if level == LinkLevel::SameEvent {
                s.event
            } else {
                s.story
            };
            let (i, j) = if a.id <= b.id { (i, j) } else { (j, i) };
            let (a, b) = (&docs[i], &docs[j]);
            for k in [i, j] {
                sentences
                    .entry(k)
                    .or_insert_with(|| prep_sentences(&docs[k].text, &stats.boilerplate));
            }
            let shared = match_sentences(&sentences[&i], &sentences[&j]);
            links.push(Link {
                a: a.id.clone(),
                b: b.id.clone(),
                level,
                score,
                reasons: reasons(a, b, s, &stats, shared),
            });
        }
    }
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    let mut events = group(&links, LinkLevel::SameEvent, p);
    events.extend(group(&links, LinkLevel::SameStory, p));
    (
        Linkage { links, events },
        LinkStats {
            candidates: candidates.len(),
        },
    )
}
