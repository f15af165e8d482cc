//! Annotations in links (hash routes, so they work on static hosts and `file://`).
//!
//! * **Note sets** (`#/a/<id>?n=<set>`): `v1.` + base64url (no padding) of raw deflate of a compact JSON
//!   array. Per note: article (index into a table), start, end, quote, note, tags, colour index. Quotes
//!   longer than [`SHORTEN_ABOVE_CHARS`] are sent as their first and last [`LINK_HEAD_TAIL_CHARS`] code
//!   points; the receiver has the article and finds the passage again ([`SharedNote::locate`]). Creation
//!   times are not sent: the receiver stamps notes it adopts.
//! * **Passages** (`#/a/<id>?q=<passage>`): `<start>-<end>` then `~`-separated, percent-encoded fields
//!   keyed by their first letter: `q` the quote, or `h`+`t` its head and tail when long, and `p`/`s`
//!   prefix and suffix only when the quote occurs more than once. Example:
//!   `28-55~qRussland%20protestiert%20scharf`.
//!
//! Decoding never panics: wrong version, bad base64, broken or oversized deflate data (capped at
//! [`MAX_DECOMPRESSED_BYTES`]) and malformed payloads each give a [`LinkError`] the UI can show while the
//! article still opens.
//!
//! Dependencies: `miniz_oxide` (pure-Rust deflate, the one `flate2` uses; small in wasm) and `base64`
//! (`URL_SAFE_NO_PAD`), `percent-encoding` (from rust-url) for passages.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};
use thiserror::Error;

use crate::core::annotations::anchor::{Anchoring, How, TextIndex, select};
use crate::core::annotations::{Annotation, AnnotationId, Color, Selector, TextPositionSelector, TextQuoteSelector};
use crate::core::corpus::ArticleId;

/// Version prefix of note-set links.
pub const NOTE_SET_PREFIX: &str = "v1.";
/// Longest link the UI should produce (default 2,000 characters, what old browsers and many chat and mail
/// programs keep intact). [`fits_in_link`] compares against it; larger sets go into an export file.
pub const MAX_LINK_CHARS: usize = 2000;
/// Quotes longer than this (code points, default 48) are shortened to head and tail in links.
pub const SHORTEN_ABOVE_CHARS: usize = 48;
/// Code points kept at each end of a shortened quote (default 20): enough to find the passage again.
pub const LINK_HEAD_TAIL_CHARS: usize = 20;
/// Cap on decompressed note-set data (default 64 KiB), so a crafted link cannot exhaust memory.
pub const MAX_DECOMPRESSED_BYTES: usize = 64 * 1024;
/// Longest encoded value accepted by the decoders (default 32 KiB of text).
pub const MAX_ENCODED_CHARS: usize = 32 * 1024;
/// Code points of context added to a passage link when the quote is not unique (default 16).
pub const PASSAGE_CONTEXT_CHARS: usize = 16;
/// Deflate level (0–10, default 9: best compression; the data is tiny, so speed does not matter).
pub const DEFLATE_LEVEL: u8 = 9;

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    /// The value does not start with a known version prefix.
    #[error("the note link has an unknown format (expected it to start with `v1.`)")]
    UnknownVersion,
    /// The value is longer than [`MAX_ENCODED_CHARS`].
    #[error("the link is too long ({len} characters)")]
    TooLong {
        /// Length in characters.
        len: usize,
    },
    /// Not base64url.
    #[error("the note link is damaged (not base64url: {0})")]
    BadBase64(String),
    /// The compressed data is broken or truncated.
    #[error("the note link is damaged or incomplete (the compressed data cannot be read)")]
    BadDeflate,
    /// The data would decompress to more than [`MAX_DECOMPRESSED_BYTES`].
    #[error("the note link holds more than {max} bytes of data")]
    TooLarge {
        /// The cap.
        max: usize,
    },
    /// The decompressed data is not the expected structure.
    #[error("the note link is damaged: {0}")]
    BadPayload(String),
    /// A passage value is malformed.
    #[error("the passage link is damaged: {0}")]
    BadPassage(String),
}

