//! The keyboard shortcuts of every page, and the overlay that lists them (`?`).

use yew::prelude::*;

use crate::ui::text::Text;

/// Every shortcut: key and what it does (the overlay lists them; [`HelpOverlay`] handles them).
pub fn shortcuts(t: &'static Text) -> [(&'static str, &'static str); 8] {
    [
        ("/", t.key_search),
        ("?", t.key_help),
        ("←  →", t.key_prev_next),
        ("n", t.key_next_note),
        ("Tab", t.key_text),
        (t.pick("←  →  (im Text)", "←  →  (in the text)"), t.key_names),
        ("Esc", t.key_escape),
        (t.pick("Umschalt + ↓ ↑", "Shift + ↓ ↑"), t.key_select),
    ]
}

/// Registers the page's shortcuts once and shows the help overlay while it is open.
#[component]
pub fn HelpOverlay() -> Html {
    let t = crate::ui::hooks::use_text();
    let open = use_state_eq(|| false);
    {
        let open = open.setter();
        use_effect_with((), move |()| {
            crate::platform::dom::on_shortcut(move |key| match key {
                "/" => {
                    crate::platform::dom::focus("site-search");
                    true
                }
                "?" => {
                    open.set(true);
                    crate::platform::dom::after(0, || crate::platform::dom::focus("help-close"));
                    true
                }
                "Escape" => {
                    open.set(false);
                    false
                }
                "ArrowLeft" => crate::platform::dom::click(".prev-next a[rel=prev]"),
                "ArrowRight" => crate::platform::dom::click(".prev-next a[rel=next]"),
                "n" => crate::platform::dom::focus_next(".article-body mark.annotation"),
                _ => false,
            });
        });
    }
    if !*open {
        return html! {};
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    html! {
        <div class="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" id="help-overlay" {onkeydown}>
            <div class="help-box">
                <h2 id="help-title">{ t.help_title }</h2>
                <dl class="help-keys">
                    for (key, what) in shortcuts(t) {
                        <div><dt><kbd>{ key }</kbd></dt><dd>{ what }</dd></div>
                    }
                </dl>
                <button type="button" class="button" id="help-close" onclick={close}>{ t.close }</button>
            </div>
        </div>
    }
}
