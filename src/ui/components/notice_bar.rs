//! The one-sentence message at the top (import results, broken links, storage problems), with a way to
//! download unreadable stored data.

use yew::prelude::*;

use crate::ui::routes::Route;
use crate::ui::state::{Action, StorageStatus, use_app};

/// Shows the current notice and the storage status.
#[component]
pub fn NoticeBar() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let storage = match &app.storage {
        StorageStatus::Ok => html! {},
        StorageStatus::Unavailable => html! {
            <p class="notice notice--warn" role="status" data-storage="unavailable">{ t.storage_unavailable }{ " " }<a href={Route::Notes.href()}>{ t.export_notes }</a></p>
        },
        StorageStatus::SaveFailed(_) => html! {
            <p class="notice notice--warn" role="status" data-storage="save-failed">{ t.storage_save_failed }{ ". " }<a href={Route::Notes.href()}>{ t.export_notes }</a></p>
        },
        StorageStatus::Unreadable {
            raw,
            problem,
            kept_aside,
        } => {
            let raw = raw.clone();
            let download = Callback::from(move |_| {
                crate::platform::download::download(t.file_unreadable, "application/json", &raw);
            });
            html! {
                <p class="notice notice--warn" role="alert" data-storage="unreadable">
                    { if *kept_aside { t.storage_unreadable_kept } else { t.storage_unreadable_memory } }
                    { format!(" ({}) ", t.stored_data_problem(problem)) }
                    <button type="button" class="button button--quiet" id="download-unreadable" onclick={download}>{ t.download_unreadable }</button>
                </p>
            }
        }
    };
    let notice = app.notice.clone().map(|n| {
        let app = app.clone();
        html! {
            <p class={classes!("notice", n.is_error.then_some("notice--warn"))} role="status" id="notice">
                { n.text }{ " " }
                <button type="button" class="button button--quiet" onclick={Callback::from(move |_| app.dispatch(Action::DismissNotice))}>{ t.dismiss }</button>
            </p>
        }
    });
    let own = own_notices(t, &app);
    html! { <div class="notices">{ storage }{ own }{ for notice }</div> }
}

/// Own articles: storage that failed (they stay in this window), and undo after deleting one.
fn own_notices(t: &'static crate::ui::text::Text, app: &crate::ui::state::AppContext) -> Html {
    use crate::ui::state::OwnStorage;
    let failed = match &app.own_storage {
        OwnStorage::Failed(e) if !app.own.is_empty() || app.own_dirty => {
            let own = app.own.clone();
            let export = Callback::from(move |_: MouseEvent| {
                let alive: Vec<_> = own.iter().filter(|o| o.deleted.is_none()).cloned().collect();
                let json = crate::core::own::store::encode_all(&alive);
                crate::platform::download::download(t.file_own, "application/json", &json);
            });
            html! {
                <p class="notice notice--warn" role="status" data-own-storage="failed">
                    { format!("{} ({}). ", t.own_storage_failed, t.idb_error(e)) }
                    <button type="button" class="button button--quiet" id="export-own" onclick={export}>{ t.export_own }</button>
                </p>
            }
        }
        _ => html! {},
    };
    let undo = app.own_undo.clone().map(|id| {
        let app = app.clone();
        let restore = Callback::from(move |_: MouseEvent| {
            crate::ui::hooks::mark_own_coming();
            app.dispatch(Action::OwnRestore(id.clone(), crate::platform::clock::now_iso()))
        });
        html! {
            <p class="notice" role="status" id="own-undo">{ t.own_deleted }{ " " }
                <button type="button" class="button button--quiet" onclick={restore}>{ t.undo }</button>
            </p>
        }
    });
    html! { <>{ failed }{ for undo }</> }
}
