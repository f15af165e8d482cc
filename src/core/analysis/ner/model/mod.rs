//! The tagger: an averaged structured perceptron over hashed features with first-order Viterbi
//! decoding, and its compact model file (reading: `format`; training and writing: `src/lab/ner/train.rs`).
//!
//! Why a perceptron and not a CRF: it trains in seconds to minutes on 2 cores (CRF L-BFGS needs many
//! passes), needs no dependency (no `rand`/`getrandom` in the wasm), and with averaging reaches CRF-like
//! accuracy on NER. The model file stores only non-zero weights, quantised to `i16`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::features::{FeatureSet, Gazetteer, Lexicon, TOKEN_CLASSES, sentence_features, token_class};
use super::gazetteer::{apply_rules, kb_gazetteer};
use super::{NerError, NerLabel};

mod decode;
mod format;
mod second;
mod windows;

pub(crate) use decode::Lattice;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use decode::viterbi;
use decode::{margins, viterbi_scored};
pub use second::{REACH, SecondPass, second_keys, second_keys_in, windows};

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use format::MAGIC;

/// The model (written by `presseschau train-ner`), compiled into native builds. The browser app does not
/// carry it: the static site ships it as `model.js`, loaded only when text needs it ([`install`]).
#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED: &[u8] = include_bytes!("../model.bin");

/// The model, once parsed.
static MODEL: OnceLock<Result<Model, NerError>> = OnceLock::new();

/// What [`embedded`] says in the browser before [`install`].
#[cfg(target_arch = "wasm32")]
static NOT_LOADED: NerError = NerError::NotLoaded;

/// The model: natively the compiled-in one, parsed on first use; in the browser the one [`install`]ed.
pub fn embedded() -> Result<&'static Model, &'static NerError> {
    #[cfg(not(target_arch = "wasm32"))]
    return MODEL.get_or_init(|| Model::from_bytes(EMBEDDED)).as_ref();
    #[cfg(target_arch = "wasm32")]
    MODEL.get().map_or(Err(&NOT_LOADED), Result::as_ref)
}

/// Whether [`embedded`] has a model to give (always natively; in the browser after [`install`]).
pub fn is_loaded() -> bool {
    cfg!(not(target_arch = "wasm32")) || MODEL.get().is_some()
}

/// Parses and keeps the model's bytes (the browser app, from `model.js`); the first call wins.
pub fn install(bytes: &[u8]) -> Result<(), &'static NerError> {
    MODEL.get_or_init(|| Model::from_bytes(bytes)).as_ref().map(|_| ())
}

/// A hasher for keys that are already hashes (feature keys): passes the value through.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<IdentityHasher>>;

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) labels: Vec<NerLabel>,
    pub(crate) features: FeatureSet,
    pub(crate) lexicon: Lexicon,
    /// Feature keys are folded into `2^hash_bits` buckets ([`bucket`]); 0 = keys used as they are.
    pub(crate) hash_bits: u8,
    /// Without hashing: feature key → range in `entries`.
    pub(crate) index: KeyMap<(u32, u32)>,
    /// With hashing: `entries[dense[b]..dense[b + 1]]` are the weights of bucket `b` (`2^hash_bits + 1`
    /// offsets; a lookup is two array reads, no hashing of the key again).
    pub(crate) dense: Vec<u32>,
    /// Bits per stored weight in the model file: 8 or 16 (read by the lab's writer only).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) weight_bits: u8,
    /// With 8-bit weights: `entries` again, packed for tagging as (label, stored code) pairs, 2 bytes
    /// instead of 8, so the weights tagging reads stay in the cache (empty with 16-bit weights).
    pub(crate) packed: Vec<[u8; 2]>,
    /// With 8-bit weights: the weight of each stored code (index: the code as `u8`).
    pub(crate) lut: Vec<f32>,
    /// With hashing: one bit per bucket, set if it has weights (32 KB for 2^18 buckets, so it stays in
    /// the cache; most features of new text fall into empty buckets and stop here).
    pub(crate) occupied: Vec<u64>,
    /// The weight step of the model file: every weight is an integer times this (read by the lab's writer
    /// only).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) scale: f32,
    /// (label index, weight)
    pub(crate) entries: Vec<(u8, f32)>,
    /// `K × (L + 1) × L` transition weights, one matrix per class of the token the transition leads to
    /// (`K` = 1, or [`TOKEN_CLASSES`] with [`FeatureSet::CLASS_TRANSITIONS`]); row 0 is the sentence start.
    pub(crate) trans: Vec<f32>,
    /// `(L + 1) × L`: whether the transition is well-formed BIO.
    pub(crate) allowed: Vec<bool>,
    /// The allowed transitions into and out of each label, listed once from `trans` and `allowed` (built
    /// by [`Model::pack`] when the model is loaded or trained, not per sentence).
    pub(crate) lattice: Lattice,
    /// With [`FeatureSet::STACK`]: the stacked second pass.
    pub(crate) second: Option<Box<SecondPass>>,
    /// Subtracted from the emission score of `O` at every token before decoding (0 = none; in the file only with
    /// [`FeatureSet::O_BIAS`]). A stacked second pass adds its scores to the same emission scores, so it decodes
    /// with the bias too.
    pub(crate) o_bias: f32,
}

