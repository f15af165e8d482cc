//! `presseschau bench anchor [files or folders]`: the re-anchoring benchmark
//! ([`presseschau::lab::anchor_bench`]) on the embedded seeds, or on the given articles.

use std::time::Instant;

use presseschau::core::corpus::Corpus;
use presseschau::lab::anchor_bench as bench;

/// The acceptance threshold: share of annotations re-attached to the right place (0.95).
const TARGET: f64 = 0.95;

/// Runs the benchmark; returns the exit code (1 when the target is missed or nothing was measured).
pub fn run(args: &[String]) -> i32 {
    let corpus = if args.is_empty() {
        Corpus::from_seeds()
    } else {
        let paths: Vec<&String> = args.iter().collect();
        let (files, errors) = super::collect_files(&paths);
        for e in &errors {
            eprintln!("presseschau: {e}");
        }
        let sources: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter_map(|f| match std::fs::read(f) {
                Ok(b) => Some((f.display().to_string(), b)),
                Err(e) => {
                    eprintln!("presseschau: {}: cannot read: {e}", f.display());
                    None
                }
            })
            .collect();
        Corpus::from_sources(sources.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
    };
    let started = Instant::now();
    let results = bench::run(&corpus.articles);
    let elapsed = started.elapsed();
    let all = bench::total(&results);
    println!(
        "re-anchoring on {} articles (every 3rd sentence annotated; correct = ≥ 90 % overlap with the true passage)",
        corpus.articles.len()
    );
    println!(
        "{:<18} {:>6} {:>8} {:>7} {:>6} {:>6} {:>9}   exact/moved/fuzzy",
        "scenario", "notes", "correct", "rate", "wrong", "orphan", "same-bounds"
    );
    for r in results.iter().chain(std::iter::once(&all)) {
        println!(
            "{:<18} {:>6} {:>8} {:>6.1}% {:>6} {:>6} {:>9}   {}/{}/{}",
            r.name,
            r.total,
            r.correct,
            r.rate() * 100.0,
            r.wrong,
            r.orphaned,
            r.exact_bounds,
            r.by_how[0],
            r.by_how[1],
            r.by_how[2]
        );
    }
    println!(
        "lost: 0 (orphans are kept and listed); time {:.1} ms for {} re-anchorings",
        elapsed.as_secs_f64() * 1000.0,
        all.total
    );
    if all.total == 0 || all.rate() < TARGET {
        eprintln!(
            "presseschau: re-anchoring rate below the target of {:.0} %",
            TARGET * 100.0
        );
        return 1;
    }
    0
}
