//! A note's Markdown, rendered through the same view model as articles (raw HTML shown as text).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::render::block_nodes;
use crate::ui::components::markdown_view::MarkdownView;

/// Props of [`NoteMarkdown`].
#[derive(Properties, PartialEq)]
pub struct NoteMarkdownProps {
    /// The note's Markdown.
    pub markdown: AttrValue,
    /// The note's format when it is not Markdown (`text/plain`, `text/html` from another tool): shown as
    /// plain text, line breaks kept, nothing interpreted.
    #[prop_or_default]
    pub format: Option<AttrValue>,
}

/// Renders a note.
#[component]
pub fn NoteMarkdown(props: &NoteMarkdownProps) -> Html {
    if props.format.as_deref().is_some_and(|f| f != "text/markdown") {
        return html! { <div class="note-text note-text--plain">{ props.markdown.clone() }</div> };
    }
    let nodes = use_memo(props.markdown.clone(), |md| block_nodes(md, 0, &[]));
    html! { <div class="note-text"><MarkdownView nodes={Rc::new((*nodes).clone())} /></div> }
}