impl Model {
    /// The word lists learned with the model (common nouns, words seen in lower case).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The bias against `O` the model decodes with (model units; 0 = none).
    pub fn o_bias(&self) -> f32 {
        self.o_bias
    }

    /// Sets the bias against `O` ([`Model::o_bias`]); the feature word says whether the file stores one.
    pub fn set_o_bias(&mut self, bias: f32) {
        self.o_bias = bias;
        self.features = if bias == 0.0 {
            FeatureSet(self.features.0 & !FeatureSet::O_BIAS)
        } else {
            FeatureSet(self.features.0 | FeatureSet::O_BIAS)
        };
    }
}

/// The weight a stored integer stands for: `scale · q` (16 bits) or `scale · q · |q|` (8 bits, a signed
/// square root code: fine steps for small weights).
pub(crate) fn weight_of(q: i32, weight_bits: u8, scale: f32) -> f32 {
    if weight_bits == 8 {
        (q * q.abs()) as f32 * scale
    } else {
        q as f32 * scale
    }
}

/// The bucket of a feature key with `bits` bits of hashing (Fibonacci hashing of the FNV key, top bits).
pub(crate) fn bucket(key: u32, bits: u8) -> u32 {
    key.wrapping_mul(0x9E37_79B1) >> (32 - u32::from(bits))
}

/// Which transitions BIO allows: `I-X` only after `B-X` or `I-X`. Row 0 is the sentence start.
pub(crate) fn allowed_transitions(labels: &[NerLabel]) -> Vec<bool> {
    let l = labels.len();
    let mut out = vec![true; (l + 1) * l];
    for (y, &to) in labels.iter().enumerate() {
        if let NerLabel::Inside(k) = to {
            out[y] = false;
            for (p, &from) in labels.iter().enumerate() {
                out[(p + 1) * l + y] = from.fine() == Some(k);
            }
        }
    }
    out
}

/// Number of transition matrices of a feature set.
pub(crate) fn transition_classes(set: FeatureSet) -> usize {
    if set.has(FeatureSet::CLASS_TRANSITIONS) {
        TOKEN_CLASSES
    } else {
        1
    }
}

/// The transition matrix index of each token (all 0 with one matrix).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn classes_of(tokens: &[&str], k: usize, lexicon: &Lexicon) -> Vec<usize> {
    tokens
        .iter()
        .map(|t| if k > 1 { token_class(t, lexicon) } else { 0 })
        .collect()
}

/// Buffers one sentence's tagging needs, kept between sentences (one per thread) so tagging allocates
/// only its results.
#[derive(Default)]
struct Scratch {
    keys: Vec<u32>,
    offsets: Vec<usize>,
    gaz: Vec<u32>,
    emit: Vec<f32>,
    classes: Vec<usize>,
    path: Vec<usize>,
    score: Vec<f32>,
    back: Vec<u16>,
    backward: Vec<f32>,
    /// The second pass's windows ([`FeatureSet::STACK_WINDOWS`]), one window's emission scores, path and
    /// margins.
    windows: Vec<(usize, usize)>,
    sub_emit: Vec<f32>,
    sub_path: Vec<usize>,
}

