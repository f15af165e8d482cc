//! More strings with values: notes shared and imported, stored data, files, the library, search, links and
//! print (part of [`Text`]'s methods, split for length).

use super::super::{Lang, Text};

impl Text {
    /// Above the shared notes when some are already among the reader's.
    pub fn shared_known(&self, known: usize, all: usize) -> String {
        match (known == all, self.lang) {
            (true, Lang::De) => format!("Alle {all} sind schon in Ihren Notizen."),
            (true, Lang::En) => format!("All {all} are already in your notes."),
            (false, Lang::De) => {
                format!("{known} von {all} sind schon in Ihren Notizen; übernommen werden nur die übrigen.")
            }
            (false, Lang::En) => format!("{known} of {all} are already in your notes; only the others are adopted."),
        }
    }

    /// After adopting shared notes: what was added, what was already there, what has no place in the text.
    pub fn notes_adopted(&self, added: usize, known: usize, unplaced: usize) -> String {
        let de = self.lang == Lang::De;
        let mut out = if de {
            format!(
                "{} zu Ihren Notizen hinzugefügt.",
                self.count(added, "Notiz", "Notizen")
            )
        } else {
            format!("{} added to your notes.", self.count(added, "note", "notes"))
        };
        if known > 0 {
            out.push_str(&if de {
                format!(
                    " {} schon in Ihren Notizen, nicht doppelt übernommen.",
                    self.count(known, "Notiz war", "Notizen waren")
                )
            } else {
                format!(
                    " {} already in your notes, not added twice.",
                    self.count(known, "note was", "notes were")
                )
            });
        }
        if unplaced > 0 {
            out.push_str(&if de {
                format!(
                    " {} im Text nicht gefunden: als Notiz ohne Stelle behalten.",
                    self.count(unplaced, "Stelle", "Stellen")
                )
            } else {
                format!(
                    " {} not found in the text: kept as notes without a place.",
                    self.count(unplaced, "passage", "passages")
                )
            });
        }
        out
    }

    /// Why the stored notes could not be read.
    pub fn stored_data_problem(&self, p: &crate::core::annotations::codec::StoredDataProblem) -> String {
        use crate::core::annotations::codec::StoredDataProblem as P;
        match (p, self.lang) {
            (P::Corrupt(_), _) => self
                .pick("kein gültiges JSON oder abgeschnitten", "not valid JSON, or cut off")
                .into(),
            (P::MissingVersion, _) => self.pick("ohne Versionsnummer", "without a version number").into(),
            (P::UnknownVersion { found, supported }, Lang::De) => {
                format!("von einer neueren Version gespeichert: Format {found}, diese Version liest bis {supported}")
            }
            (P::UnknownVersion { found, supported }, Lang::En) => {
                format!("saved by a newer version: format {found}, this version reads up to {supported}")
            }
            (P::BadShape { version, .. }, Lang::De) => format!("Format {version}, aber beschädigt"),
            (P::BadShape { version, .. }, Lang::En) => format!("format {version}, but damaged"),
            (P::InvalidAnnotation { index, .. }, Lang::De) => format!("Notiz Nr. {} ist ungültig", index + 1),
            (P::InvalidAnnotation { index, .. }, Lang::En) => format!("note no. {} is invalid", index + 1),
        }
    }

    /// Why a chosen file could not be read.
    pub fn file_error(&self, e: &crate::platform::files::FileError) -> String {
        use crate::platform::files::FileError as F;
        match e {
            F::NoFile => self.pick("keine Datei gewählt", "no file chosen").into(),
            F::TooLarge(bytes) => {
                let mb = self.decimal(bytes / 1_048_576.0);
                match self.lang {
                    Lang::De => format!("die Datei ist zu groß ({mb} MB, höchstens 10 MB)"),
                    Lang::En => format!("the file is too large ({mb} MB, at most 10 MB)"),
                }
            }
            F::Unsupported => self
                .pick(
                    "dieser Browser kann keine Dateien lesen",
                    "this browser cannot read files",
                )
                .into(),
            F::NotText => self.pick("die Datei ist kein Text", "the file is not text").into(),
        }
    }

    /// After an import.
    pub fn import_report(&self, added: usize, updated: usize, kept: usize) -> String {
        match self.lang {
            Lang::De => format!(
                "Import: {added} neu, {updated} aktualisiert, {kept} unverändert (Ihre Fassung war neuer oder gleich)."
            ),
            Lang::En => format!(
                "Import: {added} new, {updated} updated, {kept} unchanged (your version was newer or the same)."
            ),
        }
    }

    /// An import's notes that have no place in their article's text, and page notes that made no note.
    pub fn import_unplaced(&self, unplaced: usize, skipped: usize) -> String {
        let de = self.lang == Lang::De;
        let mut out = String::new();
        if unplaced > 0 {
            out.push_str(&if de {
                format!(
                    "{} ohne Stelle im Text behalten (siehe Liste unten).",
                    self.count(unplaced, "Notiz", "Notizen")
                )
            } else {
                format!(
                    "{} kept without a place in the text (see the list below).",
                    self.count(unplaced, "note", "notes")
                )
            });
        }
        if skipped > 0 {
            out.push_str(&if de {
                format!(
                    " {} ohne Textstelle (zur ganzen Seite) nicht übernommen.",
                    self.count(skipped, "Annotation", "Annotationen")
                )
            } else {
                format!(
                    " {} without a passage (on the whole page) not taken.",
                    self.count(skipped, "annotation", "annotations")
                )
            });
        }
        out.trim().to_string()
    }

