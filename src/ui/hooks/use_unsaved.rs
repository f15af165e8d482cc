//! A part of a page that holds what the reader typed and has not saved (a note being written, drafts to
//! check): while it does, leaving the page asks first ([`crate::platform::unload`]).

use yew::prelude::*;

/// While `unsaved`, leaving the page asks first; the question goes when the part is saved, emptied or gone.
#[hook]
pub fn use_unsaved(unsaved: bool) {
    use_effect_with(unsaved, |&unsaved| {
        if unsaved {
            crate::platform::unload::hold(true);
        }
        move || {
            if unsaved {
                crate::platform::unload::hold(false);
            }
        }
    });
}
