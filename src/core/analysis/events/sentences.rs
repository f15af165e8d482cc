//! Shared sentences: identical or near-identical sentences of two texts, quoted as a link's reasons.

use super::params::{BOILERPLATE_MIN_WORDS, MIN_SENTENCE_WORDS, NEAR_IDENTICAL_SENTENCE};
use super::stats::U64Set;
use super::types::SharedSentence;
use crate::core::analysis::diff::split_sentences;
use crate::core::analysis::similarity::{U64Map, fold, hash_folded, sentence_key, words};

/// The sentences of a text that can be reported as shared: `(offset, sentence, sorted folded word hashes)`.
pub(super) type Sentences = Vec<(usize, String, Vec<u64>)>;

/// The reportable sentences of a text: not boilerplate, at least [`MIN_SENTENCE_WORDS`] words.
pub(super) fn prep_sentences(t: &str, boilerplate: &U64Set) -> Sentences {
    split_sentences(t)
        .into_iter()
        .filter_map(|(start, s)| {
            if !boilerplate.is_empty()
                && sentence_key(s, BOILERPLATE_MIN_WORDS).is_some_and(|k| boilerplate.contains(&k))
            {
                return None;
            }
            let mut w: Vec<u64> = words(s).into_iter().map(|(_, w)| hash_folded(w)).collect();
            if w.len() < MIN_SENTENCE_WORDS {
                return None;
            }
            w.sort_unstable();
            w.dedup();
            Some((start, s.to_string(), w))
        })
        .collect()
}

/// Identical or near-identical sentences of two texts (at least [`MIN_SENTENCE_WORDS`] words, Dice ≥
/// [`NEAR_IDENTICAL_SENTENCE`]), each sentence used once, in the first text's order.
pub fn shared_sentences(a: &str, b: &str) -> Vec<SharedSentence> {
    let none = U64Set::default();
    match_sentences(&prep_sentences(a, &none), &prep_sentences(b, &none))
}

/// Pairs each sentence of `sa` with the most similar unused sentence of `sb` (only sentences that share a
/// word are compared), when their Dice overlap reaches [`NEAR_IDENTICAL_SENTENCE`].
pub(super) fn match_sentences(sa: &Sentences, sb: &Sentences) -> Vec<SharedSentence> {
    // index b's sentences by word to compare only sentences that share words
    let mut by_word: U64Map<u64, Vec<usize>> = U64Map::default();
    for (j, (_, _, w)) in sb.iter().enumerate() {
        for &h in w {
            by_word.entry(h).or_default().push(j);
        }
    }
    let mut used = vec![false; sb.len()];
    let mut out = Vec::new();
    for (start_a, text_a, wa) in sa {
        let mut hits: U64Map<usize, usize> = U64Map::default();
        for h in wa {
            for &j in by_word.get(h).map_or(&[][..], Vec::as_slice) {
                *hits.entry(j).or_default() += 1;
            }
        }
        let best = hits
            .into_iter()
            .filter(|&(j, _)| !used[j])
            .map(|(j, n)| (j, 2.0 * n as f64 / (wa.len() + sb[j].2.len()) as f64))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((j, sim)) = best
            && sim >= NEAR_IDENTICAL_SENTENCE
        {
            used[j] = true;
            let same = fold(text_a) == fold(&sb[j].1);
            out.push(SharedSentence {
                left: text_a.clone(),
                left_start: *start_a,
                right: sb[j].1.clone(),
                right_start: sb[j].0,
                similarity: if same { 1.0 } else { sim.min(0.999) },
            });
        }
    }
    out
}
