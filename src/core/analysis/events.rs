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
//! The constants below were chosen on the dev half of `../shared/data/same-event-de` with
//! `presseschau eval pairs … --grid` (see that command); the time constants come from the literature since
//! that data has no dates.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "counts far below 2^52 become f64 weights; indices fit u32 (at most 4 billion documents)"
)]

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::core::analysis::diff::split_sentences;
use crate::core::analysis::similarity::{
    Analyzer, MINHASH_K, MinHash, SparseVec, U64Hasher, U64Map, char_gram_hashes, entity_overlap, fold, hash_folded,
    hash_str, idf, sentence_key, sublinear_tf, time_factor, words,
};
use crate::core::corpus::{Article, ArticleId, BlockKind, SimpleDate};

/// Weight of a title term relative to a body term. Range 0–10; default 6. Higher values let headlines
/// dominate the text similarity (good for short or badly scraped reports, bad for clickbait titles). On the
/// dev pairs Pearson rose steadily with it (0 → 0.61, 2 → 0.71, 6 → 0.77, 10 → 0.78, with W_ENTITIES = 0 and
/// W_DUPLICATE = 0); 6 is where the gain flattens — the dev texts are often scraping leftovers (cookie
/// banners), which flatters titles, so we stop short of the grid's maximum.
pub const TITLE_WEIGHT: f64 = 6.0;
/// Extra weight of a lead term (the lead is usually also part of the text, so it counts 1 + this).
/// Range 0–3; default 1.
pub const LEAD_WEIGHT: f64 = 1.0;
/// Share of the title + lead similarity ([`Signals::head`]) in the text signal:
/// `text = (1 − W)·full + W·head`, where `full` is the similarity of the whole weighted vectors. Range 0–1;
/// default 0. `full` already weighs the title ([`TITLE_WEIGHT`]); a separate title + lead similarity helped one
/// CV half and hurt the other (AUC 0.933 → 0.937 and 0.852 → 0.856, but Pearson 0.733 → 0.727 and F1 0.68 → 0.63
/// on the second at 0.25; worse everywhere at 0.5 and 0.75), so it stays off and is reported in the signals.
pub const W_HEAD: f64 = 0.0;
/// Only the first this many terms of the body count (news put the essentials first; long scraped bodies
/// collect comments, related links and forum text). Counted in terms (stopwords are not terms), on the text
/// after boilerplate removal. Range 0 (no cap) or 100–2000; default 400. On the dev pairs, on top of the
/// boilerplate filter, Pearson / AUC / F1 moved from 0.798 / 0.900 / 0.716 (no cap) to 0.807 / 0.906 / 0.731 at
/// 400 and 0.813 / 0.906 / 0.693 at 200, and 400 improved all three on both CV halves; 200 is slightly better by
/// Pearson + AUC but lowers F1 at [`EVENT_THRESHOLD`] on both halves, 100 loses clearly (F1 0.59).
pub const MAX_WORDS: usize = 400;
/// Weight of the text similarity in the content score. Range 0–1; default 1 (the weights are normalised
/// over the active signals, so only the ratio to [`W_ENTITIES`] matters).
pub const W_TEXT: f64 = 1.0;
/// Weight of the entity overlap in the content score, when both articles have entities. Range 0–2;
/// default 0.1. Higher values link articles about the same actors more readily (same story) even when
/// the wording differs. Measured with the knowledge-base matcher's ids (`presseschau eval pairs … --grid`,
/// title 6, lead 1, dup 0.3): Pearson/AUC 0.760/0.890 at 0, 0.757/0.891 at 0.1, 0.743/0.884 at 0.25,
/// 0.711/0.867 at 0.5, 0.654/0.843 at 1. The dev pairs cover many topics the KB does not list (74 of 355
/// texts have no KB entity), so the signal is sparse there (re-measured with the current defaults in
/// `docs/same-event.md`: 0 / 0.1 / 0.25 give 0.810 / 0.807 / 0.791 Pearson, and 0.1 has the better F1 on both halves); 0.1 keeps it as a tie-breaker (the best setting on
/// one hash-half of the pairs) without costing the text signal, and the reasons still list shared entities.
pub const W_ENTITIES: f64 = 0.1;
/// How strongly the near-duplicate share lifts the content score: `content = 1 − (1 − base)(1 − W·dup)`.
/// Range 0–1; default 0.3. At 1 an exact copy scores 1 whatever the other signals say. The dev pairs
/// contain no agency copies but several cookie-banner "texts", so there it costs ≈ 0.01 Pearson; it is kept
/// because agency copies and rewrites are the core case of the product (see the fixtures).
pub const W_DUPLICATE: f64 = 0.3;
/// Rarity floor of the entity signal: entities found in more than this share of the corpus's documents (and
/// in more than 2) are left out of the entity overlap (they are shown as reasons all the same). Range 0.01–1;
/// default 1 (off): see `docs/same-event.md`.
pub const ENTITY_MAX_DOC_SHARE: f64 = 1.0;
/// Short bodies: when either body has fewer terms than this after boilerplate removal, the text signal is
/// the title + lead similarity alone ([`Signals::head`]) instead of the whole vectors, so a report whose scraped
/// body is empty or a stub is compared title to title. Range 0 (off) or 10–100; default 0 (off): see
/// `docs/same-event.md`.
pub const SHORT_BODY_TERMS: usize = 0;
/// Lower bound of the time multiplier: the same-event score is `content · (F + (1 − F)·t)`. Range 0–1;
/// default 0.1. At 0 reports a month apart can never be the same event; higher values trust the content
/// more than the dates.
pub const TIME_FLOOR: f64 = 0.1;
/// Minimum same-event score for a `same_event` link. Range 0.3–0.8; default 0.5. Higher values link
/// fewer, surer pairs. On the dev pairs F1 against "Overall ≤ 1.5" is 0.64 at 0.4, 0.68 at 0.5, 0.67 at
/// 0.55 (a spike of 0.72 at 0.525 was not taken). With the boilerplate filter and [`MAX_WORDS`] (the current
/// defaults of that time) F1 at 0.5 was 0.731 and the best threshold 0.499 (F1 0.743); with the contact-line and
/// junk-body filters (the current defaults) F1 at 0.5 is 0.765 and the best threshold 0.498 (F1 0.788), so 0.5
/// stays.
pub const EVENT_THRESHOLD: f64 = 0.5;
/// Minimum same-story (content) score for a `same_story` link. Range 0.15–0.5; default 0.35, below
/// [`EVENT_THRESHOLD`]. Measured on the dev pairs with the KB entities (W_ENTITIES 0.1), precision / recall /
/// F1 against "Overall ≤ 2.5": 0.74/0.92/0.82 at 0.30, 0.76/0.85/0.80 at 0.35, 0.83/0.79/0.81 at 0.40;
/// against the stricter "Overall ≤ 2.0": F1 0.73 at 0.30, 0.75 at 0.35, 0.77 at 0.40. F1 is flat over
/// 0.30–0.40, so the value favours precision: a reader's "same story" list should not fill with articles that
/// merely share a weapon system or a city. With the current defaults F1 against "Overall ≤ 2.5" at 0.35 is 0.838.
pub const STORY_THRESHOLD: f64 = 0.35;
/// Terms per article put in the candidate index (its highest TF-IDF weights). Range 5–30; default 12.
/// More terms find more candidates (higher recall) at a higher cost.
pub const INDEX_TERMS: usize = 12;
/// Posting lists longer than this are ignored when generating candidates (such terms are too common to
/// point to one event). Range 50–2000; default 300. Bounds the cost per term to `MAX_POSTING²` pairs.
pub const MAX_POSTING: usize = 300;
/// Index keys (terms or entities) two articles must share to become a candidate. Range 1–4; default 2.
pub const MIN_SHARED_KEYS: u16 = 2;
/// LSH bands over the MinHash (rows per band = [`MINHASH_K`] / bands, rounded down). Range 8–64; default
/// 21 bands × 3 rows: a pair with shingle Jaccard 0.5 becomes a candidate with probability 0.94, at 0.3 with
/// 0.44, at 0.1 with 0.02. Few rows catch a copy embedded in a longer text (high containment, low Jaccard);
/// 2 rows also let shared boilerplate (J ≈ 0.1) through in bulk, 4 rows missed embedded copies in the tests.
pub const LSH_BANDS: usize = 21;
/// Two groups merge only when *more than* this share of the pairs across them is linked. Range 0.3–0.99;
/// default 0.5 (a strict majority). Near 1 every member must be linked to every other one (cliques); lower
/// values allow longer chains. With 0.5 a
/// chain A–B–C where A and C are unrelated stays apart (1 of 2 cross pairs is not a majority).
pub const GROUP_MIN_LINKED_SHARE: f64 = 0.5;
/// Word overlap (Dice) from which two sentences count as near-identical in the reasons. Range 0.5–1;
/// default 0.75.
pub const NEAR_IDENTICAL_SENTENCE: f64 = 0.75;
/// Sentences shorter than this many words are not reported as shared (datelines, "Foto: dpa").
pub const MIN_SENTENCE_WORDS: usize = 5;

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

