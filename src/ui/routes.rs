//! Routes (hash routes: `#/`, `#/a/<id>`, …) and the switch that maps them to pages.

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
    /// One article (`?q=` passage, `?n=` shared notes).
    #[at("/a/:id")]
    Article {
        /// Article id.
        id: String,
    },
    /// The entity index.
    #[at("/e")]
    Entities,
    /// One entity.
    #[at("/e/:id")]
    Entity {
        /// Entity id.
        id: String,
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
    /// The reader's notes.
    #[at("/notes")]
    Notes,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The address of this page inside the app (`#/a/<id>`): every link and copied address is built
    /// here, nowhere else.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }

    /// [`Self::href`] with one query parameter (`?q=` passage, `?n=` notes); `value` must already be
    /// URL-safe (the link codecs produce base64url or percent-encoded text).
    pub fn href_with(&self, name: &str, value: &str) -> String {
        format!("{}?{name}={value}", self.href())
    }
}

/// Maps a route to its page.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Entities => html! { <EntitiesPage /> },
        Route::Entity { id } => html! { <EntityPage {id} /> },
        Route::Event { id } => html! { <EventPage {id} /> },
        Route::Compare { a, b } => html! { <ComparePage {a} {b} /> },
        Route::Timeline => html! { <TimelinePage /> },
        Route::Notes => html! { <NotesPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
