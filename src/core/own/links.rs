//! The links of a reader's own articles, kept for the pages that show one page's share of the analysis.
//!
//! Linking an own article with the collection needs the whole collection (its candidates and document
//! frequencies). The full app does it where it holds the whole analysis, and keeps what came of it:
//! [`OwnLinks`], the links with an own article at one end and the groups with an own member, for one build
//! and one set of own articles. A page that starts from its share adds them to the share's links
//! ([`OwnLinks::merge_into`]) and needs the whole analysis only when they are not for this build or not for
//! the articles the reader has now ([`OwnLinks::covers`]).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::core::analysis::entities::CorpusEntities;
use crate::core::analysis::events::{EventGroup, Linkage};

/// The links and groups of the reader's own articles against one build's collection.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OwnLinks {
    /// The build whose collection they were linked with (`self.presseschauBuild` of its data files).
    pub build: String,
    /// The own articles' ids, sorted: the set they were linked as.
    pub own: Vec<String>,
    /// The links with an own article at one end (strongest first), and the groups with an own member.
    pub links: Linkage,
    /// The names in the own articles that articles of the collection name too (their pages are the
    /// build's, not only this browser's).
    #[serde(default)]
    pub names: Vec<String>,
}

impl OwnLinks {
    /// The part of `linkage` (over the collection and the own articles `own`) that concerns the own ones,
    /// and the names of `entities` that both own articles and the collection's name.
    pub fn of(build: &str, own: &[&str], linkage: &Linkage, entities: &CorpusEntities) -> Self {
        let mine: HashSet<&str> = own.iter().copied().collect();
        let mut ids: Vec<String> = mine.iter().map(|s| s.to_string()).collect();
        ids.sort();
        Self {
            build: build.to_string(),
            own: ids,
            links: Linkage {
                links: linkage
                    .links
                    .iter()
                    .filter(|l| mine.contains(l.a.0.as_str()) || mine.contains(l.b.0.as_str()))
                    .cloned()
                    .collect(),
                events: linkage
                    .events
                    .iter()
                    .filter(|g| g.members.iter().any(|m| mine.contains(m.0.as_str())))
                    .cloned()
                    .collect(),
            },
            names: (entities.entities.iter())
                .filter(|e| e.article_ids.iter().any(|a| mine.contains(a.0.as_str())))
                .filter(|e| e.article_ids.iter().any(|a| !mine.contains(a.0.as_str())))
                .map(|e| e.id.clone())
                .collect(),
        }
    }

    /// Whether these are the links of the own articles `own` against build `build`.
    pub fn covers(&self, build: &str, own: &[&str]) -> bool {
        let mut ids: Vec<&str> = own.to_vec();
        ids.sort_unstable();
        ids.dedup();
        !build.is_empty() && self.build == build && self.own.iter().map(String::as_str).eq(ids)
    }

    /// `base` (a share's links, between articles of the collection) with the own articles' links and
    /// groups added. A group with an own member replaces the base's groups of its level that share a
    /// member with it (the own article joined or bridged them). Links stay strongest first; same-event
    /// groups come before same-story groups.
    ///
    /// ```
    /// use presseschau::core::analysis::events::{EventGroup, Linkage, LinkLevel};
    /// use presseschau::core::corpus::ArticleId;
    /// use presseschau::core::own::links::OwnLinks;
    /// let group = |id: &str, level, members: &[&str]| EventGroup {
    ///     id: id.into(),
    ///     level,
    ///     members: members.iter().map(|m| ArticleId(m.to_string())).collect(),
    /// };
    /// let base = Linkage {
    ///     links: vec![],
    ///     events: vec![group("e1", LinkLevel::SameEvent, &["a", "b"]), group("s1", LinkLevel::SameStory, &["a", "c"])],
    /// };
    /// let own = OwnLinks {
    ///     build: "b1".into(),
    ///     own: vec!["x".into()],
    ///     links: Linkage { links: vec![], events: vec![group("e2", LinkLevel::SameEvent, &["a", "b", "x"])] },
    ///     names: vec![],
    /// };
    /// let merged = own.merge_into(&base);
    /// let ids: Vec<&str> = merged.events.iter().map(|g| g.id.as_str()).collect();
    /// // the event the own article joined is replaced by the larger one; the story stays
    /// assert_eq!(ids, ["e2", "s1"]);
    /// assert!(own.covers("b1", &["x"]) && !own.covers("b2", &["x"]) && !own.covers("b1", &["x", "y"]));
    /// ```
    pub fn merge_into(&self, base: &Linkage) -> Linkage {
        let overlaps = |g: &EventGroup| {
            self.links
                .events
                .iter()
                .any(|o| o.level == g.level && o.members.iter().any(|m| g.members.contains(m)))
        };
        // (a base that had them added already has them once)
        let mut seen = HashSet::new();
        let mut links: Vec<_> = (base.links.iter().chain(&self.links.links))
            .filter(|l| seen.insert((l.a.clone(), l.b.clone())))
            .cloned()
            .collect();
        links.sort_by(|x, y| y.score.total_cmp(&x.score));
        let mut events: Vec<EventGroup> = base.events.iter().filter(|g| !overlaps(g)).cloned().collect();
        events.extend(self.links.events.iter().cloned());
        events.sort_by_key(|g| g.level);
        Linkage { links, events }
    }
}
