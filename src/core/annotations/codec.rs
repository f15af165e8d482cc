//! The storage schema (what the UI writes to localStorage): `{ "version": N, "annotations": [...] }`.
//!
//! | version | shape of one annotation |
//! |---|---|
//! | 1 | flat: `id, article_id, exact, prefix, suffix, start, end, color, note, tags, created` |
//! | 2 (current) | [`Annotation`] as serde writes it: `quote {exact, prefix, suffix}`, `position {start, end}`, plus `modified` |
//!
//! [`decode`] reads any known version and migrates it step by step (`v1 → v2`). Data it cannot read
//! (corrupt JSON, a future version, an invalid annotation) comes back as a [`StoredDataError`] that
//! **contains the raw string**, so the UI can keep it aside and offer it for download instead of
//! overwriting it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::core::annotations::{
    Annotation, AnnotationId, AnnotationSet, Color, TextPositionSelector, TextQuoteSelector,
};
use crate::core::corpus::ArticleId;

/// The schema version [`encode`] writes.
pub const CURRENT_VERSION: u64 = 2;

/// Why stored data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoredDataProblem {
    /// Not JSON at all, or cut off.
    #[error("the saved notes are not valid JSON ({0})")]
    Corrupt(String),
    /// JSON, but without a numeric `version` field.
    #[error("the saved notes have no version number")]
    MissingVersion,
    /// Written by a newer version of the app.
    #[error(
        "the saved notes were written by a newer version of the app (format {found}, this app reads up to {supported})"
    )]
    UnknownVersion {
        /// Version found.
        found: u64,
        /// Newest version this build reads.
        supported: u64,
    },
    /// The JSON does not have the shape of its version.
    #[error("the saved notes (format {version}) are damaged: {detail}")]
    BadShape {
        /// The version claimed.
        version: u64,
        /// What serde reported.
        detail: String,
    },
    /// An annotation breaks an invariant (e.g. two with the same id).
    #[error("saved note {index} is invalid: {detail}")]
    InvalidAnnotation {
        /// Index in the stored list (0-based).
        index: usize,
        /// What is wrong.
        detail: String,
    },
}

/// Stored data that could not be read, with the raw string so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{problem}")]
pub struct StoredDataError {
    /// The data exactly as it was stored: keep it aside and offer it for download.
    pub raw: String,
    /// What is wrong with it.
    pub problem: StoredDataProblem,
}

/// Decoded storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The annotations.
    pub set: AnnotationSet,
    /// The version read, when it was older than [`CURRENT_VERSION`] (the UI should save again).
    pub migrated_from: Option<u64>,
}

/// Version 1 of one stored annotation (flat, no `modified`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationV1 {
    /// Id.
    pub id: String,
    /// Article id.
    pub article_id: String,
    /// Quoted text.
    pub exact: String,
    /// Context before.
    #[serde(default)]
    pub prefix: String,
    /// Context after.
    #[serde(default)]
    pub suffix: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Colour name.
    pub color: String,
    /// Note (Markdown).
    #[serde(default)]
    pub note: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Creation time.
    pub created: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredV1 {
    #[allow(dead_code)]
    version: u64,
    annotations: Vec<AnnotationV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredV2 {
    version: u64,
    annotations: Vec<Annotation>,
}

/// The migration v1 → v2: nest the selectors, parse the colour, and set `modified` to `created`.
pub fn migrate_v1(a: AnnotationV1) -> Result<Annotation, String> {
    let color = Color::from_name(&a.color).map_err(|e| e.to_string())?;
    Ok(Annotation {
        id: AnnotationId(a.id),
        article_id: ArticleId(a.article_id),
        quote: TextQuoteSelector {
            exact: a.exact,
            prefix: a.prefix,
            suffix: a.suffix,
        },
        position: TextPositionSelector {
            start: a.start,
            end: a.end,
        },
        color,
        note: a.note,
        tags: a.tags,
        modified: a.created.clone(),
        created: a.created,
        note_format: None,
        foreign: None,
    })
}

/// Encodes a set in the current schema (compact JSON).
pub fn encode(set: &AnnotationSet) -> String {
    let stored = StoredV2 {
        version: CURRENT_VERSION,
        annotations: set.items().to_vec(),
    };
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string(&stored).unwrap_or_else(|_| format!("{{\"version\":{CURRENT_VERSION},\"annotations\":[]}}"))
}

/// Decodes stored data of any known version. Nothing stored yet is the UI's `None`, not an empty string:
/// an empty string is reported as corrupt like any other unreadable data.
pub fn decode(raw: &str) -> Result<Decoded, StoredDataError> {
    let fail = |problem| StoredDataError {
        raw: raw.to_string(),
        problem,
    };
    let value: Value = serde_json::from_str(raw).map_err(|e| fail(StoredDataProblem::Corrupt(e.to_string())))?;
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| fail(StoredDataProblem::MissingVersion))?;
    let bad_shape = |e: serde_json::Error| {
        fail(StoredDataProblem::BadShape {
            version,
            detail: e.to_string(),
        })
    };
    let (items, migrated_from) = match version {
        1 => {
            let v1: StoredV1 = serde_json::from_value(value).map_err(bad_shape)?;
            let mut out = Vec::with_capacity(v1.annotations.len());
            for (index, a) in v1.annotations.into_iter().enumerate() {
                out.push(migrate_v1(a).map_err(|detail| fail(StoredDataProblem::InvalidAnnotation { index, detail }))?);
            }
            (out, Some(1))
        }
        CURRENT_VERSION => {
            let v2: StoredV2 = serde_json::from_value(value).map_err(bad_shape)?;
            (v2.annotations, None)
        }
        found => {
            return Err(fail(StoredDataProblem::UnknownVersion {
                found,
                supported: CURRENT_VERSION,
            }));
        }
    };
    let mut set = AnnotationSet::new();
    for (index, a) in items.into_iter().enumerate() {
        set.add(a).map_err(|e| {
            fail(StoredDataProblem::InvalidAnnotation {
                index,
                detail: e.to_string(),
            })
        })?;
    }
    Ok(Decoded { set, migrated_from })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_the_raw_data() {
        for raw in [
            "",
            "{",
            "[1,2]",
            "{\"version\":\"2\"}",
            "{\"version\":99,\"annotations\":[]}",
        ] {
            let err = decode(raw).unwrap_err();
            assert_eq!(err.raw, raw);
            assert!(!err.to_string().is_empty());
        }
    }
}
