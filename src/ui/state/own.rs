//! The reader's own articles in the app state: the stored records, and the corpus, entities and links
//! with the living ones added to the bundled articles (only what changed is analysed again).

use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use super::AppState;
use crate::core::analysis::detected::Detected;
use crate::core::analysis::mention::Mention;
use crate::core::corpus::{Article, ArticleId};
use crate::core::own::OwnArticle;

/// Where the own articles stand with the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OwnStorage {
    /// Not read yet.
    #[default]
    Loading,
    /// Read; changes are written.
    Ready,
    /// IndexedDB cannot be used (or a write failed): the articles live in this window only.
    Failed(crate::platform::idb::IdbError),
}

impl AppState {
    /// Whether `id` is one of the reader's own articles (not a bundled one).
    pub fn is_own(&self, id: &str) -> bool {
        self.own.iter().any(|o| o.id.0 == id && o.deleted.is_none())
    }

    /// Replaces the own articles' records (read from storage, joined with another tab's, or changed here)
    /// and brings the corpus, its entities and links up to date: a deleted article goes, a new one is
    /// analysed, the others stay as they are.
    pub(super) fn set_own(&mut self, records: Vec<OwnArticle>) {
        self.own = Rc::new(records);
        let records = self.own.clone();
        let shown = self.shown.as_deref().filter(|s| !records.iter().any(|o| o.id == s.id));
        let alive: Vec<&OwnArticle> = records.iter().filter(|o| o.deleted.is_none()).chain(shown).collect();
        let keep: HashSet<&str> = alive.iter().map(|o| o.id.0.as_str()).collect();
        let before: HashSet<String> = self
            .corpus
            .articles
            .iter()
            .skip(self.bundled)
            .map(|a| a.id.0.clone())
            .collect();
        // (only the full app has an analysis; the reading pages' app hands over before own articles load)
        let Some(analysis) = self.engine.get() else {
            return;
        };
        let mut corpus = (*self.corpus).clone();
        let mut entities = (*self.entities).clone();
        let gone: Vec<ArticleId> = corpus
            .articles
            .iter()
            .filter(|a| before.contains(&a.id.0) && !keep.contains(a.id.0.as_str()))
            .map(|a| a.id.clone())
            .collect();
        for id in &gone {
            (analysis.remove)(&mut entities, id);
        }
        corpus.articles.retain(|a| !gone.contains(&a.id));
        let new: Vec<Article> = alive
            .iter()
            .filter(|o| corpus.get(&o.id.0).is_none())
            .filter_map(|o| (analysis.article)(o))
            .collect();
        (analysis.add)(&mut entities, &new);
        let changed = !gone.is_empty() || !new.is_empty();
        corpus.articles.extend(new);
        if changed {
            self.links = (analysis.own_links)(self, &corpus, &entities);
            self.detected_outdated = true;
            self.corpus = Rc::new(corpus);
            self.entities = Rc::new(entities);
        }
        crate::ui::routes::set_dynamic(self.dynamic_ids(analysis));
    }

    /// The ids whose pages are not in the static site: own articles, events with an own report, and names
    /// (the model's too, once found) only own articles mention: in a page's share, of those it does not count,
    /// the ones not kept as the collection's too ([`super::engine::Analysis::names_elsewhere`]).
    pub(super) fn dynamic_ids(&self, analysis: &super::engine::Analysis) -> HashSet<String> {
        let elsewhere = (analysis.names_elsewhere)(self);
        let own: HashSet<&str> = self
            .own
            .iter()
            .chain(self.shown.as_deref())
            .map(|o| o.id.0.as_str())
            .collect();
        let mut ids: HashSet<String> = own.iter().map(|s| s.to_string()).collect();
        for g in &self.links.events {
            if g.members.iter().any(|m| own.contains(m.0.as_str())) {
                ids.insert(g.id.clone());
            }
        }
        let detected = self.detected.iter().flat_map(|d| d.groups.iter());
        for e in self.entities.entities.iter().chain(detected) {
            // (a share cuts a name's articles to its own, or to none: a name it counts is the build's)
            let built = self
                .whole
                .as_ref()
                .is_some_and(|w| w.entity_articles.contains_key(&e.id));
            let mine = !e.article_ids.is_empty() && e.article_ids.iter().all(|a| own.contains(a.0.as_str()));
            if mine && !built && !elsewhere.contains(&e.id) {
                ids.insert(e.id.clone());
            }
        }
        ids
    }
}

impl AppState {
    /// Adds new records (ones already here, by content id, are skipped) and marks the list to be written.
    pub(super) fn add_own(&mut self, new: Vec<OwnArticle>) {
        let mut records = (*self.own).clone();
        for n in new {
            match records.iter_mut().find(|o| o.id == n.id) {
                Some(old) if old.deleted.is_some() => *old = n,
                Some(_) => {}
                None => records.push(n),
            }
        }
        self.set_own(records);
        self.own_dirty = true;
    }

