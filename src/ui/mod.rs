//! The Yew app: one reducer in a context, pages. Every page of the static site is prerendered by the same
//! components ([`StaticApp`], natively); in the browser [`App`] renders the page's own route and takes over.

pub mod collection;
pub mod components;
pub mod hooks;
#[cfg(not(target_arch = "wasm32"))]
pub mod page_data;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview_cards;
pub mod routes;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod state;
pub mod text;

use yew::prelude::*;
use yew_router::Routable;

use crate::ui::components::nav::NavBar;
use crate::ui::routes::{Pages, Route};
use crate::ui::state::{AppContext, AppState};

/// Starts an app in the browser on the page's own route (`<html data-route>`): the reading pages' app
/// (`engine` [`Engine::NONE`](state::Engine::NONE), [`Pages::READING`]) or the full app. The reading app
/// hands the page to the full app (`app-full.js`) when the page is not one of its own, when the reader has
/// own articles (text the build did not analyse), or when the build's analysis (`data.js`) is missing.
pub fn start(engine: state::Engine, pages: Pages) {
    crate::platform::clock::mark("presseschau:started");
    routes::set_single_file(crate::platform::prefs::root_attr("data-single-file").is_some());
    let path = crate::platform::location::page_route().unwrap_or_else(|| "/".to_string());
    let mut route = Route::recognize(&path).unwrap_or(Route::NotFound);
    if route == Route::NotFound {
        // forward.js sends an old link to a page that does not exist here with its old address
        // (`404.html#/a/<id>`): that route's own not-found message says what is missing.
        let hash = format!("#{}", crate::platform::location::raw_fragment());
        if let Some((old, _)) = Route::from_old_hash(&hash) {
            route = old;
        }
    }
    let own = crate::platform::storage::load(hooks::OWN_PRESENT_KEY)
        .ok()
        .flatten()
        .is_some();
    // a file the reading app read for import: the full app imports it (pages::notes_page)
    let import =
        route == Route::Notes && crate::platform::storage::load_in_tab(pages::notes_page::PENDING_IMPORT_KEY).is_some();
    // an old link to a comparison the build did not write (two reports it did not link), forwarded to
    // 404.html: the full app compares any two articles
    let unbuilt = matches!(route, Route::Compare { .. })
        && crate::platform::location::page_route().as_deref() == Some(Route::NotFound.to_path().as_str());
    // those two need the whole analysis: a reader with own articles got the full app with the page's share
    // only (boot.js), so it loads it first (the reading app hands over with it)
    if own && engine.get().is_some() && (import || unbuilt) {
        crate::platform::script::load("data.js", move |_| mount(engine, pages, route, false, true));
        return;
    }
    let hand_over = (own || import || unbuilt) && engine.get().is_none();
    // the full app shows an own reader's reading page from its share too (the own articles' links with
    // the collection are kept: state::OWN_LINKS_KEY), and the search page (their articles are indexed here);
    // the whole analysis only where it is needed
    let whole = import || unbuilt || !route.is_reading();
    mount(engine, pages, route, hand_over, whole);
}

/// Whether the full app starts on `route` from the page's share of the analysis: a page of the full app
/// that loads one (the search page), and a reading page (one the full app shows to a reader with own
/// articles, or when the reading app handed it over; `whole`: unless the page needs the whole analysis).
fn full_app_share(route: &Route, whole: bool) -> bool {
    route.loads_share() && (!route.is_reading() || !whole)
}

