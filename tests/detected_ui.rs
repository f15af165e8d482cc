//! Native SSR renders of names only the NER model finds: the DOM contract of their marks, their entity page,
//! and the moment before the model has run.
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use presseschau::core::corpus::Corpus;
use presseschau::ui::pages::article_page::ArticlePage;
use presseschau::ui::pages::entity_page::EntityPage;
use presseschau::ui::state::{AppContext, AppState};
use yew::LocalServerRenderer;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, MemoryHistory};

const TEXT: &str = "Politik\n\nNeuer Minister für Landwirtschaft\n\nDer neue Landwirtschaftsminister Gerold Wunderlich \
    (SPD) besuchte am Montag die Stadt Kleinmachnow. Gerold Wunderlich werde auch die Firma Agrartechnik Brandenburg \
    GmbH besuchen, sagte seine Sprecherin in Berlin.";

fn corpus() -> Corpus {
    Corpus::from_sources([("x.txt", TEXT.as_bytes())])
}

#[derive(Properties, PartialEq, Clone)]
struct Probe {
    page: AttrValue,
    id: AttrValue,
    names: bool,
}

#[component]
fn InApp(props: &Probe) -> Html {
    let names = props.names;
    let state = use_reducer(move || {
        if names {
            AppState::new(corpus())
        } else {
            AppState::without_names(corpus())
        }
    });
    let history = AnyHistory::from(MemoryHistory::new());
    let inner = if props.page == "article" {
        html! { <ArticlePage id={props.id.clone()} /> }
    } else {
        html! { <EntityPage id={props.id.clone()} /> }
    };
    html! {
        <ContextProvider<AppContext> context={state}>
            <Router {history}>{ inner }</Router>
        </ContextProvider<AppContext>>
    }
}

async fn render(page: &'static str, id: &str, names: bool) -> String {
    LocalServerRenderer::<InApp>::with_props(Probe {
        page: page.into(),
        id: id.to_string().into(),
        names,
    })
    .hydratable(false)
    .render()
    .await
}

fn wunderlich_group() -> String {
    let state = AppState::new(corpus());
    state
        .detected
        .expect("AppState::new runs the model")
        .groups
        .iter()
        .find(|g| g.label.contains("Wunderlich"))
        .map(|g| g.id.clone())
        .expect("the model finds the minister")
}

#[tokio::test]
async fn a_name_only_the_model_finds_is_marked_without_an_entity_id() {
    let id = corpus().articles[0].id.0.clone();
    let html = render("article", &id, true).await;
    let mark = html
        .split("<mark ")
        .skip(1)
        .find(|m| m.contains(">Gerold Wunderlich"))
        .unwrap_or_else(|| panic!("no mark on the minister: {html}"));
    let open_tag = &mark[..mark.find('>').unwrap()];
    assert!(open_tag.contains(r#"class="entity entity--detected""#), "{open_tag}");
    assert!(open_tag.contains(r#"data-kind="person""#), "{open_tag}");
    assert!(!open_tag.contains("data-entity-id"), "{open_tag}");
    // the knowledge base still wins where it knows the name
    assert!(html.contains(r#"data-entity-id="Q64""#), "Berlin is a KB place: {html}");
    // before the model has run, the same article has no detected marks
    let early = render("article", &id, false).await;
    assert!(!early.contains("entity--detected"), "{early}");
    assert!(early.contains(r#"data-entity-id="Q64""#));
}

#[tokio::test]
async fn a_detected_name_has_an_entity_page_and_a_pending_line_before_the_model_ran() {
    let group = wunderlich_group();
    let html = render("entity", &group, true).await;
    assert!(html.contains(r#"data-page="entity""#), "{html}");
    assert!(html.contains("Gerold Wunderlich"), "{html}");
    assert!(html.contains("entity--detected"), "{html}");
    let early = render("entity", &group, false).await;
    assert!(early.contains(r#"data-page="entity-pending""#), "{early}");
    // an unknown detected id is not found once the names are there
    let missing = render("entity", "ner-gibt-es-nicht", true).await;
    assert!(missing.contains(r#"data-page="not-found""#), "{missing}");
}
