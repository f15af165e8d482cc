//! The stacked second pass ([`FeatureSet::STACK`]): the first pass's emission scores stay as they are, and a
//! small second set of weights adds, per token, features of the first pass's labels — the labels at ±2, the
//! previous and next label with the token's class, whether the same word form got a name label elsewhere in
//! the sentence, with [`FeatureSet::STACK_CONFIDENCE`] the token's first-pass margin — before a second Viterbi.
//! A first-order tagger sees the label of one neighbour only through a transition; these features let the
//! label context at ±2 and "a first name before a capitalised common noun" (`Max Herbst`) count. The lab trains
//! it on jackknifed first-pass output (`src/lab/ner/stack.rs`).

use super::super::features::{FeatureSet, Lexicon, token_class};
use super::super::{NerKind, NerLabel, Variant};
use super::{KeyMap, Lattice};

/// The second pass's weights.
#[derive(Debug, Clone, Default)]
pub struct SecondPass {
    /// Feature key → range in `entries`.
    pub(crate) index: KeyMap<(u32, u32)>,
    /// (label index, weight)
    pub(crate) entries: Vec<(u8, f32)>,
    /// `(L + 1) × L`, added to the first pass's transitions (one matrix: no class transitions).
    pub(crate) delta: Vec<f32>,
    /// The first pass's transitions plus `delta`, listed for decoding (built by [`SecondPass::pack`]).
    pub(crate) lattice: Lattice,
    /// The first pass's transitions plus `delta`.
    pub(crate) trans: Vec<f32>,
}

impl SecondPass {
    /// Lists the summed transitions for decoding, given the first pass's transitions and allowed pairs.
    pub(crate) fn pack(&mut self, l: usize, base: &[f32], allowed: &[bool]) {
        self.trans = base.iter().zip(&self.delta).map(|(a, b)| a + b).collect();
        self.lattice = Lattice::new(l, &self.trans, allowed);
    }

    /// Adds the weights of the keys of each token (`keys[offsets[i]..offsets[i + 1]]`) to `emit` (`n × L`).
    pub(crate) fn add_emissions(&self, l: usize, keys: &[u32], offsets: &[usize], emit: &mut [f32]) {
        for (i, o) in offsets.windows(2).enumerate() {
            for key in &keys[o[0]..o[1]] {
                if let Some(&(a, b)) = self.index.get(key) {
                    for &(y, w) in &self.entries[a as usize..b as usize] {
                        emit[i * l + y as usize] += w;
                    }
                }
            }
        }
    }
}

/// A label as one byte for the keys (0 = `O`; sentence edges 254 and 255).
fn code(y: NerLabel) -> u8 {
    let fine = |k: super::super::FineKind| {
        let kind = NerKind::ALL.iter().position(|&x| x == k.kind).unwrap_or(0) as u8;
        let variant = match k.variant {
            Variant::Name => 0,
            Variant::Deriv => 1,
            Variant::Part => 2,
        };
        kind * 3 + variant
    };
    match y {
        NerLabel::Outside => 0,
        NerLabel::Begin(k) => 1 + fine(k),
        NerLabel::Inside(k) => 13 + fine(k),
    }
}

/// FNV-1a of a template number and bytes.
#[inline]
fn key(template: u8, parts: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ 0x5ec0_0000;
    for &b in std::iter::once(&template).chain(parts) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The margin of a token as one of six buckets (255: no margin, the first pass found no name).
fn bucket(margins: &[f32], i: usize) -> u8 {
    match margins.get(i) {
        None => 255,
        Some(&m) if m < 2.0 => 0,
        Some(&m) if m < 5.0 => 1,
        Some(&m) if m < 10.0 => 2,
        Some(&m) if m < 20.0 => 3,
        Some(&m) if m < 40.0 => 4,
        Some(_) => 5,
    }
}

/// The second pass's keys of a sentence, given the first pass's labels (KB rules applied) and margins (empty:
/// none): `keys[offsets[i]..offsets[i + 1]]` for token `i`.
pub fn second_keys(
    tokens: &[&str],
    labels: &[NerLabel],
    margins: &[f32],
    set: FeatureSet,
    lexicon: &Lexicon,
    keys: &mut Vec<u32>,
    offsets: &mut Vec<usize>,
) {
    keys.clear();
    offsets.clear();
    let n = tokens.len();
    let at = |j: isize| -> u8 {
        if j < 0 {
            254
        } else if j as usize >= n {
            255
        } else {
            code(labels[j as usize])
        }
    };
    let named = labels.iter().any(|y| y.fine().is_some());
    for i in 0..n {
        offsets.push(keys.len());
        let ii = i as isize;
        // 0 capitalised common noun, 1 other capitalised, 2 lower case, 3 other
        let class = class_of(tokens[i], lexicon);
        let (p2, p1, y, n1, n2) = (at(ii - 2), at(ii - 1), at(ii), at(ii + 1), at(ii + 2));
        keys.push(key(1, &[y]));
        keys.push(key(2, &[p1]));
        keys.push(key(3, &[n1]));
        keys.push(key(4, &[p2]));
        keys.push(key(5, &[n2]));
        keys.push(key(6, &[p1, y, n1]));
        if set.has(FeatureSet::STACK_CONFIDENCE) {
            keys.push(key(7, &[y, bucket(margins, i)]));
        }
        keys.push(key(8, &[p1, class]));
        keys.push(key(9, &[n1, class]));
        if named && class <= 1 && tokens[i].chars().nth(2).is_some() {
            let same = (0..n).find(|&j| {
                j != i
                    && labels[j].fine().is_some()
                    && tokens[j].len() == tokens[i].len()
                    && same_form(tokens[i], tokens[j])
            });
            if let Some(kind) = same.and_then(|j| labels[j].fine()) {
                let k = NerKind::ALL.iter().position(|&x| x == kind.kind).unwrap_or(0) as u8;
                keys.push(key(10, &[k, y]));
            }
        }
    }
    offsets.push(keys.len());
}

/// [`token_class`], without allocating for ASCII words of up to 64 bytes (most words).
fn class_of(token: &str, lexicon: &Lexicon) -> u8 {
    let b = token.as_bytes();
    if !token.is_ascii() || b.len() > 64 || b.first().is_none_or(|c| !c.is_ascii_uppercase()) || b[0] == b'<' {
        return token_class(token, lexicon) as u8;
    }
    let mut buf = [0u8; 64];
    let lower = &mut buf[..b.len()];
    lower.copy_from_slice(b);
    lower.make_ascii_lowercase();
    // ASCII in, ASCII out
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    u8::from(!lexicon.common_nouns.contains(lower))
}

/// The same word form, ignoring case.
fn same_form(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
}
