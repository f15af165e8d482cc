//! The reader's own articles and the browser's storage: read once at start, written (joined with what
//! another tab wrote meanwhile) after every change, and brought in when another tab writes.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::core::own::{OwnArticle, store};
use crate::platform::idb;
use crate::ui::state::{Action, AppContext, OwnStorage};

/// localStorage key bumped after every write, so other tabs hear of it (IndexedDB sends no events).
pub const OWN_CHANGED_KEY: &str = "presseschau.own.changed";
/// localStorage key set while the reader has own articles: the reading pages' app then hands over to the
/// full app, which analyses them ([`crate::ui::start`]).
pub const OWN_PRESENT_KEY: &str = "presseschau.own.present";

/// localStorage key set once this browser's own articles have been looked for: by the full app whenever it
/// has read them (it keeps [`OWN_PRESENT_KEY`] right from then on), or by the reading app's one-time check
/// for articles stored before that key existed ([`crate::ui::start`]).
pub const OWN_CHECKED_KEY: &str = "presseschau.own.checked";

/// Sets [`OWN_PRESENT_KEY`] at once, when the reader adds, keeps or restores an article: a page opened right
/// after (before the write has finished) must take the full app. If the write then fails, the full app finds
/// no articles and clears the mark.
pub fn mark_own_coming() {
    let _ = crate::platform::storage::save(OWN_PRESENT_KEY, "1");
}

/// Sets or clears [`OWN_PRESENT_KEY`] after the stored list was read or written.
fn mark_present(list: &[OwnArticle]) {
    use crate::platform::storage;
    let _ = storage::save(OWN_CHECKED_KEY, "1");
    let _ = if list.iter().any(|o| o.deleted.is_none()) {
        storage::save(OWN_PRESENT_KEY, "1")
    } else {
        storage::remove(OWN_PRESENT_KEY)
    };
}

/// Reads the stored own articles at start, writes the list whenever this tab changed it (joined first
/// with the stored one by [`store::merge`], so two tabs adding at once lose nothing), and re-reads when
/// another tab wrote. A failure keeps the articles in this window and says so ([`OwnStorage::Failed`]).
#[hook]
pub fn use_own_articles(state: &AppContext) {
    {
        // (the reading pages' app has no analysis: it only starts when there are no own articles)
        let dispatcher = state.engine.get().is_some().then(|| state.dispatcher());
        use_effect_with((), move |()| {
            let listener = dispatcher.map(|dispatcher| {
                let d = dispatcher.clone();
                spawn_local(async move {
                    match read_all().await {
                        Ok(list) => {
                            mark_present(&list);
                            d.dispatch(Action::OwnLoaded(list));
                        }
                        Err(e) => d.dispatch(Action::OwnStored(OwnStorage::Failed(e), false)),
                    }
                });
                crate::platform::storage::on_change(OWN_CHANGED_KEY, move |_| {
                    let d = dispatcher.clone();
                    spawn_local(async move {
                        if let Ok(list) = read_all().await {
                            d.dispatch(Action::OwnLoaded(list));
                        }
                    });
                })
            });
            move || drop(listener)
        });
    }
    let (own, dirty, dispatcher) = (state.own.clone(), state.own_dirty, state.dispatcher());
    use_effect_with((own, dirty), move |(own, dirty)| {
        if *dirty {
            let ours = (**own).clone();
            spawn_local(async move {
                match write_joined(&ours).await {
                    Ok(joined) => {
                        mark_present(&joined);
                        dispatcher.dispatch(Action::OwnStored(OwnStorage::Ready, false));
                        if joined != ours {
                            dispatcher.dispatch(Action::OwnLoaded(joined));
                        }
                        let now = crate::platform::clock::now_millis().to_string();
                        let _ = crate::platform::storage::save(OWN_CHANGED_KEY, &now);
                    }
                    Err(e) => dispatcher.dispatch(Action::OwnStored(OwnStorage::Failed(e), false)),
                }
            });
        }
    });
}

/// Every readable stored record (an unreadable one stays in the database untouched; a migrated one is
/// written back on the next save).
async fn read_all() -> Result<Vec<OwnArticle>, idb::IdbError> {
    stored(&idb::open().await?).await
}

/// The readable records of an open database.
async fn stored(db: &idb::Db) -> Result<Vec<OwnArticle>, idb::IdbError> {
    let raw = db.get_all().await?;
    Ok(raw
        .iter()
        .filter_map(|r| store::decode(r).ok())
        .map(|d| d.article)
        .collect())
}

/// Joins `ours` with the stored list and writes the result; returns it.
async fn write_joined(ours: &[OwnArticle]) -> Result<Vec<OwnArticle>, idb::IdbError> {
    let db = idb::open().await?;
    let theirs = stored(&db).await?;
    let (joined, _) = store::merge(ours, &theirs);
    let records: Vec<(String, String)> = joined.iter().map(|o| (o.id.0.clone(), store::encode(o))).collect();
    db.put_all(&records).await?;
    Ok(joined)
}

/// On a page that starts from its share of the analysis (a reading page, for a reader with own articles),
/// loads the whole analysis when the own articles' links with the collection are not kept for them
/// ([`crate::ui::state::AppState::own_links_missing`]); the full app then links them and keeps the links,
/// so the next page needs only its share. (The other pages load it themselves when they need it: the add
/// page when the reader saves, the view page after its first render.)
#[hook]
pub fn use_own_links(state: &AppContext, route: &crate::ui::routes::Route) {
    // (asked when the articles or the analysis change, not on every render: it reads the kept record)
    let key = (std::rc::Rc::as_ptr(&state.corpus) as usize, state.whole.is_some());
    let missing = *use_memo(key, |_| route.is_reading() && state.own_links_missing());
    let dispatcher = state.dispatcher();
    use_effect_with(missing, move |&missing| {
        if missing {
            crate::platform::data::load("data.js", move |data| {
                // (a folder without it: the page stays as it is, its own links left out)
                if let Some(p) = data.filter(|p| p.whole.is_none()) {
                    dispatcher.dispatch(Action::WholeData(std::rc::Rc::new(p)));
                }
            });
        }
    });
}
