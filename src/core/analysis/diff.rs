//! View models for the compare view: German sentence splitting, sentence alignment of two reports and
//! word-level differences (with `similar`).
//!
//! [`align_sentences`] pairs the sentences of two texts in reading order (a monotone alignment that
//! maximises the summed word overlap, so a moved sentence shows up as removed on one side and added on
//! the other), and [`word_diff`] marks what one sentence says that the other does not.
#![allow(
    clippy::cast_precision_loss,
    reason = "sentence and word counts far below 2^52 become f64 ratios"
)]

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::core::analysis::similarity::{fold, words};

/// Abbreviations (folded, without the dot) after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "z", "b", "d", "h", "u", "a", "s", "o", "v", "vgl", "bzw", "ca", "dr", "prof", "nr", "st", "usw", "etc", "mio",
    "mrd", "jh", "sog", "ggf", "abs", "art", "inkl", "evtl", "bspw", "zb", "dt", "gen", "hl", "jr", "mr", "mrs", "ms",
    "str", "tel", "uvm", "vs", "zt", "chr", "bzgl", "ehem", "min", "max", "std", "tsd",
];

/// Closing quotes and brackets that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '“' | '«' | '»' | '\'' | '’' | '‘' | ')' | ']')
}

/// Splits German text into sentences: `(code point offset, sentence)` with surrounding white space trimmed.
///
/// A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by white space and
/// an upper-case letter, a digit or an opening quote, and always at a blank line. A full stop does not end
/// a sentence after a known abbreviation ("z. B.", "Dr."), a single letter ("(l.)", initials), or a
/// one- or two-digit number (ordinals: "am 12. Januar").
///
/// ```
/// use presseschau::core::analysis::diff::split_sentences;
/// let s = split_sentences("Am 12. Januar kam z. B. Dr. Meier. Er sagte: \"Wir bleiben.\" Dann ging er.");
/// let texts: Vec<&str> = s.iter().map(|(_, t)| *t).collect();
/// assert_eq!(texts, ["Am 12. Januar kam z. B. Dr. Meier.", "Er sagte: \"Wir bleiben.\"", "Dann ging er."]);
/// ```
pub fn split_sentences<'t>(text: &'t str) -> Vec<(usize, &'t str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0; // index into chars
    let mut i = 0;
    let push = |out: &mut Vec<(usize, &'t str)>, from: usize, to: usize, chars: &[(usize, char)]| {
        // trim white space, keep code point offsets
        let (mut a, mut b) = (from, to);
        while a < b && chars[a].1.is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].1.is_whitespace() {
            b -= 1;
        }
        if a < b {
            let end_byte = chars.get(b).map_or(text.len(), |c| c.0);
            out.push((a, &text[chars[a].0..end_byte]));
        }
    };
    while i < chars.len() {
        let c = chars[i].1;
        // blank line: always a boundary
        if c == '\n' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_whitespace() && chars[j].1 != '\n' {
                j += 1;
            }
            if j < chars.len() && chars[j].1 == '\n' {
                push(&mut out, start, i, &chars);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < chars.len() && (is_closer(chars[end].1) || matches!(chars[end].1, '.' | '!' | '?')) {
                end += 1;
            }
            let followed_by_space = end < chars.len() && chars[end].1.is_whitespace();
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            let starts_sentence = next < chars.len() && {
                let n = chars[next].1;
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '„' | '“' | '»' | '«' | '(' | '\'')
            };
            if followed_by_space && starts_sentence && !(c == '.' && end == i + 1 && no_stop_before(&chars, i)) {
                push(&mut out, start, end, &chars);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, chars.len(), &chars);
    out
}

/// Whether the word before the full stop at `dot` makes it an abbreviation or ordinal dot.
fn no_stop_before(chars: &[(usize, char)], dot: usize) -> bool {
    let mut j = dot;
    while j > 0 && chars[j - 1].1.is_alphanumeric() {
        j -= 1;
    }
    if j == dot {
        return false;
    }
    let word: String = chars[j..dot].iter().map(|c| c.1).collect();
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len() <= 2;
    }
    word.chars().count() == 1 || ABBREVIATIONS.contains(&fold(&word).as_str())
}

/// One piece of a word-level difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op", content = "text")]
pub enum WordDiff {
    /// Text both sides share.
    Same(String),
    /// Text only the left side has.
    OnlyLeft(String),
    /// Text only the right side has.
    OnlyRight(String),
}

/// Two aligned sentences (or a sentence only one side has) with their word-level differences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    /// The left sentence, `None` when only the right side has it.
    pub left: Option<String>,
    /// The right sentence, `None` when only the left side has it.
    pub right: Option<String>,
    /// Word overlap of the two sentences in [0, 1] (Dice over folded words; 0 when one side is missing).
    pub similarity: f64,
    /// The word-level differences, in order (white space is part of the pieces).
    pub words: Vec<WordDiff>,
}

/// Minimum word overlap for two sentences to be shown side by side. Range 0.1–0.8; default 0.3. Lower
/// values pair more loosely related sentences (more, noisier pairs); higher ones leave more sentences
/// unpaired.
pub const ALIGN_MIN_SIMILARITY: f64 = 0.3;

/// The folded words of a sentence.
fn word_set(s: &str) -> HashSet<String> {
    words(s).into_iter().map(|(_, w)| fold(w)).collect()
}

/// Dice overlap of two sentences' folded word sets, in [0, 1].
pub fn sentence_similarity(a: &str, b: &str) -> f64 {
    dice(&word_set(a), &word_set(b))
}

