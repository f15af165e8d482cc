//! CoNLL-style span evaluation: a predicted span counts only if start, end and type match exactly.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

pub use crate::core::analysis::ner::spans_of;
use crate::core::analysis::ner::{FineKind, NerLabel};

/// Counts of one type: true positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub tp: usize,
    /// Predicted spans with no exact gold match.
    pub fp: usize,
    /// Gold spans with no exact predicted match.
    pub fn_: usize,
}

impl Counts {
    /// Precision in percent (0 if nothing was predicted).
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.tp + self.fp)
    }
    /// Recall in percent (0 if there is no gold span).
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.tp + self.fn_)
    }
    /// F1 in percent (0 if precision and recall are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

/// Span scores per type (type names as in GermEval: `PER`, `LOCderiv`, …) plus the micro total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per type, sorted by name.
    pub per_type: BTreeMap<String, Counts>,
}

impl Scores {
    /// Adds one sentence: gold and predicted labels (same length; extra labels are ignored).
    pub fn add(&mut self, gold: &[NerLabel], pred: &[NerLabel]) {
        let n = gold.len().min(pred.len());
        let g: HashSet<(usize, usize, FineKind)> = spans_of(&gold[..n]).into_iter().collect();
        let p: HashSet<(usize, usize, FineKind)> = spans_of(&pred[..n]).into_iter().collect();
        for s in &p {
            let c = self.per_type.entry(s.2.to_string()).or_default();
            if g.contains(s) { c.tp += 1 } else { c.fp += 1 }
        }
        for s in g.difference(&p) {
            self.per_type.entry(s.2.to_string()).or_default().fn_ += 1;
        }
    }

    /// Adds all counts of another score.
    pub fn merge(&mut self, other: &Scores) {
        for (k, c) in &other.per_type {
            self.per_type.entry(k.clone()).or_default().add(*c);
        }
    }

    /// Micro-averaged counts over all types.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.per_type.values() {
            t.add(*c);
        }
        t
    }

    /// A plain-text table: one line per type and the total.
    pub fn table(&self, title: &str) -> String {
        let mut s = format!(
            "{title}\n{:<10} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
            "type", "tp", "fp", "fn", "P", "R", "F1"
        );
        let line = |s: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                s,
                "{name:<10} {:>6} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}",
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        for (k, c) in &self.per_type {
            line(&mut s, k, c);
        }
        line(&mut s, "ALL", &self.total());
        s
    }
}

/// Coarse and fine scores of the outer column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Four kinds: `deriv`/`part` variants merged into their kind (GermEval's "loose" view).
    pub coarse: Scores,
    /// The 12 fine labels.
    pub fine: Scores,
}

impl Evaluation {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[NerLabel], pred: &[NerLabel]) {
        self.fine.add(gold, pred);
        let c = |v: &[NerLabel]| v.iter().map(|y| y.coarse()).collect::<Vec<_>>();
        self.coarse.add(&c(gold), &c(pred));
    }

    /// Adds all counts of another evaluation.
    pub fn merge(&mut self, other: &Evaluation) {
        self.coarse.merge(&other.coarse);
        self.fine.merge(&other.fine);
    }
}

/// Precision of the names a reader would see as "detected" (found by the model only), by confidence.
///
/// A predicted span is a detected-only candidate if it is a name (not `deriv`/`part`), of kind PER, LOC or
/// ORG, and overlaps no knowledge-base mention (what `core::analysis::detected` shows); it counts as right if
/// a gold span has the same tokens and coarse kind. The gold side for recall: gold names of those kinds
/// that overlap no KB mention.
#[derive(Debug, Clone, Default)]
pub struct ThresholdTable {
    /// (confidence, right) of every detected-only candidate.
    pub candidates: Vec<(f32, bool)>,
    /// Gold names of PER/LOC/ORG overlapping no KB mention.
    pub gold_detectable: usize,
    /// (confidence, right) of every predicted span (coarse, all kinds), for the all-spans P/R/F1.
    pub all: Vec<(f32, bool)>,
    /// Gold spans (coarse, all kinds).
    pub gold_all: usize,
}

impl ThresholdTable {
    /// Adds a sentence: its tokens, gold labels, predicted labels and token margins.
    pub fn add(&mut self, tokens: &[String], gold: &[NerLabel], pred: &[NerLabel], margins: &[f32]) {
        use crate::core::analysis::ner::{NerKind, Variant, span_confidence};
        // token char offsets in the sentence joined by spaces, for the KB matcher
        let mut text = String::new();
        let mut offs = Vec::with_capacity(tokens.len());
        for t in tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(t);
            offs.push((start, start + t.chars().count()));
        }
        let kb = crate::core::analysis::entities::find_mentions(&text, None);
        let overlaps_kb = |a: usize, b: usize| {
            let (s, e) = (offs[a].0, offs[b - 1].1);
            kb.iter().any(|m| m.start < e && s < m.end)
        };
        let coarse = |v: &[NerLabel]| v.iter().map(|y| y.coarse()).collect::<Vec<_>>();
        let g_coarse: HashSet<(usize, usize, FineKind)> = spans_of(&coarse(gold)).into_iter().collect();
        let detectable = |k: FineKind| k.variant == Variant::Name && k.kind != NerKind::Oth;
        self.gold_all += g_coarse.len();
        self.gold_detectable += spans_of(gold)
            .into_iter()
            .filter(|&(a, b, k)| detectable(k) && !overlaps_kb(a, b))
            .count();
        for (a, b, k) in spans_of(pred) {
            let conf = span_confidence(margins, a, b);
            let right = g_coarse.contains(&(a, b, FineKind::name(k.kind)));
            if detectable(k) && !overlaps_kb(a, b) {
                self.candidates.push((conf, right));
            }
        }
        for (a, b, k) in spans_of(&coarse(pred)) {
            self.all
                .push((span_confidence(margins, a, b), g_coarse.contains(&(a, b, k))));
        }
    }

    /// Detected-only precision and recall, and all-span P/R/F1, keeping spans with confidence ≥ `t`:
    /// `(detected P, detected R, detected n, all P, all R, all F1)`, in percent.
    pub fn at(&self, t: f32) -> (f64, f64, usize, f64, f64, f64) {
        let kept = |v: &[(f32, bool)]| {
            let k: Vec<bool> = v.iter().filter(|c| c.0 >= t).map(|c| c.1).collect();
            (k.len(), k.iter().filter(|&&r| r).count())
        };
        let (n, right) = kept(&self.candidates);
        let (an, aright) = kept(&self.all);
        let c = Counts {
            tp: aright,
            fp: an - aright,
            fn_: self.gold_all - aright,
        };
        (
            pct(right, n),
            pct(right, self.gold_detectable),
            n,
            c.precision(),
            c.recall(),
            c.f1(),
        )
    }

    /// The lowest confidence among the candidates at which detected-only precision reaches `p` percent
    /// (the smallest candidate confidence `t` with precision ≥ `p` over all candidates ≥ `t`).
    pub fn threshold_for(&self, p: f64) -> Option<f32> {
        let mut ts: Vec<f32> = self.candidates.iter().map(|c| c.0).collect();
        ts.sort_by(f32::total_cmp);
        ts.dedup();
        ts.into_iter().find(|&t| self.at(t).0 >= p)
    }
}
