//! The browser app's entry point (built by trunk). Every page of the static site names its route
//! (`<html data-route="/a/…">`); the app renders that page off-screen and swaps it in for the prerendered
//! text once it is ready (`platform::dom::take_over`).

use presseschau::ui::routes::Route;
use yew_router::Routable;

fn main() {
    presseschau::platform::clock::mark("presseschau:started");
    let path = presseschau::platform::location::page_route().unwrap_or_else(|| "/".to_string());
    let mut route = Route::recognize(&path).unwrap_or(Route::NotFound);
    if route == Route::NotFound {
        // forward.js sends an old link to a page that does not exist here with its old address
        // (`404.html#/a/<id>`): that route's own not-found message says what is missing.
        let hash = format!("#{}", presseschau::platform::location::fragment());
        if let Some((old, _)) = Route::from_old_hash(&hash) {
            route = old;
        }
    }
    let Some(root) = presseschau::platform::dom::app_root() else {
        return;
    };
    yew::Renderer::<presseschau::ui::App>::with_root_and_props(root, presseschau::ui::AppProps { route }).render();
}
