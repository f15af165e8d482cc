//! Token features for the tagger, hashed to `u32` keys (FNV-1a; stable across platforms).
//!
//! Each feature group can be switched off for ablations ([`FeatureSet`]); the set a model was trained
//! with is stored in the model file so tagging computes the same features.
//!
//! The pieces: `templates` (the feature templates: [`sentence_features`]), `shape` (word shapes),
//! `placeholder` (placeholder tokens of the train split, casing classes), `trigger` (trigger words),
//! `hash` (feature keys). Gazetteer flags come from [`super::gazetteer`].

mod hash;
mod placeholder;
mod shape;
mod templates;
mod trigger;

pub use hash::{WordHash, WordHasher, WordMap, WordSet};
pub use placeholder::{Placeholder, casing, placeholder, placeholder_id_key};
pub use shape::shape;
pub use templates::sentence_features;

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
    /// The last three and first three chars of the words at ±1 (real words only).
    pub const NEIGHBOUR_AFFIX: u32 = 8192;
    /// The shapes of the words at ±2.
    pub const SHAPE2: u32 = 16384;
    /// The words at ±1 conjoined with the token's capitalisation ("in" + capitalised, "sagte" after a
    /// capitalised word): what a placeholder or an unseen name has besides its context.
    pub const CONTEXT_CAP: u32 = 32768;
    /// The words at ±2 conjoined with the token's capitalisation (with [`FeatureSet::CONTEXT_CAP`]'s
    /// idea one word further out).
    pub const CONTEXT2_CAP: u32 = 65536;
    /// Whether the token stands between quotation marks (titles, the OTH names), with its capitalisation.
    pub const QUOTE: u32 = 131072;
    /// Word clusters learned from unlabelled text ([`Lexicon::clusters`]): the cluster of a capitalised token
    /// and of its capitalised neighbours at ±1, so an unseen name shares weights with the names it is used like.
    pub const CLUSTERS: u32 = 262144;
    /// The head of a German compound: the longest end of a capitalised word (at least [`HEAD_MIN`] chars,
    /// leaving at least as many before it) that the lexicon knows as a common noun ("Tötungs|anstalt",
    /// "Flug|hafen"): the head itself, and whether there is one. Names rarely end in a common noun; the
    /// head also tells places (…straße) and organisations (…verband) apart where the word is unseen.
    pub const COMPOUND_HEAD: u32 = 524288;
    /// What the parts of a compound are (with [`FeatureSet::COMPOUND_HEAD`] and [`FeatureSet::HYPHEN`]):
    /// whether the part before a compound head ("Markus|evangelium", "Flug|hafen"), or the first part of a
    /// hyphen compound ("VW-Konzern", "Corona-Impfstoff"), is itself a known common noun (also without a
    /// linking "s", "es", "n", "en", "e", "er") or a word seen in lower case. A compound whose first part is no
    /// known word is often a name's compound (GermEval's `part` labels) or a name.
    pub const COMPOUND_MODIFIER: u32 = 1 << 20;
    /// Not a feature group: the model has a stacked second pass (`model::second`), whose features are the
    /// first pass's labels around each token; the model file stores its weights.
    pub const STACK: u32 = 1 << 21;
    /// With [`FeatureSet::STACK`]: the first pass's margin of each token is a second-pass feature too.
    pub const STACK_CONFIDENCE: u32 = 1 << 22;
    /// With [`FeatureSet::STACK`]: the second pass runs only on sentences where the first pass found a name (a
    /// label other than `O` before or after the KB rules); elsewhere the first pass's output stands. Such a
    /// sentence's second-pass features are all "`O` around `O`", so the second pass has little to go on there,
    /// and skipping it saves its cost on the sentences without names. Training sees only the sentences it runs on.
    pub const STACK_NAMED: u32 = 1 << 23;
    /// With [`FeatureSet::STACK`]: the second pass re-decodes only the windows of the first pass's names — each
    /// run of tokens within two tokens of a first-pass name label, between two tokens held at `O` (or the
    /// sentence's ends) — and keeps the first pass's `O` elsewhere (no window: no second pass). Its label
    /// features reach two tokens, so outside the windows they only say "`O` around `O`"; skipping those tokens
    /// saves most of its cost. Training sees the same windows.
    pub const STACK_WINDOWS: u32 = 1 << 24;
    /// Not a feature group: the model file ends with a bias (f32) subtracted from the emission score of `O` at
    /// every token when decoding (`Model::o_bias`; `--o-bias B` of `train-ner`): a decoder leaning towards names,
    /// trading precision for recall. Set only for a non-zero bias, so a model without one keeps its bytes.
    pub const O_BIAS: u32 = 1 << 25;
    /// Names of the groups, for the command line.
    pub const NAMES: [(&'static str, u32); 25] = [
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
        ("neighbour-affix", Self::NEIGHBOUR_AFFIX),
        ("shape2", Self::SHAPE2),
        ("context-cap", Self::CONTEXT_CAP),
        ("context2-cap", Self::CONTEXT2_CAP),
        ("quote", Self::QUOTE),
        ("clusters", Self::CLUSTERS),
        ("compound-head", Self::COMPOUND_HEAD),
        ("compound-modifier", Self::COMPOUND_MODIFIER),
        ("stack", Self::STACK),
        ("stack-confidence", Self::STACK_CONFIDENCE),
        ("stack-named", Self::STACK_NAMED),
        ("stack-windows", Self::STACK_WINDOWS),
    ];

    /// All groups on, except [`FeatureSet::CLASS_TRANSITIONS`]: it was added later and is opt-in
    /// (`--features all,-bigram,class-transitions`), so `all,-x` keeps the meaning it had in the
    /// experiment tables of `docs/ner.md`.
    pub fn all() -> Self {
        FeatureSet(
            Self::NAMES.iter().fold(0, |a, (_, b)| a | b)
                & !(Self::CLASS_TRANSITIONS
                    | Self::CASING
                    | Self::PLACEHOLDER_SHAPE
                    | Self::PLACEHOLDER_ID
                    | Self::NEIGHBOUR_AFFIX
                    | Self::SHAPE2
                    | Self::CONTEXT_CAP
                    | Self::CONTEXT2_CAP
                    | Self::QUOTE
                    | Self::CLUSTERS
                    | Self::COMPOUND_HEAD
                    | Self::COMPOUND_MODIFIER
                    | Self::STACK
                    | Self::STACK_CONFIDENCE
                    | Self::STACK_NAMED
                    | Self::STACK_WINDOWS),
        )
    }

    /// Whether a group is on.
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// The shortest compound head and the shortest part before it, in chars ([`FeatureSet::COMPOUND_HEAD`]).
pub const HEAD_MIN: usize = 3;

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

/// Word lists derived from the training data and stored in the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Lower-cased words seen capitalised mid-sentence and almost always tagged `O`: German common
    /// nouns ("politik", "regierung").
    pub common_nouns: WordSet,
    /// Lower-cased words seen written in lower case (ordinary words: "die", "neue").
    pub lower_seen: WordSet,
    /// With [`FeatureSet::CLUSTERS`]: the word cluster of capitalised words (lower-cased; keys starting
    /// with `<` are placeholder ids of the train split, [`cluster_key`], and are not stored in the model).
    pub clusters: WordMap<u8>,
}

/// The key of a token in [`Lexicon::clusters`]: a real word lower-cased (as the caller has it), a placeholder
/// `<` and its id; `None` for a placeholder outside the train split's vocabulary (`oov`).
pub fn cluster_key(token: &str) -> Option<String> {
    match placeholder(token) {
        Some(p) if p.id == "oov" => None,
        Some(p) => Some(format!("<{}", p.id)),
        None => Some(token.to_lowercase()),
    }
}