/// Boilerplate: a sentence (or a line) that occurs near-identically in at least this many *different*
/// documents of the corpus is left out of the corpus statistics and of every signal (terms, lead, shingles,
/// quoted sentences). Range 0 (off) or 3–20; default 3. Cookie banners, "Rückfragen
/// bitte an", "Weiterlesen nach der Anzeige" and paywall notices repeat across unrelated reports; text shared
/// by only two documents (a candidate pair) is never boilerplate, so a copy of one report stays a copy.
/// Agency sentences that several outlets of one event reuse are protected by [`BOILERPLATE_TITLE_GUARD`].
/// On the dev pairs (`presseschau eval pairs … --experiments`, `docs/same-event.md`) Pearson / AUC went from
/// 0.757 / 0.891 (off) to 0.797 / 0.900 at 3, 0.764 / 0.893 at 4, 0.760 / 0.893 at 6, and rose on both CV halves
/// at 3; higher values miss banners that a corpus of a few hundred articles holds only 3 times.
pub const BOILERPLATE_MIN_DOCS: usize = 3;
/// Guard of the boilerplate filter for agency copies: a sentence shared by many documents is *not* boilerplate
/// when their titles tell one story, i.e. the mean pairwise Jaccard overlap of their title terms is at least
/// this. Range 0.05–0.5, or above 1 to switch the guard off; default 0.15. Without it, three outlets printing one
/// agency report would lose their whole text. On the dev texts boilerplate sentences have a mean title
/// overlap of 0–0.09 (cookie banners, paywall notices, "Rückfragen bitte an"), sentences an agency report
/// shares across one event's articles 0.2–0.7 (one, about the Krefeld zoo fire, 0.07).
pub const BOILERPLATE_TITLE_GUARD: f64 = 0.15;
/// The guard compares the titles of at most this many documents per sentence (the first ones), bounding its
/// cost to `n²/2` title comparisons per frequent sentence. Range 5–50; default 20.
pub const BOILERPLATE_GUARD_DOCS: usize = 20;
/// Sentences shorter than this many words never count as boilerplate (too little to recognise). Range 2–6;
/// default 3.
pub const BOILERPLATE_MIN_WORDS: usize = 3;

