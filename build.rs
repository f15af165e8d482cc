//! Embeds every file in `seeds/` (sorted by name) as `SEEDS: &[(&str, &[u8])]`, and the knowledge base
//! (`src/core/analysis/kb/*.toml`) as compact JSON in `kb.json` plus its sizes in `kb_meta.rs`.
use std::io::Write;
use std::{env, fs, path::Path};

fn main() {
    embed_kb();
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.') && (n.ends_with(".txt") || n.ends_with(".md")))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// Every seed file as `(file name, bytes)`, sorted by name.\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed=seeds/{name}");
        out.push_str(&format!(
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seeds/\", {name:?}))),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(dest, out).expect("write seeds.rs");
}

/// One `[[entity]]` table of a KB file, as written by hand (see `src/core/analysis/kb/SCHEMA.md`).
/// Unknown fields are rejected so a typo in a field name cannot silently drop data.
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct KbEntry {
    id: String,
    kind: String,
    label_de: String,
    label_en: String,
    #[serde(default)]
    description_de: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    adjective_stems: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    derived: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<KbRole>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ambiguous: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    case_sensitive: Vec<String>,
}

#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct KbRole {
    title: String,
    from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

#[derive(serde::Deserialize)]
struct KbFile {
    #[serde(default)]
    entity: Vec<KbEntry>,
}

/// Parses every KB file (sorted by name), fails the build with the file name on a syntax error, and writes
/// the entries as one compact JSON array. Content checks (ids, QIDs, alias collisions) run in the tests.
fn embed_kb() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("src/core/analysis/kb");
    println!("cargo:rerun-if-changed=src/core/analysis/kb");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut all = Vec::new();
    for name in &names {
        println!("cargo:rerun-if-changed=src/core/analysis/kb/{name}");
        let text = fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("kb/{name}: cannot read: {e}"));
        let file: KbFile = toml::from_str(&text).unwrap_or_else(|e| panic!("kb/{name}: {e}"));
        all.extend(file.entity);
    }
    let json = serde_json::to_string(&all).expect("KB entries serialise");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(json.as_bytes()).expect("gzip in memory");
    let gz_len = gz.finish().expect("gzip in memory").len();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("kb.json"), &json).expect("write kb.json");
    fs::write(
        out.join("kb_meta.rs"),
        format!(
            "/// Size in bytes of the embedded KB (compact JSON).\npub const KB_RAW_BYTES: usize = {};\n\
             /// Size in bytes of the embedded KB after gzip -9 (what a server would send).\npub const KB_GZIP_BYTES: usize = {gz_len};\n\
             /// Number of KB files embedded.\npub const KB_FILES: usize = {};\n",
            json.len(),
            names.len()
        ),
    )
    .expect("write kb_meta.rs");
}
