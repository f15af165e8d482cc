//! Which highlights an article shows: entity mentions (of the visible kinds), the reader's annotations
//! (re-anchored to the current text), a linked passage, and shared notes. The UI turns each
//! [`Highlight`] into a `<mark>`; the spans go to [`crate::core::render::block_nodes`].

use crate::core::analysis::mention::{EntityKind, Mention};
use crate::core::annotations::anchor::{Anchoring, TextIndex};
use crate::core::annotations::{Annotation, Color};
use crate::core::render::CpSpan;

/// One highlight: where it sits and what it marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Where (article code points).
    pub span: CpSpan,
    /// What.
    pub mark: Mark,
}

/// What a highlight marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// An entity mention, from the knowledge base, the rules or the model (index into the article's
    /// mentions).
    Entity(usize),
    /// One of the reader's annotations.
    Annotation {
        /// Annotation id.
        id: String,
        /// Its colour.
        color: Color,
        /// Whether it has a note.
        has_note: bool,
    },
    /// The passage a `?q=` link points to.
    Passage,
    /// A note that came with a `?n=` link (index into the shared notes).
    Shared {
        /// Index into the shared notes.
        index: usize,
        /// Its colour.
        color: Color,
    },
}

/// An annotation and where it sits in the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedAnnotation {
    /// The annotation.
    pub annotation: Annotation,
    /// Where it sits now (`None`: orphaned — the quote is no longer in the text).
    pub span: Option<CpSpan>,
}

/// Places the article's annotations on its current text (position first, quote next, fuzzy last), in text
/// order; orphaned ones last.
pub fn place_annotations(text: &str, annotations: &[&Annotation]) -> Vec<PlacedAnnotation> {
    let index = TextIndex::new(text);
    let mut placed: Vec<PlacedAnnotation> = annotations
        .iter()
        .map(|a| {
            let span = match index.reanchor(&a.quote, Some(a.position)) {
                Anchoring::Anchored { start, end, .. } => Some(CpSpan { start, end }),
                Anchoring::Orphaned => None,
            };
            PlacedAnnotation {
                annotation: (*a).clone(),
                span,
            }
        })
        .collect();
    placed.sort_by_key(|p| p.span.map_or((usize::MAX, usize::MAX), |s| (s.start, s.end)));
    placed
}

/// Builds the highlight list: annotations and passages first (they nest outside entity marks when they
/// are longer), then the mentions whose kind is not hidden.
pub fn build(
    mentions: &[Mention],
    hidden: &[EntityKind],
    annotations: &[PlacedAnnotation],
    passage: Option<CpSpan>,
    shared: &[(CpSpan, Color)],
) -> Vec<Highlight> {
    let notes = annotations.iter().filter_map(|p| {
        p.span.map(|span| Highlight {
            span,
            mark: Mark::Annotation {
                id: p.annotation.id.0.clone(),
                color: p.annotation.color,
                has_note: p.annotation.note.is_some(),
            },
        })
    });
    let shared = shared.iter().enumerate().map(|(index, (span, color))| Highlight {
        span: *span,
        mark: Mark::Shared { index, color: *color },
    });
    let passage = passage.map(|span| Highlight {
        span,
        mark: Mark::Passage,
    });
    let names = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !hidden.contains(&m.kind))
        .map(|(i, m)| Highlight {
            span: CpSpan {
                start: m.start,
                end: m.end,
            },
            mark: Mark::Entity(i),
        });
    notes.chain(shared).chain(passage).chain(names).collect()
}

/// The spans of `highlights`, in the same order (what [`crate::core::render::block_nodes`] takes).
pub fn spans(highlights: &[Highlight]) -> Vec<CpSpan> {
    highlights.iter().map(|h| h.span).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotations::{AnnotationId, anchor::select};
    use crate::core::corpus::ArticleId;

    fn mention(start: usize, end: usize, kind: EntityKind) -> Mention {
        Mention {
            start,
            end,
            text: String::new(),
            kind,
            entity_id: None,
            derived: false,
            value: None,
            source: Default::default(),
        }
    }

    #[test]
    fn hidden_kinds_are_left_out_and_annotations_come_first() {
        let text = "Die Türkei und Russland streiten über Drohnen.";
        let a = Annotation::new(
            AnnotationId("a1".into()),
            ArticleId("x".into()),
            select(text, 0, 23).unwrap(),
            Color::Green,
            Some("Notiz".into()),
            vec![],
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        let placed = place_annotations(text, &[&a]);
        assert_eq!(placed[0].span, Some(CpSpan { start: 0, end: 23 }));
        let mentions = [
            mention(4, 10, EntityKind::Place),
            mention(15, 23, EntityKind::Place),
            mention(38, 45, EntityKind::Product),
        ];
        let highlights = build(&mentions, &[EntityKind::Product], &placed, None, &[]);
        assert_eq!(highlights.len(), 3);
        assert!(matches!(
            highlights[0].mark,
            Mark::Annotation {
                color: Color::Green,
                has_note: true,
                ..
            }
        ));
        let marks: Vec<&Mark> = highlights[1..].iter().map(|h| &h.mark).collect();
        assert_eq!(marks, [&Mark::Entity(0), &Mark::Entity(1)]);
    }

    #[test]
    fn an_annotation_whose_quote_is_gone_is_orphaned_not_dropped() {
        let old = "Die Türkei liefert Drohnen an die Ukraine.";
        let a = Annotation::new(
            AnnotationId("a1".into()),
            ArticleId("x".into()),
            select(old, 19, 26).unwrap(),
            Color::Yellow,
            None,
            vec![],
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        let placed = place_annotations("Ein ganz anderer Text ohne das Wort.", &[&a]);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].span, None);
    }
}
