//! The page's fragment (`q=…` passage or `n=…` notes of a shared link), kept current when it changes.

use yew::prelude::*;

/// The fragment without `#`; the component re-renders when it changes. Empty in a prerender.
#[hook]
pub fn use_fragment() -> String {
    let fragment = use_state_eq(crate::platform::location::fragment);
    {
        let fragment = fragment.setter();
        use_effect_with((), move |()| {
            crate::platform::location::on_fragment_change(move |f| fragment.set(f));
        });
    }
    (*fragment).clone()
}
