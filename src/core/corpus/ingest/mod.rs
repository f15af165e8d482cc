//! Ingest of one source file: bytes → [`Article`].
//!
//! 1. Decode: reject empty, binary, invalid UTF-8 and oversized input with an [`IngestError`].
//! 2. Front matter (`---` … `---` with `title`, `date`, `outlet`, `url`) is read when present; the rest is
//!    Markdown and split into blocks.
//! 3. Otherwise the text is scraped plain text: every line is classified by [`classify_line`] (boilerplate
//!    with a reason, dateline, credits, captions) and the rest becomes title, lead, paragraphs, subheadings,
//!    quotes and captions.
//!
//! Files: `front_matter` (step 2), `classify` (what one scraped line is, on its own) and `scraped` (step 3, in
//! named stages).

mod classify;
mod front_matter;
mod scraped;

use sha2::{Digest, Sha256};

pub use classify::{LineClass, classify_line};
pub(crate) use front_matter::markdown_blocks;

use super::markdown::plain_text;
use super::{Article, ArticleId, Block, BlockKind, SimpleDate, Title, TitleOrigin};
use crate::core::error::IngestError;
use front_matter::ingest_front_matter;
use scraped::ingest_scraped;

/// The largest file accepted as one article (1 MiB; the longest news articles are ~100 KB).
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// Reads one file. `name` is only used for messages and `source_file`.
///
/// ```
/// use presseschau::core::corpus::{ingest::ingest, RemovalReason};
/// let raw = "Politik\n\nEin neuer Titel für den Test\n\n3. Mai 2021\n\nDer Text beginnt hier. Er endet hier.\n\nAnzeige\n";
/// let article = ingest("x.txt", raw.as_bytes()).unwrap();
/// assert_eq!(article.title.text, "Ein neuer Titel für den Test");
/// assert_eq!(article.date.value.unwrap().iso(), "2021-05-03");
/// assert!(article.removed().any(|(t, r)| t == "Anzeige" && r == RemovalReason::Advertisement));
/// ```
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let file = name.to_string();
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(IngestError::TooLarge {
            file,
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let text = decode(&file, bytes)?;
    let normalised = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if normalised.trim().is_empty() {
        return Err(IngestError::Empty { file });
    }
    let id = ArticleId(content_id(&normalised));
    if let Some(rest) = normalised.strip_prefix("---\n") {
        return ingest_front_matter(file, id, &normalised, rest);
    }
    ingest_scraped(file, id, &normalised)
}

/// The bytes as UTF-8 text; NUL bytes or more than 1 % control characters mean a binary file.
pub(crate) fn decode(file: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let control = bytes
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t' && b != 0x0c))
        .count();
    if bytes.contains(&0) || control * 100 > bytes.len().max(1) {
        return Err(IngestError::Binary { file: file.to_string() });
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| IngestError::InvalidUtf8 {
        file: file.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A content id: the first 12 hex digits of the SHA-256 of the normalised text (white space runs folded),
/// so re-saving a file with other line endings keeps the id.
pub fn content_id(text: &str) -> String {
    let folded: Vec<&str> = text.split_whitespace().collect();
    let digest = Sha256::digest(folded.join(" ").as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Appends a block unless its plain text is empty; its `start` follows the previous block plus the blank
/// line (two code points) that joins blocks in [`Article::text`].
fn push_block(blocks: &mut Vec<Block>, kind: BlockKind, markdown: String) {
    let text = plain_text(&markdown);
    if text.trim().is_empty() {
        return;
    }
    let start = blocks
        .last()
        .map_or(0, |b: &Block| b.start + b.text.chars().count() + 2);
    blocks.push(Block {
        kind,
        markdown,
        text,
        start,
    });
}

/// An ISO date of year, month or day precision ("2022", "2022-01", "2022-01-03"; a time after the day is
/// ignored); `None` for anything else or an impossible day.
pub(crate) fn parse_iso_date(s: &str) -> Option<SimpleDate> {
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u8> = parts.next().map(|d| d.get(..2).unwrap_or(d).parse()).transpose().ok()?;
    if !(1000..=9999).contains(&year) || month.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    if let (Some(m), Some(d)) = (month, day)
        && (d == 0 || d > crate::core::text::days_in_month(year, m))
    {
        return None;
    }
    Some(SimpleDate { year, month, day })
}

/// A title for an article without one: the first sentence of its first non-caption block, cut at a word
/// boundary with " …" beyond 90 characters.
pub(crate) fn first_sentence_title(blocks: &[Block]) -> Title {
    let first = blocks
        .iter()
        .find(|b| b.kind != BlockKind::Caption)
        .map_or("", |b| b.text.as_str());
    let mut end = first.len();
    for (i, c) in first.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > 20 && first[i + 1..].starts_with(' ') {
            end = i;
            break;
        }
    }
    let sentence = &first[..end];
    let text = if sentence.chars().count() > 90 {
        let cut: String = sentence.chars().take(90).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).to_string();
        format!("{cut} …")
    } else {
        sentence.to_string()
    };
    Title {
        text,
        origin: TitleOrigin::FirstSentence,
    }
}
