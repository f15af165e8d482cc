//! View models of the same-event features: the linkage of a corpus with its knowledge-base entities, the
//! article page's "same event" / "same story" lists, the event page (`#/s/<event-id>`), the compare view
//! (`#/c/<a>/<b>`) and the story timeline (`#/t`). Pure data; the UI only maps these to nodes.
//!
//! 1. [`entity_ids`] turns an article's mentions into the KB ids the linker uses (the same function feeds
//!    the app, `presseschau analyze --json` and `presseschau eval pairs`).
//! 2. [`link_corpus`] links a corpus once (the app does it at start-up).
//! 3. [`related`], [`event_view`], [`compare`] and [`timeline`] read the [`Linkage`].

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::core::analysis::diff::{AlignedPair, align_sentences};
use crate::core::analysis::entities::{CorpusEntities, EntityKind, Mention};
use crate::core::analysis::events::{EventGroup, Link, LinkDoc, LinkLevel, Linkage, Reasons, link};
use crate::core::analysis::kb::kb;
use crate::core::corpus::{Article, ArticleId, Corpus, SimpleDate};
use crate::core::library::outlet_of;

/// The entity kinds whose KB ids take part in linking (dates and quantities carry no KB id anyway). Every
/// named kind is used: restricting it to people, organisations and events (`presseschau eval pairs
/// --entities kb-core`) lowered the dev scores (Pearson 0.743 → 0.731, AUC 0.884 → 0.879 at W_ENTITIES 0.25).
pub const LINK_KINDS: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
    EntityKind::Product,
    EntityKind::Event,
];

/// The distinct KB entity ids of `mentions` whose kind is in `kinds`, in order of first mention.
pub fn entity_ids_of_kinds(mentions: &[Mention], kinds: &[EntityKind]) -> Vec<String> {
    let mut seen = HashSet::new();
    mentions
        .iter()
        .filter(|m| kinds.contains(&m.kind))
        .filter_map(|m| m.entity_id.as_ref())
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

/// The distinct KB entity ids the linker uses for an article ([`LINK_KINDS`]), in order of first mention.
pub fn entity_ids(mentions: &[Mention]) -> Vec<String> {
    entity_ids_of_kinds(mentions, &LINK_KINDS)
}

/// The linker's view of every article of `corpus`, with the KB ids of its mentions.
pub fn link_docs(corpus: &Corpus, entities: &CorpusEntities) -> Vec<LinkDoc> {
    corpus
        .articles
        .iter()
        .map(|a| {
            let ids = entities
                .by_article
                .get(&a.id)
                .map(|m| entity_ids(m))
                .unwrap_or_default();
            LinkDoc::from_article(a, ids)
        })
        .collect()
}

/// Links a corpus with its KB entities (same-event and same-story links and groups).
pub fn link_corpus(corpus: &Corpus, entities: &CorpusEntities) -> Linkage {
    link(&link_docs(corpus, entities))
}

/// The German label of a KB id, or the id itself when the KB does not know it.
pub fn entity_label(id: &str) -> String {
    kb().get(id).map_or_else(|| id.to_string(), |e| e.label_de.clone())
}

/// The reasons with entity ids replaced by their German labels (what the UI shows).
pub fn labelled_reasons(r: &Reasons) -> Reasons {
    Reasons {
        shared_entities: r.shared_entities.iter().map(|id| entity_label(id)).collect(),
        ..r.clone()
    }
}

/// The article at the other end of `link` from `id`.
pub fn other_end<'l>(link: &'l Link, id: &ArticleId) -> &'l ArticleId {
    if &link.a == id { &link.b } else { &link.a }
}

/// The links of one article: `(same event, same story)`, each strongest first.
pub fn related<'l>(linkage: &'l Linkage, id: &ArticleId) -> (Vec<&'l Link>, Vec<&'l Link>) {
    let mine = linkage.links.iter().filter(|l| &l.a == id || &l.b == id);
    // `linkage.links` is sorted strongest first already
    mine.partition(|l| l.level == LinkLevel::SameEvent)
}

/// The groups an article belongs to (its same-event group first, if any).
pub fn groups_of<'l>(linkage: &'l Linkage, id: &ArticleId) -> Vec<&'l EventGroup> {
    linkage.events.iter().filter(|e| e.members.contains(id)).collect()
}

