//! Command-line entry: argument parsing and the subcommands (one file per command family).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use presseschau::core::analysis::entities::{Mention, find_mentions};
use presseschau::core::analysis::events::{LinkDoc, link};
use presseschau::core::corpus::{Article, Corpus};
use presseschau::core::event_view::entity_ids;
use presseschau::core::library::outlet_of;

mod ner;

const USAGE: &str = "usage:
  presseschau analyze <files or folders>... [--json]   ingest articles and print them (JSON with --json)
  presseschau bench anchor [files or folders]...        re-anchoring benchmark (seeds by default)
  presseschau bench entities [files or folders]...    entity matcher throughput and KB size (default: seeds)
  presseschau eval pairs <file.jsonl> [--out p.jsonl]  score same-event pairs against gold
  presseschau bench link [--sizes 100,1000] [--data d] time same-event linking on synthetic corpora
  presseschau site <dir> [--corpus <paths>...] [--search-only]
                                                      write the static site's pages (seeds by default)
  presseschau deflate <in> <out>                       raw deflate with Zopfli (the build packs the app's wasm)
  presseschau fuzz [--n 1000000] [--seed 1]             generated hostile inputs through every parser of user data
";
mod bench_link;
mod eval_pairs;
// Subcommands in their own files register here (one line each in `run`).
mod bench_anchor;

mod bench_entities;
mod entities;
#[cfg(feature = "web")]
mod site;

/// Runs the command line; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("bench") if args.get(1).is_some_and(|a| a == "anchor") => bench_anchor::run(&args[2..]),
        Some("bench") if args.get(1).is_some_and(|a| a == "entities") => bench_entities::run(&args[2..]),
        Some("eval") if args.get(1).is_some_and(|a| a == "pairs") => eval_pairs::run(&args[2..]),
        Some("bench") if args.get(1).is_some_and(|a| a == "link") => bench_link::run(&args[2..]),
        #[cfg(feature = "web")]
        Some("site") => site::run(&args[1..]),
        Some("fuzz") => fuzz(&args[1..]),
        Some("deflate") => deflate(&args[1..]),
        Some("train-ner") => ner::train_ner(&args[1..]),
        Some("eval") if args.get(1).is_some_and(|a| a.starts_with("ner")) => ner::eval(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}{}", ner::USAGE);
            i32::from(args.is_empty()) * 2
        }
        Some(other) => {
            eprintln!("presseschau: unknown command `{other}`\n{USAGE}");
            2
        }
    }
}

/// Reads the `.txt` and `.md` files under `paths`: `(file name, bytes)` and the errors.
pub(crate) fn read_sources(paths: &[&String]) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let (files, mut errors) = collect_files(paths);
    let mut sources: Vec<(String, Vec<u8>)> = Vec::new();
    for f in &files {
        match std::fs::read(f) {
            Ok(bytes) => sources.push((
                f.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                bytes,
            )),
            Err(e) => errors.push(format!("{}: cannot read: {e}", f.display())),
        }
    }
    (sources, errors)
}

/// Collects `.txt` and `.md` files from the given paths (folders recursively, sorted).
pub(crate) fn collect_files(paths: &[&String]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = Path::new(p.as_str());
        if path.is_dir() {
            let mut stack = vec![path.to_path_buf()];
            while let Some(dir) = stack.pop() {
                match std::fs::read_dir(&dir) {
                    Ok(rd) => {
                        let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
                        entries.sort();
                        for e in entries {
                            if e.is_dir() {
                                stack.push(e);
                            } else if e.extension().is_some_and(|x| x == "txt" || x == "md") {
                                files.push(e);
                            }
                        }
                    }
                    Err(e) => errors.push(format!("{}: cannot read folder: {e}", dir.display())),
                }
            }
        } else if path.exists() {
            files.push(path.to_path_buf());
        } else {
            errors.push(format!("{p}: no such file or folder"));
        }
    }
    (files, errors)
}

