//! The analysis of a corpus as the build wrote it (the static site's `data.js`), so that the app starts from
//! it instead of analysing the same articles again: the page is interactive sooner, and the model is not
//! needed for text the build already read. Produced and checked with the same core code.

use serde::{Deserialize, Serialize};

use super::detected::Detected;
use super::entities::CorpusEntities;
use super::events::Linkage;
use crate::core::corpus::{ArticleId, Corpus};

/// Entities, model names and links of one corpus, with the corpus's article ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Precomputed {
    /// The articles it was computed for, in corpus order.
    pub article_ids: Vec<ArticleId>,
    /// Knowledge-base, date and quantity mentions, and the entities.
    pub entities: CorpusEntities,
    /// Names only the model found.
    pub detected: Detected,
    /// Same-event and same-story links and groups.
    pub links: Linkage,
}

impl Precomputed {
    /// Reads `json`; `None` when it is not a precomputed analysis or was made for other articles (then the
    /// app analyses as usual: nothing is lost, it only takes longer).
    pub fn for_corpus(json: &str, corpus: &Corpus) -> Option<Self> {
        let p: Self = serde_json::from_str(json).ok()?;
        let same = p.article_ids.len() == corpus.articles.len()
            && p.article_ids.iter().zip(&corpus.articles).all(|(id, a)| *id == a.id);
        same.then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::detected::detect_corpus;
    use crate::core::analysis::entities::analyze_corpus;
    use crate::core::event_view::link_corpus;

    #[test]
    fn round_trips_and_refuses_another_corpus_or_garbage() {
        let corpus = Corpus::from_seeds();
        let entities = analyze_corpus(&corpus);
        let p = Precomputed {
            article_ids: corpus.articles.iter().map(|a| a.id.clone()).collect(),
            detected: detect_corpus(&corpus, &entities),
            links: link_corpus(&corpus, &entities),
            entities,
        };
        let json = serde_json::to_string(&p).expect("json");
        // (floats in the link signals may differ in the last bit after JSON: compared by what they say)
        let back = Precomputed::for_corpus(&json, &corpus).expect("same corpus");
        assert_eq!(
            (&back.article_ids, &back.entities, &back.detected),
            (&p.article_ids, &p.entities, &p.detected)
        );
        assert_eq!(back.links.events, p.links.events);
        let pairs = |l: &Linkage| {
            l.links
                .iter()
                .map(|x| (x.a.clone(), x.b.clone(), x.level))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(&back.links), pairs(&p.links));
        let other = Corpus::from_sources([("x.txt", "Titel\n\nEin ganz anderer Text über Berlin.".as_bytes())]);
        assert_eq!(Precomputed::for_corpus(&json, &other), None);
        assert_eq!(Precomputed::for_corpus("{\"article_ids\": 3}", &corpus), None);
        assert_eq!(Precomputed::for_corpus(&json[..json.len() / 2], &corpus), None);
    }
}
