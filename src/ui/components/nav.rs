//! The top navigation bar.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::routes::Route;
use crate::ui::text;

/// The site header with the app name and the main sections.
#[component]
pub fn NavBar() -> Html {
    html! {
        <header class="site-header">
            <nav class="site-nav" aria-label={text::MAIN_NAV}>
                <Link<Route> to={Route::Home} classes="brand">
                    <span class="brand-name">{ text::APP_NAME }</span>
                    <span class="brand-tagline">{ text::TAGLINE }</span>
                </Link<Route>>
                <ul class="nav-links">
                    <li><Link<Route> to={Route::Home}>{ text::NAV_LIBRARY }</Link<Route>></li>
                    <li><Link<Route> to={Route::Entities}>{ text::NAV_ENTITIES }</Link<Route>></li>
                    <li><Link<Route> to={Route::Timeline}>{ text::NAV_TIMELINE }</Link<Route>></li>
                    <li><Link<Route> to={Route::Notes}>{ text::NAV_NOTES }</Link<Route>></li>
                </ul>
            </nav>
        </header>
    }
}