/// Contact lines are boilerplate wherever they occur: a sentence or line with an e-mail address, a web
/// address or a phone number ("Telefon: 0721 666 1111", "pressestelle@…", "www.polizei-bw.de"), or a press
/// office footer ("Rückfragen bitte an:" and the contact block after it, "Original-Content von"). Press
/// releases of one office share these footers, and only two documents of a corpus may hold a given one, which the document-frequency test of
/// [`BOILERPLATE_MIN_DOCS`] cannot see. Default true; see `docs/same-event.md` for the measured effect.
pub const CONTACT_LINES: bool = true;
/// A body that shares no term with its own headline (a headline of at least [`JUNK_BODY_TITLE_TERMS`]
/// terms), not even a word part of one, is taken for a scraping error, a cookie banner or a forum post in place
/// of the article, and only the headline is compared. Default true; see `docs/same-event.md` for the measured effect.
pub const JUNK_BODY: bool = true;
/// Headlines shorter than this many terms never mark their body as junk. Range 1–4; default 2.
pub const JUNK_BODY_TITLE_TERMS: usize = 2;

/// Term-frequency saturation: 0 uses sublinear TF (`1 + ln tf`); a positive value uses BM25's
/// `tf·(k1 + 1)/(tf + k1)` (without length normalisation: the vectors are compared by cosine). Range 0 or 0.5–3;
/// default 0 (see `docs/same-event.md`).
pub const BM25_K1: f64 = 0.0;

