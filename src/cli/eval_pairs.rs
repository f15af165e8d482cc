//! `presseschau eval pairs <file.jsonl> [--out predictions.jsonl] [--entities kb|kb-core|fallback|none] [--grid] [--experiments]`
//!
//! Scores article pairs in the format of `../shared/data/same-event-de/*.jsonl` with the app's pair score
//! (corpus statistics from all texts in the file) and, when the rows carry the gold `Overall` (1 = same
//! story … 4 = unrelated), prints Pearson r against −Overall, ROC-AUC for "same story" (Overall ≤ 1.5) and
//! F1 at the linker's same-event threshold, next to a plain TF-IDF cosine baseline from the same run.
//!
//! `--experiments` prints the variant table of `docs/same-event.md` (each variant on all pairs and on two CV
//! halves, and a logistic combination fitted on one half and scored on the other).
//!
//! The texts have no dates, so the time factor is inactive here. Entities come from an extractor function
//! ([`run_with`]); [`run`] picks it with `--entities`: `kb` (default: the knowledge-base matcher's ids, what the
//! app uses), `kb-core` (only people, organisations, events), `fallback` ([`fallback_entities`]) or `none`.
#![allow(clippy::cast_precision_loss, reason = "pair counts far below 2^52 become f64 ratios")]

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Value, json};

use presseschau::core::analysis::entities::{EntityKind, find_mentions};
use presseschau::core::analysis::events::{CorpusStats, LinkDoc, ScoreParams, Signals, pair_score_with};
use presseschau::core::analysis::similarity::{SparseVec, fold, hash_str, idf, words};
use presseschau::core::corpus::ArticleId;
use presseschau::core::event_view;

/// An entity extractor: text → entity ids.
pub type Extractor<'a> = &'a dyn Fn(&str) -> Vec<String>;

const USAGE: &str = "usage: presseschau eval pairs <file.jsonl> [--out predictions.jsonl] [--entities kb|kb-core|fallback|none] [--grid] [--experiments]";

/// Gold label threshold: a pair with `Overall` at or below this is "same story" (SemEval-2022 Task 8 scale).
const SAME_STORY_GOLD: f64 = 1.5;

