//! Decoding: the allowed label transitions listed once per model ([`Lattice`]), first-order Viterbi over them,
//! and the margin pass (max-marginals) that gives each token's confidence.
//!
//! The loops are written with `while` and plain slice indexing: the wasm is built for size (`opt-level =
//! "z"`), where range iterators, iterator adapters and range indexing stay function calls (profiled with
//! `node --cpu-prof` on `tools/ner_bench.sh`'s probe).

/// The allowed transitions of a transition table, listed once: what Viterbi ([`Lattice::incoming`]) and the
/// margin pass ([`Lattice::outgoing`]) loop over for every token.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lattice {
    /// Labels.
    l: usize,
    /// Whether a sentence may start with each label (row 0 of the allowed transitions).
    start: Vec<bool>,
    /// The predecessors of each label under each matrix.
    incoming: Neighbours,
    /// The successors of each label under each matrix.
    outgoing: Neighbours,
}

impl Lattice {
    /// Lists the allowed transitions of `k = trans.len() / ((l + 1) · l)` matrices.
    pub(crate) fn new(l: usize, trans: &[f32], allowed: &[bool]) -> Lattice {
        let m = (l + 1) * l;
        let k = trans.len().checked_div(m).unwrap_or(0);
        Lattice {
            l,
            start: allowed.iter().take(l).copied().collect(),
            incoming: neighbours(l, k, trans, allowed, Direction::Incoming),
            outgoing: neighbours(l, k, trans, allowed, Direction::Outgoing),
        }
    }

    /// Number of transition matrices listed.
    fn matrices(&self) -> usize {
        self.incoming
            .starts
            .len()
            .saturating_sub(1)
            .checked_div(self.l)
            .unwrap_or(0)
    }
}

/// Allowed transitions per (matrix, label): `other[starts[r]..starts[r + 1]]` are the other labels in
/// ascending order and `weight[..]` (same range) the transition weights of row `r = c · l + y`. A row that
/// lists every label (`full[r]`) is looped over without the label indices; `max[r]` is the row's largest
/// weight and `slot[r · l + z]` the index in `weight` of the transition to or from label `z` (`u32::MAX` if
/// not allowed): what the shortcuts of Viterbi and the margin pass need. `abs_max` bounds every `|weight|`.
#[derive(Debug, Clone, Default)]
struct Neighbours {
    other: Vec<u32>,
    weight: Vec<f32>,
    starts: Vec<usize>,
    full: Vec<bool>,
    max: Vec<f32>,
    slot: Vec<u32>,
    abs_max: f32,
    /// Per label: a neighbour of every label (`O` and `B-X`: BIO allows them after anything).
    common: Vec<bool>,
    /// Per row: the largest weight of a transition to (from) a [`Neighbours::common`] label.
    common_max: Vec<f32>,
    /// Per row, `extra[extra_starts[r]..extra_starts[r + 1]]`: the indices in `weight` of its neighbours that
    /// are not common (`I-X` after `B-X` or `I-X`).
    extra: Vec<u32>,
    extra_starts: Vec<usize>,
}

/// Best label sequence for `n` tokens given emission scores (`n × L`), `K × (L + 1) × L` transition
/// weights and the matrix (`classes[i]` < K) of the transition into each token.
///
/// Only well-formed transitions are tried: each label's allowed predecessors (all labels for `O` and
/// `B-X`, two for `I-X`) are listed once per call with their weights, in ascending order so ties are
/// broken as by a full scan (first best predecessor wins).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn viterbi(
    n: usize,
    l: usize,
    emit: &[f32],
    trans: &[f32],
    classes: &[usize],
    allowed: &[bool],
) -> Vec<usize> {
    let (mut path, mut score, mut back) = (Vec::new(), Vec::new(), Vec::new());
    let lattice = Lattice::new(l, trans, allowed);
    viterbi_scored(n, emit, trans, classes, &lattice, &mut path, &mut score, &mut back);
    path
}

