//! Leaving a page while the reader has typed something not saved yet (a note being written, drafts on the
//! add page): the browser asks first, with its own "Leave site?" question, so a stray click on a link, a
//! reload or a closed tab does not drop it silently.

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// How many parts of the page hold unsaved input, and the listener while there are any.
    static GUARD: std::cell::RefCell<(usize, Option<gloo::events::EventListener>)> =
        const { std::cell::RefCell::new((0, None)) };
}

/// Marks (`true`) or unmarks (`false`) one part of the page as holding unsaved input; while any part does,
/// leaving the page asks first.
pub fn hold(on: bool) {
    #[cfg(target_arch = "wasm32")]
    GUARD.with(|guard| {
        let mut guard = guard.borrow_mut();
        guard.0 = if on { guard.0 + 1 } else { guard.0.saturating_sub(1) };
        if guard.0 == 0 {
            guard.1 = None;
        } else if guard.1.is_none() {
            if let Some(window) = web_sys::window() {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                guard.1 = Some(gloo::events::EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    options,
                    |e| {
                        e.prevent_default();
                        // (older browsers ask only when returnValue is set)
                        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                    },
                ));
            }
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = on;
}
