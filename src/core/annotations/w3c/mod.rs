//! Export and import as W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>).
//!
//! An export is one `AnnotationCollection` whose `first` `AnnotationPage` holds every annotation:
//!
//! * `id`: `urn:presseschau:annotation:<id>` for this app's notes; another tool's id (an IRI) as it was;
//!   `type` `Annotation`, `created`, `modified`, `generator`, `creator` (when the reader gave a name),
//!   `motivation` (`commenting` with a note, `tagging` with tags only, else `highlighting`);
//! * `body`: a `TextualBody` for the note (`purpose` `commenting`, `format` as it really is:
//!   `text/markdown` for notes typed here) and one per tag (`purpose` `tagging`); no body for a bare
//!   highlight (the model allows that);
//! * `target`: a `SpecificResource` with `source` the article's web address where known (else
//!   `urn:presseschau:article:<article id>`; the URN is kept as `scope`), `selector`
//!   `[TextQuoteSelector, TextPositionSelector]` (code points over the article's clean text, always
//!   agreeing with each other), and the colour as `styleClass` `presseschau-<colour>`;
//! * the colour's CSS as the annotation's `stylesheet` (`CssStylesheet`), following the model's "Styles"
//!   section, so other tools can show the same colour.
//!
//! Annotations imported from other tools keep what the app does not use ([`Foreign`]): their own
//! properties, replies and other bodies, other selectors, the target as written. An export writes them
//! again unchanged, so a round trip through Presseschau loses nothing of another tool's annotation.
//!
//! [`validate`] checks a document against the model's required fields; [`import_into`] uses the same
//! checks, places every note in its article and merges them into a copy of the set (see `read.rs`).

mod bodies;
mod read;
mod validate;

pub use read::{ImportReport, ImportedNote, MIN_SEARCHED_QUOTE, Placement, SkipReason, Skipped, import, import_into};
pub use validate::validate;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use thiserror::Error;

use crate::core::annotations::{Annotation, AnnotationSet};
use crate::core::corpus::ArticleId;

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Prefix of annotation ids.
pub const ANNOTATION_URN: &str = "urn:presseschau:annotation:";
/// Prefix of article ids (the target source).
pub const ARTICLE_URN: &str = "urn:presseschau:article:";
/// Prefix of the `styleClass` that carries the colour.
pub const STYLE_PREFIX: &str = "presseschau-";
/// Largest file [`import_into`] reads (8 MiB): bigger files are refused with their size.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// A file that could not be imported: every problem found, each naming the item and field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the file cannot be imported: {}", summary(.problems))]
pub struct ImportError {
    /// The problems, e.g. `item 3: target.selector has no TextQuoteSelector`.
    pub problems: Vec<String>,
    /// Set when the file is over [`MAX_IMPORT_BYTES`]: its size in bytes.
    pub too_large: Option<usize>,
    /// The first note over the length limit: its item number in the file and its size in bytes.
    pub note_too_long: Option<(usize, usize)>,
}

/// The first three problems joined, and how many more there are.
fn summary(problems: &[String]) -> String {
    let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
    let more = problems.len().saturating_sub(3);
    if more > 0 {
        format!("{} (and {more} more)", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

/// What another tool wrote that the app does not use, kept verbatim and exported again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Foreign {
    /// The annotation's own properties besides `id`, `type`, `body`, `bodyValue`, `target`, `created` and
    /// `modified` (`creator`, `generator`, `motivation`, `audience`, …).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub properties: Map<String, Value>,
    /// The note's body as written, without its `value` and `format` (`id`, `creator`, `language`, `purpose`).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub note_body: Map<String, Value>,
    /// The tag bodies as written (used again for tags that are still there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_bodies: Vec<Value>,
    /// Bodies that are neither the note nor a tag (replies, links, further comments), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Value>,
    /// The target's properties besides `selector` (its `source` as written, `type`, `scope`, …).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub target: Map<String, Value>,
    /// Selectors other than TextQuoteSelector and TextPositionSelector, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selectors: Vec<Value>,
    /// For an annotation with several targets: which one this note is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// One target of an annotation that had several: the notes made from it are linked by `of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The id of the annotation in the other tool's file.
    pub of: String,
    /// The target's index (0-based).
    pub index: usize,
    /// How many targets it had.
    pub count: usize,
}

/// An article notes may belong to: its id, web address (front matter) and clean text.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRef<'a> {
    /// The id.
    pub id: &'a ArticleId,
    /// The article's web address, when known.
    pub url: Option<&'a str>,
    /// The clean text the selectors count in.
    pub text: &'a str,
}

/// What an export may say beyond the notes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions<'a> {
    /// The articles, for their web addresses and to check the selectors against the text.
    pub articles: &'a [ArticleRef<'a>],
    /// The reader's name, written as `creator` of the reader's own notes.
    pub creator: Option<&'a str>,
}

