//! Trigger words (titles, place and organisation words) whose presence before a word hints at its kind.

/// Person titles and roles that precede names (matched on the lower-cased word or its end).
const PERSON_TRIGGERS: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "herr",
    "frau",
    "herrn",
    "sprecher",
    "sprecherin",
    "bürgermeister",
    "bürgermeisterin",
    "trainer",
    "autor",
    "autorin",
    "regisseur",
    "sänger",
    "sängerin",
    "dr.",
    "prof.",
    "vorsitzende",
    "vorsitzender",
    "abgeordnete",
    "senator",
    "gouverneur",
    "papst",
    "könig",
    "königin",
    "prinz",
    "kollege",
    "kollegin",
    "direktor",
    "direktorin",
];
/// Place words that precede names.
const PLACE_TRIGGERS: &[&str] = &[
    "stadt",
    "gemeinde",
    "dorf",
    "hauptstadt",
    "region",
    "insel",
    "kreis",
    "landkreis",
    "bundesland",
    "provinz",
    "staat",
    "fluss",
    "ort",
    "stadtteil",
    "bezirk",
    "kanton",
];
/// Organisation words that precede names.
const ORG_TRIGGERS: &[&str] = &[
    "firma",
    "konzern",
    "unternehmen",
    "partei",
    "verein",
    "zeitung",
    "bank",
    "gruppe",
    "verband",
    "club",
    "klub",
    "sender",
    "hersteller",
    "autobauer",
    "gewerkschaft",
    "stiftung",
    "magazin",
    "agentur",
];

/// Trigger words by their lower-cased text: `(class priority when the word is the trigger, class priority
/// when the word ends with it)`, priority 0 = person, 1 = place, 2 = organisation, `u8::MAX` = none. Only
/// triggers longer than 5 bytes match as word endings ("Vizepräsident", "Landeshauptstadt").
type TriggerTable = std::collections::HashMap<&'static str, (u8, u8), super::WordHash>;

fn trigger_table() -> &'static TriggerTable {
    static T: std::sync::OnceLock<TriggerTable> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = TriggerTable::default();
        for (prio, list) in [PERSON_TRIGGERS, PLACE_TRIGGERS, ORG_TRIGGERS].into_iter().enumerate() {
            for &w in list {
                let e = t.entry(w).or_insert((u8::MAX, u8::MAX));
                e.0 = e.0.min(prio as u8);
                if w.len() > 5 {
                    e.1 = e.1.min(prio as u8);
                }
            }
        }
        t
    })
}

/// Longest trigger word in bytes: longer word endings need not be looked up.
const MAX_TRIGGER_LEN: usize = 16;

/// The trigger class of a lower-cased word: `P`erson, p`L`ace, `O`rganisation. A word is in a class if
/// it is one of its trigger words or ends with one longer than 5 bytes; person wins over place over
/// organisation.
pub(super) fn trigger_class(lower: &str) -> Option<u8> {
    let table = trigger_table();
    let mut best = table.get(lower).map_or(u8::MAX, |e| e.0);
    for (b, _) in lower.char_indices() {
        let rest = lower.len() - b;
        if rest <= 5 {
            break;
        }
        if rest <= MAX_TRIGGER_LEN
            && let Some(e) = table.get(&lower[b..])
        {
            best = best.min(e.1);
        }
    }
    [b'P', b'L', b'O'].get(usize::from(best)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`trigger_class`] implements with a table: the first list (person, place,
    /// organisation) with a word equal to `lower`, or longer than 5 bytes and ending it.
    fn trigger_class_by_scan(lower: &str) -> Option<u8> {
        let ends = |list: &[&str]| list.iter().any(|t| lower == *t || (t.len() > 5 && lower.ends_with(t)));
        [(PERSON_TRIGGERS, b'P'), (PLACE_TRIGGERS, b'L'), (ORG_TRIGGERS, b'O')]
            .into_iter()
            .find(|(list, _)| ends(list))
            .map(|(_, c)| c)
    }

    #[test]
    fn trigger_table_agrees_with_the_list_scan() {
        let lists = [PERSON_TRIGGERS, PLACE_TRIGGERS, ORG_TRIGGERS];
        assert!(lists.iter().flat_map(|l| l.iter()).all(|t| t.len() <= MAX_TRIGGER_LEN));
        let mut words: Vec<String> = lists.iter().flat_map(|l| l.iter().map(|t| t.to_string())).collect();
        for t in words.clone() {
            words.extend([
                format!("vize{t}"),
                format!("ex-{t}"),
                t[1..].to_string(),
                format!("{t}s"),
            ]);
        }
        words.extend(
            [
                "",
                "ß",
                "ortschaft",
                "bundesländer",
                "landeshauptstadt",
                "oberbürgermeisterin",
                "stadtrat",
                "frauen",
                "bankchef",
                "konzernchefin",
                "parteichef",
                "kommissionspräsidentin",
                "bürger",
                "x",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(trigger_class(w), trigger_class_by_scan(w), "{w:?}");
        }
        let table: &[(&str, Option<u8>)] = &[
            ("präsident", Some(b'P')),
            ("vizepräsidentin", Some(b'P')),
            ("landeshauptstadt", Some(b'L')),
            ("autokonzern", Some(b'O')),
            ("bürger", None),
            ("ort", Some(b'L')),
            ("sport", None),
        ];
        for &(w, want) in table {
            assert_eq!(trigger_class(w), want, "{w}");
        }
    }
}