/// [`viterbi`] with the transitions listed ([`Lattice`]): writes the path to `path` and the forward scores
/// to `score` (`n × L`: best score of a path ending in label y at token i, emission included); `back` is a
/// buffer (the backpointers).
#[allow(clippy::too_many_arguments)]
// kept out of line: one function per step in profiles (`node --cpu-prof`), and not slower
#[inline(never)]
pub(super) fn viterbi_scored(
    n: usize,
    emit: &[f32],
    trans: &[f32],
    classes: &[usize],
    lattice: &Lattice,
    path: &mut Vec<usize>,
    score: &mut Vec<f32>,
    back: &mut Vec<u16>,
) {
    let l = lattice.l;
    let m = (l + 1) * l;
    path.clear();
    score.clear();
    if n == 0 || l == 0 || classes.len() < n || classes.iter().any(|&c| c >= lattice.matrices()) {
        path.resize(n, 0);
        score.resize(n * l, 0.0);
        return;
    }
    score.resize(n * l, f32::NEG_INFINITY);
    back.clear();
    back.resize(n * l, 0);
    for (y, &ok) in lattice.start.iter().enumerate() {
        if ok {
            score[y] = trans[classes[0] * m + y] + emit[y];
        }
    }
    for (i, &c) in classes.iter().enumerate().take(n).skip(1) {
        let (done, rest) = score.split_at_mut(i * l);
        viterbi_step(
            &lattice.incoming,
            c * l,
            &done[(i - 1) * l..],
            &emit[i * l..(i + 1) * l],
            &mut rest[..l],
            &mut back[i * l..(i + 1) * l],
        );
    }
    // the best last label (the first of equals), on a slice: `Vec` indexing stays a call in the wasm
    let last = &score[(n - 1) * l..n * l];
    let (mut y, mut z) = (0, 1);
    while z < l {
        if last[z] > last[y] {
            y = z;
        }
        z += 1;
    }
    path.resize(n, 0);
    for i in (0..n).rev() {
        path[i] = y;
        if i > 0 {
            y = back[i * l + y] as usize;
        }
    }
}

/// One token of Viterbi: the score `cur[y]` of the best path ending in each label `y` and its predecessor
/// `back[y]`, from the previous token's scores `prev`, the rows `base..base + l` of `incoming` (the token's
/// transition matrix) and the token's emission scores.
fn viterbi_step(incoming: &Neighbours, base: usize, prev: &[f32], emit: &[f32], cur: &mut [f32], back: &mut [u16]) {
    let l = cur.len();
    let (other, weight, starts, full, max) = (
        &incoming.other[..],
        &incoming.weight[..],
        &incoming.starts[..],
        &incoming.full[..],
        &incoming.max[..],
    );
    let (top, top_score, second) = best_two(&prev[..l]);
    let mut y = 0;
    while y < l {
        let r = base + y;
        let mut a = starts[r];
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0;
        if full[r] {
            // Shortcut for a row that lists every label: if even the runner-up with the row's largest weight
            // scores below the best previous label with its own weight, that label wins outright (float
            // addition is monotone, so this is exact: the same winner as the full scan, ties included).
            let via_top = top_score + weight[a + top];
            if second + max[r] < via_top {
                best = via_top;
                arg = top;
            } else {
                // every label: p = a - starts[r]
                let mut p = 0;
                while p < l {
                    let s = prev[p] + weight[a];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                    p += 1;
                    a += 1;
                }
            }
        } else {
            let z = starts[r + 1];
            if z == a + 2 {
                // `I-X`: two predecessors (`B-X`, `I-X`), the loop below unrolled (the same comparisons)
                let (p0, p1) = (other[a] as usize, other[a + 1] as usize);
                let (s0, s1) = (prev[p0] + weight[a], prev[p1] + weight[a + 1]);
                if s0 > best {
                    best = s0;
                    arg = p0;
                }
                if s1 > best {
                    best = s1;
                    arg = p1;
                }
            } else {
                while a < z {
                    let p = other[a] as usize;
                    let s = prev[p] + weight[a];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                    a += 1;
                }
            }
        }
        cur[y] = best + emit[y];
        back[y] = arg as u16;
        y += 1;
    }
}

