//! `presseschau bench link [--sizes 100,1000,10000] [--data ../shared/data]`
//!
//! Builds corpora of real German sentences (the NER corpora under `<data>/ner-de-train`, consecutive
//! sentences grouped into articles of 8) plus planted near-duplicates with known answers (a copy with a
//! new two-sentence lead, one sentence dropped, two sentences swapped, dated 0–2 days later), links each
//! corpus with the app's [`link_with`], and reports linking time, candidate pairs, peak memory (`VmHWM` of
//! `/proc/self/status`, reset per size through `/proc/self/clear_refs` when the kernel allows) and the
//! recall of the planted duplicates as same-event links. Native only: the browser cannot be timed from
//! here.

use std::path::{Path, PathBuf};
use std::time::Instant;

use presseschau::core::analysis::events::{LinkDoc, LinkLevel, ScoreParams, link_with};
use presseschau::core::corpus::{ArticleId, SimpleDate};
use presseschau::core::text::civil_from_days;

const USAGE: &str = "usage: presseschau bench link [--sizes 100,1000,10000] [--data ../shared/data]";
/// Sentences per generated article.
const SENTENCES_PER_ARTICLE: usize = 8;
/// One article in this many is a planted near-duplicate of another.
const PLANTED_EVERY: usize = 10;

/// Runs the benchmark; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let mut sizes = vec![100usize, 1000, 10000];
    let mut data = PathBuf::from("../shared/data");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => match it
                .next()
                .map(|s| s.split(',').map(|x| x.trim().parse::<usize>()).collect())
            {
                Some(Ok(v)) => sizes = v,
                _ => {
                    eprintln!("presseschau bench link: --sizes needs numbers like 100,1000\n{USAGE}");
                    return 2;
                }
            },
            "--data" => match it.next() {
                Some(d) => data = PathBuf::from(d),
                None => {
                    eprintln!("{USAGE}");
                    return 2;
                }
            },
            other => {
                eprintln!("presseschau bench link: unknown argument `{other}`\n{USAGE}");
                return 2;
            }
        }
    }
    let t0 = Instant::now();
    let sentences = read_sentences(&data.join("ner-de-train"));
    let largest = sizes.iter().copied().max().unwrap_or(0);
    if sentences.len() / SENTENCES_PER_ARTICLE < largest {
        eprintln!(
            "note: {} sentences make only {} distinct articles; larger corpora repeat articles",
            sentences.len(),
            sentences.len() / SENTENCES_PER_ARTICLE
        );
    }
    if sentences.len() < SENTENCES_PER_ARTICLE * 10 {
        eprintln!(
            "presseschau bench link: found only {} sentences under {} (expects the NER corpora of ../shared/data)",
            sentences.len(),
            data.join("ner-de-train").display()
        );
        return 1;
    }
    println!(
        "{} sentences read in {:.1} s from {}",
        sentences.len(),
        t0.elapsed().as_secs_f64(),
        data.display()
    );
    println!(
        "{:>7} {:>9} {:>12} {:>9} {:>11} {:>11} {:>14} {:>8} {:>13} {:>14}",
        "docs",
        "link s",
        "candidates",
        "cand/doc",
        "event links",
        "story links",
        "planted found",
        "recall",
        "other events",
        "peak MB (+)"
    );
    for &n in &sizes {
        let (docs, planted) = build_corpus(&sentences, n);
        let reset = reset_peak();
        let rss_before = status_kb("VmRSS:");
        let t = Instant::now();
        let (linkage, stats) = link_with(&docs, &ScoreParams::default());
        let secs = t.elapsed().as_secs_f64();
        let peak = status_kb("VmHWM:");
        let found = planted
            .iter()
            .filter(|(a, b)| {
                linkage
                    .links
                    .iter()
                    .any(|l| l.level == LinkLevel::SameEvent && ((&l.a == a && &l.b == b) || (&l.a == b && &l.b == a)))
            })
            .count();
        let peak_text = match (peak, rss_before, reset) {
            (Some(p), Some(r), true) => format!(
                "{:.0} (+{:.0})",
                p as f64 / 1024.0,
                (p.saturating_sub(r)) as f64 / 1024.0
            ),
            (Some(p), _, _) => format!("{:.0} (process)", p as f64 / 1024.0),
            _ => "n/a".into(),
        };
        let events = linkage.links.iter().filter(|l| l.level == LinkLevel::SameEvent).count();
        println!(
            "{:>7} {:>9.2} {:>12} {:>9.1} {:>11} {:>11} {:>14} {:>8.3} {:>13} {:>14}",
            docs.len(),
            secs,
            stats.candidates,
            stats.candidates as f64 / docs.len().max(1) as f64,
            events,
            linkage.links.len() - events,
            format!("{found}/{}", planted.len()),
            if planted.is_empty() {
                f64::NAN
            } else {
                found as f64 / planted.len() as f64
            },
            events - found,
            peak_text
        );
    }
    println!("other events: same-event links that are not planted copies (originals are consecutive sentences of");
    println!("the same source documents, so some are genuinely related); peak MB: VmHWM after linking (+ growth");
    println!("over the resident size before linking); native build only, the browser was not measured");
    0
}

