//! Import: reads W3C annotations as this app and other tools (Hypothesis, Recogito, …) write them, places
//! each in its article, and merges them into a copy of the set.
//!
//! What other tools write and how it is read:
//! * a target with only a `TextQuoteSelector` (quote first): the quote is looked up in the article; when
//!   it occurs several times and nothing tells which, the first is taken and the note says so;
//! * a `source` that is the article's web address (its front-matter URL, or a page `a-<id>.html` of this
//!   site wherever it is served), or an object with such an `id`;
//! * `bodyValue`, `purpose` given as a list, several bodies (the first comment is the note; replies and
//!   other bodies are kept and shown as a thread), several targets (one note per target, linked);
//! * everything the app does not use is kept in [`Foreign`] and exported again unchanged.
//!
//! After placing, a note's selectors are made anew from the text, so quote, context and position agree.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::bodies::{foreign_properties, read_bodies};
use super::validate::{has_type, items_of, one_or_many, validate};
use super::{ANNOTATION_URN, ARTICLE_URN, ArticleRef, Foreign, ImportError, MAX_IMPORT_BYTES, Part, STYLE_PREFIX};
use crate::core::annotations::anchor::{Anchoring, How, TextIndex, select};
use crate::core::annotations::{
    Annotation, AnnotationId, AnnotationSet, Color, MergeOutcome, Selector, TextPositionSelector, TextQuoteSelector,
};
use crate::core::corpus::ArticleId;

/// Shortest quote looked up across all articles when the target names no known article.
pub const MIN_SEARCHED_QUOTE: usize = 12;

/// Where an imported note was placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// At the position the file gave (or, without one, at the quote's only occurrence).
    Found,
    /// Somewhere else than the file's position, or by a near match of a changed quote.
    Moved,
    /// The quote occurs several times and nothing told which: placed at the first of `count`.
    FirstOf {
        /// How many times the quote occurs.
        count: usize,
    },
    /// The article is here but the quote is not in its text: kept, shown as a note without a place.
    NotInText,
    /// The source is no article of this collection: kept under its address.
    UnknownArticle {
        /// The source as the file gives it.
        source: String,
    },
    /// Not checked: no article texts were given (the developer CLI and old callers).
    Unchecked,
}

/// One note an import made, and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedNote {
    /// Its id.
    pub id: AnnotationId,
    /// Its article (or, for [`Placement::UnknownArticle`], the source address as an id).
    pub article_id: ArticleId,
    /// The quote.
    pub quote: String,
    /// Added, updated or kept.
    pub merge: MergeOutcome,
    /// Where it was placed.
    pub placement: Placement,
}

/// Why an annotation of the file made no note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// It names no passage: neither a quote nor a position inside a known article (a note on a whole page).
    NoPassage,
}

/// An annotation of the file that made no note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its number in the file (1-based).
    pub item: usize,
    /// Its id.
    pub id: String,
    /// Why.
    pub reason: SkipReason,
}

/// What an import did, note by note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Every note made, in file order.
    pub notes: Vec<ImportedNote>,
    /// Annotations that made no note.
    pub skipped: Vec<Skipped>,
}

impl ImportReport {
    /// How many notes had this merge outcome.
    pub fn count(&self, outcome: MergeOutcome) -> usize {
        self.notes.iter().filter(|n| n.merge == outcome).count()
    }

    /// The notes that could not be placed in their article's text (orphans), added or updated.
    pub fn unplaced(&self) -> Vec<&ImportedNote> {
        self.notes
            .iter()
            .filter(|n| matches!(n.placement, Placement::NotInText | Placement::UnknownArticle { .. }))
            .filter(|n| n.merge != MergeOutcome::Kept)
            .collect()
    }
}

/// Imports a W3C JSON-LD document into a copy of `set` without checking the notes against article texts
/// (see [`import_into`]); returns the new set and the merge counts.
pub fn import(
    json: &str,
    set: &AnnotationSet,
    now: &str,
) -> Result<(AnnotationSet, crate::core::annotations::MergeReport), ImportError> {
    let (next, report) = import_into(json, set, now, &[])?;
    let mut merge = crate::core::annotations::MergeReport::default();
    for n in &report.notes {
        match n.merge {
            MergeOutcome::Added => merge.added += 1,
            MergeOutcome::Updated => merge.updated += 1,
            MergeOutcome::Kept => merge.kept += 1,
        }
        merge.outcomes.push((n.id.clone(), n.merge));
    }
    Ok((next, merge))
}

