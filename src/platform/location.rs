//! The page's own address.

/// The current page URL (with the hash), or `None` outside a browser.
pub fn href() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// The page URL without the hash, to build links to other routes.
pub fn base() -> Option<String> {
    let href = href()?;
    Some(href.split('#').next().unwrap_or(&href).to_string())
}

/// If the hash is not a route (`#/…`), replace it (without a history entry) by `#/404`. An empty hash is left
/// alone (the router starts at `#/`).
pub fn normalize_hash() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let Ok(hash) = location.hash() else { return };
    if hash.is_empty() || hash == "#" || hash.starts_with("#/") {
        return;
    }
    if let Ok(history) = window.history() {
        let base = base().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{base}#/404")));
    }
}

/// Calls [`normalize_hash`] on every `hashchange` and `popstate`, before other listeners.
pub fn keep_hash_normalized() {
    use wasm_bindgen::prelude::*;
    let Some(window) = web_sys::window() else { return };
    for event in ["hashchange", "popstate"] {
        let cb = Closure::<dyn Fn()>::new(normalize_hash);
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget();
    }
}
