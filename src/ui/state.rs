//! The app state: one reducer, provided as a context. `reduce` stays thin and delegates to core
//! functions, so it is unit-tested natively (`tests/reducer.rs`).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::analysis::detected::Detected;
use crate::core::analysis::entities::{CorpusEntities, EntityKind};
use crate::core::analysis::events::Linkage;
use crate::core::analysis::precomputed::Precomputed;
use crate::core::annotations::codec::{self, StoredDataError};
use crate::core::annotations::{Annotation, AnnotationEdit, AnnotationId, AnnotationSet, Removed};
use crate::core::corpus::Corpus;
pub use crate::core::library::{LibraryFilter, SortOrder};
pub use crate::ui::text::Lang;
pub use engine::Engine;
pub use own::{OWN_NAMES_KEY, OwnStorage};
pub use own_links::OWN_LINKS_KEY;

pub mod engine;
mod own;
mod own_links;
mod whole;

/// The localStorage key of the annotations.
pub const ANNOTATIONS_KEY: &str = "presseschau.annotations";
/// The localStorage key of the hidden entity kinds (comma separated).
pub const HIDDEN_KINDS_KEY: &str = "presseschau.hidden-kinds";

/// The localStorage key of the reader's name, written as `creator` into exports (optional).
pub const CREATOR_KEY: &str = "presseschau.creator";

/// The localStorage key of the reader's UI language (`de`, `en`; unset: the browser's language).
pub const LANG_KEY: &str = "presseschau.lang";
/// The localStorage key of the reader's theme (`light`, `dark`; unset: the system's).
pub const THEME_KEY: &str = "presseschau.theme";

/// Light or dark pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// As the system says (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, in the switch's order.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored value and `<html data-theme>` (`system`, `light`, `dark`).
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme a stored value names (anything else: the system's).
    pub fn from_code(code: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.code() == code.trim())
            .unwrap_or_default()
    }
}

/// Every entity kind, in legend order.
pub const ALL_KINDS: [EntityKind; 7] = EntityKind::ALL;
/// Parses the stored hidden kinds (unknown names are ignored).
pub fn parse_kinds(stored: &str) -> Vec<EntityKind> {
    ALL_KINDS
        .into_iter()
        .filter(|k| stored.split(',').any(|s| s.trim() == k.as_str()))
        .collect()
}

/// Where unreadable stored annotations are kept aside (never overwritten by a save).
pub const UNREADABLE_KEY: &str = "presseschau.annotations.unreadable";

/// What happened to the stored annotations.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageStatus {
    /// Loaded and saving normally.
    #[default]
    Ok,
    /// No storage: annotations live in memory only (export them to keep them).
    Unavailable,
    /// Saving failed (e.g. the quota is full): the annotations are in memory.
    SaveFailed(String),
    /// Stored data could not be read. It was kept aside (or, if that failed, is only in memory) and is
    /// offered for download; the app started with an empty set.
    Unreadable {
        /// The unreadable data, exactly as stored.
        raw: Rc<str>,
        /// What was wrong with it.
        problem: crate::core::annotations::codec::StoredDataProblem,
        /// Whether the raw data was copied to [`UNREADABLE_KEY`].
        kept_aside: bool,
    },
}

