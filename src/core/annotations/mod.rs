//! Annotations: highlights, notes and tags on passages of an article, and everything pure around them.
//!
//! The UI only calls into this module; it never computes offsets or formats itself.
//!
//! 1. [`anchor`]: a code-point range over [`Article::text`](crate::core::corpus::Article::text) →
//!    a [`Selector`] (W3C TextQuoteSelector + TextPositionSelector), and back again against a text that may
//!    have changed ([`anchor::reanchor`]: exact → moved → fuzzy → orphaned, never dropped).
//! 2. [`AnnotationSet`]: add, edit, remove with undo, merge, filter. Every operation returns a `Result` and
//!    leaves the set unchanged when it fails.
//! 3. [`codec`]: the versioned storage schema (localStorage) with migrations; unreadable data comes back
//!    with the raw string so the UI can keep it aside.
//! 4. [`w3c`]: export and import as a W3C Web Annotation JSON-LD `AnnotationCollection`.
//! 5. [`link`]: note sets (`?n=`) and passages (`?q=`) in links.
//! 6. [`handout`]: a printable Markdown handout for a class.

pub mod anchor;
pub mod codec;
pub mod handout;
pub mod instant;
pub mod link;
mod set;
pub mod w3c;

pub use set::{AnnotationEdit, AnnotationSet, Filter, MergeOutcome, MergeReport, Removed};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::corpus::ArticleId;

/// Longest note accepted, in bytes (64 KiB). Longer notes are refused with [`AnnotationError::NoteTooLong`].
pub const MAX_NOTE_BYTES: usize = 64 * 1024;
/// Longest annotation id, in code points: this app's ids are short, other tools' are web addresses.
pub const MAX_ID_CHARS: usize = 2048;
/// Longest tag accepted, in code points (default 60). Longer tags are refused with
/// [`AnnotationError::BadTag`].
pub const MAX_TAG_CHARS: usize = 60;
/// Most tags on one annotation (default 20).
pub const MAX_TAGS: usize = 20;

/// Why an annotation operation failed. Messages are shown to the user as they are.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnnotationError {
    /// The range is empty (start ≥ end).
    #[error("the selection is empty (start {start}, end {end})")]
    EmptyRange {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
    /// The range reaches past the end of the text.
    #[error("the selection {start}..{end} is outside the text ({len} characters)")]
    OutOfBounds {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
    /// The range starts or ends inside a character built of several code points (a combining mark, a
    /// variation selector, a zero-width joiner or a skin-tone modifier would be cut off).
    #[error("the selection {start}..{end} cuts a character in two at offset {at}")]
    SplitsCharacter {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// The offending offset.
        at: usize,
    },
    /// A UTF-16 offset (from a browser selection) falls inside a surrogate pair or past the end.
    #[error("utf-16 offset {offset} is not at a character boundary of the text")]
    BadUtf16Offset {
        /// The offset in UTF-16 code units.
        offset: usize,
    },
    /// The quote and the position disagree (the quote must have `end - start` code points and not be empty).
    #[error("annotation {id}: the quote has {quote_len} characters but the position spans {span}")]
    QuoteMismatch {
        /// The annotation.
        id: String,
        /// Code points in the quote.
        quote_len: usize,
        /// `end - start` of the position.
        span: usize,
    },
    /// An annotation id is empty or too long.
    #[error("annotation id `{id}` is not valid (1 to 2048 characters required)")]
    BadId {
        /// The id.
        id: String,
    },
    /// An annotation with this id is already in the set.
    #[error("an annotation with id {id} already exists")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// No annotation has this id.
    #[error("no annotation with id {id}")]
    NotFound {
        /// The id.
        id: String,
    },
    /// The note is longer than [`MAX_NOTE_BYTES`].
    #[error("the note has {len} bytes; at most {max} are allowed")]
    NoteTooLong {
        /// Length of the note in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A tag is too long, or there are too many tags.
    #[error("tag `{tag}`: {problem}")]
    BadTag {
        /// The tag (shortened).
        tag: String,
        /// What is wrong.
        problem: String,
    },
    /// An unknown colour name.
    #[error("unknown colour `{name}` (expected yellow, green, blue, pink or purple)")]
    UnknownColor {
        /// The name given.
        name: String,
    },
}

/// The id of an annotation. Random-looking, but made from values the caller passes in (the UI passes the
/// time and a random number from JS), so tests are deterministic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    /// An id from a timestamp (milliseconds since the epoch) and a random number: `<time base36>-<random
    /// base36>`, e.g. `lx2k9q1c-3f8z0p`. Ids made later sort later when the time has the same number of digits.
    ///
    /// ```
    /// use presseschau::core::annotations::AnnotationId;
    /// let a = AnnotationId::generate(1_700_000_000_000, 42);
    /// assert_eq!(a, AnnotationId::generate(1_700_000_000_000, 42));
    /// assert_ne!(a, AnnotationId::generate(1_700_000_000_000, 43));
    /// ```
    pub fn generate(millis: u64, random: u64) -> Self {
        Self(format!("{}-{}", base36(millis), base36(random)))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `n` in base 36 with lower-case digits (for short ids).
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The highlight colour. Each has a name and a symbol so that colour is never the only cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    /// Yellow (the default).
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Purple.
    Purple,
}

impl Color {
    /// All colours, in toolbar order.
    pub const ALL: [Color; 5] = [Color::Yellow, Color::Green, Color::Blue, Color::Pink, Color::Purple];

    /// The stable English name (`yellow`), used in storage, CSS classes and exports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
            Self::Purple => "purple",
        }
    }

    /// A distinct symbol for the colour, the non-colour cue in the text and the notes list.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Yellow => "●",
            Self::Green => "▲",
            Self::Blue => "■",
            Self::Pink => "◆",
            Self::Purple => "★",
        }
    }

    /// A light background colour (CSS hex) that keeps black text readable (contrast ≥ 7:1).
    pub fn css(self) -> &'static str {
        match self {
            Self::Yellow => "#fff3a3",
            Self::Green => "#c8f0c2",
            Self::Blue => "#c6e2ff",
            Self::Pink => "#ffd1e3",
            Self::Purple => "#e3d4ff",
        }
    }

    /// The colour with this [`name`](Self::name).
    pub fn from_name(name: &str) -> Result<Self, AnnotationError> {
        Self::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| AnnotationError::UnknownColor { name: name.into() })
    }

    /// Index 0–4 in [`Color::ALL`] (used by compact links).
    pub fn index(self) -> u8 {
        match self {
            Self::Yellow => 0,
            Self::Green => 1,
            Self::Blue => 2,
            Self::Pink => 3,
            Self::Purple => 4,
        }
    }
}