/// Fallback entity ids until the knowledge-base matcher is plugged in: runs of two or more capitalised words
/// that do not start a sentence ("Carlos Ghosn", "Recep Tayyip Erdogan") and all-caps words of 2–6 letters
/// ("USA", "ÖVP", "NATO"), folded. German capitalises every noun, so single capitalised words are not used.
pub fn fallback_entities(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let ws = words(text);
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        if run.len() >= 2 {
            out.push(run.iter().map(|w| fold(w)).collect::<Vec<_>>().join("_"));
        }
        run.clear();
    };
    for (k, &(start, w)) in ws.iter().enumerate() {
        let letters = w.chars().count();
        let all_caps = (2..=6).contains(&letters) && w.chars().all(char::is_uppercase);
        if all_caps {
            out.push(fold(w));
        }
        // what separates this word from the previous one
        let prev_end = if k > 0 {
            ws[k - 1].0 + ws[k - 1].1.chars().count()
        } else {
            0
        };
        let gap: String = chars[prev_end.min(start)..start].iter().collect();
        let sentence_start = k == 0 || gap.contains(['.', '!', '?', ':', '\n', '"', '„', '“']);
        let capitalised = w.chars().next().is_some_and(char::is_uppercase) && !all_caps;
        let joinable = gap.trim().is_empty() || gap.trim() == "-";
        if !joinable {
            flush(&mut run, &mut out);
        }
        if capitalised && !(sentence_start && run.is_empty()) {
            run.push(w);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The knowledge-base entity ids of a text, as the app links them ([`event_view::entity_ids`]).
pub fn kb_entities(text: &str) -> Vec<String> {
    event_view::entity_ids(&find_mentions(text, None))
}

/// KB entity ids of people, organisations and events only (places and products left out).
pub fn kb_core_entities(text: &str) -> Vec<String> {
    event_view::entity_ids_of_kinds(
        &find_mentions(text, None),
        &[EntityKind::Person, EntityKind::Organization, EntityKind::Event],
    )
}

/// Runs the command with the extractor named by `--entities` (default `kb`, what the app uses).
pub fn run(args: &[String]) -> i32 {
    let chosen = args
        .iter()
        .position(|a| a == "--entities")
        .map(|i| args.get(i + 1).map_or("", String::as_str));
    match chosen.unwrap_or("kb") {
        "kb" => run_with(args, &kb_entities),
        "kb-core" => run_with(args, &kb_core_entities),
        "fallback" => run_with(args, &fallback_entities),
        "none" => run_with(args, &|_: &str| Vec::new()),
        other => {
            eprintln!("presseschau eval pairs: unknown extractor `{other}` (kb, kb-core, fallback, none)\n{USAGE}");
            2
        }
    }
}

struct Row {
    pair_id: String,
    a: usize,
    b: usize,
    overall: Option<f64>,
}

/// Runs the command with the given entity extractor.
pub fn run_with(args: &[String], extract: Extractor<'_>) -> i32 {
    let mut file = None;
    let mut out_path = None;
    let mut grid = false;
    let mut experiments = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out_path = it.next().cloned(),
            "--grid" => grid = true,
            "--experiments" => experiments = true,
            "--entities" => {
                let _ = it.next();
            }
            s if s.starts_with("--") => {
                eprintln!("presseschau eval pairs: unknown option `{s}`\n{USAGE}");
                return 2;
            }
            s => file = Some(s.to_string()),
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return 2;
    };
    let content = match std::fs::read_to_string(&file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("presseschau eval pairs: {file}: cannot read: {e}");
            return 1;
        }
    };
    let (docs, rows, skipped) = match parse(&content, extract) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("presseschau eval pairs: {file}: {e}");
            return 1;
        }
    };
    eprintln!(
        "{} pairs scored, {skipped} skipped (empty text), {} distinct articles",
        rows.len(),
        docs.len()
    );
    if rows.is_empty() {
        eprintln!("presseschau eval pairs: no pair with both texts");
        return 1;
    }
    let params = ScoreParams {
        details: true,
        ..ScoreParams::default()
    };
    let stats = CorpusStats::from_docs_with(&docs, &params);
    let scored = score_all_with_signals(&docs, &rows, &stats, &params);
    let scores: Vec<f64> = scored.iter().map(|(s, _)| *s).collect();
    let signals: Vec<Signals> = scored.iter().map(|(_, s)| *s).collect();
    let baseline = baseline_scores(&docs, &rows);
    if let Some(path) = out_path
        && let Err(e) = write_predictions(&path, &rows, &signals, &baseline, &params)
    {
        eprintln!("presseschau eval pairs: {path}: cannot write: {e}");
        return 1;
    }
    let gold: Vec<(usize, f64)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.overall.map(|o| (i, o)))
        .collect();
    if gold.is_empty() {
        println!("no gold `Overall` in the file: predictions only");
        return 0;
    }
    let pick = |s: &[f64]| gold.iter().map(|&(i, _)| s[i]).collect::<Vec<_>>();
    let g: Vec<f64> = gold.iter().map(|&(_, o)| o).collect();
    let (ours, base) = (pick(&scores), pick(&baseline));
    println!(
        "{} pairs with gold; same story (Overall <= {SAME_STORY_GOLD}): {}",
        g.len(),
        g.iter().filter(|&&o| o <= SAME_STORY_GOLD).count()
    );
    println!("{:<34} {:>10} {:>10}", "metric", "linker", "tfidf-cos");
    println!(
        "{:<34} {:>10.3} {:>10.3}",
        "Pearson r vs -Overall",
        pearson_neg(&ours, &g),
        pearson_neg(&base, &g)
    );
    println!(
        "{:<34} {:>10.3} {:>10.3}",
        "ROC-AUC same story (<=1.5)",
        auc(&ours, &g),
        auc(&base, &g)
    );
    println!(
        "{:<34} {:>10.3} {:>10}",
        format!("F1 at event threshold {:.2}", params.event_threshold),
        f1_at(&ours, &g, params.event_threshold),
        "-"
    );
    let loose: Vec<f64> = g.iter().map(|&o| if o <= 2.5 { 1.0 } else { 4.0 }).collect();
    println!(
        "{:<34} {:>10.3} {:>10}",
        format!("F1 story thr {:.2} vs Overall<=2.5", params.story_threshold),
        f1_at(&ours, &loose, params.story_threshold),
        "-"
    );
    let (bt_o, bf_o) = best_f1(&ours, &g);
    let (bt_b, bf_b) = best_f1(&base, &g);
    println!("{:<34} {:>10.3} {:>10.3}", "F1 at best threshold (oracle)", bf_o, bf_b);
    println!("{:<34} {:>10.3} {:>10.3}", "  best threshold", bt_o, bt_b);
    let with_ents = docs.iter().filter(|d| !d.entities.is_empty()).count();
    println!(
        "time factor: inactive (the texts have no dates); entities: {with_ents} of {} texts have some (--entities)",
        docs.len()
    );
    if grid {
        run_grid(&docs, &rows, &stats, &gold);
    }
    if experiments {
        run_experiments(&docs, &rows, &gold);
    }
    0
}