/// Imports a W3C JSON-LD document (an export of this app or of another tool) into a copy of `set`,
/// placing each note in its article among `articles` and merging by id (the later `modified` instant wins,
/// no duplicates). Returns the new set and what happened to every note; on any problem returns all
/// problems and `set` stays as it was. Ids appearing twice in the file are an error.
pub fn import_into(
    json: &str,
    set: &AnnotationSet,
    now: &str,
    articles: &[ArticleRef<'_>],
) -> Result<(AnnotationSet, ImportReport), ImportError> {
    let fail = |problems: Vec<String>| ImportError {
        problems,
        too_large: None,
        note_too_long: None,
    };
    if json.len() > MAX_IMPORT_BYTES {
        return Err(ImportError {
            problems: vec![format!(
                "the file has {} bytes; at most {MAX_IMPORT_BYTES} are read",
                json.len()
            )],
            too_large: Some(json.len()),
            note_too_long: None,
        });
    }
    let doc: Value = serde_json::from_str(json).map_err(|e| fail(vec![format!("not valid JSON: {e}")]))?;
    let mut problems = validate(&doc);
    // A bare list or single annotation without any @context is accepted when everything else is right; a
    // wrong @context is not.
    if doc.get("@context").is_none() && !has_type(&doc, "AnnotationCollection") {
        problems.retain(|p| !p.starts_with("`@context`"));
    }
    // Tools that annotate the page they run on (Recogito) write targets without a source: the quote is
    // looked up in every article instead.
    problems.retain(|p| !p.ends_with("target has no `source`"));
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let items = items_of(&doc).map_err(|e| fail(vec![e]))?;
    let mut reader = Reader::new(articles, now);
    for (i, item) in items.iter().enumerate() {
        if let Err(e) = reader.read(i + 1, item) {
            problems.push(format!("item {}: {e}", i + 1));
        }
    }
    if !problems.is_empty() {
        return Err(ImportError {
            note_too_long: reader.too_long,
            ..fail(problems)
        });
    }
    let Reader { made, skipped, .. } = reader;
    let notes: Vec<Annotation> = made.iter().map(|(a, _)| a.clone()).collect();
    let mut next = set.clone();
    let merge = next.merge(&notes).map_err(|e| fail(vec![e.to_string()]))?;
    let report = ImportReport {
        notes: made
            .into_iter()
            .zip(merge.outcomes)
            .map(|((a, placement), (_, outcome))| ImportedNote {
                id: a.id,
                article_id: a.article_id,
                quote: a.quote.exact,
                merge: outcome,
                placement,
            })
            .collect(),
        skipped,
    };
    Ok((next, report))
}

/// Reads annotations one by one, with an index of each article's text built once.
struct Reader<'a> {
    articles: &'a [ArticleRef<'a>],
    indexes: HashMap<ArticleId, TextIndex>,
    now: &'a str,
    made: Vec<(Annotation, Placement)>,
    skipped: Vec<Skipped>,
    /// The first note over [`MAX_NOTE_BYTES`](crate::core::annotations::MAX_NOTE_BYTES): item and bytes.
    too_long: Option<(usize, usize)>,
}

/// Where a target points.
enum Source {
    /// An article of the collection.
    Article(ArticleId),
    /// Something else (kept as the note's article id, so it is shown under its address).
    Address(String),
}

/// A normalised web address for comparing: no scheme, `www.`, query, fragment or trailing slash.
fn normal_address(s: &str) -> String {
    let s = s.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['#', '?']).next().unwrap_or_default();
    let s = s.strip_prefix("www.").unwrap_or(s);
    s.trim_end_matches('/').to_lowercase()
}

