//! The static site's prerender (issue 10): every route has a page, each page carries its own text with the
//! highlight contract, its title and link-preview tags, and the policy that lets only the folder's own
//! scripts run.
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use std::rc::Rc;

use presseschau::ui::routes::{Route, file_part};
use presseschau::ui::site;
use presseschau::ui::state::AppState;

fn state() -> Rc<AppState> {
    Rc::new(AppState::from_seeds())
}

/// The scripts a page has boot.js add after its first paint (`data-load`), in their order; the page names
/// no other deferred script but card.js.
fn loads(html: &str) -> Vec<String> {
    let tag = "<script src=\"boot.js\" data-load=\"";
    assert_eq!(html.matches(tag).count(), 1, "one boot.js");
    let rest = &html[html.find(tag).unwrap() + tag.len()..];
    let list = &rest[..rest.find('"').unwrap()];
    let others = html.matches("\n<script src=").count() - html.matches("\n<script src=\"card.js\"").count();
    assert_eq!(others, 1, "only boot.js and card.js are in the page");
    list.split(' ').map(str::to_string).collect()
}

/// The Deutsche Welle seed (file 000…): linked to the knowledge base's Türkei, among others.
fn dw_seed(s: &AppState) -> presseschau::core::corpus::Article {
    s.corpus
        .articles
        .iter()
        .find(|a| a.source_file.starts_with("000"))
        .expect("DW seed")
        .clone()
}

#[test]
fn every_article_entity_event_and_linked_pair_has_a_page_with_a_unique_file() {
    let s = state();
    let routes = site::routes(&s);
    for a in &s.corpus.articles {
        assert!(routes.contains(&Route::Article { id: a.id.0.clone() }));
    }
    for e in &s.entities.entities {
        assert!(routes.contains(&Route::Entity { id: e.id.clone() }));
    }
    for l in &s.links.links {
        assert!(routes.contains(&Route::Compare {
            a: l.a.0.clone(),
            b: l.b.0.clone()
        }));
        assert!(routes.contains(&Route::Compare {
            a: l.b.0.clone(),
            b: l.a.0.clone()
        }));
    }
    let mut files: Vec<String> = routes.iter().map(Route::href).collect();
    let n = files.len();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), n, "two routes share a file");
    assert!(files.iter().all(|f| f.ends_with(".html") && !f.contains('/')));
}

#[test]
fn file_names_keep_safe_ids_and_escape_the_rest() {
    assert_eq!(file_part("Q7747"), "Q7747");
    assert_eq!(file_part("ner-gerold-wunderlich"), "ner-gerold-wunderlich");
    assert_eq!(file_part("ner-müller/x"), "ner-m_c3_bcller_2fx");
    assert_eq!(
        Route::Article { id: "abc".into() }.href_with("q", "1-2~x"),
        "a-abc.html#q=1-2~x"
    );
    let (route, query) = Route::from_old_hash("#/a/abc?q=1-2").expect("old link");
    assert_eq!((route, query.as_str()), (Route::Article { id: "abc".into() }, "q=1-2"));
    assert_eq!(Route::from_old_hash("#abc"), None);
}

#[tokio::test]
async fn an_article_page_carries_its_text_highlights_title_and_policy() {
    let s = state();
    let a = dw_seed(&s);
    let (file, html) = site::render_page(s.clone(), Route::Article { id: a.id.0.clone() }).await;
    assert_eq!(file, format!("a-{}.html", a.id));
    assert!(
        html.contains(&format!("<title>{} — Presseschau</title>", a.title.text)),
        "{}",
        &html[..600]
    );
    assert!(html.contains(&format!(
        "<meta property=\"og:title\" content=\"{} — Presseschau\" />",
        a.title.text
    )));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\" />"));
    assert!(html.contains(&format!("data-route=\"/a/{}\"", a.id)));
    assert_eq!(loads(&html), [format!("data/a-{}.js", a.id), "app.js".to_string()]);
    assert!(html.contains("script-src 'self' 'wasm-unsafe-eval'"));
    // one inline script, allowed by its hash: the reader's theme before the first paint
    assert_eq!(html.matches("<script>").count(), 1, "one inline script");
    assert!(html.contains("<script>try{var t=localStorage.getItem('presseschau.theme')"));
    assert!(html.contains("'wasm-unsafe-eval' 'sha256-"));
    // the text with the highlight contract (class, data-kind, data-entity-id) and the legend
    assert!(html.contains("data-kind=\"place\""));
    assert!(html.contains("data-entity-id=\"Q43\""), "Türkei linked");
    assert!(html.contains("class=\"entity\""));
    assert!(html.contains("data-kind-toggle=\"person\""), "legend");
    assert!(html.contains("Rüstungskooperation"));
    // the same-event panel is part of the page of a report that has one
    let linked = s
        .corpus
        .articles
        .iter()
        .find(|a| a.source_file.starts_with("001"))
        .expect("seed 001")
        .id
        .0
        .clone();
    let (_, html) = site::render_page(s.clone(), Route::Article { id: linked }).await;
    assert!(html.contains("data-panel=\"same-event\""));
}

