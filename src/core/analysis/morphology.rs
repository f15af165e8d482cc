//! German surface forms of KB names, generated from the base forms in the KB (never listed by hand), and the
//! folding that makes matching case- and diacritic-insensitive.
//!
//! Rules (each has a table-driven test below):
//! - **Genitive**: `-s` (Putins, Russlands, Ankaras, Pekings, Erdogans); after a sibilant (`s`, `ß`, `x`, `z`)
//!   an apostrophe instead (Tsipras', also with `’`). For multi-word names the last word takes the ending
//!   ("Recep Tayyip Erdogans").
//! - **Adjectives**: a stem from `adjective_stems` is inflected with the strong/weak endings `-e -en -er -es -em`
//!   and kept bare (russisch, russische, russischen, …); they are *derived* forms linked to their place.
//!   Capitalisation at sentence start or in compounds ("Russisch-türkische") is covered by folding.
//! - **Derived** forms (demonyms: Russe, Russen) are used as listed, marked derived.
//! - **Role titles** (Kreml-Chef) get the genitive too (des Kreml-Chefs).
//! - **Name parts**: a person's surname from a multi-word name ("Cavusoglu" from "Mevlüt Cavusoglu") when the
//!   KB does not list it; the matcher links it only when the article names the person in full.
//! - **Hyphen compounds** are not generated: the matcher accepts `-` as a token boundary, so "US" is found in
//!   "US-Sanktionen" and "Nato" in "Nato-Partner"; a longer KB form ("Nato-Russland-Rat", "Kreml-Chef") wins.
//!
//! [`fold`] maps every char to exactly one char (lower case, diacritics removed: Erdoğan → erdogan,
//! Çavuşoğlu → cavusoglu, Türkei → turkei), so code point offsets in the folded text equal those in the
//! original and the text shown is always the original. A small table instead of a Unicode normalisation
//! crate: it keeps that one-to-one mapping (NFD does not) and costs a few hundred bytes in the wasm.

use super::kb::KbEntity;
/// Folding lives with the tokenizer, below the knowledge base (which folds aliases) and this module; it is
/// re-exported here, where the matcher and the gazetteer have always found it.
pub use super::tokens::{fold, fold_char};

/// How a generated form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// A base alias from the KB.
    Alias,
    /// An inflected alias (genitive).
    Inflected,
    /// A role title that points to the office holder at the article's date.
    Role,
    /// An inflected adjective stem (derived).
    Adjective,
    /// A derived form listed in the KB (demonyms; derived).
    Derived,
    /// A surname taken from a full name; linked only after the full name.
    NamePart,
}

impl FormKind {
    /// Whether a mention through this form is marked `derived`.
    pub fn is_derived(self) -> bool {
        matches!(self, Self::Adjective | Self::Derived)
    }

    /// Priority when one surface form comes from several rules of different entities (lower wins):
    /// a base alias beats an inflection of another name, which beats derived forms and name parts.
    pub fn priority(self) -> u8 {
        match self {
            Self::Alias => 0,
            Self::Role => 1,
            Self::Inflected => 2,
            Self::Derived => 3,
            Self::Adjective => 4,
            Self::NamePart => 5,
        }
    }
}

/// One generated surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form as it would be written (original case and diacritics).
    pub text: String,
    /// Which rule made it.
    pub kind: FormKind,
    /// Must match with exactly this spelling.
    pub case_sensitive: bool,
    /// For [`FormKind::Role`]: the role title it came from.
    pub role_title: Option<String>,
}

/// Genitive forms of a name: `Putin` → `Putins`; `Tsipras` → `Tsipras'`, `Tsipras’`.
pub fn genitive(name: &str) -> Vec<String> {
    let Some(last) = name.chars().last() else {
        return Vec::new();
    };
    if !last.is_alphabetic() {
        return Vec::new();
    }
    if matches!(last, 's' | 'ß' | 'x' | 'z' | 'S' | 'X' | 'Z') {
        vec![format!("{name}'"), format!("{name}’")]
    } else {
        vec![format!("{name}s")]
    }
}

/// The adjective endings generated for a stem (bare stem first).
pub const ADJECTIVE_ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

/// Inflected forms of an adjective stem: `russisch` → russisch, russische, russischen, russischer, russisches,
/// russischem.
pub fn adjective_forms(stem: &str) -> Vec<String> {
    ADJECTIVE_ENDINGS.iter().map(|e| format!("{stem}{e}")).collect()
}

/// The surname of a multi-word person name (last word), when it can stand alone: at least 4 chars, capitalised.
pub fn surname(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    words.next()?; // needs at least two words
    let first = last.chars().next()?;
    (first.is_uppercase() && last.chars().count() >= 4 && last.chars().all(|c| c.is_alphabetic() || c == '-'))
        .then_some(last)
}

