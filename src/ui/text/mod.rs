//! User-facing strings, gathered in one place.

pub const APP_NAME: &str = "Presseschau";
pub const TAGLINE: &str = "Deutsche Nachrichten, sauber gelesen";
pub const SKIP_TO_CONTENT: &str = "Zum Inhalt";
pub const FOOTER: &str = "Presseschau läuft vollständig in Ihrem Browser — ohne Server, auch offline.";
pub const NAV_LIBRARY: &str = "Artikel";
pub const LIBRARY_TITLE: &str = "Alle Artikel";
pub const FILTER_OUTLET: &str = "Medium";
pub const FILTER_YEAR: &str = "Jahr";
pub const FILTER_ALL: &str = "alle";
pub const SORT_LABEL: &str = "Sortierung";
pub const SORT_NEWEST: &str = "neueste zuerst";
pub const SORT_OLDEST: &str = "älteste zuerst";
pub const SORT_TITLE: &str = "nach Titel";
pub const NO_MATCH: &str = "Kein Artikel passt zu diesen Filtern.";
pub const RESET_FILTERS: &str = "Filter zurücksetzen";
pub const DATE_UNKNOWN: &str = "Datum unbekannt";
pub const OUTLET_UNKNOWN: &str = "Quelle unbekannt";
pub const MINUTES: &str = "Min. Lesezeit";
pub const NO_HEADLINE: &str = "Ohne Überschrift in der Quelle — Titel aus dem ersten Satz";
pub const SHOW_ORIGINAL: &str = "Original anzeigen";
pub const SHOW_CLEAN: &str = "Bereinigten Text anzeigen";
pub const ORIGINAL_TITLE: &str = "Originaltext";
pub const ORIGINAL_HELP: &str = "So kam der Text an. Entfernte Zeilen sind durchgestrichen und mit dem Grund markiert.";
pub const COPY_LINK: &str = "Link kopieren";
pub const COPIED: &str = "Link kopiert";
pub const COPY_FAILED: &str = "Kopieren nicht möglich — Link:";
pub const PREVIOUS: &str = "Vorheriger Artikel";
pub const NEXT: &str = "Nächster Artikel";
pub const NOT_FOUND_TITLE: &str = "Seite nicht gefunden";
pub const NOT_FOUND_ARTICLE: &str = "Diesen Artikel gibt es hier nicht. Vielleicht ist der Link unvollständig.";
pub const NOT_FOUND_ROUTE: &str = "Unter dieser Adresse gibt es nichts. Vielleicht ist der Link unvollständig.";
pub const BACK_TO_LIBRARY: &str = "Zur Artikelübersicht";
pub const PHOTO_CREDITS: &str = "Bildnachweis";
pub const AGENCIES: &str = "mit Material von";
pub const SOURCE_FILE: &str = "Datei";
pub const UNREADABLE_FILES: &str = "Nicht lesbare Dateien";
pub const JUMP_TO_PASSAGE: &str = "Zur Stelle";
pub const EDIT: &str = "Bearbeiten";
pub const DELETE: &str = "Löschen";
pub const SAVE: &str = "Speichern";
pub const CANCEL: &str = "Abbrechen";
pub const NOTE_LABEL: &str = "Notiz (Markdown)";
pub const NOTE_PLACEHOLDER: &str = "Was fällt auf? **fett**, *kursiv*, - Liste …";
pub const TAGS_LABEL: &str = "Schlagwörter";
pub const TAGS_PLACEHOLDER: &str = "z. B. Rüstung, Quelle prüfen";
pub const COLOR_LABEL: &str = "Farbe";
pub const ORPHANED: &str = "Diese Stelle steht so nicht mehr im Text; die Notiz bleibt erhalten.";
pub const TOOLBAR_LABEL: &str = "Textstelle markieren";
pub const HIGHLIGHT: &str = "Markieren:";
pub const ADD_NOTE: &str = "Notiz hinzufügen";
pub const LINK_PASSAGE: &str = "Link zu dieser Stelle";
pub const STORAGE_UNAVAILABLE: &str = "Dieser Browser erlaubt hier kein Speichern: Ihre Notizen gehen beim Schließen verloren, wenn Sie sie nicht exportieren.";
pub const STORAGE_SAVE_FAILED: &str = "Speichern ist fehlgeschlagen; Ihre Notizen sind nur in diesem Fenster";
pub const STORAGE_UNREADABLE_KEPT: &str =
    "Gespeicherte Notizen waren unlesbar; sie wurden unverändert beiseitegelegt und können heruntergeladen werden.";
