//! The tagger: an averaged structured perceptron over hashed features with first-order Viterbi
//! decoding, its training, and its compact model file.
//!
//! Why a perceptron and not a CRF: it trains in seconds to minutes on 2 cores (CRF L-BFGS needs many
//! passes), needs no dependency (no `rand`/`getrandom` in the wasm), and with averaging reaches CRF-like
//! accuracy on NER. The model file stores only non-zero weights, quantised to `i16`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::data::Sentence;
use super::features::{FeatureSet, Gazetteer, Lexicon, TOKEN_CLASSES, sentence_features, token_class};
use super::gazetteer::{apply_rules, kb_gazetteer};
use super::{NerError, NerLabel};

/// The model compiled into the app (written by `presseschau train-ner`).
static EMBEDDED: &[u8] = include_bytes!("model.bin");

/// The embedded model, parsed on first use.
pub fn embedded() -> Result<&'static Model, &'static NerError> {
    static MODEL: OnceLock<Result<Model, NerError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(EMBEDDED)).as_ref()
}

/// A hasher for keys that are already hashes (feature keys): passes the value through.
#[derive(Default)]
struct IdentityHasher(u64);

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

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<IdentityHasher>>;

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the data. Range 1–30, default 10: more passes fit the training data closer; with
    /// averaging the held-out score is flat after about 8.
    pub epochs: usize,
    /// Seed of the shuffle between epochs (same seed, same data → same model). Default 42.
    pub seed: u64,
    /// Train the 12 fine GermEval labels (`LOCderiv`, `ORGpart`, …) instead of the 4 coarse kinds.
    /// Default true.
    pub fine: bool,
    /// Feature groups. Default: [`FeatureSet::all`] but bigrams (bigrams did not help held-out F1:
    /// 53.6 without, 53.2 with, and they double the model); class transitions are off (held-out
    /// 58.99 → 59.54, 59.15 → 59.30, 58.64 → 58.25 over three seeds, CV 63.11 → 62.76: noise).
    pub features: FeatureSet,
    /// Features seen fewer times are dropped before training. Range 1–5, default 2: dropping
    /// features seen once shrinks the model from 2.4 to 1.2 MB gzip at no measured cost in held-out F1.
    pub min_count: u32,
    /// Averaged weights with a smaller magnitude are pruned from the model file. Range 0–0.5,
    /// default 0.02. Averaged perceptron weights are mostly large, so this prunes little (0.4 saves
    /// only ~5 %); [`TrainConfig::min_count`] is the effective size knob.
    pub min_weight: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 42,
            fine: true,
            features: FeatureSet(FeatureSet::all().0 & !FeatureSet::BIGRAM),
            min_count: 2,
            min_weight: 0.02,
        }
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    labels: Vec<NerLabel>,
    features: FeatureSet,
    lexicon: Lexicon,
    /// feature key → range in `entries`
    index: KeyMap<(u32, u32)>,
    /// (label index, weight)
    entries: Vec<(u8, f32)>,
    /// `K × (L + 1) × L` transition weights, one matrix per class of the token the transition leads to
    /// (`K` = 1, or [`TOKEN_CLASSES`] with [`FeatureSet::CLASS_TRANSITIONS`]); row 0 is the sentence start.
    trans: Vec<f32>,
    /// `(L + 1) × L`: whether the transition is well-formed BIO.
    allowed: Vec<bool>,
}

