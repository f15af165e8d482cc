//! Training the NER model (averaged structured perceptron) and writing its model file.

use std::collections::HashMap;

use super::data::Sentence;
pub use super::pa::Update;
use crate::core::analysis::ner::features::{
    FeatureSet, Gazetteer, Lexicon, placeholder, placeholder_id_key, sentence_features,
};
use crate::core::analysis::ner::gazetteer::kb_gazetteer;
use crate::core::analysis::ner::model::{
    KeyMap, MAGIC, SecondPass, allowed_transitions, bucket, classes_of, transition_classes, viterbi,
};
use crate::core::analysis::ner::{Model, NerError, NerLabel};

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
    /// 53.6 without, 53.2 with, and they double the model), plus `casing`, `placeholder-shape` and
    /// `placeholder-id` (dev 69.35 → 69.35 → 69.83 → 70.38, `docs/ner.md`) and `compound-head` (round 5: dev
    /// mean of four seeds 70.47 → 70.90, per seed −0.01 to +1.16); class transitions are off (held-out 58.99 → 59.54,
    /// 59.15 → 59.30, 58.64 → 58.25 over three seeds, CV 63.11 → 62.76: noise).
    pub features: FeatureSet,
    /// Features seen fewer times are dropped before training. Range 1–5, default 3: dropping features
    /// seen once shrank the issue-4 model from 2.4 to 1.2 MB gzip at no measured cost; 2 → 3 (with
    /// `lower_min_count` 2 → 5) saves 10 % of the issue-12 model for −0.4 dev F1.
    pub min_count: u32,
    /// Averaged weights with a smaller magnitude (after [`TrainConfig::shift`]) are pruned from the model
    /// file. Range 0–4, default 1.5: the knee of the size curve in `docs/ner.md` (half the weights gone
    /// at no measured cost; 2.0 costs a point).
    pub min_weight: f32,
    /// Feature keys are folded into `2^hash_bits` buckets, in training as in tagging (colliding features
    /// share weights). Range 0 (no hashing) or 14–24.
    pub hash_bits: u8,
    /// Bits per weight in the model file: 16, or 8 (weights clipped at [`TrainConfig::weight_clip`] of
    /// their magnitudes and scaled to ±127).
    pub weight_bits: u8,
    /// With 8-bit weights: the quantile of weight magnitudes that maps to 127 (larger weights are
    /// clipped). Range 0.99–1.0.
    pub weight_clip: f32,
    /// Minimum lower-case occurrences (in the labelled and, separately, the unlabelled text) for a word
    /// to enter [`Lexicon::lower_seen`]. Range 1–10, default [`LOWER_SEEN_MIN_COUNT`]; higher shrinks
    /// the word list stored in the model.
    pub lower_min_count: u32,
    /// Shift each feature's weights by the constant that leaves the fewest of them at or above
    /// `min_weight` ([`sparsest_shift`]). Adding the same constant to every label's weight of a feature
    /// changes no decision (each token's scores all move together), so this only makes the file smaller.
    pub shift: bool,
    /// Cost-augmented training: while training, every label but the gold one gets this much extra score
    /// in decoding, so an update also happens where the gold sequence wins by less than the cost (a
    /// margin, in units of one update). Range 0–5, default 0 (the plain perceptron).
    pub margin: f32,
    /// Domain adaptation by feature copies ("frustratingly easy"): a sentence of another corpus
    /// ([`Sentence::domain`] ≠ 0) fires every feature twice, as itself and as a copy of its corpus's own;
    /// the copies take up what is peculiar to that corpus (its tag conventions, its text) and are not
    /// written to the model, so GermEval-like text is tagged with the shared weights. Needs hashing. Default
    /// true: dev F1 69.18 → 70.33 (seed 42), 69.69 → 70.24 (seed 7), and a smaller model (`docs/ner.md`).
    pub domain_adapt: bool,
    /// With [`FeatureSet::CLUSTERS`]: the number of word clusters ([`super::clusters`]). Range 2–256.
    pub cluster_k: usize,
    /// With [`FeatureSet::CLUSTERS`]: the most frequent capitalised words of the text that get a cluster.
    pub cluster_vocab: usize,
    /// With [`FeatureSet::CLUSTERS`]: placeholder ids of the train split get clusters too (from the split's
    /// text). Default false (dev 69.65 / 70.67 with, 70.32 without; `docs/ner.md`).
    pub cluster_placeholders: bool,
    /// Parameter mixing: train this many times from scratch, each with its own shuffle (seeds `seed`,
    /// `seed + 1`, …), and average the averaged weights. Range 1–5, default 3: the shuffle order alone moves
    /// dev F1 by up to a point; three runs averaged gave dev 70.90 → 71.23 (mean of four seeds, with
    /// compound heads) and a smaller model (fewer weights stay above `min_weight`). Costs training time, not tagging time.
    pub mix: usize,
    /// How the weights move on a training error ([`super::pa`]). Default the perceptron's unit steps.
    pub update: Update,
}

