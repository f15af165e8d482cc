//! The stored form of own articles: one [`OwnArticle`] per record (IndexedDB keeps one record per article
//! id), each `{ "version": N, "article": {...} }`, and [`merge`] of two lists by content id.
//!
//! | version | shape of `article` |
//! |---|---|
//! | 1 | text only: `id, title, date (ISO), outlet, text (plain paragraphs), added` |
//! | 2 (current) | [`OwnArticle`] as serde writes it: a [`Draft`] (Markdown body, set-aside lines with reasons, where title/date/outlet came from) plus `id, added, modified, deleted` |
//!
//! Version 1 is the smallest record that names an article (what a plain-text export holds); [`decode`]
//! migrates it (`v1 → v2`) and reports it, so the UI writes the record again. Data it cannot read comes back
//! as a [`StoredArticleError`] that **contains the raw string**, for the UI to keep aside, like the notes'
//! [`codec`](crate::core::annotations::codec).
//!
//! Deleting is a mark (`deleted` with the time), not a removal: another tab that still has the article
//! then cannot bring it back by merging, and undo clears the mark.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::draft::{Draft, Origin, SourceKind};
use crate::core::annotations::instant;
use crate::core::corpus::ingest::parse_iso_date;
use crate::core::corpus::{ArticleId, SimpleDate};
use crate::core::text::escape_markdown;

/// The record version [`encode`] writes.
pub const CURRENT_VERSION: u64 = 2;

/// An own article as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnArticle {
    /// The content id of its text when it was saved ([`Draft::content_id`]); the record's key.
    pub id: ArticleId,
    /// The article as the reader saved it.
    pub draft: Draft,
    /// When it was added (RFC 3339, from the UI's clock).
    pub added: String,
    /// When it was last changed (added, edited, deleted or restored): the later one wins a merge.
    pub modified: String,
    /// When it was deleted, if it is (kept as a mark so merges do not bring it back).
    pub deleted: Option<String>,
}

impl OwnArticle {
    /// A new record for a draft, saved at `now`. Call it once [`Draft::to_article`] has succeeded (a draft
    /// without text has no article to store).
    pub fn new(draft: Draft, now: &str) -> Self {
        Self {
            id: draft.content_id(),
            draft,
            added: now.to_string(),
            modified: now.to_string(),
            deleted: None,
        }
    }

    /// Marks it deleted at `now` (undo with [`OwnArticle::restore`]).
    pub fn delete(&mut self, now: &str) {
        self.deleted = Some(now.to_string());
        self.modified = now.to_string();
    }

    /// Clears the deleted mark at `now`.
    pub fn restore(&mut self, now: &str) {
        self.deleted = None;
        self.modified = now.to_string();
    }
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoredArticleProblem {
    /// Not JSON at all, or cut off.
    #[error("not valid JSON ({0})")]
    Corrupt(String),
    /// JSON, but without a numeric `version` field.
    #[error("no version number")]
    MissingVersion,
    /// Written by a newer version of the app.
    #[error("format {found}, this app reads up to {supported}")]
    UnknownVersion {
        /// Version found.
        found: u64,
        /// Newest version this build reads.
        supported: u64,
    },
    /// The JSON does not have the shape of its version.
    #[error("format {version} damaged: {detail}")]
    BadShape {
        /// The version claimed.
        version: u64,
        /// What serde reported.
        detail: String,
    },
}

/// A stored record that could not be read, with the raw string so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{problem}")]
pub struct StoredArticleError {
    /// The record exactly as it was stored: keep it aside and offer it for download.
    pub raw: String,
    /// What is wrong with it.
    pub problem: StoredArticleProblem,
}

/// A decoded record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The article.
    pub article: OwnArticle,
    /// The version read, when older than [`CURRENT_VERSION`] (the UI should write the record again).
    pub migrated_from: Option<u64>,
}

/// Version 1 of a stored article: text only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnArticleV1 {
    /// Content id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// ISO date (`2023-11-24`, `2023-11`, `2023`), when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
    /// When it was added.
    pub added: String,
}

/// One stored record of any version: the version number and the article.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record<A> {
    version: u64,
    article: A,
}

/// The migration v1 → v2: the plain text becomes a Markdown body (each paragraph escaped), the date is
/// parsed (an unreadable one is dropped, it was optional), and `modified` is `added`.
pub fn migrate_v1(a: OwnArticleV1) -> OwnArticle {
    let body: Vec<String> = a
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(escape_markdown)
        .collect();
    let date: Option<SimpleDate> = a.date.as_deref().and_then(parse_iso_date);
    let has_outlet = a.outlet.is_some();
    OwnArticle {
        id: ArticleId(a.id),
        draft: Draft {
            title: a.title,
            title_from: Origin::Reader,
            date,
            date_from: date.map(|_| Origin::Reader),
            outlet: a.outlet,
            outlet_from: has_outlet.then_some(Origin::Reader),
            agencies: Vec::new(),
            url: None,
            body: body.join("\n\n"),
            set_aside: Vec::new(),
            source: SourceKind::Pasted,
            file_name: String::new(),
        },
        modified: a.added.clone(),
        added: a.added,
        deleted: None,
    }
}

