#!/bin/sh
# Same-event linking in WebAssembly: time of `link` for corpora of 1,000 and 10,000 articles under node.
# See docs/benchmarks.md.
#
#   tools/wasm_link_bench.sh [data dir (default ../shared/data)] [sizes (default 1000,10000)]
# "wasm memory" is the size of the wasm linear memory after the runs of that size; it never shrinks, so with
# ascending sizes it is the peak up to that size (corpus, index and links included).
#   PRESSESCHAU_REPO=<other checkout> WASM_BENCH_DIR=<dir> tools/wasm_link_bench.sh   # the same probe against another checkout
#
# Corpora as in `presseschau bench link`: real German sentences from <data>/ner-de-train (the first column of
# the .tsv/.conll/.bio files), 8 consecutive sentences per article, the first as title, one article in ten a
# planted near-duplicate of an earlier one (a new two-sentence lead, one sentence dropped, dated 0–2 days
# later). Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli 0.2.130, node. The probe crate is
# written to $WASM_BENCH_DIR/link (default $TMPDIR/presseschau-wasm-bench/link) and uses the app's release
# profile (opt-level z, LTO, one codegen unit, panic = abort).
set -eu
repo=${PRESSESCHAU_REPO:-$(cd "$(dirname "$0")/.." && pwd)}
data=$(cd "${1:-$repo/../shared/data}" && pwd)
sizes=${2:-1000,10000}
dir=${WASM_BENCH_DIR:-${TMPDIR:-/tmp}/presseschau-wasm-bench}/link
mkdir -p "$dir/src"
. "$(dirname "$0")/probe.sh"
write_probe_manifest "$dir" presseschau-wasm-link-bench '"cdylib"' 'wasm-bindgen = "=0.2.130"'
cat > "$dir/src/lib.rs" <<'RS'
use std::cell::RefCell;

use presseschau::core::analysis::events::{LinkDoc, LinkLevel, link};
use presseschau::core::corpus::{ArticleId, SimpleDate};
use wasm_bindgen::prelude::*;

thread_local! {
    static DOCS: RefCell<Vec<LinkDoc>> = const { RefCell::new(Vec::new()) };
}

fn date(k: usize) -> Option<SimpleDate> {
    Some(SimpleDate { year: 2020, month: Some(1 + (k / 28 % 12) as u8), day: Some(1 + (k % 28) as u8) })
}

/// Builds a corpus of `n` articles from newline-separated sentences; returns how many are planted copies.
#[wasm_bindgen]
pub fn make(sentences: &str, n: usize) -> usize {
    let s: Vec<&str> = sentences.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut docs: Vec<LinkDoc> = Vec::with_capacity(n);
    let mut planted = 0;
    for i in 0..n {
        if i % 10 == 9 && i >= 10 {
            let src = docs[i - 5].clone();
            let mut sent: Vec<&str> = src.text.split('\n').collect();
            if sent.len() > 3 {
                sent.remove(2);
            }
            let lead = format!("{} {}", s[(i * 7919) % s.len()], s[(i * 7919 + 1) % s.len()]);
            docs.push(LinkDoc {
                id: ArticleId(format!("copy{i}")),
                title: src.title.clone(),
                lead: lead.clone(),
                text: format!("{lead}\n{}", sent.join("\n")),
                date: date(i - 5 + i % 3),
                entities: vec![],
            });
            planted += 1;
            continue;
        }
        let start = (i * 8) % s.len().saturating_sub(8).max(1);
        let part = &s[start..(start + 8).min(s.len())];
        docs.push(LinkDoc {
            id: ArticleId(format!("a{i}")),
            title: part.first().copied().unwrap_or("").chars().take(80).collect(),
            lead: part.get(1).copied().unwrap_or("").to_string(),
            text: part[1..].join("\n"),
            date: date(i),
            entities: vec![],
        });
    }
    DOCS.with(|d| *d.borrow_mut() = docs);
    planted
}

/// Size of the wasm linear memory in bytes (it only grows, so after a run it is the peak so far).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// Links the corpus; returns [links, same-event links, groups, planted copies linked to their source as same event].
#[wasm_bindgen]
pub fn run() -> Vec<u32> {
    DOCS.with(|d| {
        let docs = d.borrow();
        let l = link(&docs);
        let same: Vec<_> = l.links.iter().filter(|x| x.level == LinkLevel::SameEvent).collect();
        // a planted copy `copy{i}` is found when it is linked as the same event to its source `a{i-5}`
        let found = same
            .iter()
            .filter(|x| {
                let (a, b) = (&x.a.0, &x.b.0);
                let src = |c: &str| c.strip_prefix("copy").and_then(|n| n.parse::<usize>().ok()).map(|n| format!("a{}", n - 5));
                src(b).as_deref() == Some(a.as_str()) || src(a).as_deref() == Some(b.as_str())
            })
            .count();
        vec![l.links.len() as u32, same.len() as u32, l.events.len() as u32, found as u32]
    })
}
RS
cat > "$dir/bench.js" <<'JS'
const fs = require('fs');
const path = require('path');
const m = require('./pkg/presseschau_wasm_link_bench.js');
const [data, sizes] = [process.argv[2], process.argv[3].split(',').map(Number)];
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(tsv|conll|conll2003|bio)$/.test(e.name)) files.push(p);
  }
})(path.join(data, 'ner-de-train'));
const sentences = [];
for (const f of files.sort()) {
  let toks = [];
  for (const line of (fs.readFileSync(f, 'utf8') + '\n\n').split('\n')) {
    const l = line.trim();
    if (!l) { if (toks.length >= 6) sentences.push(toks.join(' ')); toks = []; }
    else if (!l.startsWith('-DOCSTART-') && !l.startsWith('#')) toks.push(l.split(/[\t ]/)[0]);
  }
}
console.log(`${sentences.length} sentences from ${files.length} files`);
const text = sentences.join('\n');
for (const n of sizes) {
  const planted = m.make(text, n);
  let best = Infinity, cpu = Infinity, out;
  for (let r = 0; r < (n > 5000 ? 3 : 5); r++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    out = m.run();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpu = Math.min(cpu, (u.user + u.system) / 1e3);
  }
  console.log(`${String(n).padStart(6)} articles: link ${(best / 1000).toFixed(2)} s wall (${(cpu / 1000).toFixed(2)} s CPU), ` +
    `${out[0]} links (${out[1]} same event), ${out[2]} groups, planted copies linked ${out[3]}/${planted}, ` +
    `wasm memory ${(m.memory_bytes() / 1048576).toFixed(0)} MB (wasm, node ${process.version}, best run)`);
}
JS
cd "$dir"
cargo build -q --release --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir pkg target/wasm32-unknown-unknown/release/presseschau_wasm_link_bench.wasm
node --max-old-space-size=4096 bench.js "$data" "$sizes"
