//! Native SSR renders of the main components (no browser).
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use std::rc::Rc;

use presseschau::core::corpus::Corpus;
use presseschau::core::render::{CpSpan, block_nodes};
use presseschau::ui::components::article_body::{ArticleBody, ArticleBodyProps};
use presseschau::ui::components::article_card::{ArticleCard, ArticleCardProps};
use presseschau::ui::components::markdown_view::{MarkStyle, MarkdownView, MarkdownViewProps};
use presseschau::ui::components::original_view::{OriginalView, OriginalViewProps};
use yew::Callback;
use yew::LocalServerRenderer;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, MemoryHistory};

/// Links need a router; the app uses a HashRouter, tests a memory one.
#[component]
fn CardInRouter(props: &ArticleCardProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! { <Router {history}><ArticleCard article={props.article.clone()} main_entities={props.main_entities.clone()} /></Router> }
}

fn article(prefix: &str) -> Rc<presseschau::core::corpus::Article> {
    Rc::new(
        Corpus::from_seeds()
            .articles
            .into_iter()
            .find(|a| a.source_file.starts_with(prefix))
            .unwrap(),
    )
}

#[tokio::test]
async fn markdown_view_renders_marks_and_escapes_html() {
    let nodes = Rc::new(block_nodes(
        "Die <b>Türkei</b> und Russland",
        0,
        &[CpSpan { start: 22, end: 30 }],
    ));
    let marks = Rc::new(vec![MarkStyle {
        class: "entity".into(),
        attrs: vec![("data-kind", "place".into())],
        description: Some("Ort".into()),
    }]);
    let html = LocalServerRenderer::<MarkdownView>::with_props(MarkdownViewProps { nodes, marks })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("&lt;b&gt;Türkei&lt;/b&gt;"), "{html}");
    // The kind is an accessible description, not text inside the mark (no "(Ort)" in copied text or Ctrl+F).
    let id = presseschau::ui::components::markdown_view::description_id("Ort");
    assert!(
        html.contains(&format!(
            r#"<mark class="entity" data-kind="place" aria-describedby="{id}">Russland</mark>"#
        )),
        "{html}"
    );
}

#[tokio::test]
async fn article_body_renders_lead_subheadings_and_captions() {
    let article = article("000");
    let html = LocalServerRenderer::<ArticleBody>::with_props(ArticleBodyProps {
        article,
        highlights: Rc::default(),
        marks: Rc::default(),
        onselect: Callback::noop(),
        onsentence: Callback::noop(),
        onhover: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains(r#"<p lang="de" data-block-start="0" class="lead">Trotz der angekündigten US-Sanktionen"#),
        "{html}"
    );
    assert!(html.contains(">Streit seit 2017</h2>"));
    assert!(html.contains("<figcaption"));
    assert!(html.contains("Getty Images/AFP/A. Nemenov"));
    assert!(!html.contains("Zum Inhalt springen"));
}

#[tokio::test]
async fn entity_marks_follow_the_dom_contract() {
    use presseschau::core::analysis::entities::analyze_corpus;
    let a = article("000");
    let entities = analyze_corpus(&Corpus::from_seeds());
    let mentions = &entities.by_article[&a.id];
    let lawrow = mentions
        .iter()
        .find(|m| m.text == "Sergej Lawrow")
        .expect("Lawrow found");
    let spans = Rc::new(vec![CpSpan {
        start: lawrow.start,
        end: lawrow.end,
    }]);
    let marks = Rc::new(vec![MarkStyle {
        class: "entity".into(),
        attrs: vec![
            ("data-kind", "person".into()),
            ("data-entity-id", lawrow.entity_id.clone().unwrap().into()),
        ],
        description: Some("Person".into()),
    }]);
    let html = LocalServerRenderer::<ArticleBody>::with_props(ArticleBodyProps {
        article: a,
        highlights: spans,
        marks,
        onselect: Callback::noop(),
        onsentence: Callback::noop(),
        onhover: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    let id = presseschau::ui::components::markdown_view::description_id("Person");
    let expected = format!(
        r#"<mark class="entity" data-kind="person" data-entity-id="{}" aria-describedby="{id}">Sergej Lawrow</mark>"#,
        lawrow.entity_id.as_ref().unwrap()
    );
    assert!(html.contains(&expected), "{html}");
    // the description is on the page once, hidden
    assert!(html.contains(&format!(r#"<span id="{id}">Person</span>"#)), "{html}");
    assert_eq!(html.matches(&format!(r#"id="{id}""#)).count(), 1);
    assert_eq!(html.matches("<mark").count(), 1);
}

#[tokio::test]
async fn article_card_links_to_the_article() {
    let a = article("001");
    let id = a.id.0.clone();
    let html = LocalServerRenderer::<CardInRouter>::with_props(ArticleCardProps {
        article: a,
        main_entities: Rc::new(vec![(
            "Q43".into(),
            "Türkei".into(),
            presseschau::core::analysis::entities::EntityKind::Place,
        )]),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Moskau und Ankara wollen Verhältnis"), "{html}");
    assert!(html.contains("FLASH UP"));
    assert!(html.contains("Datum unbekannt"));
    assert!(
        html.contains("kind-place") && html.contains("Türkei</a>"),
        "main entity chip: {html}"
    );
    assert!(html.contains(&format!("data-article-id=\"{id}\"")));
}

#[tokio::test]
async fn original_view_marks_removed_lines_with_reasons() {
    let html = LocalServerRenderer::<OriginalView>::with_props(OriginalViewProps {
        article: article("003"),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("<del>Themen</del>"), "{html}");
    assert!(html.contains("Themenliste"));
    assert!(html.contains("Teilen-Knöpfe"));
}
