//! What the browser says about the reader (preferred languages) and the attributes of `<html>` that carry
//! the reader's choices (`lang`, `data-theme`).

/// The browser's preferred languages, most preferred first (`navigator.languages`, else
/// `navigator.language`); empty when there is no browser.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// An attribute of the document's root element (`<html>`), if set.
pub fn root_attr(name: &str) -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute(name)
}

/// Sets an attribute of `<html>`.
pub fn set_root_attr(name: &str, value: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute(name, value);
    }
}
