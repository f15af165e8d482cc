//! Route `#/notes`: all of the reader's notes across articles — filter by tag and colour, jump to the
//! passage, edit, delete with undo, export (W3C JSON-LD, handout) and import.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::annotations::w3c::{ArticleRef, ImportReport};
use crate::core::annotations::{Annotation, Color, Filter, MergeOutcome, handout, link};
use crate::platform::files::FileError;
use crate::ui::components::annotation_item::AnnotationItem;
use crate::ui::routes::Route;
use crate::ui::state::engine::ImportFn;
use crate::ui::state::{Action, AppContext, AppState, CREATOR_KEY, Notice, use_app};

/// A note and the passage link that jumps to it.
type NoteWithLink = (Annotation, AttrValue);

/// An article's id and title with its shown notes.
/// An article's id and title, its notes with their passage links, and whether they can be shared by link (an
/// own article's page opens only in this browser).
type NoteGroup = (String, String, Vec<NoteWithLink>, bool);

/// The "My notes" page.
#[component]
pub fn NotesPage() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let tag = use_state_eq(|| None::<String>);
    let report = use_state_eq(|| None::<Rc<ImportReport>>);
    let color = use_state_eq(|| None::<Color>);
    use_pending_import(&app, &report);
    use_effect_with(t.lang, |_| {
        crate::platform::dom::set_title(&format!("{} — {}", t.notes_title, t.app_name))
    });
    let filter = Filter {
        article: None,
        tag: (*tag).clone(),
        color: *color,
    };
    // (on the static site the page loads its notes' articles: until they are here, no note is unknown)
    let noted = app.annotations.items().iter().map(|a| a.article_id.0.clone()).collect();
    let loading = crate::ui::hooks::use_article_shares(&app, noted);
    let shown = app.annotations.filter(&filter);
    let groups = note_groups(&app, &shown);
    let unknown: Vec<_> = shown
        .iter()
        .filter(|a| !loading && app.corpus.get(&a.article_id.0).is_none())
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
            <h1>{ t.notes_title }<span class="count">{ format!(" ({})", app.annotations.len()) }</span></h1>
            { panel_actions(&app, &report, loading) }
            if loading { <p class="hint" role="status" id="notes-loading">{ t.notes_loading }</p> }
            // `if let`, not `{ for … }`: a `for` adds or removes a child in the middle of the list, and yew
            // then re-creates everything after it (an open edit form would lose its text).
            if let Some(r) = (*report).as_ref() { { import_details(&app, r) } }
            if let Some(undo) = undo_notice(&app) { { undo } }
            if app.annotations.is_empty() {
                <p class="hint">{ t.notes_empty }</p>
            } else {
                { filters(t, app.annotations.all_tags(), (*tag).as_deref(), *color, on_tag, on_color) }
                { note_lists(t, groups, unknown) }
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
        let shareable = !app.is_own(&article.id.0);
        groups.push((article.id.0.clone(), article.title.text.clone(), items, shareable));
    }
    groups
}

/// Export (W3C, handout) and import (the exports wait for the notes' articles: they carry their web
/// addresses and texts).
fn panel_actions(app: &AppContext, report: &UseStateHandle<Option<Rc<ImportReport>>>, loading: bool) -> Html {
    let t = app.lang.text();
    let export = {
        let app = app.clone();
        Callback::from(move |_| {
            crate::platform::download::download(
                &format!("{}.jsonld", t.file_notes),
                "application/ld+json",
                &app.export_notes(None),
            );
        })
    };
    // saved as typed (trimmed on export), so a re-render while typing shows what was typed
    let on_creator = Callback::from(|e: InputEvent| {
        let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
        let _ = crate::platform::storage::save(CREATOR_KEY, &v);
    });
    let creator = crate::platform::storage::load(CREATOR_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let handout_all = {
        let app = app.clone();
        Callback::from(move |_| download_handout(&app))
    };
    let on_import = {
        let app = app.clone();
        let report = report.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let (app, report) = (app.clone(), report.clone());
            crate::platform::files::read_first_file(&input, move |result| import_notes(&app, &report, result));
        })
    };
    html! {
        <div class="panel-actions">
            <button type="button" class="button button--quiet" id="export-all" onclick={export} disabled={app.annotations.is_empty() || loading}>{ t.export_w3c }</button>
            <button type="button" class="button button--quiet" onclick={handout_all} disabled={app.annotations.is_empty() || loading}>{ t.export_handout }</button>
            <label class="button button--quiet file-button">{ t.import }<input type="file" id="import-file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} /></label>
            <label class="creator-name">{ t.creator_label }<input type="text" id="creator-name" maxlength="120" value={creator} oninput={on_creator} autocomplete="name" /></label>
        </div>
    }
}

