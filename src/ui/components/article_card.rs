//! One article in the library list.

use yew::prelude::*;

use crate::core::corpus::{Article, BlockKind, TitleOrigin};
use crate::ui::components::meta_line::MetaLine;
use crate::ui::routes::Route;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article.
    pub article: std::rc::Rc<Article>,
    /// Its main entities: (id, label, kind).
    #[prop_or_default]
    pub main_entities: std::rc::Rc<Vec<(String, String, crate::core::analysis::entities::EntityKind)>>,
}

/// Title (as a link), meta line and the start of the lead.
#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let t = crate::ui::hooks::use_text();
    let a = &props.article;
    let lead = a
        .blocks
        .iter()
        .find(|b| b.kind != BlockKind::Caption)
        .map(|b| teaser(&b.text))
        .unwrap_or_default();
    let untitled = a.title.origin == TitleOrigin::FirstSentence;
    let own = use_context::<crate::ui::state::AppContext>().is_some_and(|app| app.is_own(&a.id.0));
    html! {
        <li class={classes!("article-card", own.then_some("article-card--own"))} data-article-id={a.id.0.clone()}>
            if own { <span class="own-mark">{ t.own_mark }</span> }
            <h2 class={classes!("card-title", untitled.then_some("card-title--derived"))}>
                <a href={Route::Article { id: a.id.0.clone() }.href()} lang="de">{ a.title.text.clone() }</a>
            </h2>
            <MetaLine article={a.clone()} />
            <p class="card-teaser" lang="de">{ lead }</p>
            if !props.main_entities.is_empty() {
                <ul class="chips card-entities" aria-label={t.main_entities}>
                    for (id, label, kind) in props.main_entities.iter() {
                        <li><a href={Route::Entity { id: id.clone() }.href()}>
                            <span class={classes!("legend-swatch", format!("kind-{}", kind.as_str()))} aria-hidden="true" />{ crate::ui::components::entity_name::entity_name(t, id, label) }
                        </a></li>
                    }
                </ul>
            }
        </li>
    }
}

fn teaser(text: &str) -> String {
    if text.chars().count() <= 220 {
        return text.to_string();
    }
    let cut: String = text.chars().take(220).collect();
    format!("{} …", cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a))
}
