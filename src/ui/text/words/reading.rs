//! Strings with values for reading and finding: files the library could not read, why two reports are
//! linked, the model's confidence, search, passage links and print (part of [`Text`]'s methods).

use super::super::{Lang, Text};

impl Text {
    /// A file the library could not read, and why.
    pub fn ingest_error(&self, e: &crate::core::error::IngestError) -> String {
        use crate::core::error::IngestError as E;
        match (e, self.lang) {
            (E::Empty { file }, Lang::De) => format!("{file}: die Datei ist leer"),
            (E::Empty { file }, Lang::En) => format!("{file}: the file is empty"),
            (E::InvalidUtf8 { file, offset }, Lang::De) => {
                format!("{file}: kein gültiger UTF-8-Text (erstes falsches Byte an Stelle {offset})")
            }
            (E::InvalidUtf8 { file, offset }, Lang::En) => {
                format!("{file}: not valid UTF-8 text (first bad byte at position {offset})")
            }
            (E::Binary { file }, Lang::De) => format!("{file}: eine Binärdatei, kein Artikel"),
            (E::Binary { file }, Lang::En) => format!("{file}: a binary file, not an article"),
            (E::TooLarge { file, size, limit }, Lang::De) => {
                format!("{file}: zu groß ({size} Bytes; ein Artikel darf höchstens {limit} Bytes haben)")
            }
            (E::TooLarge { file, size, limit }, Lang::En) => {
                format!("{file}: too large ({size} bytes; an article may have at most {limit} bytes)")
            }
            (E::OnlyBoilerplate { file, removed }, Lang::De) => format!(
                "{file}: nach dem Entfernen von Navigation und Werbung bleibt kein Text ({removed} Zeilen entfernt)"
            ),
            (E::OnlyBoilerplate { file, removed }, Lang::En) => {
                format!("{file}: no text is left after removing navigation and advertising ({removed} lines removed)")
            }
            (E::FrontMatter { file, .. }, Lang::De) => format!("{file}: der Kopfbereich (Front Matter) ist fehlerhaft"),
            (E::FrontMatter { file, .. }, Lang::En) => format!("{file}: the header (front matter) is malformed"),
        }
    }

    /// The label of entity `id` for the reader, and whether it is the German one: in English the knowledge
    /// base's English label where it has one, else `german`.
    pub fn entity_label(&self, id: &str, german: &str) -> (String, bool) {
        if self.lang == Lang::En
            && let Some(e) = crate::core::analysis::kb::kb().get(id)
            && !e.label_en.is_empty()
        {
            return (e.label_en.clone(), false);
        }
        (german.to_string(), true)
    }

