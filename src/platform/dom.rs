//! Small DOM helpers: focus, scrolling, and running work after a paint.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

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

/// Runs `f` once the browser has painted the next frame: a zero timeout started from an animation-frame
/// callback (the callback runs just before the paint, the timeout after it). Slow work that can wait
/// (the NER model at start-up) then does not hold back the first page. Runs `f` at once where animation
/// frames are not available.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    type Slot = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;
    let slot: Slot = Rc::new(RefCell::new(Some(Box::new(f))));
    let run_now = |slot: &Slot| {
        let f = slot.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    let Some(window) = web_sys::window() else {
        run_now(&slot);
        return;
    };
    let later = slot.clone();
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, move || run_now(&later)).forget();
    });
    if window.request_animation_frame(frame.unchecked_ref()).is_err() {
        run_now(&slot);
    }
}

/// Where the app renders: a hidden `<div id="app-live">` after the prerendered `<div id="app">` (created
/// here), so the prerendered text stays on screen until the app's first render is complete.
pub fn app_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let live = document.create_element("div").ok()?;
    live.set_id("app-live");
    live.set_attribute("hidden", "").ok()?;
    body.append_child(&live).ok()?;
    Some(live)
}

/// Swaps the app's first render in for the prerendered page, in one task (no frame shows both or
/// neither; the two have the same layout, so nothing moves), and marks `<html data-app="ready">`.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(live) = document.get_element_by_id("app-live") else {
        return;
    };
    if let Some(prerendered) = document.get_element_by_id("app") {
        prerendered.remove();
    }
    let _ = live.remove_attribute("hidden");
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// Keyboard shortcuts of every page: `f(key)` for each key pressed outside a text field (without Ctrl,
/// Alt or Meta); when it returns `true` the key's default action is prevented.
pub fn on_shortcut(f: impl Fn(&str) -> bool + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        gloo::events::EventListener::new_with_options(&document, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() {
                return;
            }
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    el.closest("input, textarea, select, [contenteditable]")
                        .ok()
                        .flatten()
                        .is_some()
                });
            if !typing && f(&e.key()) {
                e.prevent_default();
            }
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = f;
}