/// Downloads the handout of every article with notes.
fn download_handout(app: &AppState) {
    let t = app.lang.text();
    let parts: Vec<String> = app
        .corpus
        .articles
        .iter()
        .filter_map(|article| {
            let mine = app.annotations.for_article(&article.id);
            let page = crate::ui::components::notes_panel::handout_page(app, &article.id);
            (!mine.is_empty()).then(|| handout::markdown(article, &mine, &t.handout_words(), page.as_deref()))
        })
        .collect();
    let md = parts.join("\n---\n\n");
    crate::platform::download::download("presseschau-handout.md", "text/markdown", &md);
}

/// The key of this tab's sessionStorage that holds a file the reading app read for import, until the full
/// app has imported it (the reading app has no W3C reader, and an import's notes may name any article of
/// the collection, by web address or by a quote: the full app has them all).
pub const PENDING_IMPORT_KEY: &str = "presseschau.pending-import";

/// Imports a read file (W3C JSON-LD) into the notes and reports how it went. An app that does not hold the
/// whole collection (the reading app, or the full app on the page's share for a reader with own articles)
/// hands the file over: it keeps it in this tab's storage and loads the page again ([`crate::ui::start`] then
/// starts the full app with the whole analysis, and [`use_pending_import`] imports it).
fn import_notes(app: &AppContext, shown: &UseStateHandle<Option<Rc<ImportReport>>>, result: Result<String, FileError>) {
    let t = app.lang.text();
    let content = match result {
        Ok(content) => content,
        Err(why) => return notify_error(app, format!("{}: {}.", t.import_failed, t.file_error(&why))),
    };
    // (its notes may name any article: against a share's few they would be taken for notes without a place)
    let Some(analysis) = app.engine.get().filter(|_| app.whole.is_none()) else {
        return match crate::platform::storage::save_in_tab(PENDING_IMPORT_KEY, &content) {
            Ok(()) => crate::platform::location::reload(),
            Err(_) => notify_error(app, format!("{}: {}.", t.import_failed, t.import_handover_failed)),
        };
    };
    app.with_article_refs(|refs| import_against(app, shown, analysis.import, &content, refs));
}

/// Imports a file the reading app handed over ([`PENDING_IMPORT_KEY`]), once, when the full app shows the
/// page.
#[hook]
fn use_pending_import(app: &AppContext, shown: &UseStateHandle<Option<Rc<ImportReport>>>) {
    let (app, shown) = (app.clone(), shown.clone());
    use_effect_with((), move |_| {
        if app.engine.get().is_none() {
            return;
        }
        if let Some(content) = crate::platform::storage::load_in_tab(PENDING_IMPORT_KEY) {
            crate::platform::storage::remove_in_tab(PENDING_IMPORT_KEY);
            import_notes(&app, &shown, Ok(content));
        }
    });
}

