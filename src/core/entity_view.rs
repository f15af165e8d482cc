//! The view model of an entity page: every mention in its sentence, grouped by article in date order, and
//! the entities that co-occur with it.

use crate::core::analysis::entities::{CorpusEntities, EntityKind};
use crate::core::analysis::kb::kb;
use crate::core::corpus::Corpus;
use crate::core::text::{sentence_spans, slice_cp};

/// A mention in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceHit {
    /// The sentence before the mention.
    pub before: String,
    /// The mention as written.
    pub mention: String,
    /// The sentence after the mention.
    pub after: String,
}

/// The mentions in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionGroup {
    /// Article id.
    pub article_id: String,
    /// Article title.
    pub title: String,
    /// The article's date in German, if known.
    pub date: Option<String>,
    /// Each mention in its sentence.
    pub sentences: Vec<SentenceHit>,
}

/// An entity page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityView {
    /// Label.
    pub label: String,
    /// Kind.
    pub kind: EntityKind,
    /// Mentions grouped by article, oldest article first (undated last).
    pub mentions: Vec<MentionGroup>,
    /// Co-occurring entities: id, label, number of shared articles (most first).
    pub co_occurring: Vec<(String, String, usize)>,
}

/// Builds the page of entity `id`; `None` if no article mentions it.
pub fn build(corpus: &Corpus, entities: &CorpusEntities, id: &str) -> Option<EntityView> {
    let summary = entities.entities.iter().find(|e| e.id == id)?;
    let mut articles: Vec<_> = summary.article_ids.iter().filter_map(|a| corpus.get(&a.0)).collect();
    articles.sort_by_key(|a| {
        a.date
            .value
            .map_or((1, 0, 0, 0), |d| (0, d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
    });
    let mut groups = Vec::new();
    let mut co: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for article in articles {
        let Some(mentions) = entities.by_article.get(&article.id) else {
            continue;
        };
        let text = article.text();
        let sentences = sentence_spans(&text);
        let mut hits = Vec::new();
        for m in mentions.iter().filter(|m| m.entity_id.as_deref() == Some(id)) {
            let (s, e) = sentences
                .iter()
                .copied()
                .find(|&(s, e)| s <= m.start && m.end <= e)
                .unwrap_or((m.start, m.end));
            hits.push(SentenceHit {
                before: slice_cp(&text, s, m.start).to_string(),
                mention: slice_cp(&text, m.start, m.end).to_string(),
                after: slice_cp(&text, m.end, e).to_string(),
            });
        }
        let mut seen: Vec<&str> = mentions
            .iter()
            .filter_map(|m| m.entity_id.as_deref())
            .filter(|x| *x != id)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for other in seen {
            *co.entry(other.to_string()).or_default() += 1;
        }
        groups.push(MentionGroup {
            article_id: article.id.0.clone(),
            title: article.title.text.clone(),
            date: article.date.value.map(|d| d.german()),
            sentences: hits,
        });
    }
    let mut co_occurring: Vec<(String, String, usize)> = co
        .into_iter()
        .map(|(other, n)| {
            let label = kb().get(&other).map_or_else(|| other.clone(), |e| e.label_de.clone());
            (other, label, n)
        })
        .collect();
    co_occurring.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    co_occurring.truncate(20);
    Some(EntityView {
        label: summary.label.clone(),
        kind: summary.kind,
        mentions: groups,
        co_occurring,
    })
}

/// Builds the page of a detected name group (`ner-…`); `None` if there is no such group. Co-occurring
/// entities are the KB entities of the same articles.
pub fn build_detected(
    corpus: &Corpus,
    entities: &CorpusEntities,
    detected: &crate::core::analysis::detected::Detected,
    id: &str,
) -> Option<EntityView> {
    let group = detected.groups.iter().find(|g| g.id == id)?;
    let mut articles: Vec<_> = group.article_ids.iter().filter_map(|a| corpus.get(&a.0)).collect();
    articles.sort_by_key(|a| {
        a.date
            .value
            .map_or((1, 0, 0, 0), |d| (0, d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
    });
    let mut groups = Vec::new();
    let mut co: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for article in articles {
        let text = article.text();
        let sentences = sentence_spans(&text);
        let hits = detected
            .by_article
            .get(&article.id)
            .into_iter()
            .flatten()
            .filter(|m| m.group == id)
            .map(|m| {
                let (s, e) = sentences
                    .iter()
                    .copied()
                    .find(|&(s, e)| s <= m.start && m.end <= e)
                    .unwrap_or((m.start, m.end));
                SentenceHit {
                    before: slice_cp(&text, s, m.start).to_string(),
                    mention: slice_cp(&text, m.start, m.end).to_string(),
                    after: slice_cp(&text, m.end, e).to_string(),
                }
            })
            .collect();
        if let Some(ms) = entities.by_article.get(&article.id) {
            let mut seen: Vec<&str> = ms.iter().filter_map(|m| m.entity_id.as_deref()).collect();
            seen.sort_unstable();
            seen.dedup();
            for other in seen {
                *co.entry(other.to_string()).or_default() += 1;
            }
        }
        groups.push(MentionGroup {
            article_id: article.id.0.clone(),
            title: article.title.text.clone(),
            date: article.date.value.map(|d| d.german()),
            sentences: hits,
        });
    }
    let mut co_occurring: Vec<(String, String, usize)> = co
        .into_iter()
        .map(|(other, n)| {
            let label = kb().get(&other).map_or_else(|| other.clone(), |e| e.label_de.clone());
            (other, label, n)
        })
        .collect();
    co_occurring.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    co_occurring.truncate(20);
    Some(EntityView {
        label: group.label.clone(),
        kind: group.kind,
        mentions: groups,
        co_occurring,
    })
}

/// An article's main entities: linked names (not dates or quantities), most mentioned first, at most `n`.
/// Returns (id, label, kind).
pub fn main_entities(
    mentions: &[crate::core::analysis::entities::Mention],
    n: usize,
) -> Vec<(String, String, EntityKind)> {
    let mut counts: Vec<(String, EntityKind, usize, usize)> = Vec::new(); // id, kind, count, first position
    for m in mentions
        .iter()
        .filter(|m| !m.derived && !matches!(m.kind, EntityKind::Date | EntityKind::Quantity))
    {
        let Some(id) = &m.entity_id else { continue };
        match counts.iter_mut().find(|c| &c.0 == id) {
            Some(c) => c.2 += 1,
            None => counts.push((id.clone(), m.kind, 1, m.start)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.3.cmp(&b.3)));
    counts
        .into_iter()
        .take(n)
        .map(|(id, kind, _, _)| {
            let label = kb().get(&id).map_or_else(|| id.clone(), |e| e.label_de.clone());
            (id, label, kind)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::entities::analyze_corpus;

    #[test]
    fn putin_page_lists_mentions_from_several_articles_in_date_order() {
        let corpus = Corpus::from_seeds();
        let entities = analyze_corpus(&corpus);
        let putin = entities
            .entities
            .iter()
            .find(|e| e.label.contains("Putin"))
            .expect("Putin is in the KB");
        let view = build(&corpus, &entities, &putin.id).unwrap();
        assert!(view.mentions.len() >= 4, "Putin is in at least four seeds");
        assert_eq!(view.mentions[0].date.as_deref(), Some("Juli 2017"));
        for g in &view.mentions {
            for s in &g.sentences {
                assert!(!s.mention.is_empty());
            }
        }
        assert!(
            view.co_occurring
                .iter()
                .any(|(_, label, _)| label.contains("Erdoğan") || label.contains("Erdogan"))
        );
        assert!(build(&corpus, &entities, "no-such-entity").is_none());
        let dw = corpus
            .articles
            .iter()
            .find(|a| a.source_file.starts_with("000"))
            .unwrap();
        let main: Vec<String> = main_entities(&entities.by_article[&dw.id], 5)
            .into_iter()
            .map(|(_, l, _)| l)
            .collect();
        assert!(main.iter().any(|l| l == "Türkei"), "{main:?}");
        assert!(
            main.iter().any(|l| l.contains("Çavuşoğlu") || l.contains("Cavusoglu")),
            "{main:?}"
        );
    }
}
