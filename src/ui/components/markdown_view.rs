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
    /// What the mark is, for screen readers (e.g. "Person"): an accessible description
    /// (`aria-describedby`) pointing at one hidden element per distinct text that [`Descriptions`] renders
    /// once per page — never text inside the mark, so it is not read 77 times as part of the sentence, not
    /// copied with the text and not found by Ctrl+F.
    pub description: Option<AttrValue>,
}

impl MarkStyle {
    /// The id of the hidden element holding this mark's description.
    pub fn description_id(&self) -> Option<String> {
        self.description.as_ref().map(|d| description_id(d))
    }
}

/// The element id of a description text: `desc-` and a short hash of the text (stable across renders).
pub fn description_id(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("desc-{:x}", h & 0xff_ffff_ffff)
}

/// Props of [`Descriptions`].
#[derive(Properties, PartialEq)]
pub struct DescriptionsProps {
    /// The marks of the page.
    pub marks: std::rc::Rc<Vec<MarkStyle>>,
}

/// The hidden description elements of a page's marks, one per distinct description.
#[component]
pub fn Descriptions(props: &DescriptionsProps) -> Html {
    let mut seen: Vec<AttrValue> = Vec::new();
    for m in props.marks.iter() {
        if let Some(d) = &m.description
            && !seen.contains(d)
        {
            seen.push(d.clone());
        }
    }
    html! {
        <div class="mark-descriptions" hidden=true>
            for d in seen { <span id={description_id(&d)}>{ d.clone() }</span> }
        </div>
    }
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
    if let Some(id) = style.description_id() {
        el.add_attribute("aria-describedby", id);
    }
    el.add_children(children);
    el.into()
}
