//! The feature templates: [`sentence_features`] computes per-token values once, then each template group
//! pushes its keys in a fixed order (the order is part of the model: weights are summed in it).

use super::super::NerKind;
use super::super::gazetteer::{GazFlag, flag_bit};
use super::hash::{Fnv, hash};
use super::placeholder::{Placeholder, casing, casing_shape, placeholder, placeholder_id_key};
use super::shape::{push_shape, shape};
use super::trigger::trigger_class;
use super::{FeatureSet, HEAD_MIN, Lexicon};

/// Per-token values computed once per sentence; strings are ranges of a shared buffer.
struct Info<'a> {
    lower: std::ops::Range<usize>,
    /// Empty for a placeholder whose casing implies no shape.
    shape: std::ops::Range<usize>,
    capitalised: bool,
    /// In [`Lexicon::common_nouns`] (only looked up for capitalised words).
    common_noun: bool,
    /// In [`Lexicon::lower_seen`] (only looked up for capitalised words).
    lower_seen: bool,
    /// [`trigger_class`] of the lower-cased word (only with [`FeatureSet::TRIGGER`]).
    trigger: Option<u8>,
    /// The token is a [`placeholder`] (an unknown word of the train split).
    placeholder: Option<Placeholder<'a>>,
    /// [`Lexicon::clusters`] of a capitalised token (only with [`FeatureSet::CLUSTERS`]).
    cluster: Option<u8>,
}

/// Computes the features of every token of a sentence: `out[offsets[i]..offsets[i + 1]]` are the
/// keys of token `i` (`offsets` has one entry more than `tokens`). `gaz` holds the gazetteer flags of
/// the tokens ([`super::Gazetteer::annotate`]); missing entries count as 0.
///
/// A [`placeholder`] token has no word, affix, lexicon, trigger or hyphen features, and a feature that
/// combines a neighbour's word or shape with others is left out where that neighbour is a placeholder
/// without one; its casing class ([`FeatureSet::CASING`]) and the real words around it carry the signal.
///
/// The hot path of tagging: per-token values (lower case, shape, lexicon and trigger lookups) are
/// computed once into one buffer, and every key is hashed from string slices without allocating.
pub fn sentence_features(
    tokens: &[&str],
    set: FeatureSet,
    lexicon: &Lexicon,
    gaz: &[u32],
    out: &mut Vec<u32>,
    offsets: &mut Vec<usize>,
) {
    out.clear();
    offsets.clear();
    let mut buf = String::with_capacity(tokens.iter().map(|t| t.len() + 9).sum());
    let mut info: Vec<Info<'_>> = Vec::with_capacity(tokens.len());
    token_infos(tokens, set, &mut buf, &mut info);
    lexicon_lookups(&mut info, &buf, set, lexicon);
    // each token's lower case and shape sliced once (str slicing checks char boundaries, a call in the wasm)
    let lower: Vec<&str> = info.iter().map(|x| &buf[x.lower.clone()]).collect();
    let shapes: Vec<&str> = info.iter().map(|x| &buf[x.shape.clone()]).collect();
    let sentence = Sentence {
        tokens,
        set,
        lexicon,
        gaz,
        lower: &lower,
        shapes: &shapes,
        info: &info,
    };
    let bias = hash(0, &[]);
    let mut quoted = false;
    for i in 0..tokens.len() {
        offsets.push(out.len());
        out.push(bias);
        sentence.token_features(i, out);
        if set.has(FeatureSet::QUOTE) {
            let is_quote = matches!(tokens[i], "\"" | "„" | "“" | "”" | "«" | "»");
            if is_quote {
                quoted = !quoted;
            } else {
                out.push(hash(95, &[if quoted { "q" } else { "-" }, sentence_cap(&info[i])]));
            }
        }
    }
    offsets.push(out.len());
}

