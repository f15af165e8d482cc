//! What each reading page of the static site loads of the build's analysis (`data/<page>.js`): what its
//! render reads ([`need`]), cut from the whole analysis by [`Precomputed::slice`], so no page loads the
//! whole corpus. [`check`] renders the page from its slice and from the whole analysis: the build fails
//! when they differ, so a component that reads more than its page's slice is found at build time.

use std::rc::Rc;

use crate::core::analysis::page_data::{CARD_TITLES, Need, Whole};
use crate::core::analysis::precomputed::Precomputed;
use crate::core::corpus::ArticleId;
use crate::core::library::{self, LibraryFilter};
use crate::ui::pages::entities_page::PAGE_SIZE as NAMES_PAGE;
use crate::ui::pages::home::PAGE_SIZE;
use crate::ui::pages::timeline_page::PAGE_SIZE as TIMELINE_PAGE;
use crate::ui::routes::Route;
use crate::ui::state::AppState;

/// The script a page loads its data from: its own slice (`data/<page>.js`, one for both languages), or,
/// for the pages of the full app and the not-found page (which shows any old link's route), the whole
/// analysis (`data.js`).
pub fn file(route: &Route) -> String {
    if loads_whole(route) {
        return "data.js".to_string();
    }
    route.share_file()
}

/// Whether `route`'s page loads the whole analysis (`data.js`) rather than a share of its own.
pub fn loads_whole(route: &Route) -> bool {
    !route.loads_share()
}

/// The slice of `state`'s analysis that `route`'s page reads; `None` for a page that loads the whole
/// analysis ([`file`]).
/// (`all` is `state`'s whole analysis, [`AppState::precomputed`].)
pub fn slice(state: &AppState, all: &Precomputed, route: &Route) -> Option<Precomputed> {
    if loads_whole(route) {
        return None;
    }
    let (need, whole) = need(state, route);
    let mut slice = all.slice(&need, whole);
    let described = english_described(&slice, &need, route);
    if let Some(w) = slice.whole.as_mut() {
        w.english = described;
    }
    Some(slice)
}

/// The English descriptions a page shows: those of the names on its articles' cards, or of the name whose
/// page it is ([`crate::ui::components::entity_name::entity_description`]).
fn english_described(slice: &Precomputed, need: &Need, route: &Route) -> std::collections::BTreeMap<String, String> {
    let english = crate::core::analysis::kb::descriptions_en();
    let carded = (need.full.iter())
        .filter_map(|id| slice.entities.by_article.get(id))
        .flatten()
        .filter_map(|m| m.entity_id.as_ref());
    let own = match route {
        Route::Entity { id } | Route::EntityPage { id, .. } => Some(id),
        _ => None,
    };
    (carded.chain(own))
        .filter_map(|id| english.get(id).map(|d| (id.clone(), d.clone())))
        .collect()
}