pub const STORAGE_UNREADABLE_MEMORY: &str = "Gespeicherte Notizen waren unlesbar und konnten nicht beiseitegelegt werden; bis zum Herunterladen wird nichts überschrieben.";
pub const DOWNLOAD_UNREADABLE: &str = "Unlesbare Daten herunterladen";
pub const EXPORT_NOTES: &str = "Notizen exportieren";
pub const DISMISS: &str = "Schließen";
pub const NOTES_PANEL: &str = "Meine Notizen zu diesem Artikel";
pub const NO_NOTES_HERE: &str = "Noch keine Notizen. Markieren Sie eine Textstelle, um eine anzulegen.";
pub const UNDO: &str = "Rückgängig";
pub const DELETED: &str = "Notiz gelöscht.";
pub const SHARE_NOTES: &str = "Notizen als Link teilen";
pub const SHARE_TOO_LONG: &str = "Zu viele Notizen für einen Link — bitte als Datei exportieren:";
pub const EXPORT_W3C: &str = "Exportieren (W3C JSON-LD)";
pub const EXPORT_HANDOUT: &str = "Handout (Markdown)";
pub const KEYBOARD_SELECT: &str = "Textstelle per Tastatur wählen";
pub const KEYBOARD_SELECT_HELP: &str = "Satz wählen, dann mit dem Werkzeug unten markieren.";
pub const SHARED_NOTES: &str = "Geteilte Notizen";
pub const SHARED_NOTES_HELP: &str = "Diese Notizen kamen mit dem Link. Sie sind nur zum Lesen, bis Sie sie übernehmen.";
pub const ADD_TO_MY_NOTES: &str = "Zu meinen Notizen hinzufügen";
pub const BROKEN_LINK: &str = "Der Link ist beschädigt oder unvollständig";
pub const ARTICLE_STILL_SHOWN: &str = "Der Artikel wird trotzdem angezeigt.";
pub const PASSAGE_NOT_FOUND: &str = "Die verlinkte Textstelle steht so nicht im Artikel.";
pub const NAV_NOTES: &str = "Meine Notizen";
pub const NOTES_TITLE: &str = "Meine Notizen";
pub const NOTES_EMPTY: &str = "Sie haben noch keine Notizen.";
pub const FILTER_TAG: &str = "Schlagwort";
pub const IMPORT: &str = "Importieren (W3C JSON-LD)";
pub const IMPORT_FAILED: &str = "Import fehlgeschlagen, nichts wurde geändert";
pub const LEGEND_LABEL: &str = "Hervorhebungen nach Art";
pub const ALL_ON: &str = "alle an";
pub const ALL_OFF: &str = "alle aus";
pub const ENTITY_CARD: &str = "Details zum Namen";
pub const DERIVED_FORM: &str = " · abgeleitete Form";
pub const MENTIONS_HERE: &str = "Erwähnungen hier";
pub const OTHER_ARTICLES: &str = "weitere Artikel";
pub const ENTITY_PAGE: &str = "Alle Erwähnungen";
pub const VALUE: &str = "Wert";
pub const NOT_LINKED: &str = "Nicht mit der Wissensbasis verknüpft (mehrdeutig oder unbekannt).";
pub const NAV_ENTITIES: &str = "Namen";
pub const WITH_NOTE: &str = "mit Notiz";
pub const LINKED_PASSAGE: &str = "verlinkte Stelle";
pub const SHARED_NOTE: &str = "geteilte Notiz";
pub const ENTITIES_TITLE: &str = "Namen im Korpus";
/// Shown for a moment on the page of an automatically detected name while the model still runs.
pub const NAMES_PENDING: &str = "Automatisch erkannte Namen werden gesucht …";
pub const KIND: &str = "Art";
pub const SORT_FREQUENCY: &str = "nach Häufigkeit";
pub const SORT_NAME: &str = "nach Name";
pub const NAME: &str = "Name";
pub const MENTIONS: &str = "Erwähnungen";
pub const ARTICLES: &str = "Artikel";
pub const NOT_FOUND_ENTITY: &str = "Diesen Namen gibt es in den Artikeln nicht. Vielleicht ist der Link unvollständig.";
pub const MENTIONS_IN_ARTICLES: &str = "Erwähnungen";
pub const CO_OCCURRING: &str = "Kommt oft zusammen vor mit";
pub const NOTES_UNKNOWN_ARTICLE: &str = "Notizen zu Artikeln, die es hier nicht gibt";
pub const DETECTED_SHORT: &str = "automatisch erkannt";
pub const DETECTED_CARD: &str = "Automatisch erkannt, nicht in der Wissensbasis.";
pub const MAIN_ENTITIES: &str = "Wichtigste Namen";
// same event, same story (issue 5)
pub const NAV_TIMELINE: &str = "Zeitleiste";
pub const SAME_EVENT: &str = "Gleiches Ereignis";
pub const SAME_EVENT_HELP: &str = "Andere Berichte über dasselbe Ereignis — und warum sie dazugehören.";
pub const SAME_STORY: &str = "Gleiche Geschichte";
pub const SAME_STORY_HELP: &str =
    "Dieselben Akteure und dasselbe Thema, aber ein anderes Ereignis oder ein anderer Zeitpunkt.";
