//! The clean text of an article with its highlights: blocks as paragraphs, subheadings, quotes and figures,
//! each highlight a `<mark>` whose attributes follow the DOM contract (`class="entity"`, `data-kind`,
//! `data-entity-id`, `data-derived`, `data-value`; model-found names `entity entity--detected` with
//! `data-detected` and no id).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::analysis::mention::{Mention, Source};
use crate::core::corpus::{Article, BlockKind};
use crate::core::highlights::{Highlight, Mark, PlacedAnnotation};
use crate::core::render::{CpSpan, Node, block_nodes};
use crate::ui::components::markdown_view::{Descriptions, MarkStyle, MarkdownView};

/// The `<mark>` attributes of each highlight, in order. A reader's passage is numbered (`data-n`) by its
/// place among `placed` (the notes panel's order), so a printed handout pairs passages and notes.
pub fn mark_styles(
    t: &'static crate::ui::text::Text,
    highlights: &[Highlight],
    mentions: &[Mention],
    placed: &[PlacedAnnotation],
) -> Vec<MarkStyle> {
    highlights
        .iter()
        .map(|h| {
            let mut style = mark_style(t, &h.mark, mentions);
            if let Mark::Annotation { id, .. } = &h.mark
                && let Some(n) = placed.iter().position(|p| &p.annotation.id.0 == id)
            {
                style.attrs.push(("data-n", AttrValue::from((n + 1).to_string())));
            }
            style
        })
        .collect()
}

fn mention_style(t: &'static crate::ui::text::Text, i: usize, m: &Mention) -> MarkStyle {
    let mut attrs: Vec<(&'static str, AttrValue)> = vec![
        ("data-kind", AttrValue::Static(m.kind.as_str())),
        ("data-m", AttrValue::from(i.to_string())),
        // One tab stop for the whole text; arrow keys move between names (roving focus).
        ("tabindex", AttrValue::Static("-1")),
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
            description: Some(AttrValue::Static(t.kind_label(m.kind))),
        },
        Source::Model { group, .. } => {
            attrs.insert(2, ("data-detected", AttrValue::from(group.clone())));
            MarkStyle {
                class: AttrValue::Static("entity entity--detected"),
                attrs,
                description: Some(AttrValue::from(format!(
                    "{}, {}",
                    t.kind_label(m.kind),
                    t.detected_short
                ))),
            }
        }
    }
}

