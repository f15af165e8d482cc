//! Token features for the tagger, hashed to `u32` keys (FNV-1a; stable across platforms).
//!
//! Each feature group can be switched off for ablations ([`FeatureSet`]); the set a model was trained
//! with is stored in the model file so tagging computes the same features.

use std::collections::HashSet;

use super::NerKind;
use super::gazetteer::GazFlag;

/// Which feature groups are computed; a bit set stored in the model file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet(pub u32);

impl FeatureSet {
    /// Prefixes (1–4 chars) and suffixes (1–5 chars) of the word.
    pub const AFFIX: u32 = 1;
    /// Words at ±2 (±1 is always on).
    pub const CONTEXT2: u32 = 2;
    /// Word bigrams (w-1 w0, w0 w+1).
    pub const BIGRAM: u32 = 4;
    /// Common-noun and seen-in-lower-case flags from the training lexicon ([`Lexicon`]).
    pub const COMMON_NOUN: u32 = 8;
    /// Trigger-word classes of the words before (Präsident, Stadt, Firma, …).
    pub const TRIGGER: u32 = 16;
    /// First and last part of hyphen compounds.
    pub const HYPHEN: u32 = 32;
    /// Shapes of the neighbour words.
    pub const SHAPE_CONTEXT: u32 = 64;
    /// Gazetteer membership ([`Gazetteer`]): the token's flags and those of its neighbours. The
    /// model computes them with the embedded knowledge base ([`super::gazetteer::kb_gazetteer`]).
    pub const GAZETTEER: u32 = 128;
    /// Not a feature group: after decoding, apply the knowledge-base rules for derived words and
    /// compound parts ([`super::gazetteer::apply_rules`]).
    pub const KB_RULES: u32 = 256;
    /// Not a feature group: one transition matrix per class of the token a transition leads to
    /// (capitalised, lower case, other; [`token_class`]), so label bigrams are conditioned on the word.
    pub const CLASS_TRANSITIONS: u32 = 512;
    /// The casing class of the word ([`casing`]: the classes of GermEval's reconstructed train split), alone
    /// and with the sentence position. The only word feature a placeholder token ([`placeholder`]) has.
    pub const CASING: u32 = 1024;
    /// A placeholder token gets the shape its casing class implies (`initialUpper` → `Xx`, `allLower` →
    /// `x`, …), so shape and shape-context features fire for it as for a real word of that casing.
    pub const PLACEHOLDER_SHAPE: u32 = 2048;
    /// A placeholder token's stable vocabulary id counts as its word (an identity feature only training
    /// data can fire; measured, see `docs/ner.md`).
    pub const PLACEHOLDER_ID: u32 = 4096;
    /// Names of the groups, for the command line.
    pub const NAMES: [(&'static str, u32); 13] = [
        ("affix", Self::AFFIX),
        ("context2", Self::CONTEXT2),
        ("bigram", Self::BIGRAM),
        ("common-noun", Self::COMMON_NOUN),
        ("trigger", Self::TRIGGER),
        ("hyphen", Self::HYPHEN),
        ("shape-context", Self::SHAPE_CONTEXT),
        ("gazetteer", Self::GAZETTEER),
        ("kb-rules", Self::KB_RULES),
        ("class-transitions", Self::CLASS_TRANSITIONS),
        ("casing", Self::CASING),
        ("placeholder-shape", Self::PLACEHOLDER_SHAPE),
        ("placeholder-id", Self::PLACEHOLDER_ID),
    ];

    /// All groups on, except [`FeatureSet::CLASS_TRANSITIONS`]: it was added later and is opt-in
    /// (`--features all,-bigram,class-transitions`), so `all,-x` keeps the meaning it had in the
    /// experiment tables of `docs/ner.md`.
    pub fn all() -> Self {
        FeatureSet(
            Self::NAMES.iter().fold(0, |a, (_, b)| a | b)
                & !(Self::CLASS_TRANSITIONS | Self::CASING | Self::PLACEHOLDER_SHAPE | Self::PLACEHOLDER_ID),
        )
    }

    /// Whether a group is on.
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// A name list the tagger can consult (e.g. the knowledge base, [`super::gazetteer::KbGazetteer`]).
/// Membership becomes a feature; it only has an effect if the model was trained with the same
/// gazetteer.
pub trait Gazetteer {
    /// Writes one flag set per token of a sentence to `out` (cleared first; bit meaning:
    /// [`super::gazetteer::flag_bit`]; 0 = not listed).
    fn annotate(&self, tokens: &[&str], out: &mut Vec<u32>);
}

/// Number of token classes of [`token_class`].
pub const TOKEN_CLASSES: usize = 4;

/// The class of a token for [`FeatureSet::CLASS_TRANSITIONS`]: 0 = capitalised and a common noun of
/// the lexicon, 1 = other capitalised words, 2 = starts with a lower-case letter, 3 = anything else
/// (digits, punctuation).
pub fn token_class(token: &str, lexicon: &Lexicon) -> usize {
    if let Some(p) = placeholder(token) {
        return match p.casing {
            "initialUpper" | "allUpper" => 1,
            "allLower" => 2,
            _ => 3,
        };
    }
    match token.chars().next() {
        Some(c) if c.is_uppercase() => usize::from(!lexicon.common_nouns.contains(&token.to_lowercase())),
        Some(c) if c.is_lowercase() => 2,
        _ => 3,
    }
}

/// A token of GermEval's reconstructed train split whose word is not known: `<UNK:CASING:wNNNNN>` (a stable
/// vocabulary id) or `<UNK:CASING:oov>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// The casing class ([`casing`]'s names).
    pub casing: &'a str,
    /// `wNNNNN` or `oov`.
    pub id: &'a str,
}

/// The placeholder a token stands for, if it is one. No feature is computed from the placeholder string
/// itself, only from its casing class (and, with [`FeatureSet::PLACEHOLDER_ID`], its id).
pub fn placeholder(token: &str) -> Option<Placeholder<'_>> {
    let inner = token.strip_prefix("<UNK:")?.strip_suffix('>')?;
    let (casing, id) = inner.split_once(':')?;
    Some(Placeholder { casing, id })
}

