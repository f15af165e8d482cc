//! Route `#/a/<article-id>` (optionally `?q=<passage>` or `?n=<note set>`): one article — headline, meta
//! line, entity legend, clean text with entity marks and the reader's highlights, selection toolbar, notes,
//! the original on request, previous/next, copy link.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::core::analysis::detected::DetectedMention;
use crate::core::analysis::entities::Mention;
use crate::core::annotations::anchor::{Anchoring, TextIndex, cp_from_utf16, select};
use crate::core::annotations::link::{self, SharedNote};
use crate::core::annotations::{Annotation, AnnotationId};
use crate::core::corpus::{Article, BlockKind, TitleOrigin};
use crate::core::highlights::{self, Highlight, PlacedAnnotation};
use crate::core::render::{CpSpan, Node, block_nodes};
use crate::core::text::{query_param, sentence_spans, slice_cp};
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::entity_card::EntityCard;
use crate::ui::components::entity_legend::{EntityLegend, kind_label};
use crate::ui::components::markdown_view::{MarkStyle, MarkdownView};
use crate::ui::components::meta_line::MetaLine;
use crate::ui::components::notes_panel::NotesPanel;
use crate::ui::components::original_view::OriginalView;
use crate::ui::components::selection_toolbar::{NewNote, SelectionToolbar};
use crate::ui::components::shared_notes::SharedNotesPanel;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::{ALL_KINDS, Action, Notice, use_app};
use crate::ui::text;

/// Props of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The article id from the route.
    pub id: AttrValue,
}

/// What a `?q=` or `?n=` link brought.
#[derive(Debug, Clone, PartialEq, Default)]
struct LinkPayload {
    passage: Option<CpSpan>,
    shared: Vec<SharedNote>,
    problem: Option<String>,
}

fn read_link(query: &str, text: &str) -> LinkPayload {
    let mut out = LinkPayload::default();
    let index = TextIndex::new(text);
    if let Some(q) = query_param(query, "q") {
        match link::decode_passage(&q) {
            Ok(p) => match p.locate(&index) {
                Anchoring::Anchored { start, end, .. } => out.passage = Some(CpSpan { start, end }),
                Anchoring::Orphaned => out.problem = Some(text::PASSAGE_NOT_FOUND.to_string()),
            },
            Err(e) => out.problem = Some(format!("{}: {e}.", text::BROKEN_LINK)),
        }
    }
    if let Some(n) = query_param(query, "n") {
        match link::decode_note_set(&n) {
            Ok(notes) => out.shared = notes,
            Err(e) => out.problem = Some(format!("{}: {e}.", text::BROKEN_LINK)),
        }
    }
    out
}

/// What the page derives from an article once.
#[derive(Debug, PartialEq)]
struct ArticleData {
    article: Rc<Article>,
    text: Rc<str>,
    sentences: Rc<Vec<(usize, usize)>>,
    mentions: Rc<Vec<Mention>>,
    detected: Rc<Vec<DetectedMention>>,
}

/// The highlights of the body and the reader's notes placed on the text.
#[derive(Debug, Clone, PartialEq)]
struct BodyModel {
    mentions: Rc<Vec<Mention>>,
    detected: Rc<Vec<DetectedMention>>,
    placed: Rc<Vec<PlacedAnnotation>>,
    spans: Rc<Vec<CpSpan>>,
    marks: Rc<Vec<MarkStyle>>,
}

fn body_model(
    d: &ArticleData,
    hidden: &[crate::core::analysis::entities::EntityKind],
    annotations: &crate::core::annotations::AnnotationSet,
    payload: &LinkPayload,
) -> BodyModel {
    let mine: Vec<&Annotation> = annotations.for_article(&d.article.id);
    let placed = highlights::place_annotations(&d.text, &mine);
    let index = TextIndex::new(&d.text);
    let shared: Vec<(CpSpan, crate::core::annotations::Color)> = payload
        .shared
        .iter()
        .filter(|n| n.article_id == d.article.id)
        .filter_map(|n| {
            n.locate(&index)
                .range()
                .map(|(s, e)| (CpSpan { start: s, end: e }, n.color))
        })
        .collect();
    let (spans, kinds) = highlights::build(&d.mentions, &d.detected, hidden, &placed, payload.passage, &shared);
    let marks = kinds.iter().map(|k| mark_style(k, &d.mentions, &d.detected)).collect();
    BodyModel {
        mentions: d.mentions.clone(),
        detected: d.detected.clone(),
        placed: Rc::new(placed),
        spans: Rc::new(spans),
        marks: Rc::new(marks),
    }
}