/// One sentence through the model, for the lab's stacked second pass (`src/lab/ner/stack.rs`).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Default)]
pub struct FirstPass {
    /// Emission scores, `n × L`.
    pub emit: Vec<f32>,
    /// The best path as label indices, before the KB rules.
    pub path: Vec<usize>,
    /// Each token's margin (empty where the path is all `O`).
    pub margins: Vec<f32>,
    /// The labels, KB rules applied.
    pub labels: Vec<NerLabel>,
    /// The gazetteer flags of the tokens.
    pub gaz: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Model {
    /// The labels the model predicts.
    pub fn labels(&self) -> &[NerLabel] {
        &self.labels
    }

    /// The feature groups the model uses.
    pub fn feature_set(&self) -> FeatureSet {
        self.features
    }

    /// Number of features (or, with hashing, buckets) with at least one stored weight.
    pub fn feature_count(&self) -> usize {
        if self.hash_bits > 0 {
            self.dense.windows(2).filter(|w| w[0] < w[1]).count()
        } else {
            self.index.len()
        }
    }

    /// Number of stored (label, weight) pairs.
    pub fn weight_count(&self) -> usize {
        self.entries.len()
    }

    /// The range in `entries` (and `packed`) of a feature key's weights.
    #[inline]
    fn range(&self, key: u32) -> std::ops::Range<usize> {
        let (a, b) = if self.hash_bits > 0 {
            let b = bucket(key, self.hash_bits) as usize;
            if self.occupied.get(b / 64).is_none_or(|w| w & (1 << (b % 64)) == 0) {
                return 0..0;
            }
            match self.dense.get(b..b + 2) {
                Some(&[a, e]) => (a, e),
                _ => (0, 0),
            }
        } else {
            self.index.get(&key).copied().unwrap_or((0, 0))
        };
        a as usize..b as usize
    }

    fn packed(mut self) -> Model {
        self.pack();
        self
    }

    /// Builds `packed` and `lut` from `entries` (8-bit weights only; they are on the grid of
    /// [`weight_of`], so each weight has exactly one code).
    pub(crate) fn pack(&mut self) {
        self.lattice = Lattice::new(self.labels.len(), &self.trans, &self.allowed);
        let l = self.labels.len();
        if let Some(second) = self.second.as_deref_mut() {
            second.pack(l, &self.trans[..(l + 1) * l], &self.allowed);
        }
        self.packed.clear();
        self.lut.clear();
        self.occupied = vec![0u64; self.dense.len().div_ceil(64)];
        for (b, w) in self.dense.windows(2).enumerate() {
            if w[0] < w[1] {
                self.occupied[b / 64] |= 1 << (b % 64);
            }
        }
        // the packed loop trusts the labels to be < L (the file reader checks them)
        if self.weight_bits != 8 || self.entries.iter().any(|&(y, _)| usize::from(y) >= self.labels.len()) {
            return;
        }
        self.lut = (0..=255u8)
            .map(|c| weight_of(i32::from(c as i8), 8, self.scale))
            .collect();
        let scale = self.scale;
        self.packed = self
            .entries
            .iter()
            .map(|&(y, w)| {
                let q = (w.abs() / scale).sqrt().round().min(127.0) as i8;
                [y, if w < 0.0 { -q } else { q } as u8]
            })
            .collect();
    }

    /// Every stored feature (key or bucket) with its range in `entries`, sorted by key.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn feature_ranges(&self) -> Vec<(u32, (u32, u32))> {
        let mut out: Vec<(u32, (u32, u32))> = if self.hash_bits > 0 {
            (0..self.dense.len().saturating_sub(1))
                .filter(|&b| self.dense[b] < self.dense[b + 1])
                .map(|b| (b as u32, (self.dense[b], self.dense[b + 1])))
                .collect()
        } else {
            self.index.iter().map(|(&k, &r)| (k, r)).collect()
        };
        out.sort_unstable();
        out
    }