/// Renders the app on `route`, or hands the page to the full app (`hand_over`, or a page this app does not
/// show or cannot start on), which then starts from the whole analysis if it needs it (`whole`).
fn mount(engine: state::Engine, pages: Pages, route: Route, hand_over: bool, whole: bool) {
    let start = (pages.shows(&route) && !hand_over)
        .then(|| state::AppState::starting(engine, full_app_share(&route, whole)))
        .flatten();
    let Some(start) = start else {
        crate::platform::clock::mark("presseschau:handed-over");
        // with the whole analysis where it needs it (a reading page brought only its own share, and the
        // page cannot start from it without it); if the full app cannot be loaded either, the prerendered
        // page stays: readable, not interactive
        // (and on an English page all the English descriptions, kb-en.js: its share had its own names' only)
        let english = crate::platform::prefs::root_attr("lang").as_deref() == Some("en");
        let whole = whole || crate::platform::data::precomputed().is_none();
        let full = move || {
            let app = || crate::platform::script::load("app-full.js", |_| ());
            if english {
                crate::platform::script::load("kb-en.js", move |_| app());
            } else {
                app();
            }
        };
        if whole {
            crate::platform::script::load("data.js", move |_| full());
        } else {
            full();
        }
        return;
    };
    let Some(root) = crate::platform::dom::app_root() else {
        return;
    };
    let props = AppProps {
        route,
        start: std::rc::Rc::new(start),
        pages,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    if engine.get().is_none() {
        find_earlier_own_articles();
    }
}

/// A reader who added own articles before the reading app existed has no [`hooks::OWN_PRESENT_KEY`]: once
/// per browser (until the full app has read the stored articles, [`hooks::OWN_CHECKED_KEY`]), the reading
/// app asks whether the database exists; if it does, it sets the mark and reloads the page, which the full
/// app then shows with those articles (if there are none after all, the full app clears the mark).
fn find_earlier_own_articles() {
    use crate::platform::storage;
    if storage::load(hooks::OWN_CHECKED_KEY).ok().flatten().is_some() {
        return;
    }
    yew::platform::spawn_local(async {
        let exists = crate::platform::idb::exists().await;
        if storage::save(hooks::OWN_CHECKED_KEY, "1").is_ok()
            && exists
            && storage::save(hooks::OWN_PRESENT_KEY, "1").is_ok()
        {
            crate::platform::location::reload();
        }
    });
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The page to show.
    pub route: Route,
    /// The state to start from ([`state::AppState::starting`]).
    pub start: std::rc::Rc<AppState>,
    /// The pages this app shows.
    pub pages: Pages,
}

/// The root in the browser: provides the app state (stored notes and settings read) and shows the page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        use crate::platform::storage;
        let hidden = storage::load(state::HIDDEN_KINDS_KEY)
            .ok()
            .flatten()
            .map(|s| state::parse_kinds(&s))
            .unwrap_or_default();
        let stored = storage::load(state::ANNOTATIONS_KEY).map_err(|_| ());
        let mut s = (*props.start).clone().with_stored(stored, |raw| {
            let key = format!("{}.{}", state::UNREADABLE_KEY, crate::platform::clock::now_millis());
            storage::save(&key, raw).is_ok()
        });
        s.hidden_kinds = hidden;
        let stored_lang = storage::load(state::LANG_KEY).ok().flatten();
        s.lang = text::Lang::preferred(stored_lang.as_deref(), &crate::platform::prefs::browser_languages());
        // an English page brings the English descriptions before the app: a reading page those of its names
        // (in its share), another page kb-en.js; so the first render has them
        s.descriptions_en = (s.lang == text::Lang::En)
            .then(|| {
                english_descriptions().or_else(|| {
                    s.whole
                        .as_ref()
                        .map(|w| std::rc::Rc::new(w.english.clone().into_iter().collect()))
                })
            })
            .flatten();
        s.theme = state::Theme::from_code(&storage::load(state::THEME_KEY).ok().flatten().unwrap_or_default());
        crate::platform::clock::mark("presseschau:analysed");
        s
    });
    hooks::use_persistence(&state);
    hooks::use_own_articles(&state);
    hooks::use_own_links(&state, &props.route);
    use_collection_notes(&state);
    {
        let (dispatcher, have_en) = (state.dispatcher(), state.descriptions_en.is_some());
        use_effect_with((state.lang, state.theme), move |(lang, theme)| {
            crate::platform::prefs::set_root_attr("lang", lang.code());
            crate::platform::prefs::set_root_attr("data-theme", theme.code());
            if *lang == text::Lang::En && !have_en {
                load_english_descriptions(dispatcher);
            }
        });
    }
    use_take_over(&state);
    {
        // the page goes on screen without the model's names; they follow right after it is painted (names
        // the build found come with data.js; only other text, as own articles, needs the model, loaded then)
        let dispatcher = state.dispatcher();
        // (not even then when their names were kept from an earlier page: state::OWN_NAMES_KEY)
        let due = state.names_due().then_some(state.engine.get()).flatten();
        let now = state.clone();
        use_effect_with(due.is_some(), move |_| {
            if let Some(analysis) = due {
                // (asked once when the names fall due, not on every render)
                let model = (analysis.needs_model)(&now);
                crate::platform::dom::after_next_paint(move || {
                    let detect = Box::new(move || dispatcher.dispatch(state::Action::DetectNames));
                    if model { (analysis.with_model)(detect) } else { detect() }
                });
            }
        });
    }
    let lang = state.lang;
    html! {
        <ContextProvider<AppContext> context={state}>
            <ContextProvider<text::Lang> context={lang}>
                <AppShell route={props.route.clone()} pages={props.pages} />
            </ContextProvider<text::Lang>>
        </ContextProvider<AppContext>>
    }
}

/// Puts the app's render on screen in place of the prerendered page ([`platform::dom::take_over`]) once the
/// page is complete: at once, or for a reader with own articles once they are read and their names found
/// (they would otherwise come into the shown page and move what is below them), at the latest after
/// [`OWN_WAIT_MS`].
#[hook]
fn use_take_over(state: &AppContext) {
    let done = use_mut_ref(|| false);
    let waits = *use_memo((), |()| {
        state.engine.get().is_some()
            && crate::platform::storage::load(hooks::OWN_PRESENT_KEY)
                .ok()
                .flatten()
                .is_some()
    });
    let settled = !waits || (state.own_storage != state::OwnStorage::Loading && !state.detected_outdated);
    let show = move || {
        if !std::mem::replace(&mut *done.borrow_mut(), true) {
            crate::platform::clock::mark("presseschau:rendered");
            if !crate::platform::dom::take_over() {
                crate::platform::dom::focus_heading_on_arrival();
            }
        }
    };
    {
        let show = show.clone();
        use_effect_with(settled, move |&settled| {
            if settled {
                show();
            }
        });
    }
    use_effect_with((), move |()| crate::platform::dom::after(OWN_WAIT_MS, show));
}