/// The whole lists a filter needs, loaded only then: `data/library.js` (every article's lead and main
/// names) and `data/names.js` (every name with its counts).
pub fn lists(state: &AppState, all: &Precomputed) -> [(&'static str, Precomputed); 2] {
    let library = Need {
        listed: state.corpus.articles.iter().map(|a| a.id.clone()).collect(),
        ..Need::default()
    };
    let whole = Whole {
        lists_all: true,
        outlets: library::outlets(&state.corpus),
        years: library::years(&state.corpus),
        ..Whole::default()
    };
    let names = Need {
        all_entities: true,
        ..Need::default()
    };
    let names_whole = Whole {
        lists_all: true,
        ..Whole::default()
    };
    [
        ("data/library.js", all.slice(&library, whole)),
        ("data/names.js", all.slice(&names, names_whole)),
    ]
}

/// What the page of `route` reads, and what it says about the whole corpus.
fn need(state: &AppState, route: &Route) -> (Need, Whole) {
    let mut need = Need::default();
    let mut whole = Whole::default();
    let page = route.page();
    match route {
        Route::Home | Route::Library { .. } => {
            whole.offset = (page - 1) * PAGE_SIZE;
            let list = library::list(&state.corpus, &LibraryFilter::default());
            need.listed = list
                .iter()
                .skip(whole.offset)
                .take(PAGE_SIZE)
                .map(|a| a.id.clone())
                .collect();
            whole.outlets = library::outlets(&state.corpus);
            whole.years = library::years(&state.corpus);
        }
        Route::Article { id } => article_need(state, &ArticleId(id.clone()), &mut need, &mut whole),
        Route::Entities | Route::Names { .. } => {
            let rows = crate::ui::pages::entities_page::rows(state, None, false);
            whole.offset = (page - 1) * NAMES_PAGE;
            whole.items = rows.len();
            need.names = rows
                .into_iter()
                .skip(whole.offset)
                .take(NAMES_PAGE)
                .map(|r| r.0)
                .collect();
        }
        Route::Entity { id } | Route::EntityPage { id, .. } => {
            // its page of mentions as the build found them: no article's text
            let view = crate::core::entity_view::build(&state.corpus, &state.entities, state.detected.as_deref(), id);
            whole.entity = view.map(|v| v.page(page, crate::ui::pages::entity_page::PAGE_SIZE));
        }
        Route::Event { id } => {
            // its reports: what they share is read from the names each one names
            let group = state.links.events.iter().find(|g| &g.id == id);
            need.tagged = group.map(|g| g.members.iter().cloned().collect()).unwrap_or_default();
            need.groups.insert(id.clone());
        }
        Route::Compare { a, b } => {
            // the two reports aligned as the build compared them, with their titles: not their texts
            need.brief.extend([ArticleId(a.clone()), ArticleId(b.clone())]);
            whole.compare = crate::core::event_view::compare(&state.corpus, &state.links, a, b);
        }
        Route::Timeline | Route::TimelinePage { .. } => {
            let entries = crate::core::event_view::timeline(&state.corpus, &state.links);
            whole.offset = (page - 1) * TIMELINE_PAGE;
            whole.items = entries.len();
            for e in entries.into_iter().skip(whole.offset).take(TIMELINE_PAGE) {
                need.brief.extend(e.members);
                need.groups.insert(e.group.id);
            }
        }
        _ => {}
    }
    (need, whole)
}

/// An article page: the article; its neighbours in the library, the reports it is linked with and the
/// first [`CARD_TITLES`] other articles of each of its names (their titles are on its cards).
fn article_need(state: &AppState, id: &ArticleId, need: &mut Need, whole: &mut Whole) {
    need.full.insert(id.clone());
    let (prev, next) = state.neighbours(&id.0);
    let (prev, next) = (prev.map(|a| a.id.clone()), next.map(|a| a.id.clone()));
    need.brief.extend(prev.iter().chain(&next).cloned());
    whole.neighbours.insert(id.clone(), (prev, next));
    let (same_event, same_story) = crate::core::event_view::related(&state.links, id);
    for l in same_event.iter().chain(&same_story) {
        need.brief.insert(crate::core::event_view::other_end(l, id).clone());
    }
    let named: std::collections::BTreeSet<&String> = state
        .entities
        .by_article
        .get(id)
        .into_iter()
        .flatten()
        .filter_map(|m| m.entity_id.as_ref())
        .collect();
    for s in state.entities.entities.iter().filter(|s| named.contains(&s.id)) {
        let others = s.article_ids.iter().filter(|a| *a != id).take(CARD_TITLES);
        need.brief.extend(others.cloned());
    }
}

/// Renders the page of `route` (and, for an article, its cards) from `slice` and from `state`, and says
/// how they differ: `Err` with the first difference.
pub async fn check(state: Rc<AppState>, route: &Route, slice: Precomputed) -> Result<(), String> {
    let whole = crate::ui::site::render_app(state.clone(), route).await;
    check_rendered(&whole, &state, route, slice).await
}

/// [`check`] against `whole`, the page as `state` rendered it ([`crate::ui::site::render_page_with_app`]),
/// so the build renders each page once from the whole analysis.
pub async fn check_rendered(whole: &str, state: &AppState, route: &Route, slice: Precomputed) -> Result<(), String> {
    // an English page has the English descriptions of its share only (no kb-en.js)
    let english = slice.whole.as_ref().map(|w| w.english.clone()).unwrap_or_default();
    let mut from_slice = AppState::from_precomputed(slice);
    from_slice.lang = state.lang;
    from_slice.descriptions_en = (state.descriptions_en.as_ref()).map(|_| Rc::new(english.into_iter().collect()));
    let sliced = crate::ui::site::render_app(Rc::new(from_slice), route).await;
    if whole == sliced {
        return Ok(());
    }
    let at = whole.bytes().zip(sliced.bytes()).take_while(|(a, b)| a == b).count();
    let around = |s: &str| {
        s.get(at.saturating_sub(80)..(at + 80).min(s.len()))
            .unwrap_or_default()
            .to_string()
    };
    Err(format!(
        "the page {} differs when rendered from its data: …{}… against …{}…",
        route.href_in(state.lang),
        around(whole),
        around(&sliced)
    ))
}

/// `data/<page>.js` (or `data.js`, the whole analysis): the analysis as a JSON string in
/// `self.presseschauData` (a classic script: it loads from disk too), and the build it belongs to
/// ([`build_id`]) in `self.presseschauBuild`.
pub fn script(slice: &Precomputed, build: &str) -> Option<String> {
    let json = serde_json::to_string(slice).ok()?;
    Some(format!(
        "self.presseschauBuild = {};\nself.presseschauData = {};\n",
        serde_json::to_string(build).ok()?,
        serde_json::to_string(&json).ok()?
    ))
}

/// What tells one build's analysis from another's: the first 16 hex digits of SHA-256 over the whole
/// analysis (`all`). Every data file of a build carries it, so what the full app kept about the reader's
/// own articles against one build's collection ([`crate::core::own::links::OwnLinks`]) is not taken for
/// another's.
pub fn build_id(all: &Precomputed) -> String {
    use sha2::Digest;
    let json = serde_json::to_string(all).unwrap_or_default();
    let hash = sha2::Sha256::digest(json.as_bytes());
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
