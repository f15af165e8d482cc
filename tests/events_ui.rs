//! Native SSR renders of the same-event panel, event page, compare view and timeline over the seeds.
#![cfg(all(feature = "web", not(target_arch = "wasm32")))]

use presseschau::core::analysis::events::LinkLevel;
use presseschau::core::corpus::Corpus;
use presseschau::ui::components::same_event_panel::SameEventPanel;
use presseschau::ui::pages::compare_page::ComparePage;
use presseschau::ui::pages::event_page::EventPage;
use presseschau::ui::pages::timeline_page::TimelinePage;
use presseschau::ui::state::{AppContext, AppState};
use yew::LocalServerRenderer;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, MemoryHistory};

/// What to render inside the app context.
#[derive(Properties, PartialEq, Clone)]
struct Probe {
    what: AttrValue,
    a: AttrValue,
    b: AttrValue,
}

#[component]
fn InApp(props: &Probe) -> Html {
    let state = use_reducer(AppState::from_seeds);
    let history = AnyHistory::from(MemoryHistory::new());
    let inner = match props.what.as_str() {
        "panel" => html! { <SameEventPanel article_id={props.a.clone()} /> },
        "event" => html! { <EventPage id={props.a.clone()} /> },
        "compare" => html! { <ComparePage a={props.a.clone()} b={props.b.clone()} /> },
        _ => html! { <TimelinePage /> },
    };
    html! {
        <ContextProvider<AppContext> context={state}>
            <Router {history}>{ inner }</Router>
        </ContextProvider<AppContext>>
    }
}

async fn render(what: &'static str, a: &str, b: &str) -> String {
    LocalServerRenderer::<InApp>::with_props(Probe {
        what: what.into(),
        a: a.to_string().into(),
        b: b.to_string().into(),
    })
    .hydratable(false)
    .render()
    .await
}

fn seed(prefix: &str) -> String {
    Corpus::from_seeds()
        .articles
        .into_iter()
        .find(|a| a.source_file.starts_with(prefix))
        .map(|a| a.id.0)
        .expect("seed")
}

#[tokio::test]
async fn panel_lists_the_other_report_with_reasons_and_a_compare_link() {
    let (s1, s2, s3) = (seed("001"), seed("002"), seed("003"));
    let html = render("panel", &s1, "").await;
    let event_part = html.split(r#"data-panel="same-story""#).next().unwrap_or_default();
    assert!(event_part.contains(r#"data-panel="same-event""#), "{html}");
    assert!(event_part.contains(&format!(r#"data-related-id="{s2}""#)), "{html}");
    assert!(
        !event_part.contains(&format!(r#"data-related-id="{s3}""#)),
        "003 is not the same event"
    );
    assert!(html.contains("beide berichten über"), "{html}");
    assert!(html.contains("Textähnlichkeit"), "{html}");
    assert!(
        html.contains(&format!("href=\"c-{s1}-{s2}.html\"")),
        "compare link: {html}"
    );
    assert!(html.contains(r#"<details class="signals">"#), "{html}");
    // an article without links (here: an unknown id) gets no panel at all
    assert_eq!(render("panel", "no-such-article", "").await, "");
}

#[tokio::test]
async fn event_page_timeline_and_compare_render_and_unknown_ids_are_not_found() {
    let state = AppState::from_seeds();
    let event = state
        .links
        .events
        .iter()
        .find(|e| e.level == LinkLevel::SameEvent)
        .expect("event");
    let html = render("event", &event.id, "").await;
    assert!(html.contains(r#"data-page="event""#), "{html}");
    for m in &event.members {
        assert!(html.contains(&format!(r#"data-report-id="{}""#, m.0)), "{html}");
    }
    assert!(html.contains("Wladimir Putin"), "{html}");
    assert!(render("event", "0000", "").await.contains(r#"data-page="not-found""#));

    let (s1, s2) = (seed("001"), seed("002"));
    let html = render("compare", &s1, &s2).await;
    assert!(html.contains(r#"data-page="compare""#), "{html}");
    assert!(html.contains("<del") && html.contains("<ins"), "{html}");
    assert!(
        render("compare", &s1, "nope")
            .await
            .contains(r#"data-page="not-found""#)
    );
    assert!(render("compare", &s1, &s1).await.contains(r#"data-page="not-found""#));

    let html = render("timeline", "", "").await;
    assert_eq!(
        html.matches("class=\"timeline-entry\"").count(),
        state.links.events.len(),
        "{html}"
    );
}