/// Length of the character n-grams of the stemmed terms compared besides the terms themselves (0: off). They
/// match the parts of German compounds ("Regierungsprogramm" and "Programm", "Freihandelsdeal" and
/// "Freihandel"). Range 0 or 3–6; default 0 (off): on the dev pairs 5- and 6-grams at a share of 0.25 raise AUC
/// 0.932 → 0.935/0.936, but all of it on one CV half (the other moves by ≤ 0.002, its Pearson drops at 6), and
/// they multiply the terms per document, hence the linking time (`docs/same-event.md`).
pub const CHAR_GRAMS: usize = 0;
/// Share of the character n-gram cosine in the text signal (see [`CHAR_GRAMS`]). Range 0–1; default 0.5.
pub const W_CHAR_GRAMS: f64 = 0.5;

/// Minimum words of the paragraph [`LinkDoc::from_plain`] takes the lead from.
pub const LEAD_MIN_WORDS: usize = 12;

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
    /// [`W_HEAD`] or [`SHORT_BODY_TERMS`] is on). `None` unless the score uses it or
    /// [`ScoreParams::details`] asks for it.
    pub head: Option<f64>,
    /// Square root of the cosine of the body TF-IDF vectors alone (no title, no extra lead weight), in [0, 1].
    /// Not part of the score; `None` unless [`ScoreParams::details`] asks for it (evaluation).
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

/// Document frequencies of terms and entities over a corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    docs: usize,
    term_df: U64Map<u64, u32>,
    entity_df: HashMap<String, u32>,
    boilerplate: U64Set,
}

/// A set of values that are already hashes.
type U64Set = HashSet<u64, BuildHasherDefault<U64Hasher>>;

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

    fn from_terms(docs: &[LinkDoc], terms: &[DocTerms], boilerplate: U64Set) -> Self {
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

    /// How many distinct sentences count as boilerplate in this corpus (see [`BOILERPLATE_MIN_DOCS`]).
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

    fn idf_of(&self, key: u64) -> f64 {
        idf(self.term_df.get(&key).copied().unwrap_or(0), self.docs)
    }

    /// IDF of an entity id: rare entities weigh more.
    pub fn entity_idf(&self, entity: &str) -> f64 {
        idf(self.entity_df.get(entity).copied().unwrap_or(0), self.docs)
    }
}

