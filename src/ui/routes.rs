//! Routes (hash routes: `#/`, `#/a/<id>`, …) and the switch that maps them to pages.

use yew::prelude::*;
use yew_router::prelude::*;

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
    /// The reader's notes.
    #[at("/notes")]
    Notes,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Maps a route to its page.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Entities => html! { <EntitiesPage /> },
        Route::Entity { id } => html! { <EntityPage {id} /> },
        Route::Notes => html! { <NotesPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
