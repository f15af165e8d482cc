//! The W3C Web Annotation model's required fields, checked on a document before it is read.

use serde_json::Value;

use super::CONTEXT;

/// Whether a JSON-LD node has this `type` (a string or one of a list).
pub(super) fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x == t),
        _ => false,
    }
}

/// A JSON-LD value that may be one node or a list of them, as a list.
pub(super) fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

/// Whether a string looks like an IRI: a scheme of letters, digits, `+-.`, a colon and something after it.
pub(super) fn is_iri(s: &str) -> bool {
    // A fragment reference (`#a88b…`, as Recogito writes ids) is a relative IRI reference, valid in JSON-LD.
    if s.len() > 1 && s.starts_with('#') && !s.contains(char::is_whitespace) {
        return true;
    }
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
pub(super) fn items_of(doc: &Value) -> Result<Vec<&Value>, String> {
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
            for purpose in b.get("purpose").map(one_or_many).unwrap_or_default() {
                if !purpose.as_str().is_some_and(|s| MOTIVATIONS.contains(&s)) {
                    p.push(format!(
                        "body {}: purpose {purpose} is not one of the model's motivations",
                        j + 1
                    ));
                }
            }
        }
    }
    if a.get("bodyValue").is_some_and(|v| !v.is_string()) {
        p.push("`bodyValue` is not a string".into());
    }
    if a.get("bodyValue").is_some() && a.get("body").is_some() {
        p.push("has both `body` and `bodyValue`".into());
    }
    let Some(target) = a.get("target") else {
        p.push("`target` is missing".into());
        return p;
    };
    for t in one_or_many(target) {
        validate_target(t, &mut p);
    }
    p
}

/// The problems of one target (an IRI or a SpecificResource with selectors).
fn validate_target(t: &Value, p: &mut Vec<String>) {
    if t.is_string() {
        return;
    }
    if !t.is_object() {
        p.push("target is neither an IRI nor an object".into());
        return;
    }
    match t.get("source") {
        None if t.get("id").is_none() => p.push("target has no `source`".into()),
        Some(s) if !(s.as_str().is_some_and(is_iri) || s.get("id").and_then(Value::as_str).is_some_and(is_iri)) => {
            p.push("target.source is not an IRI".into());
        }
        _ => {}
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
