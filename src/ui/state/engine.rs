//! What analyses text in the browser. The full app (`app-full.js`) has the core's whole analysis; the reading
//! pages' app (`app.js`) has none: it starts from the build's analysis (`data.js`) and hands the page to the
//! full app before it could meet text the build did not read (own articles, a folder without `data.js`;
//! [`crate::ui::start`]). The state reaches the analysis only through an [`Engine`], so the reading app's
//! wasm links none of it: no ingest, matcher, model or linker.

use crate::core::analysis::detected::Detected;
use crate::core::analysis::entities::CorpusEntities;
use crate::core::analysis::events::Linkage;
use crate::core::annotations::AnnotationSet;
use crate::core::annotations::w3c::{ArticleRef, ImportError, ImportReport};
use crate::core::corpus::{Article, ArticleId, Corpus};

/// The analysis steps the state runs on text the build did not analyse.
pub struct Analysis {
    /// The bundled articles, ingested from the embedded seeds (a folder without `data.js`).
    pub seeds: fn() -> Corpus,
    /// Knowledge-base, date and quantity mentions of every article.
    pub analyze: fn(&Corpus) -> CorpusEntities,
    /// Same-event and same-story links.
    pub link: fn(&Corpus, &CorpusEntities) -> Linkage,
    /// The names only the model finds in the state's articles, kept from the names found before (the second
    /// argument) where the article was read (the model must be loaded: [`Analysis::with_model`]); in a
    /// page's share, the build's with the own articles' ([`super::AppState::detect_in`]).
    pub detect: fn(&super::AppState, Option<&Detected>) -> Detected,
    /// The model's names known before it runs ([`super::AppState::known_names`]: the build's and those
    /// kept for the own articles), and whether some article's are not (then the model must be loaded).
    pub known_names: fn(&super::AppState) -> Option<Detected>,
    /// Whether the model must run: some article's names are not known.
    pub needs_model: fn(&super::AppState) -> bool,
    /// Keeps the own articles' names for the next page.
    pub keep_names: fn(&super::AppState),
    /// The links of a corpus with own articles: found over the whole collection (and kept), or the kept ones
    /// added to a share's ([`super::AppState::own_linkage`]).
    pub own_links: fn(&super::AppState, &Corpus, &CorpusEntities) -> std::rc::Rc<Linkage>,
    /// Whether a state that holds a share needs the whole analysis to link its own articles
    /// ([`super::AppState::own_links_missing`]).
    pub own_links_missing: fn(&super::AppState) -> bool,
    /// The names in own articles that the collection names too, where the state holds a share
    /// ([`super::AppState::names_elsewhere`]).
    pub names_elsewhere: fn(&super::AppState) -> std::collections::HashSet<String>,
    /// A page's slice of the names index with the own articles' names sorted in (first page, last page).
    pub own_names: OwnOnPage<crate::ui::pages::entities_page::Row>,
    /// A page's slice of the timeline with the own articles' groups sorted in (first page, last page).
    pub own_timeline: OwnOnPage<crate::core::event_view::TimelineEntry>,
    /// A name's page of the static site (the build's view, its id, the page) with the own articles'
    /// mentions.
    pub own_mentions:
        fn(&super::AppState, crate::core::entity_view::EntityView, &str, usize) -> crate::core::entity_view::EntityView,
    /// Adds articles' mentions.
    pub add: fn(&mut CorpusEntities, &[Article]),
    /// Removes an article's mentions.
    pub remove: fn(&mut CorpusEntities, &ArticleId),
    /// An own article's text as an article (`None` when its draft no longer reads).
    pub article: fn(&crate::core::own::OwnArticle) -> Option<Article>,
    /// Builds what the first analysis would build on its way (the knowledge base's matcher), so that it is
    /// its own task, before the reader saves an article.
    pub prepare: fn(),
    /// Loads the model (`model.js`) if needed, then calls back.
    pub with_model: fn(Box<dyn FnOnce()>),
    /// Two articles aligned sentence by sentence with their word differences (the compare view).
    pub compare: fn(&Corpus, &Linkage, &str, &str) -> Option<crate::core::event_view::CompareView>,
    /// Reads a W3C file into the notes (the reading app hands an import to the full app:
    /// [`crate::ui::pages::notes_page`]).
    pub import: ImportFn,
}

/// A page's slice of a list with the reader's own items sorted in: the state, the list in its order, whether
/// this is the first page and whether the last.
pub type OwnOnPage<T> = fn(&super::AppState, Vec<T>, bool, bool) -> Vec<T>;

/// [`crate::core::annotations::w3c::import_into`]: a W3C file read into the notes against the articles.
pub type ImportFn =
    fn(&str, &AnnotationSet, &str, &[ArticleRef<'_>]) -> Result<(AnnotationSet, ImportReport), ImportError>;

/// The core's analysis.
pub static FULL: Analysis = Analysis {
    seeds: Corpus::from_seeds,
    analyze: crate::core::analysis::entities::analyze_corpus,
    link: crate::core::event_view::link_corpus,
    detect: super::AppState::detect_in,
    known_names: super::AppState::known_names,
    needs_model: super::AppState::names_need_model,
    keep_names: super::AppState::keep_own_names,
    own_links: super::AppState::own_linkage,
    own_links_missing: super::AppState::links_missing,
    names_elsewhere: super::AppState::names_elsewhere,
    own_names: crate::ui::pages::entities_page::with_own_names,
    own_timeline: crate::ui::pages::timeline_page::own_in_slice,
    own_mentions: crate::ui::pages::entity_page::with_own,
    add: |entities, articles| entities.add_articles(articles),
    remove: CorpusEntities::remove_article,
    article: |own| own.draft.to_article().ok(),
    prepare: || {
        let _ = crate::core::analysis::entities::matcher();
    },
    with_model: |done| crate::platform::model::ensure(done),
    compare: crate::core::event_view::compare,
    import: crate::core::annotations::w3c::import_into,
};

/// The analysis a state can run: the full app's, or none (the reading pages' app).
#[derive(Clone, Copy, Default)]
pub struct Engine(Option<&'static Analysis>);

impl Engine {
    /// The core's analysis.
    pub const FULL: Engine = Engine(Some(&FULL));
    /// No analysis: text the build did not analyse is left to the full app.
    pub const NONE: Engine = Engine(None);

    /// The analysis, if this app has one.
    pub fn get(self) -> Option<&'static Analysis> {
        self.0
    }
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        self.0.is_some() == other.0.is_some()
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Engine::FULL"
        } else {
            "Engine::NONE"
        })
    }
}