/// Encodes one article as a record of the current version (compact JSON).
pub fn encode(article: &OwnArticle) -> String {
    let record = Record {
        version: CURRENT_VERSION,
        article,
    };
    // Plain structs of strings, numbers and enums: serialising cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

/// Decodes a record of any known version.
pub fn decode(raw: &str) -> Result<Decoded, StoredArticleError> {
    let fail = |problem| StoredArticleError {
        raw: raw.to_string(),
        problem,
    };
    let value: Value = serde_json::from_str(raw).map_err(|e| fail(StoredArticleProblem::Corrupt(e.to_string())))?;
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| fail(StoredArticleProblem::MissingVersion))?;
    let bad_shape = |e: serde_json::Error| {
        fail(StoredArticleProblem::BadShape {
            version,
            detail: e.to_string(),
        })
    };
    match version {
        1 => {
            let record: Record<OwnArticleV1> = serde_json::from_value(value).map_err(bad_shape)?;
            Ok(Decoded {
                article: migrate_v1(record.article),
                migrated_from: Some(1),
            })
        }
        CURRENT_VERSION => {
            let record: Record<OwnArticle> = serde_json::from_value(value).map_err(bad_shape)?;
            Ok(Decoded {
                article: record.article,
                migrated_from: None,
            })
        }
        found => Err(fail(StoredArticleProblem::UnknownVersion {
            found,
            supported: CURRENT_VERSION,
        })),
    }
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Articles only the other list had: added.
    pub added: Vec<ArticleId>,
    /// Articles both had, where the other list's was changed later: replaced ours.
    pub updated: Vec<ArticleId>,
}

/// Merges another tab's (or a file's) list into ours by content id, losing nothing: every id of either list
/// is in the result once; where both have it, the record changed later wins ([`instant::compare`] on
/// `modified`; on a tie ours stays). Ours keep their order, new ones follow in theirs.
pub fn merge(ours: &[OwnArticle], theirs: &[OwnArticle]) -> (Vec<OwnArticle>, MergeReport) {
    let mut out: Vec<OwnArticle> = Vec::with_capacity(ours.len() + theirs.len());
    for a in ours {
        // A list with an id twice (hand-edited data) keeps the later of the two.
        match out.iter_mut().find(|x| x.id == a.id) {
            Some(x) if instant::compare(&a.modified, &x.modified).is_gt() => *x = a.clone(),
            Some(_) => {}
            None => out.push(a.clone()),
        }
    }
    let mut report = MergeReport::default();
    for a in theirs {
        match out.iter_mut().find(|x| x.id == a.id) {
            Some(x) if instant::compare(&a.modified, &x.modified).is_gt() => {
                *x = a.clone();
                if !report.updated.contains(&a.id) {
                    report.updated.push(a.id.clone());
                }
            }
            Some(_) => {}
            None => {
                out.push(a.clone());
                report.added.push(a.id.clone());
            }
        }
    }
    (out, report)
}

/// Several records as one JSON array: what a reader downloads when the browser cannot store own articles, and
/// what the add page reads back ([`decode_all`]).
pub fn encode_all(records: &[OwnArticle]) -> String {
    let items: Vec<String> = records.iter().map(encode).collect();
    format!("[{}]", items.join(","))
}

/// The drafts of a file written by [`encode_all`] (unreadable records are left out); `None` when the text is
/// not such a file or holds no readable record.
///
/// ```
/// use presseschau::core::own::{read_pasted, OwnArticle, store};
/// let a = OwnArticle::new(read_pasted("Ein Titel\n\nEin Satz über Berlin. Noch einer.").unwrap(), "2026-12-04T22:00:00Z");
/// let back = store::decode_all(&store::encode_all(&[a.clone()])).unwrap();
/// assert_eq!(back, vec![a.draft]);
/// assert_eq!(store::decode_all("[]"), None);
/// assert_eq!(store::decode_all("kein JSON"), None);
/// ```
pub fn decode_all(text: &str) -> Option<Vec<Draft>> {
    let items: Vec<serde_json::Value> = serde_json::from_str(text).ok()?;
    let drafts: Vec<Draft> = items
        .iter()
        .filter_map(|v| decode(&v.to_string()).ok())
        .map(|d| d.article.draft)
        .collect();
    (!drafts.is_empty()).then_some(drafts)
}
