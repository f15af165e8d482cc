//! The links of the reader's own articles on a page that starts from its share of the analysis: the full
//! app links them where it holds the whole analysis and keeps what came of it ([`OwnLinks`], in
//! localStorage for this build); a page that holds a share adds the kept links to its own
//! ([`super::hooks`]: the whole analysis is loaded only when they are not kept for the articles the reader
//! has now).

use std::rc::Rc;

use super::AppState;
use crate::core::analysis::detected::Detected;
use crate::core::analysis::entities::CorpusEntities;
use crate::core::analysis::events::Linkage;
use crate::core::corpus::{ArticleId, Corpus};
use crate::core::own::links::OwnLinks;

/// The localStorage key of the own articles' links ([`OwnLinks`] as JSON).
pub const OWN_LINKS_KEY: &str = "presseschau.own.links";

/// The kept links and the record as stored (an unreadable record is as none).
fn kept_links() -> (Option<OwnLinks>, Option<String>) {
    let stored = crate::platform::storage::load(OWN_LINKS_KEY).ok().flatten();
    let kept = stored.as_deref().and_then(|json| serde_json::from_str(json).ok());
    (kept, stored)
}

impl AppState {
    /// The ids of the own articles in `corpus` (after the bundled ones, an article shown from a link too).
    fn own_ids(&self, corpus: &Corpus) -> Vec<String> {
        corpus
            .articles
            .iter()
            .skip(self.bundled)
            .map(|a| a.id.0.clone())
            .collect()
    }

    /// The links of `corpus` (this state's articles with the living own ones): over the whole
    /// collection they are found, and kept for pages that start from a share; over a share the kept ones are
    /// added to the share's when they are for this build and these articles, or else the share's stay as
    /// they are until the whole analysis comes ([`AppState::own_links_missing`]).
    pub(super) fn own_linkage(&self, corpus: &Corpus, entities: &CorpusEntities) -> Rc<Linkage> {
        if self.whole.is_none() {
            let links = crate::core::event_view::link_corpus(corpus, entities);
            // (an article shown from a link is not stored: links kept with it would not be found again)
            if let (Some(build), None) = (crate::platform::data::build(), &self.shown) {
                let own = self.own_ids(corpus);
                let own: Vec<&str> = own.iter().map(String::as_str).collect();
                keep(&OwnLinks::of(&build, &own, &links, entities));
            }
            return Rc::new(links);
        }
        match self.kept_for(corpus) {
            Some(kept) => Rc::new(kept.merge_into(&self.links)),
            None => self.links.clone(),
        }
    }

    /// The kept links, where the state holds a share and they are for this build and the own articles of
    /// `corpus`.
    fn kept_for(&self, corpus: &Corpus) -> Option<OwnLinks> {
        let build = self.whole.is_some().then(crate::platform::data::build).flatten()?;
        let own = self.own_ids(corpus);
        let own: Vec<&str> = own.iter().map(String::as_str).collect();
        kept_links().0.filter(|kept| kept.covers(&build, &own))
    }

    /// The names in the own articles that the collection's articles name too, where the state holds a share
    /// (there it cannot tell them from the names only own articles have): as kept with their links.
    pub fn names_elsewhere(&self) -> std::collections::HashSet<String> {
        self.kept_for(&self.corpus)
            .map(|kept| kept.names.into_iter().collect())
            .unwrap_or_default()
    }

    /// The names only the model finds ([`super::engine::Analysis::detect`]): over the whole corpus, or in a
    /// page's share the build's names with the own articles' added (the share holds the build's groups but
    /// not all their articles: finding them again over its articles alone would lose them).
    pub(super) fn detect_in(&self, known: Option<&Detected>) -> Detected {
        use crate::core::analysis::detected;
        match (&self.whole, self.detected.as_deref()) {
            (Some(_), Some(share)) => {
                let kept: Vec<ArticleId> = (self.corpus.articles.iter())
                    .take(self.bundled)
                    .map(|a| a.id.clone())
                    .collect();
                detected::update_share(share, &kept, &self.own_corpus(), known, &self.entities)
            }
            _ => detected::update_corpus(known, &self.corpus, &self.entities),
        }
    }

    /// Whether this state holds a share of the analysis and own articles whose links with the collection
    /// are not kept for this build (added in another tab, one deleted, a new build): the whole analysis
    /// must be loaded to link them.
    pub fn own_links_missing(&self) -> bool {
        self.engine
            .get()
            .is_some_and(|analysis| (analysis.own_links_missing)(self))
    }

    /// [`Self::own_links_missing`] (the full app's: the reading app has no own articles).
    pub(super) fn links_missing(&self) -> bool {
        self.whole.is_some() && !self.own_articles().is_empty() && self.kept_for(&self.corpus).is_none()
    }
}

/// Keeps `links` when they differ from the kept ones. Storage that fails (full, or none) only means the
/// next page loads the whole analysis again.
fn keep(links: &OwnLinks) {
    let (_, stored) = kept_links();
    if let Ok(json) = serde_json::to_string(links)
        && stored.as_deref() != Some(json.as_str())
    {
        let _ = crate::platform::storage::save(OWN_LINKS_KEY, &json);
    }
}
