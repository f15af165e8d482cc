//! Route `#/a/<article-id>` (optionally `?q=<passage>` or `?n=<note set>`): one article — headline, meta
//! line, entity legend, clean text with entity marks and the reader's highlights, selection toolbar, notes,
//! the original on request, previous/next, copy link. What it shows comes from the core's
//! [`ArticleView`]; this page maps it to elements and wires the reader's actions.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::annotations::anchor::{cp_from_utf16, select};
use crate::core::annotations::link;
use crate::core::annotations::{Annotation, AnnotationId};
use crate::core::article_view::{self, ArticleView, BodyView, LinkPayload, read_link};
use crate::core::corpus::{Article, TitleOrigin};
use crate::core::highlights;
use crate::core::render::CpSpan;
use crate::core::text::slice_cp;
use crate::ui::components::article_body::{ArticleBody, close_after_leaving, mark_styles};
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::entity_card::EntityCard;
use crate::ui::components::entity_legend::EntityLegend;
use crate::ui::components::notes_panel::NotesPanel;
use crate::ui::components::original_view::OriginalView;
use crate::ui::components::selection_toolbar::{NewNote, SelectionToolbar};
use crate::ui::components::shared_notes::SharedNotesPanel;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::{Action, AppContext, Notice, use_app};

/// How long a touch selection must rest before the toolbar follows it (ms).
const SELECTION_SETTLE_MS: u32 = 350;

/// Props of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The article id from the route.
    pub id: AttrValue,
}

/// The article with its view, per id; again when the model's names arrive right after the first paint.
type ViewMemo = Rc<Option<(Rc<Article>, Rc<ArticleView>)>>;

/// The page's derived data, each recomputed only when what it depends on changes: the article view (per
/// id, and once more when the model's names arrive), what the link brought (per id and query), and the
/// body's highlights (per article, hidden kinds, annotations and link) — not on every hover or selection.
#[hook]
fn use_article_view(
    app: &AppContext,
    id: &AttrValue,
    query: &str,
) -> (ViewMemo, Rc<LinkPayload>, Rc<Option<Rc<BodyView>>>) {
    // (the analysis is compared by identity: it changes when own articles come, and names follow later)
    let analysis = (
        Rc::as_ptr(&app.corpus) as usize,
        Rc::as_ptr(&app.entities) as usize,
        app.detected.as_ref().map(|d| Rc::as_ptr(d) as usize),
    );
    let view = use_memo((id.clone(), analysis), {
        let (corpus, entities, detected) = (app.corpus.clone(), app.entities.clone(), app.detected.clone());
        move |(id, _): &(AttrValue, (usize, usize, Option<usize>))| {
            corpus.get(id).map(|a| {
                (
                    Rc::new(a.clone()),
                    Rc::new(ArticleView::new(a, &entities, detected.as_deref())),
                )
            })
        }
    });
    let text: Rc<str> = (*view).as_ref().map_or_else(|| Rc::from(""), |(_, v)| v.text.clone());
    let payload = use_memo((id.clone(), query.to_string()), move |(_, q)| read_link(q, &text));
    // (the view by identity: its mentions change when the model's names arrive)
    let view_key = (*view).as_ref().map(|(_, v)| Rc::as_ptr(v) as usize);
    let body = use_memo(
        (
            view_key,
            app.hidden_kinds.clone(),
            app.annotations.clone(),
            payload.clone(),
        ),
        {
            let view = view.clone();
            move |(_, hidden, notes, payload)| {
                (*view)
                    .as_ref()
                    .map(|(a, v)| Rc::new(v.body(a, hidden, notes, payload)))
            }
        },
    );
    (view, payload, body)
}

