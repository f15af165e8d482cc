//! The reader's settings in the header: the UI language and the theme, both remembered.

use yew::prelude::*;

use crate::ui::state::{Action, LANG_KEY, THEME_KEY, Theme, use_app};
use crate::ui::text::{Lang, Text};

/// Two small selects: Deutsch/English, and system/light/dark. A choice is stored (`presseschau.lang`,
/// `presseschau.theme`) and applied at once; without a stored language the app follows the browser's.
#[component]
pub fn Preferences() -> Html {
    let t = crate::ui::hooks::use_text();
    let app = use_app();
    let on_lang = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&v) {
                let _ = crate::platform::storage::save(LANG_KEY, lang.code());
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    let on_theme = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let theme = Theme::from_code(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
            let _ = match theme {
                Theme::System => crate::platform::storage::remove(THEME_KEY),
                _ => crate::platform::storage::save(THEME_KEY, theme.code()),
            };
            app.dispatch(Action::SetTheme(theme));
        })
    };
    html! {
        <div class="preferences" role="group" aria-label={t.preferences_label}>
            <label class="preference">
                <span>{ t.language_label }</span>
                <select id="pref-lang" onchange={on_lang}>
                    for lang in Lang::ALL {
                        <option value={lang.code()} lang={lang.code()} selected={lang == app.lang}>{ lang.own_name() }</option>
                    }
                </select>
            </label>
            <label class="preference">
                <span>{ t.theme_label }</span>
                <select id="pref-theme" onchange={on_theme}>
                    for theme in Theme::ALL {
                        <option value={theme.code()} selected={theme == app.theme}>{ theme_name(t, theme) }</option>
                    }
                </select>
            </label>
        </div>
    }
}

/// A theme's name in the switch.
fn theme_name(t: &Text, theme: Theme) -> &'static str {
    match theme {
        Theme::System => t.theme_system,
        Theme::Light => t.theme_light,
        Theme::Dark => t.theme_dark,
    }
}
