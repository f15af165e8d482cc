//! The search index in the browser: its meta file and the shards a query needs, loaded on demand from
//! the site's `search-*.js` scripts and kept for the rest of the visit.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::search::{Hit, IndexMeta, Query, SearchIndex, Shard};

thread_local! {
    /// What is loaded so far (shared by every search of the visit).
    static INDEX: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
}

/// Where a search stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchState {
    /// Nothing asked.
    Idle,
    /// Loading the index files the query needs.
    Loading,
    /// The results.
    Done(Rc<(Query, Vec<Hit>)>),
    /// The index could not be loaded (a file is missing from the folder).
    Unavailable,
}

/// Runs `query` (as typed) over the site's index, loading what it needs first.
#[hook]
pub fn use_search(query: String) -> SearchState {
    let state = use_state_eq(|| SearchState::Idle);
    {
        let state = state.clone();
        use_effect_with(query, move |query| {
            if query.trim().is_empty() {
                state.set(SearchState::Idle);
            } else {
                state.set(SearchState::Loading);
                let q = Query::parse(query);
                let setter = state.setter();
                with_index(q, move |result| setter.set(result));
            }
        });
    }
    (*state).clone()
}

/// Loads the meta file (once) and the missing shards of `q`, then searches.
fn with_index(q: Query, done: impl FnOnce(SearchState) + 'static) {
    if INDEX.with(|i| i.borrow().is_some()) {
        return load_shards(q, done);
    }
    crate::platform::script::load("search-meta.js", move |ok| {
        let meta = ok
            .then(|| crate::platform::script::global_string("presseschauSearch", "meta"))
            .flatten()
            .and_then(|json| serde_json::from_str::<IndexMeta>(&json).ok());
        match meta {
            Some(meta) => {
                INDEX.with(|i| *i.borrow_mut() = Some(SearchIndex::new(meta)));
                load_shards(q, done);
            }
            None => done(SearchState::Unavailable),
        }
    });
}

/// Loads the next missing shard of `q` (one after the other), then searches.
fn load_shards(q: Query, done: impl FnOnce(SearchState) + 'static) {
    let missing = INDEX.with(|i| i.borrow().as_ref().map(|index| index.missing(&q)).unwrap_or_default());
    let Some(&n) = missing.first() else {
        let hits = INDEX.with(|i| i.borrow().as_ref().map(|index| index.search(&q)).unwrap_or_default());
        return done(SearchState::Done(Rc::new((q, hits))));
    };
    crate::platform::script::load(&format!("search-{n}.js"), move |ok| {
        let shard = ok
            .then(|| crate::platform::script::global_string("presseschauSearch", &n.to_string()))
            .flatten()
            .and_then(|json| serde_json::from_str::<Shard>(&json).ok());
        match shard {
            Some(shard) => {
                INDEX.with(|i| {
                    if let Some(index) = i.borrow_mut().as_mut() {
                        index.add_shard(n, shard);
                    }
                });
                load_shards(q, done);
            }
            None => done(SearchState::Unavailable),
        }
    });
}
