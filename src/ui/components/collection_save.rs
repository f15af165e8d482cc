//! "Sammlung als Datei speichern": the button that saves the whole collection as one HTML file
//! ([`crate::ui::collection`]), with the reader's notes if chosen.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::{Action, Notice, use_app};

/// The section on the add page.
#[component]
pub fn CollectionSave() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let with_notes = use_state(|| true);
    let on_notes = {
        let with_notes = with_notes.clone();
        Callback::from(move |_: Event| with_notes.set(!*with_notes))
    };
    // the file holds every article: the whole analysis is loaded first (the page started from a share)
    let with = *with_notes;
    let save = Rc::new(move |app: &crate::ui::state::AppContext| {
        let app = app.clone();
        let engine = app.engine;
        let save = move || {
            if !crate::ui::collection::save(&app, with) {
                app.dispatch(Action::Notify(Notice {
                    text: t.collection_failed.to_string(),
                    is_error: true,
                }));
            }
        };
        // the model goes into the file too (loaded first if this page has not needed it yet)
        match engine.get() {
            Some(analysis) => (analysis.with_model)(Box::new(save)),
            None => save(),
        }
    });
    let (whole, ask) = crate::ui::hooks::use_whole_analysis(&app, t.collection_failed, save);
    let on_save = Callback::from(move |_: MouseEvent| ask.emit(()));
    html! {
        <section class="collection-save" aria-labelledby="collection-title">
            <h2 id="collection-title">{ t.collection_title }</h2>
            <p class="hint">{ t.collection_help }</p>
            <label><input type="checkbox" id="collection-notes" checked={*with_notes} onchange={on_notes} />{ " " }{ t.collection_with_notes }</label>
            { " " }
            <button type="button" class="button" id="save-collection" onclick={on_save} disabled={whole.waiting}>{ t.collection_save }</button>
        </section>
    }
}