/// The casing class of a word as GermEval's reconstructed train split records it (the SENNA tutorial's
/// classes, computed on bytes, so only ASCII letters are cased): `numeric` (all digits), `mainly_numeric`
/// (more than half digits), `allLower`, `allUpper`, `initialUpper`, `contains_digit`, else `other`. A word
/// starting with a non-ASCII letter is `other`, as the data's README reports for most such words.
pub fn casing(word: &str) -> &'static str {
    let n = word.chars().count().max(1);
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let first = word.chars().next().unwrap_or(' ');
    let (lower, upper) = word.chars().fold((0, 0), |(l, u), c| {
        (
            l + usize::from(c.is_ascii_lowercase()),
            u + usize::from(c.is_ascii_uppercase()),
        )
    });
    if digits == n {
        "numeric"
    } else if digits * 2 > n {
        "mainly_numeric"
    } else if first.is_alphabetic() && !first.is_ascii() {
        "other"
    } else if lower > 0 && upper == 0 {
        "allLower"
    } else if upper > 0 && lower == 0 {
        "allUpper"
    } else if first.is_ascii_uppercase() {
        "initialUpper"
    } else if digits > 0 {
        "contains_digit"
    } else {
        "other"
    }
}

/// The key of a placeholder's id feature ([`FeatureSet::PLACEHOLDER_ID`]). Real text never has it, so
/// training drops its weights from the model file.
pub fn placeholder_id_key(id: &str) -> u32 {
    hash(90, &[id])
}

/// The shape a placeholder's casing class implies (`None` where it implies none).
fn casing_shape(casing: &str) -> Option<&'static str> {
    match casing {
        "initialUpper" => Some("Xx"),
        "allUpper" => Some("X"),
        "allLower" => Some("x"),
        "numeric" => Some("d"),
        _ => None,
    }
}

/// Word lists derived from the training data and stored in the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Lower-cased words seen capitalised mid-sentence and almost always tagged `O`: German common
    /// nouns ("politik", "regierung").
    pub common_nouns: HashSet<String>,
    /// Lower-cased words seen written in lower case (ordinary words: "die", "neue").
    pub lower_seen: HashSet<String>,
}

/// Person titles and roles that precede names (matched on the lower-cased word or its end).
const PERSON_TRIGGERS: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "herr",
    "frau",
    "herrn",
    "sprecher",
    "sprecherin",
    "bürgermeister",
    "bürgermeisterin",
    "trainer",
    "autor",
    "autorin",
    "regisseur",
    "sänger",
    "sängerin",
    "dr.",
    "prof.",
    "vorsitzende",
    "vorsitzender",
    "abgeordnete",
    "senator",
    "gouverneur",
    "papst",
    "könig",
    "königin",
    "prinz",
    "kollege",
    "kollegin",
    "direktor",
    "direktorin",
];
/// Place words that precede names.
const PLACE_TRIGGERS: &[&str] = &[
    "stadt",
    "gemeinde",
    "dorf",
    "hauptstadt",
    "region",
    "insel",
    "kreis",
    "landkreis",
    "bundesland",
    "provinz",
    "staat",
    "fluss",
    "ort",
    "stadtteil",
    "bezirk",
    "kanton",
];
/// Organisation words that precede names.
const ORG_TRIGGERS: &[&str] = &[
    "firma",
    "konzern",
    "unternehmen",
    "partei",
    "verein",
    "zeitung",
    "bank",
    "gruppe",
    "verband",
    "club",
    "klub",
    "sender",
    "hersteller",
    "autobauer",
    "gewerkschaft",
    "stiftung",
    "magazin",
    "agentur",
];