type Parsed = (Vec<LinkDoc>, Vec<Row>, usize);

fn parse(content: &str, extract: Extractor<'_>) -> Result<Parsed, String> {
    let mut docs: Vec<LinkDoc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let pair_id = field("pair_id");
        if pair_id.is_empty() {
            return Err(format!("line {}: missing `pair_id`", n + 1));
        }
        let (t1, t2) = (field("text_1"), field("text_2"));
        if t1.trim().is_empty() || t2.trim().is_empty() {
            skipped += 1;
            continue;
        }
        let mut ids = pair_id.splitn(2, '_').map(str::to_string);
        let id1 = ids.next().unwrap_or_default();
        let id2 = ids.next().unwrap_or_else(|| format!("{pair_id}#2"));
        let mut add = |id: String, title: String, text: String| -> usize {
            *index.entry(id.clone()).or_insert_with(|| {
                let ents = extract(&format!("{title}\n\n{text}"));
                docs.push(LinkDoc::from_plain(ArticleId(id), &title, &text, None, ents));
                docs.len() - 1
            })
        };
        let a = add(id1, field("title_1"), t1);
        let b = add(id2, field("title_2"), t2);
        rows.push(Row {
            pair_id,
            a,
            b,
            overall: v.get("Overall").and_then(Value::as_f64),
        });
    }
    Ok((docs, rows, skipped))
}