impl Default for TrainConfig {
    /// The committed model's settings (issue 12, `docs/ner.md`).
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 42,
            fine: true,
            features: FeatureSet(
                (FeatureSet::all().0 & !FeatureSet::BIGRAM)
                    | FeatureSet::CASING
                    | FeatureSet::PLACEHOLDER_SHAPE
                    | FeatureSet::PLACEHOLDER_ID
                    | FeatureSet::COMPOUND_HEAD,
            ),
            min_count: 3,
            min_weight: 1.5,
            hash_bits: 18,
            weight_bits: 8,
            weight_clip: 1.0,
            lower_min_count: 20,
            shift: true,
            margin: 0.0,
            domain_adapt: true,
            cluster_k: 128,
            cluster_vocab: 10_000,
            cluster_placeholders: false,
            mix: 3,
            update: Update::Perceptron,
        }
    }
}

impl Model {
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
        let mut lexicon = Lexicon::derive(sentences.iter().map(named), config.lower_min_count);
        if !unlabeled.is_empty() {
            lexicon.add_unlabeled(
                unlabeled.iter().map(Vec::as_slice),
                sentences.iter().map(named),
                config.lower_min_count,
            );
        }
        if config.features.has(FeatureSet::CLUSTERS) {
            let text = unlabeled
                .iter()
                .map(Vec::as_slice)
                .chain(sentences.iter().map(|s| s.tokens.as_slice()));
            lexicon.clusters = super::clusters::build(
                text,
                config.cluster_k,
                config.cluster_vocab,
                config.cluster_placeholders,
            );
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
            if config.hash_bits > 0 {
                for k in &mut keys {
                    *k = bucket(*k, config.hash_bits);
                }
                if config.domain_adapt && s.domain != 0 {
                    domain_copies(&mut keys, &mut offsets, s.domain);
                }
            }
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
        let mut emit = Vec::new();
        let mut trans_f = vec![0f32; k * m];
        let classes: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| classes_of(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>(), k, &lexicon))
            .collect();
        // the averaged weights, summed over the runs of `config.mix`
        let (mut acc, mut acc_t) = (vec![0f32; nf * l], vec![0f32; k * m]);
        for run in 0..config.mix.max(1) {
            if let Update::Pa { cost, cap } = config.update {
                let problem = super::pa::Problem {
                    data: &data,
                    gold: &gold,
                    classes: &classes,
                    allowed: &allowed,
                    l,
                    k,
                    nf,
                };
                let run_config = (config.epochs, config.seed + run as u64, config.margin);
                let (a, t) = super::pa::train_run(&problem, (cost, cap), run_config, progress);
                acc.iter_mut().zip(&a).for_each(|(x, y)| *x += y);
                acc_t.iter_mut().zip(&t).for_each(|(x, y)| *x += y);
                continue;
            }
            w.fill(0);
            u.fill(0);
            tw.fill(0);
            tu.fill(0);
            let mut order: Vec<usize> = (0..sentences.len()).collect();
            let mut rng = (config.seed + run as u64) ^ 0x2545_F491_4F6C_DD1D;
            let mut c: i64 = 1;
            for epoch in 0..config.epochs {
                super::shuffle(&mut order, &mut rng);
                let (mut correct, mut total) = (0usize, 0usize);
                for &si in &order {
                    let (ks, offs) = &data[si];
                    let g = &gold[si];
                    let n = g.len();
                    super::emissions(&mut emit, (ks, offs), g, l, config.margin, |i| w[i] as f32);
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
            for (a, (&w, &u)) in acc.iter_mut().zip(w.iter().zip(&u)) {
                *a += avg(w, u);
            }
            for (a, (&w, &u)) in acc_t.iter_mut().zip(tw.iter().zip(&tu)) {
                *a += avg(w, u);
            }
        }
        drop((w, u));
        let runs = config.mix.max(1) as f32;
        acc.iter_mut().chain(acc_t.iter_mut()).for_each(|a| *a /= runs);
        let trans = acc_t;
        // keys only training data can fire (placeholder ids) are not stored: real text never has them
        let mut train_only: std::collections::HashSet<u32> =
            id_keys.iter().copied().filter(|&k| k & DOMAIN_BIT != 0).collect();
        if config.features.has(FeatureSet::PLACEHOLDER_ID) && config.hash_bits == 0 {
            for s in &sentences {
                for t in &s.tokens {
                    if let Some(p) = placeholder(t)
                        && p.id != "oov"
                    {
                        train_only.insert(placeholder_id_key(p.id));
                    }
                }
            }
        }
        let mut index = KeyMap::default();
        let mut entries = Vec::new();
        let mut order_keys: Vec<usize> = (0..nf).collect();
        order_keys.sort_by_key(|&f| id_keys[f]);
        for f in order_keys {
            if train_only.contains(&id_keys[f]) {
                continue;
            }
            let start = entries.len() as u32;
            let ws: Vec<f32> = acc[f * l..(f + 1) * l].to_vec();
            let c = if config.shift {
                sparsest_shift(&ws, config.min_weight)
            } else {
                0.0
            };
            for (y, &v) in ws.iter().enumerate() {
                let v = v - c;
                if v.abs() >= config.min_weight && v != 0.0 {
                    entries.push((y as u8, v));
                }
            }
            if entries.len() as u32 > start {
                index.insert(id_keys[f], (start, entries.len() as u32));
            }
        }
        let mut dense = Vec::new();
        if config.hash_bits > 0 {
            dense = vec![0u32; (1usize << config.hash_bits) + 1];
            let mut ranges: Vec<(u32, (u32, u32))> = index.iter().map(|(&k, &r)| (k, r)).collect();
            ranges.sort_unstable();
            // re-order the entries by bucket so each bucket's range is contiguous and ascending
            let mut sorted = Vec::with_capacity(entries.len());
            let mut next = 0usize;
            for (k, (a, b)) in ranges {
                while next <= k as usize {
                    dense[next] = sorted.len() as u32;
                    next += 1;
                }
                sorted.extend_from_slice(&entries[a as usize..b as usize]);
            }
            for d in &mut dense[next..] {
                *d = sorted.len() as u32;
            }
            entries = sorted;
            index = KeyMap::default();
        }
        Ok(Model {
            labels,
            features: config.features,
            lexicon,
            hash_bits: config.hash_bits,
            index,
            dense,
            weight_bits: config.weight_bits,
            packed: Vec::new(),
            lut: Vec::new(),
            occupied: Vec::new(),
            scale: 1.0,
            entries,
            trans,
            allowed,
            lattice: Default::default(),
            second: None,
            o_bias: 0.0,
        }
        .with_clip(config.weight_clip))
    }

    /// A copy with weights of magnitude below `min_weight` dropped and stored with `weight_bits` bits (the
    /// size curve of `docs/ner.md`: one training, many model sizes).
    pub fn pruned(&self, min_weight: f32, weight_bits: u8, shift: bool) -> Model {
        let mut m = self.clone();
        m.weight_bits = weight_bits;
        let l = m.labels.len();
        let mut entries = Vec::with_capacity(m.entries.len());
        let mut ranges = Vec::new();
        for (k, (a, b)) in m.feature_ranges() {
            let mut ws = vec![0f32; l];
            for &(y, w) in &m.entries[a as usize..b as usize] {
                ws[y as usize] = w;
            }
            let c = if shift { sparsest_shift(&ws, min_weight) } else { 0.0 };
            let start = entries.len() as u32;
            for (y, &w) in ws.iter().enumerate() {
                if (w - c).abs() >= min_weight && w != c {
                    entries.push((y as u8, w - c));
                }
            }
            ranges.push((k, (start, entries.len() as u32)));
        }
        if m.hash_bits > 0 {
            let mut next = 0usize;
            for &(k, (a, _)) in &ranges {
                while next <= k as usize {
                    m.dense[next] = a;
                    next += 1;
                }
            }
            for d in &mut m.dense[next..] {
                *d = entries.len() as u32;
            }
        } else {
            m.index = ranges.into_iter().collect();
        }
        m.entries = entries;
        m.with_clip(1.0)
    }

    /// Prunes and quantises the weights as `to_bytes` will store them (8 bits: clipped at the `clip`
    /// quantile of magnitudes), so the model in memory tags exactly as the one read back from the file.
    fn with_clip(mut self, clip: f32) -> Model {
        let scale = self.scale(clip);
        self.scale = scale;
        let q = |v: f32| self.dequantise(self.quantise(v, scale), scale);
        // weights that round to 0 are dropped, and the ranges rebuilt
        let mut entries = Vec::with_capacity(self.entries.len());
        let mut ranges = Vec::new();
        for (k, (a, b)) in self.feature_ranges() {
            let start = entries.len() as u32;
            entries.extend(
                self.entries[a as usize..b as usize]
                    .iter()
                    .map(|&(y, w)| (y, q(w)))
                    .filter(|e| e.1 != 0.0),
            );
            if entries.len() as u32 > start {
                ranges.push((k, (start, entries.len() as u32)));
            }
        }
        if self.hash_bits > 0 {
            let mut next = 0usize;
            for &(k, (a, _)) in &ranges {
                while next <= k as usize {
                    self.dense[next] = a;
                    next += 1;
                }
            }
            for d in &mut self.dense[next..] {
                *d = entries.len() as u32;
            }
        } else {
            self.index = ranges.into_iter().collect();
        }
        self.entries = entries;
        self.trans = self
            .trans
            .iter()
            .map(|&t| (t / scale).round().clamp(-32767.0, 32767.0) * scale)
            .collect();
        self.pack();
        self
    }

    /// The weight unit: 16 bits store `round(w / scale)` with the largest magnitude at 32767; 8 bits store
    /// a signed square root, `w = scale · q · |q|`, with the `clip` quantile of magnitudes at 127 (fine
    /// steps for the many small weights, coarse ones for the few large).
    fn scale(&self, clip: f32) -> f32 {
        let mut mags: Vec<f32> = self.entries.iter().map(|e| e.1.abs()).collect();
        if self.weight_bits == 16 {
            let max = mags.iter().chain(self.trans.iter()).fold(0f32, |a, &b| a.max(b.abs()));
            return if max > 0.0 { max / 32767.0 } else { 1.0 };
        }
        mags.sort_by(f32::total_cmp);
        let at = ((mags.len() as f32 * clip) as usize).min(mags.len().saturating_sub(1));
        let max = mags.get(at).copied().unwrap_or(0.0);
        if max > 0.0 { max / (127.0 * 127.0) } else { 1.0 }
    }

    /// The stored integer of a weight (see [`Model::scale`]).
    fn quantise(&self, v: f32, scale: f32) -> i32 {
        if self.weight_bits == 8 {
            let q = (v.abs() / scale).sqrt().round().min(127.0) as i32;
            if v < 0.0 { -q } else { q }
        } else {
            ((v / scale).round() as i32).clamp(-32767, 32767)
        }
    }

    /// The weight an integer of [`Model::quantise`] stands for.
    fn dequantise(&self, q: i32, scale: f32) -> f32 {
        crate::core::analysis::ner::model::weight_of(q, self.weight_bits, scale)
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
        out.push(self.hash_bits);
        out.push(self.weight_bits);
        // the weights are already on the grid (`with_clip`)
        let scale = self.scale;
        out.extend_from_slice(&scale.to_le_bytes());
        for &t in &self.trans {
            let v = ((t / scale).round() as i32).clamp(-32767, 32767) as i16;
            out.extend_from_slice(&v.to_le_bytes());
        }
        for set in [&self.lexicon.common_nouns, &self.lexicon.lower_seen] {
            put_words(&mut out, set.iter().collect());
        }
        if self.features.has(FeatureSet::CLUSTERS) {
            // placeholder ids (`<…`) only training can fire
            let words = put_words(
                &mut out,
                self.lexicon.clusters.keys().filter(|w| !w.starts_with('<')).collect(),
            );
            out.extend(words.iter().map(|w| self.lexicon.clusters[*w]));
        }
        let feats = self.feature_ranges();
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
                let v = self.quantise(e.1, scale);
                if self.weight_bits == 8 {
                    out.push(v as i8 as u8);
                } else {
                    out.extend_from_slice(&(v as i16).to_le_bytes());
                }
            }
        }
        if let Some(second) = self.second.as_deref() {
            put_second(&mut out, second);
        }
        if self.features.has(FeatureSet::O_BIAS) {
            out.extend_from_slice(&self.o_bias.to_le_bytes());
        }
        out
    }
}

