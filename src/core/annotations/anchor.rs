//! Anchoring: from a selection to selectors, and from selectors back to a place in a (possibly changed)
//! text.
//!
//! All offsets are Unicode code points over [`Article::text`](crate::core::corpus::Article::text). Browser
//! selections count UTF-16 code units; convert them with [`cp_from_utf16`] first.
//!
//! Re-anchoring ([`TextIndex::reanchor`]) tries, in order:
//! 1. **exact quote**: every occurrence of the quote is scored by how much of the stored prefix/suffix
//!    matches around it and, as a tie-breaker, by how close it is to the old position. The old position
//!    itself wins when its context matches best ([`How::Exact`]), otherwise the best other one
//!    ([`How::Moved`]);
//! 2. **fuzzy quote**: white space runs are collapsed on both sides and the quote is searched with at most
//!    [`MAX_ERROR_PERCENT`] % edits (Sellers' approximate matching: Levenshtein distance with a free start,
//!    bounded by [`MAX_FUZZY_CELLS`]); quotes longer than [`LONG_QUOTE_CHARS`] are matched by their head
//!    and tail ([`How::Fuzzy`]);
//! 3. otherwise [`Anchoring::Orphaned`]: the annotation is kept, with its quote, and listed as orphaned.
//!
//! The matching is hand-written: crates such as `strsim` compare whole strings and cannot *search* for an
//! approximate substring, and a full diff (`similar`) of the old and new article is not available, since
//! only the quote and its context are stored.

use crate::core::annotations::{AnnotationError, Selector, TextPositionSelector, TextQuoteSelector};

/// Code points of context stored before and after a quote (default 32; W3C suggests "enough to be unique").
/// More context disambiguates repeated quotes better but makes storage and links larger.
pub const CONTEXT_CHARS: usize = 32;
/// Most edits allowed in a fuzzy match, as a percentage of the quote length (default 25, range 0–50).
/// Higher values re-attach quotes that were edited more, at the risk of attaching to a wrong sentence.
pub const MAX_ERROR_PERCENT: usize = 25;
/// Most edits allowed when at least three quarters of the stored context match around the hit (default
/// 40, range [`MAX_ERROR_PERCENT`]–60): a short quote with a replaced word is still found where its
/// surroundings are unchanged.
pub const MAX_ERROR_PERCENT_IN_CONTEXT: usize = 40;
/// How many more context code points a fuzzy match needs than an unchanged quote found with weak context
/// (less than half of the stored context) to win over it (default 8).
pub const WEAK_CONTEXT_MARGIN: usize = 8;
/// Quotes shorter than this (in code points, default 8) are only matched exactly (modulo white space):
/// a few edits in a short quote could match almost anywhere.
pub const FUZZY_MIN_CHARS: usize = 8;
/// Quotes longer than this (code points, default 256) are fuzzy-matched by their first and last
/// [`HEAD_TAIL_CHARS`] code points, which keeps the search linear in the text length.
pub const LONG_QUOTE_CHARS: usize = 256;
/// Length of the head and tail used for long quotes (default 64).
pub const HEAD_TAIL_CHARS: usize = 64;
/// Budget of dynamic-programming cells for one fuzzy search (default 8 million, about 10 ms natively).
/// When quote length × text length exceeds it, only a window around the old position is searched.
pub const MAX_FUZZY_CELLS: usize = 8_000_000;
/// Weight of closeness to the old position against matching context characters (default 4): an occurrence
/// at the far end of the text loses 4 context characters' worth of score.
pub const DISTANCE_WEIGHT: f64 = 4.0;

/// How an annotation was re-attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// The quote is still at its old position.
    Exact,
    /// The quote was found unchanged at another position.
    Moved,
    /// The quote was found with changes (white space or edited words): the UI may mark it as approximate.
    Fuzzy,
}

/// The result of re-anchoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchoring {
    /// Placed at `start..end` (code points).
    Anchored {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// How it was found.
        how: How,
    },
    /// Could not be placed; keep the annotation and list it with its quote.
    Orphaned,
}

impl Anchoring {
    /// The range, when anchored.
    pub fn range(&self) -> Option<(usize, usize)> {
        match *self {
            Self::Anchored { start, end, .. } => Some((start, end)),
            Self::Orphaned => None,
        }
    }
}

/// Whether `c` continues the previous character (so that a selection must not start before it).
fn is_extending(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0xFE00..=0xFE0F | 0x200D | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF | 0xE0020..=0xE007F)
}