/// The link between two articles, if any.
pub fn link_between<'l>(linkage: &'l Linkage, a: &ArticleId, b: &ArticleId) -> Option<&'l Link> {
    linkage
        .links
        .iter()
        .find(|l| (&l.a == a && &l.b == b) || (&l.a == b && &l.b == a))
}

/// An entity as the event page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef {
    /// KB id (the `#/e/<id>` route).
    pub id: String,
    /// German label.
    pub label: String,
}

/// One report in an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Article id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Date, when known.
    pub date: Option<SimpleDate>,
    /// Position on the event's timeline in [0, 1] (0 = earliest report); `None` without a date.
    pub position: Option<f64>,
    /// Entities only this report mentions among the event's reports.
    pub unique_entities: Vec<EntityRef>,
}

/// The event page.
#[derive(Debug, Clone, PartialEq)]
pub struct EventView {
    /// The group id.
    pub id: String,
    /// Same event or same story.
    pub level: LinkLevel,
    /// The reports, oldest first (undated last).
    pub reports: Vec<Report>,
    /// Earliest and latest date of the reports, when any is dated.
    pub span: Option<(SimpleDate, SimpleDate)>,
    /// Entities every report mentions.
    pub shared_entities: Vec<EntityRef>,
}

fn date_key(d: Option<SimpleDate>) -> (u8, f64) {
    d.map_or((1, 0.0), |d| (0, d.mid_days()))
}

fn report_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    let (ka, kb) = (date_key(a.date.value), date_key(b.date.value));
    ka.0.cmp(&kb.0)
        .then(ka.1.total_cmp(&kb.1))
        .then_with(|| a.id.cmp(&b.id))
}

/// The KB ids (of [`LINK_KINDS`]) article `a` mentions.
fn article_entity_ids(entities: &CorpusEntities, a: &Article) -> BTreeSet<String> {
    entities
        .by_article
        .get(&a.id)
        .map(|m| entity_ids(m).into_iter().collect())
        .unwrap_or_default()
}

/// How many of the id `sets` contain each id.
fn count_ids(sets: &[BTreeSet<String>]) -> BTreeMap<&str, usize> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sets {
        for id in s {
            *count.entry(id.as_str()).or_default() += 1;
        }
    }
    count
}

/// The entities of `ids`, sorted by label (then id).
fn entity_refs(ids: Vec<&str>) -> Vec<EntityRef> {
    let mut v: Vec<EntityRef> = ids
        .into_iter()
        .map(|id| EntityRef {
            id: id.to_string(),
            label: entity_label(id),
        })
        .collect();
    v.sort_by(|x, y| x.label.cmp(&y.label).then_with(|| x.id.cmp(&y.id)));
    v
}

/// Earliest and latest date of `articles`, when any is dated.
fn date_span(articles: &[&Article]) -> Option<(SimpleDate, SimpleDate)> {
    let dated: Vec<SimpleDate> = articles.iter().filter_map(|a| a.date.value).collect();
    dated
        .iter()
        .copied()
        .reduce(|x, y| if y.mid_days() < x.mid_days() { y } else { x })
        .zip(
            dated
                .iter()
                .copied()
                .reduce(|x, y| if y.mid_days() > x.mid_days() { y } else { x }),
        )
}

/// Where date `d` lies within `span`, in [0, 1]; `None` without a date or span.
fn span_position(span: Option<(SimpleDate, SimpleDate)>, d: Option<SimpleDate>) -> Option<f64> {
    let d = d?;
    let (lo, hi) = span?;
    let width = hi.mid_days() - lo.mid_days();
    Some(if width > 0.0 {
        ((d.mid_days() - lo.mid_days()) / width).clamp(0.0, 1.0)
    } else {
        0.0
    })
}

/// The report of article `a` with its entity ids `ids`; `count` says in how many of the event's `reports`
/// each id occurs.
fn report(
    a: &Article,
    ids: &BTreeSet<String>,
    count: &BTreeMap<&str, usize>,
    reports: usize,
    span: Option<(SimpleDate, SimpleDate)>,
) -> Report {
    Report {
        id: a.id.clone(),
        title: a.title.text.clone(),
        outlet: outlet_of(a).map(str::to_string),
        date: a.date.value,
        position: span_position(span, a.date.value),
        unique_entities: if reports > 1 {
            entity_refs(
                ids.iter()
                    .filter(|id| count.get(id.as_str()) == Some(&1))
                    .map(String::as_str)
                    .collect(),
            )
        } else {
            Vec::new()
        },
    }
}

