//! Statistical German named-entity recognition, trained in the project and compiled into the app.
//!
//! 1. [`tokenize`] splits German text into tokens (punctuation and quotes „“ split off, hyphen
//!    compounds kept whole), with code-point offsets, and into sentences.
//! 2. [`features`] turns each token and its ±2 context into hashed features (word, lower case, shape,
//!    prefixes/suffixes, common-noun flag, trigger words, hyphen parts, knowledge-base flags from
//!    [`gazetteer`]); [`gazetteer::apply_rules`] adds KB-derived `deriv`/`part` labels after decoding.
//! 3. [`model`] scores the features with an averaged structured perceptron and decodes the best BIO
//!    label sequence with Viterbi (I-X may only follow B-X or I-X).
//! 4. [`tag`] turns the labels into [`NerSpan`]s on char boundaries.
//!
//! The model file (`model.bin`, next to this file) is written by `presseschau train-ner` and embedded with
//! `include_bytes!`; it is parsed once, on first use. Training, the corpus readers and the evaluation live in
//! `src/lab/ner/` (native only, not compiled into the wasm).
//!
//! ```
//! use presseschau::core::analysis::ner::{tag, NerKind};
//! let spans = tag("Bundeskanzler Olaf Scholz besuchte am Montag Köln.");
//! assert!(spans.iter().any(|s| s.kind == NerKind::Per && s.text == "Olaf Scholz"));
//! ```

pub mod features;
pub mod gazetteer;
pub mod model;

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

pub use model::Model;

/// The four coarse GermEval 2014 kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum NerKind {
    /// A person (also fictional characters, animals with names).
    Per,
    /// A place: country, city, region, street, building as a place.
    Loc,
    /// An organisation: company, party, team, authority, newspaper as an institution.
    Org,
    /// Other names: works, products, events, languages.
    Oth,
}

impl NerKind {
    /// All kinds, in label order.
    pub const ALL: [NerKind; 4] = [NerKind::Per, NerKind::Loc, NerKind::Org, NerKind::Oth];

    /// The GermEval tag name: `PER`, `LOC`, `ORG` or `OTH`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerKind::Per => "PER",
            NerKind::Loc => "LOC",
            NerKind::Org => "ORG",
            NerKind::Oth => "OTH",
        }
    }
}

/// How a GermEval label relates to its name: the name itself, a derived word, or a compound part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    /// The name itself (`LOC`).
    Name,
    /// A word derived from a name, mostly adjectives (`LOCderiv`: "deutschen", "Berliner").
    Deriv,
    /// A compound that contains a name (`LOCpart`: "US-Marketing").
    Part,
}

/// One of the 12 fine GermEval labels: a kind plus a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FineKind {
    /// The coarse kind.
    pub kind: NerKind,
    /// Name, derived word or compound part.
    pub variant: Variant,
}

impl FineKind {
    /// The name variant of a kind.
    pub fn name(kind: NerKind) -> Self {
        FineKind {
            kind,
            variant: Variant::Name,
        }
    }
}

impl fmt::Display for FineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = match self.variant {
            Variant::Name => "",
            Variant::Deriv => "deriv",
            Variant::Part => "part",
        };
        write!(f, "{}{suffix}", self.kind.as_str())
    }
}

impl FromStr for FineKind {
    type Err = NerError;

    /// Parses `PER`, `LOCderiv`, `ORGpart`, … (the GermEval spelling).
    fn from_str(s: &str) -> Result<Self, NerError> {
        let bad = || NerError::BadLabel(s.to_string());
        let kind = match s.get(..3).ok_or_else(bad)? {
            "PER" => NerKind::Per,
            "LOC" => NerKind::Loc,
            "ORG" => NerKind::Org,
            "OTH" => NerKind::Oth,
            _ => return Err(bad()),
        };
        let variant = match &s[3..] {
            "" => Variant::Name,
            "deriv" => Variant::Deriv,
            "part" => Variant::Part,
            _ => return Err(bad()),
        };
        Ok(FineKind { kind, variant })
    }
}