/// The article page, or a not-found page for an unknown id.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let app = use_app();
    let location = use_location();
    let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
    let show_original = use_state_eq(|| false);
    let selection = use_state_eq(|| None::<CpSpan>);
    let card = use_state_eq(|| None::<(usize, (f64, f64))>);
    let corpus = app.corpus.clone();
    let pos = corpus.position(&props.id);
    // Per article (computed once per id, not on every hover or selection): the article, its text and
    // sentences, its KB mentions and the names only the model found.
    // (again when the model's names arrive, right after the first paint)
    let data = use_memo((props.id.clone(), app.detected.is_some()), {
        let corpus = corpus.clone();
        let entities = app.entities.clone();
        let detected = app.detected.clone();
        move |(id, _): &(AttrValue, bool)| {
            corpus.get(id).map(|a| {
                let text: Rc<str> = a.text().into();
                ArticleData {
                    sentences: Rc::new(sentence_spans(&text)),
                    mentions: Rc::new(entities.by_article.get(&a.id).cloned().unwrap_or_default()),
                    detected: Rc::new(
                        detected
                            .as_ref()
                            .and_then(|d| d.by_article.get(&a.id).cloned())
                            .unwrap_or_default(),
                    ),
                    article: Rc::new(a.clone()),
                    text,
                }
            })
        }
    });
    let article = data.as_ref().as_ref().map(|d| d.article.clone());
    let text_memo: Rc<str> = data.as_ref().as_ref().map_or_else(|| Rc::from(""), |d| d.text.clone());
    let payload = use_memo((props.id.clone(), query.clone()), {
        let text = text_memo.clone();
        move |(_, q)| read_link(q, &text)
    });
    // The highlights change only with the article, the hidden kinds, the annotations or the link.
    let body = use_memo(
        (
            props.id.clone(),
            app.hidden_kinds.clone(),
            app.annotations.clone(),
            payload.clone(),
        ),
        {
            let data = data.clone();
            move |(_, hidden, annotations, payload)| {
                (*data).as_ref().map(|d| body_model(d, hidden, annotations, payload))
            }
        },
    );
    let on_select = use_callback((article.clone(), selection.setter()), |(), (article, selection)| {
        let (Some(article), Some(raw)) = (article, crate::platform::selection::current()) else {
            return;
        };
        let to_cp = |(block_start, utf16): (usize, usize)| {
            let block = article.blocks.iter().find(|b| b.start == block_start)?;
            cp_from_utf16(&block.text, utf16).ok().map(|cp| block_start + cp)
        };
        if let (Some(s), Some(e)) = (to_cp(raw.start), to_cp(raw.end))
            && s < e
        {
            selection.set(Some(CpSpan { start: s, end: e }));
        }
    });
    let on_hover = use_callback(card.setter(), |hit: Option<(usize, (f64, f64))>, card| card.set(hit));
    {
        let title = article.as_ref().map(|a| a.title.text.clone());
        let show_original = show_original.clone();
        let selection = selection.clone();
        let has_passage = payload.passage.is_some();
        use_effect_with((props.id.clone(), query.clone()), move |_| {
            show_original.set(false);
            selection.set(None);
            if has_passage {
                crate::platform::dom::scroll_into_view("mark.passage");
            } else {
                crate::platform::dom::scroll_to_top();
            }
            if let Some(t) = title {
                crate::platform::dom::set_title(&format!("{t} — {}", text::APP_NAME));
            }
        });
    }
    let Some(article) = article else {
        return html! { <NotFoundPage message={AttrValue::Static(text::NOT_FOUND_ARTICLE)} /> };
    };
    let pos = pos.unwrap_or(0);
    let text: &str = &text_memo;
    let Some(BodyModel {
        mentions,
        detected,
        placed,
        spans,
        marks,
    }) = (*body).clone()
    else {
        return html! { <NotFoundPage message={AttrValue::Static(text::NOT_FOUND_ARTICLE)} /> };
    };
    let sentences = data.as_ref().as_ref().map(|d| d.sentences.clone()).unwrap_or_default();

    let counts: Vec<(crate::core::analysis::entities::EntityKind, usize)> = ALL_KINDS
        .iter()
        .map(|k| {
            (
                *k,
                mentions.iter().filter(|m| m.kind == *k).count() + detected.iter().filter(|d| d.kind == *k).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();

    let prev = pos.checked_sub(1).map(|p| &corpus.articles[p]);
    let next = corpus.articles.get(pos + 1);
    let toggle = {
        let show_original = show_original.clone();
        Callback::from(move |_| show_original.set(!*show_original))
    };

    // Selection → toolbar.
    let on_annotate = {
        let app = app.clone();
        let selection = selection.clone();
        let article = article.clone();
        let text = text_memo.clone();
        Callback::from(move |n: NewNote| {
            let Some(span) = *selection else { return };
            let now = crate::platform::clock::now_iso();
            let id = AnnotationId::generate(
                crate::platform::clock::now_millis(),
                crate::platform::clock::random_u64(),
            );
            let made = select(&text, span.start, span.end)
                .and_then(|sel| Annotation::new(id, article.id.clone(), sel, n.color, n.note, n.tags, &now));
            match made {
                Ok(a) => app.dispatch(Action::AddAnnotation(a)),
                Err(e) => app.dispatch(Action::Notify(Notice {
                    text: format!("{e}"),
                    is_error: true,
                })),
            }
            crate::platform::selection::clear();
            selection.set(None);
        })
    };
    let on_link_passage = {
        let app = app.clone();
        let selection = selection.clone();
        let text = text_memo.clone();
        let id = article.id.clone();
        Callback::from(move |()| {
            let Some(span) = *selection else { return };
            let Ok(sel) = select(&text, span.start, span.end) else {
                return;
            };
            let link = format!(
                "{}#/a/{id}?q={}",
                crate::platform::location::base().unwrap_or_default(),
                link::encode_passage(&text, &sel)
            );
            let app = app.clone();
            let shown = link.clone();
            crate::platform::clipboard::copy(&link, move |ok| {
                let msg = if ok {
                    text::COPIED.to_string()
                } else {
                    format!("{} {shown}", text::COPY_FAILED)
                };
                app.dispatch(Action::Notify(Notice {
                    text: msg,
                    is_error: !ok,
                }));
            });
        })
    };
    let on_cancel = {
        let selection = selection.clone();
        Callback::from(move |()| {
            crate::platform::selection::clear();
            selection.set(None);
        })
    };
    let on_pick_sentence = {
        let selection = selection.clone();
        let sentences = sentences.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(&(s, e)) = v.parse::<usize>().ok().and_then(|i| sentences.get(i)) {
                selection.set(Some(CpSpan { start: s, end: e }));
            }
        })
    };
    let hash = format!("#/a/{}", article.id);
    // Card indices: KB mentions first, then detected names (offset by the number of KB mentions).
    let card_view = card
        .as_ref()
        .and_then(|(i, at)| match mentions.get(*i) {
            Some(m) => Some((m.clone(), None, *at)),
            None => detected.get(*i - mentions.len()).map(|d| {
                let m = Mention { start: d.start, end: d.end, text: d.text.clone(), kind: d.kind, entity_id: None, derived: false, value: None };
                (m, Some(AttrValue::from(d.group.clone())), *at)
            }),
        })
        .map(|(m, group, at)| {
            let card = card.clone();
            html! { <EntityCard mention={m} detected_group={group} article_id={AttrValue::from(article.id.0.clone())} {at} onclose={Callback::from(move |()| card.set(None))} /> }
        });
    html! {
        <article class="article" data-page="article" data-article-id={article.id.0.clone()}>
            <header class="article-header">
                <h1 class={classes!((article.title.origin == TitleOrigin::FirstSentence).then_some("title--derived"))}>
                    { article.title.text.clone() }
                </h1>
                if article.title.origin == TitleOrigin::FirstSentence {
                    <p class="title-note">{ text::NO_HEADLINE }</p>
                }
                <MetaLine article={article.clone()} />
                <div class="article-tools">
                    <button type="button" class="button button--quiet" aria-pressed={(*show_original).to_string()} onclick={toggle} id="toggle-original">
                        { if *show_original { text::SHOW_CLEAN } else { text::SHOW_ORIGINAL } }
                    </button>
                    <CopyLinkButton hash={AttrValue::from(hash)} />
                    <details class="keyboard-select">
                        <summary>{ text::KEYBOARD_SELECT }</summary>
                        <label>{ text::KEYBOARD_SELECT_HELP }
                            <select id="sentence-select" onchange={on_pick_sentence}>
                                <option value="" selected=true>{ "—" }</option>
                                for (i, (s, e)) in sentences.iter().enumerate() {
                                    <option value={i.to_string()}>{ preview(slice_cp(text, *s, *e)) }</option>
                                }
                            </select>
                        </label>
                    </details>
                </div>
                if !counts.is_empty() && !*show_original {
                    <EntityLegend {counts} />
                }
            </header>
            if let Some(problem) = &payload.problem {
                <p class="notice notice--warn" role="alert" id="link-problem">{ problem.clone() }{ " " }{ text::ARTICLE_STILL_SHOWN }</p>
            }
            if !payload.shared.is_empty() {
                <SharedNotesPanel article={article.clone()} notes={Rc::new(payload.shared.clone())} />
            }
            if *show_original {
                <OriginalView article={article.clone()} />
            } else {
                <ArticleBody article={article.clone()} highlights={spans} marks={marks} onselect={on_select} onhover={on_hover} />
                { for card_view }
                <NotesPanel article={article.clone()} placed={placed.clone()} />
            }
            if let Some(span) = *selection {
                <SelectionToolbar quote={AttrValue::from(slice_cp(text, span.start, span.end).to_string())}
                    onannotate={on_annotate} onlink={on_link_passage} oncancel={on_cancel} />
            }
            <crate::ui::components::same_event_panel::SameEventPanel article_id={AttrValue::from(article.id.0.clone())} />
            <nav class="prev-next" aria-label="Weitere Artikel">
                if let Some(p) = prev {
                    <Link<Route> to={Route::Article { id: p.id.0.clone() }} classes="prev">
                        <span class="pn-label">{ "← " }{ text::PREVIOUS }</span>
                        <span class="pn-title">{ p.title.text.clone() }</span>
                    </Link<Route>>
                } else { <span /> }
                if let Some(n) = next {
                    <Link<Route> to={Route::Article { id: n.id.0.clone() }} classes="next">
                        <span class="pn-label">{ text::NEXT }{ " →" }</span>
                        <span class="pn-title">{ n.title.text.clone() }</span>
                    </Link<Route>>
                }
            </nav>
        </article>
    }
}

