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
    /// Every key's range in `entries` by its label codes (built by [`SecondPass::pack`]; see
    /// [`SecondPass::add_direct`]).
    pub(crate) table: Vec<(u32, u32)>,
    /// Per token class (`4 × L`): the sum of the weights of a token whose first-pass labels at −2…+2 are all
    /// `O` (most tokens), added at once (built by [`SecondPass::pack`]).
    pub(crate) plain: Vec<f32>,
}

impl SecondPass {
    /// Lists the summed transitions for decoding, given the first pass's transitions and allowed pairs.
    pub(crate) fn pack(&mut self, l: usize, base: &[f32], allowed: &[bool]) {
        self.trans = base.iter().zip(&self.delta).map(|(a, b)| a + b).collect();
        self.lattice = Lattice::new(l, &self.trans, allowed);
        self.build_table();
        self.plain = vec![0.0; 4 * l];
        for class in 0..4 {
            let slots = [0, CODES, 2 * CODES, 3 * CODES, 4 * CODES, T6, T8 + class, T9 + class];
            for slot in slots {
                let (a, b) = self.table[slot];
                for &(y, w) in &self.entries[a as usize..b as usize] {
                    if (y as usize) < l {
                        self.plain[class * l + y as usize] += w;
                    }
                }
            }
        }
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

/// How far the second pass's label features reach (tokens on each side): the half-width of the windows of
/// [`FeatureSet::STACK_WINDOWS`].
pub const REACH: usize = 2;

/// The windows of [`FeatureSet::STACK_WINDOWS`]: the maximal runs `a..b` of tokens within [`REACH`] tokens of a
/// token that the first pass labelled as (part of) a name, in its best path or after the KB rules (`named(i)`).
pub fn windows(n: usize, named: impl Fn(usize) -> bool, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    while i < n {
        if named(i) {
            let a = i.saturating_sub(REACH);
            let mut last = i;
            let mut j = i + 1;
            // the next name within 2 · REACH + 1 tokens joins the window
            while j < n && j <= last + 2 * REACH + 1 {
                if named(j) {
                    last = j;
                }
                j += 1;
            }
            let b = (last + REACH + 1).min(n);
            match out.last_mut() {
                Some(w) if w.1 >= a => w.1 = b,
                _ => out.push((a, b)),
            }
            i = last + 1;
        } else {
            i += 1;
        }
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
    second_keys_in(tokens, labels, margins, set, lexicon, 0..tokens.len(), keys, offsets);
}

/// [`second_keys`] of the tokens in `range` only, appended (`offsets` gets `range.len()` starts and then
/// the end: `keys[offsets[k]..offsets[k + 1]]` for token `range.start + k`, if both were empty before).
#[allow(clippy::too_many_arguments)]
pub fn second_keys_in(
    tokens: &[&str],
    labels: &[NerLabel],
    margins: &[f32],
    set: FeatureSet,
    lexicon: &Lexicon,
    range: std::ops::Range<usize>,
    keys: &mut Vec<u32>,
    offsets: &mut Vec<usize>,
) {
    contexts(tokens, labels, margins, set, lexicon, range, |_, c| {
        offsets.push(keys.len());
        keys.push(key(1, &[c.y]));
        keys.push(key(2, &[c.p1]));
        keys.push(key(3, &[c.n1]));
        keys.push(key(4, &[c.p2]));
        keys.push(key(5, &[c.n2]));
        keys.push(key(6, &[c.p1, c.y, c.n1]));
        if set.has(FeatureSet::STACK_CONFIDENCE) {
            keys.push(key(7, &[c.y, c.bucket]));
        }
        keys.push(key(8, &[c.p1, c.class]));
        keys.push(key(9, &[c.n1, c.class]));
        if let Some(k) = c.same {
            keys.push(key(10, &[k, c.y]));
        }
    });
    offsets.push(keys.len());
}

/// What the second pass's features of one token are made of: the first pass's label codes at −2…+2, the
/// token's class, its margin bucket, and the kind of a name of the same word form elsewhere in the sentence.
#[derive(Debug, Clone, Copy)]
struct Context {
    p2: u8,
    p1: u8,
    y: u8,
    n1: u8,
    n2: u8,
    class: u8,
    bucket: u8,
    same: Option<u8>,
}

/// Calls `f` with the [`Context`] of each token in `range`, in order.
fn contexts(
    tokens: &[&str],
    labels: &[NerLabel],
    margins: &[f32],
    set: FeatureSet,
    lexicon: &Lexicon,
    range: std::ops::Range<usize>,
    mut f: impl FnMut(usize, Context),
) {
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
    for i in range {
        let ii = i as isize;
        // 0 capitalised common noun, 1 other capitalised, 2 lower case, 3 other
        let class = class_of(tokens[i], lexicon);
        let mut same = None;
        if named && class <= 1 && tokens[i].chars().nth(2).is_some() {
            let j = (0..n).find(|&j| {
                j != i
                    && labels[j].fine().is_some()
                    && tokens[j].len() == tokens[i].len()
                    && same_form(tokens[i], tokens[j])
            });
            if let Some(kind) = j.and_then(|j| labels[j].fine()) {
                same = Some(NerKind::ALL.iter().position(|&x| x == kind.kind).unwrap_or(0) as u8);
            }
        }
        let bucket = if set.has(FeatureSet::STACK_CONFIDENCE) {
            bucket(margins, i)
        } else {
            255
        };
        f(
            i,
            Context {
                p2: at(ii - 2),
                p1: at(ii - 1),
                y: at(ii),
                n1: at(ii + 1),
                n2: at(ii + 2),
                class,
                bucket,
                same,
            },
        );
    }
}

/// Label codes as table indices: `0..25` the labels, 25 and 26 the sentence's edges (codes 254 and 255).
const CODES: usize = 27;

fn compact(c: u8) -> usize {
    if c < 25 {
        c as usize
    } else {
        25 + usize::from(c.saturating_sub(254)).min(1)
    }
}

fn raw(i: usize) -> u8 {
    if i < 25 { i as u8 } else { 254 + (i - 25) as u8 }
}

/// Where each template's part of [`SecondPass::table`] starts: templates 1–5 (one code each), 6 (three
/// codes), 8 and 9 (a code and a class), 10 (a kind and a code).
const T6: usize = 5 * CODES;
const T8: usize = T6 + CODES * CODES * CODES;
const T9: usize = T8 + CODES * 4;
const T10: usize = T9 + CODES * 4;
const TABLE: usize = T10 + 4 * CODES;

impl SecondPass {
    /// Builds [`SecondPass::table`]: the range in `entries` of every key the second pass can ask for without
    /// [`FeatureSet::STACK_CONFIDENCE`], looked up once per model instead of hashed per token.
    fn build_table(&mut self) {
        let range = |k: u32| self.index.get(&k).copied().unwrap_or((0, 0));
        let mut t = vec![(0u32, 0u32); TABLE];
        for c in 0..CODES {
            for (template, slot) in (1u8..=5).zip(0..) {
                t[slot * CODES + c] = range(key(template, &[raw(c)]));
            }
            for y in 0..CODES {
                for n1 in 0..CODES {
                    t[T6 + (c * CODES + y) * CODES + n1] = range(key(6, &[raw(c), raw(y), raw(n1)]));
                }
            }
            for class in 0..4u8 {
                t[T8 + c * 4 + class as usize] = range(key(8, &[raw(c), class]));
                t[T9 + c * 4 + class as usize] = range(key(9, &[raw(c), class]));
                t[T10 + class as usize * CODES + c] = range(key(10, &[class, raw(c)]));
            }
        }
        self.table = t;
    }

    /// [`second_keys_in`] and [`SecondPass::add_emissions`] in one, through [`SecondPass::table`] (no keys are
    /// hashed or looked up; the same weights are added in the same order): the second pass's weights of the
    /// tokens in `range` added to `emit` (`range.len() × L`, row 0 the range's first token). Not with
    /// [`FeatureSet::STACK_CONFIDENCE`].
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add_direct(
        &self,
        l: usize,
        tokens: &[&str],
        labels: &[NerLabel],
        set: FeatureSet,
        lexicon: &Lexicon,
        range: std::ops::Range<usize>,
        emit: &mut [f32],
    ) {
        let (table, entries, plain) = (&self.table[..], &self.entries[..], &self.plain[..]);
        let start = range.start;
        contexts(tokens, labels, &[], set, lexicon, range, |i, c| {
            let base = (i - start) * l;
            let class = c.class as usize;
            if (c.p2 | c.p1 | c.y | c.n1 | c.n2) == 0 && c.same.is_none() && class < 4 {
                // `O` around `O`: the weights of this class summed once per model
                let sum = &plain[class * l..(class + 1) * l];
                let mut y = 0;
                while y < l {
                    emit[base + y] += sum[y];
                    y += 1;
                }
                return;
            }
            let (p2, p1, y, n1, n2) = (compact(c.p2), compact(c.p1), compact(c.y), compact(c.n1), compact(c.n2));
            let mut slots = [
                y,
                CODES + p1,
                2 * CODES + n1,
                3 * CODES + p2,
                4 * CODES + n2,
                T6 + (p1 * CODES + y) * CODES + n1,
                T8 + p1 * 4 + class,
                T9 + n1 * 4 + class,
                TABLE,
            ];
            if let Some(k) = c.same {
                slots[8] = T10 + k as usize * CODES + y;
            }
            let mut s = 0;
            while s < slots.len() {
                if slots[s] < TABLE {
                    let (mut a, b) = table[slots[s]];
                    while a < b {
                        let (yy, w) = entries[a as usize];
                        emit[base + yy as usize] += w;
                        a += 1;
                    }
                }
                s += 1;
            }
        });
    }
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

#[cfg(test)]
mod tests {
    use super::super::super::{FineKind, Variant};
    use super::*;

    fn per(begin: bool) -> NerLabel {
        let k = FineKind {
            kind: NerKind::Per,
            variant: Variant::Name,
        };
        if begin { NerLabel::Begin(k) } else { NerLabel::Inside(k) }
    }

    #[test]
    fn windows_reach_two_tokens_and_merge() {
        let mut out = Vec::new();
        let named = |set: &'static [usize]| move |i: usize| set.contains(&i);
        windows(12, named(&[]), &mut out);
        assert!(out.is_empty());
        windows(12, named(&[5]), &mut out);
        assert_eq!(out, [(3, 8)]);
        windows(12, named(&[0, 11]), &mut out);
        assert_eq!(out, [(0, 3), (9, 12)]);
        // two names 5 tokens apart: their windows touch (no token between them to hold at `O`), one window
        windows(12, named(&[2, 7]), &mut out);
        assert_eq!(out, [(0, 10)]);
        // 6 apart: one token held between them
        windows(14, named(&[2, 8]), &mut out);
        assert_eq!(out, [(0, 5), (6, 11)]);
    }

    #[test]
    fn the_table_adds_what_the_keys_add() {
        // every label code and token context of a small sentence, with made-up weights on every key
        let tokens = ["Max", "Herbst", "sagte", "in", "Berlin", ",", "Max", "komme", "."];
        let labels = [
            per(true),
            NerLabel::Outside,
            NerLabel::Outside,
            NerLabel::Outside,
            per(true),
            per(false),
            per(true),
            NerLabel::Outside,
            NerLabel::Outside,
        ];
        let mut lexicon = Lexicon::default();
        lexicon.common_nouns.insert("herbst".to_string());
        let set = FeatureSet(FeatureSet::STACK);
        let (mut keys, mut offsets) = (Vec::new(), Vec::new());
        second_keys(&tokens, &labels, &[], set, &lexicon, &mut keys, &mut offsets);
        let l = 25;
        let mut second = SecondPass::default();
        for (i, &k) in keys.iter().enumerate() {
            if second.index.contains_key(&k) {
                continue;
            }
            let start = second.entries.len() as u32;
            for y in 0..3u8 {
                second
                    .entries
                    .push(((i as u8 + 7 * y) % l as u8, (i as f32 + 1.0) / 16.0 * f32::from(y + 1)));
            }
            second.index.insert(k, (start, second.entries.len() as u32));
        }
        second.delta = vec![0.0; (l + 1) * l];
        second.pack(l, &vec![0.0; (l + 1) * l], &vec![true; (l + 1) * l]);
        let mut by_keys = vec![0.0f32; tokens.len() * l];
        second.add_emissions(l, &keys, &offsets, &mut by_keys);
        let mut direct = vec![0.0f32; tokens.len() * l];
        second.add_direct(l, &tokens, &labels, set, &lexicon, 0..tokens.len(), &mut direct);
        assert_eq!(by_keys, direct);
        // a part of the sentence: the same rows
        let mut part = vec![0.0f32; 3 * l];
        second.add_direct(l, &tokens, &labels, set, &lexicon, 3..6, &mut part);
        assert_eq!(&by_keys[3 * l..6 * l], &part[..]);
    }
}
