//! The words of finding and reading: search, keyboard help, print handouts, links from a downloaded
//! folder (part of [`crate::ui::text`], split for length).

use super::{APP_NAME, count};

pub const SEARCH_TITLE: &str = "Suche";
pub const SEARCH_LABEL: &str = "In Artikeln, Namen und Notizen suchen";
pub const SEARCH_PLACEHOLDER: &str = "Suchen … ( / )";
pub const SEARCH_BUTTON: &str = "Suchen";
pub const SEARCH_HELP: &str = "Suchen Sie nach Wörtern, Namen (in jeder Form: „Erdogans“, „türkische“), Ihren Notizen und Schlagwörtern. Die Taste / springt von jeder Seite ins Suchfeld.";
pub const SEARCH_LOADING: &str = "Suche läuft …";
pub const SEARCH_UNAVAILABLE: &str = "Der Suchindex fehlt in diesem Ordner (search-meta.js oder search-*.js). Laden Sie den Ordner vollständig herunter.";
pub const SEARCH_NEEDS_JS: &str = "Die Suche braucht JavaScript.";
pub const SEARCH_NAMES: &str = "Namen";
pub const SEARCH_NOTES: &str = "Ihre Notizen";

/// The search page's title.
pub fn search_title(query: &str) -> String {
    if query.trim().is_empty() {
        format!("{SEARCH_TITLE} — {APP_NAME}")
    } else {
        format!("„{}“ — {SEARCH_TITLE} — {APP_NAME}", query.trim())
    }
}

/// How many articles and notes a search found.
pub fn search_count(articles: usize, notes: usize) -> String {
    match (articles, notes) {
        (0, 0) => "Nichts gefunden. Versuchen Sie ein anderes Wort oder eine andere Form.".to_string(),
        (a, 0) => format!("{} gefunden.", count(a, "Artikel", "Artikel")),
        (a, n) => format!(
            "{} und {} gefunden.",
            count(a, "Artikel", "Artikel"),
            count(n, "Notiz", "Notizen")
        ),
    }
}
pub const ARTICLE_TEXT_LABEL: &str = "Artikeltext — Pfeiltasten links/rechts springen zwischen den Namen";
pub const CLOSE: &str = "Schließen";

/// A link with only a quote that occurs several times.
pub fn passage_first_of(n: usize) -> String {
    format!("Die verlinkte Stelle kommt {n}-mal im Text vor; markiert ist die erste.")
}
pub const FILE_LINK_WARNING: &str = "Achtung: Diese Seite ist aus einem Ordner auf diesem Rechner geöffnet — der Link funktioniert nur dort, wo derselbe Ordner liegt (z. B. nach dem Entpacken derselben ZIP-Datei). Für andere: den Ordner weitergeben oder Notizen als Datei exportieren.";
pub const PRINT_KEY: &str = "Namen unterstrichen: ── Person · ══ Ort · - - Organisation · ··· Produkt · ~~ Ereignis. Ihre Stellen [1], [2] … gehören zu den Notizen am Ende.";

/// The source line of a printed article: its web address and the page's address.
pub fn print_source(article_url: Option<&str>, page: Option<&str>) -> String {
    match (article_url, page) {
        (Some(u), Some(p)) => format!("Quelle: {u} · gedruckt aus Presseschau: {p}"),
        (Some(u), None) => format!("Quelle: {u}"),
        (None, Some(p)) => format!("Presseschau: {p}"),
        (None, None) => String::new(),
    }
}
pub const HELP_TITLE: &str = "Tastenkürzel";
pub const HELP_HINT: &str = "Tastenkürzel: ?";
pub const KEY_SEARCH: &str = "ins Suchfeld";
pub const KEY_HELP: &str = "diese Übersicht";
pub const KEY_PREV_NEXT: &str = "voriger / nächster Artikel";
pub const KEY_NEXT_NOTE: &str = "zur nächsten eigenen Markierung im Text";
pub const KEY_TEXT: &str = "in den Artikeltext (ein Tabstopp für den ganzen Text)";
pub const KEY_NAMES: &str = "von Name zu Name; Pos1/Ende: erster/letzter Name";
pub const KEY_ESCAPE: &str = "Karte, Übersicht oder Werkzeugleiste schließen";
pub const KEY_SELECT: &str = "Text auswählen (mit Caret-Browsing, F7) oder „Textstelle per Tastatur wählen“";
