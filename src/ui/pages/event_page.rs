//! Route `#/s/<event-id>`: the reports of one event (or story) — titles, outlets, dates on a small CSS
//! timeline, the entities all reports share and those only one report has, copy link.

use yew::prelude::*;

use crate::core::analysis::events::LinkLevel;
use crate::core::event_view::{EntityRef, event_view};
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::same_event_panel::level_name;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Props of [`EventPage`].
#[derive(Properties, PartialEq)]
pub struct EventPageProps {
    /// The group id from the route.
    pub id: AttrValue,
}

fn entity_chips(t: &crate::ui::text::Text, items: &[EntityRef]) -> Html {
    html! {
        <ul class="chips">
            for e in items.iter() {
                <li><a href={Route::Entity { id: e.id.clone() }.href()}>{ crate::ui::components::entity_name::entity_name(t, &e.id, &e.label) }</a></li>
            }
        </ul>
    }
}

/// One event's page, or the not-found page for an unknown id.
#[component]
pub fn EventPage(props: &EventPageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let view = event_view(&app.corpus, &app.entities, &app.links, &props.id);
    {
        let found = view.is_some();
        use_effect_with((props.id.clone(), t.lang), move |_| {
            if found {
                crate::platform::dom::set_title(&format!("{} — {}", t.event_title, t.app_name));
            }
        });
    }
    let Some(view) = view else {
        return html! { <NotFoundPage message={AttrValue::Static(t.not_found_event)} /> };
    };
    let title = if view.level == LinkLevel::SameEvent {
        t.event_title
    } else {
        t.story_title
    };
    let span = view.span.map(|(a, b)| {
        if a == b {
            t.date(a)
        } else {
            format!("{} – {}", t.date(a), t.date(b))
        }
    });
    html! {
        <section class="event-page" data-page="event" data-event={view.id.clone()} data-level={level_name(view.level)}>
            <h1>{ title }</h1>
            if let Some(span) = span {
                <p class="meta-line">{ format!("{} {} · {span}", view.reports.len(), t.reports) }</p>
            }
            <div class="article-tools"><CopyLinkButton hash={AttrValue::from(Route::Event { id: view.id.clone() }.href())} /></div>
            <h2>{ t.event_timeline }</h2>
            <ol class="event-timeline" aria-label={t.event_timeline}>
                for r in view.reports.iter() {
                    <li class="event-report" data-report-id={r.id.0.clone()}
                        style={r.position.map(|p| format!("--pos: {:.4}", p)).unwrap_or_default()}>
                        <span class={classes!("timeline-dot", r.position.is_none().then_some("timeline-dot--undated"))} aria-hidden="true" />
                        <span class="timeline-date">{ t.date_or_unknown(r.date) }</span>
                        <a href={Route::Article { id: r.id.0.clone() }.href()} class="related-title" lang="de">{ r.title.clone() }</a>
                        <span class="meta-line">{ format!(" · {}", r.outlet.clone().unwrap_or_else(|| t.outlet_unknown.to_string())) }</span>
                    </li>
                }
            </ol>
            <h2>{ t.shared_by_all }</h2>
            if view.shared_entities.is_empty() {
                <p>{ t.none_shared }</p>
            } else {
                <div data-entities="shared">{ entity_chips(t, &view.shared_entities) }</div>
            }
            if view.reports.iter().any(|r| !r.unique_entities.is_empty()) {
                <h2>{ t.unique_to_one }</h2>
                <dl class="unique-entities" data-entities="unique">
                    for r in view.reports.iter().filter(|r| !r.unique_entities.is_empty()) {
                        <div>
                            <dt lang="de">{ r.title.clone() }</dt>
                            <dd>{ entity_chips(t, &r.unique_entities) }</dd>
                        </div>
                    }
                </dl>
            }
        </section>
    }
}
