//! The top navigation bar.

use yew::prelude::*;

use crate::ui::routes::Route;
use crate::ui::text;

/// The site header with the app name and the main sections.
#[component]
pub fn NavBar() -> Html {
    html! {
        <header class="site-header">
            <nav class="site-nav" aria-label={text::MAIN_NAV}>
                <a href={Route::Home.href()} class="brand">
                    <span class="brand-name">{ text::APP_NAME }</span>
                    <span class="brand-tagline">{ text::TAGLINE }</span>
                </a>
                <ul class="nav-links">
                    <li><a href={Route::Home.href()}>{ text::NAV_LIBRARY }</a></li>
                    <li><a href={Route::Entities.href()}>{ text::NAV_ENTITIES }</a></li>
                    <li><a href={Route::Timeline.href()}>{ text::NAV_TIMELINE }</a></li>
                    <li><a href={Route::Notes.href()}>{ text::NAV_NOTES }</a></li>
                </ul>
            </nav>
            <crate::ui::components::search_box::SearchBox />
        </header>
    }
}
