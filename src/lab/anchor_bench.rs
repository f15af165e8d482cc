//! The re-anchoring benchmark: annotate articles, edit their text deterministically, and count how many
//! annotations [`TextIndex::reanchor`] puts back on the right passage.
//!
//! 1. The text is cut into sentences and the separators between them.
//! 2. Every 3rd sentence is annotated: alternately the whole sentence, or its 2nd to 5th word. Each
//!    article is run three times, starting at the 1st, 2nd and 3rd sentence, with different edit seeds.
//! 3. Each scenario edits a copy while tracking where every annotated passage ends up:
//!    inserted sentences (one of them a copy of an annotated sentence, so the quote occurs twice),
//!    deleted sentences, changed white space (between and inside sentences, annotated ones included),
//!    edited words (inside a third of the annotated passages and elsewhere), and all of these combined.
//! 4. A result is *correct* when the found range overlaps the true one by ≥ 90 % (intersection over
//!    union); *exact* counts ranges with identical boundaries. Wrong places and orphans are counted apart.
//!
//! Edits are pseudo-random from a fixed seed (xorshift), so runs are reproducible.

use crate::core::annotations::anchor::{Anchoring, How, TextIndex, select};
use crate::core::corpus::Article;

/// Sentences inserted by the benchmark's "insert" edits.
const FILLERS: [&str; 4] = [
    "Diese Passage wurde nachträglich eingefügt.",
    "Ein Sprecher wollte sich dazu zunächst nicht äußern.",
    "Weitere Einzelheiten waren am Abend noch unklar.",
    "Beobachter rechnen mit einer längeren Auseinandersetzung.",
];

/// The counts of one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenarioResult {
    /// Scenario name.
    pub name: &'static str,
    /// Annotations tried.
    pub total: usize,
    /// Placed with ≥ 90 % overlap with the true passage.
    pub correct: usize,
    /// Of those, with identical boundaries.
    pub exact_bounds: usize,
    /// Placed, but elsewhere.
    pub wrong: usize,
    /// Not placed (kept as orphaned).
    pub orphaned: usize,
    /// How the placed ones were found: exact, moved, fuzzy.
    pub by_how: [usize; 3],
}

impl ScenarioResult {
    /// Share of correct placements (0–1).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

#[derive(Clone)]
struct Unit {
    chars: Vec<char>,
    sentence: bool,
    /// The annotated range inside this unit, if any.
    ann: Option<(usize, usize)>,
    /// Index in the original text (`None` for inserted units).
    id: Option<usize>,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn units_of(text: &str) -> Vec<Unit> {
    let chars: Vec<char> = text.chars().collect();
    let mut units = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let ws = chars[i].is_whitespace();
        let mut j = i;
        if ws {
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
        } else {
            // A sentence runs to . ! ? (plus closing quotes) followed by white space, or to a paragraph break.
            while j < chars.len() {
                let c = chars[j];
                j += 1;
                if matches!(c, '.' | '!' | '?') {
                    while j < chars.len() && matches!(chars[j], '“' | '"' | '«' | '‘' | ')') {
                        j += 1;
                    }
                    if j >= chars.len() || chars[j].is_whitespace() {
                        break;
                    }
                }
                if j < chars.len() && chars[j] == '\n' {
                    break;
                }
            }
        }
        units.push(Unit {
            chars: chars[i..j].to_vec(),
            sentence: !ws,
            ann: None,
            id: Some(units.len()),
        });
        i = j;
    }
    units
}

/// Word spans (start, end) inside a unit.
fn words(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        out.push((s, i));
    }
    out
}

/// Replaces `chars[at..at + len]` by `new`, keeping the annotated range in step (edits never straddle it).
fn splice(u: &mut Unit, at: usize, len: usize, new: &[char]) {
    u.chars.splice(at..at + len, new.iter().copied());
    if let Some((a, b)) = u.ann {
        let delta = new.len() as isize - len as isize;
        if at + len <= a {
            u.ann = Some(((a as isize + delta) as usize, (b as isize + delta) as usize));
        } else if at >= a && at + len <= b {
            u.ann = Some((a, (b as isize + delta) as usize));
        }
    }
}

