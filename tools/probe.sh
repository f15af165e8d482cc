# Sourced by tools/wasm_bench.sh, tools/ner_bench.sh and tools/wasm_link_bench.sh: writes the Cargo.toml of a
# small probe crate that depends on this checkout ($repo) by path without default features (no yew), with the
# app's release profile from Cargo.toml (opt-level z, aho-corasick at 3, LTO, one codegen unit, panic = abort).
#
#   write_probe_manifest DIR NAME CRATE-TYPES [EXTRA DEPENDENCY LINES] [EXTRA [profile.release] LINES] [EXTRA SECTIONS]
write_probe_manifest() {
  cat > "$1/Cargo.toml" <<TOML
[package]
name = "$2"
version = "0.0.0"
edition = "2024"
publish = false
[lib]
crate-type = [$3]
${6:-}
[dependencies]
presseschau = { path = "$repo", default-features = false }
${4:-}
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
${5:-}
[profile.release.package.aho-corasick]
opt-level = 3
TOML
}
