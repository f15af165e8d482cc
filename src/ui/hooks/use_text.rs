//! The reader's language.

use yew::prelude::*;

use crate::ui::text::{Lang, Text};

/// The UI strings in the reader's language (the [`Lang`] context the app provides; German without one).
/// A component that calls this re-renders when the language changes, and only then.
#[hook]
pub fn use_text() -> &'static Text {
    use_context::<Lang>().unwrap_or_default().text()
}
