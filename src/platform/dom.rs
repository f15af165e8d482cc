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
/// neither; the two have the same layout, so nothing moves), and marks `<html data-app="ready">`. What the
/// reader had focused in the prerendered page keeps the focus: the same element of the app's render (a name
/// whose card card.js had open, when the focus was in that card). Returns whether it did.
pub fn take_over() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(live) = document.get_element_by_id("app-live") else {
        return false;
    };
    let (mut focus, mut typed) = (None, Vec::new());
    if let Some(prerendered) = document.get_element_by_id("app") {
        focus = document.active_element().and_then(|a| same_in(&prerendered, &a, &live));
        typed = typed_text(&prerendered, &live);
        prerendered.remove();
    }
    let _ = live.remove_attribute("hidden");
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
    for (field, value) in typed {
        // as if typed here: the app's input handler takes it into its state
        field.set_value(&value);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = field.dispatch_event(&event);
        }
    }
    focus.is_some_and(|el| el.focus().is_ok())
}

/// What the reader typed into the prerendered page's text fields before the app came (the search box):
/// each field of the app's render with the text, so nothing typed is lost at the swap.
fn typed_text(prerendered: &web_sys::Element, live: &web_sys::Element) -> Vec<(web_sys::HtmlInputElement, String)> {
    let Ok(list) = prerendered.query_selector_all("input[type=search], input[type=text], input:not([type])") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|f| f.value() != f.default_value())
        .filter_map(|f| {
            let same = same_in(prerendered, &f, live)?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()?;
            Some((same, f.value()))
        })
        .collect()
}

/// The element of `live` (the app's render) that is `el` of `prerendered` (the same markup): found by its
/// place among its parents' children; for the focus in card.js's card, the name the card is for.
fn same_in(
    prerendered: &web_sys::Element,
    el: &web_sys::Element,
    live: &web_sys::Element,
) -> Option<web_sys::HtmlElement> {
    if !prerendered.contains(Some(el)) || prerendered.is_same_node(Some(el)) {
        return None;
    }
    if let Some(card) = el.closest("[data-preview-for]").ok().flatten() {
        let m = card.get_attribute("data-preview-for")?;
        let name = live.query_selector(&format!("mark.entity[data-m=\"{m}\"]")).ok()??;
        return name.dyn_into().ok();
    }
    let mut path = Vec::new();
    let mut at = el.clone();
    while !at.is_same_node(Some(prerendered)) {
        let parent = at.parent_element()?;
        let children = parent.children();
        path.push((0..children.length()).position(|i| children.item(i).is_some_and(|c| c.is_same_node(Some(&at))))?);
        at = parent;
    }
    let mut found = live.clone();
    for i in path.into_iter().rev() {
        found = found.children().item(u32::try_from(i).ok()?)?;
    }
    (found.tag_name() == el.tag_name()).then_some(found)?.dyn_into().ok()
}

/// On arrival at a page by a link (not by back/forward or a reload, where the browser restores the scroll
/// position, and not with a `#…` passage or query, which the page itself scrolls to), focus moves to the
/// page's main heading, so a screen reader starts there and Tab continues in the page's content; the page
/// stays at its top.
pub fn focus_heading_on_arrival() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.location().hash().unwrap_or_default().is_empty() || navigation_type(&window) != "navigate" {
        return;
    }
    let heading = window
        .document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        // without scrolling: at 400 % zoom the heading is below the header, which would start out of view
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h.focus_with_options(&options);
    }
}