/// A quote as sent in a link: whole, or head and tail of a long one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkQuote {
    /// The whole quote.
    Full(String),
    /// The first and last code points of a longer quote.
    Split {
        /// The first code points.
        head: String,
        /// The last code points.
        tail: String,
    },
}

impl LinkQuote {
    /// The quote for a link: shortened when longer than [`SHORTEN_ABOVE_CHARS`].
    pub fn of(exact: &str) -> Self {
        let chars: Vec<char> = exact.chars().collect();
        if chars.len() <= SHORTEN_ABOVE_CHARS {
            Self::Full(exact.to_string())
        } else {
            Self::Split {
                head: chars[..LINK_HEAD_TAIL_CHARS].iter().collect(),
                tail: chars[chars.len() - LINK_HEAD_TAIL_CHARS..].iter().collect(),
            }
        }
    }

    /// The quote for display (`head … tail` when shortened).
    pub fn display(&self) -> String {
        match self {
            Self::Full(s) => s.clone(),
            Self::Split { head, tail } => format!("{head} … {tail}"),
        }
    }

    /// Finds the quote in a text, near `hint` (the position the sender had; without one, the first
    /// occurrence that fits the context).
    pub fn locate(
        &self,
        index: &TextIndex,
        hint: Option<TextPositionSelector>,
        prefix: &str,
        suffix: &str,
    ) -> Anchoring {
        match (self, hint) {
            (Self::Full(exact), _) => index.reanchor(
                &TextQuoteSelector {
                    exact: exact.clone(),
                    prefix: prefix.to_string(),
                    suffix: suffix.to_string(),
                },
                hint,
            ),
            (Self::Split { head, tail }, Some(hint)) => locate_split(index, head, tail, hint),
            (Self::Split { .. }, None) => Anchoring::Orphaned,
        }
    }
}

/// A head/tail quote: the head where it occurs (closest to the hint first), the tail at the expected
/// distance (exact or moved), else the nearest tail within 75–125 % of the length (fuzzy).
fn locate_split(index: &TextIndex, head: &str, tail: &str, hint: TextPositionSelector) -> Anchoring {
    let head: Vec<char> = head.chars().collect();
    let tail: Vec<char> = tail.chars().collect();
    let len = hint.end.saturating_sub(hint.start);
    if head.is_empty() || tail.is_empty() || len < head.len().max(tail.len()) {
        return Anchoring::Orphaned;
    }
    let mut heads = index.occurrences(&head);
    heads.sort_by_key(|h| h.abs_diff(hint.start));
    let tails = index.occurrences(&tail);
    for &h in &heads {
        let end = h + len;
        if tails.contains(&(end - tail.len())) {
            let how = if h == hint.start { How::Exact } else { How::Moved };
            return Anchoring::Anchored { start: h, end, how };
        }
    }
    for &h in &heads {
        let best = tails
            .iter()
            .map(|t| t + tail.len())
            .filter(|&e| e > h && (e - h) * 4 >= len * 3 && (e - h) * 4 <= len * 5)
            .min_by_key(|&e| (e - h).abs_diff(len));
        if let Some(end) = best {
            return Anchoring::Anchored {
                start: h,
                end,
                how: How::Fuzzy,
            };
        }
    }
    Anchoring::Orphaned
}

/// A note received through a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedNote {
    /// The article it belongs to.
    pub article_id: ArticleId,
    /// Where the passage was for the sender.
    pub position: TextPositionSelector,
    /// The quote (maybe shortened).
    pub quote: LinkQuote,
    /// The note (Markdown).
    pub note: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Colour.
    pub color: Color,
}

impl SharedNote {
    /// Finds the passage in the receiver's article text.
    pub fn locate(&self, index: &TextIndex) -> Anchoring {
        self.quote.locate(index, Some(self.position), "", "")
    }

    /// Turns the note into an annotation of the receiver ("add to my notes"), placed on `text`; `None`
    /// when the passage cannot be found (show it as orphaned with [`LinkQuote::display`]).
    pub fn to_annotation(&self, text: &str, id: AnnotationId, now: &str) -> Option<Annotation> {
        let index = TextIndex::new(text);
        let (start, end) = self.locate(&index).range()?;
        let selector = select(text, start, end).ok()?;
        Annotation::new(
            id,
            self.article_id.clone(),
            selector,
            self.color,
            self.note.clone(),
            self.tags.clone(),
            now,
        )
        .ok()
    }
}