/// W3C TextQuoteSelector: the quoted text with up to [`anchor::CONTEXT_CHARS`] code points on each side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The selected text.
    pub exact: String,
    /// Text just before it (may be empty at the start of the article).
    pub prefix: String,
    /// Text just after it (may be empty at the end of the article).
    pub suffix: String,
}

/// W3C TextPositionSelector: a half-open range of Unicode code points over the article's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Both selectors of a passage.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selector {
    /// The quote with context.
    pub quote: TextQuoteSelector,
    /// The position when the annotation was made.
    pub position: TextPositionSelector,
}

/// A highlight with an optional note and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique id.
    pub id: AnnotationId,
    /// The annotated article.
    pub article_id: ArticleId,
    /// The quoted passage.
    pub quote: TextQuoteSelector,
    /// Where the passage was (code points over `Article::text()`).
    pub position: TextPositionSelector,
    /// Highlight colour.
    pub color: Color,
    /// The note, as Markdown.
    pub note: Option<String>,
    /// Tags, trimmed, without duplicates, in the order given.
    pub tags: Vec<String>,
    /// When it was made (ISO 8601, given by the caller).
    pub created: String,
    /// When it was last changed (ISO 8601, given by the caller).
    pub modified: String,
    /// The note's format (a MIME type) when it is not Markdown: notes from other tools may be `text/plain`
    /// or `text/html`, and are shown as plain text. `None`: Markdown, as this app writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_format: Option<String>,
    /// What another tool wrote that this app does not use, kept so that it is exported again unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign: Option<Box<w3c::Foreign>>,
}

impl Annotation {
    /// A new annotation on a selector (from [`anchor::select`]); `now` (ISO 8601) becomes `created` and
    /// `modified`. Note and tags are checked and normalised as in [`AnnotationSet::update`].
    pub fn new(
        id: AnnotationId,
        article_id: ArticleId,
        selector: Selector,
        color: Color,
        note: Option<String>,
        tags: Vec<String>,
        now: &str,
    ) -> Result<Self, AnnotationError> {
        let a = Self {
            id,
            article_id,
            quote: selector.quote,
            position: selector.position,
            color,
            note: normalize_note(note)?,
            tags: normalize_tags(tags)?,
            created: now.to_string(),
            modified: now.to_string(),
            note_format: None,
            foreign: None,
        };
        a.validate()?;
        Ok(a)
    }

