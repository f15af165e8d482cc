//! Reusable components, one per file.

pub mod article_card;
pub mod copy_link_button;
pub mod markdown_view;
pub mod meta_line;
pub mod nav;
pub mod original_view;

/// Moves focus to the main area (skip link).
pub fn focus_main() {
    crate::platform::dom::focus("main");
}
