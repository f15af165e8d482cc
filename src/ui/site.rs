//! The static site, prerendered natively at build time with the same components the app uses: one HTML
//! page per route ([`routes`]) holding its text, highlights, legend and same-event panel, its own
//! `<title>`, description and OpenGraph/Twitter tags, readable with JavaScript off. Every page loads the
//! shared `style.css` and the app (`app.js`, a classic script that `boot.js` adds after the first paint, so
//! it also runs from disk), which renders the same page off-screen and swaps it in ([`crate::platform::dom::take_over`]).

use std::rc::Rc;

use yew::LocalServerRenderer;
use yew_router::Routable;

use crate::core::corpus::{BlockKind, TitleOrigin};
use crate::core::entity_view;
use crate::core::library::outlet_of;
use crate::ui::routes::Route;
use crate::ui::state::AppState;
use crate::ui::text::Lang;
use crate::ui::{StaticApp, StaticAppProps};

/// The Content-Security-Policy of every page: scripts and styles only from the folder (works on
/// file:// too), wasm compilation, no network. Inline style *attributes* stay allowed (the entity card is
/// placed with one); inline `<style>` is not, and an inline script only by its hash (`inline`).
pub fn csp(inline: Option<&str>) -> String {
    let hash = inline
        .map(|s| format!(" 'sha256-{}'", sha256_base64(s)))
        .unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hash}; style-src 'self'; \
style-src-attr 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types default"
    )
}

/// On the library page: the Trusted Types policy, then loads forward.js only for an old `#/…` address
/// (now, or typed later). The policy (`tools/trusted_types.js`, named `default`) lets only the folder's own
/// `*.js` files become script addresses or written script tags; the CSP requires Trusted Types, so no string
/// from a note, link or file can reach a script sink. It is also the first line of app.js (the hook reads
/// the same file).
const FORWARD_CHECK: &str = concat!(
    include_str!("../../tools/trusted_types.js"),
    "(function(){function f(){if(location.hash.indexOf('#/')!==0)return;\
if(document.readyState==='loading'){document.write('<script src=\"forward.js\"><\\/script>')}\
else{var s=document.createElement('script');s.src='forward.js';document.head.appendChild(s)}}\
f();addEventListener('hashchange',f)})();"
);

/// Every page's first script: the reader's stored theme (`presseschau.theme`: `light` or `dark`) on `<html
/// data-theme>` before the first paint. Without one, or without storage, the stylesheet follows the system.
const THEME_CHECK: &str = "try{var t=localStorage.getItem('presseschau.theme');\
if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}";

/// Sends the reader to this page in the other language (`other`, a file of the folder) before anything is
/// painted, when that is the reader's: the stored choice (`presseschau.lang`), else the first of the
/// browser's languages the UI speaks, else German — as [`Lang::preferred`] decides in the app.
fn lang_check(lang: Lang, other: &str) -> String {
    format!(
        "(function(){{var s=null;try{{s=localStorage.getItem('presseschau.lang')}}catch(e){{}}\
function g(t){{t=String(t||'').trim().split(/[-_]/)[0].toLowerCase();return t==='de'||t==='en'?t:null}}\
var l=g(s),b=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language];\
for(var i=0;!l&&i<b.length;i++)l=g(b[i]);\
if((l||'de')!=='{}')location.replace('{other}'+location.search+location.hash)}})();",
        lang.code()
    )
}

/// The OpenGraph locale of a language.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de_DE",
        Lang::En => "en_GB",
    }
}

