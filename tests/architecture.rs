//! The layering and size rules of `ARCHITECTURE.md`, checked on the source text:
//! - `src/core` imports no browser crate, and nothing injects HTML strings;
//! - product code (`src/core`, `src/platform`, `src/ui`) never names the lab (`src/lab`);
//! - no product file over [`MAX_FILE_LINES`] lines, no function over [`MAX_FN_LINES`] lines unless its doc
//!   comment gives a reason ([`LONG_MARKER`]), and doc comments make at least [`MIN_CORE_DOC_SHARE`] of `src/core`;
//! - inside `src/core/analysis`, the shared-types modules import only from below them ([`SHARED_TYPES`]), and the
//!   modules import each other without circles (apart from [`CIRCLE_ALLOW`]).
//!
//! Each allow-list names a file (or edge) that breaks a rule today, with the reason; a test fails when an entry
//! is no longer needed, so the lists only shrink.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The directories that ship in the app (the CLI in `src/cli` and the lab in `src/lab` do not).
const PRODUCT_DIRS: [&str; 3] = ["src/core", "src/platform", "src/ui"];
/// Longest product file, in lines (all lines, tests included).
const MAX_FILE_LINES: usize = 600;
/// Longest product function, in lines from `fn` to its closing brace, unless its doc comment has [`LONG_MARKER`].
const MAX_FN_LINES: usize = 80;
/// Starts the line of a doc comment that says why a function may be longer than [`MAX_FN_LINES`].
const LONG_MARKER: &str = "Long because:";
/// Least share of doc-comment lines (`///`, `//!`) among the non-blank lines of `src/core`.
const MIN_CORE_DOC_SHARE: f64 = 0.15;

/// Product files over [`MAX_FILE_LINES`] today, with the reason they may be for now.
const FILE_ALLOW: &[(&str, &str)] = &[];

/// Product functions over [`MAX_FN_LINES`] today without a [`LONG_MARKER`] reason: `(file, fn name, reason)`.
const FN_ALLOW: &[(&str, &str, &str)] = &[];

/// Files of product code that may name the lab, with the reason.
const LAB_ALLOW: &[(&str, &str)] = &[];

/// The shared-types modules of `src/core/analysis`, bottom first: each may import, from `src/core/analysis`, only
/// modules listed before it, never their users. A module whose file does not exist (yet) is skipped.
const SHARED_TYPES: &[&str] = &["tokens", "similarity", "mention"];

/// Import edges `(from, to)` between modules of `src/core/analysis` that close a circle today, with the reason.
/// Without them the modules must import each other without circles.
const CIRCLE_ALLOW: &[(&str, &str, &str)] = &[];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `.rs` files under a directory of the crate, as `(path relative to the crate, text)`, sorted.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join(dir), &mut files);
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&f).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn product_sources() -> Vec<(String, String)> {
    PRODUCT_DIRS.iter().flat_map(|d| sources(d)).collect()
}

#[test]
fn core_imports_no_browser_crate() {
    let files = sources("src/core");
    assert!(files.len() > 5);
    for (f, src) in files {
        for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            for pattern in [format!("{banned}::"), format!("use {banned}")] {
                assert!(!src.contains(&pattern), "{f} uses {banned}");
            }
        }
    }
}

#[test]
fn nothing_injects_html_strings() {
    for (f, src) in sources("src") {
        for banned in ["set_inner_html", "from_html_unchecked", "inner_html ="] {
            assert!(!src.contains(banned), "{f} contains {banned}");
        }
    }
}

#[test]
fn product_code_does_not_use_the_lab() {
    let mut users = BTreeSet::new();
    for (f, src) in product_sources() {
        if src.contains("crate::lab") || src.contains("presseschau::lab") {
            users.insert(f);
        }
    }
    let allowed: BTreeSet<String> = LAB_ALLOW.iter().map(|(f, _)| (*f).to_string()).collect();
    let new: Vec<&String> = users.difference(&allowed).collect();
    assert!(
        new.is_empty(),
        "product code names the lab (lab code must not ship): {new:?}"
    );
    let stale: Vec<&String> = allowed.difference(&users).collect();
    assert!(
        stale.is_empty(),
        "no longer names the lab, remove from LAB_ALLOW: {stale:?}"
    );
}

