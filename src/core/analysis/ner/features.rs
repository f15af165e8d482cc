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
    /// Names of the groups, for the command line.
    pub const NAMES: [(&'static str, u32); 10] = [
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
    ];

    /// All groups on, except [`FeatureSet::CLASS_TRANSITIONS`]: it was added later and is opt-in
    /// (`--features all,-bigram,class-transitions`), so `all,-x` keeps the meaning it had in the
    /// experiment tables of `docs/ner.md`.
    pub fn all() -> Self {
        FeatureSet(Self::NAMES.iter().fold(0, |a, (_, b)| a | b) & !Self::CLASS_TRANSITIONS)
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
    match token.chars().next() {
        Some(c) if c.is_uppercase() => usize::from(!lexicon.common_nouns.contains(&token.to_lowercase())),
        Some(c) if c.is_lowercase() => 2,
        _ => 3,
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

/// Minimum number of mid-sentence capitalised occurrences for a word to count as a common noun.
/// Range 1–10, default 2: lower admits more noise, higher misses rarer nouns.
pub const COMMON_NOUN_MIN_COUNT: u32 = 2;
/// Minimum share of `O` labels among those occurrences. Range 0.5–1.0, default 0.9.
pub const COMMON_NOUN_MIN_O_SHARE: f32 = 0.9;
/// Minimum lower-case occurrences for [`Lexicon::lower_seen`]. Range 1–10, default 2.
pub const LOWER_SEEN_MIN_COUNT: u32 = 2;

impl Lexicon {
    /// Derives the lists from labelled sentences (tokens with `true` = inside a name).
    pub fn derive<'a>(sentences: impl Iterator<Item = (&'a [String], Vec<bool>)>) -> Self {
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
            .filter(|(_, n)| *n >= LOWER_SEEN_MIN_COUNT)
            .map(|(w, _)| w)
            .collect();
        Lexicon {
            common_nouns,
            lower_seen,
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
            if n >= LOWER_SEEN_MIN_COUNT {
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
struct Info {
    lower: std::ops::Range<usize>,
    shape: std::ops::Range<usize>,
    capitalised: bool,
    /// In [`Lexicon::common_nouns`] (only looked up for capitalised words).
    common_noun: bool,
    /// In [`Lexicon::lower_seen`] (only looked up for capitalised words).
    lower_seen: bool,
    /// [`trigger_class`] of the lower-cased word (only with [`FeatureSet::TRIGGER`]).
    trigger: Option<u8>,
}

/// Computes the features of every token of a sentence: `out[offsets[i]..offsets[i + 1]]` are the
/// keys of token `i` (`offsets` has one entry more than `tokens`). `gaz` holds the gazetteer flags of
/// the tokens ([`Gazetteer::annotate`]); missing entries count as 0.
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
    let mut info: Vec<Info> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let a = buf.len();
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
        });
    }
    for x in &mut info {
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
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            info.get(i as usize).map_or("</s>", |x| &buf[x.lower.clone()])
        }
    };
    let shp = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            info.get(i as usize).map_or("</s>", |x| &buf[x.shape.clone()])
        }
    };
    let bias = hash(0, &[]);
    for (i, tok) in tokens.iter().enumerate() {
        offsets.push(out.len());
        let x = &info[i];
        let lower = &buf[x.lower.clone()];
        let x_shape = &buf[x.shape.clone()];
        let ii = i as isize;
        let first = if i == 0 { "1" } else { "0" };
        let cap = if x.capitalised { "C" } else { "c" };
        out.push(bias);
        out.push(hash(1, &[tok]));
        out.push(hash(2, &[lower]));
        out.push(hash(3, &[x_shape]));
        out.push(hash(4, &[x_shape, first]));
        out.push(hash(5, &[word(ii - 1)]));
        out.push(hash(6, &[word(ii + 1)]));
        if set.has(FeatureSet::AFFIX) {
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
            out.push(hash(30, &[word(ii - 2)]));
            out.push(hash(31, &[word(ii + 2)]));
        }
        if set.has(FeatureSet::BIGRAM) {
            out.push(hash(32, &[word(ii - 1), lower]));
            out.push(hash(33, &[lower, word(ii + 1)]));
        }
        if set.has(FeatureSet::SHAPE_CONTEXT) {
            out.push(hash(34, &[shp(ii - 1), x_shape]));
            out.push(hash(35, &[x_shape, shp(ii + 1)]));
            out.push(hash(36, &[shp(ii - 1), x_shape, shp(ii + 1)]));
        }
        if set.has(FeatureSet::COMMON_NOUN) && x.capitalised {
            let flags = match (x.common_noun, x.lower_seen) {
                (true, true) => "cn+ls",
                (true, false) => "cn",
                (false, true) => "ls",
                (false, false) => "-",
            };
            out.push(hash(40, &[flags, first]));
            out.push(hash(41, &[flags, shp(ii + 1)]));
            if let Some(next) = info.get(i + 1)
                && next.capitalised
            {
                out.push(hash(42, &[flags, if next.common_noun { "cn" } else { "-" }]));
            }
        }
        if set.has(FeatureSet::TRIGGER) {
            for d in 1..=2 {
                if let Some(c) = i.checked_sub(d).and_then(|j| info[j].trigger) {
                    let class = match c {
                        b'P' => "P",
                        b'L' => "L",
                        _ => "O",
                    };
                    out.push(hash(50 + d as u8, &[class, x_shape]));
                }
            }
            if i >= 1 {
                let prev = &buf[info[i - 1].lower.clone()];
                let from = prev.char_indices().rev().nth(3).map_or(0, |(b, _)| b);
                out.push(hash(53, &[&prev[from..]]));
            }
        }
        if set.has(FeatureSet::HYPHEN)
            && let Some((head, tail)) = lower.split_once('-')
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
