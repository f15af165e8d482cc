//! The strings with values: counts with plurals, dates and numbers in the reader's format, and the core's
//! kinds and errors in words. Each method answers in its [`Text`]'s language; nothing else in the app turns a
//! core value into a sentence.

use super::{Lang, Text};
use crate::core::analysis::mention::EntityKind;
use crate::core::annotations::link::LinkError;
use crate::core::annotations::{AnnotationError, Color};
use crate::core::article_view::LinkProblem;
use crate::core::corpus::{RemovalReason, SimpleDate};

/// English month names, for dates in the English UI.
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as precise as it is known, in German: "29. Dezember 2020", "Juli 2017", "2022".
fn date_de(d: SimpleDate) -> String {
    date_with(d, &crate::core::text::GERMAN_MONTHS, |day, month, year| {
        format!("{day}. {month} {year}")
    })
}

/// A date as precise as it is known, in English: "29 December 2020", "July 2017", "2022".
fn date_en(d: SimpleDate) -> String {
    date_with(d, &ENGLISH_MONTHS, |day, month, year| format!("{day} {month} {year}"))
}

/// A date with the given month names and the day-month-year pattern.
fn date_with(d: SimpleDate, months: &[&str; 12], full: fn(u8, &str, i32) -> String) -> String {
    let month = |m: u8| months.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?");
    match (d.month, d.day) {
        (Some(m), Some(day)) => full(day, month(m), d.year),
        (Some(m), None) => format!("{} {}", month(m), d.year),
        _ => d.year.to_string(),
    }
}

/// A highlight colour's German name.
fn color_de(color: Color) -> &'static str {
    match color {
        Color::Yellow => "Gelb",
        Color::Green => "Grün",
        Color::Blue => "Blau",
        Color::Pink => "Rosa",
        Color::Purple => "Lila",
    }
}

/// A highlight colour's English name.
fn color_en(color: Color) -> &'static str {
    match color {
        Color::Yellow => "Yellow",
        Color::Green => "Green",
        Color::Blue => "Blue",
        Color::Pink => "Pink",
        Color::Purple => "Purple",
    }
}

