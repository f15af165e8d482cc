//! [`AnnotationSet`]: a user's annotations and every operation on them (add, edit, reposition, remove with
//! undo, merge, filter), each returning a `Result` and leaving the set unchanged when it fails.

use serde::{Deserialize, Serialize};

use super::{Annotation, AnnotationError, AnnotationId, Color, Selector, instant, normalize_note, normalize_tags};
use crate::core::corpus::ArticleId;

/// A change to an annotation's note, tags or colour; `None` fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationEdit {
    /// New note (`Some(None)` or an empty note removes it).
    pub note: Option<Option<String>>,
    /// New tags (replace the old ones).
    pub tags: Option<Vec<String>>,
    /// New colour.
    pub color: Option<Color>,
}

/// A removed annotation and where it was, for undo with [`AnnotationSet::restore`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Its index in the set before removal.
    pub index: usize,
    /// The annotation.
    pub annotation: Annotation,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// New ids added.
    pub added: usize,
    /// Existing annotations replaced by a newer version.
    pub updated: usize,
    /// Incoming annotations ignored because ours were as new or newer.
    pub kept: usize,
    /// What happened to each incoming annotation, in the order given.
    pub outcomes: Vec<(AnnotationId, MergeOutcome)>,
}

/// What a merge did with one incoming annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Its id was new: added.
    Added,
    /// Its id was known and it was changed later than ours: it replaced ours.
    Updated,
    /// Its id was known and ours was changed as late or later: ours was kept.
    Kept,
}

/// Which annotations to show; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this article.
    pub article: Option<ArticleId>,
    /// Only annotations with this tag (case-insensitive).
    pub tag: Option<String>,
    /// Only this colour.
    pub color: Option<Color>,
}

/// All annotations of a user, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
}

