//! The article page's "Gleiches Ereignis" panel (other reports of the same event, with reasons) and
//! "Gleiche Geschichte" list, each entry with a link to the compare view.

use yew::prelude::*;

use crate::core::analysis::events::{Link as EventLink, LinkLevel, Signals};
use crate::core::corpus::ArticleId;
use crate::core::event_view::{groups_of, other_end, related};
use crate::core::library::outlet_of;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Props of [`SameEventPanel`].
#[derive(Properties, PartialEq)]
pub struct SameEventPanelProps {
    /// The article whose relatives are shown.
    pub article_id: AttrValue,
}

/// Same-event and same-story links of one article; renders nothing when it has none.
#[component]
pub fn SameEventPanel(props: &SameEventPanelProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let id = ArticleId(props.article_id.to_string());
    let (same_event, same_story) = related(&app.links, &id);
    if same_event.is_empty() && same_story.is_empty() {
        return html! {};
    }
    let groups = groups_of(&app.links, &id);
    let group_link = |level: LinkLevel, label: &'static str| {
        groups.iter().find(|g| g.level == level).map(|g| {
            html! { <p class="related-group"><a href={Route::Event { id: g.id.clone() }.href()}>{ label }</a></p> }
        })
    };
    let item = |l: &EventLink| related_item(&app, &id, l);
    html! {
        <aside class="related" aria-label={t.related_reports}>
            if !same_event.is_empty() {
                <section class="related-panel" data-panel="same-event">
                    <h2>{ t.same_event }</h2>
                    <p class="related-help">{ t.same_event_help }</p>
                    <ul class="related-list">{ for same_event.iter().map(|l| item(l)) }</ul>
                    { group_link(LinkLevel::SameEvent, t.show_event).unwrap_or_default() }
                </section>
            }
            if !same_story.is_empty() {
                <section class="related-panel" data-panel="same-story">
                    <h2>{ t.same_story }</h2>
                    <p class="related-help">{ t.same_story_help }</p>
                    <ul class="related-list">{ for same_story.iter().map(|l| item(l)) }</ul>
                    { group_link(LinkLevel::SameStory, t.show_story).unwrap_or_default() }
                </section>
            }
        </aside>
    }
}

fn related_item(app: &crate::ui::state::AppContext, me: &ArticleId, l: &EventLink) -> Html {
    let t = app.lang.text();
    let other = other_end(l, me);
    let Some(article) = app.corpus.get(&other.0) else {
        return html! {};
    };
    let outlet = outlet_of(article).unwrap_or(t.outlet_unknown).to_string();
    let date = t.date_or_unknown(article.date.value);
    html! {
        <li class="related-item" data-related-id={other.0.clone()} data-level={level_name(l.level)}>
            <a href={Route::Article { id: other.0.clone() }.href()} class="related-title" lang="de">{ article.title.text.clone() }</a>
            <p class="meta-line">{ format!("{outlet} · {date}") }</p>
            <ul class="reasons">
                for phrase in t.link_reasons(&l.reasons) {
                    <li>{ phrase }</li>
                }
            </ul>
            <details class="signals">
                <summary>{ t.signals }</summary>
                { signals_table(t, &l.reasons.signals) }
            </details>
            <a href={Route::Compare { a: me.0.clone(), b: other.0.clone() }.href()} class="button button--quiet compare-link">{ t.compare }</a>
        </li>
    }
}

/// `same_event` / `same_story`, as in the JSON output.
pub fn level_name(level: LinkLevel) -> &'static str {
    match level {
        LinkLevel::SameEvent => "same_event",
        LinkLevel::SameStory => "same_story",
    }
}

fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// The per-signal scores of a link as a small definition list.
pub fn signals_table(t: &'static crate::ui::text::Text, s: &Signals) -> Html {
    let opt = |x: Option<f64>| x.map_or_else(|| t.not_measured.to_string(), pct);
    let rows = [
        (t.signal_text, pct(s.text)),
        (t.signal_entities, opt(s.entities)),
        (t.signal_duplicate, pct(s.near_duplicate)),
        (t.signal_time, opt(s.time)),
        (t.signal_story, pct(s.story)),
        (t.signal_event, pct(s.event)),
    ];
    html! {
        <dl class="signal-list">
            for (k, v) in rows {
                <div><dt>{ k }</dt><dd>{ v }</dd></div>
            }
        </dl>
    }
}
