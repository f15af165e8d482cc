#!/bin/sh
# NER tagger speed in WebAssembly (node) and natively, on the same work. See docs/benchmarks.md ("NER tagger").
#
#   tools/ner_bench.sh [dev.tsv]             # wasm tokens/s: seeds repeated (tokenize + tag), dev sentences (tag)
#   tools/ner_bench.sh native [dev.tsv]      # the same passes as a native binary (app release profile)
#   tools/ner_bench.sh callgrind [dev.tsv]   # instructions per token in Model::tag_tokens (load-independent)
#   NER_MODEL=m.bin tools/ner_bench.sh passes [dev.tsv]   # instructions of one seeds pass and one dev pass, each
#                                            # on its own, with the model file given read at run time
#   tools/ner_bench.sh pair a.bin b.bin [dev.tsv]   # wasm tokens/s of two model files, run by run in turn
#                                            # (NER_PAIR_RUNS rounds, default 5; so machine load hits both alike),
#                                            # with the medians of each
#
# dev.tsv defaults to ../shared/data/germeval2014/NER-de-dev.tsv (relative to the repo root); if it is missing
# only the seeds are measured. Needs the wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130 and node; the
# callgrind mode needs valgrind. The probe crate is written to $NER_BENCH_DIR (default
# $TMPDIR/presseschau-ner-bench) and depends on this checkout by path without default features (no yew), with
# the app's release profile (opt-level z, aho-corasick at 3, LTO, one codegen unit, panic = abort).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${NER_BENCH_DIR:-${TMPDIR:-/tmp}/presseschau-ner-bench}
mode=wasm
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
case "${1:-}" in
  native | callgrind | passes | wasm) mode=$1; shift ;;
  pair) mode=pair; pair_a=$(abs "$2"); pair_b=$(abs "$3"); shift 3 ;;
esac
tsv=${1:-$repo/../shared/data/germeval2014/NER-de-dev.tsv}
[ -f "$tsv" ] || { echo "note: $tsv not found, measuring the seeds only" >&2; tsv=; }
tsv_abs=
[ -n "$tsv" ] && tsv_abs=$(cd "$(dirname "$tsv")" && pwd)/$(basename "$tsv")
mkdir -p "$dir/src/bin"
# the wasm build carries no model (the app loads model.js and installs it): the probe installs this checkout's
# ($NER_BENCH_MODEL instead, if set: another model file of the same format)
cp "${NER_BENCH_MODEL:-$repo/src/core/analysis/ner/model.bin}" "$dir/model.bin"
. "$(dirname "$0")/probe.sh"

write_probe_manifest "$dir" presseschau-ner-bench '"cdylib", "rlib"' 'wasm-bindgen = "=0.2.130"' 'debug = 1'

cat > "$dir/src/lib.rs" <<'RS'
use std::cell::RefCell;

use presseschau::core::analysis::ner::{self, model, tokenize};
use presseschau::core::corpus::Corpus;
use wasm_bindgen::prelude::*;

thread_local! {
    static SEEDS: Vec<String> = Corpus::from_seeds().articles.iter().map(|a| a.text()).collect();
    static DEV: RefCell<Vec<Vec<String>>> = const { RefCell::new(Vec::new()) };
}

/// The checkout's model file, installed by [`warm_up`] (the wasm build has none compiled in).
static MODEL_BYTES: &[u8] = include_bytes!("../model.bin");

/// Installs and parses the model, builds the KB gazetteer (first use); returns the number of model features.
#[wasm_bindgen]
pub fn warm_up() -> usize {
    let _ = model::install(MODEL_BYTES);
    let _ = ner::tag_tokens(&["Berlin"]);
    model::embedded().map_or(0, |m| m.feature_count())
}

/// Tokens of the seed articles (what one seed pass tags).
#[wasm_bindgen]
pub fn seed_tokens() -> usize {
    SEEDS.with(|s| s.iter().map(|t| tokenize(t).len()).sum())
}

/// One pass of `ner::tag` (tokenize, split sentences, tag, build spans) over every seed article.
#[wasm_bindgen]
pub fn seed_pass() -> usize {
    SEEDS.with(|s| s.iter().map(|t| ner::tag(t).len()).sum())
}

