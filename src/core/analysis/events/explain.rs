//! Explanations: a link's [`Reasons`] as a short list of [`Phrase`]s — kinds and values, in the order a
//! reader should see them. The UI words them in its language (`ui::text::link_reasons`).

use super::types::Reasons;

/// One reason two reports are linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// Both name these entities (at most three, rarest first; ids, or labels after
    /// `event_view::labelled_reasons`).
    SharedNames(Vec<String>),
    /// This many identical sentences.
    SameSentences(usize),
    /// This many near-identical sentences.
    NearSentences(usize),
    /// Published this many days apart (0: the same day).
    DaysApart(i64),
    /// Text similarity in percent.
    TextSimilarity(i64),
    /// Share of identical passages in percent (only when at least 10 %).
    SharedPassages(i64),
}

/// A share in [0, 1] as a whole percentage.
fn percent(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// The reasons of a link as phrases.
pub fn phrases(r: &Reasons) -> Vec<Phrase> {
    let mut out = Vec::new();
    if !r.shared_entities.is_empty() {
        out.push(Phrase::SharedNames(r.shared_entities.iter().take(3).cloned().collect()));
    }
    let same = r.shared_sentences.iter().filter(|s| s.similarity >= 1.0).count();
    let near = r.shared_sentences.len() - same;
    if same > 0 {
        out.push(Phrase::SameSentences(same));
    }
    if near > 0 {
        out.push(Phrase::NearSentences(near));
    }
    if let Some(d) = r.day_difference {
        out.push(Phrase::DaysApart(d.round() as i64));
    }
    out.push(Phrase::TextSimilarity(percent(r.signals.text)));
    if r.signals.near_duplicate >= 0.1 {
        out.push(Phrase::SharedPassages(percent(r.signals.near_duplicate)));
    }
    out
}