/// The tunable weights and thresholds of the pair score, defaulting to the documented constants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreParams {
    /// See [`TITLE_WEIGHT`].
    pub title_weight: f64,
    /// See [`LEAD_WEIGHT`].
    pub lead_weight: f64,
    /// See [`W_TEXT`].
    pub w_text: f64,
    /// See [`W_ENTITIES`].
    pub w_entities: f64,
    /// See [`W_DUPLICATE`].
    pub w_duplicate: f64,
    /// See [`TIME_FLOOR`].
    pub time_floor: f64,
    /// See [`EVENT_THRESHOLD`].
    pub event_threshold: f64,
    /// See [`STORY_THRESHOLD`].
    pub story_threshold: f64,
    /// See [`W_HEAD`].
    pub w_head: f64,
    /// See [`MAX_WORDS`].
    pub max_words: usize,
    /// See [`BOILERPLATE_MIN_DOCS`].
    pub boilerplate_min_docs: usize,
    /// See [`BOILERPLATE_TITLE_GUARD`].
    pub boilerplate_title_guard: f64,
    /// See [`ENTITY_MAX_DOC_SHARE`].
    pub entity_max_doc_share: f64,
    /// See [`SHORT_BODY_TERMS`].
    pub short_body_terms: usize,
    /// See [`CONTACT_LINES`].
    pub contact_lines: bool,
    /// See [`JUNK_BODY`].
    pub junk_body: bool,
    /// See [`BM25_K1`].
    pub bm25_k1: f64,
    /// See [`CHAR_GRAMS`].
    pub char_grams: usize,
    /// See [`W_CHAR_GRAMS`].
    pub w_char_grams: f64,
    /// Compute [`Signals::head`] and [`Signals::body`] even when the score does not use them (for evaluation;
    /// costs two more vectors per document). Default false.
    pub details: bool,
}

impl Default for ScoreParams {
    fn default() -> Self {
        Self {
            title_weight: TITLE_WEIGHT,
            lead_weight: LEAD_WEIGHT,
            w_text: W_TEXT,
            w_entities: W_ENTITIES,
            w_duplicate: W_DUPLICATE,
            time_floor: TIME_FLOOR,
            event_threshold: EVENT_THRESHOLD,
            story_threshold: STORY_THRESHOLD,
            w_head: W_HEAD,
            max_words: MAX_WORDS,
            boilerplate_min_docs: BOILERPLATE_MIN_DOCS,
            boilerplate_title_guard: BOILERPLATE_TITLE_GUARD,
            entity_max_doc_share: ENTITY_MAX_DOC_SHARE,
            short_body_terms: SHORT_BODY_TERMS,
            contact_lines: CONTACT_LINES,
            junk_body: JUNK_BODY,
            bm25_k1: BM25_K1,
            char_grams: CHAR_GRAMS,
            w_char_grams: W_CHAR_GRAMS,
            details: false,
        }
    }
}

impl ScoreParams {
    /// The level a pair with these signals reaches, if any.
    pub fn level(&self, s: &Signals) -> Option<LinkLevel> {
        if s.event >= self.event_threshold {
            Some(LinkLevel::SameEvent)
        } else if s.story >= self.story_threshold {
            Some(LinkLevel::SameStory)
        } else {
            None
        }
    }
}