fn score_all(docs: &[LinkDoc], rows: &[Row], stats: &CorpusStats, p: &ScoreParams) -> Vec<f64> {
    score_all_with_signals(docs, rows, stats, p)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

fn score_all_with_signals(docs: &[LinkDoc], rows: &[Row], stats: &CorpusStats, p: &ScoreParams) -> Vec<(f64, Signals)> {
    rows.iter()
        .map(|r| {
            let (s, reasons) = pair_score_with(&docs[r.a], &docs[r.b], stats, p);
            (s, reasons.signals)
        })
        .collect()
}

/// Plain TF-IDF cosine: lower-cased words of title + text, raw term frequency, smoothed IDF, no stemming,
/// no stopwords, no weighting of title or lead.
fn baseline_scores(docs: &[LinkDoc], rows: &[Row]) -> Vec<f64> {
    let toks: Vec<Vec<u64>> = docs
        .iter()
        .map(|d| {
            words(&format!("{}\n{}", d.title, d.text))
                .into_iter()
                .map(|(_, w)| hash_str(&w.to_lowercase()))
                .collect()
        })
        .collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for t in &toks {
        let mut u = t.clone();
        u.sort_unstable();
        u.dedup();
        for k in u {
            *df.entry(k).or_default() += 1;
        }
    }
    let vecs: Vec<SparseVec> = toks
        .iter()
        .map(|t| SparseVec::normalised(t.iter().map(|k| (*k, idf(df[k], docs.len())))))
        .collect();
    rows.iter().map(|r| vecs[r.a].cosine(&vecs[r.b])).collect()
}

fn write_predictions(
    path: &str,
    rows: &[Row],
    signals: &[Signals],
    base: &[f64],
    p: &ScoreParams,
) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    for ((r, s), b) in rows.iter().zip(signals).zip(base) {
        let line = json!({
            "pair_id": r.pair_id,
            "score": s.event,
            "same_event": s.event >= p.event_threshold,
            "same_story": s.story >= p.story_threshold,
            "signals": s,
            "baseline_tfidf_cosine": b,
        });
        writeln!(f, "{line}")?;
    }
    f.flush()
}

/// Pearson r between scores and −gold.
fn pearson_neg(x: &[f64], gold: &[f64]) -> f64 {
    let y: Vec<f64> = gold.iter().map(|g| -g).collect();
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    if vx <= 0.0 || vy <= 0.0 {
        0.0
    } else {
        cov / (vx * vy).sqrt()
    }
}

