//! Native SSR renders of the main components (no browser).
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use std::rc::Rc;

use presseschau::core::corpus::Corpus;
use presseschau::core::render::{CpSpan, block_nodes};
use presseschau::ui::components::article_card::{ArticleCard, ArticleCardProps};
use presseschau::ui::components::markdown_view::{MarkStyle, MarkdownView, MarkdownViewProps};
use presseschau::ui::components::original_view::{OriginalView, OriginalViewProps};
use presseschau::ui::pages::article_page::{ArticleBody, ArticleBodyProps};
use yew::LocalServerRenderer;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, MemoryHistory};

/// Links need a router; the app uses a HashRouter, tests a memory one.
#[component]
fn CardInRouter(props: &ArticleCardProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! { <Router {history}><ArticleCard article={props.article.clone()} /></Router> }
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
        sr_label: Some("Ort".into()),
    }]);
    let html = LocalServerRenderer::<MarkdownView>::with_props(MarkdownViewProps { nodes, marks })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("&lt;b&gt;Türkei&lt;/b&gt;"), "{html}");
    assert!(
        html.contains(r#"<mark class="entity" data-kind="place">Russland<span class="sr-only"> (Ort)</span></mark>"#),
        "{html}"
    );
}

#[tokio::test]
async fn article_body_renders_lead_subheadings_and_captions() {
    let html = LocalServerRenderer::<ArticleBody>::with_props(ArticleBodyProps {
        article: article("000"),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains(r#"<p class="lead">Trotz der angekündigten US-Sanktionen"#),
        "{html}"
    );
    assert!(html.contains(r#"<h2 class="subheading">Streit seit 2017</h2>"#));
    assert!(html.contains("<figcaption>"));
    assert!(html.contains("Getty Images/AFP/A. Nemenov"));
    assert!(!html.contains("Zum Inhalt springen"));
}

#[tokio::test]
async fn article_card_links_to_the_article() {
    let a = article("001");
    let id = a.id.0.clone();
    let html = LocalServerRenderer::<CardInRouter>::with_props(ArticleCardProps { article: a })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("Moskau und Ankara wollen Verhältnis"), "{html}");
    assert!(html.contains("FLASH UP"));
    assert!(html.contains("Datum unbekannt"));
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
    assert!(html.contains("topic list"));
    assert!(html.contains("share buttons"));
}
