//! Small DOM helpers: focus and scrolling.

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id (no-op if it does not exist).
pub fn focus(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Scrolls the window to the top (after a route change).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Scrolls the first element matching `selector` into the middle of the view and focuses it.
pub fn scroll_into_view(selector: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    let Some(el) = el else { return false };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    true
}

/// If `target` is inside an entity mark (`mark.entity[data-m]`), its mention index and where a card
/// should go (page coordinates: left edge, just below the mark).
pub fn entity_mark_at(target: Option<web_sys::EventTarget>) -> Option<(usize, (f64, f64))> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let mark = el.closest("mark.entity[data-m]").ok()??;
    let index = mark.get_attribute("data-m")?.parse().ok()?;
    let rect = mark.get_bounding_client_rect();
    let window = web_sys::window()?;
    let (sx, sy) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    let width = window.inner_width().ok()?.as_f64().unwrap_or(1000.0);
    let left = (rect.left() + sx).min(width + sx - 300.0).max(sx + 8.0);
    Some((index, (left, rect.bottom() + sy + 2.0)))
}
