//! A tool page that starts from a small share of the analysis (the add page: `data/add.js`; the view page:
//! `data/view.js`) needs the whole analysis (`data.js`) only to link the reader's own text with the
//! collection, or to save the collection as one file: this hook loads it then, once (the add page when the
//! reader saves; the view page right after its first render, so an article that came with a link shows
//! before the corpus has loaded).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::{Action, AppContext, Notice};

/// Where a page stands with the whole analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeAnalysis {
    /// The state holds it.
    pub here: bool,
    /// It was asked for and is on its way.
    pub waiting: bool,
    /// It could not be loaded (a folder without `data.js`); the reader was told.
    pub failed: bool,
}

/// What the page has ([`WholeAnalysis`]), and a callback that asks for the whole analysis: `data.js` is
/// loaded if the state holds a page's share, and then `then` runs with the state that holds it (at once if
/// it does already). Without the file the reader is told (`fail_text`), nothing changes, and `then` does
/// not run: the page keeps what the reader was doing.
#[hook]
pub fn use_whole_analysis(
    app: &AppContext,
    fail_text: &'static str,
    then: Rc<dyn Fn(&AppContext)>,
) -> (WholeAnalysis, Callback<()>) {
    let asked = use_state_eq(|| false);
    let failed = use_state_eq(|| false);
    let (here, is_asked) = (app.whole.is_none(), *asked);
    {
        let (dispatcher, asked, failed) = (app.dispatcher(), asked.setter(), failed.setter());
        use_effect_with(is_asked && !here, move |&load| {
            if !load {
                return;
            }
            crate::platform::data::load("data.js", move |data| match data.filter(|p| p.whole.is_none()) {
                Some(p) => dispatcher.dispatch(Action::WholeData(Rc::new(p))),
                None => {
                    asked.set(false);
                    failed.set(true);
                    dispatcher.dispatch(Action::Notify(Notice {
                        text: fail_text.to_string(),
                        is_error: true,
                    }));
                }
            });
        });
    }
    {
        // (this render's `then` and state: the ones that hold the whole analysis)
        let (app, asked) = (app.clone(), asked.setter());
        use_effect_with(is_asked && here, move |&due| {
            if due {
                asked.set(false);
                then(&app);
            }
        });
    }
    let status = WholeAnalysis {
        here,
        waiting: is_asked && !here,
        failed: *failed,
    };
    let ask = Callback::from(move |()| {
        failed.set(false);
        asked.set(true);
    });
    (status, ask)
}