/// Dice overlap of two sets (0 when both are empty).
fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Splits text into diff tokens: runs of letters and digits, runs of white space, and single other
/// characters (so "Sonntag." differs from "Montag." in the word only, not in the full stop).
fn diff_tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8; // 1 word, 2 space
    for (i, c) in text.char_indices() {
        let k = if c.is_alphanumeric() {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if i > start && (k != kind || k == 3) {
            out.push(&text[start..i]);
            start = i;
        }
        kind = k;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// What a token is compared as: quotation marks and apostrophes of any style as one (outlets write „…“,
/// "…", «…» or ’ for the same words; the compare view is about the words).
fn diff_key(token: &str) -> &str {
    match token {
        "„" | "“" | "”" | "«" | "»" | "\"" => "\"",
        "‚" | "‘" | "’" | "‹" | "›" | "'" => "'",
        _ => token,
    }
}

/// Word-level differences of two strings (words, white space and punctuation are separate tokens), with
/// runs of the same kind merged. Quotation marks of another style are no difference ([`diff_key`]); an
/// unchanged run is shown as the left side has it.
///
/// ```
/// use presseschau::core::analysis::diff::{WordDiff, word_diff};
/// assert_eq!(word_diff("Er sagte: „Ja“.", "Er sagte: \"Ja\"."), [WordDiff::Same("Er sagte: „Ja“.".into())]);
/// ```
pub fn word_diff(left: &str, right: &str) -> Vec<WordDiff> {
    let (lt, rt) = (diff_tokens(left), diff_tokens(right));
    let (lk, rk): (Vec<&str>, Vec<&str>) = (
        lt.iter().map(|t| diff_key(t)).collect(),
        rt.iter().map(|t| diff_key(t)).collect(),
    );
    let diff = TextDiff::from_slices(&lk, &rk);
    let mut out: Vec<WordDiff> = Vec::new();
    for change in diff.iter_all_changes() {
        // the token as written (an equal one as the left side has it)
        let text: &str = match change.tag() {
            ChangeTag::Insert => change.new_index().and_then(|i| rt.get(i)),
            _ => change.old_index().and_then(|i| lt.get(i)),
        }
        .copied()
        .unwrap_or_default();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(WordDiff::Same(s)))
            | (ChangeTag::Delete, Some(WordDiff::OnlyLeft(s)))
            | (ChangeTag::Insert, Some(WordDiff::OnlyRight(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(WordDiff::Same(text.to_string())),
            (ChangeTag::Delete, _) => out.push(WordDiff::OnlyLeft(text.to_string())),
            (ChangeTag::Insert, _) => out.push(WordDiff::OnlyRight(text.to_string())),
        }
    }
    out
}

/// Aligns the sentences of two reports for the compare view.
///
/// Sentences are paired in reading order by dynamic programming so that the summed similarity of the
/// pairs (each at least [`ALIGN_MIN_SIMILARITY`]) is largest; the rest appear alone on their side.
/// Cost: O(n·m) sentence comparisons, fine for articles (a few hundred sentences at most).
///
/// ```
/// use presseschau::core::analysis::diff::{WordDiff, align_sentences};
/// let pairs = align_sentences("Putin rief an. Es ging um Drohnen.", "Neu ist das. Putin rief gestern an.");
/// assert_eq!(pairs.len(), 3);
/// assert!(pairs.iter().any(|p| p.left.as_deref() == Some("Putin rief an.")
///     && p.words.contains(&WordDiff::OnlyRight("gestern ".into()))));
/// ```
pub fn align_sentences(left_text: &str, right_text: &str) -> Vec<AlignedPair> {
    let left: Vec<&str> = split_sentences(left_text).into_iter().map(|(_, s)| s).collect();
    let right: Vec<&str> = split_sentences(right_text).into_iter().map(|(_, s)| s).collect();
    let lw: Vec<HashSet<String>> = left.iter().map(|s| word_set(s)).collect();
    let rw: Vec<HashSet<String>> = right.iter().map(|s| word_set(s)).collect();
    let (n, m) = (left.len(), right.len());
    let sim = |i: usize, j: usize| {
        let s = dice(&lw[i], &rw[j]);
        if s >= ALIGN_MIN_SIMILARITY { s } else { 0.0 }
    };
    // best[i][j]: best total for left[i..], right[j..]
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let mut sims = vec![vec![0.0f64; m]; n];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = sim(i, j);
            sims[i][j] = s;
            let take = if s > 0.0 { s + best[i + 1][j + 1] } else { 0.0 };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && sims[i][j] > 0.0 && (sims[i][j] + best[i + 1][j + 1] - best[i][j]).abs() < 1e-12 {
            out.push(AlignedPair {
                left: Some(left[i].to_string()),
                right: Some(right[j].to_string()),
                similarity: sims[i][j],
                words: word_diff(left[i], right[j]),
            });
            i += 1;
            j += 1;
        } else if i < n && (j == m || (best[i + 1][j] - best[i][j]).abs() < 1e-12) {
            out.push(AlignedPair {
                left: Some(left[i].to_string()),
                right: None,
                similarity: 0.0,
                words: vec![WordDiff::OnlyLeft(left[i].to_string())],
            });
            i += 1;
        } else {
            out.push(AlignedPair {
                left: None,
                right: Some(right[j].to_string()),
                similarity: 0.0,
                words: vec![WordDiff::OnlyRight(right[j].to_string())],
            });
            j += 1;
        }
    }
    out
}
