//! Explanations: a link's [`Reasons`] as short German or English phrases.

use super::types::Reasons;

/// A share in [0, 1] as a whole percentage.
fn percent(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// "a", "a und b", "a, b und c" (with `and` as the last separator).
fn join_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Plain German phrases for a link's reasons, e.g. "beide berichten über Q1 und Q2", "3 gleiche Sätze",
/// "1 Tag Abstand". Entity ids are shown as they are (the UI replaces them with labels).
pub fn explain_de(r: &Reasons) -> Vec<String> {
    let mut out = Vec::new();
    if !r.shared_entities.is_empty() {
        let names: Vec<String> = r.shared_entities.iter().take(3).cloned().collect();
        out.push(format!("beide berichten über {}", join_list(&names, "und")));
    }
    let same = r.shared_sentences.iter().filter(|s| s.similarity >= 1.0).count();
    let near = r.shared_sentences.len() - same;
    if same > 0 {
        out.push(if same == 1 {
            "1 gleicher Satz".into()
        } else {
            format!("{same} gleiche Sätze")
        });
    }
    if near > 0 {
        out.push(if near == 1 {
            "1 fast gleicher Satz".into()
        } else {
            format!("{near} fast gleiche Sätze")
        });
    }
    if let Some(d) = r.day_difference {
        let d = d.round() as i64;
        out.push(match d {
            0 => "am selben Tag".into(),
            1 => "1 Tag Abstand".into(),
            _ => format!("{d} Tage Abstand"),
        });
    }
    out.push(format!("Textähnlichkeit {} %", percent(r.signals.text)));
    if r.signals.near_duplicate >= 0.1 {
        out.push(format!("{} % gleiche Textpassagen", percent(r.signals.near_duplicate)));
    }
    out
}

/// Plain English phrases for a link's reasons, e.g. "both report on Q1 and Q2", "3 identical sentences",
/// "1 day apart".
pub fn explain_en(r: &Reasons) -> Vec<String> {
    let mut out = Vec::new();
    if !r.shared_entities.is_empty() {
        let names: Vec<String> = r.shared_entities.iter().take(3).cloned().collect();
        out.push(format!("both report on {}", join_list(&names, "and")));
    }
    let same = r.shared_sentences.iter().filter(|s| s.similarity >= 1.0).count();
    let near = r.shared_sentences.len() - same;
    if same > 0 {
        out.push(if same == 1 {
            "1 identical sentence".into()
        } else {
            format!("{same} identical sentences")
        });
    }
    if near > 0 {
        out.push(if near == 1 {
            "1 near-identical sentence".into()
        } else {
            format!("{near} near-identical sentences")
        });
    }
    if let Some(d) = r.day_difference {
        let d = d.round() as i64;
        out.push(match d {
            0 => "same day".into(),
            1 => "1 day apart".into(),
            _ => format!("{d} days apart"),
        });
    }
    out.push(format!("text similarity {} %", percent(r.signals.text)));
    if r.signals.near_duplicate >= 0.1 {
        out.push(format!("{} % shared passages", percent(r.signals.near_duplicate)));
    }
    out
}
