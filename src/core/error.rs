//! Error types of the core, one enum per area.

use thiserror::Error;

/// Why a source file could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum IngestError {
    /// The file has no text at all (or only white space).
    #[error("{file}: the file is empty")]
    Empty {
        /// Source file name.
        file: String,
    },
    /// The bytes are not valid UTF-8.
    #[error("{file}: not valid UTF-8 text (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// Source file name.
        file: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file looks like binary data (NUL or many control bytes).
    #[error("{file}: looks like a binary file, not an article")]
    Binary {
        /// Source file name.
        file: String,
    },
    /// The file is larger than an article can reasonably be.
    #[error("{file}: too large ({size} bytes; an article may have at most {limit} bytes)")]
    TooLarge {
        /// Source file name.
        file: String,
        /// Size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Everything in the file was boilerplate: no article text is left.
    #[error("{file}: no article text left after removing boilerplate ({removed} lines removed)")]
    OnlyBoilerplate {
        /// Source file name.
        file: String,
        /// How many lines were removed as boilerplate.
        removed: usize,
    },
    /// Front matter was opened with `---` but never closed, or a field is malformed.
    #[error("{file}: front matter {problem}")]
    FrontMatter {
        /// Source file name.
        file: String,
        /// What is wrong.
        problem: FrontMatterProblem,
    },
}

/// What is wrong with a front matter header: a kind with its values, so a UI can word it in its language.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum FrontMatterProblem {
    /// The header is opened with `---` but never closed.
    #[error("is opened with `---` but never closed")]
    Unclosed,
    /// A header line is not `key: value`.
    #[error("line `{line}` is not `key: value`")]
    NotKeyValue {
        /// The line.
        line: String,
    },
    /// The `date` field is not an ISO date.
    #[error("field `date` is not a date like 2022-01-03 or 2022-01: `{value}`")]
    BadDate {
        /// The value written.
        value: String,
    },
}
