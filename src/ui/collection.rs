//! "Sammlung als Datei speichern": the whole collection as ONE HTML file — the full app, its stylesheet, the
//! articles (bundled and the reader's own, with their analysis) and, if chosen, the notes — that opens from
//! disk with no other file and no network request (for a class, a USB stick, an e-mail attachment). The app
//! in it runs on its one page: every address is a `#/…` fragment ([`crate::ui::routes::set_single_file`]).
//! The file's Content-Security-Policy allows exactly its inline scripts and stylesheet, by their hashes.

/// The Trusted Types policy every page starts with.
pub const TRUSTED_TYPES: &str = include_str!("../../tools/trusted_types.js");

/// Saves the collection of `app` as one file (a download), with the reader's notes if `with_notes`, and the
/// model when the page has loaded it (`Analysis::with_model` first). `false` when the parts are missing (the
/// full app's source and stylesheet come with `app-full.js`) or the browser refused the download.
pub fn save(app: &crate::ui::state::AppState, with_notes: bool) -> bool {
    use crate::platform::script::{global_function_source, global_value};
    let t = app.lang.text();
    let (Some(source), Some(style), Some(p)) = (
        global_function_source("presseschauApp"),
        global_value("presseschauStyle"),
        app.precomputed(),
    ) else {
        return false;
    };
    let Ok(data) = serde_json::to_string(&p) else {
        return false;
    };
    let notes = with_notes.then(|| crate::core::annotations::codec::encode(&app.annotations));
    let file = html(&Parts {
        title: &format!("{} — {}", t.collection_title, t.app_name),
        lang: t.lang.code(),
        loading: t.collection_loading,
        style: &style,
        trusted_types: TRUSTED_TYPES,
        data: &data,
        notes: notes.as_deref(),
        model: global_value("presseschauModel").as_deref(),
        app: &source,
    });
    crate::platform::download::download(t.file_collection, "text/html", &file)
}

/// What goes into the file.
pub struct Parts<'a> {
    /// The page title.
    pub title: &'a str,
    /// `<html lang>`.
    pub lang: &'a str,
    /// What shows until the app has started (and with JavaScript off).
    pub loading: &'a str,
    /// The stylesheet.
    pub style: &'a str,
    /// The Trusted Types policy (`tools/trusted_types.js`).
    pub trusted_types: &'a str,
    /// The articles and their analysis (`Precomputed` as JSON; `data.js`'s value).
    pub data: &'a str,
    /// The notes (`annotations::codec::encode`), if chosen.
    pub notes: Option<&'a str>,
    /// The NER model (`model.js`'s base64), so articles added in the file get the model's names too.
    pub model: Option<&'a str>,
    /// The full app's starting function, as source (`async () => { … }`).
    pub app: &'a str,
}

/// The file. Values are written as JSON string literals, with `<` escaped so no text can close the script.
pub fn html(p: &Parts<'_>) -> String {
    let js = |s: &str| serde_json::to_string(s).unwrap_or_default().replace('<', "\\u003c");
    let mut data = format!("self.presseschauData = {};\n", js(p.data));
    if let Some(notes) = p.notes {
        data.push_str(&format!("self.presseschauNotes = {};\n", js(notes)));
    }
    if let Some(model) = p.model {
        data.push_str(&format!("self.presseschauModel = {};\n", js(model)));
    }
    let app = format!("self.presseschauApp = {};\nself.presseschauApp();\n", p.app);
    let scripts = [p.trusted_types.to_string(), data, app];
    let hashes: String = scripts
        .iter()
        .map(|s| format!(" 'sha256-{}'", sha256_base64(s)))
        .collect();
    let csp = format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval'{hashes}; style-src 'sha256-{}'; \
style-src-attr 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types default",
        sha256_base64(p.style)
    );
    let scripts: String = scripts.iter().map(|s| format!("<script>{s}</script>\n")).collect();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" data-route=\"/view\" data-single-file=\"\">\n<head>\n<meta charset=\"utf-8\" />\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n\
<title>{title}</title>\n<style>{style}</style>\n{scripts}</head>\n<body>\n<div id=\"app\"><main id=\"main\"><p>{loading}</p></main></div>\n</body>\n</html>\n",
        lang = escape(p.lang),
        title = escape(p.title),
        loading = escape(p.loading),
        style = p.style.replace("</", "<\\/"),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SHA-256 of `s`, base64 (a CSP hash source).
fn sha256_base64(s: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inline_script_and_the_stylesheet_is_allowed_by_its_hash_and_nothing_else_is() {
        let p = Parts {
            title: "Sammlung <1>",
            lang: "de",
            loading: "Lädt …",
            style: "body{color:red}",
            trusted_types: "/*tt*/",
            data: "{\"a\":\"</script><script>alert(1)</script>\"}",
            notes: Some("{\"version\":2}"),
            model: Some("QUJD"),
            app: "async () => { await 1; }",
        };
        let out = html(&p);
        // no closing tag inside a script's value, and no file named anywhere
        assert!(!out.contains("</script><script>alert"), "{out}");
        assert!(!out.contains(" src=") && !out.contains(" href="), "{out}");
        let csp = out
            .split("http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("csp");
        let bodies: Vec<&str> = out
            .split("<script>")
            .skip(1)
            .map(|s| s.split("</script>").next().unwrap_or(""))
            .collect();
        assert_eq!(bodies.len(), 3);
        for b in &bodies {
            assert!(csp.contains(&sha256_base64(b)), "{b} not allowed by {csp}");
        }
        assert!(csp.contains(&sha256_base64("body{color:red}")));
        assert!(!csp.contains("'self'"), "no file is allowed: {csp}");
        assert!(out.contains("data-route=\"/view\" data-single-file"));
        assert!(out.contains("<title>Sammlung &lt;1&gt;</title>"));
        assert!(out.contains("self.presseschauNotes") && out.contains("self.presseschauModel = \"QUJD\""));
        let without = html(&Parts { notes: None, ..p });
        assert!(!without.contains("presseschauNotes"));
    }
}