fn mark_style(t: &'static crate::ui::text::Text, mark: &Mark, mentions: &[Mention]) -> MarkStyle {
    match mark {
        Mark::Entity(i) => mentions.get(*i).map(|m| mention_style(t, *i, m)).unwrap_or_default(),
        Mark::Annotation { id, color, has_note } => MarkStyle {
            class: AttrValue::from(format!("annotation annotation--{}", color.name())),
            attrs: vec![
                ("data-annotation-id", AttrValue::from(id.clone())),
                ("data-color", AttrValue::Static(color.name())),
                ("tabindex", AttrValue::Static("-1")),
            ],
            description: Some(AttrValue::from(if *has_note {
                format!("{}, {}", t.color_label(*color), t.with_note)
            } else {
                t.color_label(*color).to_string()
            })),
        },
        Mark::Passage => MarkStyle {
            class: AttrValue::Static("passage"),
            attrs: vec![
                ("tabindex", AttrValue::Static("-1")),
                ("id", AttrValue::Static("passage")),
            ],
            description: Some(AttrValue::Static(t.linked_passage)),
        },
        Mark::Shared { index, color } => MarkStyle {
            class: AttrValue::from(format!("annotation annotation--shared annotation--{}", color.name())),
            attrs: vec![
                ("data-shared", AttrValue::from(index.to_string())),
                ("data-color", AttrValue::Static(color.name())),
            ],
            description: Some(AttrValue::Static(t.shared_note)),
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
    /// Shift+↓ / Shift+↑ in the text (without caret browsing): select the next / previous sentence; with the
    /// index of the focused name's mention (`data-m`), if one is focused.
    #[prop_or_default]
    pub onsentence: Callback<(i32, Option<usize>)>,
    /// Called with the hovered/focused entity mark (mention index, card position) or `None`.
    #[prop_or_default]
    pub onhover: Callback<Option<(usize, (f64, f64))>>,
}

/// The clean text: lead, paragraphs, subheadings, quotes, and captions as figures. Each block carries
/// `data-block-start` so a selection can be mapped back to article offsets.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let t = crate::ui::hooks::use_text();
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
    let onkeydown = names_by_keyboard(props.onhover.clone(), props.onsentence.clone());
    let onmouseout = {
        let cb = props.onhover.clone();
        Callback::from(move |e: MouseEvent| {
            if crate::platform::dom::in_card_or_name(e.target()) {
                close_after_leaving(cb.clone());
            }
        })
    };
    html! {
        <div class="article-body" id="article-text" tabindex="0" aria-label={t.article_text_label}
            {onmouseup} {onkeyup} {onmouseover} {onfocusin} {onkeydown} {onmouseout}>
            for (kind, start, nodes) in blocks {
                { block_html(kind, start, nodes, marks.clone()) }
            }
            if !credits.is_empty() {
                <p class="photo-credits"><span>{ t.photo_credits }{ ": " }</span>{ credits }</p>
            }
            <Descriptions marks={props.marks.clone()} />
        </div>
    }
}

/// Arrow keys between the names of the text (Home/End: first/last), Escape closes the card; Shift+↓/↑
/// select sentence by sentence (unless the browser's caret browsing moves a caret in the text: then the
/// arrows are the browser's).
fn names_by_keyboard(
    onhover: Callback<Option<(usize, (f64, f64))>>,
    onsentence: Callback<(i32, Option<usize>)>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.shift_key() && !(e.ctrl_key() || e.alt_key() || e.meta_key()) {
            let step = match e.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                _ => return,
            };
            if !crate::platform::selection::caret_active() {
                e.prevent_default();
                let focused = crate::platform::dom::entity_mark_at(e.target()).map(|(m, _)| m);
                onsentence.emit((step, focused));
            }
            return;
        }
        if e.shift_key() || e.ctrl_key() || e.alt_key() || e.meta_key() {
            return;
        }
        let handled = match e.key().as_str() {
            "ArrowRight" => crate::platform::dom::move_among_names(e.target(), 1, false),
            "ArrowLeft" => crate::platform::dom::move_among_names(e.target(), -1, false),
            "Home" => crate::platform::dom::move_among_names(e.target(), 0, false),
            "End" => crate::platform::dom::move_among_names(e.target(), 0, true),
            "Escape" => {
                onhover.emit(None);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    })
}

/// Closes the card a moment after the pointer left a name or the card, unless it is back on one of them.
pub fn close_after_leaving(onhover: Callback<Option<(usize, (f64, f64))>>) {
    crate::platform::dom::after(CLOSE_DELAY_MS, move || {
        if !crate::platform::dom::pointer_on_card_or_name() && !crate::platform::dom::focus_on_card_or_name() {
            onhover.emit(None);
        }
    });
}

/// How long the card stays after the pointer left (ms): time to move onto it.
pub const CLOSE_DELAY_MS: u32 = 400;

fn block_html(kind: BlockKind, start: usize, nodes: Rc<Vec<Node>>, marks: Rc<Vec<MarkStyle>>) -> Html {
    let s = start.to_string();
    match kind {
        BlockKind::Lead => {
            html! { <p class="lead" lang="de" data-block-start={s}><MarkdownView {nodes} {marks} /></p> }
        }
        BlockKind::Paragraph => html! { <p lang="de" data-block-start={s}><MarkdownView {nodes} {marks} /></p> },
        BlockKind::Subheading => {
            html! { <h2 class="subheading" lang="de" data-block-start={s}><MarkdownView {nodes} {marks} /></h2> }
        }
        BlockKind::Quote => {
            html! { <blockquote lang="de"><p data-block-start={s}><MarkdownView {nodes} {marks} /></p></blockquote> }
        }
        BlockKind::Caption => html! {
            <figure class="caption" lang="de"><figcaption data-block-start={s}><span class="caption-icon" aria-hidden="true" data-decor="">{ "▣ " }</span><MarkdownView {nodes} {marks} /></figcaption></figure>
        },
    }
}
