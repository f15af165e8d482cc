//! Route `#/notes`: all of the reader's notes across articles — filter by tag and colour, jump to the
//! passage, edit, delete with undo, export (W3C JSON-LD, handout) and import.

use yew::prelude::*;

use crate::core::annotations::{Annotation, Color, Filter, handout, link, w3c};
use crate::platform::files::FileError;
use crate::ui::components::annotation_item::AnnotationItem;
use crate::ui::routes::Route;
use crate::ui::state::{Action, AppContext, AppState, Notice, use_app};
use crate::ui::text;

/// A note and the passage link that jumps to it.
type NoteWithLink = (Annotation, AttrValue);

/// An article's id and title with its shown notes.
type NoteGroup = (String, String, Vec<NoteWithLink>);

/// The "My notes" page.
#[component]
pub fn NotesPage() -> Html {
    let app = use_app();
    let tag = use_state_eq(|| None::<String>);
    let color = use_state_eq(|| None::<Color>);
    use_effect_with((), |()| {
        crate::platform::dom::set_title(&format!("{} — {}", text::NOTES_TITLE, text::APP_NAME))
    });
    let filter = Filter {
        article: None,
        tag: (*tag).clone(),
        color: *color,
    };
    let shown = app.annotations.filter(&filter);
    let groups = note_groups(&app, &shown);
    let unknown: Vec<_> = shown
        .iter()
        .filter(|a| app.corpus.get(&a.article_id.0).is_none())
        .map(|a| (*a).clone())
        .collect();
    let on_tag = {
        let tag = tag.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            tag.set((!v.is_empty()).then_some(v));
        })
    };
    let on_color = {
        let color = color.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            color.set(Color::from_name(&v).ok());
        })
    };
    html! {
        <section class="notes-page" data-page="notes">
            <h1>{ text::NOTES_TITLE }<span class="count">{ format!(" ({})", app.annotations.len()) }</span></h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(Route::Notes.href())} /></div>
            { panel_actions(&app) }
            { for undo_notice(&app) }
            if app.annotations.is_empty() {
                <p class="hint">{ text::NOTES_EMPTY }</p>
            } else {
                { filters(app.annotations.all_tags(), (*tag).as_deref(), *color, on_tag, on_color) }
                { note_lists(groups, unknown) }
            }
        </section>
    }
}

/// Per article: its notes among `shown`, each with a passage link (the article text is built once per
/// article).
fn note_groups(app: &AppState, shown: &[&Annotation]) -> Vec<NoteGroup> {
    let mut groups: Vec<NoteGroup> = Vec::new();
    for article in app.corpus.articles.iter() {
        let mine: Vec<_> = shown.iter().filter(|a| a.article_id == article.id).collect();
        if mine.is_empty() {
            continue;
        }
        let text = article.text();
        let items = mine
            .into_iter()
            .map(|a| {
                let href = Route::Article {
                    id: article.id.0.clone(),
                }
                .href_with("q", &link::encode_passage(&text, &a.selector()));
                ((*a).clone(), AttrValue::from(href))
            })
            .collect();
        groups.push((article.id.0.clone(), article.title.text.clone(), items));
    }
    groups
}

/// Export (W3C, handout) and import.
fn panel_actions(app: &AppContext) -> Html {
    let export = {
        let set = app.annotations.clone();
        Callback::from(move |_| {
            crate::platform::download::download(
                "presseschau-notizen.jsonld",
                "application/ld+json",
                &w3c::export_string(&set, None),
            );
        })
    };
    let handout_all = {
        let app = app.clone();
        Callback::from(move |_| download_handout(&app))
    };
    let on_import = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let app = app.clone();
            crate::platform::files::read_first_file(&input, move |result| import_notes(&app, result));
        })
    };
    html! {
        <div class="panel-actions">
            <button type="button" class="button button--quiet" id="export-all" onclick={export} disabled={app.annotations.is_empty()}>{ text::EXPORT_W3C }</button>
            <button type="button" class="button button--quiet" onclick={handout_all} disabled={app.annotations.is_empty()}>{ text::EXPORT_HANDOUT }</button>
            <label class="button button--quiet file-button">{ text::IMPORT }<input type="file" id="import-file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} /></label>
        </div>
    }
}