impl StorageStatus {
    /// Whether saving to the main key is allowed (not while unreadable data could not be put aside).
    pub fn may_save(&self) -> bool {
        !matches!(self, Self::Unreadable { kept_aside: false, .. } | Self::Unavailable)
    }
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The articles (ingested once at start-up).
    pub corpus: Rc<Corpus>,
    /// Entity mentions per article and the entities of the corpus (computed once at start-up).
    pub entities: Rc<CorpusEntities>,
    /// Names only the statistical model finds (not in the knowledge base), grouped across the corpus; `None`
    /// until the model has run. The app starts without them and runs the model right after the first page is
    /// on screen ([`Action::DetectNames`]); [`AppState::new`] runs it at once.
    pub detected: Option<Rc<Detected>>,
    /// Same-event and same-story links and groups, with the KB entities (computed once at start-up).
    pub links: Rc<Linkage>,
    /// Entity kinds the reader has switched off.
    pub hidden_kinds: Vec<EntityKind>,
    /// The library's filters.
    pub filter: LibraryFilter,
    /// The reader's annotations.
    pub annotations: Rc<AnnotationSet>,
    /// The annotations as storage held them when this tab last read or wrote them: what another tab's
    /// changes are told apart from ([`AnnotationSet::reconcile`]).
    pub stored_base: Rc<AnnotationSet>,
    /// The last removed annotation, for undo.
    pub undo: Option<Rc<Removed>>,
    /// State of the stored annotations.
    pub storage: StorageStatus,
    /// A one-sentence message for the reader (errors of imports, links, …).
    pub notice: Option<Notice>,
    /// The language of the UI.
    pub lang: Lang,
    /// Light, dark or the system's.
    pub theme: Theme,
    /// The knowledge base's English descriptions by entity id (`kb-en.js`, loaded when the UI is English).
    pub descriptions_en: Option<Rc<std::collections::HashMap<String, String>>>,
    /// The reader's own articles as stored (deleted ones keep a mark, so another tab's merge cannot bring
    /// them back); the living ones are in [`AppState::corpus`] after the bundled ones.
    pub own: Rc<Vec<crate::core::own::OwnArticle>>,
    /// Where the own articles stand with storage.
    pub own_storage: OwnStorage,
    /// Whether this tab changed the own articles since they were last written.
    pub own_dirty: bool,
    /// The last deleted own article, for undo.
    pub own_undo: Option<crate::core::corpus::ArticleId>,
    /// An article that came with a link: in the corpus, read-only, not stored until kept.
    pub shown: Option<Rc<crate::core::own::OwnArticle>>,
    /// How many articles at the start of [`AppState::corpus`] are the bundled ones (the reader's follow).
    pub bundled: usize,
    /// What analyses text the build did not: the full app's analysis, or none (the reading pages' app).
    pub engine: Engine,
    /// The articles changed since the model's names were found (own articles came or went): they are found
    /// again over the whole corpus ([`Action::DetectNames`]); until then the old ones are shown.
    pub detected_outdated: bool,
    /// When the state holds one page's slice of the analysis (`data/<page>.js`), what it says about the
    /// whole corpus; `None` when it holds the whole corpus ([`AppState::article_total`] and the rest).
    pub whole: Option<Rc<crate::core::analysis::page_data::Whole>>,
}

/// A message shown at the top of the page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports a problem (styled as a warning).
    pub is_error: bool,
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set the library's outlet filter.
    SetOutlet(Option<String>),
    /// Set the library's year filter.
    SetYear(Option<i32>),
    /// Set the library's sort order.
    SetSort(SortOrder),
    /// Clear all library filters.
    ResetFilter,
    /// Show or hide one entity kind.
    ToggleKind(EntityKind),
    /// Show (`true`) or hide (`false`) all entity kinds.
    SetAllKinds(bool),
    /// Add an annotation.
    AddAnnotation(Annotation),
    /// Change an annotation's note, tags or colour (`now` is the ISO time).
    EditAnnotation {
        /// Which one.
        id: AnnotationId,
        /// What changes.
        edit: AnnotationEdit,
        /// The current time.
        now: String,
    },
    /// Remove an annotation (it can be restored with [`Action::Undo`]).
    RemoveAnnotation(AnnotationId),
    /// Restore the last removed annotation.
    Undo,
    /// Replace the whole set (after an import merged into a copy).
    ReplaceAnnotations(AnnotationSet),
    /// Adopt notes shared by link: those not already among mine (same passage and text) are added.
    AdoptShared {
        /// The notes, placed in this reader's text (or kept as notes without a place).
        notes: Vec<Annotation>,
        /// How many could not be placed in the text.
        unplaced: usize,
    },
    /// This tab wrote `written` to storage (`from`, the notes it held then, joined with another tab's
    /// changes): it is the new base, and the shown notes, with what changed here since the write was made.
    StorageWritten {
        /// The notes the write was made from.
        from: AnnotationSet,
        /// What was written.
        written: AnnotationSet,
    },
    /// Another tab changed the stored notes to `set`: join its changes with this tab's.
    StorageChanged(AnnotationSet),
    /// Record what storage said.
    SetStorage(StorageStatus),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Run the statistical model over the corpus (once; nothing happens when the names are ready).
    DetectNames,
    /// Switch the UI language.
    SetLang(Lang),
    /// Switch the theme.
    SetTheme(Theme),
    /// The knowledge base's English descriptions arrived.
    SetDescriptionsEn(Rc<std::collections::HashMap<String, String>>),
    /// The own articles as storage (or a join with another tab's) has them.
    OwnLoaded(Vec<crate::core::own::OwnArticle>),
    /// The reader added articles.
    OwnAdd(Vec<crate::core::own::OwnArticle>),
    /// The reader deleted an own article (`now` is the ISO time); undo with [`Action::OwnRestore`].
    OwnDelete(crate::core::corpus::ArticleId, String),
    /// Bring a deleted own article back.
    OwnRestore(crate::core::corpus::ArticleId, String),
    /// Record where the own articles stand with storage (`dirty`: still to be written).
    OwnStored(OwnStorage, bool),
    /// Show an article that came with a link (read-only, not stored).
    OwnShow(crate::core::own::OwnArticle),
    /// Keep the shown article in the library.
    OwnKeepShown,
    /// A whole list (or the whole analysis) arrived where the state held one page's slice.
    WholeData(Rc<Precomputed>),
    /// An article a page asked for (the notes page for its notes, the search page for its hits) arrived
    /// from its own page's share.
    SharedArticle(Rc<crate::core::corpus::Article>),
}