pub const COMPARE: &str = "Vergleichen";
pub const SIGNALS: &str = "Werte im Einzelnen";
pub const SIGNAL_TEXT: &str = "Textähnlichkeit";
pub const SIGNAL_ENTITIES: &str = "Gemeinsame Namen";
pub const SIGNAL_DUPLICATE: &str = "Gleiche Textpassagen";
pub const SIGNAL_TIME: &str = "Zeitliche Nähe";
pub const SIGNAL_STORY: &str = "Wert „gleiche Geschichte“";
pub const SIGNAL_EVENT: &str = "Wert „gleiches Ereignis“";
pub const NOT_MEASURED: &str = "nicht gemessen";
pub const SHOW_EVENT: &str = "Alle Berichte zu diesem Ereignis";
pub const SHOW_STORY: &str = "Alle Berichte zu dieser Geschichte";
pub const EVENT_TITLE: &str = "Ein Ereignis, mehrere Berichte";
pub const STORY_TITLE: &str = "Eine Geschichte, mehrere Berichte";
pub const REPORTS: &str = "Berichte";
pub const EVENT_TIMELINE: &str = "Zeitlicher Verlauf";
pub const SHARED_BY_ALL: &str = "Alle Berichte nennen";
pub const UNIQUE_TO_ONE: &str = "Nur in einem Bericht";
pub const NONE_SHARED: &str = "Kein Name kommt in allen Berichten vor.";
pub const NOT_FOUND_EVENT: &str = "Dieses Ereignis gibt es hier nicht. Vielleicht ist der Link unvollständig.";
pub const NOT_FOUND_COMPARE: &str =
    "Diese beiden Artikel lassen sich nicht vergleichen: mindestens einer fehlt, oder es ist zweimal derselbe.";
pub const COMPARE_TITLE: &str = "Zwei Berichte im Vergleich";
pub const COMPARE_HELP: &str = "Sätze mit ähnlichem Inhalt stehen nebeneinander. Durchgestrichen: steht nur links; unterstrichen: steht nur rechts.";
pub const COMPARE_HELP_STACKED: &str =
    "Sätze mit ähnlichem Inhalt stehen untereinander. Durchgestrichen: steht nur oben; unterstrichen: steht nur unten.";
pub const ONLY_LEFT: &str = "nur in diesem Bericht (links, auf schmalen Bildschirmen oben)";
pub const ONLY_RIGHT: &str = "nur in diesem Bericht (rechts, auf schmalen Bildschirmen unten)";
pub const NO_COUNTERPART: &str = "— kein entsprechender Satz —";
pub const NOT_LINKED_PAIR: &str = "Diese beiden Berichte hat Presseschau nicht verknüpft.";
pub const TIMELINE_TITLE: &str = "Zeitleiste der Ereignisse";
pub const TIMELINE_HELP: &str =
    "Alle Ereignisse und Geschichten mit mehreren Berichten, nach dem Datum des ersten Berichts.";