/// The stacked second pass (format: `Reader::second_pass` in `model/format.rs`); its weights are on the
/// grid of [`SECOND_STEP`] already ([`super::stack`]).
fn put_second(out: &mut Vec<u8>, second: &SecondPass) {
    let q = |w: f32| (((w / SECOND_STEP).round() as i32).clamp(-32767, 32767) as i16).to_le_bytes();
    out.extend_from_slice(&SECOND_STEP.to_le_bytes());
    for &d in &second.delta {
        out.extend_from_slice(&q(d));
    }
    let mut feats: Vec<(u32, (u32, u32))> = second.index.iter().map(|(&k, &r)| (k, r)).collect();
    feats.sort_unstable();
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for &(k, _) in &feats {
        put_varint(out, k - prev);
        prev = k;
    }
    for &(_, (a, b)) in &feats {
        out.push((b - a) as u8);
    }
    for &(_, (a, b)) in &feats {
        out.extend(second.entries[a as usize..b as usize].iter().map(|e| e.0));
    }
    for &(_, (a, b)) in &feats {
        for e in &second.entries[a as usize..b as usize] {
            out.extend_from_slice(&q(e.1));
        }
    }
}

/// The weight step of the second pass in the model file.
pub const SECOND_STEP: f32 = 1.0 / 16.0;

