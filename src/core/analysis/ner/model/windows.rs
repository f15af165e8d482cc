//! The stacked second pass in windows ([`FeatureSet::STACK_WINDOWS`]): only the runs of tokens near the first
//! pass's names are decoded again, each between two tokens held at `O`.

use super::super::NerLabel;
use super::super::features::FeatureSet;
use super::super::gazetteer::apply_rules;
use super::decode::{margins, viterbi_scored};
use super::{Model, Scratch, SecondPass, second_keys_in, windows};

/// The emission score of a label other than `O` at a token held at `O` around a window of the second pass:
/// low enough that no path through it wins, finite so no score is NaN.
const HELD: f32 = -1e9;

impl Model {
    /// The second pass with [`FeatureSet::STACK_WINDOWS`]: each window of the first pass's names decoded on its
    /// own ([`Model::decode_window`]); `O`, and the margin `0`, elsewhere; then the KB rules.
    pub(super) fn second_pass_windows(
        &self,
        second: &SecondPass,
        tokens: &[&str],
        scored: bool,
        first: &[NerLabel],
        first_margin: &[f32],
        scratch: &mut Scratch,
    ) -> (Vec<NerLabel>, Vec<f32>) {
        let n = tokens.len();
        let outside = self.outside();
        let mut wins = std::mem::take(&mut scratch.windows);
        {
            let (labels, p) = (&self.labels, &scratch.path[..]);
            windows(
                n,
                |i| first[i] != NerLabel::Outside || labels[p[i]] != NerLabel::Outside,
                &mut wins,
            );
        }
        // outside the windows the first pass's path is `O`
        let mut full = vec![outside; n];
        let mut margin = if scored { vec![0.0f32; n] } else { Vec::new() };
        scratch.classes.fill(0);
        for &(a, b) in &wins {
            let (path, m) = self.decode_window(second, tokens, first, first_margin, a..b, scored, scratch);
            full[a..b].copy_from_slice(path);
            if scored {
                margin[a..b].copy_from_slice(&m);
            }
        }
        scratch.windows = wins;
        // as [`Model::decode`]: no margins where no span was found
        if !full.iter().any(|&y| y != outside) {
            margin.clear();
        }
        scratch.path.clear();
        scratch.path.extend_from_slice(&full);
        let mut labels: Vec<NerLabel> = full.iter().map(|&y| self.labels[y]).collect();
        if self.features.has(FeatureSet::KB_RULES) && !scratch.gaz.is_empty() {
            apply_rules(&scratch.gaz, &mut labels);
        }
        (labels, margin)
    }

    /// One window `a..b` of the second pass, with the held token on each side that has one: its emission scores
    /// (the first pass's plus the second pass's weights), Viterbi, and with `scored` the margins. Returns the
    /// window's labels (indices) and margins (empty without `scored`).
    #[allow(clippy::too_many_arguments)]
    fn decode_window<'s>(
        &self,
        second: &SecondPass,
        tokens: &[&str],
        first: &[NerLabel],
        first_margin: &[f32],
        window: std::ops::Range<usize>,
        scored: bool,
        scratch: &'s mut Scratch,
    ) -> (&'s [usize], Vec<f32>) {
        let (a, b) = (window.start, window.end);
        let l = self.labels.len();
        let outside = self.outside();
        let (lo, hi) = (a.saturating_sub(1), (b + 1).min(tokens.len()));
        let Scratch {
            keys,
            offsets,
            emit,
            classes,
            score,
            back,
            backward,
            sub_emit,
            sub_path,
            ..
        } = scratch;
        sub_emit.clear();
        sub_emit.extend_from_slice(&emit[lo * l..hi * l]);
        let rows = &mut sub_emit[(a - lo) * l..(b - lo) * l];
        if self.features.has(FeatureSet::STACK_CONFIDENCE) {
            keys.clear();
            offsets.clear();
            second_keys_in(
                tokens,
                first,
                first_margin,
                self.features,
                &self.lexicon,
                a..b,
                keys,
                offsets,
            );
            second.add_emissions(l, keys, offsets, rows);
        } else {
            second.add_direct(l, tokens, first, self.features, &self.lexicon, a..b, rows);
        }
        for held in [(lo < a).then_some(0), (b < hi).then_some(hi - lo - 1)]
            .into_iter()
            .flatten()
        {
            for y in 0..l {
                if y != outside {
                    sub_emit[held * l + y] = HELD;
                }
            }
        }
        let m = hi - lo;
        viterbi_scored(
            m,
            sub_emit,
            &second.trans,
            &classes[..m],
            &second.lattice,
            sub_path,
            score,
            back,
        );
        let mm = if scored {
            let mm = margins(sub_emit, &classes[..m], &second.lattice, sub_path, score, backward);
            mm[a - lo..b - lo].to_vec()
        } else {
            Vec::new()
        };
        (&sub_path[a - lo..b - lo], mm)
    }

    /// The index of `O` among the labels.
    pub(crate) fn outside(&self) -> usize {
        self.labels.iter().position(|&y| y == NerLabel::Outside).unwrap_or(0)
    }
}
