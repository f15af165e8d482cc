//! The own articles' kept links: taken out of a whole linkage and added back to a share's.

use std::collections::BTreeSet;

use crate::core::analysis::entities::analyze_corpus;
use crate::core::analysis::events::Linkage;
use crate::core::corpus::Corpus;
use crate::core::event_view::link_corpus;
use crate::core::own::links::OwnLinks;

fn link_set(l: &Linkage) -> BTreeSet<(String, String)> {
    l.links.iter().map(|l| (l.a.0.clone(), l.b.0.clone())).collect()
}

fn group_set(l: &Linkage) -> BTreeSet<String> {
    l.events.iter().map(|g| g.id.clone()).collect()
}

/// One seed taken for the reader's own (a member of a same-event group): what is kept of the linkage, added
/// to the linkage without it (as a share holds the collection's), gives the linkage back.
#[test]
fn kept_links_added_to_the_rest_give_the_whole_linkage() {
    let corpus = Corpus::from_seeds();
    let entities = analyze_corpus(&corpus);
    let whole = link_corpus(&corpus, &entities);
    let own = whole.events.first().expect("the seeds have an event").members[0]
        .0
        .clone();
    let kept = OwnLinks::of("b1", &[own.as_str()], &whole, &entities);
    assert!(!kept.links.links.is_empty() && !kept.links.events.is_empty());
    assert!(kept.links.links.iter().all(|l| l.a.0 == own || l.b.0 == own));
    assert!(kept.links.events.iter().all(|g| g.members.iter().any(|m| m.0 == own)));
    // the names it shares with the other seeds: each is named by it and by another
    assert!(!kept.names.is_empty());
    for id in &kept.names {
        let e = entities
            .entities
            .iter()
            .find(|e| &e.id == id)
            .expect("a name of the corpus");
        assert!(e.article_ids.iter().any(|a| a.0 == own) && e.article_ids.iter().any(|a| a.0 != own));
    }
    let rest = Linkage {
        links: whole
            .links
            .iter()
            .filter(|l| l.a.0 != own && l.b.0 != own)
            .cloned()
            .collect(),
        events: (whole.events.iter())
            .filter(|g| g.members.iter().all(|m| m.0 != own))
            .cloned()
            .collect(),
    };
    let merged = kept.merge_into(&rest);
    assert_eq!(link_set(&merged), link_set(&whole));
    assert_eq!(group_set(&merged), group_set(&whole));
    assert!(merged.links.windows(2).all(|w| w[0].score >= w[1].score));
    // added twice (a share that has them already) they are there once
    assert_eq!(kept.merge_into(&merged).links.len(), whole.links.len());
    // for this build and this article only
    assert!(kept.covers("b1", &[own.as_str()]));
    assert!(!kept.covers("b2", &[own.as_str()]) && !kept.covers("b1", &[]) && !kept.covers("", &[own.as_str()]));
}