/// Marks the corpus copies of [`TrainConfig::domain_adapt`] (bucket numbers are below 2^24).
const DOMAIN_BIT: u32 = 1 << 31;

/// Adds to each token's (bucketed) keys a copy of each marked with `domain`.
fn domain_copies(keys: &mut Vec<u32>, offsets: &mut [usize], domain: u8) {
    let old = std::mem::take(keys);
    for i in 0..offsets.len() - 1 {
        let (a, b) = (offsets[i], offsets[i + 1]);
        offsets[i] = keys.len();
        keys.extend_from_slice(&old[a..b]);
        keys.extend(old[a..b].iter().map(|&k| DOMAIN_BIT | (u32::from(domain) << 24) | k));
    }
    *offsets.last_mut().unwrap() = keys.len();
}

/// The constant to subtract from a feature's weights (one per label) so that the fewest stay at or above
/// `min_weight` in magnitude: 0 or one of the weights (ties: 0, then the first).
pub fn sparsest_shift(ws: &[f32], min_weight: f32) -> f32 {
    let kept = |c: f32| ws.iter().filter(|&&w| (w - c).abs() >= min_weight && w != c).count();
    let mut best = (kept(0.0), 0.0);
    for &c in ws {
        let n = kept(c);
        if n < best.0 {
            best = (n, c);
        }
    }
    best.1
}