fn sentence(s: &str) -> Unit {
    Unit {
        chars: s.chars().collect(),
        sentence: true,
        ann: None,
        id: None,
    }
}

fn space() -> Unit {
    Unit {
        chars: vec![' '],
        sentence: false,
        ann: None,
        id: None,
    }
}

fn insert_sentences(units: &mut Vec<Unit>, rng: &mut Rng) {
    let annotated: Vec<usize> = (0..units.len()).filter(|&i| units[i].ann.is_some()).collect();
    if let Some(&src) = annotated.get(rng.below(annotated.len())) {
        let mut copy = units[src].clone();
        copy.ann = None;
        copy.id = None;
        let at = rng.below(src + 1);
        units.splice(at..at, [copy, space()]);
    }
    for f in FILLERS.iter().take(3) {
        let at = rng.below(units.len() + 1);
        // Insert at a unit boundary; a sentence is always followed by a space.
        units.splice(at..at, [sentence(f), space()]);
    }
}

fn delete_sentences(units: &mut Vec<Unit>, rng: &mut Rng) {
    for _ in 0..3 {
        let candidates: Vec<usize> = (0..units.len())
            .filter(|&i| units[i].sentence && units[i].ann.is_none() && i + 1 < units.len() && !units[i + 1].sentence)
            .collect();
        if candidates.is_empty() {
            return;
        }
        let i = candidates[rng.below(candidates.len())];
        units.drain(i..i + 2);
    }
}

fn change_whitespace(units: &mut [Unit], rng: &mut Rng) {
    for u in units.iter_mut() {
        if !u.sentence {
            if u.chars == [' '] && rng.below(3) == 0 {
                let new = if rng.below(2) == 0 { vec![' ', ' '] } else { vec!['\n'] };
                splice(u, 0, 1, &new);
            }
            continue;
        }
        if rng.below(2) == 0 {
            let spaces: Vec<usize> = (0..u.chars.len()).filter(|&i| u.chars[i] == ' ').collect();
            if let Some(&at) = spaces.get(rng.below(spaces.len())) {
                let new = if rng.below(2) == 0 { vec![' ', ' '] } else { vec!['\n'] };
                splice(u, at, 1, &new);
            }
        }
    }
}

fn edit_words(units: &mut [Unit], rng: &mut Rng) {
    // Every 3rd annotated sentence (inside its passage) and every 3rd other sentence.
    let (mut k_in, mut k_out) = (0, 0);
    for u in units.iter_mut().filter(|u| u.sentence) {
        let inside = u.ann.is_some();
        let k = if inside { &mut k_in } else { &mut k_out };
        *k += 1;
        if *k % 3 != 1 {
            continue;
        }
        let (lo, hi) = u.ann.unwrap_or((0, u.chars.len()));
        let ws: Vec<(usize, usize)> = words(&u.chars)
            .into_iter()
            .filter(|&(s, e)| e - s >= 4 && u.chars[s..e].iter().all(|c| c.is_alphabetic()))
            .filter(|&(s, e)| if inside { s >= lo && e <= hi } else { true })
            .collect();
        let Some(&(s, e)) = ws.get(rng.below(ws.len())) else {
            continue;
        };
        let word: Vec<char> = u.chars[s..e].to_vec();
        let new: Vec<char> = match rng.below(3) {
            0 => word.iter().copied().chain(['n']).collect(), // inflection
            1 => word[..word.len() - 1].to_vec(),             // a letter dropped
            _ => "Beispiel".chars().collect(),                // another word
        };
        splice(u, s, e - s, &new);
    }
}

