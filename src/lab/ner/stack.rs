//! A stacked second pass (round 6 of `docs/ner.md`, measured, not kept): the first model's emission scores stay
//! as they are, and a small second set of weights adds, per token, features of the first pass's output — its
//! labels at ±2, a token's confidence, the previous/next label with the token's capitalisation and common-noun
//! flag, and whether the same word form got a name label elsewhere in the sentence — before a second Viterbi.
//!
//! The second pass is trained on jackknifed first-pass output: the training sentences are split into `folds`
//! folds, and each fold is tagged by a model trained on the other folds, so the second pass sees the first
//! pass as it errs on text it was not trained on (not the near-perfect output on its own training data).

use std::collections::HashMap;

use crate::core::analysis::ner::features::FeatureSet;
use crate::core::analysis::ner::gazetteer::apply_rules;
use crate::core::analysis::ner::model::{FirstPass, viterbi};
use crate::core::analysis::ner::{Model, NerLabel};

use super::data::Sentence;

/// The settings of the second pass.
#[derive(Debug, Clone, Copy)]
pub struct StackConfig {
    /// Folds of the jackknife (0 = no second pass).
    pub folds: usize,
    /// Parameter mixing of the fold models (the final first-pass model keeps the training config's).
    pub fold_mix: usize,
    /// Perceptron epochs of the second pass.
    pub epochs: usize,
    /// Train the second pass on the GermEval train split only.
    pub in_domain: bool,
}

/// A first-pass model with its second pass.
pub struct Stacked {
    pub base: Model,
    /// Feature key → one weight per label.
    weights: HashMap<u32, Vec<f32>>,
    /// `(L + 1) × L`, added to the first pass's transitions.
    delta: Vec<f32>,
}

/// FNV-1a of a template number and string parts.
fn key(template: u8, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for p in parts {
        p.bytes().for_each(&mut eat);
        eat(0xff);
    }
    h
}

/// The class of a token for the label-context features: lower case, capitalised common noun, other
/// capitalised, other.
fn class_of(token: &str, model: &Model) -> &'static str {
    let Some(c) = token.chars().next() else {
        return "o";
    };
    if token.starts_with("<UNK:") {
        return if token.contains("initialUpper") || token.contains("allUpper") {
            "C"
        } else {
            "o"
        };
    }
    if c.is_lowercase() {
        "c"
    } else if c.is_uppercase() {
        if model.lexicon().common_nouns.contains(token.to_lowercase().as_str()) {
            "N"
        } else {
            "C"
        }
    } else {
        "o"
    }
}

fn confidence_bucket(margins: &[f32], i: usize) -> &'static str {
    let Some(&m) = margins.get(i) else {
        return "-";
    };
    match m {
        m if m < 2.0 => "0",
        m if m < 5.0 => "1",
        m if m < 10.0 => "2",
        m if m < 20.0 => "3",
        m if m < 40.0 => "4",
        _ => "5",
    }
}

/// The second pass's feature keys of a sentence: `keys[offsets[i]..offsets[i + 1]]` for token `i`.
fn stack_keys(tokens: &[&str], fp: &FirstPass, model: &Model) -> (Vec<u32>, Vec<usize>) {
    let n = tokens.len();
    let names: Vec<String> = fp.labels.iter().map(|y| y.to_string()).collect();
    let at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else if j as usize >= n {
            "</s>"
        } else {
            names[j as usize].as_str()
        }
    };
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let (mut keys, mut offsets) = (Vec::new(), Vec::with_capacity(n + 1));
    for i in 0..n {
        offsets.push(keys.len());
        let ii = i as isize;
        let class = class_of(tokens[i], model);
        keys.push(key(1, &[at(ii)]));
        keys.push(key(2, &[at(ii - 1)]));
        keys.push(key(3, &[at(ii + 1)]));
        keys.push(key(4, &[at(ii - 2)]));
        keys.push(key(5, &[at(ii + 2)]));
        keys.push(key(6, &[at(ii - 1), at(ii), at(ii + 1)]));
        keys.push(key(7, &[at(ii), confidence_bucket(&fp.margins, i)]));
        keys.push(key(8, &[at(ii - 1), class]));
        keys.push(key(9, &[at(ii + 1), class]));
        if class == "C" || class == "N" {
            let other = (0..n).find(|&j| {
                j != i && lower[j] == lower[i] && lower[i].chars().count() >= 3 && fp.labels[j].fine().is_some()
            });
            if let Some(j) = other {
                let kind = fp.labels[j].fine().map_or("-", |f| f.kind.as_str());
                keys.push(key(10, &[kind, at(ii)]));
            }
        }
    }
    offsets.push(keys.len());
    (keys, offsets)
}