/// The longest the app waits for a reader's own articles before it goes on screen (ms): the model, when
/// their names are not kept, can take longer; they then come into the shown page.
const OWN_WAIT_MS: u32 = 1000;

/// A one-file collection brings notes: those not already among the reader's are added (and said); notes that
/// cannot be read are said, and the reader's own stay as they are.
#[hook]
fn use_collection_notes(app: &AppContext) {
    let (dispatcher, t) = (app.dispatcher(), app.lang.text());
    use_effect_with((), move |()| {
        let raw = routes::is_single_file()
            .then(|| crate::platform::script::global_value("presseschauNotes"))
            .flatten();
        match raw.map(|raw| crate::core::annotations::codec::decode(&raw)) {
            Some(Ok(d)) if !d.set.items().is_empty() => dispatcher.dispatch(state::Action::AdoptShared {
                notes: d.set.items().to_vec(),
                unplaced: 0,
            }),
            Some(Err(e)) => dispatcher.dispatch(state::Action::Notify(state::Notice {
                text: format!(
                    "{} {}",
                    t.collection_notes_unreadable,
                    t.stored_data_problem(&e.problem)
                ),
                is_error: true,
            })),
            _ => {}
        }
    });
}

/// Loads the knowledge base's English descriptions (`kb-en.js`, written by the build) into the state. Without
/// the file (an old folder) the German descriptions stay, marked as German.
fn load_english_descriptions(dispatcher: yew::functional::UseReducerDispatcher<AppState>) {
    crate::platform::script::load("kb-en.js", move |ok| {
        if let Some(map) = ok.then(english_descriptions).flatten() {
            dispatcher.dispatch(state::Action::SetDescriptionsEn(map));
        }
    });
}

/// The knowledge base's English descriptions, if kb-en.js has been loaded.
fn english_descriptions() -> Option<std::rc::Rc<std::collections::HashMap<String, String>>> {
    let json = crate::platform::script::global_value("presseschauKbEn")?;
    serde_json::from_str(&json).ok().map(std::rc::Rc::new)
}

/// Props of [`StaticApp`].
#[derive(Properties, PartialEq)]
pub struct StaticAppProps {
    /// The state to show (analysed at build time).
    pub state: std::rc::Rc<AppState>,
    /// The page.
    pub route: Route,
}

/// The root of a prerendered page: the same shell and page as [`App`], over a given state, with nothing read
/// from the browser.
#[component]
pub fn StaticApp(props: &StaticAppProps) -> Html {
    html! {
        <StaticContexts state={props.state.clone()}>
            <AppShell route={props.route.clone()} pages={Pages::ALL} />
        </StaticContexts>
    }
}

/// Props of [`StaticContexts`].
#[derive(Properties, PartialEq)]
pub struct StaticContextsProps {
    /// The state to show (analysed at build time).
    pub state: std::rc::Rc<AppState>,
    /// What is rendered in the contexts.
    pub children: Html,
}

/// The app's contexts (the state and its language) over a given state, for what the build prerenders.
#[component]
pub fn StaticContexts(props: &StaticContextsProps) -> Html {
    let state = use_reducer({
        let s = props.state.clone();
        move || (*s).clone()
    });
    let lang = state.lang;
    html! {
        <ContextProvider<AppContext> context={state}>
            <ContextProvider<text::Lang> context={lang}>
                { props.children.clone() }
            </ContextProvider<text::Lang>>
        </ContextProvider<AppContext>>
    }
}

/// Props of [`AppShell`].
#[derive(Properties, PartialEq)]
pub struct AppShellProps {
    /// The page.
    pub route: Route,
    /// The pages this app shows.
    pub pages: Pages,
}

/// The page frame around the routed content (navigation bar, main area, footer).
#[component]
pub fn AppShell(props: &AppShellProps) -> Html {
    let t = crate::ui::hooks::use_text();
    // links go to the pages of the language shown (before any child renders one)
    routes::set_page_lang(t.lang);
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::ui::components::focus_main();
            })}>{ t.skip_to_content }</a>
            <NavBar />
            <main id="main" tabindex="-1">
                <crate::ui::components::notice_bar::NoticeBar />
                { props.pages.page(props.route.clone()) }
            </main>
            <footer class="site-footer">{ t.footer }{ " " }<span class="help-hint">{ t.help_hint }</span></footer>
            <crate::ui::components::help_overlay::HelpOverlay />
        </>
    }
}