fn preview(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{} …", s.chars().take(78).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The `<mark>` attributes of a highlight (DOM contract: `class="entity"`, `data-kind`, `data-entity-id`,
/// `data-derived`, `data-value`).
fn mark_style(h: &Highlight, mentions: &[Mention], detected: &[DetectedMention]) -> MarkStyle {
    match h {
        Highlight::Detected(i) => {
            let Some(d) = detected.get(*i) else {
                return MarkStyle::default();
            };
            MarkStyle {
                class: AttrValue::Static("entity entity--detected"),
                attrs: vec![
                    ("data-kind", AttrValue::Static(d.kind.as_str())),
                    ("data-m", AttrValue::from((mentions.len() + i).to_string())),
                    ("data-detected", AttrValue::from(d.group.clone())),
                    ("tabindex", AttrValue::Static("0")),
                ],
                sr_label: Some(AttrValue::from(format!(
                    "{}, {}",
                    kind_label(d.kind),
                    text::DETECTED_SHORT
                ))),
            }
        }
        Highlight::Entity(i) => {
            let Some(m) = mentions.get(*i) else {
                return MarkStyle::default();
            };
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
            MarkStyle {
                class: AttrValue::Static("entity"),
                attrs,
                sr_label: Some(AttrValue::Static(kind_label(m.kind))),
            }
        }
        Highlight::Annotation { id, color, has_note } => MarkStyle {
            class: AttrValue::from(format!("annotation annotation--{}", color.name())),
            attrs: vec![
                ("data-annotation-id", AttrValue::from(id.clone())),
                ("data-color", AttrValue::Static(color.name())),
                ("tabindex", AttrValue::Static("-1")),
            ],
            sr_label: Some(AttrValue::from(if *has_note {
                format!("{}, {}", color.label(), text::WITH_NOTE)
            } else {
                color.label().to_string()
            })),
        },
        Highlight::Passage => MarkStyle {
            class: AttrValue::Static("passage"),
            attrs: vec![
                ("tabindex", AttrValue::Static("-1")),
                ("id", AttrValue::Static("passage")),
            ],
            sr_label: Some(AttrValue::Static(text::LINKED_PASSAGE)),
        },
        Highlight::Shared { index, color } => MarkStyle {
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
