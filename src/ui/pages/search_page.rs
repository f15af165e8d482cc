//! `search.html#q=…`: articles (ranked, with the hit in context, opening the article at the hit), the
//! names the query names in any form, and the reader's notes and tags that match.

use yew::prelude::*;

use crate::core::analysis::kb::kb;
use crate::core::analysis::similarity::{Analyzer, words};
use crate::core::annotations::{Annotation, anchor, link};
use crate::core::search::{Hit, Query, query_from_fragment, snippet};
use crate::ui::components::search_box::SearchBox;
use crate::ui::hooks::{SearchState, use_fragment, use_search};
use crate::ui::routes::Route;
use crate::ui::state::{AppState, use_app};

/// Code points of context around a hit.
const SNIPPET_CHARS: usize = 160;

/// The search page.
#[component]
pub fn SearchPage() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let query = query_from_fragment(&use_fragment());
    let state = use_search(query.clone());
    {
        let query = query.clone();
        use_effect_with((query, t.lang), |(q, _)| {
            crate::platform::dom::set_title(&t.search_page_title(q))
        });
    }
    // the own articles are indexed once per search and collection, not on every render
    let own = {
        let (app, state) = (app.clone(), state.clone());
        let key = (state.clone(), std::rc::Rc::as_ptr(&app.corpus) as usize);
        use_memo(key, move |_| match &state {
            SearchState::Done(done) => own_hits(&app, &done.0),
            _ => Vec::new(),
        })
    };
    // (on the static site the page starts from a small share: its hits' articles come with their own)
    let notes = match &state {
        SearchState::Done(done) => matching_notes(&app, &done.0),
        _ => Vec::new(),
    };
    let wanted = match &state {
        SearchState::Done(done) => (done.1.iter().map(|h| h.id.clone()))
            .chain(notes.iter().map(|a| a.article_id.0.clone()))
            .collect(),
        _ => std::collections::BTreeSet::new(),
    };
    crate::ui::hooks::use_article_shares(&app, wanted);
    let body = match &state {
        SearchState::Idle => html! { <p class="hint">{ t.search_help }</p> },
        SearchState::Loading => html! { <p class="hint" role="status">{ t.search_loading }</p> },
        SearchState::Unavailable => {
            html! { <p class="notice notice--warn" role="alert">{ t.search_unavailable }</p> }
        }
        SearchState::Done(done) => {
            let mut hits = done.1.clone();
            hits.extend(own.iter().cloned());
            results(&app, &done.0, &hits, notes)
        }
    };
    html! {
        <section class="search-page" data-page="search">
            <h1>{ t.search_title }</h1>
            // a longer query (a link written by hand) is read up to the limit: say so
            if query.chars().count() >= crate::core::search::MAX_QUERY_CHARS {
                <p class="hint" id="search-cut">{ t.search_cut(crate::core::search::MAX_QUERY_CHARS) }</p>
            }
            <SearchBox value={AttrValue::from(query)} id="search-query" />
            <noscript><p class="hint">{ t.search_needs_js }</p></noscript>
            { body }
        </section>
    }
}

/// The reader's own articles that match (indexed here in the browser, with the same core as the build's
/// index; listed after the bundled ones).
fn own_hits(app: &AppState, q: &Query) -> Vec<Hit> {
    if app.own_articles().is_empty() {
        return Vec::new();
    }
    let own = app.own_corpus();
    crate::core::search::IndexBuilder::new(&own, &app.entities)
        .into_index()
        .search(q)
}

/// Names, articles and notes found.
fn results(app: &AppState, q: &Query, hits: &[Hit], notes: Vec<Annotation>) -> Html {
    let t = app.lang.text();
    html! {
        <>
            <p class="search-count" role="status">{ t.search_count(hits.len(), notes.len()) }</p>
            if !q.entities.is_empty() {
                <section class="search-names" aria-labelledby="search-names">
                    <h2 id="search-names">{ t.search_names }</h2>
                    <ul class="chips">
                        for id in q.entities.iter().filter(|id| kb().get(id).is_some()) {
                            <li><a class="chip" href={Route::Entity { id: id.clone() }.href()}>{ crate::ui::components::entity_name::entity_name(t, id, &kb().get(id).map(|e| e.label_de.clone()).unwrap_or_default()) }</a></li>
                        }
                    </ul>
                </section>
            }
            <ol class="search-results" data-search-results="">
                for h in hits { { hit_item(app, h) } }
            </ol>
            if !notes.is_empty() {
                <section aria-labelledby="search-notes">
                    <h2 id="search-notes">{ t.search_notes }</h2>
                    <ul class="search-results search-results--notes">
                        for a in notes { { note_item(app, &a) } }
                    </ul>
                </section>
            }
        </>
    }
}

/// One article: its title linking to the hit (a passage link: the article opens scrolled to it, marked),
/// and the hit in context.
fn hit_item(app: &AppState, h: &Hit) -> Html {
    let t = app.lang.text();
    let route = Route::Article { id: h.id.clone() };
    let article = app.corpus.get(&h.id);
    let text = article.map(|a| a.text());
    let (href, context) = match (&text, h.at) {
        (Some(text), Some(at)) => {
            let (before, hit, after) = snippet(text, at, SNIPPET_CHARS);
            let end = at + hit.chars().count();
            let href = anchor::select(text, at, end)
                .map(|s| route.href_with("q", &link::encode_passage(text, &s)))
                .unwrap_or_else(|_| route.href());
            (
                href,
                html! { <p class="snippet" lang="de">{ before }<mark>{ hit }</mark>{ after }</p> },
            )
        }
        _ => (route.href(), html! {}),
    };
    let meta = article
        .map(|a| {
            let date = t.date_or_unknown(a.date.value);
            let outlet = crate::core::library::outlet_of(a).unwrap_or(t.outlet_unknown);
            format!("{outlet} · {date}")
        })
        .unwrap_or_default();
    html! {
        <li class="search-hit">
            <a class="search-hit-title" lang="de" {href}>{ h.title.clone() }</a>
            if !meta.is_empty() { <span class="search-hit-meta">{ meta }</span> }
            { context }
        </li>
    }
}

/// The reader's notes whose note, tags or quote share a term with the query.
fn matching_notes(app: &AppState, q: &Query) -> Vec<Annotation> {
    if q.terms.is_empty() {
        return Vec::new();
    }
    let analyzer = Analyzer::new();
    app.annotations
        .items()
        .iter()
        .filter(|a| {
            let all = format!(
                "{} {} {}",
                a.note.as_deref().unwrap_or(""),
                a.tags.join(" "),
                a.quote.exact
            );
            words(&all)
                .into_iter()
                .any(|(_, w)| analyzer.term(w).is_some_and(|t| q.terms.contains(&t)))
        })
        .take(50)
        .cloned()
        .collect()
}

/// One note: its quote and note, linking to the passage.
fn note_item(app: &AppState, a: &Annotation) -> Html {
    let href = match app.corpus.get(&a.article_id.0) {
        Some(article) => Route::Article {
            id: a.article_id.0.clone(),
        }
        .href_with("q", &link::encode_passage(&article.text(), &a.selector())),
        None => Route::Notes.href(),
    };
    html! {
        <li class="search-hit">
            <a class="search-hit-title" lang="de" {href}>{ format!("„{}“", shorten(&a.quote.exact, 100)) }</a>
            if let Some(note) = &a.note { <p class="snippet">{ shorten(note, 200) }</p> }
            if !a.tags.is_empty() { <p class="tags">{ a.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ") }</p> }
        </li>
    }
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{} …", s.chars().take(n - 2).collect::<String>())
    }
}