    /// What happened to one imported note.
    pub fn import_outcome(&self, n: &crate::core::annotations::w3c::ImportedNote) -> String {
        use crate::core::annotations::MergeOutcome as M;
        use crate::core::annotations::w3c::Placement as P;
        let merge = match n.merge {
            M::Added => self.pick("neu", "new"),
            M::Updated => self.pick("aktualisiert", "updated"),
            M::Kept => self.pick(
                "unverändert (Ihre Fassung ist neuer)",
                "unchanged (your version is newer)",
            ),
        };
        let place = match (&n.placement, self.lang) {
            (P::Found | P::Unchecked, _) => String::new(),
            (P::Moved, _) => self
                .pick(", an anderer Stelle gefunden", ", found at another place")
                .into(),
            (P::FirstOf { count }, Lang::De) => format!(", Zitat kommt {count}-mal vor: an die erste Stelle gesetzt"),
            (P::FirstOf { count }, Lang::En) => format!(", the quote occurs {count} times: placed at the first"),
            (P::NotInText, _) => self
                .pick(
                    ", im Artikel nicht gefunden: ohne Stelle behalten",
                    ", not found in the article: kept without a place",
                )
                .into(),
            (P::UnknownArticle { source }, _) if source == "?" => self
                .pick(
                    ", ohne Quellenangabe: keinem Artikel zugeordnet",
                    ", without a source: not assigned to an article",
                )
                .into(),
            (P::UnknownArticle { source }, Lang::De) => format!(", Quelle „{source}“ ist kein Artikel dieser Sammlung"),
            (P::UnknownArticle { source }, Lang::En) => {
                format!(", the source “{source}” is not an article of this collection")
            }
        };
        format!("{merge}{place}")
    }

    /// An annotation of an import file that made no note.
    pub fn import_skipped(&self, item: usize) -> String {
        match self.lang {
            Lang::De => {
                format!("Eintrag {item} der Datei: keine Textstelle (eine Notiz zur ganzen Seite), nicht übernommen")
            }
            Lang::En => format!("Item {item} of the file: no passage (a note on the whole page), not taken"),
        }
    }

    /// An import whose note is over the length limit.
    pub fn import_note_too_long(&self, item: usize, bytes: usize) -> String {
        let (bytes, max) = (
            self.number(bytes),
            self.number(crate::core::annotations::MAX_NOTE_BYTES),
        );
        let failed = self.import_failed;
        match self.lang {
            Lang::De => format!(
                "{failed}: die Notiz in Eintrag {item} hat {bytes} Bytes, erlaubt sind höchstens {max}. Kürzen Sie sie in der Datei oder teilen Sie sie auf."
            ),
            Lang::En => format!(
                "{failed}: the note in item {item} has {bytes} bytes, at most {max} are allowed. Shorten it in the file or split it."
            ),
        }
    }

    /// An import file over the size limit.
    pub fn import_too_large(&self, bytes: usize) -> String {
        let (bytes, max) = (
            self.number(bytes),
            self.number(crate::core::annotations::w3c::MAX_IMPORT_BYTES),
        );
        let failed = self.import_failed;
        match self.lang {
            Lang::De => format!("{failed}: die Datei hat {bytes} Bytes, gelesen werden höchstens {max}."),
            Lang::En => format!("{failed}: the file has {bytes} bytes, at most {max} are read."),
        }
    }

    /// An import that changed nothing.
    pub fn import_failed_items(&self, problems: usize) -> String {
        let failed = self.import_failed;
        match (problems, self.lang) {
            (1, Lang::De) => format!("{failed}: ein Eintrag der Datei ist keine gültige W3C-Annotation."),
            (n, Lang::De) => format!("{failed}: {n} Einträge der Datei sind keine gültigen W3C-Annotationen."),
            (1, Lang::En) => format!("{failed}: one item of the file is not a valid W3C annotation."),
            (n, Lang::En) => format!("{failed}: {n} items of the file are not valid W3C annotations."),
        }
    }

    /// "12 Erwähnungen in 3 Artikeln" / "12 mentions in 3 articles".
    pub fn mentions_in(&self, mentions: usize, articles: usize) -> String {
        match self.lang {
            Lang::De => {
                let m = if mentions == 1 { "Erwähnung" } else { "Erwähnungen" };
                let a = if articles == 1 { "Artikel" } else { "Artikeln" };
                format!("{mentions} {m} in {articles} {a}")
            }
            Lang::En => format!(
                "{} in {}",
                self.count(mentions, "mention", "mentions"),
                self.count(articles, "article", "articles")
            ),
        }
    }

    /// The title of a further library page.
    pub fn library_page_title(&self, page: usize) -> String {
        format!("{}, {} {page}", self.library_title, self.pick("Seite", "page"))
    }

    /// "Seite 2" / "page 2".
    pub fn page_number(&self, page: usize) -> String {
        format!("{} {page}", self.pick("Seite", "page"))
    }

    /// "Zeitleiste, Seite 2" / "Timeline, page 2".
    pub fn timeline_page_title(&self, page: usize) -> String {
        format!("{}, {} {page}", self.timeline_title, self.pick("Seite", "page"))
    }

    /// "Namen, Seite 2" / "Names, page 2".
    pub fn names_page_title(&self, page: usize) -> String {
        format!("{}, {} {page}", self.entities_title, self.pick("Seite", "page"))
    }

    /// "Seite 2 von 5" / "Page 2 of 5".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        match self.lang {
            Lang::De => format!("Seite {page} von {pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }
}
