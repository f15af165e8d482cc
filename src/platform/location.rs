//! The page's own address.

/// The current page URL (with the fragment), or `None` outside a browser.
pub fn href() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()?.location().href().ok();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The folder of the current page (up to and with the last `/`), to build the address of another page.
pub fn base() -> Option<String> {
    let href = href()?;
    let page = href.split(['#', '?']).next().unwrap_or(&href);
    Some(page[..page.rfind('/').map_or(0, |i| i + 1)].to_string())
}

/// The folder a link to share starts with: from a downloaded folder the site's public address when the build
/// named one ([`public_base`]), else this page's folder ([`base`]).
pub fn share_base() -> Option<String> {
    is_file().then(public_base).flatten().or_else(base)
}

/// The folder of the site's public address, when the build was given one (`<link rel="canonical">`, up to and
/// with the last `/`): what a link copied from a downloaded folder should point to.
pub fn public_base() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let link = web_sys::window()?
            .document()?
            .query_selector("link[rel=canonical]")
            .ok()??
            .get_attribute("href")?;
        let page = link.split(['#', '?']).next().unwrap_or(&link);
        return Some(page[..page.rfind('/').map_or(0, |i| i + 1)].to_string());
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The fragment without `#` (`q=…` or `n=…` of a passage or notes link); empty outside a browser.
pub fn fragment() -> String {
    params(&raw_fragment())
}

/// The whole fragment without `#`, a `view.html` route included (`/a/<id>?q=…`); empty outside a browser.
pub fn raw_fragment() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) {
        return hash.trim_start_matches('#').to_string();
    }
    String::new()
}

/// The parameters of a fragment: all of it, or after the `?` of a `view.html` route (`/a/<id>?q=…`).
fn params(fragment: &str) -> String {
    if fragment.starts_with('/') {
        return fragment.split_once('?').map(|(_, q)| q.to_string()).unwrap_or_default();
    }
    fragment.to_string()
}

/// Whether the page was opened from disk (`file:`), where a copied address works only on this machine.
pub fn is_file() -> bool {
    href().is_some_and(|h| h.starts_with("file:"))
}

/// Calls `f` with the new fragment whenever it changes (a passage link clicked on the same page).
pub fn on_fragment_change(f: impl Fn(String) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::*;
        let Some(window) = web_sys::window() else { return };
        let cb = Closure::<dyn Fn()>::new(move || f(fragment()));
        let _ = window.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
        cb.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = f;
}

/// The page's route as the prerender wrote it (`<html data-route="/a/…">`), if any.
pub fn page_route() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("data-route");
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Opens an address relative to the current page (a page of the site, or a fragment of this one).
pub fn go(href: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// After a fragment change on a page whose fragment is the page (`view.html`, a one-file collection): a new
/// history entry (a link was followed) starts at the top, like a new page; back and forward keep the
/// position the browser restores. An entry is told apart by its state: a new one has none, and gets one here.
pub fn top_of_new_entry() {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        if history
            .state()
            .map(|s| s.is_null() || s.is_undefined())
            .unwrap_or(false)
        {
            let _ = history.replace_state(&wasm_bindgen::JsValue::from_str("seen"), "");
            let query = fragment();
            // (a passage in the address scrolls to itself)
            if !query.contains("?q=") {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
}

/// Puts `fragment` (without `#`; empty: none) into the address without a new history entry or a
/// `hashchange`: state the page shows (the library's filter) that Back, a reload and a copied link keep.
pub fn replace_fragment(fragment: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let href = window.location().href().unwrap_or_default();
        let page = href.split('#').next().unwrap_or(&href);
        let url = if fragment.is_empty() {
            page.to_string()
        } else {
            format!("{page}#{fragment}")
        };
        if url != href {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = fragment;
}

/// Loads the page again.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
