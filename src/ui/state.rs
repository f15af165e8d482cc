//! The app state: one reducer, provided as a context.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::corpus::Corpus;
pub use crate::core::library::{LibraryFilter, SortOrder};

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The articles (ingested once at start-up).
    pub corpus: Rc<Corpus>,
    /// The library's filters.
    pub filter: LibraryFilter,
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the library's outlet filter.
    SetOutlet(Option<String>),
    /// Set the library's year filter.
    SetYear(Option<i32>),
    /// Set the library's sort order.
    SetSort(SortOrder),
    /// Clear all library filters.
    ResetFilter,
}

impl AppState {
    /// The state at start-up: the embedded seeds.
    pub fn from_seeds() -> Self {
        Self::new(Corpus::from_seeds())
    }

    /// A state over any corpus.
    pub fn new(corpus: Corpus) -> Self {
        Self {
            corpus: Rc::new(corpus),
            filter: LibraryFilter::default(),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetOutlet(o) => next.filter.outlet = o,
            Action::SetYear(y) => next.filter.year = y,
            Action::SetSort(s) => next.filter.sort = s,
            Action::ResetFilter => next.filter = LibraryFilter::default(),
        }
        Rc::new(next)
    }
}

/// The context handle.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state from the context.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext provider missing")
}
