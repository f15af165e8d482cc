//! The layering rules: `src/core` imports no browser crate, and nothing injects HTML strings.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_imports_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core")), &mut files);
    assert!(files.len() > 5);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            for pattern in [format!("{banned}::"), format!("use {banned}")] {
                assert!(!src.contains(&pattern), "{} uses {banned}", f.display());
            }
        }
    }
}

#[test]
fn nothing_injects_html_strings() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for banned in ["set_inner_html", "from_html_unchecked", "inner_html ="] {
            assert!(!src.contains(banned), "{} contains {banned}", f.display());
        }
    }
}

/// Training and evaluation code lives in `src/lab` (native only); the core, which the wasm compiles, never
/// reaches into it.
#[test]
fn core_does_not_use_the_lab() {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core")), &mut files);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        assert!(!src.contains("lab::"), "{} uses the lab", f.display());
    }
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    assert!(
        lib.contains("#[cfg(not(target_arch = \"wasm32\"))]\npub mod lab;"),
        "src/lib.rs must gate the lab"
    );
}
