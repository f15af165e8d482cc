//! Export and import as W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>).
//!
//! An export is one `AnnotationCollection` whose `first` `AnnotationPage` holds every annotation:
//!
//! * `id` `urn:presseschau:annotation:<id>`, `type` `Annotation`, `created`, `modified`, `motivation`
//!   (`commenting` with a note, `tagging` with tags only, else `highlighting`);
//! * `body`: a `TextualBody` for the note (`purpose` `commenting`, `format` `text/markdown`, `language`
//!   `de`) and one per tag (`purpose` `tagging`); no body for a bare highlight (the model allows that);
//! * `target`: a `SpecificResource` with `source` `urn:presseschau:article:<article id>`, `selector`
//!   `[TextQuoteSelector, TextPositionSelector]` (code points, as the model defines them), and the colour
//!   as `styleClass` `presseschau-<colour>`;
//! * the colour's CSS as the annotation's `stylesheet` (`CssStylesheet`), following the model's "Styles"
//!   section, so other tools can show the same colour.
//!
//! [`validate`] checks a document against the model's required fields; [`import`] uses the same checks,
//! reads the annotations, and merges them by id into a copy of the set: on any error nothing changes.

use serde_json::{Value, json};
use thiserror::Error;

use crate::core::annotations::{
    Annotation, AnnotationId, AnnotationSet, Color, MergeReport, TextPositionSelector, TextQuoteSelector,
};
use crate::core::corpus::ArticleId;

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Prefix of annotation ids.
pub const ANNOTATION_URN: &str = "urn:presseschau:annotation:";
/// Prefix of article ids (the target source).
pub const ARTICLE_URN: &str = "urn:presseschau:article:";
/// Prefix of the `styleClass` that carries the colour.
pub const STYLE_PREFIX: &str = "presseschau-";

/// A file that could not be imported: every problem found, each naming the item and field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the file cannot be imported: {}", summary(.problems))]
pub struct ImportError {
    /// The problems, e.g. `item 3: target.selector has no TextQuoteSelector`.
    pub problems: Vec<String>,
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

/// One annotation as W3C JSON-LD (without `@context`, as inside a collection).
pub fn annotation_json(a: &Annotation) -> Value {
    let mut bodies = Vec::new();
    if let Some(note) = &a.note {
        bodies.push(json!({
            "type": "TextualBody",
            "value": note,
            "purpose": "commenting",
            "format": "text/markdown",
            "language": "de",
        }));
    }
    for tag in &a.tags {
        bodies.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    let class = format!("{STYLE_PREFIX}{}", a.color.name());
    let mut out = json!({
        "id": format!("{ANNOTATION_URN}{}", a.id),
        "type": "Annotation",
        "created": a.created,
        "modified": a.modified,
        "motivation": a.motivation(),
        "stylesheet": {
            "type": "CssStylesheet",
            "value": format!(".{class} {{ background-color: {} }}", a.color.css()),
        },
        "target": {
            "type": "SpecificResource",
            "source": format!("{ARTICLE_URN}{}", a.article_id),
            "styleClass": class,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote.exact,
                    "prefix": a.quote.prefix,
                    "suffix": a.quote.suffix,
                },
                { "type": "TextPositionSelector", "start": a.position.start, "end": a.position.end },
            ],
        },
    });
    if !bodies.is_empty() {
        out["body"] = Value::Array(bodies);
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
    let items: Vec<Value> = match article {
        Some(id) => set.for_article(id).into_iter().map(annotation_json).collect(),
        None => set.items().iter().map(annotation_json).collect(),
    };
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

/// Whether a JSON-LD node has this `type` (a string or one of a list).
fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x == t),
        _ => false,
    }
}

/// A JSON-LD value that may be one node or a list of them, as a list.
fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

