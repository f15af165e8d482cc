//! The decoder's bias against `O` (`--o-bias`, [`Model::o_bias`]), tuned on a slice of the training data held
//! out from training: never on GermEval dev, which stays the held-out set of `docs/ner.md`.

use super::data::Sentence;
use super::eval::{Counts, Evaluation};
use crate::core::analysis::ner::Model;

/// The training sentences split for tuning: the last `percent` % of the train split is the tuning slice, the
/// rest of it (and every other corpus) stays for training. Returns (training part, slice).
pub fn split_slice(train_split: &[Sentence], percent: usize) -> (&[Sentence], &[Sentence]) {
    let cut = train_split.len() - train_split.len() * percent.min(100) / 100;
    train_split.split_at(cut)
}

/// Coarse outer span counts of `model` on `sentences`, decoding with each bias of `grid` in turn (the model's
/// own bias is restored afterwards): one `(bias, counts)` per grid value.
pub fn curve(model: &mut Model, sentences: &[Sentence], grid: &[f32]) -> Vec<(f32, Counts)> {
    let own = model.o_bias();
    let mut out = Vec::with_capacity(grid.len());
    for &b in grid {
        model.set_o_bias(b);
        let mut ev = Evaluation::default();
        for s in sentences {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            ev.add(&s.labels, &model.tag_tokens(&words));
        }
        out.push((b, ev.coarse.total()));
    }
    model.set_o_bias(own);
    out
}

/// The bias of a curve with the highest F1 (the smallest such bias on a tie; 0 for an empty curve).
pub fn best(curve: &[(f32, Counts)]) -> f32 {
    let mut top: Option<(f32, f64)> = None;
    for &(b, c) in curve {
        if top.is_none_or(|(_, f)| c.f1() > f) {
            top = Some((b, c.f1()));
        }
    }
    top.map_or(0.0, |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn the_slice_is_the_end_of_the_train_split() {
        let s: Vec<Sentence> = (0..20)
            .map(|i| Sentence {
                tokens: vec![i.to_string()],
                labels: vec![crate::core::analysis::ner::NerLabel::Outside],
                domain: 0,
            })
            .collect();
        let (fit, slice) = split_slice(&s, 10);
        assert_eq!((fit.len(), slice.len()), (18, 2));
        assert_eq!(slice[0].tokens, vec!["18".to_string()]);
    }

    #[test]
    fn the_bias_is_stored_only_when_not_zero_and_moves_decoding() {
        let m = crate::core::analysis::ner::model::embedded().unwrap();
        let plain = m.to_bytes();
        let mut b = m.clone();
        b.set_o_bias(2.5);
        let with = b.to_bytes();
        assert_eq!(with.len(), plain.len() + 4);
        let back = Model::from_bytes(&with).unwrap();
        assert_eq!(back.o_bias(), 2.5);
        b.set_o_bias(0.0);
        assert_eq!(b.to_bytes(), plain);
        let words = ["Der", "Zug", "fährt", "heute", "nach", "Wiehl", "."];
        let o = crate::core::analysis::ner::NerLabel::Outside;
        assert!(m.tag_tokens(&words).contains(&o));
        b.set_o_bias(1.0e4);
        assert!(!b.tag_tokens(&words).contains(&o));
    }

    #[test]
    fn best_takes_the_highest_f1_and_the_smaller_bias_on_a_tie() {
        let c = [
            (0.0, counts(60, 20, 40)),
            (1.0, counts(66, 22, 34)),
            (2.0, counts(66, 22, 34)),
            (3.0, counts(67, 40, 33)),
        ];
        assert_eq!(best(&c), 1.0);
        assert_eq!(best(&[]), 0.0);
    }
}
