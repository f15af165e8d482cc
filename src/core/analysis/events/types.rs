//! The linker's input ([`LinkDoc`]) and its results: links with their level, signals and reasons, groups,
//! and the [`Linkage`] of a corpus.

use serde::{Deserialize, Serialize};

use super::params::LEAD_MIN_WORDS;
use crate::core::analysis::diff::split_sentences;
use crate::core::corpus::{Article, ArticleId, BlockKind, SimpleDate};

/// An article as the linker sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkDoc {
    /// The article id.
    pub id: ArticleId,
    /// The headline.
    pub title: String,
    /// The lead (teaser); may also be the start of `text`, it is weighted extra on purpose.
    pub lead: String,
    /// The body text. Sentence positions in [`Reasons`] are code point offsets into this string.
    pub text: String,
    /// Publication date with its precision, when known.
    pub date: Option<SimpleDate>,
    /// Knowledge-base entity ids mentioned in the article (repeats are ignored).
    pub entities: Vec<String>,
}

impl LinkDoc {
    /// The link view of an ingested article: title, the lead block, the clean text and the date.
    pub fn from_article(article: &Article, entities: Vec<String>) -> Self {
        Self {
            id: article.id.clone(),
            title: article.title.text.clone(),
            lead: article
                .blocks
                .iter()
                .find(|b| b.kind == BlockKind::Lead)
                .map(|b| b.text.clone())
                .unwrap_or_default(),
            text: article.text(),
            date: article.date.value,
            entities,
        }
    }

    /// The link view of a plain text without structure: the lead is the first two sentences of the first
    /// paragraph with at least [`LEAD_MIN_WORDS`] words (short first lines are often boilerplate).
    pub fn from_plain(id: ArticleId, title: &str, text: &str, date: Option<SimpleDate>, entities: Vec<String>) -> Self {
        let lead = text
            .split("\n\n")
            .find(|p| p.split_whitespace().count() >= LEAD_MIN_WORDS)
            .map(|p| {
                split_sentences(p)
                    .into_iter()
                    .take(2)
                    .map(|(_, s)| s)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        Self {
            id,
            title: title.to_string(),
            lead,
            text: text.to_string(),
            date,
            entities,
        }
    }
}

/// How close two reports are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkLevel {
    /// The same event (tight: similar content and, when dates are known, close in time).
    SameEvent,
    /// The same story: same actors and thread over time (looser, no time factor).
    SameStory,
}

/// The score of each signal for one pair.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Signals {
    /// Square root of the cosine of the TF-IDF vectors, in [0, 1]. The root spreads the low cosines of
    /// independently written reports of one event (0.1–0.3) away from unrelated pairs (≈ 0.01); on the dev
    /// data it makes the score more linear in the human judgement (Pearson 0.69 → 0.74, AUC unchanged).
    pub text: f64,
    /// Square root of the cosine of the title + lead TF-IDF vectors alone, in [0, 1] (part of `text` when
    /// [`W_HEAD`](super::W_HEAD) or [`SHORT_BODY_TERMS`](super::SHORT_BODY_TERMS) is on). `None` unless the score uses it or
    /// [`ScoreParams::details`](super::ScoreParams::details) asks for it.
    pub head: Option<f64>,
    /// Square root of the cosine of the body TF-IDF vectors alone (no title, no extra lead weight), in [0, 1].
    /// Not part of the score; `None` unless [`ScoreParams::details`](super::ScoreParams::details) asks for it (evaluation).
    pub body: Option<f64>,
    /// Rarity-weighted overlap of the entity ids, in [0, 1]; `None` when one side has no entities.
    pub entities: Option<f64>,
    /// Estimated share of the shorter text's word shingles found in the other, in [0, 1].
    pub near_duplicate: f64,
    /// Gaussian time factor in [0, 1]; `None` when a date is unknown or only a year.
    pub time: Option<f64>,
    /// The same-story score: text and entities, lifted by the near-duplicate share.
    pub story: f64,
    /// The same-event score: the story score times the time multiplier.
    pub event: f64,
}

/// A sentence both reports have, identical or nearly so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedSentence {
    /// The sentence in the first article (`a`).
    pub left: String,
    /// Its offset in the first article's text, in code points.
    pub left_start: usize,
    /// The sentence in the second article (`b`).
    pub right: String,
    /// Its offset in the second article's text, in code points.
    pub right_start: usize,
    /// Word overlap (Dice) in [0, 1]; 1 for identical wording.
    pub similarity: f64,
}

/// Why two articles are linked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reasons {
    /// Entity ids both mention, rarest first (the UI maps them to labels).
    pub shared_entities: Vec<String>,
    /// Identical or near-identical sentences, in the first article's order.
    pub shared_sentences: Vec<SharedSentence>,
    /// Days between the dates (mid-points for month precision); `None` when a date is unknown.
    pub day_difference: Option<f64>,
    /// The score of each signal.
    pub signals: Signals,
}

/// A link between two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// One article.
    pub a: ArticleId,
    /// The other article.
    pub b: ArticleId,
    /// The level reached.
    pub level: LinkLevel,
    /// The score of that level, in [0, 1].
    pub score: f64,
    /// Why.
    pub reasons: Reasons,
}

/// A group of articles about one event (or one story).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventGroup {
    /// Stable id: the first 16 hex digits of SHA-256 over the level and the sorted member ids.
    pub id: String,
    /// The level of the links that hold the group together.
    pub level: LinkLevel,
    /// Members, sorted by id (at least two).
    pub members: Vec<ArticleId>,
}

/// The links and groups of a corpus.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Linkage {
    /// All links, strongest first.
    pub links: Vec<Link>,
    /// Same-event groups, then same-story groups.
    pub events: Vec<EventGroup>,
}

/// Counters of one [`link_with`](super::link_with) run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkStats {
    /// Candidate pairs scored.
    pub candidates: usize,
}
