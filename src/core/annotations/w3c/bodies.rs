//! The bodies of an imported annotation: which is the note, which are tags, and what is kept as it was.

use serde_json::{Map, Value};

use super::Foreign;
use super::validate::{has_type, one_or_many};

/// The annotation's notes (the body parts): the note and its format, tags, and what is kept as foreign.
pub(super) struct Bodies {
    pub(super) note: Option<String>,
    pub(super) format: Option<String>,
    pub(super) tags: Vec<String>,
    pub(super) foreign: Foreign,
}

/// Whether a body's purpose (one or a list) includes `p`.
fn has_purpose(b: &Value, p: &str) -> bool {
    b.get("purpose")
        .map(one_or_many)
        .unwrap_or_default()
        .iter()
        .any(|x| *x == p)
}

/// Whether a body is exactly what an export writes anyway: `type` TextualBody, a `value`, `purpose` `p`.
fn is_plain(b: &Value, p: &str) -> bool {
    b.as_object().is_some_and(|m| {
        m.len() == 3
            && m.get("type").is_some_and(|t| t == "TextualBody")
            && m.get("purpose").is_some_and(|x| x == p)
            && m.contains_key("value")
    })
}

/// Sorts the bodies: the first comment is the note, tags (within the limits) are tags, the rest is kept.
pub(super) fn read_bodies(a: &Value) -> Bodies {
    let mut out = Bodies {
        note: None,
        format: None,
        tags: Vec::new(),
        foreign: Foreign::default(),
    };
    if let Some(v) = a.get("bodyValue").and_then(Value::as_str) {
        out.note = Some(v.to_string());
        out.format = Some("text/plain".into());
    }
    for b in a.get("body").map(one_or_many).unwrap_or_default() {
        let value = b.get("value").and_then(Value::as_str);
        let textual = has_type(b, "TextualBody") || (b.get("type").is_none() && value.is_some());
        match value {
            Some(v)
                if textual
                    && has_purpose(b, "tagging")
                    && !v.trim().is_empty()
                    && out.tags.len() < crate::core::annotations::MAX_TAGS
                    && v.trim().chars().count() <= crate::core::annotations::MAX_TAG_CHARS
                    && !out.tags.iter().any(|t| t.to_lowercase() == v.trim().to_lowercase()) =>
            {
                out.tags.push(v.trim().to_string());
                if !is_plain(b, "tagging") {
                    out.foreign.tag_bodies.push(b.clone());
                }
            }
            Some(v) if textual && out.note.is_none() && !has_purpose(b, "tagging") && !v.trim().is_empty() => {
                out.note = Some(v.to_string());
                out.format = b.get("format").and_then(Value::as_str).map(str::to_string);
                if let Value::Object(m) = b {
                    out.foreign.note_body = m
                        .iter()
                        .filter(|(k, v)| match k.as_str() {
                            "value" | "format" => false,
                            "type" => *v != "TextualBody",
                            "purpose" => *v != "commenting",
                            _ => true,
                        })
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                }
            }
            _ => out.foreign.bodies.push(b.clone()),
        }
    }
    if out.format.as_deref() == Some("text/markdown") {
        out.format = None;
    }
    out
}

/// Properties of the annotation the app does not read. For this app's own notes, what an export writes
/// anyway (motivation, stylesheet, generator) is left out, so it is made anew from the note.
pub(super) fn foreign_properties(a: &Value, own: bool) -> Map<String, Value> {
    const READ: [&str; 8] = [
        "@context",
        "id",
        "type",
        "body",
        "bodyValue",
        "target",
        "created",
        "modified",
    ];
    const MADE: [&str; 3] = ["motivation", "stylesheet", "generator"];
    a.as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| !(READ.contains(&k.as_str()) || own && MADE.contains(&k.as_str())))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}
