//! The card shown for an entity mention on hover or keyboard focus: label, kind, description, Wikidata
//! link, mentions here and in other articles, and a link to the entity page.

use yew::prelude::*;

use crate::core::analysis::entities::Mention;
use crate::core::analysis::kb::kb;
use crate::ui::components::entity_name::{entity_description, entity_name};
use crate::ui::routes::Route;
use crate::ui::state::use_app;

/// Props of [`EntityCard`].
#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    /// The mention.
    pub mention: Mention,
    /// The article it is in.
    pub article_id: AttrValue,
    /// Position (page coordinates, CSS pixels): left, top.
    pub at: (f64, f64),
    /// The mention's index (its name gets focus back when the card closes by keyboard or button).
    pub index: usize,
    /// Called when the pointer left the card (it closes a moment later unless the pointer comes back).
    #[prop_or_default]
    pub onleave: Callback<()>,
    /// Called to close the card.
    pub onclose: Callback<()>,
}

/// A small card anchored below the mention.
#[component]
pub fn EntityCard(props: &EntityCardProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let m = &props.mention;
    let entity = m.entity_id.as_deref().and_then(|id| kb().get(id));
    let summary = m
        .entity_id
        .as_deref()
        .and_then(|id| app.entities.entities.iter().find(|e| e.id == id));
    let here = app
        .entities
        .by_article
        .iter()
        .find(|(id, _)| id.0 == props.article_id.as_str())
        .map_or(0, |(_, ms)| {
            ms.iter()
                .filter(|x| x.entity_id.is_some() && x.entity_id == m.entity_id)
                .count()
        });
    // the first five other articles by title, and how many there are (a page's slice holds only those five)
    let others: Vec<(String, String)> = summary
        .map(|s| {
            s.article_ids
                .iter()
                .filter(|a| a.0 != props.article_id.as_str())
                .filter_map(|a| app.corpus.get(&a.0).map(|art| (a.0.clone(), art.title.text.clone())))
                .take(crate::core::analysis::page_data::CARD_TITLES)
                .collect()
        })
        .unwrap_or_default();
    let other_count = summary.map_or(0, |s| {
        let this = s.article_ids.iter().any(|a| a.0 == props.article_id.as_str());
        app.entity_article_count(s) - usize::from(this)
    });
    let style = format!("left: {:.0}px; top: {:.0}px", props.at.0, props.at.1);
    let index = props.index;
    let close_to_name = {
        let close = props.onclose.clone();
        move || {
            // Focus first (focusing the name asks for its card, which is open already), then close.
            crate::platform::dom::focus_name(index);
            close.emit(());
        }
    };
    let onkeydown = {
        let close_to_name = close_to_name.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close_to_name();
            }
        })
    };
    let onclick_close = Callback::from(move |_: MouseEvent| close_to_name());
    let onmouseleave = props.onleave.reform(|_: MouseEvent| ());
    use_effect_with((index, props.at.0 as i64, props.at.1 as i64), move |_| {
        crate::platform::dom::fit_card(index)
    });
    html! {
        <div class="entity-card" role="dialog" aria-labelledby="card-label" {style} {onkeydown} {onmouseleave} id="entity-card">
            <button type="button" class="card-close" aria-label={t.close} title={t.close} onclick={onclick_close}>{ "×" }</button>
            <p class="card-kind">{ t.kind_label(m.kind) }{ if m.derived { t.derived_form } else { "" } }</p>
            { details(t, &app, m, entity, (here, other_count), &others) }
        </div>
    }
}

/// The card below its kind line: label, description, links and counts (KB entity), the model's confidence
/// (detected name), or the value (date, quantity).
fn details(
    t: &'static crate::ui::text::Text,
    app: &crate::ui::state::AppState,
    m: &Mention,
    entity: Option<&crate::core::analysis::kb::KbEntity>,
    (here, other_count): (usize, usize),
    others: &[(String, String)],
) -> Html {
    html! {
        <>
            <h2 class="card-label" id="card-label">{ entity.map_or_else(|| entity_name(t, "", &m.text), |e| entity_name(t, &e.id, &e.label_de)) }</h2>
            if let Some(e) = entity {
                <p class="card-description">{ entity_description(t, app, e) }</p>
                if let Some(q) = e.wikidata() {
                    <p><a href={format!("https://www.wikidata.org/wiki/{q}")} target="_blank" rel="noopener noreferrer">{ format!("Wikidata {q}") }</a></p>
                }
                <p class="card-counts">{ format!("{here} {} · {} {}",
                    if here == 1 { t.mention_here } else { t.mentions_here }, other_count,
                    if other_count == 1 { t.other_article } else { t.other_articles }) }</p>
                if !others.is_empty() {
                    <ul class="card-others">
                        for (id, title) in others.iter() {
                            <li><a href={Route::Article { id: id.clone() }.href()} lang="de">{ title.clone() }</a></li>
                        }
                    </ul>
                }
                <p><a href={Route::Entity { id: e.id.clone() }.href()} class="button button--quiet">{ t.entity_page }</a></p>
            } else if let (true, Some(group)) = (m.is_detected(), m.page_id()) {
                <p class="card-description card-detected">{ t.detected_card }</p>
                if let crate::core::analysis::mention::Source::Model { margin, .. } = &m.source {
                    <p class="card-confidence" data-margin={margin.to_string()}>{ t.model_confidence(*margin) }</p>
                }
                <p><a href={Route::Entity { id: group.to_string() }.href()} class="button button--quiet">{ t.entity_page }</a></p>
            } else if let Some(v) = &m.value {
                <p class="card-description">{ format!("{}: {v}", t.value) }</p>
            } else {
                <p class="card-description">{ t.not_linked }</p>
            }
        </>
    }
}
