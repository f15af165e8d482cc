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
}

/// Renders a note.
#[component]
pub fn NoteMarkdown(props: &NoteMarkdownProps) -> Html {
    let nodes = use_memo(props.markdown.clone(), |md| block_nodes(md, 0, &[]));
    html! { <div class="note-text"><MarkdownView nodes={Rc::new((*nodes).clone())} /></div> }
}
