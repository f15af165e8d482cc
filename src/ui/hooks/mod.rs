//! Hooks, one per file.

mod use_article_shares;
mod use_fragment;
mod use_own_articles;
mod use_persistence;
mod use_search;
mod use_text;
mod use_unsaved;
mod use_whole_analysis;
mod use_whole_list;

pub use use_article_shares::use_article_shares;
pub use use_fragment::use_fragment;
pub use use_own_articles::{OWN_CHECKED_KEY, OWN_PRESENT_KEY, mark_own_coming, use_own_articles, use_own_links};
pub use use_persistence::use_persistence;
pub use use_search::{SearchState, use_search};
pub use use_text::use_text;
pub use use_unsaved::use_unsaved;
pub use use_whole_analysis::{WholeAnalysis, use_whole_analysis};
pub use use_whole_list::use_whole_list;
