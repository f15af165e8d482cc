//! The bundled articles and their analysis as the build wrote them (the static site's `data.js`), so that the
//! app starts from them instead of ingesting and analysing the same articles again: the page is interactive
//! sooner, and the reader's app carries no ingest, matcher, model or linker at all (they load with the full
//! app, only for text the build did not read). Produced with the same core code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::detected::Detected;
use super::entities::CorpusEntities;
use super::events::Linkage;
use crate::core::corpus::{Article, ArticleId, Corpus};
use crate::core::error::IngestError;

/// The ingested articles of one corpus with their entities, model names and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Precomputed {
    /// The articles, in corpus order.
    pub articles: Vec<Article>,
    /// The files the build could not read.
    pub errors: Vec<IngestError>,
    /// Knowledge-base, date and quantity mentions, and the entities.
    pub entities: CorpusEntities,
    /// Names only the model found.
    pub detected: Detected,
    /// Same-event and same-story links and groups.
    pub links: Linkage,
    /// A page's slice of the analysis (`data/<page>.js`): what it says about the whole corpus
    /// ([`super::page_data`]). `None` for the whole analysis (`data.js`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<Whole>,
}

/// What a page's slice knows about the whole corpus that its articles alone do not tell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Whole {
    /// How many articles the corpus has.
    pub articles: usize,
    /// A page of a list (the library, the names index): the place in the list of its first item.
    #[serde(default)]
    pub offset: usize,
    /// The slice holds a whole list (`data/library.js`, `data/names.js`: what a filter needs), not one page.
    #[serde(default)]
    pub lists_all: bool,
    /// A page of the names index or the timeline: how many names or groups the whole list has.
    #[serde(default)]
    pub items: usize,
    /// A library page: every outlet of the corpus, as the filter lists them.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// A library page: every year of the corpus, newest first.
    #[serde(default)]
    pub years: Vec<i32>,
    /// An article page: the articles before and after it in the library.
    #[serde(default)]
    pub neighbours: BTreeMap<ArticleId, (Option<ArticleId>, Option<ArticleId>)>,
    /// Entities whose article list was cut to the slice's articles: how many articles name them.
    #[serde(default)]
    pub entity_articles: BTreeMap<String, usize>,
    /// Articles cut to their lead: their word count.
    #[serde(default)]
    pub words: BTreeMap<ArticleId, usize>,
    /// A name's page: its page of mentions, as the build found them (the page needs none of the articles'
    /// text but these sentences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<crate::core::entity_view::EntityView>,
    /// A compare page: its two reports aligned sentence by sentence, as the build compared them (the
    /// reading app has no word diff; the titles come with the slice, not the texts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<crate::core::event_view::CompareView>,
    /// The knowledge base's English descriptions of the names whose cards or header the page shows, so an
    /// English page needs no `kb-en.js` (the descriptions of every name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub english: BTreeMap<String, String>,
}

impl Precomputed {
    /// Reads `json`; `None` when it is not a precomputed analysis or its parts do not belong together (every
    /// article needs its mentions). The app then starts the way a folder without `data.js` does.
    pub fn read(json: &str) -> Option<Self> {
        let p: Self = serde_json::from_str(json).ok()?;
        let whole = p.articles.iter().all(|a| p.entities.by_article.contains_key(&a.id));
        whole.then_some(p)
    }

    /// Splits into the corpus, its entities, the model's names and the links (and drops [`Self::whole`]).
    pub fn into_parts(self) -> (Corpus, CorpusEntities, Detected, Linkage) {
        let corpus = Corpus {
            articles: self.articles,
            errors: self.errors,
        };
        (corpus, self.entities, self.detected, self.links)
    }
}

#[cfg(test)]
impl Precomputed {
    /// The seeds with every analysis done (for tests).
    pub(crate) fn of_seeds() -> Self {
        let corpus = Corpus::from_seeds();
        let entities = crate::core::analysis::entities::analyze_corpus(&corpus);
        Precomputed {
            articles: corpus.articles.clone(),
            errors: corpus.errors.clone(),
            detected: crate::core::analysis::detected::detect_corpus(&corpus, &entities),
            links: crate::core::event_view::link_corpus(&corpus, &entities),
            entities,
            whole: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_parts_that_do_not_belong_together_or_garbage() {
        let corpus = Corpus::from_seeds();
        let p = Precomputed::of_seeds();
        let json = serde_json::to_string(&p).expect("json");
        // (floats in the link signals may differ in the last bit after JSON: compared by what they say)
        let back = Precomputed::read(&json).expect("readable");
        assert_eq!(
            (&back.articles, &back.errors, &back.entities, &back.detected),
            (&p.articles, &p.errors, &p.entities, &p.detected)
        );
        assert_eq!(back.links.events, p.links.events);
        let pairs = |l: &Linkage| {
            l.links
                .iter()
                .map(|x| (x.a.clone(), x.b.clone(), x.level))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(&back.links), pairs(&p.links));
        let (c, ..) = back.into_parts();
        assert_eq!(c, corpus);
        let mut other = p.clone();
        other.entities.by_article.clear();
        assert_eq!(Precomputed::read(&serde_json::to_string(&other).expect("json")), None);
        assert_eq!(Precomputed::read("{\"articles\": 3}"), None);
        assert_eq!(Precomputed::read(&json[..json.len() / 2]), None);
    }
}
