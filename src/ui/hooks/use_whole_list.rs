//! A list page (the library, the names index) of the static site holds its own page of the list only
//! (`data/<page>.js`); a filter or another order needs the whole list, which this hook loads then.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::{Action, AppContext, Notice};

/// Loads the whole list (`file`: `data/library.js`, `data/names.js`) when the reader asks for more than
/// the page holds (`filtered`), and says whether the page is waiting for it. Without the file (a folder
/// without it) the page says so and `on_fail` puts the filter back.
#[hook]
pub fn use_whole_list(app: &AppContext, filtered: bool, file: &'static str, on_fail: Callback<()>) -> bool {
    let waiting = app.window().is_some() && filtered;
    let (dispatcher, t) = (app.dispatcher(), app.lang.text());
    use_effect_with(waiting, move |&waiting| {
        if !waiting {
            return;
        }
        crate::platform::data::load(file, move |list| {
            match list.filter(|p| p.whole.as_ref().is_none_or(|w| w.lists_all)) {
                Some(p) => dispatcher.dispatch(Action::WholeData(Rc::new(p))),
                None => {
                    on_fail.emit(());
                    dispatcher.dispatch(Action::Notify(Notice {
                        text: t.list_unavailable.to_string(),
                        is_error: true,
                    }));
                }
            }
        });
    });
    waiting
}