    /// Labels one sentence; consults the embedded knowledge base if the model was trained with the
    /// gazetteer features or the KB rules.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<NerLabel> {
        let uses_kb = self.features.has(FeatureSet::GAZETTEER) || self.features.has(FeatureSet::KB_RULES);
        self.tag_tokens_with(tokens, uses_kb.then(|| kb_gazetteer() as &dyn Gazetteer))
    }

    /// Labels one sentence, consulting a gazetteer (only useful if the model was trained with it).
    pub fn tag_tokens_with(&self, tokens: &[&str], gazetteer: Option<&dyn Gazetteer>) -> Vec<NerLabel> {
        self.tag_tokens_inner(tokens, gazetteer, false).0
    }

    /// [`Model::tag_tokens`] with each token's margin: how much the best label sequence scores above the
    /// best one that labels this token otherwise (model units; see [`super::span_confidence`]).
    pub fn tag_tokens_scored(&self, tokens: &[&str]) -> (Vec<NerLabel>, Vec<f32>) {
        let uses_kb = self.features.has(FeatureSet::GAZETTEER) || self.features.has(FeatureSet::KB_RULES);
        self.tag_tokens_inner(tokens, uses_kb.then(|| kb_gazetteer() as &dyn Gazetteer), true)
    }

    /// The first pass as the lab's stacked second pass needs it ([`FirstPass`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn first_pass(&self, tokens: &[&str]) -> FirstPass {
        let uses_kb = self.features.has(FeatureSet::GAZETTEER) || self.features.has(FeatureSet::KB_RULES);
        let mut scratch = Scratch::default();
        let (labels, margins) = self.tag_tokens_in(
            tokens,
            uses_kb.then(|| kb_gazetteer() as &dyn Gazetteer),
            true,
            &mut scratch,
        );
        FirstPass {
            emit: scratch.emit,
            path: scratch.path,
            margins,
            labels,
            gaz: scratch.gaz,
        }
    }

    fn tag_tokens_inner(
        &self,
        tokens: &[&str],
        gazetteer: Option<&dyn Gazetteer>,
        scored: bool,
    ) -> (Vec<NerLabel>, Vec<f32>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.tag_tokens_in(tokens, gazetteer, scored, &mut scratch),
            // re-entered (a gazetteer that tags?): fresh buffers
            Err(_) => self.tag_tokens_in(tokens, gazetteer, scored, &mut Scratch::default()),
        })
    }

    /// [`Model::tag_tokens_inner`] with the buffers given: features, emission scores, Viterbi, margins, rules.
    fn tag_tokens_in(
        &self,
        tokens: &[&str],
        gazetteer: Option<&dyn Gazetteer>,
        scored: bool,
        scratch: &mut Scratch,
    ) -> (Vec<NerLabel>, Vec<f32>) {
        let Scratch {
            keys,
            offsets,
            gaz,
            emit,
            classes,
            ..
        } = scratch;
        gaz.clear();
        if let Some(g) = gazetteer {
            g.annotate(tokens, gaz);
        }
        sentence_features(tokens, self.features, &self.lexicon, gaz, keys, offsets);
        self.emissions(tokens.len(), keys, offsets, emit);
        let k = transition_classes(self.features);
        classes.clear();
        classes.extend(
            tokens
                .iter()
                .map(|t| if k > 1 { token_class(t, &self.lexicon) } else { 0 }),
        );
        // with a second pass the first pass's margins are needed only as its feature
        let needed = match self.second {
            None => scored,
            Some(_) => self.features.has(FeatureSet::STACK_CONFIDENCE),
        };
        let (labels, margin) = self.decode(tokens.len(), &self.trans, &self.lattice, needed, scratch);
        match self.second.as_deref() {
            None => (labels, margin),
            // no name found: the first pass's output stands (its margins were not needed: a sentence without
            // a name has none)
            Some(_) if self.features.has(FeatureSet::STACK_NAMED) && !self.found_name(&labels, &scratch.path) => {
                (labels, margin)
            }
            Some(second) if self.features.has(FeatureSet::STACK_WINDOWS) => {
                self.second_pass_windows(second, tokens, scored, &labels, &margin, scratch)
            }
            Some(second) => self.second_pass(second, tokens, scored, labels, &margin, scratch),
        }
    }

    /// Whether a pass found a name: a label other than `O` in its best path or after the KB rules (the second
    /// pass's gate with [`FeatureSet::STACK_NAMED`]).
    pub(crate) fn found_name(&self, labels: &[NerLabel], path: &[usize]) -> bool {
        labels.iter().any(|&y| y != NerLabel::Outside) || path.iter().any(|&y| self.labels[y] != NerLabel::Outside)
    }

    /// The stacked second pass ([`FeatureSet::STACK`]) after the first one (`labels`, KB rules applied; `margin`
    /// only with [`FeatureSet::STACK_CONFIDENCE`]; `scratch` holds the first pass's emission scores): features of
    /// the first pass's labels, added to the same emission scores, a second Viterbi, margins, rules.
    fn second_pass(
        &self,
        second: &SecondPass,
        tokens: &[&str],
        scored: bool,
        labels: Vec<NerLabel>,
        margin: &[f32],
        scratch: &mut Scratch,
    ) -> (Vec<NerLabel>, Vec<f32>) {
        let Scratch {
            keys,
            offsets,
            emit,
            classes,
            ..
        } = scratch;
        if self.features.has(FeatureSet::STACK_CONFIDENCE) {
            second_keys(tokens, &labels, margin, self.features, &self.lexicon, keys, offsets);
            second.add_emissions(self.labels.len(), keys, offsets, emit);
        } else {
            let l = self.labels.len();
            second.add_direct(l, tokens, &labels, self.features, &self.lexicon, 0..tokens.len(), emit);
        }
        classes.fill(0);
        self.decode(tokens.len(), &second.trans, &second.lattice, scored, scratch)
    }

    /// One pass's decoding over the emission scores in `scratch`: Viterbi with `trans`, the margins when
    /// `with_margins` (only where a span was found: a sentence labelled all `O` skips the backward pass), the
    /// labels, and the KB rules.
    fn decode(
        &self,
        n: usize,
        trans: &[f32],
        lattice: &Lattice,
        with_margins: bool,
        scratch: &mut Scratch,
    ) -> (Vec<NerLabel>, Vec<f32>) {
        let Scratch {
            gaz,
            emit,
            classes,
            path,
            score,
            back,
            backward,
            ..
        } = scratch;
        viterbi_scored(n, emit, trans, classes, lattice, path, score, back);
        let margin = if with_margins && path.iter().any(|&y| self.labels[y] != NerLabel::Outside) {
            margins(emit, classes, lattice, path, score, backward)
        } else {
            Vec::new()
        };
        let mut labels: Vec<NerLabel> = path.iter().map(|&y| self.labels[y]).collect();
        if self.features.has(FeatureSet::KB_RULES) && !gaz.is_empty() {
            apply_rules(gaz, &mut labels);
        }
        (labels, margin)
    }

    /// The emission scores (`n × L`, into `emit`) of `n` tokens whose feature keys are
    /// `keys[offsets[i]..offsets[i + 1]]`: each key's stored weights, summed in key order.
    // kept out of line: one function per step in profiles (`node --cpu-prof`), and not slower
    #[inline(never)]
    fn emissions(&self, n: usize, keys: &[u32], offsets: &[usize], emit: &mut Vec<f32>) {
        let l = self.labels.len();
        emit.clear();
        emit.resize(n * l, 0.0);
        if self.hash_bits > 0 && !self.packed.is_empty() {
            self.emissions_packed(n, keys, offsets, emit);
        } else {
            self.emissions_unpacked(keys, offsets, emit);
        }
        if self.o_bias != 0.0 {
            // one subtraction per token
            let o = self.outside();
            let mut i = 0;
            while i < n {
                emit[i * l + o] -= self.o_bias;
                i += 1;
            }
        }
    }

    /// [`Model::emissions`] without packed weights (16-bit or unhashed models: the lab's).
    fn emissions_unpacked(&self, keys: &[u32], offsets: &[usize], emit: &mut [f32]) {
        let l = self.labels.len();
        for (row, o) in emit.chunks_exact_mut(l.max(1)).zip(offsets.windows(2)) {
            for &key in &keys[o[0]..o[1]] {
                let r = self.range(key);
                if self.packed.is_empty() {
                    for &(y, w) in &self.entries[r] {
                        row[y as usize] += w;
                    }
                } else {
                    for &[y, q] in &self.packed[r] {
                        row[y as usize] += self.lut[q as usize];
                    }
                }
            }
        }
    }

    /// [`Model::emissions`] of a hashed model with packed weights: the hot loop of tagging. Written with
    /// `while` loops and plain slice indexing because the wasm is built for size (`opt-level = "z"`), where
    /// range iterators and range indexing stay function calls (profiled with `node --cpu-prof`).
    fn emissions_packed(&self, n: usize, keys: &[u32], offsets: &[usize], emit: &mut [f32]) {
        let l = self.labels.len();
        let (dense, occupied, packed, lut) = (&self.dense[..], &self.occupied[..], &self.packed[..], &self.lut[..]);
        let shift = 32 - u32::from(self.hash_bits);
        let mut i = 0;
        while i < n {
            let base = i * l;
            let mut j = offsets[i];
            let end = offsets[i + 1];
            while j < end {
                let b = (keys[j].wrapping_mul(0x9E37_79B1) >> shift) as usize;
                j += 1;
                if occupied[b / 64] & (1 << (b % 64)) == 0 {
                    continue;
                }
                let (mut a, e) = (dense[b] as usize, dense[b + 1] as usize);
                while a < e {
                    let [y, q] = packed[a];
                    emit[base + y as usize] += lut[q as usize];
                    a += 1;
                }
            }
            i += 1;
        }
    }
}