impl AppState {
    /// The embedded seeds with every analysis done, no annotations.
    pub fn from_seeds() -> Self {
        Self::new(Corpus::from_seeds())
    }

    /// The state the app starts with, no annotations: the bundled articles and their analysis as the build
    /// wrote them (`data.js`), model names included, so nothing is analysed again.
    ///
    /// Without a readable `data.js`, an app with an [`Engine`] ingests the embedded seeds and analyses them
    /// without the model's names ([`Action::DetectNames`] adds them once the first page is on screen); one
    /// without gets `None` (the reading pages' app then hands over to the full app).
    /// The full app starts from a page's share only where the page loads one (`share_page`: the search
    /// page, whose hits' articles come with their own shares, and a reading page of a reader with own
    /// articles, whose links are kept: [`OWN_LINKS_KEY`]).
    pub fn starting(engine: Engine, share_page: bool) -> Option<Self> {
        let data = crate::platform::data::precomputed().and_then(|json| Precomputed::read(&json));
        // (the full app needs the whole corpus: a reading page's share, left when data.js could not be
        // loaded, is not it; the full app then analyses the embedded seeds itself)
        let data = data.filter(|p| p.whole.is_none() || engine.get().is_none() || share_page);
        let mut s = match (data, engine.get()) {
            (Some(p), _) => {
                crate::platform::clock::mark("presseschau:precomputed");
                Self::from_precomputed(p)
            }
            (None, Some(analysis)) => {
                let c = (analysis.seeds)();
                crate::platform::clock::mark("presseschau:ingested");
                Self::analysed(c, analysis)
            }
            (None, None) => return None,
        };
        s.engine = engine;
        Some(s)
    }

    /// A state with the build's analysis.
    pub fn from_precomputed(mut p: Precomputed) -> Self {
        let whole = p.whole.take().map(Rc::new);
        let (corpus, entities, detected, links) = p.into_parts();
        let mut s = Self::with_analysis(corpus, entities, links);
        s.detected = Some(Rc::new(detected));
        s.whole = whole;
        s
    }

    /// The articles and analysis the static site ships (`data.js`), when every part of it is there.
    pub fn precomputed(&self) -> Option<Precomputed> {
        if self.whole.is_some() {
            return None;
        }
        Some(Precomputed {
            articles: self.corpus.articles.clone(),
            errors: self.corpus.errors.clone(),
            entities: (*self.entities).clone(),
            detected: (**self.detected.as_ref()?).clone(),
            links: (*self.links).clone(),
            whole: None,
        })
    }

    /// A state over any corpus, with every analysis done.
    pub fn new(corpus: Corpus) -> Self {
        let mut s = Self::without_names(corpus);
        s.detect_names();
        s
    }

    /// A state over any corpus without the model's names (the knowledge-base entities and the links are there).
    pub fn without_names(corpus: Corpus) -> Self {
        let mut s = Self::analysed(corpus, &engine::FULL);
        s.engine = Engine::FULL;
        s
    }

    /// `corpus` analysed by `analysis` (without the model's names). (The caller sets the engine: naming the
    /// full one here would link the whole analysis into the reading pages' app.)
    fn analysed(corpus: Corpus, analysis: &'static engine::Analysis) -> Self {
        let entities = (analysis.analyze)(&corpus);
        crate::platform::clock::mark("presseschau:entities");
        let links = (analysis.link)(&corpus, &entities);
        crate::platform::clock::mark("presseschau:linked");
        Self::with_analysis(corpus, entities, links)
    }

