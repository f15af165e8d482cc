//! What the app says about the whole corpus when its state holds one page's slice of the analysis
//! (`data/<page>.js`, [`crate::core::analysis::page_data`]): the same answers the whole corpus gives.

use std::rc::Rc;

use super::AppState;
use crate::core::analysis::mention::EntitySummary;
use crate::core::analysis::precomputed::Precomputed;
use crate::core::corpus::Article;

impl AppState {
    /// How many articles the corpus has.
    pub fn article_total(&self) -> usize {
        self.whole.as_ref().map_or(self.corpus.articles.len(), |w| w.articles)
    }

    /// The reader's own articles in the state (after the collection's; an article shown from a link too).
    pub fn own_articles(&self) -> &[Article] {
        &self.corpus.articles[self.bundled.min(self.corpus.articles.len())..]
    }

    /// [`Self::own_articles`] as a corpus of their own (what the core's views and indexes take).
    pub fn own_corpus(&self) -> crate::core::corpus::Corpus {
        crate::core::corpus::Corpus {
            articles: self.own_articles().to_vec(),
            errors: Vec::new(),
        }
    }

    /// How many of the reader's own articles a page's slice holds besides the collection's ([`Self::window`]
    /// and [`Self::article_total`] count the collection's only); 0 with the whole analysis, whose corpus
    /// counts them.
    pub fn own_in_slice(&self) -> usize {
        self.whole.as_ref().map_or(0, |_| self.own_articles().len())
    }

    /// A page of a list (the library, the names index) in a page's slice: the place in the list of its
    /// first item (`None`: the state holds the whole list).
    pub fn window(&self) -> Option<usize> {
        self.whole.as_ref().filter(|w| !w.lists_all).map(|w| w.offset)
    }

    /// How many items a list has (the names index, the timeline): in a page's slice the whole list's,
    /// else `here` (what the state holds).
    pub fn list_total(&self, here: usize) -> usize {
        self.whole.as_ref().filter(|w| !w.lists_all).map_or(here, |w| w.items)
    }

    /// The articles before and after `id` in the library.
    pub fn neighbours(&self, id: &str) -> (Option<&Article>, Option<&Article>) {
        if let Some(w) = &self.whole {
            let (prev, next) = w
                .neighbours
                .iter()
                .find(|(a, _)| a.0 == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            let get = |a: Option<crate::core::corpus::ArticleId>| a.and_then(|a| self.corpus.get(&a.0));
            return (get(prev), get(next));
        }
        let articles = &self.corpus.articles;
        let pos = self.corpus.position(id).unwrap_or(0);
        (pos.checked_sub(1).map(|p| &articles[p]), articles.get(pos + 1))
    }

    /// Every outlet of the corpus, sorted.
    pub fn outlets(&self) -> Vec<String> {
        match &self.whole {
            Some(w) => w.outlets.clone(),
            None => crate::core::library::outlets(&self.corpus),
        }
    }

    /// Every year of the corpus, newest first.
    pub fn years(&self) -> Vec<i32> {
        match &self.whole {
            Some(w) => w.years.clone(),
            None => crate::core::library::years(&self.corpus),
        }
    }

    /// How many articles name the entity of `summary`.
    pub fn entity_article_count(&self, summary: &EntitySummary) -> usize {
        // (the reader's own articles that name it come after the cut list, and count besides it)
        let own = self.own_articles();
        let in_own = || {
            (summary.article_ids.iter())
                .filter(|a| own.iter().any(|o| &o.id == *a))
                .count()
        };
        self.whole
            .as_ref()
            .and_then(|w| w.entity_articles.get(&summary.id).copied())
            .map_or(summary.article_ids.len(), |n| n + in_own())
    }

    /// The reading time of `article` in minutes (of its whole text, where the slice holds only its lead).
    pub fn reading_minutes(&self, article: &Article) -> usize {
        match self.whole.as_ref().and_then(|w| w.words.get(&article.id)) {
            Some(&words) => crate::core::corpus::reading_minutes(words),
            None => article.reading_minutes(),
        }
    }

    /// Whether `p` is more than the state holds: a whole list replaces a page's slice, the whole analysis
    /// replaces any share.
    pub(super) fn takes_whole(&self, p: &Precomputed) -> bool {
        self.window().is_some() || (p.whole.is_none() && self.whole.is_some())
    }

    /// A whole list (`data/library.js`, `data/names.js`) or the whole analysis instead of one page's slice
    /// (the reader asked for what the slice does not hold: a filtered list, or own text to link with the
    /// collection). Everything the reader set (notes, filters, language, own articles) stays.
    pub(super) fn take_whole(&mut self, mut p: Precomputed) {
        let whole = p.whole.take();
        let (corpus, entities, detected, links) = p.into_parts();
        self.bundled = corpus.articles.len();
        self.corpus = Rc::new(corpus);
        self.entities = Rc::new(entities);
        self.detected = Some(Rc::new(detected));
        self.links = Rc::new(links);
        self.whole = whole.map(Rc::new);
        // the reader's own articles (and one shown from a link) were added to the share: again, now linked
        // with the whole collection
        if !self.own.is_empty() || self.shown.is_some() {
            self.set_own((*self.own).clone());
        }
    }

    /// Adds an article a page loaded from its page's share ([`super::Action::SharedArticle`]) to the slice's
    /// articles.
    pub(super) fn add_article(&mut self, article: Article) {
        let mut corpus = (*self.corpus).clone();
        // a bundled article: among the bundled ones, before the reader's own (which a share holds when they
        // came from storage or another tab)
        let own = corpus.articles.split_off(self.bundled.min(corpus.articles.len()));
        corpus.insert(article);
        self.bundled = corpus.articles.len();
        corpus.articles.extend(own);
        self.corpus = Rc::new(corpus);
    }
}