/// Whether a string looks like an IRI: a scheme of letters, digits, `+-.`, a colon and something after it.
fn is_iri(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty() && !rest.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// The motivations the W3C Web Annotation vocabulary defines.
const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

/// The annotations of a document: a collection's first page, a page, a single annotation or a list.
fn items_of(doc: &Value) -> Result<Vec<&Value>, String> {
    if has_type(doc, "AnnotationCollection") {
        let first = doc.get("first").ok_or("the AnnotationCollection has no `first` page")?;
        if !has_type(first, "AnnotationPage") {
            return Err("`first` is not an AnnotationPage".into());
        }
        first
            .get("items")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .ok_or_else(|| "`first.items` is not a list".into())
    } else if has_type(doc, "AnnotationPage") {
        doc.get("items")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .ok_or_else(|| "`items` is not a list".into())
    } else if has_type(doc, "Annotation") {
        Ok(vec![doc])
    } else if let Value::Array(a) = doc {
        Ok(a.iter().collect())
    } else {
        Err("not a W3C annotation document (expected type AnnotationCollection, AnnotationPage or Annotation)".into())
    }
}

/// Checks a document against the W3C Web Annotation model's required fields and returns every problem
/// (empty: valid). Checked: `@context` names the anno.jsonld context; a collection has `id`, `type` and
/// a `first` page with `type` and `items`; every annotation has an IRI `id`, `type` `Annotation` and a
/// `target`; a SpecificResource target has a `source`; every selector has a `type`; a TextQuoteSelector has
/// a string `exact`; a TextPositionSelector has integer `start` ≤ `end`; a TextualBody has a string `value`;
/// motivations and purposes come from the model's list.
pub fn validate(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let context_ok = match doc.get("@context") {
        Some(Value::String(s)) => s == CONTEXT,
        Some(Value::Array(a)) => a.iter().any(|x| x == CONTEXT),
        _ => false,
    };
    if !context_ok {
        problems.push(format!("`@context` must be (or include) \"{CONTEXT}\""));
    }
    if has_type(doc, "AnnotationCollection") {
        if !doc.get("id").and_then(Value::as_str).is_some_and(is_iri) {
            problems.push("the AnnotationCollection has no IRI `id`".into());
        }
        if let Some(first) = doc.get("first")
            && first.is_object()
            && !first.get("id").and_then(Value::as_str).is_some_and(is_iri)
        {
            problems.push("the AnnotationPage has no IRI `id`".into());
        }
    }
    match items_of(doc) {
        Err(e) => problems.push(e),
        Ok(items) => {
            for (i, item) in items.iter().enumerate() {
                for p in validate_annotation(item) {
                    problems.push(format!("item {}: {p}", i + 1));
                }
            }
        }
    }
    problems
}

/// The problems of one imported annotation node, as short phrases (empty when it can be imported).
fn validate_annotation(a: &Value) -> Vec<String> {
    let mut p = Vec::new();
    if !a.is_object() {
        return vec!["is not a JSON object".into()];
    }
    if !a.get("id").and_then(Value::as_str).is_some_and(is_iri) {
        p.push("`id` is missing or not an IRI".into());
    }
    if !has_type(a, "Annotation") {
        p.push("`type` is not \"Annotation\"".into());
    }
    if let Some(m) = a.get("motivation") {
        for m in one_or_many(m) {
            if !m.as_str().is_some_and(|s| MOTIVATIONS.contains(&s)) {
                p.push(format!("motivation {m} is not one of the model's motivations"));
            }
        }
    }
    if let Some(body) = a.get("body") {
        for (j, b) in one_or_many(body).into_iter().enumerate() {
            if has_type(b, "TextualBody") && !b.get("value").is_some_and(Value::is_string) {
                p.push(format!("body {}: TextualBody has no string `value`", j + 1));
            }
            if let Some(purpose) = b.get("purpose")
                && !purpose.as_str().is_some_and(|s| MOTIVATIONS.contains(&s))
            {
                p.push(format!(
                    "body {}: purpose {purpose} is not one of the model's motivations",
                    j + 1
                ));
            }
        }
    }
    let Some(target) = a.get("target") else {
        p.push("`target` is missing".into());
        return p;
    };
    for t in one_or_many(target) {
        if t.is_string() {
            continue;
        }
        if t.get("source").is_none() && t.get("id").is_none() {
            p.push("target has no `source`".into());
        }
        if let Some(sel) = t.get("selector") {
            for s in one_or_many(sel) {
                match s.get("type").and_then(Value::as_str) {
                    None => p.push("target.selector has a selector without `type`".into()),
                    Some("TextQuoteSelector") if !s.get("exact").is_some_and(Value::is_string) => {
                        p.push("target.selector: TextQuoteSelector has no string `exact`".into());
                    }
                    Some("TextPositionSelector") => {
                        match (
                            s.get("start").and_then(Value::as_u64),
                            s.get("end").and_then(Value::as_u64),
                        ) {
                            (Some(a), Some(b)) if a <= b => {}
                            _ => p.push("target.selector: TextPositionSelector needs integers `start` ≤ `end`".into()),
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    p
}

/// Reads one validated W3C annotation into our model. `now` fills in a missing `created`.
fn read_annotation(a: &Value, now: &str) -> Result<Annotation, String> {
    let id = a.get("id").and_then(Value::as_str).ok_or("`id` is missing")?;
    let id = id.strip_prefix(ANNOTATION_URN).unwrap_or(id);
    let target = one_or_many(a.get("target").ok_or("`target` is missing")?)
        .into_iter()
        .find(|t| t.is_object())
        .ok_or("target is not an object with a source and selectors")?;
    let source = target
        .get("source")
        .and_then(Value::as_str)
        .ok_or("target.source is missing")?;
    let article = source
        .strip_prefix(ARTICLE_URN)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("target.source `{source}` is not a Presseschau article ({ARTICLE_URN}…)"))?;
    let selectors = target.get("selector").map(one_or_many).unwrap_or_default();
    let find = |t: &str| selectors.iter().find(|s| has_type(s, t)).copied();
    let quote = find("TextQuoteSelector").ok_or("target.selector has no TextQuoteSelector")?;
    let position = find("TextPositionSelector").ok_or("target.selector has no TextPositionSelector")?;
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let quote = TextQuoteSelector {
        exact: text(quote, "exact"),
        prefix: text(quote, "prefix"),
        suffix: text(quote, "suffix"),
    };
    let num = |k: &str| {
        position
            .get(k)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("target.selector: TextPositionSelector `{k}` is not a number"))
    };
    let position = TextPositionSelector {
        start: num("start")?,
        end: num("end")?,
    };
    let color = target
        .get("styleClass")
        .and_then(Value::as_str)
        .and_then(|c| c.strip_prefix(STYLE_PREFIX))
        .and_then(|c| Color::from_name(c).ok())
        .unwrap_or_default();
    let mut note = None;
    let mut tags = Vec::new();
    let motivation = a.get("motivation").and_then(Value::as_str).unwrap_or("");
    for b in a.get("body").map(one_or_many).unwrap_or_default() {
        let Some(value) = b.get("value").and_then(Value::as_str) else {
            continue;
        };
        let purpose = b.get("purpose").and_then(Value::as_str).unwrap_or(motivation);
        match purpose {
            "tagging" => tags.push(value.to_string()),
            _ if note.is_none() => note = Some(value.to_string()),
            _ => {}
        }
    }
    let created = a.get("created").and_then(Value::as_str).unwrap_or(now).to_string();
    let modified = a
        .get("modified")
        .and_then(Value::as_str)
        .map_or_else(|| created.clone(), str::to_string);
    let mut out = Annotation::new(
        AnnotationId(id.to_string()),
        ArticleId(article.to_string()),
        crate::core::annotations::Selector { quote, position },
        color,
        note,
        tags,
        &created,
    )
    .map_err(|e| e.to_string())?;
    out.modified = modified;
    Ok(out)
}

/// Imports a W3C JSON-LD document (an export of this app or a compatible one) into a copy of `set`,
/// merging by id (newer `modified` wins, no duplicates). Returns the new set and what changed; on any
/// problem returns all problems and `set` stays as it was. Ids appearing twice in the file are an error.
pub fn import(json: &str, set: &AnnotationSet, now: &str) -> Result<(AnnotationSet, MergeReport), ImportError> {
    let fail = |problems: Vec<String>| ImportError { problems };
    let doc: Value = serde_json::from_str(json).map_err(|e| fail(vec![format!("not valid JSON: {e}")]))?;
    let mut problems = validate(&doc);
    // A bare list or single annotation without @context is accepted when everything else is right.
    if !doc.is_object() || !has_type(&doc, "AnnotationCollection") {
        problems.retain(|p| !p.starts_with("`@context`"));
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let items = items_of(&doc).map_err(|e| fail(vec![e]))?;
    let mut read = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match read_annotation(item, now) {
            Ok(a) => {
                if read.iter().any(|x: &Annotation| x.id == a.id) {
                    problems.push(format!("item {}: id {} appears twice in the file", i + 1, a.id));
                } else {
                    read.push(a);
                }
            }
            Err(e) => problems.push(format!("item {}: {e}", i + 1)),
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    let mut next = set.clone();
    let report = next.merge(&read).map_err(|e| fail(vec![e.to_string()]))?;
    Ok((next, report))
}
