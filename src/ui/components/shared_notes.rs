//! Notes that came with a `?n=` link: shown read-only, with "add to my notes".

use std::rc::Rc;

use yew::prelude::*;

use crate::core::annotations::link::SharedNote;
use crate::core::annotations::{Annotation, AnnotationId};
use crate::core::corpus::Article;
use crate::ui::components::note_markdown::NoteMarkdown;
use crate::ui::state::{Action, use_app};

/// Props of [`SharedNotesPanel`].
#[derive(Properties, PartialEq)]
pub struct SharedNotesPanelProps {
    /// The article shown.
    pub article: Rc<Article>,
    /// The notes from the link.
    pub notes: Rc<Vec<SharedNote>>,
}

/// The shared notes, read-only, with a button to take them over.
#[component]
pub fn SharedNotesPanel(props: &SharedNotesPanelProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let placed = use_memo((props.article.clone(), props.notes.clone()), |(article, notes)| {
        adoptable(article, notes, &crate::platform::clock::now_iso())
    });
    let known = placed.0.iter().filter(|n| app.annotations.has_same(n)).count();
    let add = {
        let app = app.clone();
        let placed = placed.clone();
        Callback::from(move |_| {
            let (notes, unplaced) = (*placed).clone();
            app.dispatch(Action::AdoptShared { notes, unplaced });
        })
    };
    html! {
        <section class="shared-notes" aria-labelledby="shared-title" id="shared-notes">
            <h2 id="shared-title">{ t.shared_notes }{ format!(" ({})", props.notes.len()) }</h2>
            <p class="hint">{ t.shared_notes_help }</p>
            <ol class="annotation-list">
                for n in props.notes.iter() {
                    <li class={classes!("annotation-item", format!("annotation-item--{}", n.color.name()))}>
                        <blockquote class="annotation-quote" lang="de"><span class="color-cue" aria-label={t.color_label(n.color)}>{ n.color.symbol() }</span>{ n.quote.display() }</blockquote>
                        if let Some(note) = &n.note { <NoteMarkdown markdown={AttrValue::from(note.clone())} /> }
                        if !n.tags.is_empty() {
                            <ul class="tags">for t in n.tags.iter() { <li class="tag">{ format!("#{t}") }</li> }</ul>
                        }
                    </li>
                }
            </ol>
            if known > 0 {
                <p class="hint" id="shared-known">{ t.shared_known(known, placed.0.len()) }</p>
            }
            <button type="button" class="button" id="add-shared" onclick={add} disabled={known == placed.0.len() && placed.1 == 0}>{ t.add_to_my_notes }</button>
        </section>
    }
}

/// The shared notes of `article` as the reader's annotations: placed in the text where the passage is
/// found, else kept with their quote as notes without a place (never dropped); and how many were not found.
fn adoptable(article: &Article, notes: &[SharedNote], now: &str) -> (Vec<Annotation>, usize) {
    let text = article.text();
    let mut unplaced = 0;
    let made = notes
        .iter()
        .filter(|n| n.article_id == article.id)
        .filter_map(|n| {
            let id = AnnotationId::generate(
                crate::platform::clock::now_millis(),
                crate::platform::clock::random_u64(),
            );
            n.to_annotation(&text, id.clone(), now).or_else(|| {
                unplaced += 1;
                n.to_orphan(id, now)
            })
        })
        .collect();
    (made, unplaced)
}
