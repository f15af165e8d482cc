//! The reader's text selection, as offsets into an article's clean text.
//!
//! Every rendered block carries `data-block-start` (its code point offset in the article) and
//! `data-block-len`. Offsets are counted over the block's text nodes in document order, skipping
//! screen-reader-only labels (`.sr-only`) and decorations (`[data-decor]`), which are not article text.
//! The browser counts in UTF-16 units; the caller converts with `core::annotations::anchor::cp_from_utf16`.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// A selection inside one article: for each end, the block's start offset and the UTF-16 offset inside
/// that block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawSelection {
    /// Start: (block start in code points, UTF-16 offset inside the block).
    pub start: (usize, usize),
    /// End: (block start in code points, UTF-16 offset inside the block).
    pub end: (usize, usize),
}

fn block_of(node: &Node) -> Option<Element> {
    let el = if node.node_type() == Node::ELEMENT_NODE {
        node.clone().dyn_into::<Element>().ok()
    } else {
        node.parent_element()
    };
    el?.closest("[data-block-start]").ok().flatten()
}

fn skipped(node: &Node) -> bool {
    node.parent_element()
        .and_then(|p| p.closest(".sr-only, [data-decor]").ok().flatten())
        .is_some()
}

/// UTF-16 offset of (`node`, `offset`) inside `block`'s article text.
fn offset_in_block(block: &Element, node: &Node, offset: u32) -> Option<usize> {
    let mut total = 0usize;
    let mut stack: Vec<Node> = vec![block.clone().into()];
    // Depth-first walk in document order.
    let mut order: Vec<Node> = Vec::new();
    while let Some(n) = stack.pop() {
        order.push(n.clone());
        let children = n.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(c) = children.item(i) {
                stack.push(c);
            }
        }
    }
    for n in order {
        if n.is_same_node(Some(node)) {
            if n.node_type() == Node::TEXT_NODE {
                return Some(if skipped(&n) { total } else { total + offset as usize });
            }
            // An element boundary: count the text of the first `offset` children.
            let children = n.child_nodes();
            for i in 0..offset.min(children.length()) {
                if let Some(c) = children.item(i) {
                    total += text_len(&c);
                }
            }
            return Some(total);
        }
        if n.node_type() == Node::TEXT_NODE && !skipped(&n) {
            total += n.text_content().map_or(0, |t| t.encode_utf16().count());
        }
    }
    None
}

fn text_len(node: &Node) -> usize {
    if node.node_type() == Node::TEXT_NODE {
        return if skipped(node) {
            0
        } else {
            node.text_content().map_or(0, |t| t.encode_utf16().count())
        };
    }
    if let Some(el) = node.dyn_ref::<Element>()
        && el.matches(".sr-only, [data-decor]").unwrap_or(false)
    {
        return 0;
    }
    let children = node.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|c| text_len(&c))
        .sum()
}

/// The current selection, if it is non-empty and both ends are inside article blocks.
pub fn current() -> Option<RawSelection> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let (sn, so) = (range.start_container().ok()?, range.start_offset().ok()?);
    let (en, eo) = (range.end_container().ok()?, range.end_offset().ok()?);
    let (sb, eb) = (block_of(&sn)?, block_of(&en)?);
    let start_block: usize = sb.get_attribute("data-block-start")?.parse().ok()?;
    let end_block: usize = eb.get_attribute("data-block-start")?.parse().ok()?;
    Some(RawSelection {
        start: (start_block, offset_in_block(&sb, &sn, so)?),
        end: (end_block, offset_in_block(&eb, &en, eo)?),
    })
}

/// Whether the browser shows a caret or a selection of its own (caret browsing, F7): then the keyboard
/// selects natively and the app leaves Shift+arrows alone.
pub fn caret_active() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| s.type_() == "Caret" || !s.is_collapsed())
}

/// Clears the selection.
pub fn clear() {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
    }
}