impl Text {
    /// The German or the English of a pair.
    pub fn pick<'a>(&self, de: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::De => de,
            Lang::En => en,
        }
    }

    /// `n` with the singular or plural noun: „1 Notiz“, „3 Notizen“ (the nouns are given in this language).
    pub fn count(&self, n: usize, one: &str, many: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", self.number(n))
        }
    }

    /// A query longer than the search reads.
    pub fn search_cut(&self, max: usize) -> String {
        match self.lang {
            Lang::De => format!("Gesucht wird nach den ersten {max} Zeichen."),
            Lang::En => format!("The search reads the first {max} characters."),
        }
    }

    /// Part of a whole: „1 von 5“ / "1 of 5".
    pub fn of_total(&self, part: usize, total: usize) -> String {
        format!(
            "{} {} {}",
            self.number(part),
            self.pick("von", "of"),
            self.number(total)
        )
    }

    /// A count with digit grouping: 65536 → „65.536“ (German), "65,536" (English).
    pub fn number(&self, n: usize) -> String {
        let sep = self.pick(".", ",");
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A decimal with one place: „19,6“, "19.6".
    pub fn decimal(&self, x: f64) -> String {
        let s = format!("{x:.1}");
        match self.lang {
            Lang::De => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// The `<title>` of a page about `subject`.
    pub fn page_title(&self, subject: &str) -> String {
        format!("{subject} — {}", self.app_name)
    }

    /// The name of an entity kind (legend, cards, screen readers).
    pub fn kind_label(&self, kind: EntityKind) -> &'static str {
        let (de, en) = match kind {
            EntityKind::Person => ("Person", "Person"),
            EntityKind::Place => ("Ort", "Place"),
            EntityKind::Organization => ("Organisation", "Organisation"),
            EntityKind::Product => ("Produkt/Waffensystem", "Product/weapon system"),
            EntityKind::Event => ("Ereignis", "Event"),
            EntityKind::Date => ("Datum", "Date"),
            EntityKind::Quantity => ("Menge", "Quantity"),
        };
        self.pick(de, en)
    }

    /// The name of a highlight colour (`Gelb`, `Yellow`).
    pub fn color_label(&self, color: Color) -> &'static str {
        match self.lang {
            Lang::De => color_de(color),
            Lang::En => color_en(color),
        }
    }

    /// Why ingest took a line out of the text (the badge under "Original anzeigen").
    pub fn removal_reason(&self, reason: RemovalReason) -> &'static str {
        use RemovalReason as R;
        let (de, en) = match reason {
            R::SkipLink => ("Navigationslink", "navigation link"),
            R::SectionLabel => ("Rubrik", "section label"),
            R::ShortUrl => ("Kurzlink", "short link"),
            R::ShareButtons => ("Teilen-Knöpfe", "share buttons"),
            R::ReadAlso => ("„Lesen Sie auch“", "“read also”"),
            R::SocialPromo => ("Werbung für soziale Medien", "social media promotion"),
            R::Advertisement => ("Anzeige", "advertisement"),
            R::Copyright => ("Urheberrechtshinweis", "copyright notice"),
            R::AuthorBox => ("Autorenkasten", "author box"),
            R::Topics => ("Themenliste", "topic list"),
            R::ImageKeywords => ("Bild-Schlagwörter", "image keywords"),
            R::DuplicateCaption => ("doppelte Bildunterschrift", "duplicate caption"),
            R::AuthorCredits => (
                "Autoren- und Agenturkürzel (in der Kopfzeile)",
                "author and agency initials (in the header line)",
            ),
            R::PhotoCredit => (
                "Bildnachweis (unter der Bildunterschrift)",
                "photo credit (under the caption)",
            ),
            R::Dateline => ("Datumszeile (als Datum verwendet)", "dateline (used as the date)"),
            R::DateMarker => ("Datumsmarke (als Datum verwendet)", "date marker (used as the date)"),
            R::Headline => ("Überschrift (als Titel verwendet)", "headline (used as the title)"),
        };
        self.pick(de, en)
    }

    /// A date as precise as it is known: "29. Dezember 2020" / "29 December 2020", "Juli 2017", "2022".
    pub fn date(&self, d: SimpleDate) -> String {
        match self.lang {
            Lang::De => date_de(d),
            Lang::En => date_en(d),
        }
    }

    /// A date, or "Datum unbekannt".
    pub fn date_or_unknown(&self, d: Option<SimpleDate>) -> String {
        d.map_or_else(|| self.date_unknown.to_string(), |d| self.date(d))
    }

    /// The words of the Markdown handout.
    pub fn handout_words(&self) -> crate::core::annotations::handout::HandoutWords {
        use crate::core::annotations::handout::HandoutWords;
        match self.lang {
            Lang::De => HandoutWords {
                date: date_de,
                color: color_de,
                not_found: "(im aktuellen Text nicht mehr gefunden)",
                tags: "Schlagwörter",
                source: "Quelle",
                page: "In Presseschau lesen",
            },
            Lang::En => HandoutWords {
                date: date_en,
                color: color_en,
                not_found: "(no longer found in the current text)",
                tags: "Tags",
                source: "Source",
                page: "Read in Presseschau",
            },
        }
    }

    /// Why a `?q=` / `?n=` link could not be shown.
    pub fn link_problem(&self, p: &LinkProblem) -> String {
        match p {
            LinkProblem::PassageNotFound => self.passage_not_found.to_string(),
            LinkProblem::Broken(e) => format!("{}: {}.", self.broken_link, self.link_error(e)),
        }
    }

    /// What is wrong with a link.
    pub fn link_error(&self, e: &LinkError) -> String {
        match (e, self.lang) {
            (LinkError::UnknownVersion, Lang::De) => "unbekanntes Format (erwartet wird „v1.“ am Anfang)".into(),
            (LinkError::UnknownVersion, Lang::En) => "unknown format (it should start with “v1.”)".into(),
            (LinkError::TooLong { len }, Lang::De) => format!("zu lang ({} Zeichen)", self.number(*len)),
            (LinkError::TooLong { len }, Lang::En) => format!("too long ({} characters)", self.number(*len)),
            (LinkError::BadBase64(_) | LinkError::BadDeflate | LinkError::BadPayload(_), _) => self
                .pick("die Daten lassen sich nicht lesen", "its data cannot be read")
                .into(),
            (LinkError::TooLarge { max }, Lang::De) => format!("mehr als {} Bytes Daten", self.number(*max)),
            (LinkError::TooLarge { max }, Lang::En) => format!("more than {} bytes of data", self.number(*max)),
            (LinkError::BadPassage(_), _) => self
                .pick(
                    "die Angabe der Textstelle ist unvollständig",
                    "the passage it points to is incomplete",
                )
                .into(),
        }
    }

    /// `context: what went wrong` for an annotation operation.
    pub fn annotation_error(&self, context: &str, e: &AnnotationError) -> String {
        use crate::core::annotations::{MAX_TAG_CHARS, MAX_TAGS};
        use AnnotationError as E;
        let why = match e {
            E::EmptyRange { .. } => self.pick("die Auswahl ist leer", "the selection is empty").to_string(),
            E::OutOfBounds { .. } | E::BadUtf16Offset { .. } => self
                .pick(
                    "die Auswahl liegt außerhalb des Textes",
                    "the selection lies outside the text",
                )
                .into(),
            E::SplitsCharacter { .. } => self
                .pick("die Auswahl teilt ein Zeichen", "the selection splits a character")
                .into(),
            E::QuoteMismatch { .. } => self
                .pick(
                    "Zitat und Position passen nicht zusammen",
                    "quote and position do not agree",
                )
                .into(),
            E::BadId { .. } => self.pick("ungültige Kennung", "invalid id").into(),
            E::DuplicateId { .. } => self
                .pick("diese Notiz gibt es schon", "this note already exists")
                .into(),
            E::NotFound { .. } => self
                .pick(
                    "diese Notiz gibt es nicht (mehr)",
                    "this note does not exist (any more)",
                )
                .into(),
            E::NoteTooLong { len, max } => self.note_too_long(*len, *max),
            E::BadTag { tag, .. } if tag.chars().count() > MAX_TAG_CHARS => match self.lang {
                Lang::De => format!("das Schlagwort „{tag}“ ist zu lang (höchstens {MAX_TAG_CHARS} Zeichen)"),
                Lang::En => format!("the tag “{tag}” is too long (at most {MAX_TAG_CHARS} characters)"),
            },
            E::BadTag { .. } => match self.lang {
                Lang::De => format!("zu viele Schlagwörter (höchstens {MAX_TAGS})"),
                Lang::En => format!("too many tags (at most {MAX_TAGS})"),
            },
            E::UnknownColor { name } => match self.lang {
                Lang::De => format!("unbekannte Farbe „{name}“"),
                Lang::En => format!("unknown colour “{name}”"),
            },
        };
        format!("{context}: {why}.")
    }

    /// A note over the length limit, said so that the reader knows the text is still there.
    fn note_too_long(&self, len: usize, max: usize) -> String {
        let (len, max, chars) = (self.number(len), self.number(max), self.number(max / 2));
        match self.lang {
            Lang::De => format!(
                "die Notiz ist zu lang: {len} Bytes, erlaubt sind höchstens {max} (etwa {chars} Zeichen). Ihr Text ist noch da; kürzen Sie ihn oder teilen Sie ihn auf zwei Notizen auf"
            ),
            Lang::En => format!(
                "the note is too long: {len} bytes, at most {max} are allowed (about {chars} characters). Your text is still there; shorten it or split it into two notes"
            ),
        }
    }
}

mod more;
mod own;
mod reading;
