//! Route: anything unknown (`#/404` and every address no other route takes), and unknown ids.

use yew::prelude::*;

use crate::ui::routes::Route;
use crate::ui::text;

/// Props of [`NotFoundPage`].
#[derive(Properties, PartialEq, Default)]
pub struct NotFoundPageProps {
    /// What was not found, in one sentence (defaults to "this address").
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

/// A friendly not-found page with a way back.
#[component]
pub fn NotFoundPage(props: &NotFoundPageProps) -> Html {
    let message = props
        .message
        .clone()
        .unwrap_or(AttrValue::Static(text::NOT_FOUND_ROUTE));
    html! {
        <section class="not-found" data-page="not-found">
            <h1>{ text::NOT_FOUND_TITLE }</h1>
            <p>{ message }</p>
            <p><a href={Route::Home.href()} class="button">{ text::BACK_TO_LIBRARY }</a></p>
        </section>
    }
}
