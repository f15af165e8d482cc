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
