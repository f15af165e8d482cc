//! Route `#/t`: the story timeline — every event and story with more than one report, in date order of its
//! first report, with its articles.

use yew::prelude::*;

use crate::core::analysis::events::LinkLevel;
use crate::core::event_view::timeline;
use crate::core::library::outlet_of;
use crate::ui::components::same_event_panel::level_name;
use crate::ui::routes::Route;
use crate::ui::state::use_app;
use crate::ui::text;

/// The timeline of all events.
#[component]
pub fn TimelinePage() -> Html {
    let app = use_app();
    use_effect_with((), |()| {
        crate::platform::dom::set_title(&format!("{} — {}", text::TIMELINE_TITLE, text::APP_NAME));
    });
    let entries = timeline(&app.corpus, &app.links);
    html! {
        <section class="timeline-page" data-page="timeline">
            <h1>{ text::TIMELINE_TITLE }</h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(Route::Timeline.href())} /></div>
            <p class="related-help">{ text::TIMELINE_HELP }</p>
            if entries.is_empty() {
                <p>{ text::TIMELINE_EMPTY }</p>
            }
            <ol class="story-timeline">
                for e in entries.iter() {
                    <li class="timeline-entry" data-event={e.group.id.clone()} data-level={level_name(e.group.level)}>
                        <p class="timeline-head">
                            <span class="timeline-date">{ e.first.map_or_else(|| text::DATE_UNKNOWN.to_string(), text::date) }</span>
                            <span class={classes!("level-badge", format!("level-{}", level_name(e.group.level)))}>
                                { if e.group.level == LinkLevel::SameEvent { text::LEVEL_EVENT } else { text::LEVEL_STORY } }
                            </span>
                            <a href={Route::Event { id: e.group.id.clone() }.href()}>{ format!("{} {}", e.members.len(), text::REPORTS) }</a>
                        </p>
                        <ul class="timeline-articles">
                            for id in e.members.iter() {
                                if let Some(a) = app.corpus.get(&id.0) {
                                    <li data-article-id={id.0.clone()}>
                                        <a href={Route::Article { id: id.0.clone() }.href()}>{ a.title.text.clone() }</a>
                                        <span class="meta-line">{ format!(" · {} · {}",
                                            outlet_of(a).unwrap_or(text::OUTLET_UNKNOWN),
                                            a.date.value.map_or_else(|| text::DATE_UNKNOWN.to_string(), text::date)) }</span>
                                    </li>
                                }
                            }
                        </ul>
                    </li>
                }
            </ol>
        </section>
    }
}