/// The `generator` of every export.
fn generator() -> Value {
    json!({ "type": "Software", "name": "Presseschau" })
}

/// The id an annotation is exported under: another tool's IRI as it is, this app's ids as a URN.
pub fn exported_id(id: &str) -> String {
    if validate::is_iri(id) {
        id.to_string()
    } else {
        format!("{ANNOTATION_URN}{id}")
    }
}

/// The note's body.
fn note_body(a: &Annotation, note: &str) -> Value {
    let mut body = json!({
        "type": "TextualBody",
        "value": note,
        "purpose": "commenting",
        "format": a.note_format.as_deref().unwrap_or("text/markdown"),
    });
    if let (Some(f), Value::Object(out)) = (&a.foreign, &mut body) {
        for (k, v) in &f.note_body {
            out.insert(k.clone(), v.clone());
        }
    }
    body
}

/// The bodies: note, tags (as the other tool wrote them where it did), then foreign bodies.
fn bodies(a: &Annotation) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(note) = &a.note {
        out.push(note_body(a, note));
    }
    let written = a.foreign.as_ref().map(|f| f.tag_bodies.as_slice()).unwrap_or_default();
    for tag in &a.tags {
        let theirs = written
            .iter()
            .find(|b| b.get("value").and_then(Value::as_str) == Some(tag));
        out.push(
            theirs
                .cloned()
                .unwrap_or_else(|| json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" })),
        );
    }
    if let Some(f) = &a.foreign {
        out.extend(f.bodies.iter().cloned());
    }
    out
}

/// The target of one note: source, colour and selectors that agree with the article's text.
fn target_json(a: &Annotation, options: &ExportOptions<'_>) -> Value {
    let article = options.articles.iter().find(|r| r.id == &a.article_id);
    let urn = format!("{ARTICLE_URN}{}", a.article_id);
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": a.quote.exact,
        "prefix": a.quote.prefix,
        "suffix": a.quote.suffix,
    })];
    // The position is written only where it holds the quote (an orphaned note has no place in the text).
    let placed = article.is_none_or(|r| {
        crate::core::annotations::anchor::TextIndex::new(r.text).slice(a.position.start, a.position.end)
            == a.quote.exact
    });
    if placed {
        selectors.push(json!({ "type": "TextPositionSelector", "start": a.position.start, "end": a.position.end }));
    }
    let mut target = json!({
        "type": "SpecificResource",
        "source": article.and_then(|r| r.url).map_or_else(|| urn.clone(), str::to_string),
        "styleClass": format!("{STYLE_PREFIX}{}", a.color.name()),
    });
    if article.is_some_and(|r| r.url.is_some()) {
        target["scope"] = json!(urn);
    }
    if let Some(f) = &a.foreign {
        selectors.extend(f.selectors.iter().cloned());
        for (k, v) in &f.target {
            target[k] = v.clone();
        }
    }
    target["selector"] = Value::Array(selectors);
    target
}

