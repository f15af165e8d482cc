//! Strings with values for the reader's own articles: why a file or a pasted text did not become an
//! article, storage problems, article links (part of [`Text`]'s methods).

use super::super::{Lang, Text};
use crate::core::own::{OwnError, SizeOf, share::ShareError};

impl Text {
    /// Why a file (`name`; empty for pasted text) did not become an article, and what to do.
    pub fn own_error(&self, name: &str, e: &OwnError) -> String {
        let what = if name.is_empty() {
            self.pick("Der eingefügte Text", "The pasted text").to_string()
        } else {
            name.to_string()
        };
        let mb = |b: usize| self.decimal(b as f64 / 1_000_000.0);
        let why = match (e, self.lang) {
            (OwnError::Empty, _) => self.pick("ist leer", "is empty").to_string(),
            (OwnError::Binary, _) => self
                .pick(
                    "ist kein Text (eine Binärdatei: PDF, Bild, Office-Dokument?)",
                    "is not text (a binary file: PDF, image, office document?)",
                )
                .to_string(),
            (OwnError::InvalidUtf8 { offset }, Lang::De) => {
                format!("ist kein gültiger UTF-8-Text (erstes falsches Byte an Stelle {offset})")
            }
            (OwnError::InvalidUtf8 { offset }, Lang::En) => {
                format!("is not valid UTF-8 text (first bad byte at position {offset})")
            }
            (
                OwnError::TooLarge {
                    of: SizeOf::File,
                    size,
                    limit,
                },
                Lang::De,
            ) => format!("ist zu groß ({} MB; höchstens {} MB)", mb(*size), mb(*limit)),
            (
                OwnError::TooLarge {
                    of: SizeOf::File,
                    size,
                    limit,
                },
                Lang::En,
            ) => format!("is too large ({} MB; at most {} MB)", mb(*size), mb(*limit)),
            (OwnError::TooLarge { size, limit, .. }, Lang::De) => format!(
                "ist zu lang für einen Artikel ({} Bytes; höchstens {})",
                self.number(*size),
                self.number(*limit)
            ),
            (OwnError::TooLarge { size, limit, .. }, Lang::En) => format!(
                "is too long for one article ({} bytes; at most {})",
                self.number(*size),
                self.number(*limit)
            ),
            (OwnError::UrlOnly { url }, Lang::De) => format!(
                "ist nur eine Adresse ({url}). Ohne Server und offline kann Presseschau keine Seite abrufen: öffnen Sie den Artikel, kopieren Sie seinen Text und fügen Sie ihn hier ein"
            ),
            (OwnError::UrlOnly { url }, Lang::En) => format!(
                "is only an address ({url}). Without a server and offline, Presseschau cannot fetch a page: open the article, copy its text and paste it here"
            ),
            (OwnError::NoText { set_aside }, Lang::De) => {
                format!("enthält keinen Artikeltext ({set_aside} Zeilen Navigation und Werbung beiseitegelegt)")
            }
            (OwnError::NoText { set_aside }, Lang::En) => {
                format!("holds no article text ({set_aside} lines of navigation and ads set aside)")
            }
            (OwnError::FrontMatter(_), _) => self
                .pick(
                    "hat einen fehlerhaften Kopfbereich (Front Matter)",
                    "has a malformed header (front matter)",
                )
                .to_string(),
        };
        format!("{what} {why}.")
    }

    /// The same article is already in the library.
    pub fn own_duplicate(&self, title: &str) -> String {
        match self.lang {
            Lang::De => {
                format!("„{title}“ ist schon in Ihrer Bibliothek (derselbe Text) und wird nicht doppelt gespeichert.")
            }
            Lang::En => format!("“{title}” is already in your library (the same text) and is not saved twice."),
        }
    }

    /// How many lines of a draft were set aside (navigation, captions, ads).
    pub fn set_aside(&self, n: usize) -> String {
        match self.lang {
            Lang::De => self.count(n, "beiseitegelegte Zeile", "beiseitegelegte Zeilen"),
            Lang::En => format!("{} set aside", self.count(n, "line", "lines")),
        }
    }

    /// After saving articles.
    pub fn own_saved(&self, n: usize) -> String {
        match self.lang {
            Lang::De => format!(
                "{} in Ihrer Bibliothek gespeichert.",
                self.count(n, "Artikel", "Artikel")
            ),
            Lang::En => format!("{} saved in your library.", self.count(n, "article", "articles")),
        }
    }

    /// Progress while reading dropped files.
    pub fn files_read(&self, done: usize, all: usize) -> String {
        match self.lang {
            Lang::De => format!("{done} von {all} Dateien gelesen"),
            Lang::En => format!("{done} of {all} files read"),
        }
    }

    /// Why a storage operation for own articles failed.
    pub fn idb_error(&self, e: &crate::platform::idb::IdbError) -> String {
        use crate::platform::idb::IdbError as E;
        match (e, self.lang) {
            (E::Unavailable, _) => self
                .pick(
                    "dieser Browser bietet hier keine Datenbank (IndexedDB)",
                    "this browser offers no database (IndexedDB) here",
                )
                .into(),
            (E::Blocked, _) => self
                .pick(
                    "ein anderer Tab mit einer älteren Version hält die Datenbank",
                    "another tab with an older version holds the database",
                )
                .into(),
            (E::Refused(name), Lang::De) => format!("der Browser hat abgelehnt ({name})"),
            (E::Refused(name), Lang::En) => format!("the browser refused ({name})"),
            (E::QuotaExceeded, _) => self.pick("der Speicher ist voll", "storage is full").into(),
        }
    }

    /// Why an article link could not be read.
    pub fn share_error(&self, e: &ShareError) -> String {
        let why = match (e, self.lang) {
            (ShareError::TooLong { len, max }, Lang::De) => format!(
                "zu lang ({} Zeichen, höchstens {})",
                self.number(*len),
                self.number(*max)
            ),
            (ShareError::TooLong { len, max }, Lang::En) => format!(
                "too long ({} characters, at most {})",
                self.number(*len),
                self.number(*max)
            ),
            (ShareError::UnknownVersion, _) => self.pick("unbekanntes Format", "unknown format").into(),
            (ShareError::BadBase64 | ShareError::Truncated, _) => self
                .pick(
                    "der Link ist beschädigt oder abgeschnitten; bitten Sie um den ganzen Link",
                    "the link is damaged or cut off; ask for the whole link",
                )
                .into(),
            (ShareError::TooLarge { .. }, _) => self.pick("zu viele Daten", "too much data").into(),
            (ShareError::BadPayload(_), _) => self.pick("enthält keinen Artikel", "holds no article").into(),
            (ShareError::Tampered, _) => self
                .pick("der Text wurde unterwegs verändert", "the text was changed on the way")
                .into(),
        };
        format!(
            "{}: {why}.",
            self.pick(
                "Der Artikel im Link lässt sich nicht lesen",
                "The article in the link cannot be read"
            )
        )
    }
}
