//! The types every analysis step shares: what a mention refers to ([`EntityKind`]), one mention in an
//! article's text ([`Mention`]) with where it comes from ([`Source`]), and one named thing across a corpus
//! ([`EntitySummary`]).
//!
//! This module sits at the bottom of `analysis`: the matcher, dates, quantities, the knowledge base and the
//! model's names all import it, and it imports none of them (checked by `tests/architecture.rs`).

use serde::{Deserialize, Serialize};

use crate::core::corpus::{ArticleId, DatePrecision};

/// Where a mention comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Source {
    /// The knowledge base (names, roles, derived forms) or the date and quantity rules.
    #[default]
    Rules,
    /// Only the statistical model found it.
    Model {
        /// The corpus-wide group of this name (`ner-…`), which has an entity page.
        group: String,
        /// How sure the model is: the span's margin ([`crate::core::analysis::ner::NerSpan::confidence`]) in
        /// hundredths of model units; names are shown from [`crate::core::analysis::ner::SHOW_THRESHOLD`]
        /// (at least 85 % precise on GermEval dev).
        margin: u32,
    },
}

impl Source {
    /// Whether the mention comes from the knowledge base or the rules (not serialised then, so the JSON of
    /// such mentions is what it always was).
    pub fn is_rules(&self) -> bool {
        matches!(self, Self::Rules)
    }
}

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, city, region or body of water.
    Place,
    /// An organisation, institution, company or outlet.
    Organization,
    /// A product, notably a weapon system or a vaccine.
    Product,
    /// A named event.
    Event,
    /// A date or period.
    Date,
    /// An amount, a sum of money or a percentage.
    Quantity,
}

impl EntityKind {
    /// Every kind, in the order of the legend.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Product,
        EntityKind::Event,
        EntityKind::Date,
        EntityKind::Quantity,
    ];

    /// The kind as used in JSON and in the DOM (`data-kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Place => "place",
            Self::Organization => "organization",
            Self::Product => "product",
            Self::Event => "event",
            Self::Date => "date",
            Self::Quantity => "quantity",
        }
    }
}

/// One mention in an article's clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point in [`crate::core::corpus::Article::text`].
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// What it refers to.
    pub kind: EntityKind,
    /// The KB entity, when the mention could be linked.
    pub entity_id: Option<String>,
    /// A derived form (adjective, demonym) rather than a name.
    pub derived: bool,
    /// Dates: ISO date, month, year or range `2020-12-11/2020-12-20`; quantities: normalised number and unit.
    pub value: Option<String>,
    /// The knowledge base and rules, or the model.
    #[serde(default, skip_serializing_if = "Source::is_rules")]
    pub source: Source,
}

impl Mention {
    /// Whether only the model found this name.
    pub fn is_detected(&self) -> bool {
        !self.source.is_rules()
    }

    /// The id of the page about what this mention names: the KB entity, or the model's group.
    pub fn page_id(&self) -> Option<&str> {
        match &self.source {
            Source::Model { group, .. } => Some(group),
            Source::Rules => self.entity_id.as_deref(),
        }
    }

    /// The precision of a date mention's value (a range counts as its start's precision).
    pub fn date_precision(&self) -> Option<DatePrecision> {
        if self.kind != EntityKind::Date {
            return None;
        }
        let v = self.value.as_deref()?;
        let first = v.split('/').next()?;
        Some(match first.len() {
            4 => DatePrecision::Year,
            7 => DatePrecision::Month,
            _ => DatePrecision::Day,
        })
    }
}

/// One named thing across a corpus: a KB entity, or a group of names only the model found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// KB id, or the model's group id (`ner-…`).
    pub id: String,
    /// Kind.
    pub kind: EntityKind,
    /// German label (for a model group: its most frequent form).
    pub label: String,
    /// Number of mentions in the corpus.
    pub mention_count: usize,
    /// Articles that mention it, in corpus order.
    pub article_ids: Vec<ArticleId>,
}

/// One list of an article's mentions from two sources (each sorted by position), sorted by position.
pub fn merge(rules: &[Mention], detected: &[Mention]) -> Vec<Mention> {
    let mut all: Vec<Mention> = rules.iter().chain(detected).cloned().collect();
    all.sort_by_key(|m| (m.start, m.end));
    all
}
