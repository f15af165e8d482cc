//! Loads one of the site's own classic scripts on demand (`model.js`, `search-<n>.js`): a script element,
//! because scripts load from disk (file://) where fetch does not. The Trusted Types policy lets only the
//! folder's own `*.js` names (and those in its `data/` folder) through.

/// Appends `<script src=file>` and calls `done(true)` when it has run, `done(false)` when it could not be
/// loaded (natively: at once with `false`).
pub fn load(file: &str, done: impl FnOnce(bool) + 'static) {
    #[cfg(target_arch = "wasm32")]
    load_in_browser(file, done);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = file;
        done(false);
    }
}

#[cfg(target_arch = "wasm32")]
fn load_in_browser(file: &str, done: impl FnOnce(bool) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    let done: Rc<RefCell<Option<Box<dyn FnOnce(bool)>>>> = Rc::new(RefCell::new(Some(Box::new(done))));
    let finish = move |ok: bool| {
        if let Some(f) = done.borrow_mut().take() {
            f(ok);
        }
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return finish(false);
    };
    let Ok(script) = document.create_element("script") else {
        return finish(false);
    };
    let onload = Closure::once(Box::new({
        let finish = finish.clone();
        move || finish(true)
    }) as Box<dyn FnOnce()>);
    let onerror = Closure::once(Box::new({
        let finish = finish.clone();
        move || finish(false)
    }) as Box<dyn FnOnce()>);
    // (the Trusted Types policy refuses any other address: then nothing loads, and the caller hears so)
    if script.set_attribute("src", file).is_err() {
        return finish(false);
    }
    if let Some(s) = script.dyn_ref::<web_sys::HtmlElement>() {
        s.set_onload(Some(onload.as_ref().unchecked_ref()));
        s.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    }
    onload.forget();
    onerror.forget();
    if document.head().is_none_or(|head| head.append_child(&script).is_err()) {
        finish(false);
    }
}

/// A string a loaded script put into a global object: `self[object][key]`.
pub fn global_string(object: &str, key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let window = web_sys::window()?;
        let obj = js_sys::Reflect::get(&window, &JsValue::from_str(object)).ok()?;
        if obj.is_undefined() {
            return None;
        }
        js_sys::Reflect::get(&obj, &JsValue::from_str(key)).ok()?.as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (object, key);
        None
    }
}

/// A string a loaded script put into a global variable: `self[name]`.
pub fn global_value(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str(name))
            .ok()?
            .as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// The source of a function the page keeps as a global (`self.<name>`, e.g. the full app's starting
/// function), through `Function.prototype.toString`: the one way to read a loaded script's text from disk,
/// where `fetch` is blocked.
pub fn global_function_source(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let f = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str(name)).ok()?;
        let f: js_sys::Function = f.dyn_into().ok()?;
        return Some(String::from(f.to_string()));
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}