    /// Checks the invariants: a usable id, a non-empty quote whose length matches the position, note and
    /// tags within limits.
    pub fn validate(&self) -> Result<(), AnnotationError> {
        if self.id.0.is_empty() || self.id.0.chars().count() > MAX_ID_CHARS {
            return Err(AnnotationError::BadId { id: self.id.0.clone() });
        }
        let quote_len = self.quote.exact.chars().count();
        let span = self.position.end.saturating_sub(self.position.start);
        if quote_len == 0 || quote_len != span || self.position.start >= self.position.end {
            return Err(AnnotationError::QuoteMismatch {
                id: self.id.0.clone(),
                quote_len,
                span,
            });
        }
        if let Some(note) = &self.note {
            check_note(note)?;
        }
        check_tags(&self.tags)?;
        Ok(())
    }

    /// The selector of this annotation.
    pub fn selector(&self) -> Selector {
        Selector {
            quote: self.quote.clone(),
            position: self.position,
        }
    }

    /// The W3C motivation: `commenting` with a note, else `tagging` with tags, else `highlighting`.
    pub fn motivation(&self) -> &'static str {
        if self.note.is_some() {
            "commenting"
        } else if !self.tags.is_empty() {
            "tagging"
        } else {
            "highlighting"
        }
    }
}

/// Checks what a reader typed into a note form (note and tags) against every limit, before the form
/// closes: the normalised note and tags, or the first limit broken (the UI says it with the number and
/// keeps the typed text).
///
/// ```
/// use presseschau::core::annotations::{check_input, AnnotationError, MAX_NOTE_BYTES};
/// assert!(check_input(Some("kurz".into()), vec!["a".into()]).is_ok());
/// let long = "x".repeat(MAX_NOTE_BYTES + 1);
/// assert!(matches!(check_input(Some(long), vec![]), Err(AnnotationError::NoteTooLong { .. })));
/// ```
pub fn check_input(note: Option<String>, tags: Vec<String>) -> Result<(Option<String>, Vec<String>), AnnotationError> {
    Ok((normalize_note(note)?, normalize_tags(tags)?))
}

/// Refuses a note over [`MAX_NOTE_BYTES`].
fn check_note(note: &str) -> Result<(), AnnotationError> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(AnnotationError::NoteTooLong {
            len: note.len(),
            max: MAX_NOTE_BYTES,
        });
    }
    Ok(())
}

/// A blank note is no note; a longer one is refused.
fn normalize_note(note: Option<String>) -> Result<Option<String>, AnnotationError> {
    match note {
        Some(n) if n.trim().is_empty() => Ok(None),
        Some(n) => {
            check_note(&n)?;
            Ok(Some(n))
        }
        None => Ok(None),
    }
}

/// Refuses more than [`MAX_TAGS`] tags, an empty tag, or one over [`MAX_TAG_CHARS`] characters.
fn check_tags(tags: &[String]) -> Result<(), AnnotationError> {
    if tags.len() > MAX_TAGS {
        return Err(AnnotationError::BadTag {
            tag: tags[MAX_TAGS].clone(),
            problem: format!("too many tags (at most {MAX_TAGS})"),
        });
    }
    for t in tags {
        if t.trim().is_empty() {
            return Err(AnnotationError::BadTag {
                tag: t.clone(),
                problem: "a tag cannot be empty".into(),
            });
        }
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(AnnotationError::BadTag {
                tag: t.chars().take(MAX_TAG_CHARS).collect::<String>() + "…",
                problem: format!("longer than {MAX_TAG_CHARS} characters"),
            });
        }
    }
    Ok(())
}

/// Trims tags, drops empty ones and duplicates (case-insensitive, the first spelling wins), then checks
/// the limits.
fn normalize_tags(tags: Vec<String>) -> Result<Vec<String>, AnnotationError> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim();
        if t.is_empty() || out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            continue;
        }
        out.push(t.to_string());
    }
    check_tags(&out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_ids_are_distinct_and_stable() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(AnnotationId::generate(36, 35).0, "10-z");
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let tags = normalize_tags(vec![" Rüstung ".into(), "rüstung".into(), String::new(), "NATO".into()]).unwrap();
        assert_eq!(tags, vec!["Rüstung".to_string(), "NATO".to_string()]);
        let long = "x".repeat(MAX_TAG_CHARS + 1);
        assert!(matches!(
            normalize_tags(vec![long]),
            Err(AnnotationError::BadTag { .. })
        ));
    }

    #[test]
    fn color_names_round_trip() {
        for c in Color::ALL {
            assert_eq!(Color::from_name(c.name()), Ok(c));
            assert_eq!(Color::ALL[usize::from(c.index())], c);
        }
        assert!(Color::from_name("red").is_err());
    }
}