impl<'a> Reader<'a> {
    fn new(articles: &'a [ArticleRef<'a>], now: &'a str) -> Self {
        Self {
            articles,
            indexes: HashMap::new(),
            now,
            made: Vec::new(),
            skipped: Vec::new(),
            too_long: None,
        }
    }

    /// Which article a target's `source` (or this app's `scope`) names.
    fn source_of(&self, target: &Value) -> Result<Source, String> {
        let as_iri = |v: &Value| {
            v.as_str()
                .or_else(|| v.get("id").and_then(Value::as_str))
                .map(str::to_string)
        };
        let scope = target.get("scope").map(one_or_many).unwrap_or_default();
        if let Some(id) = scope
            .iter()
            .filter_map(|v| as_iri(v))
            .find_map(|s| s.strip_prefix(ARTICLE_URN).map(str::to_string))
        {
            return Ok(Source::Article(ArticleId(id)));
        }
        let Some(source) = target.get("source").and_then(as_iri) else {
            return Ok(Source::Address(String::new()));
        };
        if let Some(id) = source.strip_prefix(ARTICLE_URN) {
            if id.is_empty() {
                return Err(format!("target.source `{source}` names no article"));
            }
            return Ok(Source::Article(ArticleId(id.to_string())));
        }
        let wanted = normal_address(&source);
        let by_url = self
            .articles
            .iter()
            .find(|r| r.url.is_some_and(|u| normal_address(u) == wanted));
        let page = wanted
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_prefix("a-"))
            .and_then(|f| f.strip_suffix(".html"));
        let by_page = page.and_then(|p| self.articles.iter().find(|r| r.id.0 == p));
        Ok(match by_url.or(by_page) {
            Some(r) => Source::Article(r.id.clone()),
            None => Source::Address(source),
        })
    }

    /// The one article whose text contains `quote` (at least [`MIN_SEARCHED_QUOTE`] characters), for a
    /// target whose source is not an article of the collection or is missing.
    fn only_article_with(&self, quote: &str) -> Option<ArticleId> {
        if quote.trim().chars().count() < MIN_SEARCHED_QUOTE {
            return None;
        }
        let mut with = self.articles.iter().filter(|r| r.text.contains(quote));
        let first = with.next()?;
        with.next().is_none().then(|| first.id.clone())
    }

    /// Reads annotation number `item` into one note per target (or a skip).
    fn read(&mut self, item: usize, a: &Value) -> Result<(), String> {
        let raw_id = a.get("id").and_then(Value::as_str).ok_or("`id` is missing")?;
        let own = raw_id.starts_with(ANNOTATION_URN);
        let id = raw_id.strip_prefix(ANNOTATION_URN).unwrap_or(raw_id);
        let targets: Vec<&Value> = one_or_many(a.get("target").ok_or("`target` is missing")?);
        let bodies = read_bodies(a);
        if let Some(len) = bodies
            .note
            .as_ref()
            .map(String::len)
            .filter(|&l| l > crate::core::annotations::MAX_NOTE_BYTES)
        {
            self.too_long.get_or_insert((item, len));
        }
        let created = a.get("created").and_then(Value::as_str).unwrap_or(self.now).to_string();
        let modified = a
            .get("modified")
            .and_then(Value::as_str)
            .map_or_else(|| created.clone(), str::to_string);
        let count = targets.len();
        let mut any = false;
        for (index, target) in targets.into_iter().enumerate() {
            let note_id = if index == 0 {
                id.to_string()
            } else {
                format!("{id}#target-{}", index + 1)
            };
            if self.made.iter().any(|(x, _)| x.id.0 == note_id) {
                return Err(format!("id {note_id} appears twice in the file"));
            }
            let Some((selector, article_id, placement, target_foreign)) = self.place(target, own)? else {
                continue;
            };
            any = true;
            let mut foreign = bodies.foreign.clone();
            foreign.properties = foreign_properties(a, own);
            foreign.target = target_foreign.0;
            foreign.selectors = target_foreign.1;
            if count > 1 {
                foreign.part = Some(Part {
                    of: raw_id.to_string(),
                    index,
                    count,
                });
            }
            let color = target
                .get("styleClass")
                .and_then(Value::as_str)
                .and_then(|c| c.strip_prefix(STYLE_PREFIX))
                .and_then(|c| Color::from_name(c).ok())
                .unwrap_or_default();
            let mut note = Annotation::new(
                AnnotationId(note_id),
                article_id,
                selector,
                color,
                bodies.note.clone(),
                bodies.tags.clone(),
                &created,
            )
            .map_err(|e| e.to_string())?;
            note.modified = modified.clone();
            note.note_format = bodies.format.clone();
            if foreign != Foreign::default() {
                note.foreign = Some(Box::new(foreign));
            }
            self.made.push((note, placement));
        }
        if !any {
            self.skipped.push(Skipped {
                item,
                id: raw_id.to_string(),
                reason: SkipReason::NoPassage,
            });
        }
        Ok(())
    }

    /// Places one target: its selector over the article's text, the article, how it was placed, and the
    /// target's properties and selectors the app does not use. `None`: the target names no passage.
    #[allow(clippy::type_complexity)]
    fn place(
        &mut self,
        target: &Value,
        own: bool,
    ) -> Result<Option<(Selector, ArticleId, Placement, (Map<String, Value>, Vec<Value>))>, String> {
        if !target.is_object() {
            return Ok(None);
        }
        let selectors = target.get("selector").map(one_or_many).unwrap_or_default();
        let find = |t: &str| selectors.iter().find(|s| has_type(s, t)).copied();
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let quote = find("TextQuoteSelector").map(|q| TextQuoteSelector {
            exact: text(q, "exact"),
            prefix: text(q, "prefix"),
            suffix: text(q, "suffix"),
        });
        let position = find("TextPositionSelector").and_then(|p| {
            let num = |k: &str| p.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
            Some(TextPositionSelector {
                start: num("start")?,
                end: num("end")?,
            })
        });
        let others: Vec<Value> = selectors
            .iter()
            .filter(|s| !has_type(s, "TextQuoteSelector") && !has_type(s, "TextPositionSelector"))
            .map(|s| (*s).clone())
            .collect();
        let kept: Map<String, Value> = target
            .as_object()
            .map(|m| {
                m.iter()
                    .filter(|(k, _)| {
                        k.as_str() != "selector"
                            && !(own && matches!(k.as_str(), "source" | "scope" | "styleClass" | "type"))
                    })
                    .filter(|(k, v)| {
                        !(k.as_str() == "styleClass" && v.as_str().is_some_and(|c| c.starts_with(STYLE_PREFIX)))
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let source = match self.source_of(target)? {
            Source::Address(address) => match quote.as_ref().and_then(|q| self.only_article_with(&q.exact)) {
                Some(article) => Source::Article(article),
                None => Source::Address(if address.is_empty() { "?".into() } else { address }),
            },
            known => known,
        };
        let placed = match source {
            Source::Article(article) => self.place_in(&article, quote, position).map(|(s, p)| (s, article, p)),
            Source::Address(address) => quote.filter(|q| !q.exact.is_empty()).map(|q| {
                let len = q.exact.chars().count();
                let position = position
                    .filter(|p| p.end.saturating_sub(p.start) == len && p.start < p.end)
                    .unwrap_or(TextPositionSelector { start: 0, end: len });
                (
                    Selector { quote: q, position },
                    ArticleId(address.clone()),
                    Placement::UnknownArticle { source: address },
                )
            }),
        };
        Ok(placed.map(|(s, a, p)| (s, a, p, (kept, others))))
    }

    /// Places a quote and/or position in a known article; `None` when there is neither a quote nor a
    /// position inside the text.
    fn place_in(
        &mut self,
        article: &ArticleId,
        quote: Option<TextQuoteSelector>,
        position: Option<TextPositionSelector>,
    ) -> Option<(Selector, Placement)> {
        let Some(text) = self.articles.iter().find(|r| r.id == article).map(|r| r.text) else {
            // No texts given (or an article of another collection): trust the file.
            let quote = quote.filter(|q| !q.exact.is_empty())?;
            let len = quote.exact.chars().count();
            let position = position
                .filter(|p| p.end.saturating_sub(p.start) == len && p.start < p.end)
                .unwrap_or(TextPositionSelector { start: 0, end: len });
            let placement = if self.articles.is_empty() {
                Placement::Unchecked
            } else {
                Placement::UnknownArticle {
                    source: article.0.clone(),
                }
            };
            return Some((Selector { quote, position }, placement));
        };
        let index = self
            .indexes
            .entry(article.clone())
            .or_insert_with(|| TextIndex::new(text));
        let Some(quote) = quote.filter(|q| !q.exact.is_empty()) else {
            let p = position.filter(|p| p.start < p.end && p.end <= index.len())?;
            return select(text, p.start, p.end).ok().map(|s| (s, Placement::Found));
        };
        match index.reanchor(&quote, position) {
            Anchoring::Anchored { start, end, how } => {
                let selector = select(text, start, end).ok()?;
                let exact: Vec<char> = quote.exact.chars().collect();
                let count = index.occurrences(&exact).len();
                let placement = match how {
                    _ if position.is_none() && quote.prefix.is_empty() && quote.suffix.is_empty() && count > 1 => {
                        Placement::FirstOf { count }
                    }
                    How::Exact => Placement::Found,
                    _ if position.is_none() => Placement::Found,
                    _ => Placement::Moved,
                };
                Some((selector, placement))
            }
            Anchoring::Orphaned => {
                let len = quote.exact.chars().count();
                let position = position
                    .filter(|p| p.end.saturating_sub(p.start) == len && p.start < p.end)
                    .unwrap_or(TextPositionSelector { start: 0, end: len });
                Some((Selector { quote, position }, Placement::NotInText))
            }
        }
    }
}
