//! The top navigation bar.

use yew::prelude::*;

use crate::ui::routes::Route;

/// The site header with the app name and the main sections.
#[component]
pub fn NavBar() -> Html {
    let t = crate::ui::hooks::use_text();
    html! {
        <header class="site-header">
            <nav class="site-nav" aria-label={t.main_nav}>
                <a href={Route::Home.href()} class="brand">
                    <span class="brand-name">{ t.app_name }</span>
                    <span class="brand-tagline">{ t.tagline }</span>
                </a>
                <ul class="nav-links">
                    <li><a href={Route::Home.href()}>{ t.nav_library }</a></li>
                    <li><a href={Route::Entities.href()}>{ t.nav_entities }</a></li>
                    <li><a href={Route::Timeline.href()}>{ t.nav_timeline }</a></li>
                    <li><a href={Route::Notes.href()}>{ t.nav_notes }</a></li>
                    <li><a href={Route::Add.href()}>{ t.nav_add }</a></li>
                </ul>
            </nav>
            <div class="header-tools">
                <crate::ui::components::search_box::SearchBox />
                <crate::ui::components::preferences::Preferences />
            </div>
        </header>
    }
}
