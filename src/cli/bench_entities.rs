//! `presseschau bench entities [files or folders]...`: throughput of [`find_mentions`] on native code, the time
//! to build the matcher, and the size of the embedded KB. Without paths it uses the embedded seeds. The texts
//! are repeated until at least [`MIN_BYTES`] are processed.

use std::time::Instant;

use presseschau::core::analysis::entities::{Matcher, find_mentions};
use presseschau::core::analysis::kb::{KB_DATA, KB_FILES, KB_GZIP_BYTES, KB_RAW_BYTES, Kb};
use presseschau::core::corpus::{Corpus, SimpleDate};

/// Text processed per measurement, at least (5 MB).
pub const MIN_BYTES: usize = 5_000_000;

pub fn run(args: &[String]) -> i32 {
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let corpus = if paths.is_empty() {
        Corpus::from_seeds()
    } else {
        let (files, errors) = super::collect_files(&paths);
        for e in &errors {
            eprintln!("presseschau: {e}");
        }
        let sources: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter_map(|f| Some((f.display().to_string(), std::fs::read(f).ok()?)))
            .collect();
        Corpus::from_sources(sources.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
    };
    let texts: Vec<(String, Option<SimpleDate>)> = corpus.articles.iter().map(|a| (a.text(), a.date.value)).collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    if bytes == 0 {
        eprintln!("presseschau bench entities: no article text to measure");
        return 1;
    }

    let t0 = Instant::now();
    let kb = match Kb::from_compact(KB_DATA) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("presseschau: {e}");
            return 1;
        }
    };
    let kb_parse = t0.elapsed();
    let t1 = Instant::now();
    let matcher = match Matcher::new(&kb) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("presseschau: cannot build the matcher: {e}");
            return 1;
        }
    };
    let build = t1.elapsed();

    // warm up the global KB and matcher used by find_mentions
    let mut count = 0usize;
    for (t, d) in &texts {
        count += find_mentions(t, *d).len();
    }
    let rounds = MIN_BYTES.div_ceil(bytes);
    let t2 = Instant::now();
    let mut total = 0usize;
    for _ in 0..rounds {
        for (t, d) in &texts {
            total += find_mentions(t, *d).len();
        }
    }
    let elapsed = t2.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("articles             {}", texts.len());
    println!("text                 {bytes} bytes, repeated {rounds}× = {mb:.1} MB");
    println!("mentions             {count} per pass ({total} in all)");
    println!(
        "throughput           {:.2} MB/s (find_mentions: names, dates, quantities)",
        mb / elapsed
    );
    println!("KB entities          {} from {KB_FILES} files", kb.len());
    println!("KB embedded          {KB_RAW_BYTES} bytes raw, {KB_GZIP_BYTES} bytes gzip -9 (compact line format)");
    println!("KB parse             {:.1} ms", kb_parse.as_secs_f64() * 1e3);
    println!(
        "matcher build        {:.1} ms ({} folded patterns)",
        build.as_secs_f64() * 1e3,
        matcher.pattern_count()
    );
    0
}