/// One annotation as W3C JSON-LD (without `@context`, as inside a collection), with several targets when
/// `parts` holds more than one note of one foreign annotation.
fn annotation_with(parts: &[&Annotation], options: &ExportOptions<'_>) -> Value {
    let a = parts[0];
    let class = format!("{STYLE_PREFIX}{}", a.color.name());
    let id = match (&a.foreign, parts.len()) {
        (Some(f), n) if n > 1 => f.part.as_ref().map_or_else(|| a.id.0.clone(), |p| p.of.clone()),
        _ => a.id.0.clone(),
    };
    let targets: Vec<Value> = parts.iter().map(|p| target_json(p, options)).collect();
    let mut out = json!({
        "id": exported_id(&id),
        "type": "Annotation",
        "created": a.created,
        "modified": a.modified,
        "generator": generator(),
        "motivation": a.motivation(),
        "stylesheet": {
            "type": "CssStylesheet",
            "value": format!(".{class} {{ background-color: {} }}", a.color.css()),
        },
        "target": if targets.len() == 1 { targets[0].clone() } else { Value::Array(targets) },
    });
    if let (Some(name), None) = (options.creator, &a.foreign) {
        out["creator"] = json!({ "type": "Person", "name": name });
    }
    if let Some(f) = &a.foreign {
        for (k, v) in &f.properties {
            out[k] = v.clone();
        }
    }
    let bodies = bodies(a);
    if !bodies.is_empty() {
        out["body"] = Value::Array(bodies);
    }
    out
}

/// One annotation as W3C JSON-LD (without `@context`, as inside a collection).
pub fn annotation_json(a: &Annotation) -> Value {
    annotation_with(&[a], &ExportOptions::default())
}

/// The notes to export, with the notes made from one foreign annotation's several targets joined again
/// when they still agree (same note, tags and colour); otherwise each is written on its own.
fn grouped<'a>(items: &[&'a Annotation]) -> Vec<Vec<&'a Annotation>> {
    let part_of = |a: &Annotation| a.foreign.as_ref().and_then(|f| f.part.as_ref()).map(|p| p.of.clone());
    let mut out: Vec<Vec<&Annotation>> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for a in items {
        let Some(of) = part_of(a) else {
            out.push(vec![a]);
            continue;
        };
        if done.contains(&of) {
            continue;
        }
        let mut members: Vec<&Annotation> = items
            .iter()
            .copied()
            .filter(|x| part_of(x).as_ref() == Some(&of))
            .collect();
        members.sort_by_key(|x| x.foreign.as_ref().and_then(|f| f.part.as_ref()).map_or(0, |p| p.index));
        let same = members
            .iter()
            .all(|x| x.note == a.note && x.tags == a.tags && x.color == a.color && x.note_format == a.note_format);
        if same {
            out.push(members);
        } else {
            out.extend(members.into_iter().map(|m| vec![m]));
        }
        done.push(of);
    }
    out
}

/// Exports annotations as an `AnnotationCollection`: all of them (`article` `None`) or one article's, in
/// text order.
///
/// ```
/// use presseschau::core::annotations::{w3c, AnnotationSet};
/// let doc = w3c::export(&AnnotationSet::new(), None);
/// assert_eq!(doc["type"], "AnnotationCollection");
/// assert!(w3c::validate(&doc).is_empty());
/// ```
pub fn export(set: &AnnotationSet, article: Option<&ArticleId>) -> Value {
    export_with(set, article, &ExportOptions::default())
}

/// [`export`] with the articles' web addresses and texts and the reader's name.
pub fn export_with(set: &AnnotationSet, article: Option<&ArticleId>, options: &ExportOptions<'_>) -> Value {
    let chosen: Vec<&Annotation> = match article {
        Some(id) => set.for_article(id),
        None => set.items().iter().collect(),
    };
    let items: Vec<Value> = grouped(&chosen).iter().map(|g| annotation_with(g, options)).collect();
    let (id, label) = match article {
        Some(a) => (
            format!("urn:presseschau:collection:article:{a}"),
            format!("Presseschau: Notizen zum Artikel {a}"),
        ),
        None => (
            "urn:presseschau:collection:all".to_string(),
            "Presseschau: alle Notizen".to_string(),
        ),
    };
    json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "generator": generator(),
        "first": {
            "id": format!("{id}:page:0"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// [`export`] as pretty-printed JSON text (for a download).
pub fn export_string(set: &AnnotationSet, article: Option<&ArticleId>) -> String {
    serde_json::to_string_pretty(&export(set, article)).unwrap_or_default()
}

/// [`export_with`] as pretty-printed JSON text (for a download).
pub fn export_string_with(set: &AnnotationSet, article: Option<&ArticleId>, options: &ExportOptions<'_>) -> String {
    serde_json::to_string_pretty(&export_with(set, article, options)).unwrap_or_default()
}
