//! The knowledge base as a gazetteer for the tagger: which tokens of a sentence are (part of) a KB
//! name, a word derived from one, a role title, or a hyphen compound that starts with one.
//!
//! The KB ([`crate::core::analysis::kb::kb`]) was written for the news domain, independently of the
//! NER corpora. Its surface forms ([`crate::core::analysis::morphology::forms_of`]) are indexed by
//! their folded words; a sentence is matched greedily, longest alias first, and each token gets a
//! small bit set of [`GazFlag`]s per kind. The tagger turns the flags into features
//! ([`super::features`]) and, with [`super::features::FeatureSet::KB_RULES`], into two decoding
//! rules ([`apply_rules`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::{Gazetteer, WordHash};
use super::{FineKind, NerKind, NerLabel, Variant};
use crate::core::analysis::kb::{Kb, kb};
use crate::core::analysis::mention::EntityKind;
use crate::core::analysis::morphology::{FormKind, fold, fold_char, forms_of};

/// What a token is in the gazetteer; one bit per flag and kind (see [`flag_bit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazFlag {
    /// The whole token is a one-word name (alias, inflected alias or surname).
    Single = 0,
    /// First word of a multi-word name.
    First = 1,
    /// Inner word of a multi-word name.
    Inner = 2,
    /// Last word of a multi-word name.
    Last = 3,
    /// A derived word: inflected adjective stem or listed demonym (`deutschen`, `Russen`).
    Derived = 4,
    /// A hyphen compound whose first part is a one-word name (`SPD-Politiker`, `US-Präsident`).
    HyphenHead = 5,
    /// A role title (`Bundeskanzler`): a person name often follows.
    Role = 6,
}

impl GazFlag {
    /// All flags, in bit order.
    pub const ALL: [GazFlag; 7] = [
        GazFlag::Single,
        GazFlag::First,
        GazFlag::Inner,
        GazFlag::Last,
        GazFlag::Derived,
        GazFlag::HyphenHead,
        GazFlag::Role,
    ];

    /// A short name used in feature keys.
    pub fn code(self) -> &'static str {
        match self {
            GazFlag::Single => "S",
            GazFlag::First => "B",
            GazFlag::Inner => "I",
            GazFlag::Last => "E",
            GazFlag::Derived => "D",
            GazFlag::HyphenHead => "H",
            GazFlag::Role => "R",
        }
    }
}

/// The bit of a flag for a kind in a token's flag set.
pub fn flag_bit(flag: GazFlag, kind: NerKind) -> u32 {
    1 << (flag as u32 * 4 + kind as u32)
}

/// The NER kind of a KB kind: products and events are GermEval's "other" names.
fn ner_kind(k: EntityKind) -> Option<NerKind> {
    match k {
        EntityKind::Person => Some(NerKind::Per),
        EntityKind::Place => Some(NerKind::Loc),
        EntityKind::Organization => Some(NerKind::Org),
        EntityKind::Product | EntityKind::Event => Some(NerKind::Oth),
        _ => None,
    }
}

/// One name as folded words.
#[derive(Debug, Clone)]
struct Entry {
    /// Folded words of the name (first word is the index key).
    words: Vec<String>,
    /// The exact spelling, if the alias is case-sensitive (`EU`).
    exact: Option<Vec<String>>,
    kind: NerKind,
}

/// The KB indexed for token matching.
#[derive(Debug, Clone, Default)]
pub struct KbGazetteer {
    /// folded first word → names starting with it, longest first
    names: HashMap<String, Vec<Entry>, WordHash>,
    /// folded word → flag bits of single-word derived forms and role titles
    words: HashMap<String, u32, WordHash>,
    /// exact word → flag bits of case-sensitive derived forms
    exact_words: HashMap<String, u32, WordHash>,
}

/// Splits a name into words the way the tokenizer would (white space; no punctuation handling,
/// names with trailing punctuation are rare and simply never match).
fn name_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

