//! `presseschau site <dir> [--corpus <files or folders>...]`: writes the static site's pages into `<dir>`
//! (the trunk post-build hook calls it with the staging folder; `app.js` and `style.css` are the hook's).
//! The bundled seeds by default; `--corpus` builds the pages of other articles (the scale benchmark);
//! `--site-url <address>` (or the `PRESSESCHAU_SITE_URL` the trunk hook passes on) names the site's public
//! address, so pages carry it and the app can offer it when a link is copied from a downloaded folder;
//! `--search-only` writes only the search index (`search-meta.js`, `search-<n>.js`; the search benchmark).

use std::path::Path;
use std::rc::Rc;
use std::time::Instant;

use presseschau::core::corpus::Corpus;
use presseschau::ui::site;
use presseschau::ui::state::AppState;

/// Runs the command; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let Some(out) = args.first() else {
        eprintln!("usage: presseschau site <dir> [--site-url <https://…/>] [--corpus <files or folders>...]");
        return 2;
    };
    let site_url = match site_url(args) {
        Ok(url) => url,
        Err(e) => {
            eprintln!("presseschau site: {e}");
            return 2;
        }
    };
    let started = Instant::now();
    let corpus = match args.iter().position(|a| a == "--corpus") {
        Some(i) => {
            let paths: Vec<&String> = args[i + 1..].iter().filter(|a| !a.starts_with("--")).collect();
            let (sources, errors) = super::read_sources(&paths);
            for e in &errors {
                eprintln!("presseschau: {e}");
            }
            Corpus::from_sources(sources.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        }
        None => Corpus::from_seeds(),
    };
    if args.iter().any(|a| a == "--search-only") {
        return search_only(Path::new(out), corpus, started);
    }
    let state = Rc::new(AppState::new(corpus));
    let analysed = started.elapsed();
    let routes = site::routes(&state);
    let english = Rc::new(english_state(&state));
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        eprintln!("presseschau site: cannot start the renderer");
        return 1;
    };
    let dir = Path::new(out);
    if let Err(e) = std::fs::create_dir_all(dir.join("data")) {
        eprintln!("presseschau site: cannot create {out}/data: {e}");
        return 1;
    }
    // The build's analysis: the whole for the full app's pages (the app starts from it instead of
    // analysing again), and each reading page's share of it, checked against the page.
    let Some(all) = state.precomputed() else {
        eprintln!("presseschau site: the analysis cannot be written");
        return 1;
    };
    let build = presseschau::ui::page_data::build_id(&all);
    let local = tokio::task::LocalSet::new();
    let pages = local.block_on(&runtime, async {
        let mut pages = Vec::with_capacity(2 * routes.len());
        for r in &routes {
            let (file, page, app) = site::render_page_with_app(state.clone(), r.clone(), site_url.as_deref()).await;
            write_page_data(dir, &state, &all, &build, r, &app).await?;
            pages.push((file, page));
        }
        // every page in English too (`en-…`), linking to pages in English; its share is the German page's
        // file, checked again against the English page (it carries the English descriptions of its names)
        for r in &routes {
            let (file, page, app) = site::render_page_with_app(english.clone(), r.clone(), site_url.as_deref()).await;
            if let Some(slice) = presseschau::ui::page_data::slice(&state, &all, r) {
                presseschau::ui::page_data::check_rendered(&app, &english, r, slice).await?;
            }
            pages.push((file, page));
        }
        Ok::<_, String>(pages)
    });
    let pages = match pages {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("presseschau site: {e}");
            return 1;
        }
    };
    let mut bytes = 0;
    for (file, html) in &pages {
        bytes += html.len();
        if let Err(e) = std::fs::write(dir.join(file), html) {
            eprintln!("presseschau site: cannot write {file}: {e}");
            return 1;
        }
    }
    let Some(data) = presseschau::ui::page_data::script(&all, &build) else {
        eprintln!("presseschau site: the analysis cannot be written");
        return 1;
    };
    if let Err(e) = write_lists(dir, &state, &all, &build) {
        eprintln!("presseschau site: {e}");
        return 1;
    }
    if let Err(e) = std::fs::write(dir.join("data.js"), data) {
        eprintln!("presseschau site: cannot write data.js: {e}");
        return 1;
    }
    // The knowledge base's English descriptions, loaded only when a reader switches to English.
    if let Err(e) = std::fs::write(dir.join("kb-en.js"), english_descriptions()) {
        eprintln!("presseschau site: cannot write kb-en.js: {e}");
        return 1;
    }
    // The search index, cut into shards by term (a query loads only its shards; see core::search).
    if let Err(e) = write_search_index(dir, &state) {
        eprintln!("presseschau site: cannot write the search index: {e}");
        return 1;
    }
    // The list of pages for forward.js (old links to pages that do not exist go to 404.html).
    let names: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    let list = format!(
        "self.presseschauPages = new Set({});\n",
        serde_json::to_string(&names).unwrap_or_default()
    );
    if let Err(e) = std::fs::write(dir.join("pages.js"), list) {
        eprintln!("presseschau site: cannot write pages.js: {e}");
        return 1;
    }
    println!(
        "site: {} pages, {} articles, {bytes} bytes of HTML in {out} (analysis {:.2} s, total {:.2} s)",
        pages.len(),
        state.corpus.articles.len(),
        analysed.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    0
}

