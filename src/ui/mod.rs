//! The Yew app: one reducer in a context, a hash router (works on static hosts and file://), pages.

pub mod components;
pub mod pages;
pub mod routes;
pub mod state;
pub mod text;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::components::nav::NavBar;
use crate::ui::routes::{Route, switch};
use crate::ui::state::{AppContext, AppState};

/// The root: provides the app state and routes.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::from_seeds);
    html! {
        <ContextProvider<AppContext> context={state}>
            <HashRouter>
                <AppShell />
            </HashRouter>
        </ContextProvider<AppContext>>
    }
}

/// The page frame around the routed content (navigation bar, main area, footer).
#[component]
pub fn AppShell() -> Html {
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::ui::components::focus_main();
            })}>{ text::SKIP_TO_CONTENT }</a>
            <NavBar />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">{ text::FOOTER }</footer>
        </>
    }
}
