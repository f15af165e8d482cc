//! The browser app's entry point (built by trunk). Every page of the static site names its route
//! (`<html data-route="/a/…">`); the app renders that page off-screen and swaps it in for the prerendered
//! text once it is ready (`platform::dom::take_over`).

use yew_router::Routable;

fn main() {
    presseschau::platform::clock::mark("presseschau:started");
    let path = presseschau::platform::location::page_route().unwrap_or_else(|| "/".to_string());
    let route = presseschau::ui::routes::Route::recognize(&path).unwrap_or(presseschau::ui::routes::Route::NotFound);
    let Some(root) = presseschau::platform::dom::app_root() else {
        return;
    };
    yew::Renderer::<presseschau::ui::App>::with_root_and_props(root, presseschau::ui::AppProps { route }).render();
}
