//! Routes `/e/<entity-id>` and `/e/<entity-id>/<n>`: every mention of an entity in its sentence across
//! articles, [`PAGE_SIZE`] articles a page ordered by date (so no page grows with the corpus), and the
//! entities that co-occur with it.

use yew::prelude::*;

use crate::core::analysis::kb::kb;
use crate::core::entity_view;
use crate::ui::components::copy_link_button::CopyLinkButton;
use crate::ui::components::entity_name::{entity_description, entity_name};
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Articles per page of an entity's mentions.
pub const PAGE_SIZE: usize = 20;

/// Props of [`EntityPage`].
#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    /// The entity id from the route.
    pub id: AttrValue,
    /// The page, from 1.
    #[prop_or(1)]
    pub page: usize,
}

/// Page `page` of the mentions of `id`: a name's page of the static site brings it as the build found
/// them; otherwise they are found here.
fn page_view(app: &crate::ui::state::AppState, id: &str, page: usize) -> Option<entity_view::EntityView> {
    match app.whole.as_ref().and_then(|w| w.entity.clone()) {
        // (the reading app has no own articles: only the full app adds their mentions)
        Some(v) => Some(match app.engine.get().filter(|_| app.own_in_slice() > 0) {
            Some(e) => (e.own_mentions)(app, v, id, page),
            None => v,
        }),
        None => entity_view::build(&app.corpus, &app.entities, app.detected.as_deref(), id)
            .map(|v| v.page(page.max(1), PAGE_SIZE)),
    }
}

/// The build's view of a name's page with the mentions in the reader's own articles, counted on every page
/// and shown after the collection's (as in the library): on its last page.
pub(crate) fn with_own(
    app: &crate::ui::state::AppState,
    mut view: entity_view::EntityView,
    id: &str,
    page: usize,
) -> entity_view::EntityView {
    let pages = view.article_total.div_ceil(PAGE_SIZE).max(1);
    let mine = entity_view::build(&app.own_corpus(), &app.entities, app.detected.as_deref(), id);
    if let Some(mine) = mine {
        view.mention_total += mine.mention_total;
        if page.clamp(1, pages) == pages {
            view.mentions.extend(mine.mentions);
        }
    }
    view
}

/// One entity's page.
#[component]
pub fn EntityPage(props: &EntityPageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let is_detected = props.id.starts_with(crate::core::analysis::detected::ID_PREFIX);
    let view = page_view(&app, &props.id, props.page);
    {
        let label = view.as_ref().map(|v| t.entity_label(&props.id, &v.label).0);
        use_effect_with((props.id.clone(), t.lang, props.page), move |&(_, _, page)| {
            if let Some(l) = label {
                let l = if page > 1 {
                    format!("{l}, {}", t.page_number(page))
                } else {
                    l
                };
                crate::platform::dom::set_title(&t.page_title(&l));
            }
        });
    }
    let Some(view) = view else {
        if is_detected && app.detected.is_none() {
            // a link to a detected name, opened before the model has run (a moment after start-up)
            return html! { <section class="entity-page" data-page="entity-pending"><p>{ t.names_pending }</p></section> };
        }
        return html! { <NotFoundPage message={AttrValue::Static(t.not_found_entity)} /> };
    };
    let entity = kb().get(&props.id);
    let pages = view.article_total.div_ceil(PAGE_SIZE).max(1);
    let page = props.page.clamp(1, pages);
    let here = if page == 1 {
        Route::Entity {
            id: props.id.to_string(),
        }
    } else {
        Route::EntityPage {
            id: props.id.to_string(),
            page,
        }
    };
    html! {
        <section class="entity-page" data-page="entity" data-entity={props.id.clone()}>
            <p class="card-kind"><span class={classes!("legend-swatch", format!("kind-{}", view.kind.as_str()))} aria-hidden="true" />{ t.kind_label(view.kind) }</p>
            <h1>{ entity_name(t, &props.id, &view.label) }</h1>
            if view.detected {
                <p class="entity-description card-detected">{ t.detected_card }</p>
            }
            if let Some(e) = entity {
                <p class="entity-description">{ entity_description(t, &app, e) }
                    if let Some(q) = e.wikidata() {
                        { " · " }<a href={format!("https://www.wikidata.org/wiki/{q}")} target="_blank" rel="noopener noreferrer">{ format!("Wikidata {q}") }</a>
                    }
                </p>
            }
            <div class="article-tools"><CopyLinkButton hash={AttrValue::from(here.href())} /></div>
            <h2>{ format!("{} ({})", t.mentions_in_articles, view.mention_total) }</h2>
            for group in view.mentions.iter() {
                <section class="mention-group">
                    <h3><a href={Route::Article { id: group.article_id.clone() }.href()} lang="de">{ group.title.clone() }</a>
                        <span class="meta-line">{ format!(" · {}", t.date_or_unknown(group.date)) }</span></h3>
                    <ul class="mention-sentences">
                        for s in group.sentences.iter() {
                            <li lang="de">{ s.before.clone() }<mark class={classes!("entity", view.detected.then_some("entity--detected"))} data-kind={view.kind.as_str()}>{ s.mention.clone() }</mark>{ s.after.clone() }</li>
                        }
                    </ul>
                </section>
            }
            if pages > 1 {
                <crate::ui::pages::home::Pager page={page} {pages} list={crate::ui::pages::home::PagerOf::Entity(props.id.to_string())} />
            }
            if !view.co_occurring.is_empty() {
                <h2>{ t.co_occurring }</h2>
                <ul class="chips">
                    for (id, label, n) in view.co_occurring.iter() {
                        <li><a href={Route::Entity { id: id.clone() }.href()}>{ entity_name(t, id, label) }</a><span class="legend-count">{ format!(" {n}") }</span></li>
                    }
                </ul>
            }
        </section>
    }
}