    /// Deletes own article `id` at `now` (a mark; [`AppState::restore_own`] undoes it).
    pub(super) fn delete_own(&mut self, id: &ArticleId, now: &str) {
        let mut records = (*self.own).clone();
        if let Some(r) = records.iter_mut().find(|o| &o.id == id) {
            r.delete(now);
            self.own_undo = Some(id.clone());
            self.set_own(records);
            self.own_dirty = true;
        }
    }

    /// Clears the deleted mark of own article `id` at `now` (undo).
    pub(super) fn restore_own(&mut self, id: &ArticleId, now: &str) {
        self.own_undo = None;
        let mut records = (*self.own).clone();
        if let Some(r) = records.iter_mut().find(|o| &o.id == id) {
            r.restore(now);
        }
        self.set_own(records);
        self.own_dirty = true;
    }
}

impl AppState {
    /// Shows an article that came with a link, read-only (in the corpus, not stored) until kept.
    pub(super) fn show_shared(&mut self, article: OwnArticle) {
        let records = (*self.own).clone();
        // what was shown before leaves the corpus (set_own compares with the ids shown until now)
        self.shown = Some(Rc::new(article));
        self.set_own(records);
    }

    /// Keeps the shown article in the reader's library.
    pub(super) fn keep_shown(&mut self) {
        if let Some(shown) = self.shown.take() {
            self.add_own(vec![(*shown).clone()]);
        }
    }
}

impl AppState {
    /// The own-article actions of the reducer.
    pub(super) fn reduce_own(&mut self, action: super::Action) {
        use super::Action;
        match action {
            Action::OwnLoaded(records) => {
                self.set_own(records);
                if self.own_storage == OwnStorage::Loading {
                    self.own_storage = OwnStorage::Ready;
                }
            }
            Action::OwnAdd(new) => self.add_own(new),
            Action::OwnDelete(id, now) => self.delete_own(&id, &now),
            Action::OwnRestore(id, now) => self.restore_own(&id, &now),
            Action::OwnShow(article) => self.show_shared(article),
            Action::OwnKeepShown => self.keep_shown(),
            Action::OwnStored(status, dirty) => {
                self.own_storage = status;
                self.own_dirty = dirty;
            }
            _ => {}
        }
    }
}

/// The localStorage key of the model's names in the reader's own articles (JSON: content id → mentions): a
/// page of a reader with own articles then finds their names without loading the model again (`model.js`,
/// 0.43 MB gzip, and the tagger's run over their text on every page).
pub const OWN_NAMES_KEY: &str = "presseschau.own.names";

/// The own articles' names kept by an earlier page (content id → mentions; an unreadable record is as none),
/// and the record as stored.
fn kept_names() -> (BTreeMap<String, Vec<Mention>>, Option<String>) {
    let stored = crate::platform::storage::load(OWN_NAMES_KEY).ok().flatten();
    let kept = stored
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    (kept, stored)
}

impl AppState {
    /// The model's names known before the model runs: those the state has (the build's, for the articles
    /// it analysed, which have none where none is listed) and those kept for the own articles
    /// ([`OWN_NAMES_KEY`]). `None` before the state has any.
    pub fn known_names(&self) -> Option<Detected> {
        let mut known = (**self.detected.as_ref()?).clone();
        for a in self.corpus.articles.iter().take(self.bundled) {
            known.by_article.entry(a.id.clone()).or_default();
        }
        let (kept, _) = kept_names();
        for a in self.own_articles() {
            if let Some(names) = kept.get(&a.id.0) {
                known.by_article.entry(a.id.clone()).or_insert_with(|| names.clone());
            }
        }
        Some(known)
    }

    /// Whether finding the model's names needs the model: some own article's names are neither in the state
    /// nor kept (the bundled ones' came with the build's analysis).
    pub fn names_need_model(&self) -> bool {
        let Some(detected) = self.detected.as_deref() else {
            return true;
        };
        let (kept, _) = kept_names();
        (self.own_articles().iter()).any(|a| !detected.by_article.contains_key(&a.id) && !kept.contains_key(&a.id.0))
    }

    /// Keeps the model's names of the own articles for the next page ([`OWN_NAMES_KEY`]; the records of
    /// articles no longer here go), when they differ from the kept ones. Storage that fails only means the
    /// model runs again there.
    pub fn keep_own_names(&self) {
        let Some(detected) = self.detected.as_deref() else {
            return;
        };
        let own: BTreeMap<&str, &[Mention]> = (self.own_articles().iter())
            .map(|a| {
                (
                    a.id.0.as_str(),
                    detected.by_article.get(&a.id).map_or(&[][..], Vec::as_slice),
                )
            })
            .collect();
        let (_, stored) = kept_names();
        if let Ok(json) = serde_json::to_string(&own)
            && stored.as_deref() != Some(json.as_str())
        {
            let _ = crate::platform::storage::save(OWN_NAMES_KEY, &json);
        }
    }
}
