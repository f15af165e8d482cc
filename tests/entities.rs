//! Entity mentions: matcher rules on a small fixture KB (table-driven), a snapshot of every seed, the names a
//! German reader expects in the seeds, and words that must never be marked.

use presseschau::core::analysis::entities::{EntityKind, Matcher, Mention, analyze_corpus, find_mentions};
use presseschau::core::analysis::kb::{Kb, kb};
use presseschau::core::corpus::{Corpus, SimpleDate};

const FIXTURE_KB: &str = r#"[
 {"id":"Q7747","kind":"person","label_de":"Wladimir Putin","label_en":"Vladimir Putin",
  "aliases":["Putin","Wladimir Putin"],
  "roles":[{"title":"Kreml-Chef","from":"2000-05-07","to":"2008-05-07"},{"title":"Kreml-Chef","from":"2012-05-07"}]},
 {"id":"Q23530","kind":"person","label_de":"Dmitri Medwedew","label_en":"Dmitry Medvedev","aliases":["Medwedew","Dmitri Medwedew"],
  "roles":[{"title":"Kreml-Chef","from":"2008-05-07","to":"2012-05-07"}]},
 {"id":"Q39723","kind":"person","label_de":"Recep Tayyip Erdoğan","label_en":"Recep Tayyip Erdoğan",
  "aliases":["Recep Tayyip Erdoğan","Erdoğan","Erdogan"]},
 {"id":"Q1","kind":"person","label_de":"Mevlüt Çavuşoğlu","label_en":"Mevlüt Çavuşoğlu","aliases":["Mevlüt Çavuşoğlu"]},
 {"id":"Q159","kind":"place","label_de":"Russland","label_en":"Russia","aliases":["Russland"],
  "adjective_stems":["russisch"],"derived":["Russe","Russen"]},
 {"id":"Q43","kind":"place","label_de":"Türkei","label_en":"Turkey","aliases":["Türkei"],"adjective_stems":["türkisch"]},
 {"id":"Q794","kind":"place","label_de":"Iran","label_en":"Iran","aliases":["Iran"]},
 {"id":"Q19689","kind":"place","label_de":"Tirana","label_en":"Tirana","aliases":["Tirana"]},
 {"id":"Q3640","kind":"place","label_de":"Ankara","label_en":"Ankara","aliases":["Ankara"]},
 {"id":"Q2090","kind":"place","label_de":"Essen","label_en":"Essen","aliases":["Essen"]},
 {"id":"Q30","kind":"place","label_de":"USA","label_en":"United States","aliases":[],"case_sensitive":["USA","US"]},
 {"id":"Q7184","kind":"organization","label_de":"NATO","label_en":"NATO","aliases":["NATO","Nato"],"case_sensitive":["NATO","Nato"]},
 {"id":"nato-russland-rat","kind":"organization","label_de":"Nato-Russland-Rat","label_en":"NATO-Russia Council","aliases":["Nato-Russland-Rat"]},
 {"id":"kreml","kind":"organization","label_de":"Kreml","label_en":"Kremlin","aliases":["Kreml"]},
 {"id":"ssb","kind":"organization","label_de":"SSB","label_en":"SSB","aliases":[],"case_sensitive":["SSB"]},
 {"id":"s-400","kind":"product","label_de":"S-400","label_en":"S-400","aliases":["S-400"]},
 {"id":"bayraktar-tb2","kind":"product","label_de":"Bayraktar TB2","label_en":"Bayraktar TB2","aliases":["Bayraktar TB2","Bayraktar"],"ambiguous":["Bayraktar"]},
 {"id":"haluk-bayraktar","kind":"person","label_de":"Haluk Bayraktar","label_en":"Haluk Bayraktar","aliases":["Haluk Bayraktar","Bayraktar"],"ambiguous":["Bayraktar"]},
 {"id":"selcuk-bayraktar","kind":"person","label_de":"Selçuk Bayraktar","label_en":"Selçuk Bayraktar","aliases":["Selçuk Bayraktar","Bayraktar"],"ambiguous":["Bayraktar"]},
 {"id":"Q2","kind":"person","label_de":"George W. Bush","label_en":"George W. Bush","aliases":["George W. Bush","Bush"],"ambiguous":["Bush"]},
 {"id":"Q3","kind":"person","label_de":"George H. W. Bush","label_en":"George H. W. Bush","aliases":["George H. W. Bush","Bush"],"ambiguous":["Bush"]}
]"#;

type Expect<'a> = (&'a str, Option<&'a str>, bool);

