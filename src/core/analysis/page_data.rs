//! One page's share of the build's analysis. Every reading page of the static site loads only what its own
//! render reads (`data/<page>.js`), not the whole corpus: the article with its mentions and links, and the
//! titles, dates and outlets of the articles it names; a library page its hundred articles. What the page
//! says about the whole corpus (how many articles, the library's neighbours, how many articles name an
//! entity) comes with it as [`Whole`], so the slice renders the same page as the whole analysis does (the
//! build checks that, page by page: `ui::page_data`).

use std::collections::{BTreeMap, BTreeSet};

use super::entities::CorpusEntities;
use super::events::Linkage;
use super::mention::{EntitySummary, Mention};
use super::precomputed::Precomputed;
pub use super::precomputed::Whole;
use crate::core::corpus::{Article, ArticleId, BlockKind};

/// What a page reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Need {
    /// Articles whose whole text and mentions the page shows.
    pub full: BTreeSet<ArticleId>,
    /// Articles the page names (title, date, outlet): without their text and mentions.
    pub brief: BTreeSet<ArticleId>,
    /// Articles listed with their lead and main names (a library page): cut to their lead, with their
    /// mentions of those names.
    pub listed: BTreeSet<ArticleId>,
    /// Articles compared by the names they share (an event's reports): without their text, with one
    /// mention of each name.
    pub tagged: BTreeSet<ArticleId>,
    /// Every entity summary, with how many articles name it instead of which (the names index).
    pub all_entities: bool,
    /// These entity summaries only, with how many articles name them instead of which (a page of the
    /// names index).
    pub names: BTreeSet<String>,
    /// Every group of the linkage; otherwise those of the full articles and [`Need::groups`].
    pub all_groups: bool,
    /// These groups of the linkage (a page of the timeline).
    pub groups: BTreeSet<String>,
}

/// How many other articles an article page's card names (the card shows the first five).
pub const CARD_TITLES: usize = 5;

impl Precomputed {
    /// The part of this analysis a page needs, with what it says about the whole corpus (`whole`).
    pub fn slice(&self, need: &Need, mut whole: Whole) -> Precomputed {
        whole.articles = self.articles.len();
        let keep = |id: &ArticleId| {
            need.full.contains(id) || need.brief.contains(id) || need.listed.contains(id) || need.tagged.contains(id)
        };
        let mut articles = Vec::new();
        for a in self.articles.iter().filter(|a| keep(&a.id)) {
            if need.full.contains(&a.id) {
                articles.push(a.clone());
            } else {
                whole.words.insert(a.id.clone(), a.word_count());
                articles.push(brief(a, need.listed.contains(&a.id)));
            }
        }
        let present: BTreeSet<&ArticleId> = articles.iter().map(|a| &a.id).collect();
        let mut entity_articles = BTreeMap::new();
        let by_article = |map: &BTreeMap<ArticleId, Vec<Mention>>, listed: bool| {
            present
                .iter()
                .map(|&id| {
                    let ms = match map.get(id) {
                        Some(ms) if need.full.contains(id) => ms.clone(),
                        Some(ms) if listed && need.listed.contains(id) => main_mentions(ms),
                        Some(ms) if listed && need.tagged.contains(id) => one_per_name(ms),
                        _ => Vec::new(),
                    };
                    (id.clone(), ms)
                })
                .collect::<BTreeMap<_, _>>()
        };
        let entities = CorpusEntities {
            by_article: by_article(&self.entities.by_article, true),
            entities: summaries(&self.entities.entities, need, &present, &mut entity_articles),
        };
        let detected = super::detected::Detected {
            by_article: by_article(&self.detected.by_article, false)
                .into_iter()
                .filter(|(id, _)| self.detected.by_article.contains_key(id))
                .collect(),
            groups: summaries(&self.detected.groups, need, &present, &mut entity_articles),
        };
        whole.entity_articles = entity_articles;
        let links = Linkage {
            links: (self.links.links.iter())
                .filter(|l| need.full.contains(&l.a) || need.full.contains(&l.b))
                .filter(|l| present.contains(&l.a) && present.contains(&l.b))
                .cloned()
                .collect(),
            events: (self.links.events.iter())
                .filter(|g| {
                    need.all_groups || need.groups.contains(&g.id) || g.members.iter().any(|m| need.full.contains(m))
                })
                .cloned()
                .collect(),
        };
        Precomputed {
            articles,
            errors: self.errors.clone(),
            entities,
            detected,
            links,
            whole: Some(whole),
        }
    }
}

