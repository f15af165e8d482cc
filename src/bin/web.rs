//! The full app (built by trunk; the static site's `app-full.js`): every page, and the analysis of text the
//! build did not read (own articles, a folder without `data.js`). The reading pages load the smaller
//! `src/bin/reader.rs`, which hands over to this one when it meets such text.

fn main() {
    presseschau::ui::start(
        presseschau::ui::state::Engine::FULL,
        presseschau::ui::routes::Pages::ALL,
    );
}
