//! Routes (hash routes: `#/`, `#/a/<id>`, …) and the switch that maps them to pages.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::pages::{article_page::ArticlePage, home::HomePage, not_found::NotFoundPage};

/// Every page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The library.
    #[at("/")]
    Home,
    /// One article.
    #[at("/a/:id")]
    Article {
        /// Article id.
        id: String,
    },
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
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