/// Keys ([`sentence_key`]) of the boilerplate sentences of lead and text: those that occur in at least
/// `p.boilerplate_min_docs` documents (0: none) whose titles do not tell one story (mean pairwise Jaccard of
/// their title terms below `p.boilerplate_title_guard`).
/// Also says for each document whether it holds any boilerplate (the others need no stripping).
fn boilerplate_keys(analyzer: &Analyzer, docs: &[LinkDoc], p: &ScoreParams) -> (U64Set, Vec<bool>) {
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

/// Whether a sentence or line is contact data or a press office footer (see [`CONTACT_LINES`]).
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

/// The terms of each document; `has[i]` says whether document `i` holds boilerplate to strip.
fn doc_terms(
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
fn strip_boilerplate<'t>(text: &'t str, boilerplate: &U64Set) -> Cow<'t, str> {
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

/// Hashed terms of a document's title, lead and text (boilerplate removed), and the text shingled for
/// near-duplicates.
struct DocTerms {
    title: Vec<u64>,
    lead: Vec<u64>,
    text: Vec<u64>,
    shingled: String,
    /// Character n-grams of the title, lead and (capped) text terms; empty unless [`CHAR_GRAMS`] is on.
    grams: [Vec<u64>; 3],
}

impl DocTerms {
    fn of(analyzer: &Analyzer, d: &LinkDoc, boilerplate: &U64Set, p: &ScoreParams) -> Self {
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
/// distinct terms (see [`JUNK_BODY`]).
fn is_junk_body(title: &[u64], lead: &[u64], body: &[u64]) -> bool {
    let title: U64Set = title.iter().copied().collect();
    title.len() >= JUNK_BODY_TITLE_TERMS && !lead.iter().chain(body).any(|t| title.contains(t))
}

/// Whether a headline and a body share a word part: a stem of one inside a stem of the other ("regier" in
/// "regierungsprogramm", "corona" in "coronakris"), for terms of at least 4 characters. The second, slower test of
/// [`JUNK_BODY`], run only on the few bodies that share no whole term with their headline.
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

/// Per-document features.
struct Features {
    vec: SparseVec,
    grams: Option<SparseVec>,
    head: Option<SparseVec>,
    body: Option<SparseVec>,
    body_terms: usize,
    index_terms: Vec<u64>,
    minhash: MinHash,
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

fn features(terms: &DocTerms, stats: &CorpusStats, p: &ScoreParams) -> Features {
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

fn signals(a: &LinkDoc, b: &LinkDoc, fa: &Features, fb: &Features, stats: &CorpusStats, p: &ScoreParams) -> Signals {
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

/// The sentences of a text that can be reported as shared: `(offset, sentence, sorted folded word hashes)`.
type Sentences = Vec<(usize, String, Vec<u64>)>;

fn prep_sentences(t: &str, boilerplate: &U64Set) -> Sentences {
    split_sentences(t)
        .into_iter()
        .filter_map(|(start, s)| {
            if !boilerplate.is_empty()
                && sentence_key(s, BOILERPLATE_MIN_WORDS).is_some_and(|k| boilerplate.contains(&k))
            {
                return None;
            }
            let mut w: Vec<u64> = words(s).into_iter().map(|(_, w)| hash_folded(w)).collect();
            if w.len() < MIN_SENTENCE_WORDS {
                return None;
            }
            w.sort_unstable();
            w.dedup();
            Some((start, s.to_string(), w))
        })
        .collect()
}

/// Identical or near-identical sentences of two texts (at least [`MIN_SENTENCE_WORDS`] words, Dice ≥
/// [`NEAR_IDENTICAL_SENTENCE`]), each sentence used once, in the first text's order.
pub fn shared_sentences(a: &str, b: &str) -> Vec<SharedSentence> {
    let none = U64Set::default();
    match_sentences(&prep_sentences(a, &none), &prep_sentences(b, &none))
}

fn match_sentences(sa: &Sentences, sb: &Sentences) -> Vec<SharedSentence> {
    // index b's sentences by word to compare only sentences that share words
    let mut by_word: U64Map<u64, Vec<usize>> = U64Map::default();
    for (j, (_, _, w)) in sb.iter().enumerate() {
        for &h in w {
            by_word.entry(h).or_default().push(j);
        }
    }
    let mut used = vec![false; sb.len()];
    let mut out = Vec::new();
    for (start_a, text_a, wa) in sa {
        let mut hits: U64Map<usize, usize> = U64Map::default();
        for h in wa {
            for &j in by_word.get(h).map_or(&[][..], Vec::as_slice) {
                *hits.entry(j).or_default() += 1;
            }
        }
        let best = hits
            .into_iter()
            .filter(|&(j, _)| !used[j])
            .map(|(j, n)| (j, 2.0 * n as f64 / (wa.len() + sb[j].2.len()) as f64))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((j, sim)) = best
            && sim >= NEAR_IDENTICAL_SENTENCE
        {
            used[j] = true;
            let same = fold(text_a) == fold(&sb[j].1);
            out.push(SharedSentence {
                left: text_a.clone(),
                left_start: *start_a,
                right: sb[j].1.clone(),
                right_start: sb[j].0,
                similarity: if same { 1.0 } else { sim.min(0.999) },
            });
        }
    }
    out
}

fn reasons(a: &LinkDoc, b: &LinkDoc, s: Signals, stats: &CorpusStats, shared: Vec<SharedSentence>) -> Reasons {
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
/// corpus both documents belong to. This is the code [`link`] runs on each candidate pair.
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

/// Counters of one [`link_with`] run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkStats {
    /// Candidate pairs scored.
    pub candidates: usize,
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

/// Candidate pairs `(i, j)` with `i < j`: sharing at least [`MIN_SHARED_KEYS`] index keys (distinctive
/// terms or entities, posting lists up to [`MAX_POSTING`]) or one LSH band of the MinHash.
fn candidates(docs: &[LinkDoc], feats: &[Features]) -> Vec<(u32, u32)> {
    let mut postings: U64Map<u64, Vec<u32>> = U64Map::default();
    for (i, (d, f)) in docs.iter().zip(feats).enumerate() {
        let ents: HashSet<u64> = d.entities.iter().map(|e| hash_str(e) ^ 0x5bd1_e995_u64).collect();
        for k in f.index_terms.iter().copied().chain(ents) {
            postings.entry(k).or_default().push(i as u32);
        }
    }
    let mut shared: U64Map<u64, u16> = U64Map::default();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                let e = shared.entry(pair_key(i, j)).or_default();
                *e = e.saturating_add(1);
            }
        }
    }
    let mut out: HashSet<u64, BuildHasherDefault<U64Hasher>> = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_KEYS)
        .map(|(k, _)| k)
        .collect();
    let rows = MINHASH_K / LSH_BANDS;
    let mut buckets: U64Map<u64, Vec<u32>> = U64Map::default();
    for (i, f) in feats.iter().enumerate() {
        if f.minhash.shingles == 0 {
            continue;
        }
        for band in 0..LSH_BANDS {
            let key = f.minhash.mins[band * rows..(band + 1) * rows]
                .iter()
                .fold(0u64, |h, &m| h.rotate_left(17) ^ m);
            buckets
                .entry(key ^ (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .or_default()
                .push(i as u32);
        }
    }
    for list in buckets.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                out.insert(pair_key(i, j));
            }
        }
    }
    let mut out: Vec<(u32, u32)> = out.into_iter().map(|k| ((k >> 32) as u32, k as u32)).collect();
    out.sort_unstable();
    out
}

/// One `u64` for an unordered pair of document indices: smaller index in the high half.
fn pair_key(i: u32, j: u32) -> u64 {
    (u64::from(i.min(j)) << 32) | u64::from(i.max(j))
}

/// Groups the links of a level (a same-story group also uses same-event links) by average-link merging,
/// strongest links first: two groups merge when more than [`GROUP_MIN_LINKED_SHARE`] of the pairs across
/// them are linked.
fn group(links: &[Link], level: LinkLevel, _p: &ScoreParams) -> Vec<EventGroup> {
    let usable: Vec<&Link> = links
        .iter()
        .filter(|l| level == LinkLevel::SameStory || l.level == LinkLevel::SameEvent)
        .collect();
    let Some(first) = usable.first() else {
        return Vec::new();
    };
    let mut ids: HashMap<&ArticleId, usize> = HashMap::new();
    for l in &usable {
        let n = ids.len();
        ids.entry(&l.a).or_insert(n);
        let n = ids.len();
        ids.entry(&l.b).or_insert(n);
    }
    let n = ids.len();
    let mut adj: Vec<HashSet<usize>> = vec![HashSet::new(); n];
    for l in &usable {
        let (a, b) = (ids[&l.a], ids[&l.b]);
        adj[a].insert(b);
        adj[b].insert(a);
    }
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for l in &usable {
        let (ca, cb) = (cluster_of[ids[&l.a]], cluster_of[ids[&l.b]]);
        if ca == cb {
            continue;
        }
        let (small, big) = if members[ca].len() <= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let linked: usize = members[small]
            .iter()
            .map(|&m| adj[m].iter().filter(|&&o| cluster_of[o] == big).count())
            .sum();
        let pairs = members[small].len() * members[big].len();
        if (linked as f64) <= GROUP_MIN_LINKED_SHARE * pairs as f64 {
            continue;
        }
        let moved = std::mem::take(&mut members[small]);
        for &m in &moved {
            cluster_of[m] = big;
        }
        members[big].extend(moved);
    }
    let mut by_index: Vec<&ArticleId> = vec![&first.a; n];
    for (id, &i) in &ids {
        by_index[i] = id;
    }
    let mut out: Vec<EventGroup> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let mut ms: Vec<ArticleId> = m.into_iter().map(|i| by_index[i].clone()).collect();
            ms.sort();
            EventGroup {
                id: group_id(level, &ms),
                level,
                members: ms,
            }
        })
        .collect();
    out.sort_by(|x, y| y.members.len().cmp(&x.members.len()).then_with(|| x.id.cmp(&y.id)));
    out
}

