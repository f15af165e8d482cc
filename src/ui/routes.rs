//! Routes: every page of the app, its file in the static site ([`Route::href`]), and the switch that maps
//! a route to its page component.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::pages::compare_page::ComparePage;
use crate::ui::pages::event_page::EventPage;
use crate::ui::pages::timeline_page::TimelinePage;
use crate::ui::pages::{
    article_page::ArticlePage, entities_page::EntitiesPage, entity_page::EntityPage, home::HomePage,
    not_found::NotFoundPage, notes_page::NotesPage,
};

/// Every page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The library.
    #[at("/")]
    Home,
    /// A further page of the library (the first is [`Route::Home`]).
    #[at("/library/:page")]
    Library {
        /// Page number, from 2.
        page: usize,
    },
    /// One article (`#q=` passage, `#n=` shared notes).
    #[at("/a/:id")]
    Article {
        /// Article id.
        id: String,
    },
    /// The entity index.
    #[at("/e")]
    Entities,
    /// A further page of the entity index (the first is [`Route::Entities`]).
    #[at("/names/:page")]
    Names {
        /// Page number, from 2.
        page: usize,
    },
    /// One entity.
    #[at("/e/:id")]
    Entity {
        /// Entity id.
        id: String,
    },
    /// A further page of one entity's mentions (the first is [`Route::Entity`]).
    #[at("/e/:id/:page")]
    EntityPage {
        /// Entity id.
        id: String,
        /// Page number, from 2.
        page: usize,
    },
    /// One event or story: its reports.
    #[at("/s/:id")]
    Event {
        /// Group id.
        id: String,
    },
    /// Two reports side by side.
    #[at("/c/:a/:b")]
    Compare {
        /// Left article id.
        a: String,
        /// Right article id.
        b: String,
    },
    /// All events in date order.
    #[at("/t")]
    Timeline,
    /// A further page of the timeline (the first is [`Route::Timeline`]).
    #[at("/t/:page")]
    TimelinePage {
        /// Page number, from 2.
        page: usize,
    },
    /// The reader's notes.
    #[at("/notes")]
    Notes,
    /// Search (`search.html#q=…`).
    #[at("/search")]
    Search,
    /// Add the reader's own articles (`add.html`).
    #[at("/add")]
    Add,
    /// A page that exists only in this browser (a reader's own article, its events and comparisons, a
    /// shared article): `view.html#/a/<id>`; the route is in the fragment ([`Route::href`]).
    #[at("/view")]
    View,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The page's file in the static site, relative to the site's folder (every page sits in one folder,
    /// so a relative link works the same on any host, under any path and from disk): `index.html`,
    /// `a-<id>.html`, `e.html`, `e-<id>.html`, `s-<id>.html`, `c-<a>-<b>.html`, `t.html`, `notes.html`; in
    /// English `en-` and the same ([`set_page_lang`]). Every link and copied address is built here, nowhere
    /// else.
    pub fn href(&self) -> String {
        if SINGLE_FILE.with(std::cell::Cell::get) {
            return format!("#{}", self.to_path());
        }
        let file = self.file();
        if ENGLISH_PAGES.with(std::cell::Cell::get) {
            // the English pages sit beside the German ones (`en-a-<id>.html`)
            return format!("en-{file}");
        }
        file
    }

    /// The page number of a route split into pages (the library, the names index, the timeline, a name's
    /// mentions), from 1; 1 for every other route.
    pub fn page(&self) -> usize {
        match self {
            Route::Library { page }
            | Route::Names { page }
            | Route::TimelinePage { page }
            | Route::EntityPage { page, .. } => (*page).max(1),
            _ => 1,
        }
    }

    /// [`Self::href`] of the page in `lang`, whatever the links currently go to.
    pub fn href_in(&self, lang: crate::ui::text::Lang) -> String {
        match lang {
            crate::ui::text::Lang::De => self.file(),
            crate::ui::text::Lang::En => format!("en-{}", self.file()),
        }
    }

    /// Whether the page loads its own share of the build's analysis ([`Self::share_file`]) instead of the
    /// whole (`data.js`): every reading page, and the search page of the full app (its hits' articles come
    /// with their own shares). (The not-found page shows the route of an old link whose page the build did
    /// not write: what it names is not in the build, so the whole analysis would not find it either.)
    pub fn loads_share(&self) -> bool {
        self.is_reading() || matches!(self, Route::Search | Route::Add | Route::View)
    }

    /// The page's own share of the build's analysis (`data/<page>.js`, one for both languages; see
    /// `ui::page_data`). An article's is also what the notes page loads for the articles of the notes.
    pub fn share_file(&self) -> String {
        format!("data/{}.js", self.file().trim_end_matches(".html"))
    }

    /// [`Self::href`] of the German page (the English one is `en-` and this).
    fn file(&self) -> String {
        if self.is_dynamic() {
            return format!("view.html#{}", self.to_path());
        }
        match self {
            Route::Home | Route::Library { page: 0 | 1 } => "index.html".to_string(),
            Route::Library { page } => format!("library-{page}.html"),
            Route::Article { id } => format!("a-{}.html", file_part(id)),
            Route::Entities | Route::Names { page: 0 | 1 } => "e.html".to_string(),
            Route::Names { page } => format!("names-{page}.html"),
            Route::Entity { id } | Route::EntityPage { id, page: 0 | 1 } => format!("e-{}.html", file_part(id)),
            // (`_p` cannot come from an id: file_part writes `_` and two hex digits)
            Route::EntityPage { id, page } => format!("e-{}_p{page}.html", file_part(id)),
            Route::Event { id } => format!("s-{}.html", file_part(id)),
            Route::Compare { a, b } => format!("c-{}-{}.html", file_part(a), file_part(b)),
            Route::Timeline | Route::TimelinePage { page: 0 | 1 } => "t.html".to_string(),
            Route::TimelinePage { page } => format!("t-{page}.html"),
            Route::Notes => "notes.html".to_string(),
            Route::Search => "search.html".to_string(),
            Route::Add => "add.html".to_string(),
            Route::View => "view.html".to_string(),
            Route::NotFound => "404.html".to_string(),
        }
    }

    /// [`Self::href`] with one parameter in the fragment (`#q=` passage, `#n=` notes): a fragment is never
    /// sent to a server, and works from disk. `value` must already be URL-safe (the link codecs produce
    /// base64url or percent-encoded text).
    pub fn href_with(&self, name: &str, value: &str) -> String {
        if self.is_dynamic() || SINGLE_FILE.with(std::cell::Cell::get) {
            return format!("{}?{name}={value}", self.href());
        }
        format!("{}#{name}={value}", self.href())
    }

    /// Whether this route's page exists only in this browser: it names an id of [`set_dynamic`] (a reader's
    /// own article, or an event or name only own articles have), so it has no file in the static site.
    fn is_dynamic(&self) -> bool {
        let ids: Vec<&str> = match self {
            Route::Article { id } | Route::Entity { id } | Route::EntityPage { id, .. } | Route::Event { id } => {
                vec![id]
            }
            Route::Compare { a, b } => vec![a, b],
            _ => return false,
        };
        DYNAMIC.with(|d| {
            let d = d.borrow();
            ids.iter().any(|id| d.contains(*id))
        })
    }

    /// The route of a page address as the app wrote it before the static site (`#/a/<id>?q=…`): the
    /// route and the query (without `?`). `None` for anything else.
    pub fn from_old_hash(hash: &str) -> Option<(Route, String)> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if !path.starts_with('/') {
            return None;
        }
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        Route::recognize(path).map(|r| (r, query.to_string()))
    }
}

