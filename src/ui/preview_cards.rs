//! The cards of an article's names, prerendered at build time for `card.js` (the page's first script), so
//! a name opens its card before the app has started: the app's own [`EntityCard`], in a `<template
//! class="preview-card" data-m="…">` per distinct card, listing the mentions (`data-m` of the names) it is
//! for. Templates are inert: not shown, not read by reader modes or screen readers, no requests.

use std::rc::Rc;

use yew::LocalServerRenderer;
use yew::prelude::*;

use crate::core::analysis::kb::kb;
use crate::core::analysis::mention::Mention;
use crate::core::article_view::ArticleView;
use crate::ui::StaticContexts;
use crate::ui::components::entity_card::EntityCard;
use crate::ui::state::{AppState, use_app};

/// Props of [`StaticCards`].
#[derive(Properties, PartialEq)]
pub struct StaticCardsProps {
    /// The state the page was prerendered from.
    pub state: Rc<AppState>,
    /// The article.
    pub id: AttrValue,
}

/// The templates of one article's cards, over the same state and contexts as the page.
#[component]
pub fn StaticCards(props: &StaticCardsProps) -> Html {
    crate::ui::routes::set_page_lang(props.state.lang);
    html! {
        <StaticContexts state={props.state.clone()}>
            <Cards id={props.id.clone()} />
        </StaticContexts>
    }
}

#[derive(Properties, PartialEq)]
struct CardsProps {
    id: AttrValue,
}

#[component]
fn Cards(props: &CardsProps) -> Html {
    let app = use_app();
    let Some(article) = app.corpus.get(&props.id) else {
        return Html::default();
    };
    let view = ArticleView::new(article, &app.entities, app.detected.as_deref());
    html! {
        for (mention, indices) in distinct_cards(&view.mentions) {
            <template class="preview-card" data-m={indices}>
                <EntityCard {mention} article_id={props.id.clone()} at={(0.0, 0.0)} index={0}
                    onclose={Callback::noop()} />
            </template>
        }
    }
}

/// The mentions whose cards differ, each with the indices (space-separated) of the mentions that show the
/// same card: what a card shows depends on the kind, the form, the entity (or, without one, the text), the
/// source and the value, not on where the mention is.
fn distinct_cards(mentions: &[Mention]) -> Vec<(Mention, String)> {
    let mut cards: Vec<(Mention, Mention, String)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let mut key = m.clone();
        (key.start, key.end) = (0, 0);
        if key.entity_id.as_deref().is_some_and(|id| kb().get(id).is_some()) {
            // the card shows the knowledge base's label, not the text as written
            key.text.clear();
        }
        match cards.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, indices)) => indices.push_str(&format!(" {i}")),
            None => cards.push((key, m.clone(), i.to_string())),
        }
    }
    cards.into_iter().map(|(_, m, indices)| (m, indices)).collect()
}

/// The templates of the cards of article `id`, as HTML (empty when there is no such article).
pub async fn render(state: Rc<AppState>, id: &str) -> String {
    LocalServerRenderer::<StaticCards>::with_props(StaticCardsProps {
        state,
        id: AttrValue::from(id.to_string()),
    })
    .hydratable(false)
    .render()
    .await
}