/// The SHA-256 of `s`, base64 (a CSP hash source).
fn sha256_base64(s: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

/// Every page of the site: the library, each article, the names index and each name (knowledge base and
/// model), each event and story, both orders of every linked pair (the compare pages the app links to),
/// the timeline, the notes page and the not-found page.
pub fn routes(state: &AppState) -> Vec<Route> {
    let mut out = vec![
        Route::Home,
        Route::Entities,
        Route::Timeline,
        Route::Notes,
        Route::Search,
        Route::Add,
        Route::View,
        Route::NotFound,
    ];
    let pages = state.corpus.articles.len().div_ceil(crate::ui::pages::home::PAGE_SIZE);
    out.extend((2..=pages).map(|page| Route::Library { page }));
    let names = crate::ui::pages::entities_page::rows(state, None, false).len();
    out.extend((2..=names.div_ceil(crate::ui::pages::entities_page::PAGE_SIZE)).map(|page| Route::Names { page }));
    // the further pages of names in many articles
    for e in state
        .entities
        .entities
        .iter()
        .chain(state.detected.iter().flat_map(|d| d.groups.iter()))
    {
        let pages = e.article_ids.len().div_ceil(crate::ui::pages::entity_page::PAGE_SIZE);
        out.extend((2..=pages).map(|page| Route::EntityPage { id: e.id.clone(), page }));
    }
    let groups = state
        .links
        .events
        .len()
        .div_ceil(crate::ui::pages::timeline_page::PAGE_SIZE);
    out.extend((2..=groups).map(|page| Route::TimelinePage { page }));
    out.extend(
        state
            .corpus
            .articles
            .iter()
            .map(|a| Route::Article { id: a.id.0.clone() }),
    );
    let detected = state.detected.iter().flat_map(|d| d.groups.iter());
    out.extend(
        state
            .entities
            .entities
            .iter()
            .chain(detected)
            .map(|e| Route::Entity { id: e.id.clone() }),
    );
    out.extend(state.links.events.iter().map(|g| Route::Event { id: g.id.clone() }));
    for l in &state.links.links {
        out.push(Route::Compare {
            a: l.a.0.clone(),
            b: l.b.0.clone(),
        });
        out.push(Route::Compare {
            a: l.b.0.clone(),
            b: l.a.0.clone(),
        });
    }
    out
}

/// What a page says about itself to browsers, link previews and search engines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// `<title>` and `og:title`.
    pub title: String,
    /// `description` and `og:description`.
    pub description: String,
    /// `og:type`: `article` or `website`.
    pub kind: &'static str,
    /// For articles: the date (ISO) and the outlet.
    pub published: Option<String>,
    /// The outlet, when known.
    pub outlet: Option<String>,
}

/// The meta data of `route`.
pub fn page_meta(state: &AppState, route: &Route) -> PageMeta {
    let t = state.lang.text();
    let plain = |title: &str, description: &str| PageMeta {
        title: t.page_title(title),
        description: description.to_string(),
        kind: "website",
        published: None,
        outlet: None,
    };
    match route {
        Route::Home => plain(t.library_title, t.site_description),
        Route::Add => plain(t.add_title, t.add_help),
        Route::View => plain(t.view_title, t.view_needs_js),
        Route::Library { page } => plain(&t.library_page_title(*page), t.site_description),
        Route::Article { id } => match state.corpus.get(id) {
            Some(a) => article_meta(t, a),
            None => plain(t.not_found_title, t.not_found_article),
        },
        Route::Entities => plain(t.entities_title, t.site_description),
        Route::Names { page } => plain(&t.names_page_title(*page), t.site_description),
        Route::Entity { id } | Route::EntityPage { id, .. } => {
            match entity_view::build(&state.corpus, &state.entities, state.detected.as_deref(), id) {
                Some(v) => {
                    // the name in the page's language, as its heading has it
                    let (label, _) = t.entity_label(id, &v.label);
                    let title = match route {
                        Route::EntityPage { page, .. } => format!("{label}, {}", t.page_number(*page)),
                        _ => label,
                    };
                    let about = t.mentions_in(v.mention_total, v.article_total);
                    plain(&title, &format!("{}: {about}", t.kind_label(v.kind)))
                }
                None => plain(t.not_found_title, t.not_found_entity),
            }
        }
        Route::Event { id } => match state.links.events.iter().find(|g| &g.id == id) {
            Some(g) => {
                let titles: Vec<String> = g
                    .members
                    .iter()
                    .filter_map(|m| state.corpus.get(&m.0))
                    .map(|a| shorten(&a.title.text, 80))
                    .collect();
                plain(t.event_title, &titles.join(" · "))
            }
            None => plain(t.not_found_title, t.not_found_event),
        },
        Route::Compare { a, b } => match (state.corpus.get(a), state.corpus.get(b)) {
            (Some(x), Some(y)) => plain(
                t.compare_title,
                &format!("{} · {}", shorten(&x.title.text, 80), shorten(&y.title.text, 80)),
            ),
            _ => plain(t.not_found_title, t.not_found_compare),
        },
        Route::Timeline => plain(t.timeline_title, t.timeline_help),
        Route::TimelinePage { page } => plain(&t.timeline_page_title(*page), t.timeline_help),
        Route::Notes => plain(t.notes_title, t.site_description),
        Route::Search => plain(t.search_title, t.search_help),
        Route::NotFound => plain(t.not_found_title, t.not_found_route),
    }
}

