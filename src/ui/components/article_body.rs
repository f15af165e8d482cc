//! The clean text of an article with its highlights: blocks as paragraphs, subheadings, quotes and figures,
//! each highlight a `<mark>` whose attributes follow the DOM contract (`class="entity"`, `data-kind`,
//! `data-entity-id`, `data-derived`, `data-value`; model-found names `entity entity--detected` with
//! `data-detected` and no id).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::analysis::mention::{Mention, Source};
use crate::core::corpus::{Article, BlockKind};
use crate::core::highlights::{Highlight, Mark};
use crate::core::render::{CpSpan, Node, block_nodes};
use crate::ui::components::markdown_view::{MarkStyle, MarkdownView};
use crate::ui::text;

/// The `<mark>` attributes of each highlight, in order.
pub fn mark_styles(highlights: &[Highlight], mentions: &[Mention]) -> Vec<MarkStyle> {
    highlights.iter().map(|h| mark_style(&h.mark, mentions)).collect()
}

fn mention_style(i: usize, m: &Mention) -> MarkStyle {
    let mut attrs: Vec<(&'static str, AttrValue)> = vec![
        ("data-kind", AttrValue::Static(m.kind.as_str())),
        ("data-m", AttrValue::from(i.to_string())),
        ("tabindex", AttrValue::Static("0")),
    ];
    if let Some(id) = &m.entity_id {
        attrs.push(("data-entity-id", AttrValue::from(id.clone())));
    }
    if m.derived {
        attrs.push(("data-derived", AttrValue::Static("true")));
    }
    if let Some(v) = &m.value {
        attrs.push(("data-value", AttrValue::from(v.clone())));
    }
    match &m.source {
        Source::Rules => MarkStyle {
            class: AttrValue::Static("entity"),
            attrs,
            sr_label: Some(AttrValue::Static(text::kind_label(m.kind))),
        },
        Source::Model { group, .. } => {
            attrs.insert(2, ("data-detected", AttrValue::from(group.clone())));
            MarkStyle {
                class: AttrValue::Static("entity entity--detected"),
                attrs,
                sr_label: Some(AttrValue::from(format!(
                    "{}, {}",
                    text::kind_label(m.kind),
                    text::DETECTED_SHORT
                ))),
            }
        }
    }
}

fn mark_style(mark: &Mark, mentions: &[Mention]) -> MarkStyle {
    match mark {
        Mark::Entity(i) => mentions.get(*i).map(|m| mention_style(*i, m)).unwrap_or_default(),
        Mark::Annotation { id, color, has_note } => MarkStyle {
            class: AttrValue::from(format!("annotation annotation--{}", color.name())),
            attrs: vec![
                ("data-annotation-id", AttrValue::from(id.clone())),
                ("data-color", AttrValue::Static(color.name())),
                ("tabindex", AttrValue::Static("-1")),
            ],
            sr_label: Some(AttrValue::from(if *has_note {
                format!("{}, {}", text::color_label(*color), text::WITH_NOTE)
            } else {
                text::color_label(*color).to_string()
            })),
        },
        Mark::Passage => MarkStyle {
            class: AttrValue::Static("passage"),
            attrs: vec![
                ("tabindex", AttrValue::Static("-1")),
                ("id", AttrValue::Static("passage")),
            ],
            sr_label: Some(AttrValue::Static(text::LINKED_PASSAGE)),
        },
        Mark::Shared { index, color } => MarkStyle {
            class: AttrValue::from(format!("annotation annotation--shared annotation--{}", color.name())),
            attrs: vec![
                ("data-shared", AttrValue::from(index.to_string())),
                ("data-color", AttrValue::Static(color.name())),
            ],
            sr_label: Some(AttrValue::Static(text::SHARED_NOTE)),
        },
    }
}

/// Props of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article.
    pub article: Rc<Article>,
    /// Highlight spans (article code points).
    #[prop_or_default]
    pub highlights: Rc<Vec<CpSpan>>,
    /// One style per highlight.
    #[prop_or_default]
    pub marks: Rc<Vec<MarkStyle>>,
    /// Called after the reader may have selected text (mouse up, key up).
    #[prop_or_default]
    pub onselect: Callback<()>,
    /// Called with the hovered/focused entity mark (mention index, card position) or `None`.
    #[prop_or_default]
    pub onhover: Callback<Option<(usize, (f64, f64))>>,
}

/// The clean text: lead, paragraphs, subheadings, quotes, and captions as figures. Each block carries
/// `data-block-start` so a selection can be mapped back to article offsets.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let a = &props.article;
    let blocks: Vec<(BlockKind, usize, Rc<Vec<Node>>)> = a
        .blocks
        .iter()
        .map(|b| {
            (
                b.kind,
                b.start,
                Rc::new(block_nodes(&b.markdown, b.start, &props.highlights)),
            )
        })
        .collect();
    let credits = a.credits.join(" · ");
    let marks = props.marks.clone();
    let onmouseup = props.onselect.reform(|_: MouseEvent| ());
    let onkeyup = props.onselect.reform(|_: KeyboardEvent| ());
    let hover = {
        let cb = props.onhover.clone();
        move |target: Option<web_sys::EventTarget>| {
            if let Some(hit) = crate::platform::dom::entity_mark_at(target) {
                cb.emit(Some(hit));
            }
        }
    };
    let onmouseover = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| hover(e.target()))
    };
    let onfocusin = Callback::from(move |e: FocusEvent| hover(e.target()));
    html! {
        <div class="article-body" {onmouseup} {onkeyup} {onmouseover} {onfocusin}>
            for (kind, start, nodes) in blocks {
                { block_html(kind, start, nodes, marks.clone()) }
            }
            if !credits.is_empty() {
                <p class="photo-credits"><span>{ text::PHOTO_CREDITS }{ ": " }</span>{ credits }</p>
            }
        </div>
    }
}

fn block_html(kind: BlockKind, start: usize, nodes: Rc<Vec<Node>>, marks: Rc<Vec<MarkStyle>>) -> Html {
    let s = start.to_string();
    match kind {
        BlockKind::Lead => html! { <p class="lead" data-block-start={s}><MarkdownView {nodes} {marks} /></p> },
        BlockKind::Paragraph => html! { <p data-block-start={s}><MarkdownView {nodes} {marks} /></p> },
        BlockKind::Subheading => {
            html! { <h2 class="subheading" data-block-start={s}><MarkdownView {nodes} {marks} /></h2> }
        }
        BlockKind::Quote => {
            html! { <blockquote><p data-block-start={s}><MarkdownView {nodes} {marks} /></p></blockquote> }
        }
        BlockKind::Caption => html! {
            <figure class="caption"><figcaption data-block-start={s}><span class="caption-icon" aria-hidden="true" data-decor="">{ "▣ " }</span><MarkdownView {nodes} {marks} /></figcaption></figure>
        },
    }
}