pub const TIMELINE_EMPTY: &str = "Noch keine Ereignisse mit mehreren Berichten.";
pub const LEVEL_EVENT: &str = "Ereignis";
pub const LEVEL_STORY: &str = "Geschichte";
pub const RELATED_REPORTS: &str = "Andere Berichte";
pub const MORE_ARTICLES: &str = "Weitere Artikel";
pub const NOTE_NOT_CREATED: &str = "Die Markierung konnte nicht angelegt werden";
pub const NOTE_NOT_CHANGED: &str = "Die Notiz konnte nicht geändert werden";
pub const NOTE_NOT_DELETED: &str = "Die Markierung konnte nicht gelöscht werden";
pub const UNDO_FAILED: &str = "Rückgängig machen ging nicht";
pub const NOTES_NOT_ADOPTED: &str = "Die Notizen konnten nicht übernommen werden";

// Words for the core's kinds and values: the core returns kinds, errors and numbers; only this file
// turns them into German.

use crate::core::analysis::mention::EntityKind;
use crate::core::annotations::link::LinkError;
use crate::core::annotations::{AnnotationError, Color};
use crate::core::article_view::LinkProblem;
use crate::core::corpus::{RemovalReason, SimpleDate};

/// The `<title>` of a page about `subject`.
pub fn page_title(subject: &str) -> String {
    format!("{subject} — {APP_NAME}")
}

/// The name of an entity kind (legend, cards, screen readers).
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Ort",
        EntityKind::Organization => "Organisation",
        EntityKind::Product => "Produkt/Waffensystem",
        EntityKind::Event => "Ereignis",
        EntityKind::Date => "Datum",
        EntityKind::Quantity => "Menge",
    }
}

/// The name of a highlight colour (`Gelb`).
pub fn color_label(color: Color) -> &'static str {
    match color {
        Color::Yellow => "Gelb",
        Color::Green => "Grün",
        Color::Blue => "Blau",
        Color::Pink => "Rosa",
        Color::Purple => "Lila",
    }
}

/// Why ingest took a line out of the text (the badge under "Original anzeigen").
pub fn removal_reason(reason: RemovalReason) -> &'static str {
    use RemovalReason as R;
    match reason {
        R::SkipLink => "Navigationslink",
        R::SectionLabel => "Rubrik",
        R::ShortUrl => "Kurzlink",
        R::ShareButtons => "Teilen-Knöpfe",
        R::ReadAlso => "„Lesen Sie auch“",
        R::SocialPromo => "Werbung für soziale Medien",
        R::Advertisement => "Anzeige",
        R::Copyright => "Urheberrechtshinweis",
        R::AuthorBox => "Autorenkasten",
        R::Topics => "Themenliste",
        R::ImageKeywords => "Bild-Schlagwörter",
        R::DuplicateCaption => "doppelte Bildunterschrift",
        R::AuthorCredits => "Autoren- und Agenturkürzel (in der Kopfzeile)",
        R::PhotoCredit => "Bildnachweis (unter der Bildunterschrift)",
        R::Dateline => "Datumszeile (als Datum verwendet)",
        R::DateMarker => "Datumsmarke (als Datum verwendet)",
        R::Headline => "Überschrift (als Titel verwendet)",
    }
}

/// A date as precise as it is known: "29. Dezember 2020", "Juli 2017", "2022".
pub fn date(d: SimpleDate) -> String {
    let month = |m: u8| {
        crate::core::text::GERMAN_MONTHS
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day}. {} {}", month(m), d.year),
        (Some(m), None) => format!("{} {}", month(m), d.year),
        _ => d.year.to_string(),
    }
}

/// A date, or "Datum unbekannt".
pub fn date_or_unknown(d: Option<SimpleDate>) -> String {
    d.map_or_else(|| DATE_UNKNOWN.to_string(), date)
}

/// Why a `?q=` / `?n=` link could not be shown.
pub fn link_problem(p: &LinkProblem) -> String {
    match p {
        LinkProblem::PassageNotFound => PASSAGE_NOT_FOUND.to_string(),
        LinkProblem::Broken(e) => format!("{BROKEN_LINK}: {}.", link_error(e)),
    }
}

