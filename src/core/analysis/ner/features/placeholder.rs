//! Placeholder tokens of GermEval's reconstructed train split (`<UNK:CASING:id>`) and the casing classes
//! they carry.

use super::hash::hash;

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
/// itself, only from its casing class (and, with [`FeatureSet::PLACEHOLDER_ID`](super::FeatureSet::PLACEHOLDER_ID), its id).
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
    // one pass over the bytes (a `while` loop: the wasm is built for size, where `chars()` stays a call):
    // chars are the bytes that do not continue a UTF-8 sequence, and only ASCII bytes are digits or cased
    let bytes = word.as_bytes();
    let (mut chars, mut digits, mut lower, mut upper, mut i) = (0, 0, 0, 0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        chars += usize::from(b & 0xC0 != 0x80);
        digits += usize::from(b.is_ascii_digit());
        lower += usize::from(b.is_ascii_lowercase());
        upper += usize::from(b.is_ascii_uppercase());
        i += 1;
    }
    let n = chars.max(1);
    let first = match bytes.first() {
        None => ' ',
        Some(&b) if b.is_ascii() => char::from(b),
        Some(_) => word.chars().next().unwrap_or(' '),
    };
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

/// The key of a placeholder's id feature ([`FeatureSet::PLACEHOLDER_ID`](super::FeatureSet::PLACEHOLDER_ID)). Real text never has it, so
/// training drops its weights from the model file.
pub fn placeholder_id_key(id: &str) -> u32 {
    hash(90, &[id])
}

/// The shape a placeholder's casing class implies (`None` where it implies none).
pub(super) fn casing_shape(casing: &str) -> Option<&'static str> {
    match casing {
        "initialUpper" => Some("Xx"),
        "allUpper" => Some("X"),
        "allLower" => Some("x"),
        "numeric" => Some("d"),
        _ => None,
    }
}
