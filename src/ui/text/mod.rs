//! Every user-facing string, in German and English, from one place: the fixed strings side by side in
//! `strings.rs` (one line each, `german | english`), the ones with values (counts, dates, the core's error
//! kinds) as methods of [`Text`] in `words.rs`. A component takes the reader's [`Text`] from
//! [`crate::ui::hooks::use_text`]; the core never words anything for the reader.

/// A language of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German (the default, and the language of the articles).
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 code (`de`, `en`), as in `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language named by a stored code or a browser's language tag (`en-GB` → English); `None` for any
    /// other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to start in: the reader's stored choice, else the first of the browser's languages that
    /// the UI speaks, else German.
    pub fn preferred(stored: Option<&str>, browser: &[String]) -> Lang {
        stored
            .and_then(Lang::from_tag)
            .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
            .unwrap_or_default()
    }

    /// The language's own name, for the switch (`Deutsch`, `English`).
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The strings of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }
}

/// Defines [`Text`] (one field per fixed string) and its two tables, [`DE`] and [`EN`], from lines
/// `name: "deutsch" | "english",`.
macro_rules! texts {
    ($($name:ident: $de:literal | $en:literal,)*) => {
        /// The fixed strings of the UI in one language ([`DE`] or [`EN`]); fields are named after their use.
        #[allow(missing_docs)]
        #[derive(Debug)]
        pub struct Text {
            /// The language of these strings.
            pub lang: Lang,
            $(pub $name: &'static str,)*
        }

        /// The German strings.
        pub static DE: Text = Text { lang: Lang::De, $($name: $de,)* };
        /// The English strings.
        pub static EN: Text = Text { lang: Lang::En, $($name: $en,)* };

        impl Text {
            /// Every fixed string with its field name (for tests that scan them).
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

mod strings;
mod words;

pub use strings::{DE, EN, Text};

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}