impl AnnotationSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// A set from annotations, checking each one and refusing duplicate ids.
    pub fn from_vec(items: Vec<Annotation>) -> Result<Self, AnnotationError> {
        let mut set = Self::new();
        for a in items {
            set.add(a)?;
        }
        Ok(set)
    }

    /// The annotations, in insertion order.
    pub fn items(&self) -> &[Annotation] {
        &self.items
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The annotation with this id.
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.items.iter().find(|a| &a.id == id)
    }

    /// Adds an annotation after checking it ([`Annotation::validate`]); a duplicate id is an error.
    ///
    /// ```
    /// use presseschau::core::annotations::{anchor, Annotation, AnnotationId, AnnotationSet, Color};
    /// use presseschau::core::corpus::ArticleId;
    /// let text = "Die Türkei liefert Drohnen an die Ukraine.";
    /// let selector = anchor::select(text, 4, 10).unwrap();
    /// assert_eq!(selector.quote.exact, "Türkei");
    /// let a = Annotation::new(AnnotationId::generate(1, 2), ArticleId("abc".into()), selector,
    ///     Color::Green, Some("Wer liefert?".into()), vec!["Rüstung".into()], "2024-05-01T10:00:00Z").unwrap();
    /// let mut set = AnnotationSet::new();
    /// set.add(a.clone()).unwrap();
    /// assert!(set.add(a).is_err()); // same id twice
    /// assert_eq!(set.len(), 1);
    /// ```
    pub fn add(&mut self, annotation: Annotation) -> Result<(), AnnotationError> {
        annotation.validate()?;
        if self.get(&annotation.id).is_some() {
            return Err(AnnotationError::DuplicateId {
                id: annotation.id.0.clone(),
            });
        }
        self.items.push(annotation);
        Ok(())
    }

    /// Changes note, tags and/or colour of one annotation and sets `modified` to `now`. On error nothing
    /// changes.
    pub fn update(&mut self, id: &AnnotationId, edit: AnnotationEdit, now: &str) -> Result<(), AnnotationError> {
        let index = self.index_of(id)?;
        let mut a = self.items[index].clone();
        if let Some(note) = edit.note {
            let note = normalize_note(note)?;
            if note != a.note {
                // A note typed here is Markdown, whatever format an imported one had.
                a.note_format = None;
            }
            a.note = note;
        }
        if let Some(tags) = edit.tags {
            a.tags = normalize_tags(tags)?;
        }
        if let Some(color) = edit.color {
            a.color = color;
        }
        a.modified = now.to_string();
        self.items[index] = a;
        Ok(())
    }

    /// Moves an annotation to a new selector (after re-anchoring, when the user accepts the new place).
    pub fn reposition(&mut self, id: &AnnotationId, selector: Selector, now: &str) -> Result<(), AnnotationError> {
        let index = self.index_of(id)?;
        let mut a = self.items[index].clone();
        a.quote = selector.quote;
        a.position = selector.position;
        a.modified = now.to_string();
        a.validate()?;
        self.items[index] = a;
        Ok(())
    }

    /// Removes an annotation and returns it with its index, so the UI can undo with [`restore`](Self::restore).
    pub fn remove(&mut self, id: &AnnotationId) -> Result<Removed, AnnotationError> {
        let index = self.index_of(id)?;
        let annotation = self.items.remove(index);
        Ok(Removed { index, annotation })
    }

    /// Puts a removed annotation back where it was (or at the end if the set has shrunk since).
    pub fn restore(&mut self, removed: Removed) -> Result<(), AnnotationError> {
        removed.annotation.validate()?;
        if self.get(&removed.annotation.id).is_some() {
            return Err(AnnotationError::DuplicateId {
                id: removed.annotation.id.0,
            });
        }
        let index = removed.index.min(self.items.len());
        self.items.insert(index, removed.annotation);
        Ok(())
    }

    /// Merges other annotations by id: new ids are added, known ids are replaced when the incoming
    /// `modified` is a later instant ([`instant::compare`]: `…T15:30:00+02:00` is 13:30 UTC, earlier than
    /// `…T14:55:05Z`). Every incoming annotation is checked first; on any error nothing changes.
    pub fn merge(&mut self, incoming: &[Annotation]) -> Result<MergeReport, AnnotationError> {
        let mut next = self.items.clone();
        let mut report = MergeReport::default();
        for a in incoming {
            a.validate()?;
            let outcome = match next.iter_mut().find(|x| x.id == a.id) {
                Some(existing) if instant::compare(&a.modified, &existing.modified).is_gt() => {
                    *existing = a.clone();
                    report.updated += 1;
                    MergeOutcome::Updated
                }
                Some(_) => {
                    report.kept += 1;
                    MergeOutcome::Kept
                }
                None => {
                    next.push(a.clone());
                    report.added += 1;
                    MergeOutcome::Added
                }
            };
            report.outcomes.push((a.id.clone(), outcome));
        }
        self.items = next;
        Ok(report)
    }

    /// Joins the changes of two copies of one set (two browser tabs): `base` is what this copy last read
    /// from storage, `self` what it holds now, `theirs` what storage holds now (written by the other tab).
    /// Changes on either side are kept: additions from both; an edit on one side wins over no change, and
    /// of two edits the later `modified` (ours on a tie); a removal counts only where the other side did not
    /// edit the note meanwhile (an edit is never lost to a removal). Order: `theirs`, then our additions.
    pub fn reconcile(&self, base: &AnnotationSet, theirs: &AnnotationSet) -> AnnotationSet {
        let mut out: Vec<Annotation> = Vec::with_capacity(theirs.len().max(self.len()));
        for t in &theirs.items {
            match (base.get(&t.id), self.get(&t.id)) {
                (_, Some(m)) => out.push(later_change(base.get(&t.id), m, t).clone()),
                // We removed it: gone, unless they changed it since.
                (Some(b), None) if b == t => {}
                (_, None) => out.push(t.clone()),
            }
        }
        for m in &self.items {
            if theirs.get(&m.id).is_some() {
                continue;
            }
            // They removed it: gone, unless we changed it since.
            if base.get(&m.id).is_some_and(|b| b == m) {
                continue;
            }
            out.push(m.clone());
        }
        AnnotationSet { items: out }
    }

    /// The annotations matching a filter, in text order within an article (articles in insertion order).
    pub fn filter(&self, filter: &Filter) -> Vec<&Annotation> {
        let tag = filter.tag.as_ref().map(|t| t.trim().to_lowercase());
        let mut out: Vec<&Annotation> = self
            .items
            .iter()
            .filter(|a| filter.article.as_ref().is_none_or(|id| &a.article_id == id))
            .filter(|a| filter.color.is_none_or(|c| a.color == c))
            .filter(|a| {
                tag.as_ref()
                    .is_none_or(|t| a.tags.iter().any(|x| &x.to_lowercase() == t))
            })
            .collect();
        let order: Vec<&ArticleId> = {
            let mut seen = Vec::new();
            for a in &self.items {
                if !seen.contains(&&a.article_id) {
                    seen.push(&a.article_id);
                }
            }
            seen
        };
        out.sort_by_key(|a| {
            (
                order.iter().position(|id| *id == &a.article_id),
                a.position.start,
                a.position.end,
            )
        });
        out
    }

    /// One article's annotations in text order.
    pub fn for_article(&self, article: &ArticleId) -> Vec<&Annotation> {
        self.filter(&Filter {
            article: Some(article.clone()),
            ..Filter::default()
        })
    }

    /// Every tag with how many annotations carry it, most used first, then alphabetically
    /// (case-insensitive; the first spelling seen is shown).
    pub fn all_tags(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for a in &self.items {
            for t in &a.tags {
                match out.iter_mut().find(|(x, _)| x.to_lowercase() == t.to_lowercase()) {
                    Some((_, n)) => *n += 1,
                    None => out.push((t.clone(), 1)),
                }
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase())));
        out
    }

    /// Whether an annotation on the same article and passage with the same note and tags is in the set
    /// (used so that adopting shared notes twice does not add them twice).
    pub fn has_same(&self, a: &Annotation) -> bool {
        self.items.iter().any(|x| {
            x.article_id == a.article_id
                && x.position == a.position
                && x.quote.exact == a.quote.exact
                && x.note == a.note
                && x.tags == a.tags
        })
    }

    fn index_of(&self, id: &AnnotationId) -> Result<usize, AnnotationError> {
        self.items
            .iter()
            .position(|a| &a.id == id)
            .ok_or_else(|| AnnotationError::NotFound { id: id.0.clone() })
    }
}

/// Of one annotation changed on our side (`mine`) and present on theirs, the version to keep (see
/// [`AnnotationSet::reconcile`]).
fn later_change<'a>(base: Option<&Annotation>, mine: &'a Annotation, theirs: &'a Annotation) -> &'a Annotation {
    let mine_changed = base != Some(mine);
    let theirs_changed = base != Some(theirs);
    match (mine_changed, theirs_changed) {
        (true, true) if instant::compare(&theirs.modified, &mine.modified).is_gt() => theirs,
        (true, _) => mine,
        (false, _) => theirs,
    }
}