/// The entity summaries a page needs: with [`Need::all_entities`] every one as it is; otherwise those the
/// full articles mention, their article lists cut to the slice's articles (the true count goes to `counts`).
fn summaries(
    all: &[EntitySummary],
    need: &Need,
    present: &BTreeSet<&ArticleId>,
    counts: &mut BTreeMap<String, usize>,
) -> Vec<EntitySummary> {
    if need.all_entities || !need.names.is_empty() {
        return (all.iter())
            .filter(|s| need.all_entities || need.names.contains(&s.id))
            .map(|s| {
                counts.insert(s.id.clone(), s.article_ids.len());
                EntitySummary {
                    article_ids: Vec::new(),
                    ..s.clone()
                }
            })
            .collect();
    }
    all.iter()
        .filter(|s| s.article_ids.iter().any(|a| need.full.contains(a)))
        .map(|s| {
            let mut s = s.clone();
            let n = s.article_ids.len();
            s.article_ids.retain(|a| present.contains(a));
            if s.article_ids.len() != n {
                counts.insert(s.id.clone(), n);
            }
            s
        })
        .collect()
}

/// An article cut to what a link to it shows: title, date, outlet, and in a list its lead (`lead`).
fn brief(a: &Article, lead: bool) -> Article {
    let first = a.blocks.iter().find(|b| b.kind != BlockKind::Caption);
    Article {
        blocks: first.filter(|_| lead).cloned().into_iter().collect(),
        credits: Vec::new(),
        lines: Vec::new(),
        ..a.clone()
    }
}

/// The first mention of each name an article names.
fn one_per_name(ms: &[Mention]) -> Vec<Mention> {
    let mut seen = BTreeSet::new();
    ms.iter()
        .filter(|m| m.entity_id.as_ref().is_some_and(|id| seen.insert(id.clone())))
        .cloned()
        .collect()
}

/// The mentions of an article's main names (what a library card shows:
/// [`crate::core::entity_view::main_entities`]), in order.
fn main_mentions(ms: &[Mention]) -> Vec<Mention> {
    let main: BTreeSet<String> = crate::core::entity_view::main_entities(ms, CARD_TITLES)
        .into_iter()
        .map(|(id, ..)| id)
        .collect();
    ms.iter()
        .filter(|m| m.entity_id.as_ref().is_some_and(|id| main.contains(id)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_holds_the_full_articles_whole_and_the_others_cut_to_their_lead() {
        let p = Precomputed::of_seeds();
        let (a, b) = (p.articles[0].id.clone(), p.articles[1].id.clone());
        let need = Need {
            full: [a.clone()].into(),
            listed: [b.clone()].into(),
            ..Need::default()
        };
        let s = p.slice(&need, Whole::default());
        assert_eq!(s.articles.len(), 2);
        assert_eq!(s.articles[0], p.articles[0]);
        assert_eq!(s.articles[1].blocks.len(), 1);
        assert!(s.articles[1].lines.is_empty());
        let whole = s.whole.as_ref().expect("whole");
        assert_eq!(whole.articles, p.articles.len());
        assert_eq!(whole.words.get(&b), Some(&p.articles[1].word_count()));
        assert_eq!(s.entities.by_article.get(&a), p.entities.by_article.get(&a));
        // a listed article keeps the mentions of its main names only
        let listed = s.entities.by_article.get(&b).expect("listed");
        let original = p.entities.by_article.get(&b).expect("analysed");
        assert!(!listed.is_empty() && listed.len() < original.len());
        assert!(listed.iter().all(|m| original.contains(m)));
        assert_eq!(
            crate::core::entity_view::main_entities(listed, CARD_TITLES),
            crate::core::entity_view::main_entities(original, CARD_TITLES)
        );
        // a named article keeps its title, date and outlet only
        let c = p.articles[2].id.clone();
        let named = p.slice(
            &Need {
                brief: [c.clone()].into(),
                ..Need::default()
            },
            Whole::default(),
        );
        assert!(named.articles[0].blocks.is_empty());
        assert_eq!(named.articles[0].title, p.articles[2].title);
        assert_eq!(named.entities.by_article.get(&c), Some(&Vec::new()));
        // every entity the article names is there, with how many articles name it
        for e in s.entities.entities.iter() {
            let original = p.entities.entities.iter().find(|x| x.id == e.id).expect("known");
            let count = whole.entity_articles.get(&e.id).copied().unwrap_or(e.article_ids.len());
            assert_eq!(count, original.article_ids.len());
            assert!(e.article_ids.contains(&a));
        }
        // it reads back as an analysis
        let json = serde_json::to_string(&s).expect("json");
        assert!(Precomputed::read(&json).is_some());
        assert!(json.len() < serde_json::to_string(&p).expect("json").len());
    }
}