/// `"C"` for a capitalised token, else `"c"`.
fn sentence_cap(x: &Info<'_>) -> &'static str {
    if x.capitalised { "C" } else { "c" }
}

/// Step 1: the lower-cased word and the shape of each token into `buf`, their ranges into `info`.
fn token_infos<'a>(tokens: &[&'a str], set: FeatureSet, buf: &mut String, info: &mut Vec<Info<'a>>) {
    for &t in tokens {
        let a = buf.len();
        if let Some(p) = placeholder(t) {
            if set.has(FeatureSet::PLACEHOLDER_SHAPE)
                && let Some(s) = casing_shape(p.casing)
            {
                buf.push_str(s);
            }
            info.push(Info {
                lower: a..a,
                shape: a..buf.len(),
                capitalised: matches!(p.casing, "initialUpper" | "allUpper"),
                common_noun: false,
                lower_seen: false,
                trigger: None,
                placeholder: Some(p),
                cluster: None,
            });
            continue;
        }
        if t.is_ascii() {
            buf.push_str(t);
            buf[a..].make_ascii_lowercase();
        } else if t.contains('Σ') {
            // final sigma: only str::to_lowercase knows the word context
            buf.push_str(&t.to_lowercase());
        } else {
            buf.extend(t.chars().flat_map(char::to_lowercase));
        }
        let b = buf.len();
        push_shape(t, buf);
        let capitalised = t.chars().next().is_some_and(char::is_uppercase);
        info.push(Info {
            lower: a..b,
            shape: b..buf.len(),
            capitalised,
            common_noun: false,
            lower_seen: false,
            trigger: None,
            placeholder: None,
            cluster: None,
        });
    }
}

/// Step 2: the lexicon, cluster and trigger lookups of each real word, once per token (a placeholder has only
/// its cluster, which only training sees).
fn lexicon_lookups(info: &mut [Info<'_>], buf: &str, set: FeatureSet, lexicon: &Lexicon) {
    let clusters = set.has(FeatureSet::CLUSTERS) && !lexicon.clusters.is_empty();
    for x in info {
        if let Some(p) = x.placeholder {
            if clusters && x.capitalised && p.id != "oov" {
                x.cluster = lexicon.clusters.get(&format!("<{}", p.id)).copied();
            }
            continue;
        }
        let lower = &buf[x.lower.clone()];
        if clusters && x.capitalised {
            x.cluster = lexicon.clusters.get(lower).copied();
        }
        if set.has(FeatureSet::COMMON_NOUN) && x.capitalised {
            x.common_noun = lexicon.common_nouns.contains(lower);
            x.lower_seen = lexicon.lower_seen.contains(lower);
        }
        if set.has(FeatureSet::TRIGGER) {
            x.trigger = trigger_class(lower);
        }
    }
}

/// A sentence with its per-token values: step 3 pushes the keys of each token, template group by group.
struct Sentence<'s> {
    tokens: &'s [&'s str],
    set: FeatureSet,
    lexicon: &'s Lexicon,
    gaz: &'s [u32],
    /// The lower-cased word of each token (empty for a placeholder).
    lower: &'s [&'s str],
    /// The shape of each token (empty: none).
    shapes: &'s [&'s str],
    info: &'s [Info<'s>],
}

/// The values of the token whose keys are being pushed.
struct At<'s> {
    i: usize,
    x: &'s Info<'s>,
    /// `"1"` for the first token of the sentence, else `"0"`.
    first: &'static str,
    /// `"C"` if capitalised, else `"c"`.
    cap: &'static str,
    /// The token's shape (`None` for a placeholder without one).
    shape: Option<&'s str>,
}