/// A BIO label of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerLabel {
    /// Outside any name.
    Outside,
    /// First token of a name.
    Begin(FineKind),
    /// A following token of a name.
    Inside(FineKind),
}

impl NerLabel {
    /// The fine kind, if the token is in a name.
    pub fn fine(self) -> Option<FineKind> {
        match self {
            NerLabel::Outside => None,
            NerLabel::Begin(k) | NerLabel::Inside(k) => Some(k),
        }
    }

    /// The same label with the variant dropped (`B-LOCderiv` → `B-LOC`).
    pub fn coarse(self) -> NerLabel {
        match self {
            NerLabel::Outside => NerLabel::Outside,
            NerLabel::Begin(k) => NerLabel::Begin(FineKind::name(k.kind)),
            NerLabel::Inside(k) => NerLabel::Inside(FineKind::name(k.kind)),
        }
    }
}

impl fmt::Display for NerLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NerLabel::Outside => f.write_str("O"),
            NerLabel::Begin(k) => write!(f, "B-{k}"),
            NerLabel::Inside(k) => write!(f, "I-{k}"),
        }
    }
}

impl FromStr for NerLabel {
    type Err = NerError;

    /// Parses `O`, `B-PER`, `I-LOCderiv`, … (GermEval spelling).
    fn from_str(s: &str) -> Result<Self, NerError> {
        if s == "O" {
            return Ok(NerLabel::Outside);
        }
        let bad = || NerError::BadLabel(s.to_string());
        let (bio, kind) = s.split_once('-').ok_or_else(bad)?;
        let kind: FineKind = kind.parse().map_err(|_| bad())?;
        match bio {
            "B" => Ok(NerLabel::Begin(kind)),
            "I" => Ok(NerLabel::Inside(kind)),
            _ => Err(bad()),
        }
    }
}

/// A name found in text. Offsets are Unicode code points, half-open.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NerSpan {
    /// Start offset in code points.
    pub start: usize,
    /// End offset in code points (exclusive).
    pub end: usize,
    /// What kind of name this is.
    pub kind: NerKind,
    /// The text of the span, exactly as in the input.
    pub text: String,
    /// How sure the model is ([`span_confidence`]): the smallest margin of the span's tokens, in model
    /// units. Compare with [`SHOW_THRESHOLD`].
    pub confidence: f32,
}

/// The confidence at or above which the reader shows a name only the model found
/// (`core::analysis::detected`): the lowest span confidence at which such names are at least 85 % precise
/// on GermEval dev (held out). Tied to the committed model: a retrained model needs it measured again
/// (`presseschau eval ner <dev.tsv>` prints precision and recall per threshold); see `docs/ner.md`.
pub const SHOW_THRESHOLD: f32 = 19.452;

/// The confidence of a span of tokens `a..b`: the smallest of their margins
/// ([`Model::tag_tokens_scored`]), i.e. how much the best labelling loses if any token of the span is
/// labelled otherwise.
pub fn span_confidence(margins: &[f32], a: usize, b: usize) -> f32 {
    margins
        .get(a..b)
        .map_or(0.0, |m| m.iter().copied().fold(f32::INFINITY, f32::min))
}

/// Errors of the NER area: bad model files, bad training or evaluation data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NerError {
    /// The model bytes are not a model this version can read.
    #[error("model: {0}")]
    BadModel(String),
    /// A label that is not `O`, `B-X` or `I-X` with X one of the 12 GermEval labels.
    #[error("unknown label `{0}`")]
    BadLabel(String),
    /// A line of a data file that cannot be read.
    #[error("{source_name} line {line}: {message}")]
    BadLine {
        /// File or corpus name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Training got no sentence to learn from.
    #[error("no training sentences")]
    NoTrainingData,
    /// The browser app has not loaded the model (`model.js`) yet.
    #[error("the model is not loaded")]
    NotLoaded,
}