/// Checks that `start..end` is a non-empty range inside `text` (code points) that does not cut a
/// character made of several code points (a base letter and its combining accent, an emoji with a skin
/// tone or a zero-width joiner sequence).
pub fn check_range(text: &str, start: usize, end: usize) -> Result<(), AnnotationError> {
    if start >= end {
        return Err(AnnotationError::EmptyRange { start, end });
    }
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    if end > len {
        return Err(AnnotationError::OutOfBounds { start, end, len });
    }
    let cuts = |at: usize| at > 0 && at < len && (is_extending(chars[at]) || chars[at - 1] == '\u{200D}');
    for at in [start, end] {
        if cuts(at) {
            return Err(AnnotationError::SplitsCharacter { start, end, at });
        }
    }
    Ok(())
}

/// Makes the selectors for a selection of `start..end` code points of `text`, with [`CONTEXT_CHARS`] of
/// context on each side.
pub fn select(text: &str, start: usize, end: usize) -> Result<Selector, AnnotationError> {
    check_range(text, start, end)?;
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    Ok(Selector {
        quote: TextQuoteSelector {
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: slice(end, (end + CONTEXT_CHARS).min(chars.len())),
        },
        position: TextPositionSelector { start, end },
    })
}

/// Converts an offset in UTF-16 code units (what `Selection.anchorOffset` and JS string indices count)
/// into code points of `text`. Fails inside a surrogate pair or past the end.
///
/// ```
/// use presseschau::core::annotations::anchor::cp_from_utf16;
/// // "👍" is 2 UTF-16 units but one code point; "ü" is one of each.
/// assert_eq!(cp_from_utf16("👍 Tür", 4), Ok(3));
/// assert!(cp_from_utf16("👍 Tür", 1).is_err());
/// ```
pub fn cp_from_utf16(text: &str, offset: usize) -> Result<usize, AnnotationError> {
    let mut units = 0;
    for (cp, c) in text.chars().enumerate() {
        if units == offset {
            return Ok(cp);
        }
        if units > offset {
            return Err(AnnotationError::BadUtf16Offset { offset });
        }
        units += c.len_utf16();
    }
    if units == offset {
        Ok(text.chars().count())
    } else {
        Err(AnnotationError::BadUtf16Offset { offset })
    }
}

/// Converts a code point offset into UTF-16 code units (for building a DOM range), clamped to the end.
pub fn utf16_from_cp(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

/// Re-anchors a quote in `text` (see the module docs). Builds a [`TextIndex`]; to place many annotations
/// on the same text, build the index once.
pub fn reanchor(text: &str, quote: &TextQuoteSelector, hint: Option<TextPositionSelector>) -> Anchoring {
    TextIndex::new(text).reanchor(quote, hint)
}

/// A text prepared for re-anchoring many quotes: its code points and a white-space-collapsed copy.
#[derive(Debug, Clone)]
pub struct TextIndex {
    chars: Vec<char>,
    /// The text with every run of white space replaced by one space.
    norm: Vec<char>,
    /// For each code point of `norm`, the code point of `chars` it came from.
    norm_to_orig: Vec<usize>,
    /// For each code point of `chars` (and one past the end), the code point of `norm` at or after it.
    orig_to_norm: Vec<usize>,
}

/// An approximate match in the collapsed text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    cost: usize,
}

/// Collapses every run of white space to one space: the collapsed chars, and for each collapsed char its
/// original index, and for each original index (plus the end) its collapsed index.
fn collapse(chars: &[char]) -> (Vec<char>, Vec<usize>, Vec<usize>) {
    let mut norm = Vec::with_capacity(chars.len());
    let mut n2o = Vec::with_capacity(chars.len());
    let mut o2n = Vec::with_capacity(chars.len() + 1);
    for (i, &c) in chars.iter().enumerate() {
        o2n.push(norm.len());
        if c.is_whitespace() {
            if norm.last() != Some(&' ') {
                norm.push(' ');
                n2o.push(i);
            }
        } else {
            norm.push(c);
            n2o.push(i);
        }
    }
    o2n.push(norm.len());
    (norm, n2o, o2n)
}

fn collapse_str(s: &str) -> Vec<char> {
    let chars: Vec<char> = s.chars().collect();
    collapse(&chars).0
}

