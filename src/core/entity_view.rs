//! The view model of an entity page: every mention in its sentence, grouped by article in date order, and
//! the entities that co-occur with it.

use crate::core::analysis::detected::{Detected, ID_PREFIX};
use crate::core::analysis::entities::CorpusEntities;
use crate::core::analysis::kb::kb;
use crate::core::analysis::mention::{EntityKind, Mention};
use crate::core::corpus::{Article, Corpus, SimpleDate};
use crate::core::text::{sentence_spans, slice_cp};

/// A mention in its sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SentenceHit {
    /// The sentence before the mention.
    pub before: String,
    /// The mention as written.
    pub mention: String,
    /// The sentence after the mention.
    pub after: String,
}

/// The mentions in one article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MentionGroup {
    /// Article id.
    pub article_id: String,
    /// Article title.
    pub title: String,
    /// The article's date, if known.
    pub date: Option<SimpleDate>,
    /// Each mention in its sentence.
    pub sentences: Vec<SentenceHit>,
}

/// An entity page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EntityView {
    /// Label.
    pub label: String,
    /// Kind.
    pub kind: EntityKind,
    /// Only the model found this name (no knowledge-base entry).
    pub detected: bool,
    /// Mentions grouped by article, oldest article first (undated last): all of them, or one page's
    /// ([`EntityView::page`]).
    pub mentions: Vec<MentionGroup>,
    /// Co-occurring entities: id, label, number of shared articles (most first).
    pub co_occurring: Vec<(String, String, usize)>,
    /// How many mentions in all (on every page).
    pub mention_total: usize,
    /// How many articles in all (on every page).
    pub article_total: usize,
}

impl EntityView {
    /// Page `page` (from 1) of `size` articles; the totals and co-occurring names stay those of all pages.
    pub fn page(mut self, page: usize, size: usize) -> EntityView {
        let start = page.saturating_sub(1).saturating_mul(size);
        self.mentions = self.mentions.into_iter().skip(start).take(size).collect();
        self
    }
}

/// Articles in date order, oldest first, undated last.
fn by_date(mut articles: Vec<&Article>) -> Vec<&Article> {
    articles.sort_by_key(|a| {
        a.date
            .value
            .map_or((1, 0, 0, 0), |d| (0, d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
    });
    articles
}

/// Each span of `text` in its sentence.
fn sentence_hits(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<SentenceHit> {
    let sentences = sentence_spans(text);
    spans
        .map(|(start, end)| {
            let (s, e) = sentences
                .iter()
                .copied()
                .find(|&(s, e)| s <= start && end <= e)
                .unwrap_or((start, end));
            SentenceHit {
                before: slice_cp(text, s, start).to_string(),
                mention: slice_cp(text, start, end).to_string(),
                after: slice_cp(text, end, e).to_string(),
            }
        })
        .collect()
}

/// The KB entities of one article other than `except`, each once.
fn kb_ids<'a>(entities: &'a CorpusEntities, article: &Article, except: &str) -> Vec<&'a str> {
    let mut seen: Vec<&str> = entities
        .by_article
        .get(&article.id)
        .into_iter()
        .flatten()
        .filter_map(|m| m.entity_id.as_deref())
        .filter(|x| *x != except)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// Co-occurrence counts → (id, label, count), most frequent first, at most 20.
fn ranked(co: std::collections::BTreeMap<String, usize>) -> Vec<(String, String, usize)> {
    let mut out: Vec<(String, String, usize)> = co
        .into_iter()
        .map(|(other, n)| {
            let label = kb().get(&other).map_or_else(|| other.clone(), |e| e.label_de.clone());
            (other, label, n)
        })
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    out.truncate(20);
    out
}

/// The page of mentions given per article by `spans_in`, with the KB entities of the same articles as
/// co-occurring entities.
fn assemble(
    corpus: &Corpus,
    entities: &CorpusEntities,
    article_ids: &[crate::core::corpus::ArticleId],
    id: &str,
    spans_in: impl Fn(&Article) -> Vec<(usize, usize)>,
) -> (Vec<MentionGroup>, Vec<(String, String, usize)>) {
    let mut groups = Vec::new();
    let mut co: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for article in by_date(article_ids.iter().filter_map(|a| corpus.get(&a.0)).collect()) {
        let text = article.text();
        for other in kb_ids(entities, article, id) {
            *co.entry(other.to_string()).or_default() += 1;
        }
        groups.push(MentionGroup {
            article_id: article.id.0.clone(),
            title: article.title.text.clone(),
            date: article.date.value,
            sentences: sentence_hits(&text, spans_in(article).into_iter()),
        });
    }
    (groups, ranked(co))
}

/// Builds the page of `id`, a KB entity or a group of names only the model found (`detected`, once the
/// model has run); `None` if no article mentions it.
pub fn build(corpus: &Corpus, entities: &CorpusEntities, detected: Option<&Detected>, id: &str) -> Option<EntityView> {
    let summary = entities
        .entities
        .iter()
        .chain(detected.into_iter().flat_map(|d| d.groups.iter()))
        .find(|e| e.id == id)?;
    let (mentions, co_occurring) = assemble(corpus, entities, &summary.article_ids, id, |article| {
        entities
            .by_article
            .get(&article.id)
            .into_iter()
            .chain(detected.and_then(|d| d.by_article.get(&article.id)))
            .flatten()
            .filter(|m| m.page_id() == Some(id))
            .map(|m| (m.start, m.end))
            .collect()
    });
    Some(EntityView {
        label: summary.label.clone(),
        kind: summary.kind,
        detected: summary.id.starts_with(ID_PREFIX),
        mention_total: mentions.iter().map(|g| g.sentences.len()).sum(),
        article_total: mentions.len(),
        mentions,
        co_occurring,
    })
}

/// An article's main entities: linked names (not dates or quantities), most mentioned first, at most `n`.
/// Returns (id, label, kind).
pub fn main_entities(mentions: &[Mention], n: usize) -> Vec<(String, String, EntityKind)> {
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
        let view = build(&corpus, &entities, None, &putin.id).unwrap();
        assert!(view.mentions.len() >= 4, "Putin is in at least four seeds");
        assert_eq!(view.mentions[0].date.map(|d| (d.year, d.month)), Some((2017, Some(7))));
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
        assert!(build(&corpus, &entities, None, "no-such-entity").is_none());
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