/// Reads sentences (first column of CoNLL-like files, blank line between sentences) from all files under `dir`.
fn read_sentences(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                stack.push(e);
            } else if e
                .extension()
                .is_some_and(|x| ["tsv", "conll", "conll2003", "bio"].iter().any(|k| x == *k))
            {
                files.push(e);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(content) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut tokens: Vec<&str> = Vec::new();
        for line in content.lines().chain(std::iter::once("")) {
            let line = line.trim();
            if line.is_empty() {
                if tokens.len() >= 6 {
                    out.push(detokenize(&tokens));
                }
                tokens.clear();
            } else if !line.starts_with("-DOCSTART-")
                && !line.starts_with('#')
                && let Some(tok) = line.split(['\t', ' ']).next()
            {
                tokens.push(tok);
            }
        }
    }
    out
}

fn detokenize(tokens: &[&str]) -> String {
    let mut s = String::new();
    for t in tokens {
        let no_space_before = matches!(*t, "," | "." | ":" | ";" | "!" | "?" | ")" | "]");
        if !s.is_empty() && !no_space_before && !s.ends_with(['(', '[']) {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

/// A tiny deterministic generator (xorshift64*), so every run builds the same corpora.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

fn date_from(day: i64) -> SimpleDate {
    let (y, m, d) = civil_from_days(day);
    SimpleDate {
        year: y,
        month: Some(m),
        day: Some(d),
    }
}

/// `n` articles: originals from consecutive sentences, plus one planted near-duplicate per
/// [`PLANTED_EVERY`] articles. Returns the docs and the planted `(original, copy)` pairs.
fn build_corpus(sentences: &[String], n: usize) -> (Vec<LinkDoc>, Vec<(ArticleId, ArticleId)>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);
    let planted_n = n / PLANTED_EVERY;
    let originals = n - planted_n;
    let blocks = sentences.len() / SENTENCES_PER_ARTICLE;
    let base_day = presseschau::core::text::days_from_civil(2020, 1, 1);
    let mut docs: Vec<LinkDoc> = Vec::with_capacity(n);
    let mut parts: Vec<Vec<String>> = Vec::with_capacity(originals);
    for k in 0..originals {
        // spread the articles over the whole sentence stream; distinct blocks while there are enough
        let b = if originals <= blocks {
            k * blocks / originals.max(1)
        } else {
            k % blocks.max(1)
        };
        let sents: Vec<String> = sentences[b * SENTENCES_PER_ARTICLE..(b + 1) * SENTENCES_PER_ARTICLE].to_vec();
        let title: String = sents[0].split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        let date = if rng.below(10) == 0 {
            None
        } else {
            Some(date_from(base_day + i64::try_from(rng.below(365)).unwrap_or(0)))
        };
        docs.push(LinkDoc {
            id: ArticleId(format!("o{k}")),
            title,
            lead: sents[0].clone(),
            text: sents.join(" "),
            date,
            entities: Vec::new(),
        });
        parts.push(sents);
    }
    let mut planted = Vec::with_capacity(planted_n);
    for k in 0..planted_n {
        let src = rng.below(originals);
        let mut sents = parts[src].clone();
        sents.remove(1 + rng.below(sents.len() - 1));
        let (x, y) = (1 + rng.below(sents.len() - 1), 1 + rng.below(sents.len() - 1));
        sents.swap(x, y);
        let new_lead: Vec<String> = (0..2).map(|_| sentences[rng.below(sentences.len())].clone()).collect();
        let date = docs[src]
            .date
            .map(|d| date_from(d.days_from_epoch() + i64::try_from(rng.below(3)).unwrap_or(0)));
        let id = ArticleId(format!("p{k}"));
        planted.push((docs[src].id.clone(), id.clone()));
        docs.push(LinkDoc {
            id,
            title: docs[src].title.clone(),
            lead: new_lead.join(" "),
            text: format!("{}\n\n{}", new_lead.join(" "), sents.join(" ")),
            date,
            entities: Vec::new(),
        });
    }
    (docs, planted)
}

/// Resets the peak resident size of this process (Linux `clear_refs` value 5); false when not possible.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A `kB` field of `/proc/self/status`.
fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
