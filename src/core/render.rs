//! View models for the UI: Markdown + highlight spans → a small node tree.
//!
//! [`block_nodes`] walks the pulldown-cmark events of one block (the same events that define the block's
//! plain text, see [`crate::core::corpus::markdown`]) and splits every text event where a highlight starts
//! or ends. Each piece of text carries the indices of the highlights covering it, so the UI can wrap it in
//! `<mark>`s without knowing anything about offsets. Raw HTML comes out as text.

use pulldown_cmark::{Event, Tag};

use crate::core::corpus::markdown::{event_text, parse};

/// A half-open span of code points in an article's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CpSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A node of rendered Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element with a tag, attributes and children.
    Element {
        /// Tag name (`p`, `em`, `strong`, `a`, `code`, `del`, `ul`, `li`, …).
        tag: &'static str,
        /// Attributes (only `href` on links, only safe schemes).
        attrs: Vec<(&'static str, String)>,
        /// Children.
        children: Vec<Node>,
    },
    /// Text, covered by the highlights with these indices (innermost last).
    Text {
        /// The text.
        text: String,
        /// Indices into the highlight slice given to [`block_nodes`].
        marks: Vec<usize>,
        /// Code point offset of this text in the article.
        start: usize,
    },
}

/// An open element while walking events: tag, attributes, children so far.
type Frame = (&'static str, Vec<(&'static str, String)>, Vec<Node>);

/// Renders one block's Markdown into nodes. `block_start` is the block's offset in the article text;
/// `highlights` are spans in article offsets (any order, may overlap).
pub fn block_nodes(markdown: &str, block_start: usize, highlights: &[CpSpan]) -> Vec<Node> {
    let mut stack: Vec<Frame> = vec![("root", vec![], vec![])];
    let mut pos = block_start;
    let mut first_block = true;
    for event in parse(markdown) {
        match &event {
            Event::Start(tag) => {
                let (name, attrs) = tag_of(tag);
                if matches!(
                    tag,
                    Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::CodeBlock(_)
                ) {
                    if !first_block {
                        pos += 2; // blocks inside one Markdown block are joined by "\n\n" in the plain text
                    }
                    first_block = false;
                }
                stack.push((name, attrs, Vec::new()));
            }
            Event::End(_) => {
                if stack.len() > 1 {
                    let (tag, attrs, children) = stack.pop().unwrap_or(("span", vec![], vec![]));
                    if let Some(parent) = stack.last_mut() {
                        parent.2.push(Node::Element { tag, attrs, children });
                    }
                }
            }
            _ => {
                if let Some(text) = event_text(&event) {
                    let pieces = split_text(text, pos, highlights);
                    pos += text.chars().count();
                    if let Some(top) = stack.last_mut() {
                        top.2.extend(pieces);
                    }
                }
            }
        }
    }
    while stack.len() > 1 {
        let (tag, attrs, children) = stack.pop().unwrap_or(("span", vec![], vec![]));
        if let Some(parent) = stack.last_mut() {
            parent.2.push(Node::Element { tag, attrs, children });
        }
    }
    let root = stack.pop().map(|s| s.2).unwrap_or_default();
    // A single paragraph is unwrapped: the caller decides the block element (p, h2, blockquote, figcaption).
    match root.as_slice() {
        [Node::Element { tag: "p", children, .. }] => children.clone(),
        _ => root,
    }
}