/// Runs one scenario on one article; adds to `result`.
fn run_one(text: &str, scenario: usize, phase: usize, seed: u64, result: &mut ScenarioResult) {
    let mut units = units_of(text);
    // Annotate every 3rd sentence (starting at `phase`): alternately whole, or words 2–5.
    let mut n = 0;
    let mut pick = 0;
    for u in units.iter_mut().filter(|u| u.sentence) {
        n += 1;
        if n % 3 != phase || u.chars.len() < 10 {
            continue;
        }
        pick += 1;
        let ws = words(&u.chars);
        u.ann = if pick % 2 == 0 && ws.len() >= 6 {
            Some((ws[1].0, ws[4].1))
        } else {
            Some((0, u.chars.len()))
        };
    }
    // Selectors on the original text.
    let mut offset = 0;
    let mut before = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if let Some((a, b)) = u.ann
            && let Ok(sel) = select(text, offset + a, offset + b)
        {
            before.push((i, sel));
        }
        offset += u.chars.len();
    }
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let ops: &[usize] = match scenario {
        0..=3 => &[0, 1, 2, 3][scenario..=scenario],
        _ => &[0, 1, 2, 3],
    };
    for &op in ops {
        match op {
            0 => insert_sentences(&mut units, &mut rng),
            1 => delete_sentences(&mut units, &mut rng),
            2 => change_whitespace(&mut units, &mut rng),
            _ => edit_words(&mut units, &mut rng),
        }
    }
    let new_text: String = units.iter().flat_map(|u| u.chars.iter()).collect();
    let index = TextIndex::new(&new_text);
    for (orig, sel) in before {
        // True place: the unit with this original id that still carries the annotation.
        let mut offset = 0;
        let mut truth = None;
        for u in &units {
            if u.id == Some(orig)
                && let Some((a, b)) = u.ann
            {
                truth = Some((offset + a, offset + b));
            }
            offset += u.chars.len();
        }
        let Some((ta, tb)) = truth else { continue };
        result.total += 1;
        match index.reanchor(&sel.quote, Some(sel.position)) {
            Anchoring::Orphaned => result.orphaned += 1,
            Anchoring::Anchored { start, end, how } => {
                result.by_how[match how {
                    How::Exact => 0,
                    How::Moved => 1,
                    How::Fuzzy => 2,
                }] += 1;
                let inter = end.min(tb).saturating_sub(start.max(ta));
                let union = end.max(tb) - start.min(ta);
                if inter * 10 >= union * 9 {
                    result.correct += 1;
                    if (start, end) == (ta, tb) {
                        result.exact_bounds += 1;
                    }
                } else {
                    result.wrong += 1;
                }
            }
        }
    }
}

/// Scenario names, in order.
pub const SCENARIOS: [&str; 5] = [
    "insert sentences",
    "delete sentences",
    "white space",
    "word edits",
    "combined",
];

/// Runs every scenario on every article; returns one result per scenario.
pub fn run(articles: &[Article]) -> Vec<ScenarioResult> {
    SCENARIOS
        .iter()
        .enumerate()
        .map(|(s, name)| {
            let mut r = ScenarioResult {
                name,
                ..ScenarioResult::default()
            };
            for (i, a) in articles.iter().enumerate() {
                let text = a.text();
                for phase in 0..3 {
                    let seed = (i as u64 + 1) * 1000 + s as u64 * 10 + phase as u64;
                    run_one(&text, s, phase, seed, &mut r);
                }
            }
            r
        })
        .collect()
}

/// Sums scenario results.
pub fn total(results: &[ScenarioResult]) -> ScenarioResult {
    let mut t = ScenarioResult {
        name: "all",
        ..ScenarioResult::default()
    };
    for r in results {
        t.total += r.total;
        t.correct += r.correct;
        t.exact_bounds += r.exact_bounds;
        t.wrong += r.wrong;
        t.orphaned += r.orphaned;
        for k in 0..3 {
            t.by_how[k] += r.by_how[k];
        }
    }
    t
}