/// The best previous label (the first of equals), its score, and the runner-up's score (`-inf` if none).
#[inline(always)]
fn best_two(prev: &[f32]) -> (usize, f32, f32) {
    let (mut top, mut top_score, mut second) = (0, prev[0], f32::NEG_INFINITY);
    let mut p = 1;
    while p < prev.len() {
        let v = prev[p];
        if v > top_score {
            second = top_score;
            top = p;
            top_score = v;
        } else if v > second {
            second = v;
        }
        p += 1;
    }
    (top, top_score, second)
}

/// The margin of each token's label on the best path: the best path's score minus the best score of any
/// path that gives the token another label (max-marginals from the forward scores and a backward pass).
/// 0 where another label ties; large where the label is clear.
// kept out of line: one function per step in profiles (`node --cpu-prof`), and not slower
#[inline(never)]
pub(super) fn margins(
    emit: &[f32],
    classes: &[usize],
    lattice: &Lattice,
    path: &[usize],
    forward: &[f32],
    backward: &mut Vec<f32>,
) -> Vec<f32> {
    let l = lattice.l;
    let n = path.len();
    if n == 0 || forward.len() < n * l {
        return vec![0.0; n];
    }
    backward_pass(emit, classes, lattice, n, backward);
    // slices: `Vec` indexing stays a call in the wasm
    let (forward, backward) = (&forward[..n * l], &backward[..n * l]);
    let total = forward[(n - 1) * l + path[n - 1]];
    let mut out = Vec::with_capacity(n);
    for (i, &on_path) in path.iter().enumerate() {
        // the best score of a path through another label (`>`, not `f32::max`: a call in the wasm; the
        // same result, as no score is NaN)
        let mut other = f32::NEG_INFINITY;
        let mut y = 0;
        while y < l {
            let v = forward[i * l + y] + backward[i * l + y];
            if y != on_path && v > other {
                other = v;
            }
            y += 1;
        }
        out.push(if other.is_finite() {
            (total - other).max(0.0)
        } else {
            f32::MAX
        });
    }
    out
}

/// The backward scores of the margin pass: `backward[i * l + y]` is the best score of the tokens after `i`
/// given label `y` at `i` (transitions and emissions; 0 at the last token).
fn backward_pass(emit: &[f32], classes: &[usize], lattice: &Lattice, n: usize, backward: &mut Vec<f32>) {
    let l = lattice.l;
    let succ = &lattice.outgoing;
    let (other, weight, starts, slot) = (&succ.other[..], &succ.weight[..], &succ.starts[..], &succ.slot[..]);
    let (common_max, extra, extra_starts) = (&succ.common_max[..], &succ.extra[..], &succ.extra_starts[..]);
    // backward[i * l + y]: best score of the tokens after i given label y at i
    backward.clear();
    backward.resize(n * l, 0.0);
    let backward = &mut backward[..];
    for i in (0..n - 1).rev() {
        let base = classes[i + 1] * l;
        let (cur0, next0) = (i * l, (i + 1) * l);
        let (top, second, slack) = backward_bound(
            &emit[next0..next0 + l],
            &backward[next0..next0 + l],
            &succ.common,
            succ.abs_max,
        );
        let mut y = 0;
        while y < l {
            let r = base + y;
            // Shortcut: if the best common next label (`O` or `B-X`, by emission + backward score) beats every
            // other common one even when that one gets the row's largest weight (with room for rounding), it
            // is the best of them, and only the row's few other successors (`I-X`) are left to compare; the
            // result is the same maximum as the full scan's. Otherwise scan the successors.
            let sl = slot[r * l + top];
            if sl != u32::MAX {
                let mut s = weight[sl as usize] + emit[next0 + top] + backward[next0 + top];
                if s > common_max[r] + second + slack {
                    let (mut e, end) = (extra_starts[r], extra_starts[r + 1]);
                    while e < end {
                        let a = extra[e] as usize;
                        let z = other[a] as usize;
                        let v = weight[a] + emit[next0 + z] + backward[next0 + z];
                        if v > s {
                            s = v;
                        }
                        e += 1;
                    }
                    backward[cur0 + y] = s;
                    y += 1;
                    continue;
                }
            }
            let (mut a, z) = (starts[r], starts[r + 1]);
            let mut best = f32::NEG_INFINITY;
            while a < z {
                let z = other[a] as usize;
                let s = weight[a] + emit[next0 + z] + backward[next0 + z];
                if s > best {
                    best = s;
                }
                a += 1;
            }
            backward[cur0 + y] = best;
            y += 1;
        }
    }
}