/// The article page, or a not-found page for an unknown id.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let query = crate::ui::hooks::use_fragment();
    let show_original = use_state_eq(|| false);
    let selection = use_state_eq(|| None::<CpSpan>);
    let by_keyboard = use_state_eq(|| false);
    let card = use_state_eq(|| None::<(usize, (f64, f64))>);
    let (view, payload, body) = use_article_view(&app, &props.id, &query);
    let article = (*view).as_ref().map(|(a, _)| a.clone());
    let on_select = use_callback(
        (article.clone(), selection.setter(), by_keyboard.setter()),
        |(), (article, selection, by_keyboard)| {
            let (Some(article), Some(raw)) = (article, crate::platform::selection::current()) else {
                return;
            };
            if let Some(span) = selection_span(article, raw.start, raw.end) {
                by_keyboard.set(false);
                selection.set(Some(span));
            }
        },
    );
    let on_sentence = sentence_steps(&view, &selection, &by_keyboard);
    let on_hover = use_callback(card.setter(), |hit: Option<(usize, (f64, f64))>, card| card.set(hit));
    use_close_outside(&card);
    use_touch_selection(&on_select);
    use_on_navigation(
        &props.id,
        &query,
        article.as_deref(),
        payload.passage.is_some(),
        &show_original,
        &selection,
    );
    let text: Rc<str> = (*view).as_ref().map_or_else(|| Rc::from(""), |(_, v)| v.text.clone());
    let (Some((article, view)), Some(body)) = ((*view).clone(), (*body).clone()) else {
        return html! { <NotFoundPage message={AttrValue::Static(t.not_found_article)} /> };
    };
    let marks = Rc::new(mark_styles(t, &body.highlights, &view.mentions, &body.placed));
    let spans = Rc::new(highlights::spans(&body.highlights));
    let toggle = {
        let show_original = show_original.clone();
        Callback::from(move |_| show_original.set(!*show_original))
    };
    let card_view = card_for(&card, &view, &article, &on_hover);
    html! {
        <article class="article" data-page="article" data-article-id={article.id.0.clone()}>
            <ArticleHeader article={article.clone()} view={view.clone()} show_original={*show_original} ontoggle={toggle}
                onpick={pick_sentence(&selection, &view)} />
            if let Some(problem) = &payload.problem {
                <p class="notice notice--warn" role="alert" id="link-problem">{ t.link_problem(problem) }{ " " }{ t.article_still_shown }</p>
            }
            if let Some(n) = payload.first_of {
                <p class="notice" role="status" id="link-first-of">{ t.passage_first_of(n) }</p>
            }
            if !payload.shared.is_empty() {
                <SharedNotesPanel article={article.clone()} notes={Rc::new(payload.shared.clone())} />
            }
            if *show_original {
                <OriginalView article={article.clone()} />
            } else {
                <ArticleBody article={article.clone()} highlights={spans} {marks} onselect={on_select} onsentence={on_sentence.clone()} onhover={on_hover} />
                if let Some(card) = card_view { { card } }
                <NotesPanel article={article.clone()} placed={Rc::new(body.placed.clone())} />
            }
            if let Some(span) = *selection {
                <SelectionToolbar quote={AttrValue::from(slice_cp(&text, span.start, span.end).to_string())}
                    onannotate={annotate(t, &app, &selection, &article, &text)} onlink={link_passage(t, &app, &selection, &article, &text)}
                    oncancel={cancel(&selection)} focus={*by_keyboard}
                    onstep={on_sentence.reform(|step| (step, None))} />
            }
            <crate::ui::components::same_event_panel::SameEventPanel article_id={AttrValue::from(article.id.0.clone())} />
            <PrevNext id={AttrValue::from(article.id.0.clone())} />
        </article>
    }
}

/// Shift+↓/↑ in the text or the toolbar: the next / previous sentence becomes the selection (from the focused
/// name's sentence, when a name has the focus), and the toolbar opens with its first button focused.
fn sentence_steps(
    view: &ViewMemo,
    selection: &UseStateHandle<Option<CpSpan>>,
    by_keyboard: &UseStateHandle<bool>,
) -> Callback<(i32, Option<usize>)> {
    let (selection, by_keyboard, view) = (selection.clone(), by_keyboard.setter(), view.clone());
    Callback::from(move |(step, focused): (i32, Option<usize>)| {
        let Some((_, v)) = (*view).as_ref() else { return };
        let at = focused.and_then(|m| v.mentions.get(m)).map(|m| m.start);
        let current = (*selection).map(|s| (s.start, s.end));
        if let Some((start, end)) = article_view::step_sentence(&v.sentences, current, at, step) {
            by_keyboard.set(true);
            selection.set(Some(CpSpan { start, end }));
        }
    })
}

/// On a new article or link: the text view (not the original), no selection, the passage scrolled into
/// view, the page title.
#[hook]
fn use_on_navigation(
    id: &AttrValue,
    query: &str,
    article: Option<&Article>,
    has_passage: bool,
    show_original: &UseStateHandle<bool>,
    selection: &UseStateHandle<Option<CpSpan>>,
) {
    let t = crate::ui::hooks::use_text();
    let title = article.map(|a| a.title.text.clone());
    let (show_original, selection) = (show_original.clone(), selection.clone());
    use_effect_with((id.clone(), query.to_string(), t.lang), move |_| {
        show_original.set(false);
        selection.set(None);
        if has_passage {
            // after the app has taken over the prerendered page (its first render is hidden until then)
            crate::platform::dom::after_next_paint(|| {
                crate::platform::dom::scroll_into_view("mark.passage");
            });
        }
        if let Some(title) = title {
            crate::platform::dom::set_title(&t.page_title(&title));
        }
    });
}