#[test]
fn no_product_file_over_the_line_limit() {
    let mut over = BTreeMap::new();
    for (f, src) in product_sources() {
        let lines = src.lines().count();
        if lines > MAX_FILE_LINES {
            over.insert(f, lines);
        }
    }
    let allowed: BTreeSet<&str> = FILE_ALLOW.iter().map(|(f, _)| *f).collect();
    let new: Vec<_> = over.iter().filter(|(f, _)| !allowed.contains(f.as_str())).collect();
    assert!(
        new.is_empty(),
        "files over {MAX_FILE_LINES} lines (split them by concern): {new:?}"
    );
    let stale: Vec<_> = allowed.iter().filter(|f| !over.contains_key(**f)).collect();
    assert!(
        stale.is_empty(),
        "within the limit now, remove from FILE_ALLOW: {stale:?}"
    );
}

/// A function found in a source file.
#[derive(Debug)]
struct Function {
    name: String,
    /// Lines from the `fn` line to the closing brace, both included.
    lines: usize,
    /// The `///` lines right above it (attributes in between are skipped).
    doc: Vec<String>,
}

/// The name of the function a line declares, if it does (`pub(crate) const fn name<…>(`, …).
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    if let Some(r) = rest.strip_prefix("pub") {
        rest = match r.strip_prefix('(') {
            Some(scope) => scope.split_once(')')?.1,
            None => r,
        }
        .trim_start();
    }
    for qualifier in ["const ", "async ", "unsafe ", "extern \"C\" "] {
        rest = rest.strip_prefix(qualifier).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    let end = name
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    (end > 0).then(|| &name[..end])
}

/// The functions of a rustfmt-formatted file. A body ends at the first later line that starts with `}` at the
/// indentation of its `fn` line (rustfmt puts every non-empty body on lines of its own).
fn functions(src: &str) -> Vec<Function> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else { continue };
        let indent = line.len() - line.trim_start().len();
        // the signature ends at the first line ending in `{` (a body), `;` (no body) or `{}` (empty body)
        let Some(sig_end) = (i..lines.len()).find(|&j| {
            let t = lines[j].trim_end();
            t.ends_with('{') || t.ends_with(';') || t.ends_with("{}")
        }) else {
            continue;
        };
        let t = lines[sig_end].trim_end();
        if t.ends_with(';') || t.ends_with("{}") {
            continue;
        }
        let Some(end) = (sig_end + 1..lines.len()).find(|&j| {
            let l = lines[j];
            l.len() - l.trim_start().len() == indent && l.trim_start().starts_with('}')
        }) else {
            continue;
        };
        let mut doc = Vec::new();
        for above in lines[..i].iter().rev() {
            let a = above.trim_start();
            if let Some(d) = a.strip_prefix("///") {
                doc.push(d.trim().to_string());
            } else if !a.starts_with("#[") {
                break;
            }
        }
        doc.reverse();
        out.push(Function {
            name: name.to_string(),
            lines: end - i + 1,
            doc,
        });
    }
    out
}

#[test]
fn the_function_finder_measures_bodies_and_reads_doc_comments() {
    let src = "/// One.\n/// Long because: a reason.\n#[inline]\npub(crate) fn one<T>(\n    x: T,\n) -> T\nwhere\n    T: Copy,\n{\n    x\n}\n\n\
               trait T {\n    fn decl(&self);\n    fn empty(&self) {}\n    fn body(&self) {\n        if true {\n        }\n    }\n}\n";
    let fs = functions(src);
    let names: Vec<&str> = fs.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["one", "body"]);
    assert_eq!(fs[0].lines, 8);
    assert_eq!(fs[0].doc, ["One.", "Long because: a reason."]);
    assert_eq!(fs[1].lines, 4);
}

#[test]
fn no_long_function_without_a_reason() {
    let mut over = BTreeMap::new();
    for (f, src) in product_sources() {
        for func in functions(&src) {
            let reason = func.doc.iter().any(|d| d.starts_with(LONG_MARKER));
            if func.lines > MAX_FN_LINES && !reason {
                over.insert((f.clone(), func.name), func.lines);
            }
        }
    }
    let allowed: BTreeSet<(String, String)> = FN_ALLOW
        .iter()
        .map(|(f, n, _)| ((*f).to_string(), (*n).to_string()))
        .collect();
    let new: Vec<_> = over.iter().filter(|(k, _)| !allowed.contains(*k)).collect();
    assert!(
        new.is_empty(),
        "functions over {MAX_FN_LINES} lines: split them into named steps, or say why in a doc line \
         starting `{LONG_MARKER}`: {new:?}"
    );
    let stale: Vec<_> = allowed.iter().filter(|k| !over.contains_key(*k)).collect();
    assert!(
        stale.is_empty(),
        "within the limit now, remove from FN_ALLOW: {stale:?}"
    );
}

