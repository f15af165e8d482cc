//! The Yew app: one reducer in a context, a hash router (works on static hosts and file://), pages.

pub mod components;
pub mod hooks;
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
    let state = use_reducer(|| {
        use crate::platform::storage;
        let hidden = storage::load(state::HIDDEN_KINDS_KEY)
            .ok()
            .flatten()
            .map(|s| state::parse_kinds(&s))
            .unwrap_or_default();
        let stored = storage::load(state::ANNOTATIONS_KEY).map_err(|_| ());
        let mut s = AppState::starting().with_stored(stored, |raw| {
            let key = format!("{}.{}", state::UNREADABLE_KEY, crate::platform::clock::now_millis());
            storage::save(&key, raw).is_ok()
        });
        s.hidden_kinds = hidden;
        crate::platform::clock::mark("presseschau:analysed");
        s
    });
    hooks::use_persistence(&state);
    {
        // the first page goes on screen without the model's names; they follow right after it is painted
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            crate::platform::clock::mark("presseschau:rendered");
            crate::platform::dom::after_next_paint(move || dispatcher.dispatch(state::Action::DetectNames));
        });
    }
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
                <crate::ui::components::notice_bar::NoticeBar />
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">{ text::FOOTER }</footer>
        </>
    }
}