/// Trains a first-pass model on the sentences given, with the parameter mixing given (`None`: the config's).
pub type TrainFn<'a> = dyn FnMut(&[Sentence], Option<usize>) -> Result<Model, String> + 'a;

/// One training sentence of the second pass: the first pass's output (from the fold model that did not see
/// it) and the gold label indices.
struct Example {
    emit: Vec<f32>,
    keys: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
    /// Which fold model tagged it (its transitions are the base).
    fold: usize,
}

/// Trains the first pass on all `sentences` (with `train`), the fold models on the jackknife folds, and the
/// second pass on the folds' output.
pub fn train_stacked(
    sentences: &[Sentence],
    stack: &StackConfig,
    seed: u64,
    fine: bool,
    train: &mut TrainFn<'_>,
) -> Result<Stacked, String> {
    let base = train(sentences, None)?;
    let l = base.labels().len();
    let norm = |y: NerLabel| if fine { y } else { y.coarse() };
    let mut examples = Vec::with_capacity(sentences.len());
    let mut fold_trans = Vec::new();
    for k in 0..stack.folds {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % stack.folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let m = train(&rest, Some(stack.fold_mix))?;
        // a rare label may be missing from a fold model: its column gets a very low score
        let map: Vec<Option<usize>> = base
            .labels()
            .iter()
            .map(|y| m.labels().iter().position(|z| z == y))
            .collect();
        for s in sentences.iter().skip(k).step_by(stack.folds) {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            // only GermEval's own sentences: the other corpora follow their own conventions (no deriv or part
            // labels), which the first pass does not follow on them (their domain copies are training-only)
            if toks.is_empty() || (stack.in_domain && s.domain != 0) {
                continue;
            }
            let fp = m.first_pass(&toks);
            let (keys, offsets) = stack_keys(&toks, &fp, &m);
            let lm = m.labels().len();
            let emit = (0..toks.len() * l)
                .map(|j| map[j % l].map_or(-1e4, |y| fp.emit[j / l * lm + y]))
                .collect();
            let gold = s
                .labels
                .iter()
                .map(|&y| base.labels().iter().position(|&z| z == norm(y)).unwrap_or(0))
                .collect();
            examples.push(Example {
                emit,
                keys,
                offsets,
                gold,
                fold: k,
            });
        }
        let lm = m.labels().len();
        let mut trans = vec![-1e4f32; (l + 1) * l];
        for p in 0..=l {
            for y in 0..l {
                let from = if p == 0 { Some(0) } else { map[p - 1].map(|q| q + 1) };
                if let (Some(f), Some(t)) = (from, map[y]) {
                    trans[p * l + y] = m.trans[f * lm + t];
                }
            }
        }
        fold_trans.push(trans);
    }
    let (weights, delta) = perceptron(&examples, &fold_trans, &base, stack.epochs, seed);
    eprintln!(
        "second pass: {} features, {} weights",
        weights.len(),
        weights
            .values()
            .map(|w| w.iter().filter(|&&x| x != 0.0).count())
            .sum::<usize>()
    );
    Ok(Stacked { base, weights, delta })
}

