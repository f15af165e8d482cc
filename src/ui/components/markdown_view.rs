//! Renders the core's Markdown view model ([`crate::core::render::Node`]) as Yew nodes. No HTML string is
//! ever injected: every node is built as a `VTag` or text.

use yew::prelude::*;
use yew::virtual_dom::{VNode, VTag, VText};

use crate::core::render::Node;

/// How a highlight is shown: the attributes of its `<mark>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarkStyle {
    /// `class` attribute.
    pub class: AttrValue,
    /// Other attributes (`data-*`, `title`, `tabindex`, …).
    pub attrs: Vec<(&'static str, AttrValue)>,
    /// Screen-reader text appended once at the end of the mark (e.g. "Person").
    pub sr_label: Option<AttrValue>,
}

/// Props of [`MarkdownView`].
#[derive(Properties, PartialEq)]
pub struct MarkdownViewProps {
    /// The nodes to show.
    pub nodes: std::rc::Rc<Vec<Node>>,
    /// One style per highlight index used in the nodes.
    #[prop_or_default]
    pub marks: std::rc::Rc<Vec<MarkStyle>>,
}

/// Shows rendered Markdown with highlights as `<mark>` elements.
#[component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let children: Vec<VNode> = merge_marks(&props.nodes, &props.marks);
    VNode::from_iter(children)
}

/// Converts nodes; adjacent text pieces that share the same outermost mark become one `<mark>`, so a
/// mention is one element (and one screen-reader announcement), not one per piece.
fn merge_marks(nodes: &[Node], styles: &[MarkStyle]) -> Vec<VNode> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        match &nodes[i] {
            Node::Element { tag, attrs, children } => {
                let mut el = VTag::new(*tag);
                for (k, v) in attrs {
                    el.add_attribute(k, v.clone());
                }
                if *tag == "a" {
                    el.add_attribute("rel", "noopener noreferrer");
                    el.add_attribute("target", "_blank");
                }
                el.add_children(merge_marks(children, styles));
                out.push(el.into());
                i += 1;
            }
            Node::Text { text, marks, .. } => {
                if let Some(&outer) = marks.first() {
                    // Collect the run of text pieces under the same outer mark.
                    let mut inner: Vec<Node> = Vec::new();
                    let mut j = i;
                    while let Some(Node::Text { text, marks, start }) = nodes.get(j) {
                        if marks.first() != Some(&outer) {
                            break;
                        }
                        inner.push(Node::Text {
                            text: text.clone(),
                            marks: marks[1..].to_vec(),
                            start: *start,
                        });
                        j += 1;
                    }
                    out.push(mark_node(outer, merge_marks(&inner, styles), styles));
                    i = j;
                } else {
                    out.push(VText::new(text.clone()).into());
                    i += 1;
                }
            }
        }
    }
    out
}

fn mark_node(index: usize, children: Vec<VNode>, styles: &[MarkStyle]) -> VNode {
    let style = styles.get(index).cloned().unwrap_or_default();
    let mut el = VTag::new("mark");
    if !style.class.is_empty() {
        el.add_attribute("class", style.class.clone());
    }
    for (k, v) in &style.attrs {
        el.add_attribute(k, v.clone());
    }
    el.add_children(children);
    if let Some(label) = style.sr_label {
        let mut sr = VTag::new("span");
        sr.add_attribute("class", "sr-only");
        sr.add_child(VText::new(format!(" ({label})")).into());
        el.add_child(sr.into());
    }
    el.into()
}