    fn with_analysis(corpus: Corpus, entities: CorpusEntities, links: Linkage) -> Self {
        let bundled = corpus.articles.len();
        Self {
            corpus: Rc::new(corpus),
            entities: Rc::new(entities),
            detected: None,
            links: Rc::new(links),
            hidden_kinds: Vec::new(),
            filter: LibraryFilter::default(),
            annotations: Rc::new(AnnotationSet::new()),
            stored_base: Rc::new(AnnotationSet::new()),
            undo: None,
            storage: StorageStatus::Ok,
            notice: None,
            lang: Lang::default(),
            theme: Theme::default(),
            descriptions_en: None,
            own: Rc::new(Vec::new()),
            own_storage: OwnStorage::Loading,
            own_dirty: false,
            own_undo: None,
            shown: None,
            bundled,
            engine: Engine::NONE,
            detected_outdated: false,
            whole: None,
        }
    }

    /// Applies what was read from storage: `Ok(None)` nothing stored, `Ok(Some(raw))` the stored string,
    /// `Err(())` no storage. `kept_aside` tells whether unreadable data could be copied aside.
    pub fn with_stored(mut self, stored: Result<Option<String>, ()>, keep_aside: impl FnOnce(&str) -> bool) -> Self {
        match stored {
            Err(()) => self.storage = StorageStatus::Unavailable,
            Ok(None) => {}
            Ok(Some(raw)) => match codec::decode(&raw) {
                Ok(decoded) => {
                    self.annotations = Rc::new(decoded.set);
                    self.stored_base = self.annotations.clone();
                }
                Err(StoredDataError { raw, problem }) => {
                    let kept_aside = keep_aside(&raw);
                    self.storage = StorageStatus::Unreadable {
                        raw: raw.into(),
                        problem,
                        kept_aside,
                    };
                }
            },
        }
        self
    }

