//! The NER model in the browser: the app does not carry it; the static site ships it as `model.js`
//! (`self.presseschauModel`, base64), loaded by a script element only when text needs it.

/// Calls `done` once the model can be used: at once when it is loaded (always natively), otherwise after
/// loading `model.js`. If the file cannot be loaded or read, `done` is called all the same: the names only
/// the model finds are then missing, nothing else.
pub fn ensure(done: impl FnOnce() + 'static) {
    if crate::core::analysis::ner::model::is_loaded() {
        done();
    } else {
        #[cfg(target_arch = "wasm32")]
        load(done);
    }
}

#[cfg(target_arch = "wasm32")]
fn load(done: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    let done: Rc<RefCell<Option<Box<dyn FnOnce()>>>> = Rc::new(RefCell::new(Some(Box::new(done))));
    let finish = {
        let done = done.clone();
        move || {
            if let Some(f) = done.borrow_mut().take() {
                f();
            }
        }
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        finish();
        return;
    };
    let Ok(script) = document.create_element("script") else {
        finish();
        return;
    };
    let onload = Closure::once(Box::new({
        let finish = finish.clone();
        move || {
            install_from_global();
            finish();
        }
    }) as Box<dyn FnOnce()>);
    let onerror = Closure::once(Box::new(finish.clone()) as Box<dyn FnOnce()>);
    let _ = script.set_attribute("src", "model.js");
    if let Some(s) = script.dyn_ref::<web_sys::HtmlElement>() {
        s.set_onload(Some(onload.as_ref().unchecked_ref()));
        s.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    }
    onload.forget();
    onerror.forget();
    match document.head() {
        Some(head) if head.append_child(&script).is_ok() => crate::platform::clock::mark("presseschau:model-requested"),
        _ => finish(),
    }
}

/// Reads `self.presseschauModel` (base64) and installs it.
#[cfg(target_arch = "wasm32")]
fn install_from_global() {
    use base64::Engine;
    let Some(window) = web_sys::window() else { return };
    let Some(b64) = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("presseschauModel"))
        .ok()
        .and_then(|v| v.as_string())
    else {
        return;
    };
    if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(b64.as_bytes()) {
        let _ = crate::core::analysis::ner::model::install(&bytes);
        crate::platform::clock::mark("presseschau:model-loaded");
    }
}
