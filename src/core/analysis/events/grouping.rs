//! Grouping: links become event (or story) groups by average-link merging, each with a stable id.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use super::params::{GROUP_MIN_LINKED_SHARE, ScoreParams};
use super::types::{EventGroup, Link, LinkLevel};
use crate::core::corpus::ArticleId;

/// Groups the links of a level (a same-story group also uses same-event links) by average-link merging,
/// strongest links first: two groups merge when more than [`GROUP_MIN_LINKED_SHARE`] of the pairs across
/// them are linked.
pub(super) fn group(links: &[Link], level: LinkLevel, _p: &ScoreParams) -> Vec<EventGroup> {
    let usable: Vec<&Link> = links
        .iter()
        .filter(|l| level == LinkLevel::SameStory || l.level == LinkLevel::SameEvent)
        .collect();
    let Some(first) = usable.first() else {
        return Vec::new();
    };
    let mut ids: HashMap<&ArticleId, usize> = HashMap::new();
    for l in &usable {
        let n = ids.len();
        ids.entry(&l.a).or_insert(n);
        let n = ids.len();
        ids.entry(&l.b).or_insert(n);
    }
    let n = ids.len();
    let mut adj: Vec<HashSet<usize>> = vec![HashSet::new(); n];
    for l in &usable {
        let (a, b) = (ids[&l.a], ids[&l.b]);
        adj[a].insert(b);
        adj[b].insert(a);
    }
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for l in &usable {
        let (ca, cb) = (cluster_of[ids[&l.a]], cluster_of[ids[&l.b]]);
        if ca == cb {
            continue;
        }
        let (small, big) = if members[ca].len() <= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let linked: usize = members[small]
            .iter()
            .map(|&m| adj[m].iter().filter(|&&o| cluster_of[o] == big).count())
            .sum();
        let pairs = members[small].len() * members[big].len();
        if (linked as f64) <= GROUP_MIN_LINKED_SHARE * pairs as f64 {
            continue;
        }
        let moved = std::mem::take(&mut members[small]);
        for &m in &moved {
            cluster_of[m] = big;
        }
        members[big].extend(moved);
    }
    let mut by_index: Vec<&ArticleId> = vec![&first.a; n];
    for (id, &i) in &ids {
        by_index[i] = id;
    }
    let mut out: Vec<EventGroup> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let mut ms: Vec<ArticleId> = m.into_iter().map(|i| by_index[i].clone()).collect();
            ms.sort();
            EventGroup {
                id: group_id(level, &ms),
                level,
                members: ms,
            }
        })
        .collect();
    out.sort_by(|x, y| y.members.len().cmp(&x.members.len()).then_with(|| x.id.cmp(&y.id)));
    out
}

/// Stable group id: 16 hex digits of SHA-256 over the level and the sorted member ids.
pub fn group_id(level: LinkLevel, sorted_members: &[ArticleId]) -> String {
    let mut h = Sha256::new();
    h.update(match level {
        LinkLevel::SameEvent => b"same_event".as_slice(),
        LinkLevel::SameStory => b"same_story".as_slice(),
    });
    for m in sorted_members {
        h.update(b"\n");
        h.update(m.0.as_bytes());
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}
