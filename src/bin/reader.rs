//! The reading pages' app (the static site's `app.js`): library, articles, names, events and timeline over
//! the build's analysis (`data.js`), with cards, notes and sharing — and no ingest, matcher, model or linker,
//! so a reader downloads a third less. Every page names its route (`<html data-route="/a/…">`); the app
//! renders that page off-screen and swaps it in for the prerendered text (`platform::dom::take_over`).

fn main() {
    presseschau::ui::start(
        presseschau::ui::state::Engine::NONE,
        presseschau::ui::routes::Pages::READING,
    );
}
