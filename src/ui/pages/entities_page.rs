//! Route `#/e`: every entity in the corpus with mention and article counts, filter by kind, sort.

use yew::prelude::*;

use crate::core::analysis::entities::EntityKind;
use crate::ui::routes::Route;
use crate::ui::state::{ALL_KINDS, AppState, use_app};

/// One row of the index: (id, label, kind, mentions, articles, detected).
type Row = (String, String, EntityKind, usize, usize, bool);

/// The entity index.
#[component]
pub fn EntitiesPage() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let kind = use_state_eq(|| None::<EntityKind>);
    let by_name = use_state_eq(|| false);
    use_effect_with(t.lang, |_| {
        crate::platform::dom::set_title(&format!("{} — {}", t.entities_title, t.app_name))
    });
    let list = rows(&app, *kind, *by_name);
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
    html! {
        <section class="entities" data-page="entities">
            <h1>{ t.entities_title }<span class="count">{ format!(" ({})", list.len()) }</span></h1>
            <div class="page-tools"><crate::ui::components::copy_link_button::CopyLinkButton hash={AttrValue::from(Route::Entities.href())} /></div>
            { filters(t, *kind, *by_name, on_kind, on_sort) }
            { table(t, list) }
        </section>
    }
}

/// The KB entities and detected groups of kind `kind` (all named kinds when `None`), most read first or by
/// name.
fn rows(app: &AppState, kind: Option<EntityKind>, by_name: bool) -> Vec<Row> {
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
                e.article_ids.len(),
                false,
            )
        })
        .chain(app.detected.iter().flat_map(|d| d.groups.iter()).map(|g| {
            (
                g.id.clone(),
                g.label.clone(),
                g.kind,
                g.mention_count,
                g.article_ids.len(),
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
                            if detected { <span class="detected-badge">{ t.detected_short }</span> }</td>
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
