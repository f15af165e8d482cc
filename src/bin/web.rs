//! The browser app's entry point (built by trunk).

fn main() {
    presseschau::platform::clock::mark("presseschau:started");
    // The hash router only understands hashes that start with "/"; a hand-edited or foreign link such as
    // `index.html#abc` would otherwise stop the app. Such hashes are sent to the not-found page, now and on
    // every later change (this listener is registered before the router's, so it runs first).
    presseschau::platform::location::normalize_hash();
    presseschau::platform::location::keep_hash_normalized();
    yew::Renderer::<presseschau::ui::App>::new().render();
}