/// Builds the page of group `event_id`; `None` when there is no such group.
pub fn event_view(corpus: &Corpus, entities: &CorpusEntities, linkage: &Linkage, event_id: &str) -> Option<EventView> {
    let group = linkage.events.iter().find(|e| e.id == event_id)?;
    let mut articles: Vec<&Article> = group.members.iter().filter_map(|m| corpus.get(&m.0)).collect();
    if articles.is_empty() {
        return None;
    }
    articles.sort_by(|a, b| report_order(a, b));
    let sets: Vec<BTreeSet<String>> = articles.iter().map(|a| article_entity_ids(entities, a)).collect();
    let count = count_ids(&sets);
    let shared = entity_refs(
        count
            .iter()
            .filter(|&(_, &n)| n == sets.len())
            .map(|(id, _)| *id)
            .collect(),
    );
    let span = date_span(&articles);
    let reports = articles
        .iter()
        .zip(&sets)
        .map(|(a, s)| report(a, s, &count, sets.len(), span))
        .collect();
    Some(EventView {
        id: group.id.clone(),
        level: group.level,
        reports,
        span,
        shared_entities: shared,
    })
}

/// The compare view of two reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompareView {
    /// Left article id.
    pub left: ArticleId,
    /// Right article id.
    pub right: ArticleId,
    /// Aligned sentences with word-level differences, in reading order.
    pub pairs: Vec<AlignedPair>,
    /// The link between them, if the linker found one.
    pub link: Option<Link>,
}

/// Compares articles `a` and `b`; `None` when either id is unknown or both are the same article.
pub fn compare(corpus: &Corpus, linkage: &Linkage, a: &str, b: &str) -> Option<CompareView> {
    if a == b {
        return None;
    }
    let (left, right) = (corpus.get(a)?, corpus.get(b)?);
    Some(CompareView {
        left: left.id.clone(),
        right: right.id.clone(),
        pairs: align_sentences(&left.text(), &right.text()),
        link: link_between(linkage, &left.id, &right.id).cloned(),
    })
}

/// One group on the story timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// The group.
    pub group: EventGroup,
    /// Its earliest date, when any member is dated.
    pub first: Option<SimpleDate>,
    /// Its members, oldest first (undated last).
    pub members: Vec<ArticleId>,
}