/// Imports `content` against the collection's articles `refs` and reports how it went.
fn import_against(
    app: &AppContext,
    shown: &UseStateHandle<Option<Rc<ImportReport>>>,
    import: ImportFn,
    content: &str,
    refs: &[ArticleRef<'_>],
) {
    let t = app.lang.text();
    let now = crate::platform::clock::now_iso();
    match import(content, &app.annotations, &now, refs) {
        Ok((set, report)) => {
            app.dispatch(Action::ReplaceAnnotations(set));
            let counts = t.import_report(
                report.count(MergeOutcome::Added),
                report.count(MergeOutcome::Updated),
                report.count(MergeOutcome::Kept),
            );
            let unplaced = t.import_unplaced(report.unplaced().len(), report.skipped.len());
            app.dispatch(Action::Notify(Notice {
                text: format!("{counts} {unplaced}").trim().to_string(),
                is_error: false,
            }));
            shown.set(Some(Rc::new(report)));
        }
        Err(err) => notify_error(
            app,
            match (err.too_large, err.note_too_long) {
                (Some(bytes), _) => t.import_too_large(bytes),
                (None, Some((item, bytes))) => t.import_note_too_long(item, bytes),
                (None, None) => t.import_failed_items(err.problems.len()),
            },
        ),
    }
}

fn notify_error(app: &AppContext, text: String) {
    app.dispatch(Action::Notify(Notice { text, is_error: true }));
}

/// The last import, note by note: what happened, with a link to each note's article.
fn import_details(app: &AppState, report: &ImportReport) -> Html {
    let t = app.lang.text();
    let article_href = |id: &str| app.corpus.get(id).map(|_| Route::Article { id: id.to_string() }.href());
    html! {
        <details class="import-report" id="import-report" open={!report.unplaced().is_empty()}>
            <summary>{ t.import_details }{ format!(" ({})", report.notes.len() + report.skipped.len()) }</summary>
            <ol>
                for n in report.notes.iter() {
                    <li data-import-outcome={format!("{:?}", n.merge).to_lowercase()}>
                        <q>{ quote_short(&n.quote) }</q>{ " — " }{ t.import_outcome(n) }
                        if let Some(href) = article_href(&n.article_id.0) { { " " }<a href={href}>{ t.to_article }</a> }
                    </li>
                }
                for s in report.skipped.iter() {
                    <li data-import-outcome="skipped">{ t.import_skipped(s.item) }</li>
                }
            </ol>
        </details>
    }
}

fn quote_short(q: &str) -> String {
    if q.chars().count() <= 80 {
        q.to_string()
    } else {
        format!("{} …", q.chars().take(78).collect::<String>())
    }
}

/// "Deleted — undo", while a delete can be undone.
fn undo_notice(app: &AppContext) -> Option<Html> {
    let t = app.lang.text();
    app.undo.as_ref().map(|_| {
        let app = app.clone();
        html! { <p class="undo" role="status">{ t.deleted }{ " " }<button type="button" class="button button--quiet" id="undo" onclick={Callback::from(move |_| app.dispatch(Action::Undo))}>{ t.undo }</button></p> }
    })
}

/// The tag and colour filters.
fn filters(
    t: &'static crate::ui::text::Text,
    tags: Vec<(String, usize)>,
    tag: Option<&str>,
    color: Option<Color>,
    on_tag: Callback<Event>,
    on_color: Callback<Event>,
) -> Html {
    html! {
        <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ t.filter_tag }
                <select id="filter-tag" onchange={on_tag}>
                    <option value="" selected={tag.is_none()}>{ t.filter_all }</option>
                    for (t, n) in tags { <option value={t.clone()} selected={tag == Some(t.as_str())}>{ format!("{t} ({n})") }</option> }
                </select>
            </label>
            <label>{ t.color_label }
                <select id="filter-color" onchange={on_color}>
                    <option value="" selected={color.is_none()}>{ t.filter_all }</option>
                    for c in Color::ALL { <option value={c.name()} selected={color == Some(c)}>{ format!("{} {}", c.symbol(), t.color_label(c)) }</option> }
                </select>
            </label>
        </form>
    }
}

/// The notes per article, then those whose article is not in the corpus.
fn note_lists(t: &'static crate::ui::text::Text, groups: Vec<NoteGroup>, unknown: Vec<Annotation>) -> Html {
    html! {
        <>
            for (id, title, items, shareable) in groups {
                <section class="notes-group">
                    <h2><a href={Route::Article { id: id.clone() }.href()}>{ title }</a></h2>
                    // what a teacher sends: these notes on this article, in one link
                    if shareable {
                        { crate::ui::components::notes_panel::share_notes(t, &id, &items.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>()) }
                    }
                    <ol class="annotation-list">
                        for (a, href) in items {
                            <AnnotationItem key={a.id.0.clone()} annotation={a.clone()} jump_href={href} />
                        }
                    </ol>
                </section>
            }
            if !unknown.is_empty() {
                <section class="notes-group">
                    <h2>{ t.notes_unknown_article }</h2>
                    <ol class="annotation-list">
                        for a in unknown { <AnnotationItem key={a.id.0.clone()} annotation={a.clone()} orphaned=true /> }
                    </ol>
                </section>
            }
        </>
    }
}
