//! Routes `/e` and `/names/<n>`: every entity in the corpus with mention and article counts, filter by kind,
//! sort. The static site splits it into pages of [`PAGE_SIZE`] names (most read first), so no page grows
//! with the corpus; a filter or the other order loads the whole list (`data/names.js`) and shows all.

use yew::prelude::*;

use crate::core::analysis::entities::EntityKind;
use crate::ui::routes::Route;
use crate::ui::state::{ALL_KINDS, AppState, use_app};

/// One row of the index: (id, label, kind, mentions, articles, detected).
pub(crate) type Row = (String, String, EntityKind, usize, usize, bool);

/// Names per page of the index.
pub const PAGE_SIZE: usize = 200;

/// Props of [`EntitiesPage`].
#[derive(Properties, PartialEq)]
pub struct EntitiesPageProps {
    /// The page, from 1.
    #[prop_or(1)]
    pub page: usize,
}

/// The entity index.
#[component]
pub fn EntitiesPage(props: &EntitiesPageProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let kind = use_state_eq(|| None::<EntityKind>);
    let by_name = use_state_eq(|| false);
    use_effect_with((t.lang, props.page), |&(_, page)| {
        let title = if page > 1 {
            t.names_page_title(page)
        } else {
            t.entities_title.to_string()
        };
        crate::platform::dom::set_title(&format!("{title} — {}", t.app_name))
    });
    let all = rows(&app, *kind, *by_name);
    let paged = kind.is_none() && !*by_name;
    // a page's slice holds its own names only: a filter or the other order needs the whole list
    let reset = {
        let (kind, by_name) = (kind.clone(), by_name.clone());
        Callback::from(move |()| {
            kind.set(None);
            by_name.set(false);
        })
    };
    let waiting = crate::ui::hooks::use_whole_list(&app, !paged, "data/names.js", reset);
    let total = if paged { app.list_total(all.len()) } else { all.len() };
    let pages = if paged { total.div_ceil(PAGE_SIZE).max(1) } else { 1 };
    let page = props.page.clamp(1, pages);
    let list = if waiting {
        Vec::new()
    } else {
        page_rows(&app, all, paged, page, pages)
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            kind.set(ALL_KINDS.into_iter().find(|k| k.as_str() == v));
        })
    };
    let on_sort = {
        let by_name = by_name.clone();
        Callback::from(move |e: Event| {
            by_name.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value() == "name")
        })
    };
    let here = if page == 1 {
        Route::Entities
    } else {
        Route::Names { page }
    };
    html! {
        <section class="entities" data-page="entities">
            <h1>{ t.entities_title }<span class="count">{ format!(" ({total})") }</span></h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(here.href())} /></div>
            { filters(t, *kind, *by_name, on_kind, on_sort) }
            if waiting {
                <p class="empty" role="status">{ t.loading }</p>
            } else {
                { table(t, list) }
            }
            if pages > 1 {
                <crate::ui::pages::home::Pager {page} {pages} list={crate::ui::pages::home::PagerOf::Names} />
            }
        </section>
    }
}

/// The KB entities and detected groups of kind `kind` (all named kinds when `None`), most read first or by
/// name.
pub(crate) fn rows(app: &AppState, kind: Option<EntityKind>, by_name: bool) -> Vec<Row> {
    let mut list: Vec<Row> = app
        .entities
        .entities
        .iter()
        .filter(|e| !matches!(e.kind, EntityKind::Date | EntityKind::Quantity))
        .map(|e| {
            (
                e.id.clone(),
                e.label.clone(),
                e.kind,
                e.mention_count,
                app.entity_article_count(e),
                false,
            )
        })
        .chain(app.detected.iter().flat_map(|d| d.groups.iter()).map(|g| {
            (
                g.id.clone(),
                g.label.clone(),
                g.kind,
                g.mention_count,
                app.entity_article_count(g),
                true,
            )
        }))
        .filter(|e| kind.is_none_or(|k| e.2 == k))
        .collect();
    if by_name {
        list.sort_by_key(|e| e.1.to_lowercase());
    } else {
        list.sort_by(|a, b| b.4.cmp(&a.4).then(b.3.cmp(&a.3)).then(a.1.cmp(&b.1)));
    }
    list
}