/// Downloads the handout of every article with notes.
fn download_handout(app: &AppState) {
    let mut md = String::new();
    for article in app.corpus.articles.iter() {
        let mine = app.annotations.for_article(&article.id);
        if !mine.is_empty() {
            md.push_str(&handout::markdown(article, &mine, &text::HANDOUT_WORDS));
            md.push_str("\n\n---\n\n");
        }
    }
    crate::platform::download::download("presseschau-handout.md", "text/markdown", &md);
}

/// Imports a read file (W3C JSON-LD) into the notes and reports how it went.
fn import_notes(app: &AppContext, result: Result<String, FileError>) {
    match result {
        Ok(content) => match w3c::import(&content, &app.annotations, &crate::platform::clock::now_iso()) {
            Ok((set, report)) => {
                app.dispatch(Action::ReplaceAnnotations(set));
                app.dispatch(Action::Notify(Notice {
                    text: text::import_report(report.added, report.updated, report.kept),
                    is_error: false,
                }));
            }
            Err(err) => app.dispatch(Action::Notify(Notice {
                text: text::import_failed(err.problems.len()),
                is_error: true,
            })),
        },
        Err(why) => app.dispatch(Action::Notify(Notice {
            text: format!("{}: {}.", text::IMPORT_FAILED, text::file_error(&why)),
            is_error: true,
        })),
    }
}

/// "Deleted — undo", while a delete can be undone.
fn undo_notice(app: &AppContext) -> Option<Html> {
    app.undo.as_ref().map(|_| {
        let app = app.clone();
        html! { <p class="undo" role="status">{ text::DELETED }{ " " }<button type="button" class="button button--quiet" id="undo" onclick={Callback::from(move |_| app.dispatch(Action::Undo))}>{ text::UNDO }</button></p> }
    })
}

/// The tag and colour filters.
fn filters(
    tags: Vec<(String, usize)>,
    tag: Option<&str>,
    color: Option<Color>,
    on_tag: Callback<Event>,
    on_color: Callback<Event>,
) -> Html {
    html! {
        <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ text::FILTER_TAG }
                <select id="filter-tag" onchange={on_tag}>
                    <option value="" selected={tag.is_none()}>{ text::FILTER_ALL }</option>
                    for (t, n) in tags { <option value={t.clone()} selected={tag == Some(t.as_str())}>{ format!("{t} ({n})") }</option> }
                </select>
            </label>
            <label>{ text::COLOR_LABEL }
                <select id="filter-color" onchange={on_color}>
                    <option value="" selected={color.is_none()}>{ text::FILTER_ALL }</option>
                    for c in Color::ALL { <option value={c.name()} selected={color == Some(c)}>{ format!("{} {}", c.symbol(), text::color_label(c)) }</option> }
                </select>
            </label>
        </form>
    }
}

/// The notes per article, then those whose article is not in the corpus.
fn note_lists(groups: Vec<NoteGroup>, unknown: Vec<Annotation>) -> Html {
    html! {
        <>
            for (id, title, items) in groups {
                <section class="notes-group">
                    <h2><a href={Route::Article { id: id.clone() }.href()}>{ title }</a></h2>
                    <ol class="annotation-list">
                        for (a, href) in items {
                            <AnnotationItem key={a.id.0.clone()} annotation={a.clone()} jump_href={href} />
                        }
                    </ol>
                </section>
            }
            if !unknown.is_empty() {
                <section class="notes-group">
                    <h2>{ text::NOTES_UNKNOWN_ARTICLE }</h2>
                    <ol class="annotation-list">
                        for a in unknown { <AnnotationItem key={a.id.0.clone()} annotation={a.clone()} orphaned=true /> }
                    </ol>
                </section>
            }
        </>
    }
}