/// A token of running text with its code-point offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text (a slice of the input).
    pub text: &'a str,
    /// Start offset in code points.
    pub start: usize,
    /// End offset in code points (exclusive).
    pub end: usize,
    /// Whether a new sentence starts at this token.
    pub sentence_start: bool,
}

/// Characters split off the start of a word.
const LEADING: &[char] = &[
    '„', '“', '”', '"', '\'', '‚', '‘', '’', '»', '«', '›', '‹', '(', '[', '{', '¿', '¡',
];
/// Characters split off the end of a word.
const TRAILING: &[char] = &[
    '“', '”', '"', '\'', '‘', '’', '»', '«', '›', '‹', ')', ']', '}', ',', ';', ':', '!', '?', '.', '…',
];
/// Words that keep their final period (abbreviations), compared in lower case.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "st", "nr", "bzw", "ca", "usw", "etc", "vgl", "mio", "mrd", "hr", "fr", "jh", "jhd", "bspw", "ggf",
    "inkl", "evtl", "z", "u", "d", "v", "chr", "str", "abs", "art", "min", "max", "tel", "sog", "allg",
];

/// Splits German text into tokens with code-point offsets and marks sentence starts.
///
/// Quotes, brackets and sentence punctuation become their own tokens; hyphen compounds ("Kreml-Chef",
/// "US-Marketing"), numbers ("3,5") and abbreviations ("Dr.", "z.B.") stay whole; an ordinal number keeps
/// its period ("3."). A new sentence starts after `.`, `!`, `?`, `…` and after a line break.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    // (byte start, char start) of the current chunk
    let mut chunk: Option<(usize, usize)> = None;
    let mut newline_seen = true;
    for (char_pos, (b, ch)) in text.char_indices().enumerate() {
        if ch.is_whitespace() {
            if let Some((b0, c0)) = chunk.take() {
                split_chunk(text, b0, c0, b, newline_seen, &mut tokens);
                newline_seen = false;
            }
            if ch == '\n' || ch == '\u{2029}' {
                newline_seen = true;
            }
        } else if chunk.is_none() {
            chunk = Some((b, char_pos));
        }
    }
    if let Some((b0, c0)) = chunk {
        split_chunk(text, b0, c0, text.len(), newline_seen, &mut tokens);
    }
    // sentence starts after final punctuation
    for i in 1..tokens.len() {
        if matches!(tokens[i - 1].text, "." | "!" | "?" | "…") {
            tokens[i].sentence_start = true;
        }
    }
    tokens
}

/// Splits one whitespace-free chunk `text[b0..b1]` (starting at code point `c0`) into tokens.
fn split_chunk<'a>(text: &'a str, b0: usize, c0: usize, b1: usize, newline: bool, out: &mut Vec<Token<'a>>) {
    let mut s = &text[b0..b1];
    let mut start_c = c0;
    let mut first = true;
    let push = |out: &mut Vec<Token<'a>>, t: &'a str, start: usize, first: &mut bool| {
        let n = t.chars().count();
        out.push(Token {
            text: t,
            start,
            end: start + n,
            sentence_start: newline && *first,
        });
        *first = false;
    };
    // leading punctuation
    while let Some(ch) = s.chars().next() {
        if LEADING.contains(&ch) && s.len() > ch.len_utf8() {
            let (head, rest) = s.split_at(ch.len_utf8());
            push(out, head, start_c, &mut first);
            start_c += 1;
            s = rest;
        } else {
            break;
        }
    }
    // trailing punctuation, collected from the end
    let mut trailing: Vec<&'a str> = Vec::new();
    while let Some(ch) = s.chars().next_back() {
        if s.len() == ch.len_utf8() || !TRAILING.contains(&ch) {
            break;
        }
        let body = &s[..s.len() - ch.len_utf8()];
        if ch == '.' && keeps_period(body) {
            break;
        }
        trailing.push(&s[body.len()..]);
        s = body;
    }
    push(out, s, start_c, &mut first);
    start_c += s.chars().count();
    for t in trailing.into_iter().rev() {
        push(out, t, start_c, &mut first);
        start_c += 1;
    }
}