/// Reads the tokens (second column) of GermEval TSV text, sentence by sentence; returns their count. (The
/// lab's reader is not compiled for wasm32; this is the same column split without label parsing.)
#[wasm_bindgen]
pub fn load_tsv(text: &str) -> usize {
    let mut toks: Vec<Vec<String>> = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if !toks.last().is_some_and(Vec::is_empty) {
                toks.push(Vec::new());
            }
        } else if !line.starts_with('#') {
            if let Some(t) = line.split('\t').nth(1) {
                toks.last_mut().unwrap().push(t.replace('\u{ad}', ""));
            }
        }
    }
    toks.retain(|s| !s.is_empty());
    let n = toks.iter().map(Vec::len).sum();
    DEV.with(|d| *d.borrow_mut() = toks);
    n
}

/// One pass of `ner::tag_tokens` over the loaded sentences; returns the number of labels other than `O`.
#[wasm_bindgen]
pub fn tsv_pass() -> usize {
    DEV.with(|d| {
        d.borrow()
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.iter().map(String::as_str).collect();
                ner::tag_tokens(&words).iter().filter(|y| **y != ner::NerLabel::Outside).count()
            })
            .sum()
    })
}
RS

cat > "$dir/src/bin/native.rs" <<'RS'
//! Native twin of bench.js: `native [dev.tsv] [--once]` (--once: one pass each, for callgrind).
use std::time::Instant;

use presseschau_ner_bench::*;

fn best(tokens: usize, rounds: usize, pass: fn() -> usize) -> f64 {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..rounds {
                std::hint::black_box(pass());
            }
            (tokens * rounds) as f64 / t.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let once = args.iter().any(|a| a == "--once");
    // $NER_MODEL: another model file, read at run time (installed before warm_up, whose install is then a
    // no-op), so one probe build serves many models
    if let Ok(p) = std::env::var("NER_MODEL") {
        let bytes = std::fs::read(&p).expect("read NER_MODEL");
        presseschau::core::analysis::ner::model::install(&bytes).expect("NER_MODEL is no model");
    }
    let features = warm_up();
    if args.iter().any(|a| a == "--warm") {
        // everything `--once` does but the two passes (their instructions: the difference of the two runs)
        let dev = match args.iter().find(|a| !a.starts_with("--")) {
            Some(p) => load_tsv(&std::fs::read_to_string(p).expect("read dev tsv")),
            None => 0,
        };
        println!("warm {features} features, {} seed tokens, dev {dev}", seed_tokens());
        return;
    }
    let seeds = seed_tokens();
    let dev = match args.iter().find(|a| !a.starts_with("--")) {
        Some(p) => load_tsv(&std::fs::read_to_string(p).expect("read dev tsv")),
        None => 0,
    };
    if once {
        println!("seeds {seeds} tokens, {} spans; dev {dev} tokens, {} labels", seed_pass(), tsv_pass());
        return;
    }
    println!("model       {features} features");
    let r = 200_000usize.div_ceil(seeds.max(1));
    println!("seeds       {seeds} tokens x {r}: {:.0} tokens/s (tokenize + tag, native, best of 5)", best(seeds, r, seed_pass));
    if dev > 0 {
        println!("dev         {dev} tokens x 2: {:.0} tokens/s (tag_tokens, native, best of 5)", best(dev, 2, tsv_pass));
    }
}
RS

cat > "$dir/bench.js" <<'JS'
const m = require('./pkg/presseschau_ner_bench.js');
const fs = require('fs');
let t = process.hrtime.bigint();
const features = m.warm_up();
const startup = Number(process.hrtime.bigint() - t) / 1e6;
console.log(`model       ${features} features; first use ${startup.toFixed(0)} ms (model parse + KB gazetteer)`);
function best(tokens, rounds, pass) {
  let wall = 0, cpu = 0;
  for (let run = 0; run < 5; run++) {
    const c = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) pass();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const u = process.cpuUsage(c);
    wall = Math.max(wall, (tokens * rounds) / s);
    cpu = Math.max(cpu, (tokens * rounds) / ((u.user + u.system) / 1e6));
  }
  return `${wall.toFixed(0)} tokens/s wall clock, ${cpu.toFixed(0)} per CPU second (wasm, node ${process.version}, best of 5)`;
}
const seeds = m.seed_tokens();
const r = Math.ceil(200000 / seeds);
console.log(`seeds       ${seeds} tokens x ${r}, ${m.seed_pass()} spans per pass: ${best(seeds, r, m.seed_pass)} (tokenize + tag)`);
const tsv = process.argv[2];
if (tsv) {
  const dev = m.load_tsv(fs.readFileSync(tsv, 'utf8'));
  console.log(`dev         ${dev} tokens x 2, ${m.tsv_pass()} labels per pass: ${best(dev, 2, m.tsv_pass)} (tag_tokens)`);
}
JS

