//! The UI's two languages: every string in both, no German left in the English table and no English in the
//! German one, the language a reader starts in, and numbers and dates in each language's format.

use presseschau::core::corpus::SimpleDate;
use presseschau::ui::text::{DE, EN, Lang};

/// Strings that are the same in both languages on purpose.
const SAME_IN_BOTH: [&str; 3] = ["app_name", "export_handout", "name"];

/// Words that give German away in an English string (as whole words, case-sensitive where nouns).
const GERMAN_WORDS: [&str; 24] = [
    "der",
    "die",
    "das",
    "und",
    "nicht",
    "ist",
    "Sie",
    "Ihre",
    "mit",
    "eine",
    "auf",
    "zu",
    "von",
    "für",
    "Artikel",
    "Notiz",
    "Notizen",
    "Seite",
    "Link kopiert",
    "Datei",
    "oder",
    "werden",
    "gibt",
    "noch",
];

/// Words that give English away in a German string.
const ENGLISH_WORDS: [&str; 20] = [
    "the", "and", "not", "is", "your", "with", "of", "to", "for", "this", "note", "notes", "file", "page", "search",
    "found", "copied", "failed", "error", "link is",
];

/// Whether `text` has `word` as a whole word, file names (`search-meta.js`) and keys aside.
fn has_word(text: &str, word: &str) -> bool {
    let prose: Vec<&str> = text.split_whitespace().filter(|w| !w.contains(".js")).collect();
    let prose = prose.join(" ");
    if word.contains(' ') {
        return prose.contains(word);
    }
    prose.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

#[test]
fn every_string_exists_in_both_languages_and_differs() {
    let (de, en) = (DE.all(), EN.all());
    assert_eq!(de.len(), en.len());
    for ((name, d), (_, e)) in de.iter().zip(&en) {
        assert!(!d.trim().is_empty() && !e.trim().is_empty(), "{name} is empty");
        if !SAME_IN_BOTH.contains(name) {
            assert_ne!(d, e, "{name} is not translated");
        }
    }
}

#[test]
fn no_german_in_the_english_table() {
    for (name, s) in EN.all() {
        assert!(
            !s.contains(['ä', 'ö', 'ü', 'ß', '„']) || name == "search_help",
            "{name}: {s}"
        );
        for w in GERMAN_WORDS {
            assert!(!has_word(s, w), "{name} has the German word {w:?}: {s}");
        }
    }
}

#[test]
fn no_english_in_the_german_table() {
    for (name, s) in DE.all() {
        for w in ENGLISH_WORDS {
            assert!(!has_word(s, w), "{name} has the English word {w:?}: {s}");
        }
    }
}

#[test]
fn the_starting_language() {
    let browser = |tags: &[&str]| tags.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases: [(Option<&str>, &[&str], Lang); 7] = [
        (None, &[], Lang::De),
        (None, &["en-GB", "de"], Lang::En),
        (None, &["fr-FR", "de-AT", "en"], Lang::De),
        (None, &["fr", "it"], Lang::De),
        (Some("en"), &["de-DE"], Lang::En),
        (Some("de"), &["en-US"], Lang::De),
        (Some("klingon"), &["en-US"], Lang::En),
    ];
    for (stored, tags, want) in cases {
        assert_eq!(Lang::preferred(stored, &browser(tags)), want, "{stored:?} {tags:?}");
    }
}

#[test]
fn numbers_dates_and_plurals_in_each_language() {
    let d = SimpleDate {
        year: 2020,
        month: Some(12),
        day: Some(29),
    };
    assert_eq!(DE.date(d), "29. Dezember 2020");
    assert_eq!(EN.date(d), "29 December 2020");
    let m = SimpleDate {
        year: 2017,
        month: Some(7),
        day: None,
    };
    assert_eq!(
        (DE.date(m), EN.date(m)),
        ("Juli 2017".to_string(), "July 2017".to_string())
    );
    assert_eq!(
        (DE.number(65536), EN.number(65536)),
        ("65.536".to_string(), "65,536".to_string())
    );
    assert_eq!(
        (DE.decimal(19.605), EN.decimal(19.605)),
        ("19,6".to_string(), "19.6".to_string())
    );
    assert_eq!(DE.mentions_in(1, 1), "1 Erwähnung in 1 Artikel");
    assert_eq!(DE.mentions_in(12, 3), "12 Erwähnungen in 3 Artikeln");
    assert_eq!(EN.mentions_in(1, 1), "1 mention in 1 article");
    assert_eq!(EN.mentions_in(12, 3), "12 mentions in 3 articles");
    assert_eq!(EN.search_count(1, 2), "1 article and 2 notes found.");
    assert_eq!(DE.search_count(1, 2), "1 Artikel und 2 Notizen gefunden.");
    assert_eq!(DE.set_aside(1), "1 beiseitegelegte Zeile");
    assert_eq!(DE.set_aside(3), "3 beiseitegelegte Zeilen");
    assert_eq!(EN.set_aside(1), "1 line set aside");
    assert_eq!(
        (DE.of_total(1, 1200), EN.of_total(1, 1200)),
        ("1 von 1.200".to_string(), "1 of 1,200".to_string())
    );
}

#[test]
fn the_cores_errors_are_worded_in_the_readers_language() {
    use presseschau::core::annotations::AnnotationError;
    let e = AnnotationError::NoteTooLong {
        len: 104_000,
        max: 65_536,
    };
    let de = DE.annotation_error(DE.note_not_changed, &e);
    let en = EN.annotation_error(EN.note_not_changed, &e);
    assert!(
        de.contains("104.000 Bytes") && de.contains("Ihr Text ist noch da"),
        "{de}"
    );
    assert!(
        en.contains("104,000 bytes") && en.contains("Your text is still there"),
        "{en}"
    );
    for w in GERMAN_WORDS {
        assert!(!has_word(&en, w), "{w} in {en}");
    }
}