/// What is wrong with a link.
pub fn link_error(e: &LinkError) -> String {
    match e {
        LinkError::UnknownVersion => "unbekanntes Format (erwartet wird „v1.“ am Anfang)".to_string(),
        LinkError::TooLong { len } => format!("zu lang ({len} Zeichen)"),
        LinkError::BadBase64(_) | LinkError::BadDeflate | LinkError::BadPayload(_) => {
            "die Daten lassen sich nicht lesen".to_string()
        }
        LinkError::TooLarge { max } => format!("mehr als {max} Bytes Daten"),
        LinkError::BadPassage(_) => "die Angabe der Textstelle ist unvollständig".to_string(),
    }
}

/// `context: what went wrong` for an annotation operation.
pub fn annotation_error(context: &str, e: &AnnotationError) -> String {
    use AnnotationError as E;
    let why = match e {
        E::EmptyRange { .. } => "die Auswahl ist leer".to_string(),
        E::OutOfBounds { .. } | E::BadUtf16Offset { .. } => "die Auswahl liegt außerhalb des Textes".to_string(),
        E::SplitsCharacter { .. } => "die Auswahl teilt ein Zeichen".to_string(),
        E::QuoteMismatch { .. } => "Zitat und Position passen nicht zusammen".to_string(),
        E::BadId { .. } => "ungültige Kennung".to_string(),
        E::DuplicateId { .. } => "diese Notiz gibt es schon".to_string(),
        E::NotFound { .. } => "diese Notiz gibt es nicht (mehr)".to_string(),
        E::NoteTooLong { len, max } => format!(
            "die Notiz ist zu lang: {} Bytes, erlaubt sind höchstens {} (etwa {} Zeichen). Ihr Text ist noch da; kürzen Sie ihn oder teilen Sie ihn auf zwei Notizen auf",
            number(*len),
            number(*max),
            number(*max / 2)
        ),
        E::BadTag { tag, .. } if tag.chars().count() > crate::core::annotations::MAX_TAG_CHARS => format!(
            "das Schlagwort „{tag}“ ist zu lang (höchstens {} Zeichen)",
            crate::core::annotations::MAX_TAG_CHARS
        ),
        E::BadTag { .. } => format!(
            "zu viele Schlagwörter (höchstens {})",
            crate::core::annotations::MAX_TAGS
        ),
        E::UnknownColor { name } => format!("unbekannte Farbe „{name}“"),
    };
    format!("{context}: {why}.")
}

/// `n` with the singular or plural noun: „1 Notiz“, „3 Notizen“.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Above the shared notes when some are already among the reader's.
pub fn shared_known(known: usize, all: usize) -> String {
    if known == all {
        format!("Alle {all} sind schon in Ihren Notizen.")
    } else {
        format!("{known} von {all} sind schon in Ihren Notizen; übernommen werden nur die übrigen.")
    }
}

/// After adopting shared notes: what was added, what was already there, what has no place in the text.
pub fn notes_adopted(added: usize, known: usize, unplaced: usize) -> String {
    let mut out = format!("{} zu Ihren Notizen hinzugefügt.", count(added, "Notiz", "Notizen"));
    if known > 0 {
        out.push_str(&format!(
            " {} schon in Ihren Notizen, nicht doppelt übernommen.",
            count(known, "Notiz war", "Notizen waren")
        ));
    }
    if unplaced > 0 {
        out.push_str(&format!(
            " {} im Text nicht gefunden: als Notiz ohne Stelle behalten.",
            count(unplaced, "Stelle", "Stellen")
        ));
    }
    out
}

/// Why the stored notes could not be read.
pub fn stored_data_problem(p: &crate::core::annotations::codec::StoredDataProblem) -> String {
    use crate::core::annotations::codec::StoredDataProblem as P;
    match p {
        P::Corrupt(_) => "kein gültiges JSON oder abgeschnitten".to_string(),
        P::MissingVersion => "ohne Versionsnummer".to_string(),
        P::UnknownVersion { found, supported } => {
            format!("von einer neueren Version gespeichert: Format {found}, diese Version liest bis {supported}")
        }
        P::BadShape { version, .. } => format!("Format {version}, aber beschädigt"),
        P::InvalidAnnotation { index, .. } => format!("Notiz Nr. {} ist ungültig", index + 1),
    }
}