/// An article page brings its names' cards for card.js (the app's card component, one template per distinct
/// card) and loads card.js before the app; every name's mention index is served by exactly one card.
#[tokio::test]
async fn an_article_page_carries_the_cards_of_its_names_for_card_js() {
    let s = state();
    let a = dw_seed(&s);
    let (_, html) = site::render_page(s.clone(), Route::Article { id: a.id.0.clone() }).await;
    let card_js = html.find("<script src=\"card.js\" defer></script>").expect("card.js");
    assert!(
        card_js < html.find("<script src=\"boot.js\"").expect("boot.js"),
        "card.js runs first"
    );
    let templates: Vec<&str> = html.split("<template data-m=\"").skip(1).collect();
    let names = html.matches("<mark class=\"entity").count();
    assert!(
        templates.len() > 5 && templates.len() < names,
        "{} cards for {names} names",
        templates.len()
    );
    let mut served: Vec<usize> = templates
        .iter()
        .flat_map(|t| {
            t[..t.find('"').expect("end of data-m")]
                .split(' ')
                .map(|i| i.parse::<usize>().expect("index"))
        })
        .collect();
    served.sort_unstable();
    let n = served.len();
    served.dedup();
    assert_eq!(served.len(), n, "a mention in two cards");
    for i in &served {
        assert!(
            html.contains(&format!("data-m=\"{i}\"")),
            "mention {i} has no name in the text"
        );
    }
    // the app's card: kind, label, the entity page; Türkei's card says it is a place
    assert!(
        templates
            .iter()
            .all(|t| t.contains("class=\"entity-card\"") && t.contains("</template>"))
    );
    assert!(
        templates
            .iter()
            .any(|t| t.contains("e-Q43.html") && t.contains("Türkei"))
    );
    // no other page loads it
    let (_, home) = site::render_page(s, Route::Home).await;
    assert!(!home.contains("card.js") && !home.contains("preview-card"));
}

