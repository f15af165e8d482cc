//! One page per route.

pub mod add_page;
pub mod article_page;
pub mod compare_page;
pub mod entities_page;
pub mod entity_page;
pub mod event_page;
pub mod home;
pub mod not_found;
pub mod notes_page;
pub mod search_page;
pub mod timeline_page;
pub mod view_page;