/// The meta data of an article's page: its title, outlet and date, and the start of its lead.
fn article_meta(t: &'static crate::ui::text::Text, a: &crate::core::corpus::Article) -> PageMeta {
    let lead = a
        .blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Lead | BlockKind::Paragraph))
        .map(|b| shorten(&b.text, 200))
        .unwrap_or_default();
    let outlet = outlet_of(a).map(str::to_string);
    let date = a.date.value.map(|d| t.date(d));
    let by: Vec<String> = outlet.iter().cloned().chain(date).collect();
    let title = if a.title.origin == TitleOrigin::FirstSentence {
        shorten(&a.title.text, 90)
    } else {
        a.title.text.clone()
    };
    PageMeta {
        title: t.page_title(&title),
        description: if by.is_empty() {
            lead
        } else {
            format!("{} — {lead}", by.join(", "))
        },
        kind: "article",
        published: a.date.value.map(|d| d.iso()),
        outlet,
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{} …", cut.trim_end())
}

/// Escapes text for an HTML attribute value or text node.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The whole document of a page around its prerendered body.
pub fn document(
    t: &'static crate::ui::text::Text,
    route: &Route,
    meta: &PageMeta,
    body: &str,
    public: Option<&str>,
) -> String {
    let head = head_tags(t, route, meta, public);
    // The reader's theme before the first paint (no flash of the other theme); the page in the reader's
    // language, before anything is painted (not from the not-found page, which a host also serves for
    // addresses that do not exist); and on the library page old links (`index.html#/a/<id>?q=…`), which
    // forward.js sends on before it paints: one inline script, allowed by its hash, that loads forward.js
    // only for such a link, so an ordinary visit waits for no file. It comes before the stylesheet, which an
    // inline script would otherwise wait for: a reader sent to the other language's page waits for nothing.
    let to_other = if *route == Route::NotFound {
        String::new()
    } else {
        lang_check(t.lang, &route.href_in(other_lang(t.lang)))
    };
    let inline = if *route == Route::Home {
        format!("{THEME_CHECK}{to_other}{FORWARD_CHECK}")
    } else {
        format!("{THEME_CHECK}{to_other}")
    };
    let (forward, csp) = (format!("<script>{inline}</script>\n"), csp(Some(&inline)));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" data-route=\"{route}\">\n<head>\n<meta charset=\"utf-8\" />\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n\
<title>{title}</title>\n{head}{forward}<link rel=\"icon\" href=\"{ICON}\" />\n<link rel=\"stylesheet\" href=\"style.css\" />\n\
{card}<script src=\"boot.js\" data-load=\"{load}\" defer></script>\n</head>\n<body>\n<div id=\"app\">{body}</div>\n</body>\n</html>\n",
        // an article's names open their cards before the app: the first deferred script, a few lines
        card = if matches!(route, Route::Article { .. }) {
            "<script src=\"card.js\" defer></script>\n"
        } else {
            ""
        },
        // the scripts boot.js adds after the first paint (tools/boot.js), in this order
        load = boot_scripts(t.lang, route).join(" "),
        route = escape(&route.to_path()),
        title = escape(&meta.title),
        lang = t.lang.code(),
    )
}

/// The scripts of a page that boot.js adds once the page is painted (tools/boot.js: fetched and parsed
/// while the page is read, the app delayed its first text from disk by about a frame), in their order.
pub fn boot_scripts(lang: Lang, route: &Route) -> Vec<String> {
    let mut load = Vec::new();
    // the English descriptions of the knowledge base, for the app's first render of an English page (a
    // reading page has those of its names in its share; the search page's query finds any of them)
    if lang == Lang::En && (crate::ui::page_data::loads_whole(route) || *route == Route::Search) {
        load.push("kb-en.js".to_string());
    }
    // the page's share of the analysis (crate::ui::page_data), then the reading pages' app, or the full
    // one for the pages it does not show (crate::ui::start)
    load.push(crate::ui::page_data::file(route));
    load.push(if route.is_reading() { "app.js" } else { "app-full.js" }.to_string());
    load
}