/// How this document was reached: `navigate`, `reload` or `back_forward` (Navigation Timing); `navigate` when
/// the browser does not say.
fn navigation_type(window: &web_sys::Window) -> String {
    use wasm_bindgen::JsValue;
    let entry = window
        .performance()
        .map(|p| p.get_entries_by_type("navigation"))
        .and_then(|list| list.get(0).dyn_into::<js_sys::Object>().ok());
    entry
        .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("type")).ok())
        .and_then(|t| t.as_string())
        .unwrap_or_else(|| "navigate".to_string())
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
            // Keys a part of the page handled already (arrows between names, Escape on the card) are theirs.
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() || e.default_prevented() {
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

/// Keeps the entity card inside the window: when it would reach below the bottom it goes above the name
/// (mention `index`); taller than the window, it is capped and scrolls. On a
/// phone the stylesheet shows it as a bottom sheet and this does nothing.
pub fn fit_card(index: usize) {
    let Some(window) = web_sys::window() else { return };
    let Some(mark_top) = window
        .document()
        .and_then(|d| {
            d.query_selector(&format!("mark.entity[data-m=\"{index}\"]"))
                .ok()
                .flatten()
        })
        .map(|m| m.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0))
    else {
        return;
    };
    let Some(card) = window
        .document()
        .and_then(|d| d.get_element_by_id("entity-card"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if window
        .match_media("(max-width: 600px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
    {
        return;
    }
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let scroll = window.scroll_y().unwrap_or(0.0);
    let style = card.style();
    let rect = card.get_bounding_client_rect();
    if rect.bottom() <= height - 8.0 {
        return;
    }
    // Room in the window below and above the name (the card's top is just below the name).
    let below = height - rect.top() - 8.0;
    let above = mark_top - scroll - 4.0 - 8.0;
    if rect.height() <= above {
        let _ = style.set_property("top", &format!("{:.0}px", mark_top - rect.height() - 4.0));
    } else if above > below {
        let _ = style.set_property("max-height", &format!("{above:.0}px"));
        let _ = style.set_property("overflow", "auto");
        let _ = style.set_property("top", &format!("{:.0}px", mark_top - above - 4.0));
    } else {
        let _ = style.set_property("max-height", &format!("{:.0}px", below.max(120.0)));
        let _ = style.set_property("overflow", "auto");
    }
}

/// Whether the pointer is over the entity card or a name (after it left one of them).
pub fn pointer_on_card_or_name() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("#entity-card:hover, mark.entity[data-m]:hover")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Whether an event target is inside the entity card or a name.
pub fn in_card_or_name(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("#entity-card, mark.entity[data-m]").ok().flatten())
        .is_some()
}

/// Focuses the name with mention index `index` (focus returns to it when its card closes).
pub fn focus_name(index: usize) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("mark.entity[data-m=\"{index}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Moves focus from `from` (a name, or the text itself) to the next (`step` 1) or previous (-1) name of
/// the article text, or the first / last (`step` 0 with `last`); returns whether focus moved. One tab stop
/// for the text, arrow keys between names (roving focus).
pub fn move_among_names(from: Option<web_sys::EventTarget>, step: i32, last: bool) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(list) = document.query_selector_all(".article-body mark.entity[data-m]") else {
        return false;
    };
    let names: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    if names.is_empty() {
        return false;
    }
    let current = from
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("mark.entity[data-m]").ok().flatten())
        .and_then(|m| names.iter().position(|n| n.is_same_node(Some(&m))));
    let next = match (step, current) {
        (0, _) if last => names.len() - 1,
        (0, _) => 0,
        (s, Some(i)) if s > 0 => (i + 1).min(names.len() - 1),
        (_, Some(i)) => i.saturating_sub(1),
        (s, None) if s > 0 => 0,
        (_, None) => names.len() - 1,
    };
    let _ = names[next].focus();
    true
}

/// Runs `f` after `ms` milliseconds (at once natively).
pub fn after(ms: u32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(ms, f).forget();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
        f();
    }
}

/// Calls `f` for every click, tap or focus outside the entity card and the names, until the returned
/// handles are dropped.
pub fn on_outside(f: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let f = Rc::new(f);
    ["click", "focusin"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            gloo::events::EventListener::new(&document, event, move |e| {
                if !in_card_or_name(e.target()) {
                    f();
                }
            })
        })
        .collect()
}

/// Whether keyboard focus is on the entity card or a name.
pub fn focus_on_card_or_name() -> bool {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    active.is_some_and(|el| el.closest("#entity-card, mark.entity[data-m]").ok().flatten().is_some())
}

/// Clicks the first element matching `selector` (a link such as the next article); whether there was one.
pub fn click(selector: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    el.map(|e| e.click()).is_some()
}

/// Focuses and scrolls to the first element matching `selector` that starts below the top of the window
/// (the next of the reader's passages), else the first one; whether there was one.
pub fn focus_next(selector: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(list) = document.query_selector_all(selector) else {
        return false;
    };
    let all: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let active = document.active_element();
    let after_active = active
        .as_ref()
        .and_then(|a| all.iter().position(|e| e.is_same_node(Some(a))))
        .map(|i| i + 1);
    let next = match after_active {
        Some(i) => all.get(i).or(all.first()),
        None => all
            .iter()
            .find(|e| e.get_bounding_client_rect().top() > 1.0)
            .or(all.first()),
    };
    let Some(el) = next else { return false };
    let _ = el.focus();
    el.scroll_into_view_with_bool(false);
    true
}

/// Calls `f` when the selection changes (touch selection handles fire no mouseup), at most every `ms`.
pub fn on_selection_change(ms: u32, f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let document = web_sys::window()?.document()?;
    let generation = Rc::new(std::cell::Cell::new(0u32));
    let f = Rc::new(f);
    Some(gloo::events::EventListener::new(
        &document,
        "selectionchange",
        move |_| {
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            let (generation, f) = (generation.clone(), f.clone());
            after(ms, move || {
                if generation.get() == mine {
                    f();
                }
            });
        },
    ))
}
