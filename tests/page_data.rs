//! Each reading page's share of the analysis (`data/<page>.js`, issue 10's "no page grows with the
//! corpus"): the page renders the same from its share as from the whole analysis, in both languages; a share
//! that lacks what the page reads is caught; a library page loads the whole library only for a filter.
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use std::rc::Rc;

use presseschau::core::analysis::page_data::{Need, Whole};
use presseschau::core::analysis::precomputed::Precomputed;
use presseschau::core::corpus::Corpus;
use presseschau::ui::page_data;
use presseschau::ui::routes::Route;
use presseschau::ui::site;
use presseschau::ui::state::{Action, AppState, Lang};
use yew::Reducible;

/// The English pages as the build renders them: with the knowledge base's English descriptions.
fn english(s: &AppState) -> AppState {
    let mut en = s.clone();
    en.lang = Lang::En;
    let english = presseschau::core::analysis::kb::descriptions_en();
    assert!(!english.is_empty());
    en.descriptions_en = Some(Rc::new(english.clone()));
    en
}

async fn every_reading_page_renders_the_same_from_its_share(state: AppState) -> usize {
    let state = Rc::new(state);
    let all = state.precomputed().expect("whole analysis");
    let whole_len = serde_json::to_string(&all).expect("json").len();
    let mut checked = 0;
    for route in site::routes(&state) {
        let Some(slice) = page_data::slice(&state, &all, &route) else {
            assert!(!route.loads_share(), "{route:?} has no share");
            continue;
        };
        assert!(page_data::script(&slice, "b").is_some());
        let json = serde_json::to_string(&slice).expect("json");
        // (a name every article mentions reads every article: its share is the whole)
        assert!(
            json.len() <= whole_len + 200,
            "{route:?}: its share is larger than the whole"
        );
        assert!(
            Precomputed::read(&json).is_some(),
            "{route:?}: its share does not read back"
        );
        page_data::check(state.clone(), &route, slice.clone())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        page_data::check(Rc::new(english(&state)), &route, slice)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        checked += 1;
    }
    checked
}

#[tokio::test]
async fn every_reading_page_of_the_seeds_renders_the_same_from_its_share_in_both_languages() {
    let n = every_reading_page_renders_the_same_from_its_share(AppState::from_seeds()).await;
    assert!(n > 60, "only {n} pages checked");
}