/// ROC-AUC of scores for gold ≤ [`SAME_STORY_GOLD`] (ties count half).
fn auc(x: &[f64], gold: &[f64]) -> f64 {
    let pos: Vec<f64> = x
        .iter()
        .zip(gold)
        .filter(|(_, g)| **g <= SAME_STORY_GOLD)
        .map(|(s, _)| *s)
        .collect();
    let neg: Vec<f64> = x
        .iter()
        .zip(gold)
        .filter(|(_, g)| **g > SAME_STORY_GOLD)
        .map(|(s, _)| *s)
        .collect();
    if pos.is_empty() || neg.is_empty() {
        return f64::NAN;
    }
    let mut wins = 0.0;
    for p in &pos {
        for n in &neg {
            wins += if p > n {
                1.0
            } else if (p - n).abs() < f64::EPSILON {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

fn f1_at(x: &[f64], gold: &[f64], t: f64) -> f64 {
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (s, g) in x.iter().zip(gold) {
        match (*s >= t, *g <= SAME_STORY_GOLD) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            _ => {}
        }
    }
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fneg)
    }
}

fn best_f1(x: &[f64], gold: &[f64]) -> (f64, f64) {
    let mut best = (0.0, 0.0);
    for &t in x {
        let f = f1_at(x, gold, t);
        if f > best.1 {
            best = (t, f);
        }
    }
    best
}

/// A small grid over the weights, with 2-fold cross-validation (folds by a hash of `pair_id`): the best
/// setting on one fold (by Pearson + AUC) is scored on the other.
fn run_grid(docs: &[LinkDoc], rows: &[Row], stats: &CorpusStats, gold: &[(usize, f64)]) {
    let mut results: Vec<(ScoreParams, Vec<f64>)> = Vec::new();
    for &title_weight in &[4.0, 6.0, 8.0] {
        for &lead_weight in &[0.0, 1.0] {
            for &w_entities in &[0.0, 0.1, 0.25, 0.5, 0.75, 1.0] {
                for &w_duplicate in &[0.0, 0.3] {
                    let p = ScoreParams {
                        title_weight,
                        lead_weight,
                        w_entities,
                        w_duplicate,
                        ..ScoreParams::default()
                    };
                    results.push((p, score_all(docs, rows, stats, &p)));
                }
            }
        }
    }
    let fold_of = |i: usize| hash_str(&rows[i].pair_id) % 2;
    let eval = |s: &[f64], f: Option<u64>| {
        let sel: Vec<(f64, f64)> = gold
            .iter()
            .filter(|&&(i, _)| f.is_none_or(|f| fold_of(i) == f))
            .map(|&(i, g)| (s[i], g))
            .collect();
        let (x, g): (Vec<f64>, Vec<f64>) = sel.into_iter().unzip();
        (pearson_neg(&x, &g), auc(&x, &g))
    };
    println!("\ngrid (title, lead, w_entities, w_duplicate): Pearson / AUC on all dev pairs");
    for (p, s) in &results {
        let (r, a) = eval(s, None);
        println!(
            "  {:.1} {:.1} {:.2} {:.1}   {r:.3} / {a:.3}",
            p.title_weight, p.lead_weight, p.w_entities, p.w_duplicate
        );
    }
    for f in 0..2u64 {
        let best = results
            .iter()
            .max_by(|x, y| {
                let (rx, ax) = eval(&x.1, Some(f));
                let (ry, ay) = eval(&y.1, Some(f));
                (rx + ax).total_cmp(&(ry + ay))
            })
            .map(|(p, s)| (p, eval(s, Some(1 - f))));
        if let Some((p, (r, a))) = best {
            println!(
                "CV: best on fold {f} = (title {:.1}, lead {:.1}, ent {:.2}, dup {:.1}) → fold {}: Pearson {r:.3}, AUC {a:.3}",
                p.title_weight,
                p.lead_weight,
                p.w_entities,
                p.w_duplicate,
                1 - f
            );
        }
    }
}

/// CV fold of a pair: bit 1 of sha256(pair_id) read as a big-endian integer. (Bit 0 — the parity — is what
/// split the dev half off the full set, so it is 1 for every dev pair.)
fn cv_fold(pair_id: &str) -> usize {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(pair_id.as_bytes());
    usize::from((h[31] >> 1) & 1)
}

/// Pearson, AUC and F1 at `threshold` of the pairs `sel` (indices into `gold`).
fn metrics(scores: &[f64], gold: &[(usize, f64)], sel: &[usize], threshold: f64) -> (f64, f64, f64) {
    let x: Vec<f64> = sel.iter().map(|&k| scores[gold[k].0]).collect();
    let g: Vec<f64> = sel.iter().map(|&k| gold[k].1).collect();
    (pearson_neg(&x, &g), auc(&x, &g), f1_at(&x, &g, threshold))
}

/// Features of the logistic combination: the signals of a pair.
fn logistic_features(s: &Signals) -> Vec<f64> {
    vec![
        s.text,
        s.head.unwrap_or(0.0),
        s.body.unwrap_or(0.0),
        s.entities.unwrap_or(0.0),
        f64::from(u8::from(s.entities.is_some())),
        s.near_duplicate,
    ]
}

/// Fits `P(y) = σ(w·x + b)` by gradient descent with a small L2 penalty; returns `(w, b)`.
fn fit_logistic(x: &[Vec<f64>], y: &[f64]) -> (Vec<f64>, f64) {
    let d = x.first().map_or(0, Vec::len);
    let (mut w, mut b) = (vec![0.0; d], 0.0);
    let n = x.len() as f64;
    for _ in 0..20_000 {
        let mut gw = vec![0.0; d];
        let mut gb = 0.0;
        for (xi, yi) in x.iter().zip(y) {
            let z: f64 = xi.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() + b;
            let e = 1.0 / (1.0 + (-z).exp()) - yi;
            for (g, a) in gw.iter_mut().zip(xi) {
                *g += e * a;
            }
            gb += e;
        }
        for (wi, g) in w.iter_mut().zip(&gw) {
            *wi -= 0.5 * (g / n + 0.001 * *wi);
        }
        b -= 0.5 * gb / n;
    }
    (w, b)
}

/// The experiment table of `docs/same-event.md`: each variant's Pearson / AUC / F1 at the event threshold on
/// all dev pairs and on each CV half, and the logistic combination fitted on one half and scored on the other.
fn run_experiments(docs: &[LinkDoc], rows: &[Row], gold: &[(usize, f64)]) {
    let folds: [Vec<usize>; 2] = [0, 1].map(|f| {
        (0..gold.len())
            .filter(|&k| cv_fold(&rows[gold[k].0].pair_id) == f)
            .collect()
    });
    let all: Vec<usize> = (0..gold.len()).collect();
    let off = ScoreParams {
        w_head: 0.0,
        max_words: 0,
        boilerplate_min_docs: 0,
        boilerplate_title_guard: 2.0,
        contact_lines: false,
        junk_body: false,
        details: true,
        ..ScoreParams::default()
    };
    let mut variants: Vec<(String, ScoreParams)> = vec![("main (no filter, no head, no cap)".into(), off)];
    for k in [3, 4, 6, 10] {
        variants.push((
            format!("boilerplate >= {k} docs"),
            ScoreParams {
                boilerplate_min_docs: k,
                ..off
            },
        ));
    }
    for g in [0.1, 0.15, 0.2, 0.3] {
        variants.push((
            format!("boilerplate >= 3 docs, title guard {g}"),
            ScoreParams {
                boilerplate_min_docs: 3,
                boilerplate_title_guard: g,
                ..off
            },
        ));
    }
    for w in [0.25, 0.5, 0.75] {
        variants.push((format!("head share {w}"), ScoreParams { w_head: w, ..off }));
    }
    for m in [100, 200, 400, 800] {
        variants.push((format!("first {m} body terms"), ScoreParams { max_words: m, ..off }));
    }
    let d = ScoreParams {
        details: true,
        ..ScoreParams::default()
    };
    let before = ScoreParams {
        contact_lines: false,
        junk_body: false,
        ..d
    };
    variants.push(("previous default (no contact lines, no junk bodies)".into(), before));
    for k1 in [0.5, 1.2, 2.0, 3.0] {
        variants.push((
            format!("default + BM25 saturation, k1 {k1}"),
            ScoreParams { bm25_k1: k1, ..d },
        ));
    }
    for n in [3, 4, 5, 6] {
        for w in [0.25, 0.5, 0.75] {
            variants.push((
                format!("default + char {n}-grams, share {w}"),
                ScoreParams {
                    char_grams: n,
                    w_char_grams: w,
                    ..d
                },
            ));
        }
    }
    variants.push((
        "previous default + contact lines".into(),
        ScoreParams {
            contact_lines: true,
            ..before
        },
    ));
    variants.push((
        "previous default + junk bodies".into(),
        ScoreParams {
            junk_body: true,
            ..before
        },
    ));
    for m in [200, 400] {
        variants.push((
            format!("default + first {m} body terms"),
            ScoreParams { max_words: m, ..d },
        ));
    }
    variants.push(("default + head share 0.25".into(), ScoreParams { w_head: 0.25, ..d }));
    for w in [0.0, 0.25, 0.5] {
        variants.push((format!("default, w_entities {w}"), ScoreParams { w_entities: w, ..d }));
    }
    for share in [0.02, 0.05, 0.1] {
        variants.push((
            format!("default, entities in <= {share} of docs"),
            ScoreParams {
                entity_max_doc_share: share,
                ..d
            },
        ));
        variants.push((
            format!("default, w_entities 0.25, entities in <= {share} of docs"),
            ScoreParams {
                entity_max_doc_share: share,
                w_entities: 0.25,
                ..d
            },
        ));
    }
    for n in [10, 20, 40] {
        variants.push((
            format!("default, head only when a body has < {n} terms"),
            ScoreParams {
                short_body_terms: n,
                ..d
            },
        ));
    }
    for t in [4.0, 8.0] {
        variants.push((
            format!("default, title weight {t}"),
            ScoreParams { title_weight: t, ..d },
        ));
    }
    variants.push(("default (ScoreParams::default())".into(), d));
    println!(
        "\nexperiments: {} pairs with gold; CV halves by bit 1 of sha256(pair_id): {} / {}",
        gold.len(),
        folds[0].len(),
        folds[1].len()
    );
    println!("| variant | all: Pearson / AUC / F1 | half 0 | half 1 |");
    println!("|---|---|---|---|");
    let mut base_signals = Vec::new();
    for (name, p) in &variants {
        let stats = CorpusStats::from_docs_with(docs, p);
        let scored = score_all_with_signals(docs, rows, &stats, p);
        let scores: Vec<f64> = scored.iter().map(|(s, _)| *s).collect();
        let cell = |sel: &[usize]| {
            let (r, a, f) = metrics(&scores, gold, sel, p.event_threshold);
            format!("{r:.3} / {a:.3} / {f:.3}")
        };
        println!(
            "| {name} | {} | {} | {} |",
            cell(&all),
            cell(&folds[0]),
            cell(&folds[1])
        );
        if base_signals.is_empty() || name.starts_with("default") {
            base_signals = scored.into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        }
    }
    // logistic combination of the default signals, fitted on one half, scored on the other
    let x: Vec<Vec<f64>> = gold.iter().map(|&(i, _)| logistic_features(&base_signals[i])).collect();
    let y: Vec<f64> = gold
        .iter()
        .map(|&(_, o)| f64::from(u8::from(o <= SAME_STORY_GOLD)))
        .collect();
    for f in 0..2 {
        let train = &folds[f];
        let (w, b) = fit_logistic(
            &train.iter().map(|&k| x[k].clone()).collect::<Vec<_>>(),
            &train.iter().map(|&k| y[k]).collect::<Vec<_>>(),
        );
        let mut scores = vec![0.0; rows.len()];
        for (k, &(i, _)) in gold.iter().enumerate() {
            let z: f64 = x[k].iter().zip(&w).map(|(a, c)| a * c).sum::<f64>() + b;
            scores[i] = 1.0 / (1.0 + (-z).exp());
        }
        let (r, a, f1) = metrics(&scores, gold, &folds[1 - f], 0.5);
        let (rt, at, _) = metrics(&scores, gold, train, 0.5);
        println!(
            "logistic fit on half {f} (train {rt:.3} / {at:.3}), scored on half {}: {r:.3} / {a:.3} / {f1:.3}; w = {:?}, b = {b:.2}",
            1 - f,
            w.iter().map(|v| (v * 100.0).round() / 100.0).collect::<Vec<_>>()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_entities_finds_names_not_sentence_starts() {
        let e = fallback_entities(
            "Die Regierung in Ankara lobte Recep Tayyip Erdogan. Neue Gespräche mit der NATO folgen.",
        );
        assert!(e.contains(&"recep_tayyip_erdogan".to_string()), "{e:?}");
        assert!(e.contains(&"nato".to_string()), "{e:?}");
        assert!(
            !e.iter().any(|x| x.starts_with("die") || x.starts_with("neue")),
            "{e:?}"
        );
    }

    #[test]
    fn metrics_on_a_known_ranking() {
        let gold = [1.0, 1.0, 4.0, 4.0];
        assert!((auc(&[0.9, 0.8, 0.2, 0.1], &gold) - 1.0).abs() < 1e-12);
        assert!((auc(&[0.1, 0.2, 0.8, 0.9], &gold)).abs() < 1e-12);
        assert!((pearson_neg(&[1.0, 1.0, 0.0, 0.0], &gold) - 1.0).abs() < 1e-12);
        assert!((f1_at(&[0.9, 0.1, 0.9, 0.1], &gold, 0.5) - 0.5).abs() < 1e-12);
    }
}