fn tag_of(tag: &Tag<'_>) -> (&'static str, Vec<(&'static str, String)>) {
    match tag {
        Tag::Paragraph => ("p", vec![]),
        Tag::Heading { .. } => ("h3", vec![]),
        Tag::BlockQuote(_) => ("blockquote", vec![]),
        Tag::CodeBlock(_) => ("pre", vec![]),
        Tag::List(Some(_)) => ("ol", vec![]),
        Tag::List(None) => ("ul", vec![]),
        Tag::Item => ("li", vec![]),
        Tag::Emphasis => ("em", vec![]),
        Tag::Strong => ("strong", vec![]),
        Tag::Strikethrough => ("del", vec![]),
        // a link it drops is its text: an `<a>` without an address looked like a link and did nothing
        Tag::Link { dest_url, .. } => match safe_href(dest_url) {
            Some(h) => ("a", vec![("href", h)]),
            None => ("span", vec![]),
        },
        // an image is not loaded (nothing leaves the page; the CSP allows no image from elsewhere): it is its
        // description, marked as an image (the stylesheet says "Bild:"), and a link to it where that is safe
        Tag::Image { dest_url, .. } => match safe_href(dest_url) {
            Some(h) => ("a", vec![("href", h), ("class", "md-image".to_string())]),
            None => ("span", vec![("class", "md-image".to_string())]),
        },
        Tag::Table(_) => ("table", vec![]),
        Tag::TableHead => ("thead", vec![]),
        Tag::TableRow => ("tr", vec![]),
        Tag::TableCell => ("td", vec![]),
        _ => ("span", vec![]),
    }
}

/// Only links to http(s), mailto and in-page anchors are kept; `javascript:` and the like are dropped.
pub fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    (lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#'))
    .then(|| url.trim().to_string())
}

fn split_text(text: &str, start: usize, highlights: &[CpSpan]) -> Vec<Node> {
    let len = text.chars().count();
    let end = start + len;
    let mut cuts = vec![start, end];
    for h in highlights {
        for p in [h.start, h.end] {
            if p > start && p < end {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let piece = crate::core::text::slice_cp(text, a - start, b - start).to_string();
        let mut marks: Vec<usize> = highlights
            .iter()
            .enumerate()
            .filter(|(_, h)| h.start <= a && h.end >= b && h.start < h.end)
            .map(|(i, _)| i)
            .collect();
        // Outer (longer) highlights first.
        marks.sort_by_key(|&i| std::cmp::Reverse(highlights[i].end - highlights[i].start));
        out.push(Node::Text {
            text: piece,
            marks,
            start: a,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(nodes: &[Node]) -> Vec<(String, Vec<usize>)> {
        let mut out = Vec::new();
        for n in nodes {
            match n {
                Node::Text { text, marks, .. } => out.push((text.clone(), marks.clone())),
                Node::Element { children, .. } => out.extend(texts(children)),
            }
        }
        out
    }

    #[test]
    fn splits_text_at_highlights_with_umlauts() {
        let md = "Die Türkei und **Russland** streiten.";
        // "Türkei" = cp 4..10 ; "Russland" = 15..23 (plain text: "Die Türkei und Russland streiten.")
        let nodes = block_nodes(
            md,
            100,
            &[CpSpan { start: 104, end: 110 }, CpSpan { start: 115, end: 123 }],
        );
        let t = texts(&nodes);
        assert_eq!(t[0], ("Die ".to_string(), vec![]));
        assert_eq!(t[1], ("Türkei".to_string(), vec![0]));
        assert_eq!(t[3], ("Russland".to_string(), vec![1]));
        assert!(matches!(&nodes[3], Node::Element { tag: "strong", .. }));
    }

    #[test]
    fn raw_html_is_text_and_bad_links_are_their_text() {
        let nodes = block_nodes("<script>alert(1)</script>", 0, &[]);
        let t = texts(&nodes);
        assert!(t.iter().any(|(s, _)| s.contains("<script>")));
        let nodes = block_nodes("Ein [x](javascript:alert(1)) und [y](https://example.org)", 0, &[]);
        let links: Vec<_> = nodes
            .iter()
            .filter(|n| matches!(n, Node::Element { tag: "a", .. }))
            .collect();
        assert_eq!(links.len(), 1, "only the safe link is one");
        assert!(
            matches!(links[0], Node::Element { attrs, .. } if attrs == &[("href", "https://example.org".to_string())])
        );
        assert!(
            texts(&nodes).iter().any(|(s, _)| s == "x"),
            "the dropped link's text stays"
        );
    }

    #[test]
    fn an_image_is_its_description_marked_and_linked_never_loaded() {
        let nodes = block_nodes("Vorher ![Karte der Ukraine](https://example.org/k.png) nachher", 0, &[]);
        let image = nodes.iter().find(|n| matches!(n, Node::Element { .. }));
        assert!(matches!(image, Some(Node::Element { tag: "a", attrs, .. })
            if attrs.contains(&("href", "https://example.org/k.png".to_string()))
                && attrs.contains(&("class", "md-image".to_string()))));
        assert!(
            texts(&nodes).iter().any(|(s, _)| s == "Karte der Ukraine"),
            "its description stays"
        );
        let nodes = block_nodes("![x](javascript:alert(1))", 0, &[]);
        assert!(matches!(&nodes[..], [Node::Element { tag: "span", .. }]), "{nodes:?}");
    }

    #[test]
    fn overlapping_highlights_nest() {
        let nodes = block_nodes("abcdef", 0, &[CpSpan { start: 0, end: 4 }, CpSpan { start: 2, end: 6 }]);
        let t = texts(&nodes);
        assert_eq!(
            t,
            vec![
                ("ab".into(), vec![0]),
                ("cd".into(), vec![0, 1]),
                ("ef".into(), vec![1])
            ]
        );
    }
}