impl Model {
    /// The word lists learned with the model (common nouns, words seen in lower case).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

/// Which transitions BIO allows: `I-X` only after `B-X` or `I-X`. Row 0 is the sentence start.
fn allowed_transitions(labels: &[NerLabel]) -> Vec<bool> {
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
fn transition_classes(set: FeatureSet) -> usize {
    if set.has(FeatureSet::CLASS_TRANSITIONS) {
        TOKEN_CLASSES
    } else {
        1
    }
}

/// The transition matrix index of each token (all 0 with one matrix).
fn classes_of(tokens: &[&str], k: usize, lexicon: &Lexicon) -> Vec<usize> {
    tokens
        .iter()
        .map(|t| if k > 1 { token_class(t, lexicon) } else { 0 })
        .collect()
}

/// Best label sequence for `n` tokens given emission scores (`n × L`), `K × (L + 1) × L` transition
/// weights and the matrix (`classes[i]` < K) of the transition into each token.
///
/// Only well-formed transitions are tried: each label's allowed predecessors (all labels for `O` and
/// `B-X`, two for `I-X`) are listed once per call with their weights, in ascending order so ties are
/// broken as by a full scan (first best predecessor wins).
fn viterbi(n: usize, l: usize, emit: &[f32], trans: &[f32], classes: &[usize], allowed: &[bool]) -> Vec<usize> {
    let m = (l + 1) * l;
    if n == 0 || l == 0 || classes.len() < n || classes.iter().any(|&c| (c + 1) * m > trans.len()) {
        return vec![0; n];
    }
    let k = trans.len() / m;
    // predecessors of label y under matrix c: preds[starts[c * l + y]..starts[c * l + y + 1]]
    let mut preds: Vec<(usize, f32)> = Vec::with_capacity(k * l * l);
    let mut starts = Vec::with_capacity(k * l + 1);
    for c in 0..k {
        for y in 0..l {
            starts.push(preds.len());
            for p in 0..l {
                let t = (p + 1) * l + y;
                if allowed[t] {
                    preds.push((p, trans[c * m + t]));
                }
            }
        }
    }
    starts.push(preds.len());
    let mut score = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u16; n * l];
    for y in 0..l {
        if allowed[y] {
            score[y] = trans[classes[0] * m + y] + emit[y];
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i * l);
        let prev = &done[(i - 1) * l..];
        let cur = &mut rest[..l];
        let row_emit = &emit[i * l..(i + 1) * l];
        let row_back = &mut back[i * l..(i + 1) * l];
        let base = classes[i] * l;
        for y in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &(p, t) in &preds[starts[base + y]..starts[base + y + 1]] {
                let s = prev[p] + t;
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            cur[y] = best + row_emit[y];
            row_back[y] = arg as u16;
        }
    }
    let mut y = (0..l).fold(0, |b, y| {
        if score[(n - 1) * l + y] > score[(n - 1) * l + b] {
            y
        } else {
            b
        }
    });
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = y;
        if i > 0 {
            y = back[i * l + y] as usize;
        }
    }
    path
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

    /// Number of features with at least one stored weight.
    pub fn feature_count(&self) -> usize {
        self.index.len()
    }