/// The rows of page `page` of `pages` of the list `all` (of the whole list, or of a page's slice, with the
/// reader's own names sorted in by the full app).
fn page_rows(app: &AppState, all: Vec<Row>, paged: bool, page: usize, pages: usize) -> Vec<Row> {
    // (the reading app has no own articles: only the full app sorts them in)
    let own = (app.engine.get()).filter(|_| paged && app.own_in_slice() > 0 && app.window().is_some());
    if let Some(e) = own {
        return (e.own_names)(app, all, page == 1, page == pages);
    }
    let skip = if paged && app.window().is_none() {
        (page - 1) * PAGE_SIZE
    } else {
        0
    };
    let take = if paged { PAGE_SIZE } else { usize::MAX };
    all.into_iter().skip(skip).take(take).collect()
}

/// A page's slice of the names index with the names only the reader's own articles have, where the whole
/// list would have them ([`crate::core::library::merge_page`]); the collection's names that own articles
/// name too count them, and stay on their own page.
pub(crate) fn with_own_names(app: &AppState, all: Vec<Row>, first: bool, last: bool) -> Vec<Row> {
    let Some(w) = app.whole.as_ref() else {
        return all;
    };
    let elsewhere = app.names_elsewhere();
    let here = |r: &Row| w.entity_articles.contains_key(&r.0);
    let all = all
        .into_iter()
        .filter(|r| here(r) || !elsewhere.contains(&r.0))
        .collect();
    crate::core::library::merge_page(all, here, first, last)
}

/// The kind filter and the sort order.
fn filters(
    t: &'static crate::ui::text::Text,
    kind: Option<EntityKind>,
    by_name: bool,
    on_kind: Callback<Event>,
    on_sort: Callback<Event>,
) -> Html {
    html! {
        <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ t.kind }
                <select id="entity-kind" onchange={on_kind}>
                    <option value="" selected={kind.is_none()}>{ t.filter_all }</option>
                    for k in ALL_KINDS.into_iter().take(5) {
                        <option value={k.as_str()} selected={kind == Some(k)}>{ t.kind_label(k) }</option>
                    }
                </select>
            </label>
            <label>{ t.sort_label }
                <select id="entity-sort" onchange={on_sort}>
                    <option value="count" selected={!by_name}>{ t.sort_frequency }</option>
                    <option value="name" selected={by_name}>{ t.sort_name }</option>
                </select>
            </label>
        </form>
    }
}

/// The index table.
fn table(t: &'static crate::ui::text::Text, list: Vec<Row>) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={t.entities_title}>
        <table class="entity-table">
            <thead><tr><th scope="col">{ t.name }</th><th scope="col">{ t.kind }</th><th scope="col" class="num">{ t.mentions }</th><th scope="col" class="num">{ t.articles }</th></tr></thead>
            <tbody>
                for (id, label, kind, mentions, articles, detected) in list {
                    <tr data-entity-row={id.clone()}>
                        <td><a href={Route::Entity { id: id.clone() }.href()}><span class={classes!("legend-swatch", format!("kind-{}", kind.as_str()))} aria-hidden="true" />{ crate::ui::components::entity_name::entity_name(t, &id, &label) }</a>
                            if detected { <span class="detected-badge">{ t.detected_short }</span> }
                            // on a phone the kind goes under the name (its column is left out to fit)
                            <span class="kind-inline">{ t.kind_label(kind) }</span></td>
                        <td>{ t.kind_label(kind) }</td>
                        <td class="num">{ mentions }</td>
                        <td class="num">{ articles }</td>
                    </tr>
                }
            </tbody>
        </table>
        </div>
    }
}