#[test]
fn core_doc_comment_share() {
    let (mut doc, mut non_blank) = (0usize, 0usize);
    for (_, src) in sources("src/core") {
        for line in src.lines().map(str::trim).filter(|l| !l.is_empty()) {
            non_blank += 1;
            if line.starts_with("///") || line.starts_with("//!") {
                doc += 1;
            }
        }
    }
    let share = doc as f64 / non_blank as f64;
    println!(
        "src/core doc comments: {doc} of {non_blank} non-blank lines = {:.1} %",
        share * 100.0
    );
    assert!(
        share >= MIN_CORE_DOC_SHARE,
        "doc comments are {:.1} % of src/core, below {:.0} %",
        share * 100.0,
        MIN_CORE_DOC_SHARE * 100.0
    );
}

/// The modules of `src/core/analysis` (files and folders) by name, each with the text of its code: every file
/// of a folder module, each cut at its first `#[cfg(test)]` (tests may import anything).
fn analysis_modules() -> BTreeMap<String, String> {
    let mut modules: BTreeMap<String, String> = BTreeMap::new();
    for (f, src) in sources("src/core/analysis") {
        let rel = f.strip_prefix("src/core/analysis/").unwrap();
        let name = rel.split(['/', '.']).next().unwrap().to_string();
        if name == "mod" {
            continue;
        }
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        // in a folder module's files (not its mod.rs) `super::` names the folder itself: only `crate::` paths count
        let code = if rel.contains('/') && !rel.ends_with("/mod.rs") {
            code.replace("super::", "self::")
        } else {
            code.to_string()
        };
        modules.entry(name).or_default().push_str(&code);
    }
    modules
}

/// The modules of `src/core/analysis` that a module's code names (`super::x` or `crate::core::analysis::x`),
/// comment lines skipped.
fn imports(code: &str, modules: &BTreeMap<String, String>, own: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for prefix in ["super::", "crate::core::analysis::"] {
            for (at, _) in line.match_indices(prefix) {
                let rest = &line[at + prefix.len()..];
                let mut names: Vec<&str> = Vec::new();
                if let Some(group) = rest.strip_prefix('{') {
                    // `super::{a::X, b}`: the first segment of each item of the group
                    let group = group.split('}').next().unwrap_or("");
                    names.extend(group.split(',').map(|i| i.trim().split("::").next().unwrap_or("")));
                } else {
                    names.push(
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or(""),
                    );
                }
                for n in names {
                    if n != own && modules.contains_key(n) {
                        out.insert(n.to_string());
                    }
                }
            }
        }
    }
    out
}

fn analysis_graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = analysis_modules();
    modules
        .iter()
        .map(|(name, code)| (name.clone(), imports(code, &modules, name)))
        .collect()
}

#[test]
fn the_import_reader_finds_sibling_modules() {
    let modules: BTreeMap<String, String> = ["kb", "tokens", "entities"]
        .iter()
        .map(|m| ((*m).to_string(), String::new()))
        .collect();
    let code = "use super::kb::Kb;\nuse super::{tokens::Tok, entities};\n// use super::nothing;\nlet x = crate::core::analysis::kb::load();\nsuper::helper();\n";
    let found: Vec<String> = imports(code, &modules, "self_module").into_iter().collect();
    assert_eq!(found, ["entities", "kb", "tokens"]);
}

#[test]
fn shared_types_do_not_import_their_users() {
    let graph = analysis_graph();
    let mut below: BTreeSet<&str> = BTreeSet::new();
    let mut checked = 0;
    for &module in SHARED_TYPES {
        if let Some(deps) = graph.get(module) {
            let up: Vec<&String> = deps.iter().filter(|d| !below.contains(d.as_str())).collect();
            assert!(
                up.is_empty(),
                "the shared-types module `{module}` imports {up:?}; it may only import {below:?} (SHARED_TYPES)"
            );
            checked += 1;
        }
        below.insert(module);
    }
    assert!(checked >= 2, "SHARED_TYPES names modules that do not exist");
}

#[test]
fn analysis_modules_import_each_other_without_circles() {
    let mut graph = analysis_graph();
    println!("src/core/analysis imports: {graph:?}");
    for (from, to, _) in CIRCLE_ALLOW {
        let present = graph.get_mut(*from).is_some_and(|deps| deps.remove(*to));
        assert!(
            present,
            "`{from}` no longer imports `{to}`: remove the edge from CIRCLE_ALLOW"
        );
    }
    // depth-first search; a module met again while still on the path closes a circle
    fn visit<'g>(
        m: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = path.iter().position(|p| *p == m) {
            panic!("import circle in src/core/analysis: {} → {m}", path[at..].join(" → "));
        }
        path.push(m);
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, path, done);
        }
        path.pop();
        done.insert(m);
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
}