impl SharedNote {
    /// The note as an annotation without a place in the text (its passage was not found): the quote as the
    /// link gives it, a position that only records its length. It shows as orphaned, so nothing is dropped.
    pub fn to_orphan(&self, id: AnnotationId, now: &str) -> Option<Annotation> {
        let exact = self.quote.display();
        let len = exact.chars().count();
        let selector = Selector {
            quote: crate::core::annotations::TextQuoteSelector {
                exact,
                prefix: String::new(),
                suffix: String::new(),
            },
            position: TextPositionSelector { start: 0, end: len },
        };
        Annotation::new(
            id,
            self.article_id.clone(),
            selector,
            self.color,
            self.note.clone(),
            self.tags.clone(),
            now,
        )
        .ok()
    }
}

fn quote_json(q: &LinkQuote) -> Value {
    match q {
        LinkQuote::Full(s) => json!(s),
        LinkQuote::Split { head, tail } => json!([head, tail]),
    }
}

/// The JSON payload of a note set (before compression).
fn payload(annotations: &[Annotation]) -> Value {
    let mut articles: Vec<&str> = Vec::new();
    let mut notes = Vec::new();
    for a in annotations {
        let ai = articles.iter().position(|x| *x == a.article_id.0).unwrap_or_else(|| {
            articles.push(&a.article_id.0);
            articles.len() - 1
        });
        notes.push(json!([
            ai,
            a.position.start,
            a.position.end,
            quote_json(&LinkQuote::of(&a.quote.exact)),
            a.note.as_deref().unwrap_or(""),
            a.tags,
            a.color.index(),
        ]));
    }
    json!([articles, notes])
}

/// Encodes annotations as a note-set link value (`v1.…`), without the `#/a/<id>?n=` part.
///
/// ```
/// use presseschau::core::annotations::link::{decode_note_set, encode_note_set};
/// let value = encode_note_set(&[]);
/// assert!(value.starts_with("v1."));
/// assert_eq!(decode_note_set(&value).unwrap(), vec![]);
/// ```
pub fn encode_note_set(annotations: &[Annotation]) -> String {
    let json = payload(annotations).to_string();
    format!("{NOTE_SET_PREFIX}{}", deflate_base64url(json.as_bytes()))
}

/// Raw deflate ([`DEFLATE_LEVEL`]) then base64url without padding: the body of every link that carries data
/// (note sets, shared own articles).
pub fn deflate_base64url(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(data, DEFLATE_LEVEL))
}

/// The inverse of [`deflate_base64url`], decompressing at most `max` bytes: bad base64 is
/// [`LinkError::BadBase64`], broken or cut-off deflate data [`LinkError::BadDeflate`], more than `max` bytes
/// [`LinkError::TooLarge`].
pub fn inflate_base64url(body: &str, max: usize) -> Result<Vec<u8>, LinkError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| LinkError::BadBase64(e.to_string()))?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, max).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            LinkError::TooLarge { max }
        } else {
            LinkError::BadDeflate
        }
    })
}

/// Whether a set of notes fits in a link of at most [`MAX_LINK_CHARS`] characters, counting a route of
/// `#/a/<article id>?n=` in front (otherwise the UI offers an export file).
pub fn fits_in_link(annotations: &[Annotation]) -> bool {
    let route = annotations
        .first()
        .map_or(0, |a| "#/a/?n=".len() + a.article_id.0.len());
    route + encode_note_set(annotations).len() <= MAX_LINK_CHARS
}

/// Decodes a note-set link value.
pub fn decode_note_set(value: &str) -> Result<Vec<SharedNote>, LinkError> {
    if value.len() > MAX_ENCODED_CHARS {
        return Err(LinkError::TooLong { len: value.len() });
    }
    let body = value
        .trim()
        .strip_prefix(NOTE_SET_PREFIX)
        .ok_or(LinkError::UnknownVersion)?;
    let json = inflate_base64url(body, MAX_DECOMPRESSED_BYTES)?;
    let value: Value = serde_json::from_slice(&json).map_err(|e| LinkError::BadPayload(format!("not JSON ({e})")))?;
    parse_payload(&value).map_err(LinkError::BadPayload)
}