/// The averaged perceptron of the second pass.
fn perceptron(
    examples: &[Example],
    fold_trans: &[Vec<f32>],
    base: &Model,
    epochs: usize,
    seed: u64,
) -> (HashMap<u32, Vec<f32>>, Vec<f32>) {
    let l = base.labels().len();
    let m = (l + 1) * l;
    let mut ids: HashMap<u32, usize> = HashMap::new();
    for e in examples {
        for &k in &e.keys {
            let next = ids.len();
            ids.entry(k).or_insert(next);
        }
    }
    let nf = ids.len();
    let data: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| e.keys.iter().map(|k| ids[k]).collect())
        .collect();
    let (mut w, mut u) = (vec![0i32; nf * l], vec![0i64; nf * l]);
    let (mut tw, mut tu) = (vec![0i32; m], vec![0i64; m]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut c: i64 = 1;
    let classes = vec![0usize; 1024];
    let mut trans = vec![0f32; m];
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0usize;
        for &si in &order {
            let e = &examples[si];
            let n = e.gold.len();
            let mut emit = e.emit.clone();
            for i in 0..n {
                for &f in &data[si][e.offsets[i]..e.offsets[i + 1]] {
                    for y in 0..l {
                        emit[i * l + y] += w[f * l + y] as f32;
                    }
                }
            }
            for (t, (&b, &d)) in trans.iter_mut().zip(fold_trans[e.fold].iter().zip(&tw)) {
                *t = b + d as f32;
            }
            let cls = if n <= classes.len() {
                &classes[..n]
            } else {
                &vec![0; n][..]
            };
            let pred = viterbi(n, l, &emit, &trans, cls, &base.allowed);
            let g = &e.gold;
            for i in 0..n {
                if pred[i] != g[i] {
                    wrong += 1;
                    for &f in &data[si][e.offsets[i]..e.offsets[i + 1]] {
                        w[f * l + g[i]] += 1;
                        u[f * l + g[i]] += c;
                        w[f * l + pred[i]] -= 1;
                        u[f * l + pred[i]] -= c;
                    }
                }
                let (gp, pp) = if i == 0 {
                    (0, 0)
                } else {
                    (g[i - 1] + 1, pred[i - 1] + 1)
                };
                if gp != pp || g[i] != pred[i] {
                    tw[gp * l + g[i]] += 1;
                    tu[gp * l + g[i]] += c;
                    tw[pp * l + pred[i]] -= 1;
                    tu[pp * l + pred[i]] -= c;
                }
            }
            c += 1;
        }
        eprintln!("  second pass epoch {:>2}: {wrong} tokens wrong", epoch + 1);
    }
    let avg = |w: i32, u: i64| (f64::from(w) - u as f64 / c as f64) as f32;
    let mut weights = HashMap::new();
    for (&k, &f) in &ids {
        let ws: Vec<f32> = (0..l).map(|y| avg(w[f * l + y], u[f * l + y])).collect();
        if ws.iter().any(|&x| x != 0.0) {
            weights.insert(k, ws);
        }
    }
    let delta = tw.iter().zip(&tu).map(|(&w, &u)| avg(w, u)).collect();
    (weights, delta)
}

impl Stacked {
    /// Labels one sentence: the first pass, its features, the second Viterbi, the KB rules.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<NerLabel> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let fp = self.base.first_pass(tokens);
        let (keys, offsets) = stack_keys(tokens, &fp, &self.base);
        let l = self.base.labels().len();
        let mut emit = fp.emit.clone();
        for i in 0..tokens.len() {
            for k in &keys[offsets[i]..offsets[i + 1]] {
                if let Some(ws) = self.weights.get(k) {
                    for y in 0..l {
                        emit[i * l + y] += ws[y];
                    }
                }
            }
        }
        let trans: Vec<f32> = self.base.trans.iter().zip(&self.delta).map(|(a, b)| a + b).collect();
        let classes = vec![0usize; tokens.len()];
        let path = viterbi(tokens.len(), l, &emit, &trans, &classes, &self.base.allowed);
        let mut labels: Vec<NerLabel> = path.iter().map(|&y| self.base.labels()[y]).collect();
        if self.base.feature_set().has(FeatureSet::KB_RULES) && !fp.gaz.is_empty() {
            apply_rules(&fp.gaz, &mut labels);
        }
        labels
    }

    /// Features and non-zero weights of the second pass.
    pub fn size(&self) -> (usize, usize) {
        let nz = self
            .weights
            .values()
            .map(|w| w.iter().filter(|&&x| x != 0.0).count())
            .sum();
        (self.weights.len(), nz)
    }
}
