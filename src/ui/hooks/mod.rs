//! Hooks, one per file.

mod use_fragment;
mod use_persistence;
mod use_search;

pub use use_fragment::use_fragment;
pub use use_persistence::use_persistence;
pub use use_search::{SearchState, use_search};