/// How many code points of `prefix` (read backwards) match the text before `start`, plus how many of
/// `suffix` match the text from `end`.
fn context_score(text: &[char], start: usize, end: usize, prefix: &[char], suffix: &[char]) -> usize {
    let before = prefix
        .iter()
        .rev()
        .zip(text[..start].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = suffix
        .iter()
        .zip(text[end.min(text.len())..].iter())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

impl TextIndex {
    /// Prepares `text`.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let (norm, norm_to_orig, orig_to_norm) = collapse(&chars);
        Self {
            chars,
            norm,
            norm_to_orig,
            orig_to_norm,
        }
    }

    /// Length of the text in code points.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The text between two code point offsets (clamped).
    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars[start.min(end)..end].iter().collect()
    }

    /// Re-anchors a quote; `hint` is the old position, when known.
    pub fn reanchor(&self, quote: &TextQuoteSelector, hint: Option<TextPositionSelector>) -> Anchoring {
        let exact: Vec<char> = quote.exact.chars().collect();
        if exact.is_empty() || self.chars.is_empty() {
            return Anchoring::Orphaned;
        }
        let prefix: Vec<char> = quote.prefix.chars().collect();
        let suffix: Vec<char> = quote.suffix.chars().collect();
        let available = prefix.len() + suffix.len();
        let fuzzy = || self.fuzzy_match(quote, hint);
        match self.exact_match(&exact, &prefix, &suffix, hint) {
            Some((found, ctx)) if available == 0 || ctx * 2 >= available => found,
            // The quote occurs unchanged, but with little of its context: the passage itself may have been
            // edited and this be another occurrence. A fuzzy match with clearly more context wins.
            Some((found, ctx)) => match fuzzy() {
                Some((f, fctx)) if fctx >= ctx + WEAK_CONTEXT_MARGIN && fctx * 2 >= available => f,
                _ => found,
            },
            None => fuzzy().map_or(Anchoring::Orphaned, |(f, _)| f),
        }
    }

    /// Every start offset (code points) where `pattern` occurs exactly, overlapping occurrences included.
    pub fn occurrences(&self, pattern: &[char]) -> Vec<usize> {
        let m = pattern.len();
        if m == 0 || m > self.chars.len() {
            return Vec::new();
        }
        (0..=self.chars.len() - m)
            .filter(|&s| self.chars[s] == pattern[0] && self.chars[s..s + m] == *pattern)
            .collect()
    }

    fn score(&self, text_len: usize, ctx: usize, start: usize, hint: Option<usize>) -> f64 {
        let dist = hint.map_or(0, |h| h.abs_diff(start));
        ctx as f64 - DISTANCE_WEIGHT * dist as f64 / text_len.max(1) as f64
    }

    fn exact_match(
        &self,
        exact: &[char],
        prefix: &[char],
        suffix: &[char],
        hint: Option<TextPositionSelector>,
    ) -> Option<(Anchoring, usize)> {
        let m = exact.len();
        let hint_start = hint.map(|h| h.start);
        let mut best: Option<(f64, usize, usize)> = None;
        for start in self.occurrences(exact) {
            let ctx = context_score(&self.chars, start, start + m, prefix, suffix);
            let s = self.score(self.chars.len(), ctx, start, hint_start);
            if best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, start, ctx));
            }
        }
        let (_, start, ctx) = best?;
        let how = if hint_start == Some(start) {
            How::Exact
        } else {
            How::Moved
        };
        Some((
            Anchoring::Anchored {
                start,
                end: start + m,
                how,
            },
            ctx,
        ))
    }

    /// The fuzzy step, with the number of context code points that match around the hit.
    fn fuzzy_match(&self, quote: &TextQuoteSelector, hint: Option<TextPositionSelector>) -> Option<(Anchoring, usize)> {
        let pattern = collapse_str(&quote.exact);
        let prefix = collapse_str(&quote.prefix);
        let suffix = collapse_str(&quote.suffix);
        let m = pattern.len();
        if m == 0 || pattern.iter().all(|c| *c == ' ') {
            return None;
        }
        let available = prefix.len() + suffix.len();
        let hint_norm = hint.map(|h| self.orig_to_norm[h.start.min(self.chars.len())]);
        let hit = if m > LONG_QUOTE_CHARS {
            self.head_tail_match(&pattern, &prefix, &suffix, hint_norm)
        } else {
            let (strict, loose) = if m < FUZZY_MIN_CHARS {
                (0, 0)
            } else {
                (m * MAX_ERROR_PERCENT / 100, m * MAX_ERROR_PERCENT_IN_CONTEXT / 100)
            };
            let hits: Vec<Hit> = self
                .search(&pattern, loose, hint_norm)
                .into_iter()
                .filter(|h| {
                    h.cost <= strict
                        || (available > 0
                            && context_score(&self.norm, h.start, h.end, &prefix, &suffix) * 4 >= available * 3)
                })
                .collect();
            self.pick(&hits, &prefix, &suffix, hint_norm)
        }?;
        if h_empty(&hit) {
            return None;
        }
        let ctx = context_score(&self.norm, hit.start, hit.end, &prefix, &suffix);
        let mut start = self.norm_to_orig[hit.start];
        let mut end = self.norm_to_orig[hit.end - 1] + 1;
        // Snap to word boundaries when the quote began / ended at one (an edited word at the edge).
        let word = |c: char| c.is_alphanumeric();
        if quote.prefix.chars().last().is_none_or(|c| !word(c)) && quote.exact.chars().next().is_some_and(word) {
            while start > 0 && word(self.chars[start - 1]) {
                start -= 1;
            }
        }
        if quote.suffix.chars().next().is_none_or(|c| !word(c)) && quote.exact.chars().last().is_some_and(word) {
            while end < self.chars.len() && word(self.chars[end]) {
                end += 1;
            }
        }
        Some((
            Anchoring::Anchored {
                start,
                end,
                how: How::Fuzzy,
            },
            ctx,
        ))
    }

    /// The best hit: fewest edits, then most matching context, then closest to the old position.
    fn pick(&self, hits: &[Hit], prefix: &[char], suffix: &[char], hint: Option<usize>) -> Option<Hit> {
        let min_cost = hits.iter().map(|h| h.cost).min()?;
        let mut best: Option<(f64, Hit)> = None;
        for h in hits.iter().filter(|h| h.cost == min_cost) {
            let ctx = context_score(&self.norm, h.start, h.end, prefix, suffix);
            let s = self.score(self.norm.len(), ctx, h.start, hint);
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, *h));
            }
        }
        best.map(|(_, h)| h)
    }

    /// Long quotes: find head and tail separately, and pair a head with a tail that ends at about the
    /// quote's length after it (75–125 %).
    fn head_tail_match(&self, pattern: &[char], prefix: &[char], suffix: &[char], hint: Option<usize>) -> Option<Hit> {
        let m = pattern.len();
        let k = HEAD_TAIL_CHARS * MAX_ERROR_PERCENT / 100;
        let heads = self.search(&pattern[..HEAD_TAIL_CHARS], k, hint);
        let tail_hint = hint.map(|h| h + m - HEAD_TAIL_CHARS);
        let tails = self.search(&pattern[m - HEAD_TAIL_CHARS..], k, tail_hint);
        let mut pairs = Vec::new();
        for h in best_per_region(&heads) {
            for t in best_per_region(&tails) {
                if t.end <= h.start {
                    continue;
                }
                let len = t.end - h.start;
                if len * 4 >= m * 3 && len * 4 <= m * 5 {
                    pairs.push(Hit {
                        start: h.start,
                        end: t.end,
                        cost: h.cost + t.cost + len.abs_diff(m) / 8,
                    });
                }
            }
        }
        self.pick(&pairs, prefix, suffix, hint)
    }

    /// Sellers' algorithm over the collapsed text: every end position where `pattern` matches with at most
    /// `k` edits, with the start of that alignment. The searched window is bounded by [`MAX_FUZZY_CELLS`].
    fn search(&self, pattern: &[char], k: usize, hint: Option<usize>) -> Vec<Hit> {
        let m = pattern.len();
        let n = self.norm.len();
        let (lo, hi) = match hint {
            Some(h) if m * n > MAX_FUZZY_CELLS => {
                let half = MAX_FUZZY_CELLS / m / 2;
                (h.saturating_sub(half), (h + m + half).min(n))
            }
            _ => (0, n),
        };
        // column[i] = (edit cost, alignment start) for the first i pattern characters.
        let mut prev: Vec<(usize, usize)> = (0..=m).map(|i| (i, lo)).collect();
        let mut cur = prev.clone();
        let mut hits = Vec::new();
        for j in lo..hi {
            let t = self.norm[j];
            cur[0] = (0, j + 1);
            for i in 1..=m {
                let diag = (prev[i - 1].0 + usize::from(pattern[i - 1] != t), prev[i - 1].1);
                let skip_text = (prev[i].0 + 1, prev[i].1);
                let skip_pattern = (cur[i - 1].0 + 1, cur[i - 1].1);
                let mut best = diag;
                if skip_text.0 < best.0 {
                    best = skip_text;
                }
                if skip_pattern.0 < best.0 {
                    best = skip_pattern;
                }
                cur[i] = best;
            }
            if cur[m].0 <= k {
                hits.push(Hit {
                    start: cur[m].1,
                    end: j + 1,
                    cost: cur[m].0,
                });
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        hits
    }
}

fn h_empty(h: &Hit) -> bool {
    h.end <= h.start
}

/// Of hits whose ranges overlap, keeps the cheapest (the first of equals).
fn best_per_region(hits: &[Hit]) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        match out.last_mut() {
            Some(last) if h.start < last.end => {
                if h.cost < last.cost {
                    *last = *h;
                }
            }
            _ => out.push(*h),
        }
    }
    out
}

#[cfg(test)]
mod tests;