    /// Labels one sentence; consults the embedded knowledge base if the model was trained with the
    /// gazetteer features or the KB rules.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<NerLabel> {
        let uses_kb = self.features.has(FeatureSet::GAZETTEER) || self.features.has(FeatureSet::KB_RULES);
        self.tag_tokens_with(tokens, uses_kb.then(|| kb_gazetteer() as &dyn Gazetteer))
    }

    /// Labels one sentence, consulting a gazetteer (only useful if the model was trained with it).
    pub fn tag_tokens_with(&self, tokens: &[&str], gazetteer: Option<&dyn Gazetteer>) -> Vec<NerLabel> {
        let l = self.labels.len();
        let (mut keys, mut offsets, mut gaz) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(g) = gazetteer {
            g.annotate(tokens, &mut gaz);
        }
        sentence_features(tokens, self.features, &self.lexicon, &gaz, &mut keys, &mut offsets);
        let mut emit = vec![0f32; tokens.len() * l];
        for i in 0..tokens.len() {
            let row = &mut emit[i * l..(i + 1) * l];
            for key in &keys[offsets[i]..offsets[i + 1]] {
                if let Some(&(a, b)) = self.index.get(key) {
                    for &(y, w) in &self.entries[a as usize..b as usize] {
                        row[y as usize] += w;
                    }
                }
            }
        }
        let classes = classes_of(tokens, transition_classes(self.features), &self.lexicon);
        let mut labels: Vec<NerLabel> = viterbi(tokens.len(), l, &emit, &self.trans, &classes, &self.allowed)
            .into_iter()
            .map(|y| self.labels[y])
            .collect();
        if self.features.has(FeatureSet::KB_RULES) && !gaz.is_empty() {
            apply_rules(&gaz, &mut labels);
        }
        labels
    }

    /// Trains a model. `progress` is called after each epoch with (epoch, share of training tokens
    /// labelled correctly in that epoch).
    pub fn train(
        sentences: &[Sentence],
        config: &TrainConfig,
        progress: &mut dyn FnMut(usize, f32),
    ) -> Result<Model, NerError> {
        Self::train_with(sentences, &[], config, progress)
    }

    /// [`Model::train`] with unlabelled sentences (tokens only) that enlarge the common-noun and
    /// lower-case word lists ([`Lexicon::add_unlabeled`]).
    pub fn train_with(
        sentences: &[Sentence],
        unlabeled: &[Vec<String>],
        config: &TrainConfig,
        progress: &mut dyn FnMut(usize, f32),
    ) -> Result<Model, NerError> {
        let sentences: Vec<&Sentence> = sentences.iter().filter(|s| !s.tokens.is_empty()).collect();
        if sentences.is_empty() {
            return Err(NerError::NoTrainingData);
        }
        let norm = |y: NerLabel| if config.fine { y } else { y.coarse() };
        let mut labels: Vec<NerLabel> = sentences
            .iter()
            .flat_map(|s| s.labels.iter().map(|&y| norm(y)))
            .collect();
        labels.push(NerLabel::Outside);
        labels.sort();
        labels.dedup();
        if labels.len() > 255 {
            return Err(NerError::BadModel("too many labels".into()));
        }
        let l = labels.len();
        let label_id: HashMap<NerLabel, usize> = labels.iter().enumerate().map(|(i, &y)| (y, i)).collect();
        let gold: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| s.labels.iter().map(|&y| label_id[&norm(y)]).collect())
            .collect();
        fn named<'a>(s: &&'a Sentence) -> (&'a [String], Vec<bool>) {
            (
                s.tokens.as_slice(),
                s.labels.iter().map(|y| y.fine().is_some()).collect(),
            )
        }
        let mut lexicon = Lexicon::derive(sentences.iter().map(named));
        if !unlabeled.is_empty() {
            lexicon.add_unlabeled(unlabeled.iter().map(Vec::as_slice), sentences.iter().map(named));
        }

        // features → dense ids (first-seen order, so ids are deterministic)
        let (mut keys, mut offsets, mut gaz) = (Vec::new(), Vec::new(), Vec::new());
        let mut counts: KeyMap<u32> = KeyMap::default();
        let mut sent_keys: Vec<(Vec<u32>, Vec<usize>)> = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            if config.features.has(FeatureSet::GAZETTEER) {
                kb_gazetteer().annotate(&toks, &mut gaz);
            }
            sentence_features(&toks, config.features, &lexicon, &gaz, &mut keys, &mut offsets);
            for &k in &keys {
                *counts.entry(k).or_default() += 1;
            }
            sent_keys.push((keys.clone(), offsets.clone()));
        }
        let mut ids: KeyMap<u32> = KeyMap::default();
        let mut id_keys: Vec<u32> = Vec::new();
        let data: Vec<(Vec<u32>, Vec<usize>)> = sent_keys
            .into_iter()
            .map(|(ks, offs)| {
                let mut out = Vec::with_capacity(ks.len());
                let mut new_offs = Vec::with_capacity(offs.len());
                for w in offs.windows(2) {
                    new_offs.push(out.len());
                    for &k in &ks[w[0]..w[1]] {
                        if counts[&k] >= config.min_count {
                            let id = *ids.entry(k).or_insert_with(|| {
                                id_keys.push(k);
                                (id_keys.len() - 1) as u32
                            });
                            out.push(id);
                        }
                    }
                }
                new_offs.push(out.len());
                (out, new_offs)
            })
            .collect();
        drop(counts);

        let nf = id_keys.len();
        let mut w = vec![0i32; nf * l];
        let mut u = vec![0i64; nf * l];
        let k = transition_classes(config.features);
        let m = (l + 1) * l;
        let mut tw = vec![0i32; k * m];
        let mut tu = vec![0i64; k * m];
        let allowed = allowed_transitions(&labels);
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = config.seed ^ 0x2545_F491_4F6C_DD1D;
        let mut c: i64 = 1;
        let mut emit = Vec::new();
        let mut trans_f = vec![0f32; k * m];
        let classes: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| classes_of(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>(), k, &lexicon))
            .collect();
        for epoch in 0..config.epochs {
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            let (mut correct, mut total) = (0usize, 0usize);
            for &si in &order {
                let (ks, offs) = &data[si];
                let g = &gold[si];
                let n = g.len();
                emit.clear();
                emit.resize(n * l, 0f32);
                for i in 0..n {
                    for &f in &ks[offs[i]..offs[i + 1]] {
                        let base = f as usize * l;
                        for y in 0..l {
                            emit[i * l + y] += w[base + y] as f32;
                        }
                    }
                }
                for (t, &x) in trans_f.iter_mut().zip(&tw) {
                    *t = x as f32;
                }
                let cls = &classes[si];
                let pred = viterbi(n, l, &emit, &trans_f, cls, &allowed);
                total += n;
                for i in 0..n {
                    if pred[i] == g[i] {
                        correct += 1;
                        continue;
                    }
                    for &f in &ks[offs[i]..offs[i + 1]] {
                        let base = f as usize * l;
                        w[base + g[i]] += 1;
                        u[base + g[i]] += c;
                        w[base + pred[i]] -= 1;
                        u[base + pred[i]] -= c;
                    }
                }
                for i in 0..n {
                    let (gp, pp) = if i == 0 {
                        (0, 0)
                    } else {
                        (g[i - 1] + 1, pred[i - 1] + 1)
                    };
                    if gp != pp || g[i] != pred[i] {
                        let base = cls[i] * m;
                        tw[base + gp * l + g[i]] += 1;
                        tu[base + gp * l + g[i]] += c;
                        tw[base + pp * l + pred[i]] -= 1;
                        tu[base + pp * l + pred[i]] -= c;
                    }
                }
                c += 1;
            }
            progress(epoch + 1, correct as f32 / total.max(1) as f32);
        }
        let avg = |w: i32, u: i64| (f64::from(w) - u as f64 / c as f64) as f32;
        let trans: Vec<f32> = tw.iter().zip(&tu).map(|(&w, &u)| avg(w, u)).collect();
        let mut index = KeyMap::default();
        let mut entries = Vec::new();
        let mut order_keys: Vec<usize> = (0..nf).collect();
        order_keys.sort_by_key(|&f| id_keys[f]);
        for f in order_keys {
            let start = entries.len() as u32;
            for y in 0..l {
                let v = avg(w[f * l + y], u[f * l + y]);
                if v.abs() >= config.min_weight && v != 0.0 {
                    entries.push((y as u8, v));
                }
            }
            if entries.len() as u32 > start {
                index.insert(id_keys[f], (start, entries.len() as u32));
            }
        }
        Ok(Model {
            labels,
            features: config.features,
            lexicon,
            index,
            entries,
            trans,
            allowed,
        })
    }

    /// Serialises the model (format: see [`Model::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.features.0.to_le_bytes());
        out.push(self.labels.len() as u8);
        for y in &self.labels {
            put_str(&mut out, &y.to_string());
        }
        let max = self
            .entries
            .iter()
            .map(|e| e.1.abs())
            .chain(self.trans.iter().map(|t| t.abs()))
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        let q = |v: f32| ((v / scale).round() as i32).clamp(-32767, 32767) as i16;
        for &t in &self.trans {
            out.extend_from_slice(&q(t).to_le_bytes());
        }
        for set in [&self.lexicon.common_nouns, &self.lexicon.lower_seen] {
            let mut words: Vec<&String> = set.iter().filter(|w| w.len() < 256).collect();
            words.sort();
            out.extend_from_slice(&(words.len() as u32).to_le_bytes());
            for word in words {
                put_str(&mut out, word);
            }
        }
        let mut feats: Vec<(u32, (u32, u32))> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        feats.sort_unstable();
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        // columnar: key deltas (varint), entry counts, labels, weights — compresses better
        let mut prev = 0u32;
        for &(k, _) in &feats {
            put_varint(&mut out, k - prev);
            prev = k;
        }
        for &(_, (a, b)) in &feats {
            out.push((b - a) as u8);
        }
        for &(_, (a, b)) in &feats {
            out.extend(self.entries[a as usize..b as usize].iter().map(|e| e.0));
        }
        for &(_, (a, b)) in &feats {
            for e in &self.entries[a as usize..b as usize] {
                out.extend_from_slice(&q(e.1).to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file: magic `PSNER1\n`, feature-set bits (u32 LE), labels (count u8, then
    /// length-prefixed strings), weight scale (f32), `K × (L + 1) × L` transition weights (i16; K = 3 with
    /// [`FeatureSet::CLASS_TRANSITIONS`], else 1), the
    /// common-noun and lower-case word lists (count u32, length-prefixed strings), then the features
    /// column by column: count (u32), key deltas (LEB128), entry counts (u8), labels (u8), weights (i16).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(NerError::BadModel("not a Presseschau NER model (bad magic)".into()));
        }
        let features = FeatureSet(r.u32()?);
        let l = r.take(1)?[0] as usize;
        if l == 0 {
            return Err(NerError::BadModel("no labels".into()));
        }
        let labels = (0..l)
            .map(|_| r.string()?.parse())
            .collect::<Result<Vec<NerLabel>, NerError>>()?;
        let scale = f32::from_le_bytes(r.array()?);
        let trans = (0..transition_classes(features) * (l + 1) * l)
            .map(|_| Ok(f32::from(r.i16()?) * scale))
            .collect::<Result<Vec<f32>, NerError>>()?;
        let mut lists = Vec::new();
        for _ in 0..2 {
            let n = r.u32()? as usize;
            let mut set = std::collections::HashSet::with_capacity(n.min(1 << 20));
            for _ in 0..n {
                set.insert(r.string()?);
            }
            lists.push(set);
        }
        let lower_seen = lists.pop().unwrap_or_default();
        let common_nouns = lists.pop().unwrap_or_default();
        let nf = r.u32()? as usize;
        if nf > bytes.len() {
            return Err(NerError::BadModel("feature count larger than the file".into()));
        }
        let mut keys = Vec::with_capacity(nf);
        let mut prev = 0u32;
        for _ in 0..nf {
            prev = prev.wrapping_add(r.varint()?);
            keys.push(prev);
        }
        let counts = r.take(nf)?.to_vec();
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let ys = r.take(total)?.to_vec();
        if let Some(&bad) = ys.iter().find(|&&y| y as usize >= l) {
            return Err(NerError::BadModel(format!("label index {bad} out of range")));
        }
        let mut entries = Vec::with_capacity(total);
        for &y in &ys {
            entries.push((y, f32::from(r.i16()?) * scale));
        }
        if r.pos != bytes.len() {
            return Err(NerError::BadModel("trailing bytes".into()));
        }
        let mut index = KeyMap::default();
        index.reserve(nf);
        let mut a = 0u32;
        for (k, c) in keys.into_iter().zip(counts) {
            index.insert(k, (a, a + u32::from(c)));
            a += u32::from(c);
        }
        let allowed = allowed_transitions(&labels);
        Ok(Model {
            labels,
            features,
            lexicon: Lexicon {
                common_nouns,
                lower_seen,
            },
            index,
            entries,
            trans,
            allowed,
        })
    }
}

const MAGIC: &[u8] = b"PSNER1\n";

fn put_str(out: &mut Vec<u8>, s: &str) {
    let b = &s.as_bytes()[..s.len().min(255)];
    out.push(b.len() as u8);
    out.extend_from_slice(b);
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A bounds-checked reader over the model bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| {
                NerError::BadModel(format!("truncated at byte {} (model file empty or cut off)", self.pos))
            })?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn i16(&mut self) -> Result<i16, NerError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    fn string(&mut self) -> Result<String, NerError> {
        let n = self.take(1)?[0] as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| NerError::BadModel("string not UTF-8".into()))
    }
    fn varint(&mut self) -> Result<u32, NerError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(NerError::BadModel("varint too long".into()))
    }
}
