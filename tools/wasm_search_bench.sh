#!/bin/sh
# Search in WebAssembly (issue 13): time of a query over the build's index of N articles under node — the
# shards the query needs decoded from their files (cold, as on the first search of a visit) and then
# searched again (warm). See docs/benchmarks.md.
#
#   tools/wasm_search_bench.sh [N (default 10000)] [data dir (default ../shared/data)]
#
# The corpus is tools/scale_corpus.py's (real German news texts, seeded); the index is written by
# `presseschau site <dir> --corpus <corpus> --search-only`, exactly as the site's build writes it. Needs:
# rustup target wasm32-unknown-unknown, wasm-bindgen-cli 0.2.130, node, python3. The probe crate is written
# to $WASM_BENCH_DIR/search (default $TMPDIR/presseschau-wasm-bench/search) with the app's release profile.
set -eu
repo=${PRESSESCHAU_REPO:-$(cd "$(dirname "$0")/.." && pwd)}
n=${1:-10000}
data=$(cd "${2:-$repo/../shared/data}" && pwd)
dir=${WASM_BENCH_DIR:-${TMPDIR:-/tmp}/presseschau-wasm-bench}/search
mkdir -p "$dir/src"
corpus="$dir/corpus-$n"
index="$dir/index-$n"
[ -d "$corpus" ] || python3 "$repo/tools/scale_corpus.py" "$corpus" "$n" "$data" >/dev/null
(cd "$repo" && cargo build -q --release --bin presseschau)
"$repo/target/release/presseschau" site "$index" --corpus "$corpus" --search-only
. "$(dirname "$0")/probe.sh"
write_probe_manifest "$dir" presseschau-wasm-search-bench '"cdylib"' 'wasm-bindgen = "=0.2.130"
serde_json = "1"'
cat > "$dir/src/lib.rs" <<'RS'
use std::cell::RefCell;

use presseschau::core::search::{IndexMeta, Query, SearchIndex, Shard};
use wasm_bindgen::prelude::*;

thread_local! {
    static INDEX: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
}

/// Reads the meta file's JSON.
#[wasm_bindgen]
pub fn load_meta(json: &str) -> usize {
    let meta: IndexMeta = serde_json::from_str(json).expect("meta");
    let shards = meta.shards as usize;
    INDEX.with(|i| *i.borrow_mut() = Some(SearchIndex::new(meta)));
    shards
}

/// The shards a query needs that are not loaded.
#[wasm_bindgen]
pub fn missing(query: &str) -> Vec<u32> {
    INDEX.with(|i| i.borrow().as_ref().map(|x| x.missing(&Query::parse(query))).unwrap_or_default())
}

/// Decodes and adds one shard's JSON.
#[wasm_bindgen]
pub fn load_shard(n: u32, json: &str) {
    let shard: Shard = serde_json::from_str(json).expect("shard");
    INDEX.with(|i| i.borrow_mut().as_mut().expect("meta first").add_shard(n, shard));
}

/// Runs a query; returns the number of results.
#[wasm_bindgen]
pub fn search(query: &str) -> usize {
    INDEX.with(|i| i.borrow().as_ref().map(|x| x.search(&Query::parse(query)).len()).unwrap_or(0))
}
RS
cat > "$dir/bench.js" <<'JS'
const fs = require('fs');
const path = require('path');
const m = require('./pkg/presseschau_wasm_search_bench.js');
const index = process.argv[2];
// The JSON string each classic script assigns: `(…)["key"] = "<json>";`
const read = (file) => JSON.parse(fs.readFileSync(path.join(index, file), 'utf8').replace(/^.*?\]\s*=\s*/, '').replace(/;\s*$/, ''));
const shards = m.load_meta(read('search-meta.js'));
const queries = ['Erdogans Drohnen', 'türkische Regierung', 'Bundeskanzlerin Merkel', 'Corona Impfstoff', 'Polizei Unfall Autobahn',
  'Wahlen in den USA', 'Russland', 'Klimaschutz', 'Fußball Bundesliga', 'Brand in einer Lagerhalle'];
const cold = [], warm = [];
for (const q of queries) {
  const t = process.hrtime.bigint();
  for (const n of m.missing(q)) m.load_shard(n, read(`search-${n}.js`));
  const hits = m.search(q);
  cold.push(Number(process.hrtime.bigint() - t) / 1e6);
  const best = [];
  for (let r = 0; r < 5; r++) { const t2 = process.hrtime.bigint(); m.search(q); best.push(Number(process.hrtime.bigint() - t2) / 1e6); }
  warm.push(Math.min(...best));
  console.log(`${q.padEnd(28)} ${String(hits).padStart(3)} results  cold ${cold.at(-1).toFixed(1)} ms (file read + shard decode + search)  warm ${warm.at(-1).toFixed(1)} ms`);
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const bytes = fs.readdirSync(index).reduce((s, f) => s + fs.statSync(path.join(index, f)).size, 0);
console.log(`${shards} shards, ${(bytes / 1048576).toFixed(1)} MB of index files; median cold ${med(cold).toFixed(1)} ms, median warm ${med(warm).toFixed(1)} ms, worst warm ${Math.max(...warm).toFixed(1)} ms (wasm, node ${process.version})`);
JS
cd "$dir"
cargo build -q --release --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir pkg target/wasm32-unknown-unknown/release/presseschau_wasm_search_bench.wasm
node --max-old-space-size=4096 bench.js "$index"