impl KbGazetteer {
    /// Indexes a knowledge base. Deterministic: the same KB gives the same flags.
    pub fn new(kb: &Kb) -> Self {
        let mut g = KbGazetteer::default();
        for e in kb.entities() {
            let Some(kind) = ner_kind(e.kind) else { continue };
            for f in forms_of(e) {
                let words = name_words(&f.text);
                if words.is_empty() {
                    continue;
                }
                match f.kind {
                    FormKind::Alias | FormKind::Inflected | FormKind::NamePart => {
                        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
                        let entry = Entry {
                            exact: f.case_sensitive.then(|| words.clone()),
                            words: folded.clone(),
                            kind,
                        };
                        g.names.entry(folded[0].clone()).or_default().push(entry);
                    }
                    FormKind::Adjective | FormKind::Derived | FormKind::Role if words.len() == 1 => {
                        let flag = if f.kind == FormKind::Role {
                            GazFlag::Role
                        } else {
                            GazFlag::Derived
                        };
                        let bit = flag_bit(flag, kind);
                        if f.case_sensitive {
                            *g.exact_words.entry(words[0].clone()).or_default() |= bit;
                        } else {
                            *g.words.entry(fold(&words[0])).or_default() |= bit;
                        }
                    }
                    _ => {}
                }
            }
        }
        for list in g.names.values_mut() {
            list.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
        }
        g
    }

    /// The [`GazFlag::Single`] bits of the kinds `word` (as written; `folded` is its folded form) names.
    fn single_kinds(&self, word: &str, folded: &str) -> u32 {
        self.names.get(folded).map_or(0, |list| single_kinds_in(list, word))
    }
}

/// The [`GazFlag::Single`] bits of the one-word names in `list` that `word` (as written) matches.
fn single_kinds_in(list: &[Entry], word: &str) -> u32 {
    let mut bits = 0;
    for e in list.iter().filter(|e| e.words.len() == 1) {
        if e.exact.as_ref().is_none_or(|x| x[0] == word) {
            bits |= flag_bit(GazFlag::Single, e.kind);
        }
    }
    bits
}

impl Gazetteer for KbGazetteer {
    fn annotate(&self, tokens: &[&str], out: &mut Vec<u32>) {
        out.clear();
        out.resize(tokens.len(), 0);
        // the folded tokens, one buffer for the sentence (what `fold` gives, without a String per token)
        let mut buf = String::with_capacity(tokens.iter().map(|t| t.len()).sum());
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            let start = buf.len();
            // ASCII without `` ` `` or control white space folds to its lower case (`fold_char`'s fast path)
            if t.bytes()
                .all(|b| b.is_ascii() && b != b'`' && !(b'\t'..=b'\r').contains(&b))
            {
                buf.push_str(t);
                buf[start..].make_ascii_lowercase();
            } else {
                buf.extend(t.chars().map(fold_char));
            }
            ends.push(buf.len());
        }
        let folded = |i: usize| &buf[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
        let mut i = 0;
        while i < tokens.len() {
            // longest multi-word name starting here
            let mut matched = 0;
            let list = self.names.get(folded(i));
            if let Some(list) = list {
                for e in list {
                    let n = e.words.len();
                    if n < 2 || i + n > tokens.len() || matched >= n {
                        continue;
                    }
                    let ok = (0..n).all(|k| match &e.exact {
                        Some(x) => x[k] == tokens[i + k],
                        None => e.words[k] == folded(i + k),
                    });
                    if ok {
                        out[i] |= flag_bit(GazFlag::First, e.kind);
                        for o in &mut out[i + 1..i + n - 1] {
                            *o |= flag_bit(GazFlag::Inner, e.kind);
                        }
                        out[i + n - 1] |= flag_bit(GazFlag::Last, e.kind);
                        matched = n;
                    }
                }
            }
            let word = tokens[i];
            out[i] |= list.map_or(0, |list| single_kinds_in(list, word));
            out[i] |= self.words.get(folded(i)).copied().unwrap_or(0);
            out[i] |= self.exact_words.get(word).copied().unwrap_or(0);
            if let Some((head, _)) = word.split_once('-')
                && !head.is_empty()
                && head.len() < word.len() - 1
            {
                let s = self.single_kinds(head, &fold(head));
                for kind in NerKind::ALL {
                    if s & flag_bit(GazFlag::Single, kind) != 0 {
                        out[i] |= flag_bit(GazFlag::HyphenHead, kind);
                    }
                }
            }
            i += matched.max(1);
        }
    }
}