/// Stable group id: 16 hex digits of SHA-256 over the level and the sorted member ids.
pub fn group_id(level: LinkLevel, sorted_members: &[ArticleId]) -> String {
    let mut h = Sha256::new();
    h.update(match level {
        LinkLevel::SameEvent => b"same_event".as_slice(),
        LinkLevel::SameStory => b"same_story".as_slice(),
    });
    for m in sorted_members {
        h.update(b"\n");
        h.update(m.0.as_bytes());
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn percent(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

fn join_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Plain German phrases for a link's reasons, e.g. "beide berichten über Q1 und Q2", "3 gleiche Sätze",
/// "1 Tag Abstand". Entity ids are shown as they are (the UI replaces them with labels).
pub fn explain_de(r: &Reasons) -> Vec<String> {
    let mut out = Vec::new();
    if !r.shared_entities.is_empty() {
        let names: Vec<String> = r.shared_entities.iter().take(3).cloned().collect();
        out.push(format!("beide berichten über {}", join_list(&names, "und")));
    }
    let same = r.shared_sentences.iter().filter(|s| s.similarity >= 1.0).count();
    let near = r.shared_sentences.len() - same;
    if same > 0 {
        out.push(if same == 1 {
            "1 gleicher Satz".into()
        } else {
            format!("{same} gleiche Sätze")
        });
    }
    if near > 0 {
        out.push(if near == 1 {
            "1 fast gleicher Satz".into()
        } else {
            format!("{near} fast gleiche Sätze")
        });
    }
    if let Some(d) = r.day_difference {
        let d = d.round() as i64;
        out.push(match d {
            0 => "am selben Tag".into(),
            1 => "1 Tag Abstand".into(),
            _ => format!("{d} Tage Abstand"),
        });
    }
    out.push(format!("Textähnlichkeit {} %", percent(r.signals.text)));
    if r.signals.near_duplicate >= 0.1 {
        out.push(format!("{} % gleiche Textpassagen", percent(r.signals.near_duplicate)));
    }
    out
}

/// Plain English phrases for a link's reasons, e.g. "both report on Q1 and Q2", "3 identical sentences",
/// "1 day apart".
pub fn explain_en(r: &Reasons) -> Vec<String> {
    let mut out = Vec::new();
    if !r.shared_entities.is_empty() {
        let names: Vec<String> = r.shared_entities.iter().take(3).cloned().collect();
        out.push(format!("both report on {}", join_list(&names, "and")));
    }
    let same = r.shared_sentences.iter().filter(|s| s.similarity >= 1.0).count();
    let near = r.shared_sentences.len() - same;
    if same > 0 {
        out.push(if same == 1 {
            "1 identical sentence".into()
        } else {
            format!("{same} identical sentences")
        });
    }
    if near > 0 {
        out.push(if near == 1 {
            "1 near-identical sentence".into()
        } else {
            format!("{near} near-identical sentences")
        });
    }
    if let Some(d) = r.day_difference {
        let d = d.round() as i64;
        out.push(match d {
            0 => "same day".into(),
            1 => "1 day apart".into(),
            _ => format!("{d} days apart"),
        });
    }
    out.push(format!("text similarity {} %", percent(r.signals.text)));
    if r.signals.near_duplicate >= 0.1 {
        out.push(format!("{} % shared passages", percent(r.signals.near_duplicate)));
    }
    out
}
