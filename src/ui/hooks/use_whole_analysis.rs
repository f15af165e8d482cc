//! A tool page that starts from a small share of the analysis (the add page: `data/add.js`; the view page:
//! `data/view.js`) needs the whole analysis (`data.js`) only to link the reader's own text with the
//! collection, or to save the collection as one file: this hook loads it then, once (the add page when the
//! reader saves; the view page right after its first render, so an article that came with a link shows
//! before the corpus has loaded).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::analysis::precomputed::Precomputed;
use crate::ui::state::{Action, AppContext, Notice};

/// Whether the state holds the whole analysis, and a callback that asks for it: `data.js` is loaded (once)
/// if the state holds a page's share. Without the file (a folder without it) the reader is told, nothing
/// changes but `fail_text` is shown, and `on_fail` runs (the page keeps what the reader was doing).
#[hook]
pub fn use_whole_analysis(app: &AppContext, fail_text: &'static str, on_fail: Callback<()>) -> (bool, Callback<()>) {
    let asked = use_state_eq(|| false);
    let whole = app.whole.is_none();
    {
        let (dispatcher, asked) = (app.dispatcher(), asked.clone());
        use_effect_with(*asked && !whole, move |&load| {
            if !load {
                return;
            }
            crate::platform::script::load("data.js", move |ok| {
                let data = ok.then(crate::platform::data::precomputed).flatten();
                let data = data.and_then(|json| Precomputed::read(&json));
                match data.filter(|p| p.whole.is_none()) {
                    Some(p) => dispatcher.dispatch(Action::WholeData(Rc::new(p))),
                    None => {
                        asked.set(false);
                        on_fail.emit(());
                        dispatcher.dispatch(Action::Notify(Notice {
                            text: fail_text.to_string(),
                            is_error: true,
                        }));
                    }
                }
            });
        });
    }
    let ask = Callback::from(move |()| asked.set(true));
    (whole, ask)
}
