//! The `entities` field of `presseschau analyze --json`.

use serde_json::{Value, json};

use presseschau::core::analysis::entities::Mention;
use presseschau::core::analysis::kb::kb;

fn mention_json(m: &Mention) -> Value {
    json!({
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "derived": m.derived,
        "value": m.value,
        "precision": m.date_precision(),
    })
}

/// Mentions grouped by entity, in order of first mention: linked ones as `{id, kind, label, wikidata,
/// description, mentions}`, each unlinked mention (dates, quantities, names not in the KB) as its own entry with
/// `id: null` and the text as label. Offsets are code points into the article's clean text.
pub fn entities_json(mentions: &[Mention]) -> Value {
    let mut out: Vec<Value> = Vec::new();
    let mut index: Vec<(String, usize)> = Vec::new();
    for m in mentions {
        match m.entity_id.as_deref() {
            Some(id) => {
                if let Some((_, i)) = index.iter().find(|(x, _)| x == id) {
                    if let Some(list) = out[*i]["mentions"].as_array_mut() {
                        list.push(mention_json(m));
                    }
                    continue;
                }
                let e = kb().get(id);
                index.push((id.to_string(), out.len()));
                out.push(json!({
                    "id": id,
                    "kind": m.kind.as_str(),
                    "label": e.map_or(m.text.as_str(), |e| e.label_de.as_str()),
                    "wikidata": e.and_then(|e| e.wikidata()),
                    "description": e.map(|e| e.description_de.as_str()),
                    "mentions": [mention_json(m)],
                }));
            }
            None => out.push(json!({
                "id": null,
                "kind": m.kind.as_str(),
                "label": m.text,
                "wikidata": null,
                "description": null,
                "mentions": [mention_json(m)],
            })),
        }
    }
    Value::Array(out)
}
