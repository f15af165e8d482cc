//! Word clusters from unlabelled text ([`FeatureSet::CLUSTERS`](crate::core::analysis::ner::features::FeatureSet::CLUSTERS)):
//! the most frequent capitalised words are described by the words around them and grouped by spherical
//! k-means, so a name the labelled data never shows shares weights with the names it is used like.
//!
//! Each word (lower-cased; a placeholder of the train split by its id, [`cluster_key`]) is a vector of
//! context counts at −2, −1, +1, +2 over the [`CONTEXT_WORDS`] most frequent words (plus the sentence edges
//! and "other"), weighted by positive PMI and normalised; k-means starts from words spread evenly over the
//! frequency ranking and runs [`ITERATIONS`] rounds. Everything is in a fixed order, so the same text gives
//! the same clusters (and `train-ner` the same model file).

use std::collections::HashMap;

use crate::core::analysis::ner::features::{WordMap, cluster_key, placeholder};

/// Context words per position (the most frequent words of the text). Range 100–2000, default 300.
pub const CONTEXT_WORDS: usize = 300;
/// Occurrences (capitalised) a word needs to get a cluster. Range 2–10, default 3.
pub const MIN_COUNT: u32 = 3;
/// Rounds of k-means. Range 5–30, default 10.
pub const ITERATIONS: usize = 10;

/// Whether a token is capitalised (a placeholder: by its casing class).
fn capitalised(token: &str) -> bool {
    match placeholder(token) {
        Some(p) => matches!(p.casing, "initialUpper" | "allUpper"),
        None => token.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The clusters (0..k) of the `vocab` most frequent capitalised words of `text` (seen capitalised at least
/// [`MIN_COUNT`] times) and, with `placeholders`, of every placeholder id seen as often (so training sees
/// clusters on the train split's unknown words), keyed as [`cluster_key`] gives.
pub fn build<'a>(
    text: impl Iterator<Item = &'a [String]> + Clone,
    k: usize,
    vocab: usize,
    placeholders: bool,
) -> WordMap<u8> {
    let k = k.clamp(2, 256);
    // capitalised counts (the cluster words) and all counts (the context words)
    let mut caps: HashMap<String, u32> = HashMap::new();
    let mut all: HashMap<String, u32> = HashMap::new();
    for s in text.clone() {
        for t in s {
            let Some(key) = cluster_key(t) else { continue };
            if capitalised(t) {
                *caps.entry(key.clone()).or_default() += 1;
            }
            if placeholder(t).is_none() {
                *all.entry(key).or_default() += 1;
            }
        }
    }
    // the `vocab` most frequent real words, and with `placeholders` every placeholder id seen often enough
    // (they cost nothing in the model file)
    let (held, real): (HashMap<String, u32>, HashMap<String, u32>) =
        caps.into_iter().partition(|e| e.0.starts_with('<'));
    let mut words = top(real, vocab, MIN_COUNT);
    if placeholders {
        words.extend(top(held, usize::MAX, MIN_COUNT));
    }
    let contexts = top(all, CONTEXT_WORDS, 1);
    if words.len() < k {
        return WordMap::default();
    }
    let word_id: HashMap<&str, usize> = words.iter().enumerate().map(|(i, w)| (w.as_str(), i)).collect();
    let ctx_id: HashMap<&str, usize> = contexts.iter().enumerate().map(|(i, w)| (w.as_str(), i)).collect();
    let width = contexts.len() + 3;
    let vectors = context_vectors(text, &word_id, &ctx_id, width, words.len());
    let assign = kmeans(&vectors, k, 4 * width);
    words.into_iter().zip(assign).map(|(w, c)| (w, c as u8)).collect()
}

/// The `n` keys with the highest counts (at least `min`), ties by key.
fn top(counts: HashMap<String, u32>, n: usize, min: u32) -> Vec<String> {
    let mut v: Vec<(String, u32)> = counts.into_iter().filter(|e| e.1 >= min).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v.into_iter().map(|e| e.0).collect()
}

/// One sparse vector per cluster word: positive PMI of (position, context word), L2-normalised. Dimension
/// `p · width + c` for position p (−2, −1, +1, +2) and context c (`width − 3` words, start, end, other).
fn context_vectors(
    text: impl Iterator<Item = impl AsRef<[String]>>,
    word_id: &HashMap<&str, usize>,
    ctx_id: &HashMap<&str, usize>,
    width: usize,
    n: usize,
) -> Vec<Vec<(u32, f32)>> {
    let mut counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); n];
    for s in text {
        let s = s.as_ref();
        let ctx: Vec<usize> = s
            .iter()
            .map(|t| {
                let key = if placeholder(t).is_some() { None } else { cluster_key(t) };
                key.and_then(|k| ctx_id.get(k.as_str()).copied()).unwrap_or(width - 1)
            })
            .collect();
        for (i, t) in s.iter().enumerate() {
            if !capitalised(t) {
                continue;
            }
            let Some(&w) = cluster_key(t).as_deref().and_then(|k| word_id.get(k)) else {
                continue;
            };
            for (p, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let j = i as isize + d;
                let c = if j < 0 {
                    width - 3
                } else if j as usize >= s.len() {
                    width - 2
                } else {
                    ctx[j as usize]
                };
                *counts[w].entry((p * width + c) as u32).or_default() += 1;
            }
        }
    }
    let mut dim_total: HashMap<u32, f64> = HashMap::new();
    let mut total = 0f64;
    for row in &counts {
        for (&d, &c) in row {
            *dim_total.entry(d).or_default() += f64::from(c);
            total += f64::from(c);
        }
    }
    counts
        .into_iter()
        .map(|row| {
            let row_total: f64 = row.values().map(|&c| f64::from(c)).sum();
            let mut v: Vec<(u32, f32)> = row
                .into_iter()
                .filter_map(|(d, c)| {
                    let pmi = (f64::from(c) * total / (row_total * dim_total[&d])).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            for e in &mut v {
                e.1 /= norm;
            }
            v
        })
        .collect()
}

/// Spherical k-means over sparse unit vectors of dimension `dims`; returns each vector's cluster. Centroids
/// start at vectors spread evenly over the input order (the frequency ranking).
fn kmeans(vectors: &[Vec<(u32, f32)>], k: usize, dims: usize) -> Vec<usize> {
    // centroids stored dimension-major: `cent[d * k + c]`
    let mut cent = vec![0f32; dims * k];
    for c in 0..k {
        for &(d, x) in &vectors[c * vectors.len() / k] {
            cent[d as usize * k + c] = x;
        }
    }
    let mut assign = vec![0usize; vectors.len()];
    let mut score = vec![0f32; k];
    for _ in 0..ITERATIONS {
        for (v, a) in vectors.iter().zip(&mut assign) {
            score.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &cent[d as usize * k..(d as usize + 1) * k];
                for (s, &c) in score.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            *a = (0..k).fold(0, |best, c| if score[c] > score[best] { c } else { best });
        }
        let mut next = vec![0f32; dims * k];
        for (v, &a) in vectors.iter().zip(&assign) {
            for &(d, x) in v {
                next[d as usize * k + a] += x;
            }
        }
        for c in 0..k {
            let norm = (0..dims).map(|d| next[d * k + c].powi(2)).sum::<f32>().sqrt();
            if norm > 0.0 {
                for d in 0..dims {
                    next[d * k + c] /= norm;
                }
            } else {
                // an empty cluster keeps its centroid
                for d in 0..dims {
                    next[d * k + c] = cent[d * k + c];
                }
            }
        }
        cent = next;
    }
    assign
}