thread_local! {
    /// The ids whose pages exist only in this browser ([`set_dynamic`]).
    static DYNAMIC: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
    /// Whether the app runs in a one-file collection ([`set_single_file`]).
    static SINGLE_FILE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether links go to the English pages ([`set_page_lang`]).
    static ENGLISH_PAGES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Says which language's pages links go to: the static site has every page in German (`a-<id>.html`) and
/// in English (`en-a-<id>.html`), and a page in the reader's language links to pages in it. Set from the
/// state's language by every root that renders (the app, a prerendered page), before it renders.
pub fn set_page_lang(lang: crate::ui::text::Lang) {
    ENGLISH_PAGES.with(|e| e.set(lang == crate::ui::text::Lang::En));
}

/// Says that the app runs in a one-file collection ([`crate::ui::collection`]): every page is a `#/…`
/// fragment of that one file, so [`Route::href`] gives fragments only.
pub fn set_single_file(on: bool) {
    SINGLE_FILE.with(|s| s.set(on));
}

/// Whether the app runs in a one-file collection.
pub fn is_single_file() -> bool {
    SINGLE_FILE.with(std::cell::Cell::get)
}

/// Says which ids have no page in the static site (the reader's own articles, and the events, comparisons
/// and names only they have), so [`Route::href`] sends links to them to `view.html#/…`. Set by the app
/// state whenever own articles change; never set while the static site is built.
pub fn set_dynamic(ids: std::collections::HashSet<String>) {
    DYNAMIC.with(|d| *d.borrow_mut() = ids);
}

/// The route in a `view.html` fragment (`/a/<id>?q=…`), with the query after `?`.
pub fn from_view_fragment(fragment: &str) -> Option<(Route, String)> {
    Route::from_old_hash(&format!("#{}", fragment.trim_start_matches('#')))
}

/// An id as part of a file name: ASCII letters, digits, `.` and `-` stay; every other byte becomes `_xx`
/// (lower-case hex). `tools/forward.js` does the same for old links.
pub fn file_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

/// Which pages an app shows: the reading pages' app (`app.js`: library, articles, names, events, timeline)
/// or the full app (`app-full.js`: also comparisons, notes, search, adding and viewing own articles). A
/// page the reading app does not show loads the full app instead ([`crate::ui::start`]), so the reading
/// app's wasm carries none of those pages.
/// (Each set names its page function, and only that: naming every page from the reading set would link
/// them all.)
#[derive(Clone, Copy)]
pub struct Pages {
    page: fn(Route) -> Html,
    all: bool,
}

impl Pages {
    /// Every page.
    pub const ALL: Pages = Pages {
        page: switch,
        all: true,
    };
    /// The reading pages.
    pub const READING: Pages = Pages {
        page: switch_reading,
        all: false,
    };

    /// Whether this app shows `route`.
    pub fn shows(self, route: &Route) -> bool {
        self.all || route.is_reading()
    }

    /// The page of `route`.
    pub fn page(self, route: Route) -> Html {
        (self.page)(route)
    }
}

impl PartialEq for Pages {
    fn eq(&self, other: &Self) -> bool {
        self.all == other.all
    }
}

impl Route {
    /// Whether the reading pages' app shows this route.
    pub fn is_reading(&self) -> bool {
        matches!(
            self,
            Route::Home
                | Route::Library { .. }
                | Route::Article { .. }
                | Route::Entities
                | Route::Names { .. }
                | Route::Entity { .. }
                | Route::EntityPage { .. }
                | Route::Event { .. }
                | Route::Compare { .. }
                | Route::Timeline
                | Route::TimelinePage { .. }
                | Route::Notes
                | Route::NotFound
        )
    }
}

/// Maps a route to its page.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Search => html! { <crate::ui::pages::search_page::SearchPage /> },
        Route::Add => html! { <crate::ui::pages::add_page::AddPage /> },
        Route::View => html! { <crate::ui::pages::view_page::ViewPage /> },
        reading => switch_reading(reading),
    }
}

/// Maps a reading route to its page (any other to the not-found page).
fn switch_reading(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage page={1} /> },
        Route::Library { page } => html! { <HomePage {page} /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Entities => html! { <EntitiesPage page={1} /> },
        Route::Names { page } => html! { <EntitiesPage {page} /> },
        Route::Entity { id } => html! { <EntityPage {id} page={1} /> },
        Route::EntityPage { id, page } => html! { <EntityPage {id} {page} /> },
        Route::Event { id } => html! { <EventPage {id} /> },
        Route::Compare { a, b } => html! { <ComparePage {a} {b} /> },
        Route::Timeline => html! { <TimelinePage page={1} /> },
        Route::TimelinePage { page } => html! { <TimelinePage {page} /> },
        Route::Notes => html! { <NotesPage /> },
        _ => html! { <NotFoundPage /> },
    }
}
