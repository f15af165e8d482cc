//! The article page's "Gleiches Ereignis" panel (other reports of the same event, with reasons) and
//! "Gleiche Geschichte" list, each entry with a link to the compare view.

use yew::prelude::*;

use crate::core::analysis::events::{Link as EventLink, LinkLevel, Signals};
use crate::core::corpus::ArticleId;
use crate::core::event_view::{explain_labelled, groups_of, other_end, related};
use crate::core::library::outlet_of;
use crate::ui::routes::Route;
use crate::ui::state::use_app;
use crate::ui::text;

/// Props of [`SameEventPanel`].
#[derive(Properties, PartialEq)]
pub struct SameEventPanelProps {
    /// The article whose relatives are shown.
    pub article_id: AttrValue,
}

/// Same-event and same-story links of one article; renders nothing when it has none.
#[component]
pub fn SameEventPanel(props: &SameEventPanelProps) -> Html {
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
        <aside class="related" aria-label={text::RELATED_REPORTS}>
            if !same_event.is_empty() {
                <section class="related-panel" data-panel="same-event">
                    <h2>{ text::SAME_EVENT }</h2>
                    <p class="related-help">{ text::SAME_EVENT_HELP }</p>
                    <ul class="related-list">{ for same_event.iter().map(|l| item(l)) }</ul>
                    { group_link(LinkLevel::SameEvent, text::SHOW_EVENT).unwrap_or_default() }
                </section>
            }
            if !same_story.is_empty() {
                <section class="related-panel" data-panel="same-story">
                    <h2>{ text::SAME_STORY }</h2>
                    <p class="related-help">{ text::SAME_STORY_HELP }</p>
                    <ul class="related-list">{ for same_story.iter().map(|l| item(l)) }</ul>
                    { group_link(LinkLevel::SameStory, text::SHOW_STORY).unwrap_or_default() }
                </section>
            }
        </aside>
    }
}

fn related_item(app: &crate::ui::state::AppContext, me: &ArticleId, l: &EventLink) -> Html {
    let other = other_end(l, me);
    let Some(article) = app.corpus.get(&other.0) else {
        return html! {};
    };
    let outlet = outlet_of(article).unwrap_or(text::OUTLET_UNKNOWN).to_string();
    let date = article
        .date
        .value
        .map_or_else(|| text::DATE_UNKNOWN.to_string(), text::date);
    html! {
        <li class="related-item" data-related-id={other.0.clone()} data-level={level_name(l.level)}>
            <a href={Route::Article { id: other.0.clone() }.href()} class="related-title">{ article.title.text.clone() }</a>
            <p class="meta-line">{ format!("{outlet} · {date}") }</p>
            <ul class="reasons">
                for phrase in explain_labelled(&l.reasons) {
                    <li>{ phrase }</li>
                }
            </ul>
            <details class="signals">
                <summary>{ text::SIGNALS }</summary>
                { signals_table(&l.reasons.signals) }
            </details>
            <a href={Route::Compare { a: me.0.clone(), b: other.0.clone() }.href()} class="button button--quiet compare-link">{ text::COMPARE }</a>
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
pub fn signals_table(s: &Signals) -> Html {
    let opt = |x: Option<f64>| x.map_or_else(|| text::NOT_MEASURED.to_string(), pct);
    let rows = [
        (text::SIGNAL_TEXT, pct(s.text)),
        (text::SIGNAL_ENTITIES, opt(s.entities)),
        (text::SIGNAL_DUPLICATE, pct(s.near_duplicate)),
        (text::SIGNAL_TIME, opt(s.time)),
        (text::SIGNAL_STORY, pct(s.story)),
        (text::SIGNAL_EVENT, pct(s.event)),
    ];
    html! {
        <dl class="signal-list">
            for (k, v) in rows {
                <div><dt>{ k }</dt><dd>{ v }</dd></div>
            }
        </dl>
    }
}