/// Writes `data/<page>.js` for `route`'s page if it is a reading page: its share of the analysis
/// ([`page_data`]), after checking that the page renders the same from it as it did from the whole (`app`,
/// the German page; the file is the same for both languages, and the English page is checked against it
/// where it is rendered).
async fn write_page_data(
    dir: &Path,
    state: &AppState,
    all: &presseschau::core::analysis::precomputed::Precomputed,
    build: &str,
    route: &presseschau::ui::routes::Route,
    app: &str,
) -> Result<(), String> {
    use presseschau::ui::page_data;
    let Some(slice) = page_data::slice(state, all, route) else {
        return Ok(());
    };
    let script = page_data::script(&slice, build).ok_or("a page's data cannot be written")?;
    page_data::check_rendered(app, state, route, slice).await?;
    let file = page_data::file(route);
    std::fs::write(dir.join(&file), script).map_err(|e| format!("cannot write {file}: {e}"))
}

/// Writes the whole lists a filter loads (`data/library.js`, `data/names.js`).
fn write_lists(
    dir: &Path,
    state: &AppState,
    all: &presseschau::core::analysis::precomputed::Precomputed,
    build: &str,
) -> Result<(), String> {
    for (file, list) in presseschau::ui::page_data::lists(state, all) {
        let script = presseschau::ui::page_data::script(&list, build).ok_or("a list cannot be written")?;
        std::fs::write(dir.join(file), script).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    Ok(())
}

/// Writes `search-meta.js` (articles, lengths, shard count) and `search-<n>.js` (the shards) as classic
/// scripts that put their JSON into `self.presseschauSearch` (scripts load from disk; fetch does not).
fn write_search_index(dir: &Path, state: &AppState) -> std::io::Result<()> {
    write_index_files(dir, &state.corpus, &state.entities)
}

/// `--search-only`: only the search index of a corpus (the search benchmark), with the KB mentions.
fn search_only(dir: &Path, corpus: Corpus, started: Instant) -> i32 {
    let entities = presseschau::core::analysis::entities::analyze_corpus(&corpus);
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| write_index_files(dir, &corpus, &entities)) {
        eprintln!("presseschau site: cannot write the search index: {e}");
        return 1;
    }
    println!(
        "site: search index of {} articles in {} ({:.2} s)",
        corpus.articles.len(),
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    0
}

fn write_index_files(
    dir: &Path,
    corpus: &Corpus,
    entities: &presseschau::core::analysis::entities::CorpusEntities,
) -> std::io::Result<()> {
    use presseschau::core::search::IndexBuilder;
    let builder = IndexBuilder::new(corpus, entities);
    let script = |name: &str, json: String| {
        format!(
            "(self.presseschauSearch = self.presseschauSearch || {{}})[{}] = {};\n",
            serde_json::to_string(name).unwrap_or_default(),
            serde_json::to_string(&json).unwrap_or_default()
        )
    };
    let meta = serde_json::to_string(builder.meta()).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("search-meta.js"), script("meta", meta))?;
    for (n, shard) in builder.shards().iter().enumerate() {
        let json = serde_json::to_string(shard).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(format!("search-{n}.js")), script(&n.to_string(), json))?;
    }
    Ok(())
}

/// The state of the English pages: the same analysis, the UI and the knowledge base's descriptions in
/// English (as the app has them with kb-en.js).
fn english_state(state: &AppState) -> AppState {
    let mut en = state.clone();
    en.lang = presseschau::ui::text::Lang::En;
    en.descriptions_en = Some(Rc::new(presseschau::core::analysis::kb::descriptions_en().clone()));
    en
}

/// `kb-en.js`: the knowledge base's English descriptions by entity id, as a JSON string in
/// `self.presseschauKbEn` (a classic script: it loads from disk too).
fn english_descriptions() -> String {
    let json = presseschau::core::analysis::kb::KB_EN_JSON;
    format!(
        "self.presseschauKbEn = {};\n",
        serde_json::to_string(json).unwrap_or_default()
    )
}

/// The `--site-url` of the build, normalised to end in `/`; an error for anything but an http(s) address.
fn site_url(args: &[String]) -> Result<Option<String>, String> {
    let Some(i) = args.iter().position(|a| a == "--site-url") else {
        return Ok(None);
    };
    let url = args.get(i + 1).map(|u| u.trim()).unwrap_or_default();
    if url.is_empty() {
        return Ok(None);
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(['"', '<', '>', ' ']) {
        return Err(format!("--site-url must be an http(s) address, not {url:?}"));
    }
    Ok(Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }))
}
