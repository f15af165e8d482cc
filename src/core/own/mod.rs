//! Readers' own articles (issue 15): pasted text or dropped files → an editable [`Draft`] → a stored
//! [`OwnArticle`], shared by link or kept in the browser.
//!
//! 1. [`read_file`] and [`read_pasted`] take what the reader gave (`.txt`, `.md` with front matter, `.html`
//!    saved from a news site, or pasted text) through the same ingest as the seeds
//!    ([`crate::core::corpus::ingest`]): boilerplate set aside with reasons, title, date and outlet found.
//!    HTML is read as text first ([`crate::core::corpus::html`]); nothing in it is run or loaded. Bad input
//!    is an [`OwnError`]: a kind with values, never a sentence, so the UI words it in German or English.
//! 2. The [`Draft`] is what the reader edits before saving; [`Draft::to_article`] makes the [`Article`] the
//!    analysis and the views take, with a content id ([`Draft::content_id`]) that recognises the same
//!    article added twice.
//! 3. [`store`]: the stored record ([`OwnArticle`]), versioned with a migration, and the merge of two tabs'
//!    lists by content id that loses nothing.
//! 4. [`links`]: what the own articles were linked with, kept for the pages that start from their share.
//! 5. [`share`]: an own article in a link's fragment (deflate + base64url), with error kinds for tampered
//!    and truncated links.
//!
//! [`Article`]: crate::core::corpus::Article

mod draft;
pub mod links;
pub mod share;
pub mod store;
#[cfg(test)]
mod tests;

pub use draft::{Draft, Origin, SetAside, SetAsideReason, SourceKind, duplicate_of, read_file, read_pasted};
pub use store::OwnArticle;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::corpus::ingest::MAX_ARTICLE_BYTES;
use crate::core::error::FrontMatterProblem;

/// The largest file accepted (20 MB): a saved news page with inline styles and scripts can be a few MB,
/// and anything larger is not an article. Text files are held to [`MAX_TEXT_BYTES`] as well.
pub const MAX_FILE_BYTES: usize = 20_000_000;
/// The most text one article may have (1 MiB, the same limit as a seed; the longest news articles are
/// ~100 KB). For HTML it applies to the text read out of the page.
pub const MAX_TEXT_BYTES: usize = MAX_ARTICLE_BYTES;

/// What a size limit was measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeOf {
    /// The file as dropped, or the pasted input as given ([`MAX_FILE_BYTES`]).
    File,
    /// The article's text ([`MAX_TEXT_BYTES`]).
    Text,
}

/// Why a reader's input did not become a draft. Each kind carries the values a message needs; the UI
/// words it (German or English) and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OwnError {
    /// Nothing but white space.
    #[error("empty")]
    Empty,
    /// Binary data (NUL bytes or many control characters): a PDF, an image, a word processor file.
    #[error("binary data")]
    Binary,
    /// Not UTF-8 text.
    #[error("not UTF-8 (first bad byte at {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Over a size limit.
    #[error("{size} bytes of {of:?} over the limit of {limit}")]
    TooLarge {
        /// What was measured.
        of: SizeOf,
        /// The size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Only a web address: the app cannot fetch it (offline, no server); the reader should paste the text.
    #[error("only the address {url}")]
    UrlOnly {
        /// The address given.
        url: String,
    },
    /// No article text is left (everything was boilerplate, or a page without text).
    #[error("no article text ({set_aside} lines set aside)")]
    NoText {
        /// How many lines were set aside as boilerplate.
        set_aside: usize,
    },
    /// A `.md` file's front matter is broken.
    #[error("front matter {0}")]
    FrontMatter(FrontMatterProblem),
}
