//! An entity's name in the reader's language: in the English UI the knowledge base's English label where it
//! has one ("Russian Academy of Sciences"), otherwise the German name, marked `lang="de"` so that screen
//! readers pronounce it as German.

use yew::prelude::*;

use crate::core::analysis::kb::KbEntity;
use crate::ui::state::AppState;
use crate::ui::text::{Lang, Text};

/// The name of entity `id` as a node: the English label, or the German one in `<span lang="de">`.
pub fn entity_name(t: &Text, id: &str, german: &str) -> Html {
    match t.entity_label(id, german) {
        (label, true) if t.lang != Lang::De => html! { <span lang="de">{ label }</span> },
        (label, _) => html! { { label } },
    }
}

/// The one-line description of KB entity `e` for the reader: in the English UI the English one (from
/// `kb-en.js`, loaded when English is chosen), else the German one, marked `lang="de"` when the UI is English.
pub fn entity_description(t: &Text, app: &AppState, e: &KbEntity) -> Html {
    if t.lang == Lang::En {
        if let Some(en) = app.descriptions_en.as_ref().and_then(|d| d.get(&e.id)) {
            return html! { { en.clone() } };
        }
        return html! { <span lang="de">{ e.description_de.clone() }</span> };
    }
    html! { { e.description_de.clone() } }
}
