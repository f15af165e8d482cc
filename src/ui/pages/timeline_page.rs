//! Routes `/t` and `/t/<n>`: the story timeline — every event and story with more than one report, in date
//! order of its first report, with its articles; [`PAGE_SIZE`] groups a page, so no page grows with the
//! corpus.

use yew::prelude::*;

use crate::core::analysis::events::LinkLevel;
use crate::core::event_view::{TimelineEntry, timeline};
use crate::core::library::outlet_of;
use crate::ui::components::same_event_panel::level_name;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Groups per page of the timeline.
pub const PAGE_SIZE: usize = 100;

/// Props of [`TimelinePage`].
#[derive(Properties, PartialEq)]
pub struct TimelinePageProps {
    /// The page, from 1.
    #[prop_or(1)]
    pub page: usize,
}

/// The timeline of all events.
#[component]
pub fn TimelinePage(props: &TimelinePageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    use_effect_with((t.lang, props.page), |&(_, page)| {
        let title = if page > 1 {
            t.timeline_page_title(page)
        } else {
            t.timeline_title.to_string()
        };
        crate::platform::dom::set_title(&format!("{title} — {}", t.app_name));
    });
    let all = timeline(&app.corpus, &app.links);
    let pages = app.list_total(all.len()).div_ceil(PAGE_SIZE).max(1);
    let page = props.page.clamp(1, pages);
    // (a page's slice holds its own groups only)
    let skip = if app.window().is_none() {
        (page - 1) * PAGE_SIZE
    } else {
        0
    };
    // (the reading app has no own articles: only the full app sorts them in)
    let entries: Vec<_> = match app.engine.get().filter(|_| app.own_in_slice() > 0) {
        Some(e) => (e.own_timeline)(&app, all, page == 1, page == pages),
        None => all.into_iter().skip(skip).take(PAGE_SIZE).collect(),
    };
    let here = if page == 1 {
        Route::Timeline
    } else {
        Route::TimelinePage { page }
    };
    html! {
        <section class="timeline-page" data-page="timeline">
            <h1>{ t.timeline_title }</h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(here.href())} /></div>
            <p class="related-help">{ t.timeline_help }</p>
            if entries.is_empty() {
                <p>{ t.timeline_empty }</p>
            }
            <ol class="story-timeline">
                for e in entries.iter() {
                    <li class="timeline-entry" data-event={e.group.id.clone()} data-level={level_name(e.group.level)}>
                        <p class="timeline-head">
                            <span class="timeline-date">{ t.date_or_unknown(e.first) }</span>
                            <span class={classes!("level-badge", format!("level-{}", level_name(e.group.level)))}>
                                { if e.group.level == LinkLevel::SameEvent { t.level_event } else { t.level_story } }
                            </span>
                            <a href={Route::Event { id: e.group.id.clone() }.href()}>{ format!("{} {}", e.members.len(), t.reports) }</a>
                        </p>
                        <ul class="timeline-articles">
                            for id in e.members.iter() {
                                if let Some(a) = app.corpus.get(&id.0) {
                                    <li data-article-id={id.0.clone()}>
                                        <a href={Route::Article { id: id.0.clone() }.href()} lang="de">{ a.title.text.clone() }</a>
                                        <span class="meta-line">{ format!(" · {} · {}",
                                            outlet_of(a).unwrap_or(t.outlet_unknown),
                                            t.date_or_unknown(a.date.value)) }</span>
                                    </li>
                                }
                            }
                        </ul>
                    </li>
                }
            </ol>
            if pages > 1 {
                <crate::ui::pages::home::Pager {page} {pages} list={crate::ui::pages::home::PagerOf::Timeline} />
            }
        </section>
    }
}

/// A page's slice of the timeline with the reader's own articles: its groups, one an own article joined
/// with all its reports here (the kept links: `state::OWN_LINKS_KEY`), and the groups of own articles
/// alone where the whole timeline would have them ([`crate::core::library::merge_page`]). A group that also
/// joins reports of other pages is left out here (not all its reports are in the slice).
pub(crate) fn own_in_slice(
    app: &crate::ui::state::AppState,
    all: Vec<TimelineEntry>,
    first: bool,
    last: bool,
) -> Vec<TimelineEntry> {
    let own: std::collections::HashSet<_> = app.own_articles().iter().map(|a| &a.id).collect();
    let mine = |e: &TimelineEntry| e.group.members.iter().filter(|m| own.contains(m)).count();
    let all = (all.into_iter())
        .filter(|e| mine(e) == 0 || e.members.len() == e.group.members.len())
        .collect();
    crate::core::library::merge_page(all, |e| mine(e) < e.group.members.len(), first, last)
}
