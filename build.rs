//! Embeds every file in `seeds/` (sorted by name) as `SEEDS: &[(&str, &[u8])]`, and the knowledge base
//! (`src/core/analysis/kb/*.toml`) in a compact line format in `kb.tsv` (what the app embeds), as JSON in
//! `kb.json` (for tests and the benchmark), the English descriptions in `kb_en.json` (for the site's
//! `kb-en.js`), plus the sizes in `kb_meta.rs`.
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
/// the entries in the compact line format and as JSON. Content checks (ids, QIDs, alias collisions) run in
/// the tests.
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
    // the English descriptions stay out of the wasm: the build writes them to kb-en.js, which the app loads
    // only for a reader who chose English (`kb_en.json` here, read natively by `presseschau site`)
    let english: std::collections::BTreeMap<&str, &str> = all
        .iter()
        .filter(|e| !e.description_en.is_empty())
        .map(|e| (e.id.as_str(), e.description_en.as_str()))
        .collect();
    let english = serde_json::to_string(&english).expect("English descriptions serialise");
    fs::write(
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("kb_en.json"),
        english,
    )
    .expect("write kb_en.json");
    for e in &mut all {
        e.description_en.clear();
    }
    let json = serde_json::to_string(&all).expect("KB entries serialise");
    let compact = compact_kb(&all);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(compact.as_bytes()).expect("gzip in memory");
    let gz_len = gz.finish().expect("gzip in memory").len();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("kb.json"), &json).expect("write kb.json");
    fs::write(out.join("kb.tsv"), &compact).expect("write kb.tsv");
    fs::write(
        out.join("kb_meta.rs"),
        format!(
            "/// Size in bytes of the embedded KB (compact line format).\npub const KB_RAW_BYTES: usize = {};\n\
             /// Size in bytes of the embedded KB after gzip -9 (what a server would send).\npub const KB_GZIP_BYTES: usize = {gz_len};\n\
             /// Number of KB files embedded.\npub const KB_FILES: usize = {};\n",
            compact.len(),
            names.len()
        ),
    )
    .expect("write kb_meta.rs");
}

/// The compact line format that `Kb::from_compact` (src/core/analysis/kb.rs) reads: one entity per line,
/// fields separated by tab in the order id, kind, label_de, label_en, description_de, aliases, adjective_stems,
/// derived, roles, ambiguous, case_sensitive (trailing empty fields left out); list items separated by `|`;
/// a role as `title~from~to` (`to` empty while held); `=` stands for the German label (in label_en and in
/// lists), which halves the repeated names. About 35 % smaller than JSON after gzip, and parsed without serde.
/// Fails the build if a value contains a separator or is `=` itself.
fn compact_kb(all: &[KbEntry]) -> String {
    let check = |id: &str, v: &str| {
        assert!(
            !v.contains(['\t', '\n', '\r', '|', '~']) && v != "=",
            "kb: entity `{id}`: value `{v}` contains a tab, line break, `|` or `~`, or is `=`"
        );
    };
    let mut out = String::new();
    for e in all {
        let same = |v: &str| -> String {
            check(&e.id, v);
            if v == e.label_de {
                "=".to_string()
            } else {
                v.to_string()
            }
        };
        let list = |xs: &[String]| xs.iter().map(|x| same(x)).collect::<Vec<_>>().join("|");
        let roles: Vec<String> = e
            .roles
            .iter()
            .map(|r| {
                for v in [&r.title, &r.from].into_iter().chain(&r.to) {
                    check(&e.id, v);
                }
                format!("{}~{}~{}", r.title, r.from, r.to.as_deref().unwrap_or(""))
            })
            .collect();
        for v in [&e.id, &e.kind, &e.label_de, &e.description_de] {
            check(&e.id, v);
        }
        let mut fields = vec![
            e.id.clone(),
            e.kind.clone(),
            e.label_de.clone(),
            same(&e.label_en),
            e.description_de.clone(),
            list(&e.aliases),
            list(&e.adjective_stems),
            list(&e.derived),
            roles.join("|"),
            list(&e.ambiguous),
            list(&e.case_sensitive),
        ];
        while fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}