/// The page's link-preview and language tags: description, OpenGraph and Twitter, its public address, and
/// its version in the other language.
fn head_tags(t: &'static crate::ui::text::Text, route: &Route, meta: &PageMeta, public: Option<&str>) -> String {
    let mut head = String::new();
    if let Some(url) = public {
        head.push_str(&format!("<link rel=\"canonical\" href=\"{}\" />\n", escape(url)));
    }
    for lang in [Lang::De, Lang::En] {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />\n",
            lang.code(),
            route.href_in(lang)
        ));
    }
    let mut tag = |name: &str, content: &str| {
        head.push_str(&format!("<meta {name} content=\"{}\" />\n", escape(content)));
    };
    tag("name=\"description\"", &meta.description);
    tag("property=\"og:title\"", &meta.title);
    tag("property=\"og:description\"", &meta.description);
    tag("property=\"og:type\"", meta.kind);
    tag("property=\"og:site_name\"", t.app_name);
    tag("property=\"og:locale\"", locale(t.lang));
    tag("property=\"og:locale:alternate\"", locale(other_lang(t.lang)));
    if let Some(url) = public {
        tag("property=\"og:url\"", url);
    }
    tag("name=\"twitter:card\"", "summary");
    tag("name=\"twitter:title\"", &meta.title);
    tag("name=\"twitter:description\"", &meta.description);
    if let Some(p) = &meta.published {
        tag("property=\"article:published_time\"", p);
    }
    if let Some(o) = &meta.outlet {
        tag("property=\"article:publisher\"", o);
    }
    head
}

/// The other of the two languages.
fn other_lang(lang: Lang) -> Lang {
    match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    }
}

/// The site's icon (a data URL: no request).
const ICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%231f3a5f'/%3E%3Ctext x='16' y='23' font-family='Georgia,serif' font-size='20' text-anchor='middle' fill='%23f7f3ea'%3EP%3C/text%3E%3C/svg%3E";

/// Renders one page's body with the app's components.
pub async fn render_body(state: Rc<AppState>, route: Route) -> String {
    LocalServerRenderer::<StaticApp>::with_props(StaticAppProps { state, route })
        .hydratable(false)
        .render()
        .await
}

/// Renders the whole page of `route`: `(file name, document)`.
pub async fn render_page(state: Rc<AppState>, route: Route) -> (String, String) {
    render_page_at(state, route, None).await
}

/// Renders the whole page of `route` for a site published at `site_url` (its public address, ending in
/// `/`): the page names its public address (`<link rel="canonical">`, `og:url`), which the app offers when a
/// link is copied from a downloaded folder.
pub async fn render_page_at(state: Rc<AppState>, route: Route, site_url: Option<&str>) -> (String, String) {
    let (file, document, _) = render_page_with_app(state, route, site_url).await;
    (file, document)
}

/// [`render_page_at`], and what the app's root holds (its body and, for an article, its names' cards: what
/// [`crate::ui::page_data::check`] compares).
pub async fn render_page_with_app(
    state: Rc<AppState>,
    route: Route,
    site_url: Option<&str>,
) -> (String, String, String) {
    crate::ui::routes::set_page_lang(state.lang);
    let meta = page_meta(&state, &route);
    let t = state.lang.text();
    let body = render_app(state, &route).await;
    let public = site_url.map(|base| format!("{base}{}", route.href()));
    let page = document(t, &route, &meta, &body, public.as_deref());
    (route.href(), page, body)
}

/// What the app's root of `route`'s page holds: its body and, for an article, its names' cards (for
/// card.js before the app, crate::ui::preview_cards).
pub async fn render_app(state: Rc<AppState>, route: &Route) -> String {
    let mut body = render_body(state.clone(), route.clone()).await;
    if let Route::Article { id } = route {
        body.push_str(&crate::ui::preview_cards::render(state, id).await);
    }
    body
}
