//! Route: anything unknown (`#/404` and every address no other route takes), and unknown ids.

use yew::prelude::*;

use crate::ui::routes::Route;

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
    let t = crate::ui::hooks::use_text();
    let message = props.message.clone().unwrap_or(AttrValue::Static(t.not_found_route));
    use_effect_with(t.lang, move |_| {
        crate::platform::dom::set_title(&t.page_title(t.not_found_title))
    });
    html! {
        <section class="not-found" data-page="not-found">
            <h1>{ t.not_found_title }</h1>
            <p>{ message }</p>
            <p><a href={Route::Home.href()} class="button">{ t.back_to_library }</a></p>
        </section>
    }
}