/// Reads a decoded note-set payload `[articles, notes]`; the error says which part is wrong.
fn parse_payload(v: &Value) -> Result<Vec<SharedNote>, String> {
    let [articles, notes] = v.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err("expected [articles, notes]".into());
    };
    let articles: Vec<&str> = articles
        .as_array()
        .ok_or("the article list is missing")?
        .iter()
        .map(|a| {
            a.as_str()
                .filter(|s| !s.is_empty())
                .ok_or("an article id is not a string")
        })
        .collect::<Result<_, _>>()?;
    let notes = notes.as_array().ok_or("the note list is missing")?;
    let mut out = Vec::with_capacity(notes.len());
    for (i, n) in notes.iter().enumerate() {
        out.push(parse_note(n, &articles).map_err(|e| format!("note {}: {e}", i + 1))?);
    }
    Ok(out)
}

/// Reads one note of a payload: `[article index, start, end, quote, note, tags, colour]`.
fn parse_note(n: &Value, articles: &[&str]) -> Result<SharedNote, String> {
    let [ai, start, end, quote, note, tags, color] = n.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err("expected 7 fields".into());
    };
    let num = |v: &Value, what: &str| {
        v.as_u64()
            .and_then(|x| usize::try_from(x).ok())
            .ok_or_else(|| format!("{what} is not a number"))
    };
    let article = articles
        .get(num(ai, "article index")?)
        .ok_or("article index out of range")?;
    let (start, end) = (num(start, "start")?, num(end, "end")?);
    if start >= end {
        return Err(format!("empty range {start}..{end}"));
    }
    let quote = match quote {
        Value::String(s) if !s.is_empty() && s.chars().count() == end - start => LinkQuote::Full(s.clone()),
        Value::String(_) => return Err("the quote does not match its range".into()),
        Value::Array(ht) => match ht.as_slice() {
            [Value::String(h), Value::String(t)] if !h.is_empty() && !t.is_empty() => LinkQuote::Split {
                head: h.clone(),
                tail: t.clone(),
            },
            _ => return Err("a shortened quote needs a head and a tail".into()),
        },
        _ => return Err("the quote is missing".into()),
    };
    let note = note.as_str().ok_or("the note is not text")?;
    let tags = tags
        .as_array()
        .ok_or("the tags are not a list")?
        .iter()
        .map(|t| t.as_str().map(str::to_string).ok_or("a tag is not text"))
        .collect::<Result<Vec<_>, _>>()?;
    let color = Color::ALL.get(num(color, "colour")?).copied().ok_or("unknown colour")?;
    Ok(SharedNote {
        article_id: ArticleId((*article).to_string()),
        position: TextPositionSelector { start, end },
        quote,
        note: (!note.trim().is_empty()).then(|| note.to_string()),
        tags,
        color,
    })
}

/// Characters left as they are in passage fields: letters, digits and `-._`.
const FIELD: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_');

/// A passage from a `?q=` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageRef {
    /// The position the sender had (a hint); `None` for a link written by hand with only a quote.
    pub position: Option<TextPositionSelector>,
    /// The quote.
    pub quote: LinkQuote,
    /// Context before, when the quote is not unique.
    pub prefix: String,
    /// Context after, when the quote is not unique.
    pub suffix: String,
}

impl PassageRef {
    /// Finds the passage in the article text.
    pub fn locate(&self, index: &TextIndex) -> Anchoring {
        self.quote.locate(index, self.position, &self.prefix, &self.suffix)
    }
}

