//! The reader's notes on one article: in text order, with jump, edit, delete + undo, share as a link,
//! export (W3C JSON-LD) and a handout.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::annotations::{handout, link};
use crate::core::corpus::Article;
use crate::core::highlights::PlacedAnnotation;
use crate::ui::components::annotation_item::AnnotationItem;
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::routes::Route;
use crate::ui::state::{Action, use_app};

/// Props of [`NotesPanel`].
#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations, placed on the current text.
    pub placed: Rc<Vec<PlacedAnnotation>>,
}

/// The notes panel under an article.
#[component]
pub fn NotesPanel(props: &NotesPanelProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let a = &props.article;
    let items: Vec<_> = props.placed.iter().map(|p| p.annotation.clone()).collect();
    let undo = app.undo.as_ref().filter(|r| r.annotation.article_id == a.id).map(|_| {
        let app = app.clone();
        html! {
            <p class="undo" role="status">{ t.deleted }{ " " }
                <button type="button" class="button button--quiet" id="undo" onclick={Callback::from(move |_| app.dispatch(Action::Undo))}>{ t.undo }</button>
            </p>
        }
    });
    let share = share_notes(t, &a.id.0, &items);
    let export = {
        let app = app.clone();
        let id = a.id.clone();
        Callback::from(move |_| {
            let json = app.export_notes(Some(&id));
            crate::platform::download::download(&format!("{}-{id}.jsonld", t.file_notes), "application/ld+json", &json);
        })
    };
    let handout = {
        let article = a.clone();
        let items = items.clone();
        let page = handout_page(&app, &article.id);
        Callback::from(move |_| {
            let refs: Vec<_> = items.iter().collect();
            let md = handout::markdown(&article, &refs, &t.handout_words(), page.as_deref());
            crate::platform::download::download(
                &format!("presseschau-handout-{}.md", article.id),
                "text/markdown",
                &md,
            );
        })
    };
    html! {
        <section class="notes-panel" aria-labelledby="notes-title" id="notes-panel">
            <h2 id="notes-title">{ t.notes_panel }{ format!(" ({})", items.len()) }</h2>
            if let Some(undo) = undo { { undo } }
            if props.placed.is_empty() {
                <p class="hint">{ t.no_notes_here }</p>
            } else {
                <ol class="annotation-list">
                    for p in props.placed.iter() {
                        <AnnotationItem key={p.annotation.id.0.clone()} annotation={p.annotation.clone()} orphaned={p.span.is_none()}
                            onjump={{
                                let sel = format!("mark[data-annotation-id=\"{}\"]", p.annotation.id.0);
                                Callback::from(move |()| { crate::platform::dom::scroll_into_view(&sel); })
                            }} />
                    }
                </ol>
                <div class="panel-actions">
                    { share }
                    <button type="button" class="button button--quiet" onclick={export}>{ t.export_w3c }</button>
                    <button type="button" class="button button--quiet" onclick={handout}>{ t.export_handout }</button>
                </div>
            }
        </section>
    }
}

/// The address a handout gives for an article: its page, for a bundled article (an own article's page opens
/// only in this browser, so its handout has none), and from a downloaded folder only when the build named
/// the site's public address (a path on the teacher's disk would open nowhere else).
pub fn handout_page(app: &crate::ui::state::AppState, id: &crate::core::corpus::ArticleId) -> Option<String> {
    use crate::platform::location;
    if app.is_own(&id.0) {
        return None;
    }
    let base = if location::is_file() {
        location::public_base()?
    } else {
        location::base()?
    };
    Some(format!("{base}{}", Route::Article { id: id.0.clone() }.href()))
}

/// "Notizen als Link teilen": a link to article `id` that carries `notes` (the recipient sees them beside
/// their own), or why they do not fit in a link.
pub fn share_notes(
    t: &'static crate::ui::text::Text,
    id: &str,
    notes: &[crate::core::annotations::Annotation],
) -> Html {
    if notes.is_empty() {
        html! {}
    } else if link::fits_in_link(notes) {
        let hash = Route::Article { id: id.to_string() }.href_with("n", &link::encode_note_set(notes));
        html! { <CopyLinkButton hash={AttrValue::from(hash)} label={Some(AttrValue::Static(t.share_notes))} /> }
    } else {
        html! { <p class="hint">{ t.share_too_long }</p> }
    }
}
