//! Copying text (links) to the clipboard.

use wasm_bindgen_futures_shim::spawn;

/// Copies `text` to the clipboard; `done` is called with `true` on success, `false` if the browser refused
/// (no clipboard API, e.g. on file:// without a secure context).
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    spawn(promise, done);
}

mod wasm_bindgen_futures_shim {
    use wasm_bindgen::prelude::*;

    /// Resolves a promise and reports success.
    pub(super) fn spawn(promise: js_sys::Promise, done: impl FnOnce(bool) + 'static) {
        let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
        let ok = {
            let done = done.clone();
            Closure::once(move |_: JsValue| {
                if let Some(f) = done.borrow_mut().take() {
                    f(true);
                }
            })
        };
        let err = Closure::once(move |_: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(false);
            }
        });
        let _ = promise.then2(&ok, &err);
        ok.forget();
        err.forget();
    }
}