/// Every group (same event and same story) in date order of its earliest report; undated groups last.
pub fn timeline(corpus: &Corpus, linkage: &Linkage) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = linkage
        .events
        .iter()
        .map(|g| {
            let mut arts: Vec<&Article> = g.members.iter().filter_map(|m| corpus.get(&m.0)).collect();
            arts.sort_by(|a, b| report_order(a, b));
            TimelineEntry {
                group: g.clone(),
                first: arts.first().and_then(|a| a.date.value),
                members: arts.iter().map(|a| a.id.clone()).collect(),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        let (kx, ky) = (date_key(x.first), date_key(y.first));
        kx.0.cmp(&ky.0)
            .then(kx.1.total_cmp(&ky.1))
            .then(x.group.level.cmp(&y.group.level))
            .then_with(|| x.group.id.cmp(&y.group.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::entities::analyze_corpus;

    fn seeds() -> (Corpus, CorpusEntities, Linkage) {
        let corpus = Corpus::from_seeds();
        let entities = analyze_corpus(&corpus);
        let linkage = link_corpus(&corpus, &entities);
        (corpus, entities, linkage)
    }

    fn seed(corpus: &Corpus, prefix: &str) -> ArticleId {
        corpus
            .articles
            .iter()
            .find(|a| a.source_file.starts_with(prefix))
            .map(|a| a.id.clone())
            .expect("seed")
    }

    #[test]
    fn entity_ids_are_distinct_linked_and_of_the_chosen_kinds() {
        let m = crate::core::analysis::entities::find_mentions(
            "Putin rief Erdoğan an. Putin und die Nato am 5. August 2022: 300 Drohnen.",
            None,
        );
        let ids = entity_ids(&m);
        assert_eq!(ids.iter().filter(|i| *i == "Q7747").count(), 1, "{ids:?}");
        assert!(!ids.is_empty() && ids.iter().all(|i| kb().get(i).is_some()), "{ids:?}");
        let people = entity_ids_of_kinds(&m, &[EntityKind::Person]);
        assert!(
            people
                .iter()
                .all(|i| kb().get(i).is_some_and(|e| e.kind == EntityKind::Person))
        );
        assert!(
            people.len() < ids.len(),
            "the Nato is not a person: {people:?} vs {ids:?}"
        );
    }

    #[test]
    fn seed_reports_of_the_phone_call_are_one_event_with_labelled_reasons() {
        let (corpus, entities, linkage) = seeds();
        let (s1, s2, s3) = (seed(&corpus, "001"), seed(&corpus, "002"), seed(&corpus, "003"));
        let (same_event, same_story) = related(&linkage, &s1);
        assert!(
            same_event.iter().any(|l| other_end(l, &s1) == &s2),
            "{:#?}",
            linkage.links
        );
        assert!(!same_event.iter().any(|l| other_end(l, &s1) == &s3));
        assert!(same_story.iter().all(|l| l.level == LinkLevel::SameStory));
        let l = link_between(&linkage, &s1, &s2).expect("link");
        let phrases = crate::core::analysis::events::phrases(&labelled_reasons(&l.reasons));
        let crate::core::analysis::events::Phrase::SharedNames(names) = &phrases[0] else {
            panic!("shared names first: {phrases:?}")
        };
        assert!(
            names.iter().all(|n| !n.starts_with('Q')),
            "ids must become labels: {names:?}"
        );
        let group = groups_of(&linkage, &s1)
            .into_iter()
            .find(|g| g.level == LinkLevel::SameEvent)
            .expect("event group");
        let view = event_view(&corpus, &entities, &linkage, &group.id).expect("view");
        let ids: Vec<&ArticleId> = view.reports.iter().map(|r| &r.id).collect();
        assert!(ids.contains(&&s1) && ids.contains(&&s2));
        assert!(view.shared_entities.iter().any(|e| e.id == "Q7747"), "Putin in both");
        for r in &view.reports {
            for u in &r.unique_entities {
                assert!(!view.shared_entities.contains(u));
            }
        }
    }

    #[test]
    fn event_view_orders_by_date_and_places_reports_on_the_timeline() {
        let (corpus, entities, linkage) = seeds();
        for g in &linkage.events {
            let v = event_view(&corpus, &entities, &linkage, &g.id).expect("view");
            assert_eq!(v.reports.len(), g.members.len());
            let pos: Vec<f64> = v.reports.iter().filter_map(|r| r.position).collect();
            assert!(pos.windows(2).all(|w| w[0] <= w[1]), "{pos:?}");
            assert!(pos.iter().all(|p| (0.0..=1.0).contains(p)));
            if pos.len() >= 2 && v.span.is_some_and(|(a, b)| a != b) {
                assert!(pos[0].abs() < 1e-12 && (pos[pos.len() - 1] - 1.0).abs() < 1e-12);
            }
        }
        assert!(event_view(&corpus, &entities, &linkage, "no-such-event").is_none());
    }

    #[test]
    fn compare_aligns_known_articles_and_refuses_unknown_ids() {
        let (corpus, _, linkage) = seeds();
        let (s1, s2) = (seed(&corpus, "001"), seed(&corpus, "002"));
        let v = compare(&corpus, &linkage, &s1.0, &s2.0).expect("compare");
        assert!(v.link.is_some());
        assert!(v.pairs.iter().any(|p| p.left.is_some() && p.right.is_some()));
        assert!(compare(&corpus, &linkage, &s1.0, "nope").is_none());
        assert!(compare(&corpus, &linkage, "nope", &s1.0).is_none());
        assert!(compare(&corpus, &linkage, &s1.0, &s1.0).is_none());
    }

    #[test]
    fn timeline_lists_every_group_in_date_order() {
        let (corpus, _, linkage) = seeds();
        let t = timeline(&corpus, &linkage);
        assert_eq!(t.len(), linkage.events.len());
        let firsts: Vec<f64> = t.iter().filter_map(|e| e.first.map(|d| d.mid_days())).collect();
        assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
        assert!(t.iter().any(|e| e.group.level == LinkLevel::SameEvent));
    }
}
