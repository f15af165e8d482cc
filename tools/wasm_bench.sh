#!/bin/sh
# Entity matcher in WebAssembly: throughput of find_mentions under node, and the wasm size that the matcher and
# its knowledge base add (gzip -9). See docs/benchmarks.md.
#
#   tools/wasm_bench.sh            # throughput (MB/s) on the embedded seeds, repeated to >= 5 MB
#   tools/wasm_bench.sh size       # gzip size of a probe without and with the matcher, and the difference
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli 0.2.130 (same as the wasm-bindgen crate), node.
# The probe crates are written to $WASM_BENCH_DIR (default: $TMPDIR/presseschau-wasm-bench) and reuse their
# build there; they depend on this checkout by path with default features off (no yew) and copy the app's
# release profile from Cargo.toml (opt-level z, aho-corasick at 3, LTO, one codegen unit, panic = abort).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${WASM_BENCH_DIR:-${TMPDIR:-/tmp}/presseschau-wasm-bench}
mode=${1:-speed}
mkdir -p "$dir/src"
. "$(dirname "$0")/probe.sh"

if [ "$mode" = size ]; then
  write_probe_manifest "$dir" presseschau-wasm-size '"cdylib"' '' 'strip = true' '[features]
entities = []'
  # Both variants split a corpus and decode stored annotations (serde_json, as the app does); `entities` adds
  # analyze_corpus and reads what an entity card shows.
  cat > "$dir/src/lib.rs" <<'RS'
#[unsafe(no_mangle)]
pub extern "C" fn run(p: *const u8, n: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(p, n) };
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let c = presseschau::core::corpus::Corpus::from_sources([("a.txt", text.as_bytes())]);
    let mut k = c.articles.len();
    k += usize::from(presseschau::core::annotations::codec::decode(text).is_ok());
    #[cfg(feature = "entities")]
    {
        use presseschau::core::analysis::{entities::analyze_corpus, kb::kb};
        let ce = analyze_corpus(&c);
        for m in ce.by_article.values().flatten() {
            k += m.text.len() + m.value.as_ref().map_or(0, String::len) + usize::from(m.derived) + m.kind.as_str().len();
        }
        for e in &ce.entities {
            if let Some(x) = kb().get(&e.id) {
                k += x.label_de.len() + x.label_en.len() + x.description_de.len() + x.wikidata().map_or(0, str::len);
            }
        }
    }
    k
}
RS
  cd "$dir"
  out=target/wasm32-unknown-unknown/release/presseschau_wasm_size.wasm
  cargo build -q --release --target wasm32-unknown-unknown
  a=$(gzip -9c "$out" | wc -c)
  cargo build -q --release --target wasm32-unknown-unknown --features entities
  b=$(gzip -9c "$out" | wc -c)
  echo "probe without matcher  $a bytes gzip -9"
  echo "probe with matcher     $b bytes gzip -9"
  echo "matcher + KB           $((b - a)) bytes gzip -9"
  exit 0
fi

write_probe_manifest "$dir" presseschau-wasm-bench '"cdylib"' 'wasm-bindgen = "=0.2.130"'
cat > "$dir/src/lib.rs" <<'RS'
use presseschau::core::analysis::entities::find_mentions;
use presseschau::core::corpus::Corpus;
use wasm_bindgen::prelude::*;

thread_local! {
    static TEXTS: Vec<(String, Option<presseschau::core::corpus::SimpleDate>)> =
        Corpus::from_seeds().articles.iter().map(|a| (a.text(), a.date.value)).collect();
}

/// Bytes of article text in one pass.
#[wasm_bindgen]
pub fn pass_bytes() -> usize {
    TEXTS.with(|t| t.iter().map(|(s, _)| s.len()).sum())
}

/// One pass of find_mentions over every seed article; returns the number of mentions.
#[wasm_bindgen]
pub fn pass() -> usize {
    TEXTS.with(|t| t.iter().map(|(s, d)| find_mentions(s, *d).len()).sum())
}
RS
cat > "$dir/bench.js" <<'JS'
const m = require('./pkg/presseschau_wasm_bench.js');
const bytes = m.pass_bytes();
let t = process.hrtime.bigint();
const mentions = m.pass(); // builds the KB and the matcher
const startup = Number(process.hrtime.bigint() - t) / 1e6;
const rounds = Math.ceil(5e6 / bytes);
const mb = (bytes * rounds) / 1e6;
let wall = 0, cpu = 0;
for (let run = 0; run < 5; run++) {
  const c = process.cpuUsage();
  t = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) m.pass();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const u = process.cpuUsage(c);
  wall = Math.max(wall, mb / s);
  cpu = Math.max(cpu, mb / ((u.user + u.system) / 1e6));
}
console.log(`text        ${bytes} bytes, ${mentions} mentions per pass, ${rounds} passes = ${mb.toFixed(1)} MB`);
console.log(`first pass  ${startup.toFixed(0)} ms (KB parse + matcher build + one pass)`);
console.log(`throughput  ${wall.toFixed(2)} MB/s wall clock, ${cpu.toFixed(2)} MB/s per CPU second (wasm, node ${process.version}, best of 5)`);
JS
cd "$dir"
cargo build -q --release --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir pkg target/wasm32-unknown-unknown/release/presseschau_wasm_bench.wasm
node bench.js