/// 130 short articles from 3 outlets and 3 years: two library pages.
fn many() -> AppState {
    let texts: Vec<(String, Vec<u8>)> = (0..130)
        .map(|i| {
            let outlet = ["taz", "Der Standard", "Deutsche Welle"][i % 3];
            let body = format!(
                "---\ntitle: Bericht Nummer {i} über Berlin\ndate: {}-0{}-1{}\noutlet: {outlet}\n---\n\n\
                 Angela Merkel sprach am Montag in Berlin über den Haushalt. Der Bundestag berät {i} Anträge.\n\n\
                 Die Opposition in München und Hamburg kritisierte den Plan als zu teuer.\n",
                2019 + i % 3,
                1 + i % 9,
                i % 10
            );
            (format!("{i:04}.md"), body.into_bytes())
        })
        .collect();
    let corpus = Corpus::from_sources(texts.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    assert_eq!(corpus.articles.len(), 130, "{:?}", corpus.errors);
    AppState::new(corpus)
}

#[tokio::test]
async fn a_larger_corpus_paginates_and_every_page_renders_the_same_from_its_share() {
    let state = many();
    let routes = site::routes(&state);
    assert!(routes.contains(&Route::Library { page: 2 }));
    let all = state.precomputed().expect("whole");
    let second = page_data::slice(&state, &all, &Route::Library { page: 2 }).expect("share");
    assert_eq!(
        second.articles.len(),
        30,
        "the last library page holds its 30 articles only"
    );
    // a name in every article: 20 articles a page, and its pages need no article's text
    let berlin = (routes.iter())
        .find_map(|r| match r {
            Route::EntityPage { id, page: 7 } => Some(id.clone()),
            _ => None,
        })
        .expect("a name on seven pages");
    let p2 = page_data::slice(&state, &all, &Route::EntityPage { id: berlin, page: 2 }).expect("share");
    assert!(p2.articles.is_empty());
    let view = p2.whole.and_then(|w| w.entity).expect("its page of mentions");
    assert_eq!((view.mentions.len(), view.article_total), (20, 130));
    every_reading_page_renders_the_same_from_its_share(state).await;
}

#[tokio::test]
async fn a_share_that_lacks_what_its_page_reads_is_caught() {
    let state = Rc::new(AppState::from_seeds());
    let all = state.precomputed().expect("whole");
    let linked = state
        .links
        .links
        .first()
        .expect("the seeds have linked reports")
        .a
        .clone();
    let route = Route::Article { id: linked.0.clone() };
    // the article alone: without the reports it is linked with, its titles or its neighbours
    let need = Need {
        full: [linked].into(),
        ..Need::default()
    };
    let bare = all.slice(&need, Whole::default());
    assert!(page_data::check(state.clone(), &route, bare).await.is_err());
    // a library page that does not know the outlets
    let mut home = page_data::slice(&state, &all, &Route::Home).expect("share");
    home.whole.as_mut().expect("whole").outlets.clear();
    assert!(page_data::check(state, &Route::Home, home).await.is_err());
}

#[test]
fn the_whole_library_replaces_a_pages_share_and_keeps_what_the_reader_set() {
    let full = AppState::from_seeds();
    let all = full.precomputed().expect("whole");
    let share = page_data::slice(&full, &all, &Route::Home).expect("share");
    let mut s = AppState::from_precomputed(share);
    s.lang = Lang::En;
    let s = Rc::new(s);
    assert_eq!(s.window(), Some(0));
    let s = s.reduce(Action::SetOutlet(Some("taz".into())));
    // what a filter loads: every article's lead and main names (data/library.js)
    let [(file, library), _] = page_data::lists(&full, &all);
    assert_eq!(file, "data/library.js");
    let listed = s.clone().reduce(Action::WholeData(Rc::new(library)));
    assert_eq!(listed.window(), None);
    assert_eq!(listed.corpus.articles.len(), all.articles.len());
    assert_eq!(listed.outlets(), full.outlets());
    assert_eq!(listed.filter.outlet.as_deref(), Some("taz"));
    // or the whole analysis
    let s = s.reduce(Action::WholeData(Rc::new(all.clone())));
    assert_eq!(s.window(), None);
    assert_eq!(s.corpus.articles, all.articles);
    assert_eq!((s.lang, s.filter.outlet.as_deref()), (Lang::En, Some("taz")));
    // once whole, another copy changes nothing
    let again = s.clone().reduce(Action::WholeData(Rc::new(all)));
    assert!(Rc::ptr_eq(&s, &again));
}

#[test]
fn the_whole_analysis_replaces_the_add_pages_share_and_links_the_own_articles_already_there() {
    use presseschau::core::own::{self, OwnArticle};
    use presseschau::ui::state::Engine;
    let full = AppState::from_seeds();
    let all = full.precomputed().expect("whole");
    // the add page starts from its small share: no article of the collection
    let share = page_data::slice(&full, &all, &Route::Add).expect("share");
    let mut s = AppState::from_precomputed(share);
    s.engine = Engine::FULL;
    assert!(s.corpus.articles.is_empty());
    // an own article arrives before the whole analysis (read from storage, or from another tab): an agency
    // copy of the first seed
    let seed = &all.articles[0];
    let body: Vec<&str> = seed.blocks[..seed.blocks.len() - 1]
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    let pasted = format!("Agenturmeldung: {}\n\n{}", seed.title.text, body.join("\n\n"));
    let draft = own::read_pasted(&pasted).expect("a draft");
    let own_id = draft.content_id();
    let s = Rc::new(s).reduce(Action::OwnAdd(vec![OwnArticle::new(draft, "2026-12-05T00:00:00Z")]));
    assert!(s.corpus.get(&own_id.0).is_some());
    let linked = |s: &AppState| {
        s.links
            .links
            .iter()
            .any(|l| (l.a == seed.id && l.b == own_id) || (l.b == seed.id && l.a == own_id))
    };
    assert!(!linked(&s), "nothing to link with in the share");
    // the whole analysis: every bundled article, the own one kept and linked with the report it retells
    let s = s.reduce(Action::WholeData(Rc::new(all.clone())));
    assert_eq!(s.window(), None);
    assert_eq!(s.bundled, all.articles.len());
    assert_eq!(s.corpus.articles.len(), all.articles.len() + 1);
    assert!(
        s.is_own(&own_id.0) && s.corpus.get(&own_id.0).is_some(),
        "the own article stays"
    );
    assert!(linked(&s), "linked with the collection");
}

#[test]
fn an_article_from_its_share_goes_among_the_bundled_ones_before_the_readers_own() {
    use presseschau::core::own::{self, OwnArticle};
    use presseschau::ui::state::Engine;
    let full = AppState::from_seeds();
    let all = full.precomputed().expect("whole");
    let mut s = AppState::from_precomputed(page_data::slice(&full, &all, &Route::Search).expect("share"));
    s.engine = Engine::FULL;
    // an own article (from another tab) while the search page holds its share, dated after every seed
    let draft = own::read_pasted("Neues aus Ankara\n\nDatum: 2030-01-01\n\nSergej Lawrow reiste nach Ankara.")
        .expect("a draft");
    let own_id = draft.content_id();
    let s = Rc::new(s).reduce(Action::OwnAdd(vec![OwnArticle::new(draft, "2026-12-05T00:00:00Z")]));
    // then the articles of the hits arrive from their pages' shares
    let mut s = s;
    for a in &all.articles {
        s = s.reduce(Action::SharedArticle(Rc::new(a.clone())));
    }
    assert_eq!(s.bundled, all.articles.len());
    let ids = |xs: &[presseschau::core::corpus::Article]| xs.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&s.corpus.articles[..s.bundled]).len(), all.articles.len());
    assert!(
        !ids(&s.corpus.articles[..s.bundled]).contains(&own_id),
        "the own article is not counted as bundled"
    );
    assert_eq!(ids(&s.corpus.articles[s.bundled..]), vec![own_id]);
}