/// Trigger words by their lower-cased text: `(class priority when the word is the trigger, class priority
/// when the word ends with it)`, priority 0 = person, 1 = place, 2 = organisation, `u8::MAX` = none. Only
/// triggers longer than 5 bytes match as word endings ("Vizepräsident", "Landeshauptstadt").
fn trigger_table() -> &'static std::collections::HashMap<&'static str, (u8, u8)> {
    static T: std::sync::OnceLock<std::collections::HashMap<&'static str, (u8, u8)>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = std::collections::HashMap::new();
        for (prio, list) in [PERSON_TRIGGERS, PLACE_TRIGGERS, ORG_TRIGGERS].into_iter().enumerate() {
            for &w in list {
                let e = t.entry(w).or_insert((u8::MAX, u8::MAX));
                e.0 = e.0.min(prio as u8);
                if w.len() > 5 {
                    e.1 = e.1.min(prio as u8);
                }
            }
        }
        t
    })
}

/// Longest trigger word in bytes: longer word endings need not be looked up.
const MAX_TRIGGER_LEN: usize = 16;

/// The trigger class of a lower-cased word: `P`erson, p`L`ace, `O`rganisation. A word is in a class if
/// it is one of its trigger words or ends with one longer than 5 bytes; person wins over place over
/// organisation.
fn trigger_class(lower: &str) -> Option<u8> {
    let table = trigger_table();
    let mut best = table.get(lower).map_or(u8::MAX, |e| e.0);
    for (b, _) in lower.char_indices() {
        let rest = lower.len() - b;
        if rest <= 5 {
            break;
        }
        if rest <= MAX_TRIGGER_LEN
            && let Some(e) = table.get(&lower[b..])
        {
            best = best.min(e.1);
        }
    }
    [b'P', b'L', b'O'].get(usize::from(best)).copied()
}

/// The collapsed shape: upper → `X`, lower → `x`, digit → `d`, other chars kept; runs collapsed
/// ("Olaf" → "Xx", "US-Wahl" → "X-Xx", "3,5" → "d,d").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    push_shape(word, &mut out);
    out
}

/// Appends the [`shape`] of `word` to `out` (at most 9 bytes; longer shapes are cut).
fn push_shape(word: &str, out: &mut String) {
    let start = out.len();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
        if out.len() - start > 8 {
            break;
        }
    }
}

/// FNV-1a, 32 bits, fed a template id and then parts, each preceded by 0xff. Nothing is allocated:
/// a feature is hashed from the slices it is made of.
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    #[inline]
    fn new(template: u8) -> Self {
        Fnv((0x811c_9dc5 ^ u32::from(template)).wrapping_mul(0x0100_0193))
    }

    #[inline]
    fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }

    #[inline]
    fn part(self, p: &str) -> Self {
        let mut h = self.byte(0xff);
        for &b in p.as_bytes() {
            h = h.byte(b);
        }
        h
    }
}

/// The key of a feature: FNV-1a over a template id and parts separated by 0xff.
fn hash(template: u8, parts: &[&str]) -> u32 {
    parts.iter().fold(Fnv::new(template), |h, p| h.part(p)).0
}

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
}