/// Writes a word list (words of 256 bytes or more left out): count (u32), then the sorted words front-coded;
/// returns the words in the order written.
fn put_words<'a>(out: &mut Vec<u8>, mut words: Vec<&'a String>) -> Vec<&'a String> {
    words.retain(|w| w.len() < 256);
    words.sort();
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    let mut prev: &[u8] = &[];
    for word in &words {
        let w = word.as_bytes();
        let shared = w.iter().zip(prev).take_while(|(a, b)| a == b).count().min(255);
        out.push(shared as u8);
        out.push((w.len() - shared) as u8);
        out.extend_from_slice(&w[shared..]);
        prev = w;
    }
    words
}

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

/// Minimum number of mid-sentence capitalised occurrences for a word to count as a common noun.
/// Range 1–10, default 2: lower admits more noise, higher misses rarer nouns.
pub const COMMON_NOUN_MIN_COUNT: u32 = 2;
/// Minimum share of `O` labels among those occurrences. Range 0.5–1.0, default 0.9.
pub const COMMON_NOUN_MIN_O_SHARE: f32 = 0.9;
/// Minimum lower-case occurrences for [`Lexicon::lower_seen`]. Range 1–10, default 2.
pub const LOWER_SEEN_MIN_COUNT: u32 = 2;