    /// A link's reasons (with the shared names' ids): "beide berichten über Wladimir Putin und Recep Tayyip
    /// Erdoğan" / "both report on … Turkey" (the English label where the knowledge base has one), "3 gleiche
    /// Sätze", "1 Tag Abstand", "Textähnlichkeit 77 %".
    pub fn link_reasons(&self, r: &crate::core::analysis::events::Reasons) -> Vec<String> {
        use crate::core::analysis::events::Phrase as P;
        let and = self.pick("und", "and");
        let join = |ids: &[String]| {
            let names: Vec<String> = ids
                .iter()
                .map(|id| self.entity_label(id, &crate::core::event_view::entity_label(id)).0)
                .collect();
            match names.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
            }
        };
        crate::core::analysis::events::phrases(r)
            .into_iter()
            .map(|p| match (p, self.lang) {
                (P::SharedNames(names), Lang::De) => format!("beide berichten über {}", join(&names)),
                (P::SharedNames(names), Lang::En) => format!("both report on {}", join(&names)),
                (P::SameSentences(n), _) => self.count(
                    n,
                    self.pick("gleicher Satz", "identical sentence"),
                    self.pick("gleiche Sätze", "identical sentences"),
                ),
                (P::NearSentences(n), _) => self.count(
                    n,
                    self.pick("fast gleicher Satz", "nearly identical sentence"),
                    self.pick("fast gleiche Sätze", "nearly identical sentences"),
                ),
                (P::DaysApart(0), _) => self.pick("am selben Tag", "on the same day").into(),
                (P::DaysApart(d), _) => self.count(
                    usize::try_from(d.unsigned_abs()).unwrap_or(usize::MAX),
                    self.pick("Tag Abstand", "day apart"),
                    self.pick("Tage Abstand", "days apart"),
                ),
                (P::TextSimilarity(p), Lang::De) => format!("Textähnlichkeit {p} %"),
                (P::TextSimilarity(p), Lang::En) => format!("text similarity {p} %"),
                (P::SharedPassages(p), Lang::De) => format!("{p} % gleiche Textpassagen"),
                (P::SharedPassages(p), Lang::En) => format!("{p} % identical passages"),
            })
            .collect()
    }

    /// How sure the model is about a name only it found: its margin, against the threshold from which names
    /// are shown (the lowest margin at which such names were at least 85 % right on GermEval dev).
    pub fn model_confidence(&self, margin_hundredths: u32) -> String {
        let shown_from = self.decimal(f64::from(crate::core::analysis::ner::SHOW_THRESHOLD));
        let margin = self.decimal(f64::from(margin_hundredths) / 100.0);
        match self.lang {
            Lang::De => format!(
                "Sicherheit des Modells: {margin} (angezeigt ab {shown_from}; ab diesem Wert waren solche Namen im Test zu 85 % richtig)"
            ),
            Lang::En => format!(
                "Model confidence: {margin} (shown from {shown_from}; from this value on, such names were 85 % right in the test)"
            ),
        }
    }

    /// The search page's title.
    pub fn search_page_title(&self, query: &str) -> String {
        let (open, close) = self.pick2(("„", "“"), ("“", "”"));
        if query.trim().is_empty() {
            format!("{} — {}", self.search_title, self.app_name)
        } else {
            format!(
                "{open}{}{close} — {} — {}",
                query.trim(),
                self.search_title,
                self.app_name
            )
        }
    }

    /// How many articles and notes a search found.
    pub fn search_count(&self, articles: usize, notes: usize) -> String {
        let a = self.count(
            articles,
            self.pick("Artikel", "article"),
            self.pick("Artikel", "articles"),
        );
        let n = self.count(notes, self.pick("Notiz", "note"), self.pick("Notizen", "notes"));
        match (articles, notes, self.lang) {
            (0, 0, _) => self
                .pick(
                    "Nichts gefunden. Versuchen Sie ein anderes Wort oder eine andere Form.",
                    "Nothing found. Try another word or another form.",
                )
                .into(),
            (_, 0, Lang::De) => format!("{a} gefunden."),
            (_, 0, Lang::En) => format!("{a} found."),
            (_, _, Lang::De) => format!("{a} und {n} gefunden."),
            (_, _, Lang::En) => format!("{a} and {n} found."),
        }
    }

    /// A link with only a quote that occurs several times.
    pub fn passage_first_of(&self, n: usize) -> String {
        match self.lang {
            Lang::De => format!("Die verlinkte Stelle kommt {n}-mal im Text vor; markiert ist die erste."),
            Lang::En => format!("The linked passage occurs {n} times in the text; the first is marked."),
        }
    }

    /// The source line of a printed article: its web address and the page's address.
    pub fn print_source(&self, article_url: Option<&str>, page: Option<&str>) -> String {
        let (source, printed) = self.pick2(("Quelle", "gedruckt aus"), ("Source", "printed from"));
        match (article_url, page) {
            (Some(u), Some(p)) => format!("{source}: {u} · {printed} Presseschau: {p}"),
            (Some(u), None) => format!("{source}: {u}"),
            (None, Some(p)) => format!("Presseschau: {p}"),
            (None, None) => String::new(),
        }
    }

    /// The German or the English of a pair of pairs.
    fn pick2(
        &self,
        de: (&'static str, &'static str),
        en: (&'static str, &'static str),
    ) -> (&'static str, &'static str) {
        match self.lang {
            Lang::De => de,
            Lang::En => en,
        }
    }
}