/// Every page has an English twin (`en-…`) whose links stay in English and which brings the English
/// descriptions; each page sends a reader of the other language to its twin before the first paint, except
/// the not-found page (a host serves it for any address).
#[tokio::test]
async fn english_pages_link_to_english_pages_and_each_page_sends_readers_to_their_language() {
    use presseschau::ui::text::Lang;
    let s = state();
    let mut en = (*s).clone();
    en.lang = Lang::En;
    let en = Rc::new(en);
    let id = s.corpus.articles[0].id.0.clone();
    let (file, html) = site::render_page(en.clone(), Route::Article { id: id.clone() }).await;
    assert_eq!(file, format!("en-a-{id}.html"));
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"de\" href=\"a-{id}.html\" />"
    )));
    assert!(html.contains("href=\"en-index.html\"") && !html.contains("href=\"index.html\""));
    assert!(html.contains("<meta property=\"og:locale\" content=\"en_GB\" />"));
    assert!(html.contains(&format!("!=='en')location.replace('a-{id}.html'")));
    // an English reading page has its names' English descriptions in its share, not all of kb-en.js
    assert!(!html.contains("kb-en.js"));
    let (_, html) = site::render_page(en.clone(), Route::Search).await;
    assert_eq!(loads(&html)[0], "kb-en.js");
    let (file, html) = site::render_page(s.clone(), Route::Article { id: id.clone() }).await;
    assert_eq!(file, format!("a-{id}.html"));
    assert!(html.contains(&format!("!=='de')location.replace('en-a-{id}.html'")));
    assert!(!html.contains("kb-en.js") && !html.contains("href=\"en-index.html\""));
    let (_, html) = site::render_page(en.clone(), Route::NotFound).await;
    assert!(!html.contains("location.replace"));
    // a name's English page is titled with its English name, as its heading (link previews, tabs)
    let (_, html) = site::render_page(en.clone(), Route::Entity { id: "Q43".into() }).await;
    assert!(
        html.contains("<title>Turkey — Presseschau</title>"),
        "{}",
        &html[..1200]
    );
    assert!(html.contains("<meta property=\"og:title\" content=\"Turkey — Presseschau\" />"));
    let (_, html) = site::render_page(s.clone(), Route::Entity { id: "Q43".into() }).await;
    assert!(html.contains("<title>Türkei — Presseschau</title>"));
    // the same-event panel's reasons name the shared names in the page's language
    let mut lines = Vec::new();
    for a in &s.corpus.articles {
        let (_, html) = site::render_page(en.clone(), Route::Article { id: a.id.0.clone() }).await;
        for (at, _) in html.match_indices("both report on") {
            lines.push(html[at..at + html[at..].find('<').unwrap_or(0)].to_string());
        }
    }
    assert!(lines.iter().any(|l| l.contains("Turkey")), "{lines:?}");
    assert!(
        !lines.iter().any(|l| l.contains("Türkei") || l.contains("Ostukraine")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn the_library_page_forwards_old_links_and_an_unknown_page_says_not_found() {
    let s = state();
    let (file, html) = site::render_page(s.clone(), Route::Home).await;
    assert_eq!(file, "index.html");
    // the one inline script (it loads forward.js only for an old link) is allowed by its hash
    assert!(html.contains("forward.js") && html.contains("presseschau.theme") && html.contains("if(self.trustedTypes"));
    assert!(html.contains("'wasm-unsafe-eval' 'sha256-"));
    // Trusted Types are required: no string reaches a script sink except through the site's one policy
    assert!(html.contains("require-trusted-types-for 'script'; trusted-types default"));
    assert_eq!(html.matches("class=\"article-card").count(), s.corpus.articles.len());
    let (file, html) = site::render_page(s, Route::NotFound).await;
    assert_eq!(file, "404.html");
    assert!(html.contains("data-page=\"not-found\""));
    assert!(!html.contains("forward.js"));
}

/// The reading pages load the reading app (`app.js`: no analysis, no tool pages); the pages it does not show
/// load the full app (`app-full.js`), and the reading app shows exactly the routes of those pages.
#[tokio::test]
async fn reading_pages_load_the_reading_app_and_the_others_the_full_app() {
    use presseschau::ui::routes::Pages;
    let s = state();
    let (mut reading, mut full) = (0, 0);
    for route in site::routes(&s) {
        let (file, html) = site::render_page(s.clone(), route.clone()).await;
        let app = if Pages::READING.shows(&route) {
            reading += 1;
            "app.js"
        } else {
            full += 1;
            "app-full.js"
        };
        let apps: Vec<String> = loads(&html).into_iter().filter(|s| s.starts_with("app")).collect();
        assert_eq!(apps, [app], "{file} should load {app}");
        assert!(Pages::ALL.shows(&route));
    }
    // the others are the three tool pages; comparisons are reading pages (the build aligned their sentences)
    // and so is the notes page (it loads its notes' articles)
    assert!(reading > 20 && full == 3, "{reading} reading pages, {full} others");
    assert!(Pages::READING.shows(&Route::Notes));
    // what each of these pages loads of the analysis: a share of its own (the notes page and the search
    // page load their articles' shares as they need them; the add page loads the whole analysis when the
    // reader saves, the view page right after its first render)
    for (route, data) in [
        (Route::Notes, "data/notes.js"),
        (Route::Search, "data/search.js"),
        (Route::NotFound, "data/404.js"),
        (Route::Add, "data/add.js"),
        (Route::View, "data/view.js"),
    ] {
        let (file, html) = site::render_page(s.clone(), route).await;
        let data_scripts: Vec<String> = loads(&html).into_iter().filter(|s| s.starts_with("data")).collect();
        assert_eq!(
            data_scripts,
            [data],
            "{file} should load {data} and no other data script"
        );
    }
    for tool in [Route::Search, Route::Add, Route::View] {
        assert!(!Pages::READING.shows(&tool), "{tool:?}");
    }
    let compare = site::routes(&s)
        .into_iter()
        .find(|r| matches!(r, Route::Compare { .. }));
    assert!(compare.is_some_and(|c| Pages::READING.shows(&c)));
}

#[tokio::test]
async fn with_a_site_url_every_page_names_its_public_address() {
    let s = state();
    let (file, html) = site::render_page_at(s.clone(), Route::Timeline, Some("https://presseschau.example/")).await;
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://presseschau.example/{file}\" />"
    )));
    assert!(html.contains(&format!(
        "<meta property=\"og:url\" content=\"https://presseschau.example/{file}\" />"
    )));
    let (_, html) = site::render_page(s, Route::Timeline).await;
    assert!(
        !html.contains("rel=\"canonical\""),
        "no public address without a site_url"
    );
}