cd "$dir"
case $mode in
  wasm)
    cargo build -q --release --lib --target wasm32-unknown-unknown
    wasm-bindgen --target nodejs --out-dir pkg target/wasm32-unknown-unknown/release/presseschau_ner_bench.wasm
    node bench.js $tsv_abs
    ;;
  pair)
    # one wasm build per model file (only the probe crate is rebuilt for the second), then the runs in turn
    for side in a b; do
      if [ $side = a ]; then cp "$pair_a" model.bin; else cp "$pair_b" model.bin; fi
      cargo build -q --release --lib --target wasm32-unknown-unknown
      rm -rf pkg-$side
      wasm-bindgen --target nodejs --out-dir pkg-$side target/wasm32-unknown-unknown/release/presseschau_ner_bench.wasm
      sed "s#./pkg/#./pkg-$side/#" bench.js > bench-$side.js
    done
    echo "a = $pair_a"
    echo "b = $pair_b"
    i=1
    while [ "$i" -le "${NER_PAIR_RUNS:-5}" ]; do
      for side in a b; do
        echo "run $i $side (load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null))"
        node bench-$side.js $tsv_abs
      done
      i=$((i + 1))
    done | tee pair.log
    cat > medians.js <<'JS'
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n');
const d = {};
let side;
for (const l of lines) {
  let m = l.match(/^run \d+ (\w)/);
  if (m) { side = m[1]; continue; }
  m = l.match(/^(seeds|dev)\s.*?: (\d+) tokens\/s wall clock, (\d+) per CPU second/);
  if (m) (d[`${side} ${m[1]}`] ||= []).push([+m[2], +m[3]]);
}
const med = (a) => { a = [...a].sort((x, y) => x - y); const n = a.length; return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2; };
for (const k of Object.keys(d).sort())
  console.log(`${k}: median ${med(d[k].map((x) => x[0])).toFixed(0)} tokens/s wall clock, ${med(d[k].map((x) => x[1])).toFixed(0)} per CPU second (${d[k].length} runs)`);
JS
    node medians.js pair.log
    ;;
  native)
    cargo build -q --release --bin native
    ./target/release/native $tsv_abs
    ;;
  passes)
    # instructions of one seeds pass and one dev pass on their own, each the difference of two callgrind runs
    # (with and without the pass); the model from $NER_MODEL (a file) if set, else the probe's own
    cargo build -q --release --bin native
    ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $NF}'; }
    # "warm F features, N seed tokens, dev M"
    counts=$(./target/release/native $tsv_abs --warm)
    ns=$(echo "$counts" | awk '{print $4}'); nd=$(echo "$counts" | awk '{print $NF}')
    a=$(ir ./target/release/native --warm); b=$(ir ./target/release/native --once)
    s=$((b - a))
    echo "seeds pass: $s instructions for $ns tokens, $((s / ns)) per token"
    if [ -n "$tsv_abs" ]; then
      c=$(ir ./target/release/native "$tsv_abs" --warm); d=$(ir ./target/release/native "$tsv_abs" --once)
      t=$((d - c - s))
      echo "dev pass: $t instructions for $nd tokens, $((t / nd)) per token"
    fi
    ;;
  callgrind)
    cargo build -q --release --bin native
    out=$(valgrind --tool=callgrind --callgrind-out-file=callgrind.out \
      --toggle-collect='presseschau::core::analysis::ner::model::Model::tag_tokens_with' \
      ./target/release/native $tsv_abs --once 2>callgrind.log)
    echo "$out"
    ir=$(callgrind_annotate callgrind.out 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    tokens=$(echo "$out" | awk '{print $2 + $7}')
    echo "instructions in Model::tag_tokens_with: $ir for $tokens tokens = $((ir / tokens)) per token"
    echo "(one seed pass + one dev pass; profile in $dir/callgrind.out, see callgrind_annotate --inclusive=yes)"
    ;;
esac
