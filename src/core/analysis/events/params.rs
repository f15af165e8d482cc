//! The tunable constants of the linker, each with its range, default and measured effect, and
//! [`ScoreParams`], which carries them (defaulting to the constants) so evaluation can vary them.

use super::types::{LinkLevel, Signals};

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
/// LSH bands over the MinHash (rows per band = [`MINHASH_K`](crate::core::analysis::similarity::MINHASH_K) / bands, rounded down). Range 8–64; default
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

/// Minimum words of the paragraph [`LinkDoc::from_plain`](super::LinkDoc::from_plain) takes the lead from.
pub const LEAD_MIN_WORDS: usize = 12;

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