/// Touch selection fires no mouseup: the toolbar also follows the selection itself, once it rests.
#[hook]
fn use_touch_selection(on_select: &Callback<()>) {
    let on_select = on_select.clone();
    use_effect_with((), move |()| {
        let listener = crate::platform::dom::on_selection_change(SELECTION_SETTLE_MS, move || on_select.emit(()));
        move || drop(listener)
    });
}

/// The open card: a click, tap or focus outside it and the names closes it.
#[hook]
fn use_close_outside(card: &UseStateHandle<Option<(usize, (f64, f64))>>) {
    let close = card.setter();
    use_effect_with(card.is_some(), move |open| {
        let listeners = if *open {
            crate::platform::dom::on_outside(move || close.set(None))
        } else {
            Vec::new()
        };
        move || drop(listeners)
    });
}

/// The entity card of the name the reader points at or has focused, if any.
fn card_for(
    card: &UseStateHandle<Option<(usize, (f64, f64))>>,
    view: &ArticleView,
    article: &Article,
    on_hover: &Callback<Option<(usize, (f64, f64))>>,
) -> Option<Html> {
    let (index, at) = (**card)?;
    let mention = view.mentions.get(index)?.clone();
    let (close, leave) = (card.clone(), on_hover.clone());
    Some(
        html! { <EntityCard {mention} article_id={AttrValue::from(article.id.0.clone())} {at} {index}
        onclose={Callback::from(move |()| close.set(None))}
        onleave={Callback::from(move |()| close_after_leaving(leave.clone()))} /> },
    )
}

/// A DOM selection (block start, UTF-16 offset in the block) at both ends → article code points.
fn selection_span(article: &Article, start: (usize, usize), end: (usize, usize)) -> Option<CpSpan> {
    let to_cp = |(block_start, utf16): (usize, usize)| {
        let block = article.blocks.iter().find(|b| b.start == block_start)?;
        cp_from_utf16(&block.text, utf16).ok().map(|cp| block_start + cp)
    };
    let (s, e) = (to_cp(start)?, to_cp(end)?);
    (s < e).then_some(CpSpan { start: s, end: e })
}

/// Selection → a new highlight or note.
fn annotate(
    t: &'static crate::ui::text::Text,
    app: &AppContext,
    selection: &UseStateHandle<Option<CpSpan>>,
    article: &Rc<Article>,
    text: &Rc<str>,
) -> Callback<NewNote> {
    let (app, selection, id, text) = (app.clone(), selection.clone(), article.id.clone(), text.clone());
    Callback::from(move |n: NewNote| {
        let Some(span) = *selection else { return };
        let now = crate::platform::clock::now_iso();
        let note_id = AnnotationId::generate(
            crate::platform::clock::now_millis(),
            crate::platform::clock::random_u64(),
        );
        let made = select(&text, span.start, span.end)
            .and_then(|sel| Annotation::new(note_id, id.clone(), sel, n.color, n.note, n.tags, &now));
        match made {
            Ok(a) => app.dispatch(Action::AddAnnotation(a)),
            Err(e) => app.dispatch(Action::Notify(Notice {
                text: t.annotation_error(t.note_not_created, &e),
                is_error: true,
            })),
        }
        crate::platform::selection::clear();
        selection.set(None);
        crate::platform::dom::focus("article-text");
    })
}

/// Selection → a passage link on the clipboard.
fn link_passage(
    t: &'static crate::ui::text::Text,
    app: &AppContext,
    selection: &UseStateHandle<Option<CpSpan>>,
    article: &Rc<Article>,
    text: &Rc<str>,
) -> Callback<()> {
    let (app, selection, id, text) = (app.clone(), selection.clone(), article.id.clone(), text.clone());
    Callback::from(move |()| {
        let Some(span) = *selection else { return };
        let Ok(sel) = select(&text, span.start, span.end) else {
            return;
        };
        let href = Route::Article { id: id.0.clone() }.href_with("q", &link::encode_passage(&text, &sel));
        let url = format!("{}{href}", crate::platform::location::base().unwrap_or_default());
        let app = app.clone();
        let shown = url.clone();
        crate::platform::clipboard::copy(&url, move |ok| {
            let msg = if ok {
                t.copied.to_string()
            } else {
                format!("{} {shown}", t.copy_failed)
            };
            app.dispatch(Action::Notify(Notice {
                text: msg,
                is_error: !ok,
            }));
        });
    })
}

