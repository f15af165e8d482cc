//! The browser app's entry point (built by trunk).

fn main() {
    yew::Renderer::<presseschau::ui::App>::new().render();
}