/// Whether `body` followed by `.` is one token: an abbreviation, an ordinal number or an initial.
fn keeps_period(body: &str) -> bool {
    if body.is_empty() || body.ends_with('.') {
        return false;
    }
    let lower = body.to_lowercase();
    body.chars().all(|c| c.is_ascii_digit())
        || body.contains('.')
        || (body.chars().count() == 1 && body.chars().all(char::is_alphabetic))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// Spans `(first token, end token exclusive, kind)` of a BIO label sequence. An `I-X` that does not
/// continue an `X` span starts a new span (as in `conlleval`).
pub fn spans_of(labels: &[NerLabel]) -> Vec<(usize, usize, FineKind)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, FineKind)> = None;
    for (i, &y) in labels.iter().enumerate() {
        match y {
            NerLabel::Inside(k) if cur.is_some_and(|(_, c)| c == k) => {}
            NerLabel::Begin(k) | NerLabel::Inside(k) => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
                cur = Some((i, k));
            }
            NerLabel::Outside => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
            }
        }
    }
    if let Some((s, c)) = cur {
        out.push((s, labels.len(), c));
    }
    out
}

/// Labels tokens with the embedded model (one sentence per call; no tokenisation is done here).
///
/// Returns one label per token, with the fine GermEval variants (`B-LOCderiv`, …) where the model
/// predicts them; all `O` if the embedded model cannot be loaded.
pub fn tag_tokens(tokens: &[&str]) -> Vec<NerLabel> {
    match model::embedded() {
        Ok(m) => m.tag_tokens(tokens),
        Err(_) => vec![NerLabel::Outside; tokens.len()],
    }
}

/// Finds names in German text with the embedded model.
///
/// Tokenises the text itself ([`tokenize`]), tags sentence by sentence and returns the spans of names,
/// sorted by start, on char boundaries (code-point offsets). Derived words ("deutschen", `LOCderiv`)
/// and compounds that merely contain a name ("US-Marketing", `LOCpart`) are not names and are left
/// out; use [`tag_tokens`] to see them. Returns no spans if the embedded model cannot be loaded
/// (see [`model::embedded`] for the error).
pub fn tag(text: &str) -> Vec<NerSpan> {
    match model::embedded() {
        Ok(m) => tag_with(m, text),
        Err(_) => Vec::new(),
    }
}

/// [`tag`] with a given model.
pub fn tag_with(model: &Model, text: &str) -> Vec<NerSpan> {
    let tokens = tokenize(text);
    let mut spans = Vec::new();
    let mut s = 0;
    while s < tokens.len() {
        let mut e = s + 1;
        while e < tokens.len() && !tokens[e].sentence_start {
            e += 1;
        }
        let sentence = &tokens[s..e];
        let words: Vec<&str> = sentence.iter().map(|t| t.text).collect();
        let (labels, margins) = model.tag_tokens_scored(&words);
        for (a, b, kind) in spans_of(&labels) {
            if kind.variant != Variant::Name {
                continue;
            }
            let (start, end) = (sentence[a].start, sentence[b - 1].end);
            let base = text.as_ptr() as usize;
            let b0 = sentence[a].text.as_ptr() as usize - base;
            let b1 = sentence[b - 1].text.as_ptr() as usize + sentence[b - 1].text.len() - base;
            let span_text = text.get(b0..b1).unwrap_or_default().to_string();
            spans.push(NerSpan {
                start,
                end,
                kind: kind.kind,
                text: span_text,
                confidence: span_confidence(&margins, a, b),
            });
        }
        s = e;
    }
    spans
}
