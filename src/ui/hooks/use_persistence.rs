//! Saves the annotations and the hidden entity kinds whenever they change, and joins what another tab
//! saved meanwhile.

use yew::prelude::*;

use crate::core::annotations::{AnnotationSet, codec};
use crate::ui::state::{ANNOTATIONS_KEY, Action, AppContext, HIDDEN_KINDS_KEY, StorageStatus};

/// Writes the annotations (versioned codec) and the hidden kinds to localStorage after every change. A
/// failed write is reported once through [`StorageStatus`]; the data stays in memory. Nothing is written
/// while unreadable stored data could not be put aside, so it is never overwritten.
///
/// Two tabs: before writing, the stored notes are read again; when another tab has changed them since this
/// tab's last read or write, both tabs' changes are joined ([`AnnotationSet::reconcile`]) and the joined set
/// is written and shown, so neither tab's notes overwrite the other's. The `storage` event brings another
/// tab's writes in at once ([`use_other_tabs`]).
#[hook]
pub fn use_persistence(state: &AppContext) {
    let annotations = state.annotations.clone();
    let may_save = state.storage.may_save();
    let handle = state.clone();
    use_effect_with((annotations, may_save), move |(annotations, may_save)| {
        if *may_save {
            let theirs = stored_set();
            let to_write = match theirs {
                Some(theirs) if theirs != *handle.stored_base => annotations.reconcile(&handle.stored_base, &theirs),
                _ => (**annotations).clone(),
            };
            match crate::platform::storage::save(ANNOTATIONS_KEY, &codec::encode(&to_write)) {
                Ok(()) => {
                    if matches!(handle.storage, StorageStatus::SaveFailed(_)) {
                        handle.dispatch(Action::SetStorage(StorageStatus::Ok));
                    }
                    handle.dispatch(Action::StorageWritten {
                        from: (**annotations).clone(),
                        written: to_write,
                    });
                }
                Err(e) => {
                    if !matches!(handle.storage, StorageStatus::SaveFailed(_)) {
                        handle.dispatch(Action::SetStorage(StorageStatus::SaveFailed(e.to_string())));
                    }
                }
            }
        }
    });
    let hidden = state.hidden_kinds.clone();
    use_effect_with(hidden, |hidden| {
        let value: Vec<&str> = hidden.iter().map(|k| k.as_str()).collect();
        let _ = crate::platform::storage::save(HIDDEN_KINDS_KEY, &value.join(","));
    });
    use_other_tabs(state);
}

/// The annotations storage holds now, when they can be read.
fn stored_set() -> Option<AnnotationSet> {
    let raw = crate::platform::storage::load(ANNOTATIONS_KEY).ok()??;
    codec::decode(&raw).ok().map(|d| d.set)
}

/// Listens for another tab's writes to the annotations (`storage` event) and joins them in.
#[hook]
fn use_other_tabs(state: &AppContext) {
    let handle = state.clone();
    use_effect_with((), move |()| {
        let listener = crate::platform::storage::on_change(ANNOTATIONS_KEY, move |raw| {
            if let Some(Ok(decoded)) = raw.map(|r| codec::decode(&r)) {
                handle.dispatch(Action::StorageChanged(decoded.set));
            }
        });
        move || drop(listener)
    });
}