/// Every surface form generated for one KB entity.
pub fn forms_of(e: &KbEntity) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    let mut push = |text: String, kind: FormKind, cs: bool, role: Option<&str>| {
        if text.trim().is_empty() {
            return;
        }
        if !out.iter().any(|f| f.text == text && f.kind == kind) {
            out.push(Form {
                text,
                kind,
                case_sensitive: cs,
                role_title: role.map(str::to_string),
            });
        }
    };
    for a in &e.aliases {
        let cs = e.is_case_sensitive(a);
        push(a.clone(), FormKind::Alias, cs, None);
        for g in genitive(a) {
            push(g, FormKind::Inflected, cs, None);
        }
    }
    for s in &e.adjective_stems {
        for f in adjective_forms(s) {
            push(f, FormKind::Adjective, e.is_case_sensitive(s), None);
        }
    }
    for d in &e.derived {
        push(d.clone(), FormKind::Derived, e.is_case_sensitive(d), None);
    }
    for r in &e.roles {
        push(r.title.clone(), FormKind::Role, false, Some(&r.title));
        for g in genitive(&r.title) {
            push(g, FormKind::Role, false, Some(&r.title));
        }
    }
    if e.kind == super::mention::EntityKind::Person {
        let listed = |s: &str| e.aliases.iter().any(|a| a == s);
        let names = std::iter::once(&e.label_de).chain(&e.aliases);
        let parts: Vec<String> = names
            .filter_map(|n| surname(n))
            .filter(|s| !listed(s))
            .map(str::to_string)
            .collect();
        for p in parts {
            for g in genitive(&p) {
                push(g, FormKind::NamePart, false, None);
            }
            push(p, FormKind::NamePart, false, None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_forms() {
        let table: &[(&str, &[&str])] = &[
            ("Putin", &["Putins"]),
            ("Russland", &["Russlands"]),
            ("Ankara", &["Ankaras"]),
            ("Peking", &["Pekings"]),
            ("Erdogan", &["Erdogans"]),
            ("Recep Tayyip Erdogan", &["Recep Tayyip Erdogans"]),
            ("Tsipras", &["Tsipras'", "Tsipras’"]),
            ("Schulz", &["Schulz'", "Schulz’"]),
            ("Kreml-Chef", &["Kreml-Chefs"]),
            ("S-400", &[]),
        ];
        for (name, want) in table {
            assert_eq!(genitive(name), *want, "{name}");
        }
    }

    #[test]
    fn adjective_inflection() {
        assert_eq!(
            adjective_forms("russisch"),
            [
                "russisch",
                "russische",
                "russischen",
                "russischer",
                "russisches",
                "russischem"
            ]
        );
        assert_eq!(adjective_forms("türkisch")[2], "türkischen");
    }

    #[test]
    fn folding_is_one_char_per_char() {
        let table = [
            ("Erdoğan", "erdogan"),
            ("Çavuşoğlu", "cavusoglu"),
            ("Mevlüt", "mevlut"),
            ("İsmail", "ismail"),
            ("Türkei", "turkei"),
            ("Straße", "straße"),
            ("Tsipras’", "tsipras'"),
            ("NATO\u{a0}Gipfel", "nato gipfel"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "{input}");
            assert_eq!(fold(input).chars().count(), input.chars().count(), "{input}");
        }
    }

    #[test]
    fn ascii_fast_path_folds_like_the_general_rule() {
        for b in 0u8..128 {
            let c = char::from(b);
            let want = if c.is_whitespace() {
                ' '
            } else if c == '`' {
                '\''
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            assert_eq!(fold_char(c), want, "{c:?}");
        }
    }

    #[test]
    fn surnames_from_full_names() {
        let table = [
            ("Mevlüt Cavusoglu", Some("Cavusoglu")),
            ("Recep Tayyip Erdogan", Some("Erdogan")),
            ("Putin", None),
            ("Li Yi", None),
            ("Bundesrepublik deutschland", None),
        ];
        for (name, want) in table {
            assert_eq!(surname(name), want, "{name}");
        }
    }

    #[test]
    fn forms_of_an_entity() {
        let kb = super::super::kb::Kb::from_json(
            r#"[{"id":"Q43","kind":"place","label_de":"Türkei","label_en":"Turkey","aliases":["Türkei"],
                "adjective_stems":["türkisch"],"derived":["Türken"]},
               {"id":"Q1","kind":"person","label_de":"Mevlüt Cavusoglu","label_en":"M","aliases":["Mevlüt Cavusoglu"],
                "roles":[{"title":"Chefdiplomat","from":"2014-08-29"}]}]"#,
        )
        .unwrap();
        let forms = forms_of(&kb.entities()[0]);
        let has = |t: &str, k: FormKind| forms.iter().any(|f| f.text == t && f.kind == k);
        assert!(has("Türkei", FormKind::Alias));
        assert!(has("Türkeis", FormKind::Inflected));
        assert!(has("türkischen", FormKind::Adjective));
        assert!(has("Türken", FormKind::Derived));
        let forms = forms_of(&kb.entities()[1]);
        let has = |t: &str, k: FormKind| forms.iter().any(|f| f.text == t && f.kind == k);
        assert!(has("Cavusoglu", FormKind::NamePart));
        assert!(has("Cavusoglus", FormKind::NamePart));
        assert!(has("Chefdiplomats", FormKind::Role));
        assert!(!has("Mevlüt", FormKind::NamePart));
    }
}