/// The gazetteer of the embedded knowledge base, built on first use.
pub fn kb_gazetteer() -> &'static KbGazetteer {
    static G: OnceLock<KbGazetteer> = OnceLock::new();
    G.get_or_init(|| KbGazetteer::new(kb()))
}

/// The single kind among `bits` for `flag`, if exactly one kind has it.
fn only_kind(bits: u32, flag: GazFlag) -> Option<NerKind> {
    let mut found = None;
    for kind in NerKind::ALL {
        if bits & flag_bit(flag, kind) != 0 {
            if found.is_some() {
                return None;
            }
            found = Some(kind);
        }
    }
    found
}

/// Decoding rules for what the training corpora rarely label: a token the model left `O` becomes
/// `B-{kind}deriv` if it is a KB derived form of exactly one kind (`deutschen`, `Russen`), and
/// `B-{kind}part` if it is a hyphen compound starting with a one-word KB name of exactly one kind
/// (`SPD-Politiker`, `US-Präsident`). Labels the model set are never changed.
pub fn apply_rules(flags: &[u32], labels: &mut [NerLabel]) {
    for (i, bits) in flags.iter().enumerate() {
        if labels.get(i) != Some(&NerLabel::Outside) {
            continue;
        }
        let next_inside = matches!(labels.get(i + 1), Some(NerLabel::Inside(_)));
        if next_inside {
            continue;
        }
        let fine = if let Some(kind) = only_kind(*bits, GazFlag::Derived) {
            Some(FineKind {
                kind,
                variant: Variant::Deriv,
            })
        } else {
            only_kind(*bits, GazFlag::HyphenHead).map(|kind| FineKind {
                kind,
                variant: Variant::Part,
            })
        };
        if let Some(f) = fine {
            labels[i] = NerLabel::Begin(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(tokens: &[&str]) -> Vec<u32> {
        let mut out = Vec::new();
        kb_gazetteer().annotate(tokens, &mut out);
        out
    }

    #[test]
    fn kb_words_get_their_flags() {
        let table: &[(&[&str], usize, GazFlag, NerKind, bool)] = &[
            (&["in", "Deutschland", "."], 1, GazFlag::Single, NerKind::Loc, true),
            (&["die", "deutschen", "Autos"], 1, GazFlag::Derived, NerKind::Loc, true),
            (&["die", "deutschen", "Autos"], 2, GazFlag::Derived, NerKind::Loc, false),
            (
                &["ein", "SPD-Politiker", "sagte"],
                1,
                GazFlag::HyphenHead,
                NerKind::Org,
                true,
            ),
            (&["der", "Tisch", "steht"], 1, GazFlag::Single, NerKind::Loc, false),
            (
                &["Recep", "Tayyip", "Erdogan", "sagte"],
                0,
                GazFlag::First,
                NerKind::Per,
                true,
            ),
            (
                &["Recep", "Tayyip", "Erdogan", "sagte"],
                1,
                GazFlag::Inner,
                NerKind::Per,
                true,
            ),
            (
                &["Recep", "Tayyip", "Erdogan", "sagte"],
                2,
                GazFlag::Last,
                NerKind::Per,
                true,
            ),
        ];
        for &(tokens, i, flag, kind, want) in table {
            let got = flags(tokens)[i] & flag_bit(flag, kind) != 0;
            assert_eq!(got, want, "{tokens:?}[{i}] {flag:?} {kind:?}");
        }
    }

    #[test]
    fn rules_fill_only_outside_tokens() {
        let tokens = ["die", "deutschen", "SPD-Politiker", "in", "Berlin"];
        let f = flags(&tokens);
        let mut labels = vec![NerLabel::Outside; 5];
        labels[4] = "B-LOC".parse().unwrap();
        apply_rules(&f, &mut labels);
        let got: Vec<String> = labels.iter().map(ToString::to_string).collect();
        assert_eq!(got, ["O", "B-LOCderiv", "B-ORGpart", "O", "B-LOC"]);
    }
}