fn analyze(args: &[String]) -> i32 {
    let as_json = args.iter().any(|a| a == "--json");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        eprintln!("presseschau analyze: name at least one file or folder\n{USAGE}");
        return 2;
    }
    let (sources, errors) = read_sources(&paths);
    let corpus = Corpus::from_sources(sources.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    let errors: Vec<String> = errors
        .into_iter()
        .chain(corpus.errors.iter().map(ToString::to_string))
        .collect();
    for e in &errors {
        eprintln!("presseschau: {e}");
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let result = if as_json {
        let mentions: Vec<Vec<Mention>> = corpus
            .articles
            .iter()
            .map(|a| find_mentions(&a.text(), a.date.value))
            .collect();
        let docs: Vec<LinkDoc> = corpus
            .articles
            .iter()
            .zip(&mentions)
            .map(|(a, m)| LinkDoc::from_article(a, entity_ids(m)))
            .collect();
        let linkage = link(&docs);
        let value = json!({
            "articles": corpus.articles.iter().zip(&mentions).map(|(a, m)| article_json(a, m)).collect::<Vec<_>>(),
            "links": linkage.links,
            "events": linkage.events,
            "errors": errors,
        });
        serde_json::to_writer_pretty(&mut out, &value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        corpus.articles.iter().try_for_each(|a| {
            writeln!(
                out,
                "{}  {}  {:<10}  {}",
                a.id,
                a.date.value.map_or_else(|| "----------".into(), |d| d.iso()),
                outlet_of(a).unwrap_or("?"),
                a.title.text
            )
        })
    };
    if let Err(e) = result {
        eprintln!("presseschau: cannot write output: {e}");
        return 1;
    }
    i32::from(corpus.articles.is_empty())
}

/// The JSON form of one article, with its entity mentions.
pub fn article_json(a: &Article, mentions: &[Mention]) -> Value {
    json!({
        "id": a.id,
        "source_file": a.source_file,
        "title": a.title.text,
        "title_origin": a.title.origin,
        "date": a.date.value.map(|d| d.iso()),
        "date_precision": a.date.value.map(|d| d.precision()),
        "date_origin": a.date.origin,
        "date_raw": a.date.raw,
        "outlet": a.outlet.as_ref().map(|o| &o.name),
        "outlet_evidence": a.outlet.as_ref().map(|o| &o.evidence),
        "agencies": a.agencies,
        "url": a.url,
        "markdown": a.body_markdown(),
        "captions": a.captions().map(|c| &c.text).collect::<Vec<_>>(),
        "photo_credits": a.credits,
        "removed": a.removed().map(|(text, reason)| json!({ "text": text, "reason": reason, "label": reason.label() })).collect::<Vec<_>>(),
        "entities": entities::entities_json(mentions),
    })
}

/// `presseschau fuzz [--n N] [--seed S]`: N generated inputs through each parser of user data (see
/// `lab::fuzz`); prints the counts, the time and the peak memory. A panic prints its target and input.
fn fuzz(args: &[String]) -> i32 {
    let value = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (n, seed) = (value("--n", 1_000_000) as usize, value("--seed", 1));
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        presseschau::lab::fuzz::CURRENT.with(|c| {
            let (target, input) = &*c.borrow();
            eprintln!("fuzz: PANIC in {target} on input (base64) {}", base64_of(input));
        });
        default_hook(info);
    }));
    let started = std::time::Instant::now();
    let counts = presseschau::lab::fuzz::run(n, seed);
    let mut total = 0;
    for (target, ran, accepted) in &counts.targets {
        println!(
            "{target:>14}: {ran} inputs, {accepted} accepted, {} refused with an error, 0 panics",
            ran - accepted
        );
        total += ran;
    }
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    println!(
        "fuzz: {total} inputs (seed {seed}) in {:.1} s, 0 panics, peak memory {peak}",
        started.elapsed().as_secs_f64()
    );
    0
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `presseschau deflate <in> <out>`: raw deflate (no zlib header) with Zopfli, 5 iterations — what the
/// page inflates with `DecompressionStream('deflate-raw')`.
fn deflate(args: &[String]) -> i32 {
    let [input, output] = args else {
        eprintln!("usage: presseschau deflate <in> <out>");
        return 2;
    };
    let data = match std::fs::read(input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("presseschau deflate: cannot read {input}: {e}");
            return 1;
        }
    };
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN),
        ..Default::default()
    };
    let mut packed = Vec::with_capacity(data.len() / 2);
    if let Err(e) = zopfli::compress(options, zopfli::Format::Deflate, &data[..], &mut packed) {
        eprintln!("presseschau deflate: {e}");
        return 1;
    }
    if let Err(e) = std::fs::write(output, &packed) {
        eprintln!("presseschau deflate: cannot write {output}: {e}");
        return 1;
    }
    0
}