fn cancel(selection: &UseStateHandle<Option<CpSpan>>) -> Callback<()> {
    let selection = selection.clone();
    Callback::from(move |()| {
        crate::platform::selection::clear();
        selection.set(None);
        // back to the text (the toolbar had the focus), where the reader was
        crate::platform::dom::focus("article-text");
    })
}

/// A sentence picked from the keyboard list → the selection.
fn pick_sentence(selection: &UseStateHandle<Option<CpSpan>>, view: &Rc<ArticleView>) -> Callback<Event> {
    let (selection, view) = (selection.clone(), view.clone());
    Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(&(s, e)) = v.parse::<usize>().ok().and_then(|i| view.sentences.get(i)) {
            selection.set(Some(CpSpan { start: s, end: e }));
        }
    })
}

/// Props of [`ArticleHeader`].
#[derive(Properties, PartialEq)]
struct ArticleHeaderProps {
    article: Rc<Article>,
    view: Rc<ArticleView>,
    show_original: bool,
    ontoggle: Callback<MouseEvent>,
    onpick: Callback<Event>,
}

/// Headline, meta line, tools (original, copy link, keyboard selection) and the legend.
#[component]
fn ArticleHeader(props: &ArticleHeaderProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let (article, view) = (&props.article, &props.view);
    let derived = article.title.origin == TitleOrigin::FirstSentence;
    // an own article's page opens only in this browser: its tools above share it (the text in the link)
    let own = use_app().is_own(&article.id.0);
    html! {
        <header class="article-header">
            <h1 class={classes!(derived.then_some("title--derived"))} lang="de">{ article.title.text.clone() }</h1>
            if derived {
                <p class="title-note">{ t.no_headline }</p>
            }
            <crate::ui::components::meta_line::MetaLine article={article.clone()} />
            <p class="print-only print-source">{ t.print_source(article.url.as_deref(), crate::platform::location::href().as_deref()) }</p>
            <p class="print-only print-key">{ t.print_key }</p>
            <div class="article-tools">
                <button type="button" class="button button--quiet" aria-pressed={props.show_original.to_string()} onclick={props.ontoggle.clone()} id="toggle-original">
                    { if props.show_original { t.show_clean } else { t.show_original } }
                </button>
                if !own {
                    <CopyLinkButton hash={AttrValue::from(Route::Article { id: article.id.0.clone() }.href())} />
                }
                <details class="keyboard-select">
                    <summary>{ t.keyboard_select }</summary>
                    <label>{ t.keyboard_select_help }
                        <select id="sentence-select" onchange={props.onpick.clone()}>
                            <option value="" selected=true>{ "—" }</option>
                            for (i, (s, e)) in view.sentences.iter().enumerate() {
                                <option value={i.to_string()} lang="de">{ preview(slice_cp(&view.text, *s, *e)) }</option>
                            }
                        </select>
                    </label>
                </details>
            </div>
            if !view.legend.is_empty() && !props.show_original {
                <EntityLegend counts={view.legend.clone()} />
            }
        </header>
    }
}

/// Props of [`PrevNext`].
#[derive(Properties, PartialEq)]
struct PrevNextProps {
    id: AttrValue,
}

/// Links to the previous and next article of the library.
#[component]
fn PrevNext(props: &PrevNextProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let (prev, next) = app.neighbours(&props.id);
    html! {
        <nav class="prev-next" aria-label={t.more_articles}>
            if let Some(p) = prev {
                <a href={Route::Article { id: p.id.0.clone() }.href()} class="prev" rel="prev" aria-keyshortcuts="ArrowLeft">
                    <span class="pn-label">{ "← " }{ t.previous }</span>
                    <span class="pn-title">{ p.title.text.clone() }</span>
                </a>
            } else { <span /> }
            if let Some(n) = next {
                <a href={Route::Article { id: n.id.0.clone() }.href()} class="next" rel="next" aria-keyshortcuts="ArrowRight">
                    <span class="pn-label">{ t.next }{ " →" }</span>
                    <span class="pn-title">{ n.title.text.clone() }</span>
                </a>
            }
        </nav>
    }
}

fn preview(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{} …", s.chars().take(78).collect::<String>())
    } else {
        s.to_string()
    }
}