impl<'s> Sentence<'s> {
    /// The lower-cased word at `i` (sentence edges are words; a placeholder has none).
    #[inline(always)]
    fn word(&self, i: isize) -> Option<&'s str> {
        if i < 0 {
            return Some("<s>");
        }
        match self.info.get(i as usize) {
            None => Some("</s>"),
            Some(x) if x.placeholder.is_some() => None,
            Some(_) => Some(self.lower[i as usize]),
        }
    }

    /// The shape at `i` (sentence edges are shapes; a placeholder may have none).
    #[inline(always)]
    fn shape(&self, i: isize) -> Option<&'s str> {
        if i < 0 {
            return Some("<s>");
        }
        match self.info.get(i as usize) {
            None => Some("</s>"),
            Some(x) if x.shape.is_empty() => None,
            Some(_) => Some(self.shapes[i as usize]),
        }
    }

    /// Pushes the keys of token `i` after its bias, in template order.
    #[inline]
    fn token_features(&self, i: usize, out: &mut Vec<u32>) {
        let x = &self.info[i];
        let at = At {
            i,
            x,
            first: if i == 0 { "1" } else { "0" },
            cap: if x.capitalised { "C" } else { "c" },
            shape: self.shape(i as isize),
        };
        let set = self.set;
        self.word_features(&at, out);
        if set.has(FeatureSet::AFFIX) && x.placeholder.is_none() {
            self.affix_features(&at, out);
        }
        self.context_features(&at, out);
        if set.has(FeatureSet::SHAPE_CONTEXT) {
            self.shape_context_features(&at, out);
        }
        if set.has(FeatureSet::COMMON_NOUN) && x.capitalised && x.placeholder.is_none() {
            self.common_noun_features(&at, out);
        }
        if set.has(FeatureSet::TRIGGER) {
            self.trigger_features(&at, out);
        }
        if set.has(FeatureSet::HYPHEN) && x.placeholder.is_none() {
            self.hyphen_features(&at, out);
        }
        if set.has(FeatureSet::GAZETTEER) {
            self.gazetteer_features(&at, out);
        }
        if set.has(FeatureSet::NEIGHBOUR_AFFIX) {
            self.neighbour_affix_features(&at, out);
        }
        if set.has(FeatureSet::SHAPE2) {
            let ii = i as isize;
            if let Some(s) = self.shape(ii - 2) {
                out.push(hash(37, &[s]));
            }
            if let Some(s) = self.shape(ii + 2) {
                out.push(hash(38, &[s]));
            }
        }
        if set.has(FeatureSet::CONTEXT_CAP | FeatureSet::CONTEXT2_CAP) {
            self.context_cap_features(&at, out);
        }
        if set.has(FeatureSet::CLUSTERS) {
            self.cluster_features(&at, out);
        }
        if set.has(FeatureSet::COMPOUND_HEAD) && x.capitalised && x.placeholder.is_none() {
            self.compound_head_features(&at, out);
        }
        if set.has(FeatureSet::CASING) {
            let c = x.placeholder.map_or_else(|| casing(self.tokens[i]), |p| p.casing);
            out.push(hash(80, &[c]));
            out.push(hash(81, &[c, at.first]));
        }
    }

    /// The word itself (or a placeholder's id), its shape, and the words at ±1 (templates 1–6, 90).
    #[inline]
    fn word_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let ii = at.i as isize;
        if let Some(p) = at.x.placeholder {
            if self.set.has(FeatureSet::PLACEHOLDER_ID) && p.id != "oov" {
                out.push(placeholder_id_key(p.id));
            }
        } else {
            out.push(hash(1, &[self.tokens[at.i]]));
            out.push(hash(2, &[self.lower[at.i]]));
        }
        if let Some(s) = at.shape {
            out.push(hash(3, &[s]));
            out.push(hash(4, &[s, at.first]));
        }
        if let Some(w) = self.word(ii - 1) {
            out.push(hash(5, &[w]));
        }
        if let Some(w) = self.word(ii + 1) {
            out.push(hash(6, &[w]));
        }
    }

    /// Prefixes of 1–4 and suffixes of 1–5 chars, as slices on char boundaries (templates 11–25).
    #[inline]
    fn affix_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let lower = self.lower[at.i];
        if lower.is_ascii() {
            // the same slices by byte position (`char_indices` stays a call in the size-optimised wasm)
            let len = lower.len();
            for k in 1..=len.clamp(1, 4) {
                out.push(hash(10 + k as u8, &[&lower[..k.min(len)]]));
            }
            for k in 1..=len.min(5) {
                out.push(hash(20 + k as u8, &[&lower[len - k..], at.cap]));
            }
            return;
        }
        let ends = lower.char_indices().map(|(b, _)| b).skip(1).chain([lower.len()]);
        for (k, e) in (1..=4u8).zip(ends) {
            out.push(hash(10 + k, &[&lower[..e]]));
        }
        for (k, (b, _)) in (1..=5u8).zip(lower.char_indices().rev()) {
            out.push(hash(20 + k, &[&lower[b..], at.cap]));
        }
    }

    /// The last and first three chars of the words at ±1, where they are real words (templates 26–29).
    #[inline]
    fn neighbour_affix_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let ii = at.i as isize;
        for (d, t) in [(-1isize, 26u8), (1, 28)] {
            let Some(w) = self.word(ii + d) else {
                continue;
            };
            let from = w.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            let to = w.char_indices().nth(3).map_or(w.len(), |(b, _)| b);
            out.push(hash(t, &[&w[from..]]));
            out.push(hash(t + 1, &[&w[..to]]));
        }
    }

    /// The words at ±2 and the word bigrams (templates 30–33).
    #[inline]
    fn context_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let ii = at.i as isize;
        if self.set.has(FeatureSet::CONTEXT2) {
            if let Some(w) = self.word(ii - 2) {
                out.push(hash(30, &[w]));
            }
            if let Some(w) = self.word(ii + 2) {
                out.push(hash(31, &[w]));
            }
        }
        if self.set.has(FeatureSet::BIGRAM)
            && let Some(w0) = self.word(ii)
        {
            if let Some(w) = self.word(ii - 1) {
                out.push(hash(32, &[w, w0]));
            }
            if let Some(w) = self.word(ii + 1) {
                out.push(hash(33, &[w0, w]));
            }
        }
    }

    /// The longest common-noun end of a capitalised word without a hyphen (templates 110–111): the head, and
    /// with the token's sentence position whether there is one.
    #[inline]
    fn compound_head_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let lower = self.lower[at.i];
        if lower.len() < 2 * HEAD_MIN || lower.contains('-') {
            return;
        }
        let n = if lower.is_ascii() {
            lower.len()
        } else {
            lower.chars().count()
        };
        if n < 2 * HEAD_MIN {
            return;
        }
        // the longest end first: starts after HEAD_MIN chars, up to HEAD_MIN chars before the end
        let head = lower
            .char_indices()
            .take(n - HEAD_MIN + 1)
            .skip(HEAD_MIN)
            .map(|(b, _)| &lower[b..])
            .find(|h| self.lexicon.common_nouns.contains(*h));
        match head {
            Some(h) => {
                out.push(hash(110, &[h]));
                out.push(hash(111, &["h", at.first]));
                if self.set.has(FeatureSet::COMPOUND_MODIFIER) {
                    let modifier = self.word_flag(&lower[..lower.len() - h.len()]);
                    out.push(hash(112, &[modifier, at.first]));
                }
            }
            None => out.push(hash(111, &["-", at.first])),
        }
    }

    /// The word clusters of the token and of its neighbours at ±1, where they have one (templates 100–102).
    #[inline]
    fn cluster_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        if let Some(c) = at.x.cluster {
            out.push(Fnv::new(100).byte(c).0);
        }
        if let Some(c) = at.i.checked_sub(1).and_then(|j| self.info[j].cluster) {
            out.push(Fnv::new(101).byte(c).0);
        }
        if let Some(c) = self.info.get(at.i + 1).and_then(|x| x.cluster) {
            out.push(Fnv::new(102).byte(c).0);
        }
    }

    /// The words at ±1 (±2) with the token's capitalisation (templates 91–94).
    #[inline]
    fn context_cap_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let ii = at.i as isize;
        let mut pairs = [(0isize, 0u8); 4];
        let mut n = 0;
        if self.set.has(FeatureSet::CONTEXT_CAP) {
            pairs[0] = (-1, 91);
            pairs[1] = (1, 92);
            n = 2;
        }
        if self.set.has(FeatureSet::CONTEXT2_CAP) {
            pairs[n] = (-2, 93);
            pairs[n + 1] = (2, 94);
            n += 2;
        }
        for &(d, t) in &pairs[..n] {
            if let Some(w) = self.word(ii + d) {
                out.push(hash(t, &[w, at.cap]));
            }
        }
    }

    /// The token's shape with the shapes of its neighbours (templates 34–36).
    #[inline]
    fn shape_context_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let Some(s0) = at.shape else {
            return;
        };
        let ii = at.i as isize;
        let (before, after) = (self.shape(ii - 1), self.shape(ii + 1));
        if let Some(b) = before {
            out.push(hash(34, &[b, s0]));
        }
        if let Some(a) = after {
            out.push(hash(35, &[s0, a]));
        }
        if let (Some(b), Some(a)) = (before, after) {
            out.push(hash(36, &[b, s0, a]));
        }
    }

    /// The lexicon flags of a capitalised word, alone and with the next token (templates 40–42).
    #[inline]
    fn common_noun_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let flags = match (at.x.common_noun, at.x.lower_seen) {
            (true, true) => "cn+ls",
            (true, false) => "cn",
            (false, true) => "ls",
            (false, false) => "-",
        };
        out.push(hash(40, &[flags, at.first]));
        if let Some(s) = self.shape(at.i as isize + 1) {
            out.push(hash(41, &[flags, s]));
        }
        if let Some(next) = self.info.get(at.i + 1)
            && next.capitalised
            && next.placeholder.is_none()
        {
            out.push(hash(42, &[flags, if next.common_noun { "cn" } else { "-" }]));
        }
    }

    /// Trigger classes of the two words before, with the token's shape, and the previous word's last four
    /// chars (templates 51–53).
    #[inline]
    fn trigger_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let i = at.i;
        if let Some(s0) = at.shape {
            for d in 1..=2 {
                if let Some(c) = i.checked_sub(d).and_then(|j| self.info[j].trigger) {
                    let class = match c {
                        b'P' => "P",
                        b'L' => "L",
                        _ => "O",
                    };
                    out.push(hash(50 + d as u8, &[class, s0]));
                }
            }
        }
        if let Some(prev) = i.checked_sub(1).and_then(|j| self.word(j as isize)) {
            let from = prev.char_indices().rev().nth(3).map_or(0, |(b, _)| b);
            out.push(hash(53, &[&prev[from..]]));
        }
    }

    /// First and last part of a hyphen compound (templates 60–62).
    #[inline]
    fn hyphen_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let Some((head, tail)) = self.lower[at.i].split_once('-') else {
            return;
        };
        if head.is_empty() {
            return;
        }
        out.push(hash(60, &[head]));
        out.push(hash(61, &[tail.rsplit('-').next().unwrap_or(tail)]));
        if self.set.has(FeatureSet::COMMON_NOUN) {
            let tail_cn = self.lexicon.common_nouns.contains(tail);
            out.push(hash(62, &[if tail_cn { "cn" } else { "-" }, shape(head).as_str()]));
            if self.set.has(FeatureSet::COMPOUND_MODIFIER) {
                out.push(hash(63, &[self.word_flag(head), if tail_cn { "cn" } else { "-" }]));
            }
        }
    }

    /// Whether a lower-cased word is a known common noun (also without a linking "s", "es", "n", "en", "e",
    /// "er"), else seen in lower case ([`FeatureSet::COMPOUND_MODIFIER`]).
    fn word_flag(&self, w: &str) -> &'static str {
        let nouns = &self.lexicon.common_nouns;
        let linked = ["s", "es", "n", "en", "e", "er"].iter().any(|f| {
            w.strip_suffix(f)
                .is_some_and(|r| r.len() >= HEAD_MIN && nouns.contains(r))
        });
        if nouns.contains(w) || linked {
            "cn"
        } else if self.lexicon.lower_seen.contains(w) {
            "ls"
        } else {
            "-"
        }
    }

    /// Gazetteer flags of the token and its neighbours (templates 70–73).
    #[inline]
    fn gazetteer_features(&self, at: &At<'s>, out: &mut Vec<u32>) {
        let i = at.i;
        for (template, j) in [(70u8, Some(i)), (72, i.checked_sub(1)), (73, Some(i + 1))] {
            let Some(&bits) = j.and_then(|j| self.gaz.get(j)) else {
                continue;
            };
            if bits == 0 {
                continue;
            }
            for flag in GazFlag::ALL {
                for kind in NerKind::ALL {
                    if bits & flag_bit(flag, kind) != 0 {
                        let h = Fnv::new(template).part(flag.code()).part(kind.as_str());
                        out.push(h.0);
                        if template == 70 {
                            out.push(hash(71, &[flag.code(), kind.as_str(), at.cap, at.first]));
                        }
                    }
                }
            }
        }
    }
}