/// Encodes a passage of `text` for `?q=`. Adds context only when the quote (or its head) occurs more
/// than once in `text`.
///
/// ```
/// use presseschau::core::annotations::{anchor, link};
/// let text = "Die Türkei liefert Drohnen. Russland protestiert.";
/// let q = link::encode_passage(text, &anchor::select(text, 4, 10).unwrap());
/// assert_eq!(q, "4-10~qT%C3%BCrkei");
/// ```
pub fn encode_passage(text: &str, selector: &Selector) -> String {
    let enc = |s: &str| utf8_percent_encode(s, FIELD).to_string();
    let p = selector.position;
    let quote = LinkQuote::of(&selector.quote.exact);
    let mut out = format!("{}-{}", p.start, p.end);
    let probe = match &quote {
        LinkQuote::Full(q) => {
            out.push_str(&format!("~q{}", enc(q)));
            q.clone()
        }
        LinkQuote::Split { head, tail } => {
            out.push_str(&format!("~h{}~t{}", enc(head), enc(tail)));
            head.clone()
        }
    };
    let probe: Vec<char> = probe.chars().collect();
    if TextIndex::new(text).occurrences(&probe).len() > 1 {
        let tail_chars = |s: &str, n: usize| {
            let c: Vec<char> = s.chars().collect();
            c[c.len().saturating_sub(n)..].iter().collect::<String>()
        };
        let prefix = tail_chars(&selector.quote.prefix, PASSAGE_CONTEXT_CHARS);
        let suffix: String = selector.quote.suffix.chars().take(PASSAGE_CONTEXT_CHARS).collect();
        if !prefix.is_empty() {
            out.push_str(&format!("~p{}", enc(&prefix)));
        }
        if !suffix.is_empty() {
            out.push_str(&format!("~s{}", enc(&suffix)));
        }
    }
    out
}

/// Decodes a `?q=` passage value.
pub fn decode_passage(value: &str) -> Result<PassageRef, LinkError> {
    if value.len() > MAX_ENCODED_CHARS {
        return Err(LinkError::TooLong { len: value.len() });
    }
    let bad = |m: &str| LinkError::BadPassage(m.to_string());
    let mut fields = value.split('~');
    let range = fields.next().unwrap_or_default();
    let numbers = range
        .split_once('-')
        .and_then(|(s, e)| Some((s.parse::<usize>().ok()?, e.parse::<usize>().ok()?)));
    let Some((start, end)) = numbers else {
        // A link written by hand: the whole value is the quote (`#q=Obwohl%20die`); the position was only
        // ever a hint.
        return plain_quote(value);
    };
    if start >= end {
        return Err(bad("the position is empty"));
    }
    let (mut q, mut h, mut t, mut p, mut s) = (None, None, None, String::new(), String::new());
    for f in fields {
        let mut chars = f.chars();
        let key = chars.next().ok_or_else(|| bad("an empty field"))?;
        let text = percent_decode_str(chars.as_str())
            .decode_utf8()
            .map_err(|_| bad("a field is not UTF-8"))?
            .into_owned();
        match key {
            'q' => q = Some(text),
            'h' => h = Some(text),
            't' => t = Some(text),
            'p' => p = text,
            's' => s = text,
            other => return Err(LinkError::BadPassage(format!("unknown field `{other}`"))),
        }
    }
    let quote = match (q, h, t) {
        (Some(q), None, None) if !q.is_empty() => LinkQuote::Full(q),
        (None, Some(h), Some(t)) if !h.is_empty() && !t.is_empty() => LinkQuote::Split { head: h, tail: t },
        _ => return Err(bad("the quote is missing")),
    };
    Ok(PassageRef {
        position: Some(TextPositionSelector { start, end }),
        quote,
        prefix: p,
        suffix: s,
    })
}

/// A passage value that is only a quote (percent-encoded or not; `+` is a space as in a form).
fn plain_quote(value: &str) -> Result<PassageRef, LinkError> {
    let text = percent_decode_str(&value.replace('+', " "))
        .decode_utf8()
        .map_err(|_| LinkError::BadPassage("the quote is not UTF-8".into()))?
        .trim()
        .to_string();
    if text.is_empty() {
        return Err(LinkError::BadPassage("the quote is missing".into()));
    }
    Ok(PassageRef {
        position: None,
        quote: LinkQuote::Full(text),
        prefix: String::new(),
        suffix: String::new(),
    })
}
