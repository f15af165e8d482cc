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
