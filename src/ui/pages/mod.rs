//! One page per route.

pub mod article_page;
pub mod home;
pub mod not_found;
