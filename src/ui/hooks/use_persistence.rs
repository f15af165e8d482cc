//! Saves the annotations and the hidden entity kinds whenever they change.

use yew::prelude::*;

use crate::core::annotations::codec;
use crate::ui::state::{ANNOTATIONS_KEY, Action, AppContext, HIDDEN_KINDS_KEY, StorageStatus};

/// Writes the annotations (versioned codec) and the hidden kinds to localStorage after every change. A
/// failed write is reported once through [`StorageStatus`]; the data stays in memory. Nothing is written
/// while unreadable stored data could not be put aside, so it is never overwritten.
#[hook]
pub fn use_persistence(state: &AppContext) {
    let annotations = state.annotations.clone();
    let may_save = state.storage.may_save();
    let handle = state.clone();
    use_effect_with((annotations, may_save), move |(annotations, may_save)| {
        if *may_save {
            let encoded = codec::encode(annotations);
            match crate::platform::storage::save(ANNOTATIONS_KEY, &encoded) {
                Ok(()) => {
                    if matches!(handle.storage, StorageStatus::SaveFailed(_)) {
                        handle.dispatch(Action::SetStorage(StorageStatus::Ok));
                    }
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
}