/// `(text, article date, expected [(mention text, entity id, derived)])`: every KB mention found, in order.
fn check(kb: &Kb, m: &Matcher, text: &str, date: Option<SimpleDate>, want: &[Expect<'_>]) {
    let got: Vec<(String, Option<String>, bool)> = m
        .find(kb, text, date)
        .into_iter()
        .map(|x| (x.text, x.entity_id, x.derived))
        .collect();
    let want: Vec<(String, Option<String>, bool)> = want
        .iter()
        .map(|(t, id, d)| ((*t).to_string(), id.map(str::to_string), *d))
        .collect();
    assert_eq!(got, want, "text: {text}");
}

fn day(y: i32, m: u8, d: u8) -> Option<SimpleDate> {
    Some(SimpleDate {
        year: y,
        month: Some(m),
        day: Some(d),
    })
}

#[test]
fn matcher_rules_on_fixture_kb() {
    let kb = Kb::from_json(FIXTURE_KB).unwrap();
    assert!(kb.problems().is_empty(), "{:?}", kb.problems());
    let m = Matcher::new(&kb).unwrap();
    let putin = Some("Q7747");
    let table: &[(&str, Option<SimpleDate>, &[Expect<'_>])] = &[
        // genitive and apostrophe
        (
            "Putins Sprecher und Ankaras Haltung",
            None,
            &[("Putins", putin, false), ("Ankaras", Some("Q3640"), false)],
        ),
        ("Russlands Präsident", None, &[("Russlands", Some("Q159"), false)]),
        // adjectives and demonyms, derived; capitalised at sentence start and in compounds
        (
            "Russisch-türkische Kooperation mit russischen Waffen",
            None,
            &[
                ("Russisch", Some("Q159"), true),
                ("türkische", Some("Q43"), true),
                ("russischen", Some("Q159"), true),
            ],
        ),
        (
            "die türkisch-russischen Beziehungen",
            None,
            &[("türkisch", Some("Q43"), true), ("russischen", Some("Q159"), true)],
        ),
        ("Die Russen kommen", None, &[("Russen", Some("Q159"), true)]),
        // hyphen compounds: the name part is linked; a longer KB name wins
        (
            "US-Sanktionen gegen SSB-Mitarbeiter",
            None,
            &[("US", Some("Q30"), false), ("SSB", Some("ssb"), false)],
        ),
        (
            "das NATO-Mitgliedsland und die Nato-Partner",
            None,
            &[("NATO", Some("Q7184"), false), ("Nato", Some("Q7184"), false)],
        ),
        (
            "beim Nato-Russland-Rat",
            None,
            &[("Nato-Russland-Rat", Some("nato-russland-rat"), false)],
        ),
        ("S-400-Raketen für die Armee", None, &[("S-400", Some("s-400"), false)]),
        // token boundaries
        (
            "Tirana ist nicht Iran, Iranische auch nicht",
            None,
            &[("Tirana", Some("Q19689"), false), ("Iran", Some("Q794"), false)],
        ),
        ("Der Kremlin-Bericht", None, &[]),
        // case: case-sensitive aliases, capitalised names do not match lower-case words
        ("Wir essen in Essen", None, &[("Essen", Some("Q2090"), false)]),
        ("die usa und die Nato", None, &[("Nato", Some("Q7184"), false)]),
        // diacritic folding, original text kept
        (
            "Erdogan und Erdoğan",
            None,
            &[("Erdogan", Some("Q39723"), false), ("Erdoğan", Some("Q39723"), false)],
        ),
        // name parts: surname only after the full name (the KB lists only the full name)
        ("Cavusoglu sagte", None, &[]),
        (
            "Mevlüt Cavusoglu reiste. Cavusoglus Rede",
            None,
            &[
                ("Mevlüt Cavusoglu", Some("Q1"), false),
                ("Cavusoglus", Some("Q1"), false),
            ],
        ),
        // role titles by article date; unknown date with several holders: unlinked
        (
            "Der Kreml-Chef sprach",
            day(2022, 1, 3),
            &[("Kreml-Chef", putin, false)],
        ),
        (
            "Der Kreml-Chef sprach",
            day(2010, 1, 3),
            &[("Kreml-Chef", Some("Q23530"), false)],
        ),
        ("Der Kreml-Chef sprach", None, &[("Kreml-Chef", None, false)]),
        ("Der Kreml teilte mit", None, &[("Kreml", Some("kreml"), false)]),
        // shared names: a compound head, the context, or unlinked
        (
            "Bayraktar-Kampfdrohnen",
            None,
            &[("Bayraktar", Some("bayraktar-tb2"), false)],
        ),
        (
            "Haluk Bayraktar sagte. Bayraktar fügte hinzu",
            None,
            &[
                ("Haluk Bayraktar", Some("haluk-bayraktar"), false),
                ("Bayraktar", Some("haluk-bayraktar"), false),
            ],
        ),
        (
            "CEOHaluk Bayraktar",
            None,
            &[("Haluk Bayraktar", Some("haluk-bayraktar"), false)],
        ),
        ("Bush sagte", None, &[("Bush", None, false)]),
    ];
    for (text, date, want) in table {
        check(&kb, &m, text, *date, want);
    }
}

#[test]
fn mentions_have_code_point_offsets() {
    let text = "Über Erdoğans Äußerung: Putin.";
    for m in find_mentions(text, None) {
        let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(slice, m.text);
    }
    let m = find_mentions(text, None);
    assert_eq!(m[0].text, "Erdoğans");
    assert_eq!((m[0].start, m[0].end), (5, 13));
}

#[test]
fn mentions_are_sorted_and_disjoint_in_all_seeds() {
    let corpus = Corpus::from_seeds();
    for a in &corpus.articles {
        let text = a.text();
        let mentions = find_mentions(&text, a.date.value);
        for pair in mentions.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{}: {:?} overlaps {:?}",
                a.source_file,
                pair[0],
                pair[1]
            );
        }
        for m in &mentions {
            let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(slice, m.text, "{}", a.source_file);
            if let Some(id) = &m.entity_id {
                assert!(kb().get(id).is_some(), "{id} not in KB");
            }
        }
    }
}

fn line(m: &Mention) -> String {
    let mut s = format!("{}..{} {:?} {}", m.start, m.end, m.text, m.kind.as_str());
    if let Some(id) = &m.entity_id {
        s.push_str(&format!(" -> {id}"));
    }
    if m.derived {
        s.push_str(" (derived)");
    }
    if let Some(v) = &m.value {
        s.push_str(&format!(" = {v}"));
    }
    s
}

#[test]
fn seed_snapshots() {
    let corpus = Corpus::from_seeds();
    let entities = analyze_corpus(&corpus);
    let mut files: Vec<_> = corpus.articles.iter().collect();
    files.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    for a in files {
        let lines: Vec<String> = entities.by_article[&a.id].iter().map(line).collect();
        let name = a.source_file.trim_end_matches(".txt").to_string();
        insta::assert_yaml_snapshot!(name, lines);
    }
}

/// Names a German reader expects in the seeds: `(seed file prefix, text, entity id or None for unlinked)`.
const EXPECTED: &[(&str, &str, Option<&str>)] = &[
    ("000", "Mevlüt Cavusoglu", Some("mevluet-cavusoglu")),
    ("000", "Cavusoglu", Some("mevluet-cavusoglu")),
    ("000", "Sergej Lawrow", Some("sergej-lawrow")),
    ("000", "Lawrow", Some("sergej-lawrow")),
    ("000", "Wladimir Putin", Some("Q7747")),
    ("000", "Mike Pompeo", Some("mike-pompeo")),
    ("000", "US-Außenminister", Some("mike-pompeo")),
    ("000", "Türkei", Some("Q43")),
    ("000", "Russlands", Some("Q159")),
    ("000", "Ankaras", Some("Q3640")),
    ("000", "Washington", Some("Q61")),
    ("000", "Sotschi", Some("sotschi")),
    ("000", "USA", Some("Q30")),
    ("000", "US", Some("Q30")),
    ("000", "Griechenland", Some("Q41")),
    ("000", "Zypern", Some("Q229")),
    ("000", "NATO", Some("Q7184")),
    ("000", "EU", Some("Q458")),
    ("000", "SSB", Some("ssb-tuerkei")),
    ("000", "S-400", Some("s-400")),
    ("000", "F35", Some("f-35")),
    ("000", "Sputnik V", Some("sputnik-v")),
    ("000", "Sinovac", Some("sinovac")),
    ("000", "BioNTech", Some("biontech")),
    ("000", "Pfizer", Some("pfizer")),
    ("000", "russischen", Some("Q159")),
    ("000", "chinesischen", Some("Q148")),
    ("000", "Mitte Dezember", None),
    ("000", "2017", None),
    ("000", "50 Millionen Dosen", None),
    ("000", "4,5 Millionen Dosen", None),
    ("001", "Recep Tayyip Erdogan", Some("Q39723")),
    ("001", "Erdogan", Some("Q39723")),
    ("001", "Erdogans", Some("Q39723")),
    ("001", "Putin", Some("Q7747")),
    ("001", "Moskau", Some("Q649")),
    ("001", "Ankara", Some("Q3640")),
    ("001", "Ostukraine", Some("ostukraine")),
    ("001", "Kiew", Some("Q1899")),
    ("001", "Syrien", Some("Q858")),
    ("001", "Libyen", Some("Q1016")),
    ("001", "Kaukasus", Some("kaukasus")),
    ("001", "Nato", Some("Q7184")),
    ("001", "Nato-Russland-Rat", Some("nato-russland-rat")),
    ("001", "Kreml", Some("kreml")),
    ("001", "Ukraine", Some("Q212")),
    ("001", "12. Januar", None),
    ("001", "am Sonntag", None),
    ("002", "NATO", Some("Q7184")),
    ("002", "USA", Some("Q30")),
    ("003", "Kremlsprecher", Some("dmitri-peskow")),
    ("003", "Dmitri Peskow", Some("dmitri-peskow")),
    ("003", "Haluk Bayraktar", Some("haluk-bayraktar")),
    ("003", "Bayraktar", Some("bayraktar-tb2")),
    ("003", "Baykar", Some("baykar")),
    ("003", "Kyiv Independent", Some("Q111028947")),
    ("003", "Interfax", Some("Q379271")),
    ("003", "Iran", Some("Q794")),
    ("003", "5. August 2022", None),
    ("003", "mehrere Hundert", None),
    ("004", "Peking", Some("Q956")),
    ("004", "Pekings", Some("Q956")),
    ("004", "China", Some("Q148")),
    ("004", "Nikolai Patruschew", Some("nikolai-patruschew")),
    ("004", "Patruschew", Some("nikolai-patruschew")),
    ("004", "Sergej Schoigu", Some("sergej-schoigu")),
    ("004", "Donald Trump", Some("Q22686")),
    ("004", "US-Präsident", Some("Q22686")),
    ("004", "Kreml-Chef", Some("Q7747")),
    ("004", "Kaschin", Some("wassili-kaschin")),
    ("004", "Nordkorea", Some("Q423")),
    ("004", "Taiwan", Some("Q865")),
    ("004", "Ostsee", Some("Q545")),
    ("004", "Südchinesischen Meer", Some("suedchinesisches-meer")),
    ("004", "Nesawissimaja Gaseta", Some("nesawissimaja-gaseta")),
    ("004", "National Interest", Some("national-interest")),
    ("004", "Rosoboronexport", Some("rosoboronexport")),
    ("004", "Su-35", Some("su-35")),
    ("004", "S-400", Some("s-400")),
    ("004", "THAAD", Some("thaad")),
    ("004", "drei Milliarden Dollar", None),
    ("004", "acht Milliarden Dollar", None),
];

#[test]
fn seeds_contain_the_expected_names() {
    let corpus = Corpus::from_seeds();
    let mut missing = Vec::new();
    for (prefix, text, id) in EXPECTED {
        let Some(a) = corpus.articles.iter().find(|a| a.source_file.starts_with(prefix)) else {
            panic!("no seed {prefix}");
        };
        let mentions = find_mentions(&a.text(), a.date.value);
        if !mentions
            .iter()
            .any(|m| m.text == *text && m.entity_id.as_deref() == *id)
        {
            missing.push(format!("{prefix}: {text} -> {id:?}"));
        }
    }
    assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
}

/// Common nouns, section labels and boilerplate words that must never be marked as a name.
const NEVER: &[&str] = &[
    "Politik",
    "Hintergrund",
    "Anzeige",
    "Bild",
    "Partner",
    "Rat",
    "Mitte",
    "Reich",
    "Westen",
    "Sonntag",
    "Union",
    "Themen",
    "Copyright",
    "Artikel",
    "Regierung",
    "Präsidenten",
    "Staatschefs",
    "Außenminister",
    "Verteidigungsbündnis",
    "Zusammenarbeit",
    "Drohnen",
];

#[test]
fn common_words_are_never_marked_in_the_seeds() {
    let corpus = Corpus::from_seeds();
    for a in &corpus.articles {
        for m in find_mentions(&a.text(), a.date.value) {
            let is_name = !matches!(m.kind, EntityKind::Date | EntityKind::Quantity);
            assert!(
                !(is_name && NEVER.contains(&m.text.as_str())),
                "{}: marked {:?}",
                a.source_file,
                m
            );
            for w in ["Politik", "Anzeige", "Themen", "Copyright", "Hintergrund"] {
                assert!(!m.text.contains(w), "{}: marked {:?}", a.source_file, m);
            }
        }
    }
}

#[test]
fn corpus_summary_counts_mentions() {
    let corpus = Corpus::from_seeds();
    let e = analyze_corpus(&corpus);
    assert_eq!(e.by_article.len(), corpus.articles.len());
    let putin = e
        .entities
        .iter()
        .find(|s| s.id == "Q7747")
        .expect("Putin is in the seeds");
    assert_eq!(putin.article_ids.len(), 5);
    let linked: usize = e
        .by_article
        .values()
        .flatten()
        .filter(|m| m.entity_id.as_deref() == Some("Q7747"))
        .count();
    assert_eq!(putin.mention_count, linked);
    assert!(e.entities.windows(2).all(|w| w[0].mention_count >= w[1].mention_count));
}