/// Computes the features of every token of a sentence: `out[offsets[i]..offsets[i + 1]]` are the
/// keys of token `i` (`offsets` has one entry more than `tokens`). `gaz` holds the gazetteer flags of
/// the tokens ([`Gazetteer::annotate`]); missing entries count as 0.
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
    for t in tokens {
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
            });
            continue;
        }
        if !t.is_ascii() && t.contains('Σ') {
            // final sigma: only str::to_lowercase knows the word context
            buf.push_str(&t.to_lowercase());
        } else {
            buf.extend(t.chars().flat_map(char::to_lowercase));
        }
        let b = buf.len();
        push_shape(t, &mut buf);
        let capitalised = t.chars().next().is_some_and(char::is_uppercase);
        info.push(Info {
            lower: a..b,
            shape: b..buf.len(),
            capitalised,
            common_noun: false,
            lower_seen: false,
            trigger: None,
            placeholder: None,
        });
    }
    for x in &mut info {
        if x.placeholder.is_some() {
            continue;
        }
        let lower = &buf[x.lower.clone()];
        if set.has(FeatureSet::COMMON_NOUN) && x.capitalised {
            x.common_noun = lexicon.common_nouns.contains(lower);
            x.lower_seen = lexicon.lower_seen.contains(lower);
        }
        if set.has(FeatureSet::TRIGGER) {
            x.trigger = trigger_class(lower);
        }
    }
    let buf = buf.as_str();
    // the lower-cased word at i (sentence edges are words; a placeholder has none)
    let word = |i: isize| -> Option<&str> {
        if i < 0 {
            return Some("<s>");
        }
        match info.get(i as usize) {
            None => Some("</s>"),
            Some(x) if x.placeholder.is_some() => None,
            Some(x) => Some(&buf[x.lower.clone()]),
        }
    };
    let shp = |i: isize| -> Option<&str> {
        if i < 0 {
            return Some("<s>");
        }
        match info.get(i as usize) {
            None => Some("</s>"),
            Some(x) if x.shape.is_empty() => None,
            Some(x) => Some(&buf[x.shape.clone()]),
        }
    };
    let bias = hash(0, &[]);
    for (i, tok) in tokens.iter().enumerate() {
        offsets.push(out.len());
        let x = &info[i];
        let ii = i as isize;
        let first = if i == 0 { "1" } else { "0" };
        let cap = if x.capitalised { "C" } else { "c" };
        let x_shape = shp(ii);
        out.push(bias);
        if let Some(p) = x.placeholder {
            if set.has(FeatureSet::PLACEHOLDER_ID) && p.id != "oov" {
                out.push(placeholder_id_key(p.id));
            }
        } else {
            out.push(hash(1, &[tok]));
            out.push(hash(2, &[&buf[x.lower.clone()]]));
        }
        if let Some(s) = x_shape {
            out.push(hash(3, &[s]));
            out.push(hash(4, &[s, first]));
        }
        if let Some(w) = word(ii - 1) {
            out.push(hash(5, &[w]));
        }
        if let Some(w) = word(ii + 1) {
            out.push(hash(6, &[w]));
        }
        if set.has(FeatureSet::AFFIX) && x.placeholder.is_none() {
            let lower = &buf[x.lower.clone()];
            // prefixes of 1–4 and suffixes of 1–5 chars, as slices on char boundaries
            let ends = lower.char_indices().map(|(b, _)| b).skip(1).chain([lower.len()]);
            for (k, e) in (1..=4u8).zip(ends) {
                out.push(hash(10 + k, &[&lower[..e]]));
            }
            for (k, (b, _)) in (1..=5u8).zip(lower.char_indices().rev()) {
                out.push(hash(20 + k, &[&lower[b..], cap]));
            }
        }
        if set.has(FeatureSet::CONTEXT2) {
            if let Some(w) = word(ii - 2) {
                out.push(hash(30, &[w]));
            }
            if let Some(w) = word(ii + 2) {
                out.push(hash(31, &[w]));
            }
        }
        if set.has(FeatureSet::BIGRAM)
            && let Some(w0) = word(ii)
        {
            if let Some(w) = word(ii - 1) {
                out.push(hash(32, &[w, w0]));
            }
            if let Some(w) = word(ii + 1) {
                out.push(hash(33, &[w0, w]));
            }
        }
        if set.has(FeatureSet::SHAPE_CONTEXT)
            && let Some(s0) = x_shape
        {
            let (before, after) = (shp(ii - 1), shp(ii + 1));
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
        if set.has(FeatureSet::COMMON_NOUN) && x.capitalised && x.placeholder.is_none() {
            let flags = match (x.common_noun, x.lower_seen) {
                (true, true) => "cn+ls",
                (true, false) => "cn",
                (false, true) => "ls",
                (false, false) => "-",
            };
            out.push(hash(40, &[flags, first]));
            if let Some(s) = shp(ii + 1) {
                out.push(hash(41, &[flags, s]));
            }
            if let Some(next) = info.get(i + 1)
                && next.capitalised
                && next.placeholder.is_none()
            {
                out.push(hash(42, &[flags, if next.common_noun { "cn" } else { "-" }]));
            }
        }
        if set.has(FeatureSet::TRIGGER) {
            if let Some(s0) = x_shape {
                for d in 1..=2 {
                    if let Some(c) = i.checked_sub(d).and_then(|j| info[j].trigger) {
                        let class = match c {
                            b'P' => "P",
                            b'L' => "L",
                            _ => "O",
                        };
                        out.push(hash(50 + d as u8, &[class, s0]));
                    }
                }
            }
            if let Some(prev) = i.checked_sub(1).and_then(|j| word(j as isize)) {
                let from = prev.char_indices().rev().nth(3).map_or(0, |(b, _)| b);
                out.push(hash(53, &[&prev[from..]]));
            }
        }
        if set.has(FeatureSet::HYPHEN)
            && x.placeholder.is_none()
            && let Some((head, tail)) = buf[x.lower.clone()].split_once('-')
            && !head.is_empty()
        {
            out.push(hash(60, &[head]));
            out.push(hash(61, &[tail.rsplit('-').next().unwrap_or(tail)]));
            if set.has(FeatureSet::COMMON_NOUN) {
                let tail_cn = lexicon.common_nouns.contains(tail);
                out.push(hash(62, &[if tail_cn { "cn" } else { "-" }, shape(head).as_str()]));
            }
        }
        if set.has(FeatureSet::GAZETTEER) {
            for (template, j) in [(70u8, Some(i)), (72, i.checked_sub(1)), (73, Some(i + 1))] {
                let Some(&bits) = j.and_then(|j| gaz.get(j)) else {
                    continue;
                };
                if bits == 0 {
                    continue;
                }
                for flag in GazFlag::ALL {
                    for kind in NerKind::ALL {
                        if bits & super::gazetteer::flag_bit(flag, kind) != 0 {
                            let h = Fnv::new(template).part(flag.code()).part(kind.as_str());
                            out.push(h.0);
                            if template == 70 {
                                out.push(hash(71, &[flag.code(), kind.as_str(), cap, first]));
                            }
                        }
                    }
                }
            }
        }
        if set.has(FeatureSet::CASING) {
            let c = x.placeholder.map_or_else(|| casing(tok), |p| p.casing);
            out.push(hash(80, &[c]));
            out.push(hash(81, &[c, first]));
        }
    }
    offsets.push(out.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`trigger_class`] implements with a table: the first list (person, place,
    /// organisation) with a word equal to `lower`, or longer than 5 bytes and ending it.
    fn trigger_class_by_scan(lower: &str) -> Option<u8> {
        let ends = |list: &[&str]| list.iter().any(|t| lower == *t || (t.len() > 5 && lower.ends_with(t)));
        [(PERSON_TRIGGERS, b'P'), (PLACE_TRIGGERS, b'L'), (ORG_TRIGGERS, b'O')]
            .into_iter()
            .find(|(list, _)| ends(list))
            .map(|(_, c)| c)
    }

    #[test]
    fn trigger_table_agrees_with_the_list_scan() {
        let lists = [PERSON_TRIGGERS, PLACE_TRIGGERS, ORG_TRIGGERS];
        assert!(lists.iter().flat_map(|l| l.iter()).all(|t| t.len() <= MAX_TRIGGER_LEN));
        let mut words: Vec<String> = lists.iter().flat_map(|l| l.iter().map(|t| t.to_string())).collect();
        for t in words.clone() {
            words.extend([
                format!("vize{t}"),
                format!("ex-{t}"),
                t[1..].to_string(),
                format!("{t}s"),
            ]);
        }
        words.extend(
            [
                "",
                "ß",
                "ortschaft",
                "bundesländer",
                "landeshauptstadt",
                "oberbürgermeisterin",
                "stadtrat",
                "frauen",
                "bankchef",
                "konzernchefin",
                "parteichef",
                "kommissionspräsidentin",
                "bürger",
                "x",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(trigger_class(w), trigger_class_by_scan(w), "{w:?}");
        }
        let table: &[(&str, Option<u8>)] = &[
            ("präsident", Some(b'P')),
            ("vizepräsidentin", Some(b'P')),
            ("landeshauptstadt", Some(b'L')),
            ("autokonzern", Some(b'O')),
            ("bürger", None),
            ("ort", Some(b'L')),
            ("sport", None),
        ];
        for &(w, want) in table {
            assert_eq!(trigger_class(w), want, "{w}");
        }
    }

    #[test]
    fn shape_collapses_runs_and_caps_length() {
        let table = [
            ("Olaf", "Xx"),
            ("US-Wahl", "X-Xx"),
            ("3,5", "d,d"),
            ("Über", "Xx"),
            ("„", "„"),
            ("aBcDeFgHiJkL", "xXxXxXxXx"),
        ];
        for (w, want) in table {
            assert_eq!(shape(w), want, "{w}");
        }
    }
}