/// Why a chosen file could not be read.
pub fn file_error(e: &crate::platform::files::FileError) -> String {
    use crate::platform::files::FileError as F;
    match e {
        F::NoFile => "keine Datei gewählt".to_string(),
        F::TooLarge(bytes) => format!("die Datei ist zu groß ({:.1} MB, höchstens 10 MB)", bytes / 1_048_576.0),
        F::Unsupported => "dieser Browser kann keine Dateien lesen".to_string(),
        F::NotText => "die Datei ist kein Text".to_string(),
    }
}

/// A count with German digit grouping: 65536 → „65.536“.
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// After an import.
pub fn import_report(added: usize, updated: usize, kept: usize) -> String {
    format!("Import: {added} neu, {updated} aktualisiert, {kept} unverändert (Ihre Fassung war neuer oder gleich).")
}

/// An import's notes that have no place in their article's text, and page notes that made no note.
pub fn import_unplaced(unplaced: usize, skipped: usize) -> String {
    let mut out = String::new();
    if unplaced > 0 {
        out.push_str(&format!(
            "{} ohne Stelle im Text behalten (siehe Liste unten).",
            count(unplaced, "Notiz", "Notizen")
        ));
    }
    if skipped > 0 {
        out.push_str(&format!(
            " {} ohne Textstelle (zur ganzen Seite) nicht übernommen.",
            count(skipped, "Annotation", "Annotationen")
        ));
    }
    out.trim().to_string()
}

/// What happened to one imported note.
pub fn import_outcome(n: &crate::core::annotations::w3c::ImportedNote) -> String {
    use crate::core::annotations::MergeOutcome as M;
    use crate::core::annotations::w3c::Placement as P;
    let merge = match n.merge {
        M::Added => "neu",
        M::Updated => "aktualisiert",
        M::Kept => "unverändert (Ihre Fassung ist neuer)",
    };
    let place = match &n.placement {
        P::Found | P::Unchecked => String::new(),
        P::Moved => ", an anderer Stelle gefunden".to_string(),
        P::FirstOf { count } => format!(", Zitat kommt {count}-mal vor: an die erste Stelle gesetzt"),
        P::NotInText => ", im Artikel nicht gefunden: ohne Stelle behalten".to_string(),
        P::UnknownArticle { source } if source == "?" => ", ohne Quellenangabe: keinem Artikel zugeordnet".to_string(),
        P::UnknownArticle { source } => format!(", Quelle „{source}“ ist kein Artikel dieser Sammlung"),
    };
    format!("{merge}{place}")
}

/// An annotation of an import file that made no note.
pub fn import_skipped(item: usize) -> String {
    format!("Eintrag {item} der Datei: keine Textstelle (eine Notiz zur ganzen Seite), nicht übernommen")
}

pub const REPLIES: &str = "Antworten";
pub const IMPORT_DETAILS: &str = "Was der Import mit jeder Notiz gemacht hat";
pub const TO_ARTICLE: &str = "zum Artikel";
pub const CREATOR_LABEL: &str = "Ihr Name in Exporten (freiwillig)";

/// An import whose note is over the length limit.
pub fn import_note_too_long(item: usize, bytes: usize) -> String {
    format!(
        "{IMPORT_FAILED}: die Notiz in Eintrag {item} hat {} Bytes, erlaubt sind höchstens {}. Kürzen Sie sie in der Datei oder teilen Sie sie auf.",
        number(bytes),
        number(crate::core::annotations::MAX_NOTE_BYTES)
    )
}

/// An import file over the size limit.
pub fn import_too_large(bytes: usize) -> String {
    format!(
        "{IMPORT_FAILED}: die Datei hat {} Bytes, gelesen werden höchstens {}.",
        number(bytes),
        number(crate::core::annotations::w3c::MAX_IMPORT_BYTES)
    )
}

/// An import that changed nothing.
pub fn import_failed(problems: usize) -> String {
    match problems {
        1 => format!("{IMPORT_FAILED}: ein Eintrag der Datei ist keine gültige W3C-Annotation."),
        n => format!("{IMPORT_FAILED}: {n} Einträge der Datei sind keine gültigen W3C-Annotationen."),
    }
}
pub const MAIN_NAV: &str = "Hauptnavigation";
pub const SITE_DESCRIPTION: &str = "Presseschau: deutsche Nachrichten lesen, Namen erkennen, Berichte vergleichen, annotieren — alles im Browser, auch offline.";