/// Building the word lists (training only).
impl Lexicon {
    /// Derives the lists from labelled sentences (tokens with `true` = inside a name).
    pub fn derive<'a>(sentences: impl Iterator<Item = (&'a [String], Vec<bool>)>, lower_min: u32) -> Self {
        use std::collections::HashMap;
        let mut caps: HashMap<String, (u32, u32)> = HashMap::new();
        let mut lower: HashMap<String, u32> = HashMap::new();
        for (tokens, named) in sentences {
            for (i, t) in tokens.iter().enumerate() {
                let Some(first) = t.chars().next() else { continue };
                if first.is_lowercase() {
                    *lower.entry(t.clone()).or_default() += 1;
                } else if first.is_uppercase()
                    && i > 0
                    && !matches!(
                        tokens[i - 1].as_str(),
                        "." | "!" | "?" | ":" | "\"" | "„" | "“" | "(" | "-"
                    )
                    && t.chars().skip(1).all(char::is_lowercase)
                {
                    let e = caps.entry(t.to_lowercase()).or_default();
                    e.0 += 1;
                    if !named[i] {
                        e.1 += 1;
                    }
                }
            }
        }
        let common_nouns = caps
            .into_iter()
            .filter(|(_, (n, o))| *n >= COMMON_NOUN_MIN_COUNT && *o as f32 >= COMMON_NOUN_MIN_O_SHARE * *n as f32)
            .map(|(w, _)| w)
            .collect();
        let lower_seen = lower
            .into_iter()
            .filter(|(_, n)| *n >= lower_min)
            .map(|(w, _)| w)
            .collect();
        Lexicon {
            common_nouns,
            lower_seen,
            clusters: Default::default(),
        }
    }

    /// Adds nouns and lower-case words found in unlabelled text: a word written capitalised after a
    /// determiner (`der`, `eine`, `keinen`, …) at least [`UNLABELED_NOUN_MIN_COUNT`] times, in at
    /// least [`UNLABELED_NOUN_MIN_SHARE`] of its capitalised mid-sentence occurrences, is a common
    /// noun, unless `labelled` (the sentences of [`Lexicon::derive`]) shows it as a name more than
    /// once in ten. Names rarely follow a determiner in German, nouns almost always can.
    pub fn add_unlabeled<'a>(
        &mut self,
        text: impl Iterator<Item = &'a [String]>,
        labelled: impl Iterator<Item = (&'a [String], Vec<bool>)>,
        lower_min: u32,
    ) {
        use std::collections::HashMap;
        let mut names: HashMap<String, (u32, u32)> = HashMap::new();
        for (tokens, named) in labelled {
            for (t, n) in tokens.iter().zip(named) {
                if t.chars().next().is_some_and(char::is_uppercase) {
                    let e = names.entry(t.to_lowercase()).or_default();
                    e.0 += 1;
                    e.1 += u32::from(n);
                }
            }
        }
        // lower-cased word → (capitalised mid-sentence, of which after a determiner)
        let mut caps: HashMap<String, (u32, u32)> = HashMap::new();
        let mut lower: HashMap<String, u32> = HashMap::new();
        for tokens in text {
            for (i, t) in tokens.iter().enumerate() {
                let Some(first) = t.chars().next() else { continue };
                if first.is_lowercase() {
                    *lower.entry(t.clone()).or_default() += 1;
                } else if first.is_uppercase() && i > 0 && t.chars().skip(1).all(char::is_lowercase) {
                    let prev = tokens[i - 1].to_lowercase();
                    if matches!(prev.as_str(), "." | "!" | "?" | ":" | "\"" | "„" | "“" | "(" | "-") {
                        continue;
                    }
                    let e = caps.entry(t.to_lowercase()).or_default();
                    e.0 += 1;
                    if DETERMINERS.contains(&prev.as_str()) {
                        e.1 += 1;
                    }
                }
            }
        }
        for (w, (n, det)) in caps {
            let name_share = names.get(&w).map_or(0.0, |&(a, b)| b as f32 / a.max(1) as f32);
            if det >= UNLABELED_NOUN_MIN_COUNT && det as f32 >= UNLABELED_NOUN_MIN_SHARE * n as f32 && name_share <= 0.1
            {
                self.common_nouns.insert(w);
            }
        }
        for (w, n) in lower {
            if n >= lower_min {
                self.lower_seen.insert(w);
            }
        }
    }
}

/// Minimum number of occurrences after a determiner for [`Lexicon::add_unlabeled`]. Range 1–10,
/// default 2.
pub const UNLABELED_NOUN_MIN_COUNT: u32 = 2;
/// Minimum share of determiner-preceded occurrences for [`Lexicon::add_unlabeled`]. Range 0.1–0.8,
/// default 0.25: higher keeps fewer, surer nouns.
pub const UNLABELED_NOUN_MIN_SHARE: f32 = 0.25;

/// Articles, determiners and possessives: the words after which a capitalised word is a noun.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
    "keinen", "keinem", "keiner", "keines", "dieser", "diese", "dieses", "diesen", "diesem", "jeder", "jede", "jedes",
    "jeden", "jedem", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem",
    "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "unserer", "mein", "meine", "meinen", "meinem",
    "meiner", "zum", "zur", "im", "am", "vom", "beim", "ins", "ans", "welche", "welcher", "alle", "viele", "mehrere",
    "einige",
];