    /// Calls `f` with every article as W3C import and export see it (id, web address, clean text).
    pub fn with_article_refs<R>(&self, f: impl FnOnce(&[crate::core::annotations::w3c::ArticleRef<'_>]) -> R) -> R {
        let texts: Vec<String> = self.corpus.articles.iter().map(|a| a.text()).collect();
        let refs: Vec<_> = self
            .corpus
            .articles
            .iter()
            .zip(&texts)
            .map(|(a, t)| crate::core::annotations::w3c::ArticleRef {
                id: &a.id,
                url: a.url.as_deref(),
                text: t,
            })
            .collect();
        f(&refs)
    }

    /// The notes as W3C JSON-LD text: all (`article` `None`) or one article's, with the articles' web
    /// addresses and the reader's name (when given) as `creator`.
    pub fn export_notes(&self, article: Option<&crate::core::corpus::ArticleId>) -> String {
        let creator = crate::platform::storage::load(CREATOR_KEY)
            .ok()
            .flatten()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        self.with_article_refs(|articles| {
            let options = crate::core::annotations::w3c::ExportOptions {
                articles,
                creator: creator.as_deref(),
            };
            crate::core::annotations::w3c::export_string_with(&self.annotations, article, &options)
        })
    }

    /// Whether the model's names are still to be found (and this app can find them).
    pub fn names_due(&self) -> bool {
        (self.detected.is_none() || self.detected_outdated) && self.engine.get().is_some()
    }

    /// Runs the model over the corpus, unless it has already run over these articles.
    fn detect_names(&mut self) {
        let due = self.detected.is_none() || self.detected_outdated;
        if let (true, Some(analysis)) = (due, self.engine.get()) {
            let known = (analysis.known_names)(self);
            self.detected = Some(Rc::new((analysis.detect)(self, known.as_ref())));
            self.detected_outdated = false;
            (analysis.keep_names)(self);
            crate::ui::routes::set_dynamic(self.dynamic_ids(analysis));
            crate::platform::clock::mark("presseschau:detected");
        }
    }

    /// Adds the shared notes that are not already among the reader's (same article, passage, note and
    /// tags), and says what was added, what was there already and what has no place in the text.
    fn adopt_shared(&mut self, notes: Vec<Annotation>, unplaced: usize) {
        let t = self.lang.text();
        let mut set = (*self.annotations).clone();
        let (new, known): (Vec<Annotation>, Vec<Annotation>) = notes.into_iter().partition(|n| !set.has_same(n));
        let mut added = 0;
        for n in new {
            match set.add(n) {
                Ok(()) => added += 1,
                Err(e) => return self.notify_error(t.annotation_error(t.notes_not_adopted, &e)),
            }
        }
        self.annotations = Rc::new(set);
        self.notice = Some(Notice {
            text: t.notes_adopted(added, known.len(), unplaced),
            is_error: false,
        });
    }

    /// This tab wrote `written`, made from `from`: the new base, and the shown notes when they differ.
    fn storage_written(&mut self, from: &AnnotationSet, written: AnnotationSet) {
        // a change made between the write and now (an import as the page starts) is kept, not overwritten
        let shown = if *self.annotations == *from {
            written.clone()
        } else {
            self.annotations.reconcile(from, &written)
        };
        if *self.annotations != shown {
            self.annotations = Rc::new(shown);
        }
        self.stored_base = Rc::new(written);
    }

    /// Another tab wrote `theirs`: both tabs' changes are joined.
    fn storage_changed(&mut self, theirs: AnnotationSet) {
        let joined = self.annotations.reconcile(&self.stored_base, &theirs);
        self.stored_base = Rc::new(theirs);
        if joined != *self.annotations {
            self.annotations = Rc::new(joined);
        }
    }

    fn notify_error(&mut self, text: String) {
        self.notice = Some(Notice { text, is_error: true });
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let t = self.lang.text();
        match action {
            Action::SetOutlet(o) => next.filter.outlet = o,
            Action::SetYear(y) => next.filter.year = y,
            Action::SetSort(s) => next.filter.sort = s,
            Action::ResetFilter => next.filter = LibraryFilter::default(),
            Action::ToggleKind(kind) => {
                if let Some(i) = next.hidden_kinds.iter().position(|k| *k == kind) {
                    next.hidden_kinds.remove(i);
                } else {
                    next.hidden_kinds.push(kind);
                    next.hidden_kinds.sort();
                }
            }
            Action::SetAllKinds(show) => next.hidden_kinds = if show { Vec::new() } else { ALL_KINDS.to_vec() },
            Action::AddAnnotation(a) => {
                let mut set = (*next.annotations).clone();
                match set.add(a) {
                    Ok(()) => next.annotations = Rc::new(set),
                    Err(e) => next.notify_error(t.annotation_error(t.note_not_created, &e)),
                }
            }
            Action::EditAnnotation { id, edit, now } => {
                let mut set = (*next.annotations).clone();
                match set.update(&id, edit, &now) {
                    Ok(()) => next.annotations = Rc::new(set),
                    Err(e) => next.notify_error(t.annotation_error(t.note_not_changed, &e)),
                }
            }
            Action::RemoveAnnotation(id) => {
                let mut set = (*next.annotations).clone();
                match set.remove(&id) {
                    Ok(removed) => {
                        next.annotations = Rc::new(set);
                        next.undo = Some(Rc::new(removed));
                    }
                    Err(e) => next.notify_error(t.annotation_error(t.note_not_deleted, &e)),
                }
            }
            Action::Undo => {
                if let Some(removed) = next.undo.take() {
                    let mut set = (*next.annotations).clone();
                    match set.restore((*removed).clone()) {
                        Ok(()) => next.annotations = Rc::new(set),
                        Err(e) => next.notify_error(t.annotation_error(t.undo_failed, &e)),
                    }
                }
            }
            Action::ReplaceAnnotations(set) => next.annotations = Rc::new(set),
            Action::AdoptShared { notes, unplaced } => next.adopt_shared(notes, unplaced),
            Action::StorageWritten { from, written } => {
                if *self.stored_base == written && *self.annotations == written {
                    return self;
                }
                next.storage_written(&from, written);
            }
            Action::StorageChanged(theirs) => next.storage_changed(theirs),
            Action::SetStorage(status) => next.storage = status,
            Action::Notify(n) => next.notice = Some(n),
            Action::DismissNotice => next.notice = None,
            Action::DetectNames => {
                if !self.names_due() {
                    return self;
                }
                next.detect_names();
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTheme(theme) => next.theme = theme,
            Action::SetDescriptionsEn(d) => next.descriptions_en = Some(d),
            Action::WholeData(p) if self.takes_whole(&p) => next.take_whole((*p).clone()),
            Action::WholeData(_) => return self,
            Action::SharedArticle(_) if self.whole.is_none() => return self,
            Action::SharedArticle(a) => next.add_article((*a).clone()),
            // the rest are the own articles' actions ([`AppState::reduce_own`])
            own => next.reduce_own(own),
        }
        Rc::new(next)
    }
}

/// The context handle.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state from the context.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext provider missing")
}