/// "12 Erwähnungen in 3 Artikeln".
pub fn mentions_in_articles(mentions: usize, articles: usize) -> String {
    let m = if mentions == 1 { "Erwähnung" } else { "Erwähnungen" };
    let a = if articles == 1 { "Artikel" } else { "Artikeln" };
    format!("{mentions} {m} in {articles} {a}")
}
pub const PAGES_LABEL: &str = "Seiten der Artikelübersicht";

/// The title of a further library page.
pub fn library_page_title(page: usize) -> String {
    format!("{LIBRARY_TITLE}, Seite {page}")
}

/// "Seite 2 von 5".
pub fn page_of(page: usize, pages: usize) -> String {
    format!("Seite {page} von {pages}")
}

/// A file the library could not read, and why.
pub fn ingest_error(e: &crate::core::error::IngestError) -> String {
    use crate::core::error::IngestError as E;
    match e {
        E::Empty { file } => format!("{file}: die Datei ist leer"),
        E::InvalidUtf8 { file, offset } => {
            format!("{file}: kein gültiger UTF-8-Text (erstes falsches Byte an Stelle {offset})")
        }
        E::Binary { file } => format!("{file}: eine Binärdatei, kein Artikel"),
        E::TooLarge { file, size, limit } => {
            format!("{file}: zu groß ({size} Bytes; ein Artikel darf höchstens {limit} Bytes haben)")
        }
        E::OnlyBoilerplate { file, removed } => {
            format!(
                "{file}: nach dem Entfernen von Navigation und Werbung bleibt kein Text ({removed} Zeilen entfernt)"
            )
        }
        E::FrontMatter { file, .. } => format!("{file}: der Kopfbereich (Front Matter) ist fehlerhaft"),
    }
}

/// A link's reasons in German: "beide berichten über Wladimir Putin und Recep Tayyip Erdoğan", "3 gleiche
/// Sätze", "1 Tag Abstand", "Textähnlichkeit 77 %".
pub fn link_reasons(r: &crate::core::analysis::events::Reasons) -> Vec<String> {
    use crate::core::analysis::events::Phrase as P;
    let join = |items: &[String]| match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    };
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    crate::core::analysis::events::phrases(r)
        .into_iter()
        .map(|p| match p {
            P::SharedNames(names) => format!("beide berichten über {}", join(&names)),
            P::SameSentences(n) => count(n, "gleicher Satz", "gleiche Sätze"),
            P::NearSentences(n) => count(n, "fast gleicher Satz", "fast gleiche Sätze"),
            P::DaysApart(0) => "am selben Tag".to_string(),
            P::DaysApart(d) => count(
                usize::try_from(d.unsigned_abs()).unwrap_or(usize::MAX),
                "Tag Abstand",
                "Tage Abstand",
            ),
            P::TextSimilarity(p) => format!("Textähnlichkeit {p} %"),
            P::SharedPassages(p) => format!("{p} % gleiche Textpassagen"),
        })
        .collect()
}

/// How sure the model is about a name only it found: its margin, against the threshold from which names are
/// shown (the lowest margin at which such names were at least 85 % right on GermEval dev).
pub fn model_confidence(margin_hundredths: u32) -> String {
    let shown_from = crate::core::analysis::ner::SHOW_THRESHOLD;
    let margin = f64::from(margin_hundredths) / 100.0;
    format!(
        "Sicherheit des Modells: {} (angezeigt ab {}; ab diesem Wert waren solche Namen im Test zu 85 % richtig)",
        format!("{margin:.1}").replace('.', ","),
        format!("{shown_from:.1}").replace('.', ",")
    )
}

/// The words of the Markdown handout.
pub const HANDOUT_WORDS: crate::core::annotations::handout::HandoutWords =
    crate::core::annotations::handout::HandoutWords {
        date,
        color: color_label,
        not_found: "(im aktuellen Text nicht mehr gefunden)",
        tags: "Schlagwörter",
    };

mod reading;
pub use reading::*;
