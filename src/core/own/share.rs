//! An own article in a link: the value for a fragment such as `#a=<value>`, so no server ever sees it.
//!
//! Value: `a1.` + base64url (no padding) of raw deflate ([`deflate_base64url`], the note links' helper) of
//! a compact JSON array `[content id, title, date, outlet, url, body]` (`""` for an unknown field; the body
//! is the draft's Markdown). The receiver checks the content id against the text it got, so a link cut
//! off or changed on the way (a chat program, a hand edit) is refused as [`ShareError::Tampered`] instead
//! of showing a different article under the sender's name.
//!
//! Links up to [`MAX_SHARE_CHARS`] are made; a longer article is [`ShareError::TooLong`] and the UI offers
//! a file instead.

use serde_json::{Value, json};
use thiserror::Error;

use super::MAX_TEXT_BYTES;
use super::draft::{Draft, Origin, SourceKind};
use crate::core::annotations::link::{LinkError, deflate_base64url, inflate_base64url};
use crate::core::corpus::ArticleId;
use crate::core::corpus::ingest::parse_iso_date;

/// Version prefix of article links.
pub const SHARE_PREFIX: &str = "a1.";
/// Longest value made or read (32 KiB of characters): about 100 KB of German text after deflate, which
/// current browsers and most chat and mail programs keep intact in a fragment.
pub const MAX_SHARE_CHARS: usize = 32 * 1024;

/// Why an article could not be put into a link or read from one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// The link would be (or is) longer than [`MAX_SHARE_CHARS`].
    #[error("{len} characters, at most {max}")]
    TooLong {
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The value does not start with [`SHARE_PREFIX`].
    #[error("unknown format")]
    UnknownVersion,
    /// A character that base64url does not use: changed or added on the way.
    #[error("damaged (not base64url)")]
    BadBase64,
    /// The compressed data is broken or cut off.
    #[error("truncated or damaged")]
    Truncated,
    /// The data would decompress to more than an article may hold.
    #[error("more than {max} bytes")]
    TooLarge {
        /// The cap.
        max: usize,
    },
    /// It decompressed, but is not an article (wrong shape, or no text).
    #[error("not an article ({0})")]
    BadPayload(String),
    /// The text does not match the content id the sender sent: changed on the way.
    #[error("the text does not match its id")]
    Tampered,
}

/// The link value of a draft (without the route and `#a=` in front); longer than [`MAX_SHARE_CHARS`] is
/// [`ShareError::TooLong`].
///
/// ```
/// use presseschau::core::own::{read_pasted, share};
/// let draft = read_pasted("Ein Titel für den Link\n\nDer Text des Artikels. Er ist kurz.").unwrap();
/// let value = share::encode(&draft).unwrap();
/// let back = share::decode(&value).unwrap();
/// assert_eq!((back.title.as_str(), back.body.as_str()), (draft.title.as_str(), draft.body.as_str()));
/// ```
pub fn encode(draft: &Draft) -> Result<String, ShareError> {
    let payload = json!([
        draft.content_id().0,
        draft.title,
        draft.date.map(|d| d.iso()).unwrap_or_default(),
        draft.outlet.clone().unwrap_or_default(),
        draft.url.clone().unwrap_or_default(),
        draft.body,
    ]);
    let value = format!("{SHARE_PREFIX}{}", deflate_base64url(payload.to_string().as_bytes()));
    if value.len() > MAX_SHARE_CHARS {
        return Err(ShareError::TooLong {
            len: value.len(),
            max: MAX_SHARE_CHARS,
        });
    }
    Ok(value)
}

/// Reads a link value back into a draft (source [`SourceKind::Link`]); the UI shows it read-only and keeps
/// it with [`OwnArticle::new`](super::OwnArticle::new) when the reader asks.
pub fn decode(value: &str) -> Result<Draft, ShareError> {
    let value = value.trim();
    if value.len() > MAX_SHARE_CHARS {
        return Err(ShareError::TooLong {
            len: value.len(),
            max: MAX_SHARE_CHARS,
        });
    }
    let body = value.strip_prefix(SHARE_PREFIX).ok_or(ShareError::UnknownVersion)?;
    if !body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ShareError::BadBase64);
    }
    // The JSON of an article of MAX_TEXT_BYTES escapes some characters: allow it twice that.
    let json = inflate_base64url(body, 2 * MAX_TEXT_BYTES).map_err(|e| match e {
        LinkError::TooLarge { max } => ShareError::TooLarge { max },
        // Only base64url characters, but not a whole number of them: cut off.
        _ => ShareError::Truncated,
    })?;
    let payload: Value = serde_json::from_slice(&json).map_err(|e| ShareError::BadPayload(format!("not JSON: {e}")))?;
    let [id, title, date, outlet, url, body] = payload.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err(ShareError::BadPayload("expected 6 fields".into()));
    };
    let text = |v: &Value, what: &str| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| ShareError::BadPayload(format!("{what} is not text")))
    };
    let some = |s: String| (!s.trim().is_empty()).then_some(s);
    let date = some(text(date, "date")?).and_then(|d| parse_iso_date(&d));
    let outlet = some(text(outlet, "outlet")?);
    let draft = Draft {
        title: text(title, "title")?,
        title_from: Origin::FrontMatter,
        date,
        date_from: date.map(|_| Origin::FrontMatter),
        outlet_from: outlet.as_ref().map(|_| Origin::FrontMatter),
        outlet,
        agencies: Vec::new(),
        url: some(text(url, "url")?).filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        body: text(body, "body")?,
        set_aside: Vec::new(),
        source: SourceKind::Link,
        file_name: String::new(),
    };
    if draft.to_article().is_err() {
        return Err(ShareError::BadPayload("no text".into()));
    }
    if draft.content_id() != ArticleId(text(id, "id")?) {
        return Err(ShareError::Tampered);
    }
    Ok(draft)
}

/// Whether a draft fits in a link (otherwise the UI offers a file).
pub fn fits(draft: &Draft) -> bool {
    encode(draft).is_ok()
}
