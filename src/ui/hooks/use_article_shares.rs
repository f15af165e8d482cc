//! A page of the static site that starts from a small share of the analysis (the notes page: `data/notes.js`;
//! the search page: `data/search.js`) loads the articles it shows one by one, from their own pages' shares
//! (`data/a-<id>.js`): what the page needs, not the whole corpus.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::analysis::precomputed::Precomputed;
use crate::ui::routes::Route;
use crate::ui::state::{Action, AppContext};

/// Loads the articles `ids` that the state does not hold (only where it holds a page's share: the whole
/// analysis has every article), all at once, and says whether some are still coming. An article that could
/// not be loaded (not in this collection, or its file is missing) is left to the page to show as such.
#[hook]
pub fn use_article_shares(app: &AppContext, ids: BTreeSet<String>) -> bool {
    // the ids asked for that did not come (asked again only on a new page load)
    let failed = use_mut_ref(BTreeSet::<String>::new);
    let arrived = use_state(|| 0usize);
    let missing: BTreeSet<String> = if app.whole.is_some() {
        ids.into_iter().filter(|id| app.corpus.get(id).is_none()).collect()
    } else {
        BTreeSet::new()
    };
    let asked = use_mut_ref(BTreeSet::<String>::new);
    {
        let (dispatcher, failed, asked, arrived) = (app.dispatcher(), failed.clone(), asked.clone(), arrived.clone());
        use_effect_with(missing.clone(), move |missing| {
            for id in missing.iter().filter(|id| asked.borrow_mut().insert((*id).clone())) {
                load(id.clone(), dispatcher.clone(), failed.clone(), arrived.clone());
            }
        });
    }
    let failed = failed.borrow();
    missing.iter().any(|id| !failed.contains(id))
}

/// Loads the share of `id`'s page and adds its article to the state, or marks `id` as failed.
fn load(
    id: String,
    dispatcher: UseReducerDispatcher<crate::ui::state::AppState>,
    failed: Rc<RefCell<BTreeSet<String>>>,
    arrived: UseStateHandle<usize>,
) {
    // an id from stored or imported notes names a file: only the characters of article ids
    let safe = !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let file = Route::Article { id: id.clone() }.share_file();
    let done = move |data: Option<Precomputed>| {
        let article = data.and_then(|p| p.articles.into_iter().find(|a| a.id.0 == id));
        match article {
            Some(article) => dispatcher.dispatch(Action::SharedArticle(Rc::new(article))),
            None => {
                failed.borrow_mut().insert(id);
            }
        }
        // a render, also when nothing arrived (the page stops waiting for it)
        arrived.set(*arrived + 1);
    };
    if safe {
        crate::platform::data::load(&file, done);
    } else {
        done(None);
    }
}
