//! The model file reader: [`Model::from_bytes`] and its bounds-checked [`Reader`].

#[cfg(doc)]
use super::super::features::TOKEN_CLASSES;
use super::super::features::{FeatureSet, Lexicon, WordMap, WordSet};
use super::super::{NerError, NerLabel};
use super::{KeyMap, Model, SecondPass, allowed_transitions, transition_classes, weight_of};

impl Model {
    /// Reads a model file: magic `PSNER2\n`, feature-set bits (u32 LE), labels (count u8, then
    /// length-prefixed strings), hash bits (u8; 0 = full keys), weight bits (u8: 8 or 16), weight scale (f32),
    /// `K × (L + 1) × L` transition weights (i16; K = [`TOKEN_CLASSES`] with
    /// [`FeatureSet::CLASS_TRANSITIONS`], else 1), the common-noun and lower-case word lists (count u32, then
    /// front-coded sorted words: bytes shared with the previous word u8, length of the rest u8, the rest), with
    /// [`FeatureSet::CLUSTERS`] the cluster words (a word list as before) and their clusters (u8 each),
    /// then the features column by column: count (u32), key (or bucket) deltas (LEB128), entry counts (u8),
    /// labels (u8), weights (i8 or i16); with [`FeatureSet::STACK`] last the second pass
    /// ([`Reader::second_pass`]); with [`FeatureSet::O_BIAS`] last the bias against `O` (f32, [`Model::o_bias`]).
    ///
    /// Long because: it reads the format above in order, one section after the other, with a bounds
    /// check at each step; split up, the format would no longer read top to bottom in one place.
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
        let hash_bits = r.take(1)?[0];
        if hash_bits > 26 {
            return Err(NerError::BadModel(format!("{hash_bits} hash bits (at most 26)")));
        }
        let weight_bits = r.take(1)?[0];
        if weight_bits != 8 && weight_bits != 16 {
            return Err(NerError::BadModel(format!("{weight_bits}-bit weights (8 or 16)")));
        }
        let scale = f32::from_le_bytes(r.array()?);
        let trans = (0..transition_classes(features) * (l + 1) * l)
            .map(|_| Ok(f32::from(r.i16()?) * scale))
            .collect::<Result<Vec<f32>, NerError>>()?;
        let common_nouns: WordSet = r.words()?.into_iter().collect();
        let lower_seen: WordSet = r.words()?.into_iter().collect();
        let mut clusters = WordMap::default();
        if features.has(FeatureSet::CLUSTERS) {
            let words = r.words()?;
            let ids = r.take(words.len())?;
            clusters = words.into_iter().zip(ids.iter().copied()).collect();
        }
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
            let q = if weight_bits == 8 {
                i32::from(r.take(1)?[0] as i8)
            } else {
                i32::from(r.i16()?)
            };
            entries.push((y, weight_of(q, weight_bits, scale)));
        }
        let second = if features.has(FeatureSet::STACK) {
            Some(Box::new(r.second_pass(l)?))
        } else {
            None
        };
        let o_bias = if features.has(FeatureSet::O_BIAS) {
            f32::from_le_bytes(r.array()?)
        } else {
            0.0
        };
        if !o_bias.is_finite() {
            return Err(NerError::BadModel("bias against O not finite".into()));
        }
        if r.pos != bytes.len() {
            return Err(NerError::BadModel("trailing bytes".into()));
        }
        let mut index = KeyMap::default();
        let mut dense = Vec::new();
        if hash_bits > 0 {
            let buckets = 1usize << hash_bits;
            if keys.iter().any(|&k| k as usize >= buckets) || keys.windows(2).any(|w| w[0] >= w[1]) {
                return Err(NerError::BadModel("bucket out of range or out of order".into()));
            }
            dense = vec![0u32; buckets + 1];
            let mut a = 0u32;
            let mut next = 0usize;
            for (k, c) in keys.into_iter().zip(counts) {
                while next <= k as usize {
                    dense[next] = a;
                    next += 1;
                }
                a += u32::from(c);
            }
            for d in &mut dense[next..] {
                *d = a;
            }
        } else {
            index.reserve(nf);
            let mut a = 0u32;
            for (k, c) in keys.into_iter().zip(counts) {
                index.insert(k, (a, a + u32::from(c)));
                a += u32::from(c);
            }
        }
        let allowed = allowed_transitions(&labels);
        Ok(Model {
            labels,
            features,
            lexicon: Lexicon {
                common_nouns,
                lower_seen,
                clusters,
            },
            hash_bits,
            index,
            dense,
            weight_bits,
            packed: Vec::new(),
            lut: Vec::new(),
            occupied: Vec::new(),
            scale,
            entries,
            trans,
            allowed,
            lattice: Default::default(),
            second,
            o_bias,
        }
        .packed())
    }
}

pub(crate) const MAGIC: &[u8] = b"PSNER2\n";

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
    /// A word list: count (u32), then front-coded sorted words (bytes shared with the previous word u8,
    /// length of the rest u8, the rest).
    fn words(&mut self) -> Result<Vec<String>, NerError> {
        let n = self.u32()? as usize;
        if n > self.bytes.len() {
            return Err(NerError::BadModel("word count larger than the file".into()));
        }
        let mut out = Vec::with_capacity(n);
        let mut word: Vec<u8> = Vec::new();
        for _ in 0..n {
            let shared = self.take(1)?[0] as usize;
            let rest = self.take(1)?[0] as usize;
            if shared > word.len() {
                return Err(NerError::BadModel("word list: bad shared prefix".into()));
            }
            word.truncate(shared);
            word.extend_from_slice(self.take(rest)?);
            out.push(String::from_utf8(word.clone()).map_err(|_| NerError::BadModel("word not UTF-8".into()))?);
        }
        Ok(out)
    }
    /// The stacked second pass ([`SecondPass`]): its weight step (f32), the `(L + 1) × L` transition deltas
    /// (i16), then its features column by column as the first pass's, with full keys and i16 weights.
    fn second_pass(&mut self, l: usize) -> Result<SecondPass, NerError> {
        let step = f32::from_le_bytes(self.array()?);
        let delta = (0..(l + 1) * l)
            .map(|_| Ok(f32::from(self.i16()?) * step))
            .collect::<Result<Vec<f32>, NerError>>()?;
        let nf = self.u32()? as usize;
        if nf > self.bytes.len() {
            return Err(NerError::BadModel(
                "second pass: feature count larger than the file".into(),
            ));
        }
        let mut keys = Vec::with_capacity(nf);
        let mut prev = 0u32;
        for _ in 0..nf {
            prev = prev.wrapping_add(self.varint()?);
            keys.push(prev);
        }
        let counts = self.take(nf)?.to_vec();
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let ys = self.take(total)?.to_vec();
        if ys.iter().any(|&y| y as usize >= l) {
            return Err(NerError::BadModel("second pass: label index out of range".into()));
        }
        let mut entries = Vec::with_capacity(total);
        for &y in &ys {
            entries.push((y, f32::from(self.i16()?) * step));
        }
        let mut index = KeyMap::default();
        let mut a = 0u32;
        for (k, c) in keys.into_iter().zip(counts) {
            index.insert(k, (a, a + u32::from(c)));
            a += u32::from(c);
        }
        Ok(SecondPass {
            index,
            entries,
            delta,
            ..SecondPass::default()
        })
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