/// For the margin pass's shortcut at one token: the common label ([`Neighbours::common`]) with the best
/// `emit + backward` score (the first of equals), the best score of the other common labels, and a slack that covers the rounding of `(w + e) + b` against
/// `w + (e + b)` for any transition weight `|w| ≤ abs_max` (infinite if a score is not finite, which turns the
/// shortcut off).
fn backward_bound(emit: &[f32], backward: &[f32], common: &[bool], abs_max: f32) -> (usize, f32, f32) {
    let (mut top, mut best, mut second, mut magnitude) = (0, f32::NEG_INFINITY, f32::NEG_INFINITY, 0f32);
    let mut finite = abs_max.is_finite();
    let mut z = 0;
    while z < emit.len() && z < backward.len() && z < common.len() {
        let u = emit[z] + backward[z];
        if !common[z] {
            // not a candidate
        } else if u > best {
            second = best;
            best = u;
            top = z;
        } else if u > second {
            second = u;
        }
        let a = emit[z].abs() + backward[z].abs();
        finite &= a.is_finite();
        if a > magnitude {
            magnitude = a;
        }
        z += 1;
    }
    // no common label at all: no shortcut
    finite &= best > f32::NEG_INFINITY;
    let slack = 16.0 * f32::EPSILON * (abs_max + magnitude) + f32::MIN_POSITIVE;
    (
        top,
        second,
        if finite && slack.is_finite() {
            slack
        } else {
            f32::INFINITY
        },
    )
}

/// Which neighbours [`neighbours`] lists for a label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The labels that may come before it.
    Incoming,
    /// The labels that may follow it.
    Outgoing,
}

/// The allowed transitions into (or out of) each label under each of the `k` transition matrices, listed
/// once (row `c · l + y` of [`Neighbours`]). `trans` holds `k` matrices of `(l + 1) * l` weights (row 0:
/// sentence start).
fn neighbours(l: usize, k: usize, trans: &[f32], allowed: &[bool], dir: Direction) -> Neighbours {
    let m = (l + 1) * l;
    let mut out = Neighbours {
        other: Vec::with_capacity(k * l * l),
        weight: Vec::with_capacity(k * l * l),
        starts: Vec::with_capacity(k * l + 1),
        full: Vec::with_capacity(k * l),
        max: Vec::with_capacity(k * l),
        slot: vec![u32::MAX; k * l * l],
        abs_max: 0.0,
        common: (0..l)
            .map(|other| {
                (0..l).all(|y| match dir {
                    Direction::Incoming => allowed[(other + 1) * l + y],
                    Direction::Outgoing => allowed[(y + 1) * l + other],
                })
            })
            .collect(),
        common_max: Vec::with_capacity(k * l),
        extra: Vec::new(),
        extra_starts: Vec::with_capacity(k * l + 1),
    };
    for c in 0..k {
        for y in 0..l {
            let start = out.other.len();
            out.starts.push(start);
            for other in 0..l {
                let t = match dir {
                    Direction::Incoming => (other + 1) * l + y,
                    Direction::Outgoing => (y + 1) * l + other,
                };
                if allowed[t] {
                    out.slot[(c * l + y) * l + other] = out.other.len() as u32;
                    out.other.push(other as u32);
                    out.weight.push(trans[c * m + t]);
                }
            }
            out.full.push(out.other.len() - start == l);
            let mut common_max = f32::NEG_INFINITY;
            out.extra_starts.push(out.extra.len());
            for a in start..out.other.len() {
                if out.common[out.other[a] as usize] {
                    common_max = common_max.max(out.weight[a]);
                } else {
                    out.extra.push(a as u32);
                }
            }
            out.common_max.push(common_max);
            out.max
                .push(out.weight[start..].iter().copied().fold(f32::NEG_INFINITY, f32::max));
        }
    }
    out.starts.push(out.other.len());
    out.extra_starts.push(out.extra.len());
    out.abs_max = out.weight.iter().fold(0f32, |a, w| a.max(w.abs()));
    out
}
