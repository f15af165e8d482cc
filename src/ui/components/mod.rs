//! Reusable components, one per file.

pub mod annotation_item;
pub mod article_body;
pub mod article_card;
pub mod collection_save;
pub mod copy_link_button;
pub mod entity_card;
pub mod entity_legend;
pub mod entity_name;
pub mod help_overlay;
pub mod markdown_view;
pub mod meta_line;
pub mod nav;
pub mod note_markdown;
pub mod notes_panel;
pub mod notice_bar;
pub mod original_view;
pub mod preferences;
pub mod same_event_panel;
pub mod search_box;
pub mod selection_toolbar;
pub mod shared_notes;

/// Moves focus to the main area (skip link).
pub fn focus_main() {
    crate::platform::dom::focus("main");
}
