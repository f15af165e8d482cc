//! Same-event linking: each signal, the hand-made fixtures, the seeds, grouping, candidates, reasons and the
//! compare view's alignment.

#![cfg(feature = "web")] // reasons are checked in the words the reader sees (ui::text)

use presseschau::core::analysis::events::{Phrase, phrases};

/// The German words of the reader's UI for a link's reasons.
fn explain_de(r: &Reasons) -> Vec<String> {
    presseschau::ui::text::DE.link_reasons(r)
}

use std::collections::HashMap;

use presseschau::core::analysis::diff::{WordDiff, align_sentences, split_sentences};
use presseschau::core::analysis::entities::analyze_corpus;
use presseschau::core::analysis::events::{
    CorpusStats, EVENT_THRESHOLD, LinkDoc, LinkLevel, Linkage, Reasons, ScoreParams, group_id, is_contact_line, link,
    link_with, pair_score, pair_score_with, shared_sentences,
};
use presseschau::core::corpus::{ArticleId, Corpus, SimpleDate};
use presseschau::core::event_view::link_docs;

fn doc(id: &str, title: &str, text: &str, date: Option<SimpleDate>, entities: &[&str]) -> LinkDoc {
    LinkDoc {
        id: ArticleId(id.into()),
        title: title.into(),
        lead: String::new(),
        text: text.into(),
        date,
        entities: entities.iter().map(|e| (*e).to_string()).collect(),
    }
}

/// A short report that shares nothing with the others of a fixture (so each fixture has more than two documents).
fn unrelated_weather_report() -> LinkDoc {
    doc(
        "x",
        "Regen im Norden",
        "Der Wetterdienst erwartet für das Wochenende Regen und Sturm im Norden.",
        None,
        &[],
    )
}

fn day(y: i32, m: u8, d: u8) -> Option<SimpleDate> {
    Some(SimpleDate {
        year: y,
        month: Some(m),
        day: Some(d),
    })
}

fn parse_date(s: &str) -> Option<SimpleDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year = parts.first()?.parse().ok()?;
    Some(SimpleDate {
        year,
        month: parts.get(1).and_then(|m| m.parse().ok()),
        day: parts.get(2).and_then(|d| d.parse().ok()),
    })
}

struct Case {
    name: String,
    expect: Vec<Option<LinkLevel>>,
    a: LinkDoc,
    b: LinkDoc,
}

fn load_fixtures() -> Vec<Case> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let content = std::fs::read_to_string(&path).unwrap();
            let (head, rest) = content.split_once("=== a\n").expect("=== a");
            let (a_part, b_part) = rest.split_once("=== b\n").expect("=== b");
            let meta: HashMap<&str, &str> = head
                .lines()
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim(), v.trim()))
                .collect();
            let expect = meta["expect"]
                .split('|')
                .map(|l| match l.trim() {
                    "same_event" => Some(LinkLevel::SameEvent),
                    "same_story" => Some(LinkLevel::SameStory),
                    "none" => None,
                    other => panic!("{name}: unknown level {other}"),
                })
                .collect();
            let mk = |side: &str, part: &str| {
                let (title, text) = part.split_once('\n').unwrap();
                let ents: Vec<&str> = meta
                    .get(format!("{side}.entities").as_str())
                    .map(|e| e.split_whitespace().collect())
                    .unwrap_or_default();
                doc(
                    &format!("{name}/{side}"),
                    title,
                    text.trim(),
                    meta.get(format!("{side}.date").as_str()).and_then(|d| parse_date(d)),
                    &ents,
                )
            };
            Case {
                a: mk("a", a_part),
                b: mk("b", b_part),
                name,
                expect,
            }
        })
        .collect()
}

fn level_between(linkage: &Linkage, a: &ArticleId, b: &ArticleId) -> Option<LinkLevel> {
    linkage
        .links
        .iter()
        .find(|l| (&l.a == a && &l.b == b) || (&l.a == b && &l.b == a))
        .map(|l| l.level)
}

#[test]
fn fixture_pairs_reach_their_expected_level() {
    let cases = load_fixtures();
    assert!(cases.len() >= 5, "fixtures missing");
    let docs: Vec<LinkDoc> = cases.iter().flat_map(|c| [c.a.clone(), c.b.clone()]).collect();
    let linkage = link(&docs);
    let stats = CorpusStats::from_docs(&docs);
    let mut failures = Vec::new();
    for c in &cases {
        let got = level_between(&linkage, &c.a.id, &c.b.id);
        let (score, r) = pair_score(&c.a, &c.b, &stats);
        if !c.expect.contains(&got) {
            failures.push(format!(
                "{}: expected {:?}, got {got:?} (score {score:.3}, {:?})",
                c.name, c.expect, r.signals
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn agency_copy_reasons_quote_the_shared_sentences_with_code_point_offsets() {
    let cases = load_fixtures();
    let c = cases
        .iter()
        .find(|c| c.name == "agency_copy_new_lead")
        .expect("fixture");
    let docs = [c.a.clone(), c.b.clone()];
    let (_, r) = pair_score(&c.a, &c.b, &CorpusStats::from_docs(&docs));
    assert!(r.shared_sentences.len() >= 5, "{:?}", r.shared_sentences);
    for s in &r.shared_sentences {
        let at_a: String =
            c.a.text
                .chars()
                .skip(s.left_start)
                .take(s.left.chars().count())
                .collect();
        let at_b: String =
            c.b.text
                .chars()
                .skip(s.right_start)
                .take(s.right.chars().count())
                .collect();
        assert_eq!(at_a, s.left);
        assert_eq!(at_b, s.right);
    }
    assert_eq!(r.day_difference, Some(1.0));
    let de = explain_de(&r);
    assert!(de.iter().any(|p| p.ends_with("gleiche Sätze")), "{de:?}");
    assert!(de.contains(&"1 Tag Abstand".to_string()), "{de:?}");
    assert!(phrases(&r).contains(&Phrase::DaysApart(1)));
}

/// The seeds as the app links them: with the knowledge-base entity ids of each article.
fn seed_docs() -> (Corpus, Vec<LinkDoc>) {
    let corpus = Corpus::from_seeds();
    let entities = analyze_corpus(&corpus);
    let docs = link_docs(&corpus, &entities);
    assert!(
        docs.iter().filter(|d| !d.entities.is_empty()).count() >= 4,
        "the KB should find entities in the seeds"
    );
    (corpus, docs)
}

fn seed_id(corpus: &Corpus, prefix: &str) -> ArticleId {
    corpus
        .articles
        .iter()
        .find(|a| a.source_file.starts_with(prefix))
        .map(|a| a.id.clone())
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
}

#[test]
fn seeds_link_the_two_reports_of_the_phone_call_and_nothing_else() {
    let (corpus, docs) = seed_docs();
    let linkage = link(&docs);
    for l in &linkage.links {
        let file = |id: &ArticleId| corpus.get(&id.0).map_or("?", |a| a.source_file.as_str()).to_string();
        println!(
            "{} ~ {}: {:?} {:.3} {:?}",
            file(&l.a),
            file(&l.b),
            l.level,
            l.score,
            explain_de(&l.reasons)
        );
    }
    let [s0, s1, s2, s3, s4] = ["000", "001", "002", "003", "004"].map(|p| seed_id(&corpus, p));
    assert_eq!(
        level_between(&linkage, &s1, &s2),
        Some(LinkLevel::SameEvent),
        "{:#?}",
        linkage.links
    );
    for other in [&s1, &s2] {
        assert_ne!(
            level_between(&linkage, &s3, other),
            Some(LinkLevel::SameEvent),
            "003 is a later event"
        );
    }
    for lone in [&s0, &s4] {
        assert!(
            !linkage
                .links
                .iter()
                .any(|l| l.level == LinkLevel::SameEvent && (&l.a == lone || &l.b == lone)),
            "{lone} must not be same_event with anything: {:#?}",
            linkage.links
        );
    }
    // 004 (Russian-Chinese talks in Beijing, 2017) shares only a weapon system and capitals with the
    // Turkish-Russian reports: no link at any level.
    assert!(
        !linkage.links.iter().any(|l| l.a == s4 || l.b == s4),
        "004 must not link at all: {:#?}",
        linkage.links
    );
    // 003 is the same story as the phone call (same actors and thread, months later)
    assert_eq!(level_between(&linkage, &s3, &s2), Some(LinkLevel::SameStory));
    let event = linkage
        .events
        .iter()
        .find(|e| e.level == LinkLevel::SameEvent)
        .expect("an event group");
    let mut want = vec![s1.clone(), s2.clone()];
    want.sort();
    assert_eq!(event.members, want);
    // the phone-call link explains itself with shared sentences
    let l = linkage
        .links
        .iter()
        .find(|l| l.level == LinkLevel::SameEvent)
        .expect("link");
    assert!(!l.reasons.shared_sentences.is_empty());
    // … and with the people both name: Putin (Q7747) and Erdoğan are KB entities
    assert!(
        l.reasons.shared_entities.iter().any(|e| e == "Q7747"),
        "{:?}",
        l.reasons.shared_entities
    );
    assert!(
        l.reasons.signals.entities.is_some_and(|e| e > 0.3),
        "{:?}",
        l.reasons.signals
    );
    // 003 (months later, same actors) stays at most same story
    assert!(
        linkage
            .links
            .iter()
            .filter(|l| l.a == s3 || l.b == s3)
            .all(|l| l.level == LinkLevel::SameStory)
    );
}

#[test]
fn pair_score_is_the_score_link_uses() {
    let (_, docs) = seed_docs();
    let linkage = link(&docs);
    let stats = CorpusStats::from_docs(&docs);
    let by_id: HashMap<&ArticleId, &LinkDoc> = docs.iter().map(|d| (&d.id, d)).collect();
    assert!(!linkage.links.is_empty());
    for l in &linkage.links {
        let (score, r) = pair_score(by_id[&l.a], by_id[&l.b], &stats);
        let level_score = if l.level == LinkLevel::SameEvent {
            r.signals.event
        } else {
            r.signals.story
        };
        assert!((level_score - l.score).abs() < 1e-9, "{} vs {}", level_score, l.score);
        assert!((score - r.signals.event).abs() < 1e-12);
    }
}

const BASE: &str = "Die Präsidenten Russlands und der Türkei, Wladimir Putin und Recep Tayyip Erdogan, wollen die \
    Beziehungen ihrer Länder wieder verbessern. Nach einem Telefonat der beiden Staatschefs am Sonntag teilten deren \
    Büros mit, die Zusammenarbeit intensivieren zu wollen. Zuletzt war das Verhältnis zwischen Moskau und Ankara \
    wegen des Ukraine-Konflikts angespannt.";
const OTHER: &str = "Der Wetterdienst erwartet für das Wochenende kräftigen Regen und Sturmböen im Norden. An der \
    Küste kann es zu Hochwasser kommen, Fähren fallen womöglich aus. Erst am Dienstag soll es wieder trockener werden.";
const THIRD: &str = "Die Bundesliga startet nach der Winterpause mit einem Spitzenspiel in Dortmund. Der Trainer \
    setzt auf die junge Offensive, die Abwehr bleibt verletzungsbedingt geschwächt.";

#[test]
fn text_signal_orders_related_above_unrelated() {
    let docs = [
        doc("a", "", BASE, None, &[]),
        doc(
            "b",
            "",
            &BASE.replace("Sonntag", "Montag").replace("wieder", "rasch"),
            None,
            &[],
        ),
        doc("c", "", OTHER, None, &[]),
        doc("d", "", THIRD, None, &[]),
    ];
    let stats = CorpusStats::from_docs(&docs);
    let (_, near) = pair_score(&docs[0], &docs[1], &stats);
    let (_, far) = pair_score(&docs[0], &docs[2], &stats);
    assert!(near.signals.text > 0.8, "{:?}", near.signals);
    assert!(far.signals.text < 0.2, "{:?}", far.signals);
}

#[test]
fn entity_signal_is_inactive_without_entities_and_prefers_rare_shared_ids() {
    let docs = [
        doc("a", "", OTHER, None, &["Qcommon", "Qrare"]),
        doc("b", "", THIRD, None, &["Qcommon", "Qrare"]),
        doc("c", "", THIRD, None, &["Qcommon", "Qx"]),
        doc("d", "", OTHER, None, &["Qcommon"]),
        doc("e", "", OTHER, None, &[]),
    ];
    let stats = CorpusStats::from_docs(&docs);
    let ent = |i: usize, j: usize| pair_score(&docs[i], &docs[j], &stats).1.signals.entities;
    assert!(ent(0, 1).unwrap() > ent(0, 2).unwrap());
    assert_eq!(ent(0, 4), None);
    let (_, r) = pair_score(&docs[0], &docs[1], &stats);
    assert_eq!(r.shared_entities, ["Qrare", "Qcommon"], "rarest first");
    assert!(explain_de(&r)[0].starts_with("beide berichten über Qrare und Qcommon"));
}

#[test]
fn near_duplicate_signal_sees_a_copy_behind_a_new_paragraph() {
    let copy = format!("{THIRD}\n\n{BASE}");
    let docs = [
        doc("a", "", BASE, None, &[]),
        doc("b", "", &copy, None, &[]),
        doc("c", "", OTHER, None, &[]),
    ];
    let stats = CorpusStats::from_docs(&docs);
    assert!(pair_score(&docs[0], &docs[1], &stats).1.signals.near_duplicate > 0.8);
    assert!(pair_score(&docs[0], &docs[2], &stats).1.signals.near_duplicate < 0.1);
}

#[test]
fn time_factor_separates_far_dates_and_unknown_dates_are_neutral() {
    let rewrite = BASE.replace("Sonntag", "Montag");
    let cases = [
        // (date a, date b, should be same_event)
        (day(2022, 1, 2), day(2022, 1, 3), true),
        (day(2022, 1, 2), day(2022, 8, 5), false),
        (None, day(2022, 8, 5), true),
        (None, None, true),
    ];
    for (da, db, want) in cases {
        let docs = [
            doc("a", "", BASE, da, &[]),
            doc("b", "", &rewrite, db, &[]),
            doc("c", "", OTHER, None, &[]),
        ];
        let stats = CorpusStats::from_docs(&docs);
        let (score, r) = pair_score(&docs[0], &docs[1], &stats);
        assert_eq!(score >= EVENT_THRESHOLD, want, "{da:?} {db:?}: {:?}", r.signals);
        assert_eq!(r.signals.time.is_some(), da.is_some() && db.is_some());
        // the story score ignores time
        assert!(r.signals.story >= ScoreParams::default().story_threshold);
    }
}

#[test]
fn groups_do_not_chain_unrelated_articles() {
    // a ~ b (shared first half), b ~ c (shared second half), a and c unrelated
    let half1 = BASE;
    let half2 = OTHER;
    let docs = [
        doc("a", "", &format!("{half1} {THIRD}"), None, &[]),
        doc("b", "", &format!("{half1} {half2}"), None, &[]),
        doc(
            "c",
            "",
            &format!("{half2} Ganz andere Dinge geschehen in Hamburg, wo der Hafen wächst."),
            None,
            &[],
        ),
        // background articles so that IDF means something
        doc(
            "d",
            "",
            "Ein Text über Kühe auf der Weide und Milchpreise im Allgäu.",
            None,
            &[],
        ),
        doc(
            "e",
            "",
            "Die Börse in Frankfurt schloss mit leichten Verlusten, der Dax fiel.",
            None,
            &[],
        ),
    ];
    let linkage = link(&docs);
    assert!(
        level_between(&linkage, &docs[0].id, &docs[1].id).is_some(),
        "{:#?}",
        linkage.links
    );
    assert!(
        level_between(&linkage, &docs[1].id, &docs[2].id).is_some(),
        "{:#?}",
        linkage.links
    );
    let a_c = level_between(&linkage, &docs[0].id, &docs[2].id);
    assert_eq!(a_c, None, "a and c share nothing");
    for g in &linkage.events {
        assert!(g.members.len() <= 2, "chained group: {g:?} from {:#?}", linkage.links);
    }
}

#[test]
fn group_ids_are_stable_and_depend_on_members_and_level() {
    let ids = [ArticleId("x".into()), ArticleId("y".into())];
    let id = group_id(LinkLevel::SameEvent, &ids);
    assert_eq!(id.len(), 16);
    assert_eq!(id, group_id(LinkLevel::SameEvent, &ids));
    assert_ne!(id, group_id(LinkLevel::SameStory, &ids));
    assert_ne!(id, group_id(LinkLevel::SameEvent, &ids[..1]));
}

#[test]
fn candidates_are_not_all_pairs() {
    // 360 articles from 30 templates (more than MAX_POSTING, so the boilerplate words of the template are
    // skipped as too common) with different fillers: related within a template only
    let words = [
        "Hafen",
        "Bahn",
        "Schule",
        "Klinik",
        "Brücke",
        "Theater",
        "Rathaus",
        "Museum",
        "Flughafen",
        "Stadion",
        "Bibliothek",
        "Kaserne",
        "Brauerei",
        "Werft",
        "Zoo",
        "Messe",
        "Kirche",
        "Sender",
        "Markt",
        "Mühle",
        "Fabrik",
        "Sternwarte",
        "Therme",
        "Gärtnerei",
        "Polizei",
        "Feuerwehr",
        "Post",
        "Bank",
        "Oper",
        "Burg",
    ];
    let places = [
        "Kiel", "Ulm", "Jena", "Trier", "Passau", "Gera", "Lübeck", "Fulda", "Hof", "Soest", "Bonn", "Celle",
    ];
    let mut docs = Vec::new();
    for (i, w) in words.iter().enumerate() {
        for (j, p) in places.iter().enumerate() {
            docs.push(doc(
                &format!("{i}-{j}"),
                &format!("{w} in {p}"),
                &format!(
                    "Die {w} in {p} wird erneuert. Der Umbau der {w} kostet Millionen, sagt der Bürgermeister von {p}."
                ),
                None,
                &[],
            ));
        }
    }
    let n = docs.len();
    let (_, stats) = link_with(&docs, &ScoreParams::default());
    assert!(stats.candidates > 0);
    assert!(
        stats.candidates < n * (n - 1) / 2 / 4,
        "{} candidates of {}",
        stats.candidates,
        n * (n - 1) / 2
    );
}

#[test]
fn shared_sentences_need_enough_words_and_overlap() {
    let a = "Kurz. Die Mosel ist bei Trier über die Ufer getreten. Ganz anderer Satz über das Wetter morgen früh.";
    let b = "Kurz. Die Mosel ist bei Trier über die Ufer getreten! Und noch ein Satz über Fußball und Tore.";
    let s = shared_sentences(a, b);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].left_start, 6);
}

#[test]
fn explain_phrases_cover_sentences_and_days() {
    let r = Reasons {
        day_difference: Some(3.0),
        ..Reasons::default()
    };
    assert!(explain_de(&r).contains(&"3 Tage Abstand".to_string()));
    assert!(phrases(&r).contains(&Phrase::DaysApart(3)));
    let r = Reasons {
        day_difference: Some(0.2),
        ..Reasons::default()
    };
    assert!(explain_de(&r).contains(&"am selben Tag".to_string()));
}

#[test]
fn split_sentences_respects_german_abbreviations_and_quotes() {
    let t: &[(&str, &[&str])] = &[
        (
            "Am 12. Januar kam er. Dann ging er.",
            &["Am 12. Januar kam er.", "Dann ging er."],
        ),
        (
            "Das gilt z. B. für Dr. Meier. Er lacht.",
            &["Das gilt z. B. für Dr. Meier.", "Er lacht."],
        ),
        (
            "Erdogan (l.) und Putin sprachen. Gut.",
            &["Erdogan (l.) und Putin sprachen.", "Gut."],
        ),
        (
            "Er sagte: \"Wir bleiben.\" Dann ging er.",
            &["Er sagte: \"Wir bleiben.\"", "Dann ging er."],
        ),
        (
            "\"Kommt ihr?\", fragte sie. Ja.",
            &["\"Kommt ihr?\", fragte sie.", "Ja."],
        ),
        ("Im Jahr 2020. Danach nicht.", &["Im Jahr 2020.", "Danach nicht."]),
        (
            "Erster Absatz ohne Punkt\n\nZweiter Absatz.",
            &["Erster Absatz ohne Punkt", "Zweiter Absatz."],
        ),
        ("Größe zählt. Äpfel fallen.", &["Größe zählt.", "Äpfel fallen."]),
    ];
    for (input, want) in t {
        let got: Vec<&str> = split_sentences(input).into_iter().map(|(_, s)| s).collect();
        assert_eq!(&got, want, "{input}");
    }
    // offsets are code points
    let s = split_sentences("Größe zählt. Äpfel fallen.");
    assert_eq!(s[1].0, 13);
}

#[test]
fn align_sentences_pairs_rewrites_and_marks_word_differences() {
    let left = "Putin und Erdogan telefonierten am Sonntag. Sie wollen enger zusammenarbeiten. Das Wetter war schön.";
    let right = "Ein neuer erster Satz steht hier. Putin und Erdogan telefonierten am Montag. Sie wollen enger zusammenarbeiten.";
    let pairs = align_sentences(left, right);
    let matched: Vec<_> = pairs.iter().filter(|p| p.left.is_some() && p.right.is_some()).collect();
    assert_eq!(matched.len(), 2, "{pairs:#?}");
    assert!(
        matched[0].words.contains(&WordDiff::OnlyLeft("Sonntag".into())),
        "{:?}",
        matched[0].words
    );
    assert!(matched[0].words.contains(&WordDiff::OnlyRight("Montag".into())));
    assert_eq!(matched[1].similarity, 1.0);
    assert_eq!(
        pairs.first().and_then(|p| p.right.as_deref()),
        Some("Ein neuer erster Satz steht hier.")
    );
    assert!(
        pairs
            .iter()
            .any(|p| p.left.as_deref() == Some("Das Wetter war schön.") && p.right.is_none())
    );
    // empty sides are fine
    assert!(align_sentences("", "").is_empty());
    assert_eq!(align_sentences("Nur links.", "").len(), 1);
}

#[test]
fn empty_and_odd_documents_do_not_panic() {
    let docs = [
        doc("a", "", "", None, &[]),
        doc("b", "", "!!! ???", None, &[]),
        doc(
            "c",
            "Ä",
            "ß",
            Some(SimpleDate {
                year: 2020,
                month: None,
                day: None,
            }),
            &[""],
        ),
        doc("c", "Ä", "ß", None, &[]),
    ];
    let linkage = link(&docs);
    assert!(linkage.links.iter().all(|l| l.a != l.b));
    assert!(link(&[]).links.is_empty());
}

const COOKIE_BANNER: &str = "Wir setzen auf unserer Website Cookies und andere Technologien ein, um Ihnen den vollen \
    Funktionsumfang unseres Angebotes anzubieten. Zudem ermöglichen Cookies die Personalisierung von Inhalten und \
    dienen der Ausspielung von Werbung. Durch die weitere Nutzung unserer Website erklären Sie sich mit dem Einsatz \
    von Cookies einverstanden.";

#[test]
fn boilerplate_shared_by_unrelated_articles_does_not_link_them() {
    let bodies = [
        (
            "Trompete trifft Piano im Café",
            "Im Café Heimat spielen am Samstag ein Trompeter und eine Pianistin Jazz.",
        ),
        (
            "Wagen kollidiert mit Lkw",
            "Bei einem Unfall auf der B 51 sind am Morgen fünf Menschen verletzt worden.",
        ),
        (
            "Neuer Bürgermeister vereidigt",
            "Der Stadtrat hat den neuen Bürgermeister am Abend feierlich vereidigt.",
        ),
    ];
    let docs: Vec<LinkDoc> = bodies
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            doc(
                &format!("d{i}"),
                title,
                &format!("{COOKIE_BANNER}\n\n{body}"),
                None,
                &[],
            )
        })
        .collect();
    let stats = CorpusStats::from_docs(&docs);
    assert!(stats.is_boilerplate(
        "Zudem ermöglichen Cookies die Personalisierung von Inhalten und dienen der Ausspielung von Werbung."
    ));
    assert!(!stats.is_boilerplate("Im Café Heimat spielen am Samstag ein Trompeter und eine Pianistin Jazz."));
    let linkage = link(&docs);
    assert!(linkage.links.is_empty(), "{:?}", linkage.links);
    // without the filter the banner links them
    let off = ScoreParams {
        boilerplate_min_docs: 0,
        ..ScoreParams::default()
    };
    let (unfiltered, _) = link_with(&docs, &off);
    assert!(
        !unfiltered.links.is_empty(),
        "the fixture should show what the filter prevents"
    );
    // and the banner is not quoted as a shared sentence
    let (_, r) = pair_score(&docs[0], &docs[1], &stats);
    assert!(r.shared_sentences.is_empty(), "{:?}", r.shared_sentences);
}

#[test]
fn an_agency_report_printed_by_three_outlets_is_not_boilerplate() {
    let report = "Die Präsidenten Russlands und der Türkei wollen die Beziehungen ihrer Länder wieder verbessern. \
        Nach einem Telefonat der beiden Staatschefs am Sonntag teilten deren Büros mit, die Zusammenarbeit im Handel \
        intensivieren zu wollen. Zuletzt war das Verhältnis wegen des Kriegs in Syrien angespannt.";
    let titles = [
        "Putin und Erdoğan telefonieren",
        "Telefonat: Putin und Erdoğan wollen Zusammenarbeit vertiefen",
        "Erdoğan und Putin telefonieren über Handel",
    ];
    let mut docs: Vec<LinkDoc> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("o{i}"), t, report, None, &[]))
        .collect();
    docs.push(unrelated_weather_report());
    let stats = CorpusStats::from_docs(&docs);
    assert_eq!(stats.boilerplate_sentences(), 0);
    let linkage = link(&docs);
    let same_event = linkage.links.iter().filter(|l| l.level == LinkLevel::SameEvent).count();
    assert_eq!(same_event, 3, "{:?}", linkage.links);
    // with the guard off, the three copies lose their text
    let no_guard = ScoreParams {
        boilerplate_title_guard: 2.0,
        ..ScoreParams::default()
    };
    assert!(CorpusStats::from_docs_with(&docs, &no_guard).boilerplate_sentences() >= 3);
}

#[test]
fn the_seeds_hold_no_boilerplate() {
    // five hand-picked reports of different outlets: nothing repeats in three of them
    let (_, docs) = seed_docs();
    assert_eq!(CorpusStats::from_docs(&docs).boilerplate_sentences(), 0);
}

#[test]
fn contact_lines_are_recognised() {
    for line in [
        "Rückfragen bitte an:",
        "Telefon: 04221-1559104",
        "Polizeipräsidium Karlsruhe Telefon: 0721 666 1111 E-Mail: karlsruhe.pp.sts.oe@polizei.bwl.de",
        "E-Mail: pressestelle@pi-del.polizei.niedersachsen.de",
        "Internet: www.polizei-delmenhorst.de",
        "Quelle: https://www.presseportal.de/blaulicht/pm/110972/4529551",
        "Original-Content von: Polizeiinspektion Delmenhorst, übermittelt durch news aktuell",
        "Hinweise nimmt die Polizei unter 0441 790 4115 entgegen.",
    ] {
        assert!(is_contact_line(line), "{line}");
    }
    for line in [
        "Der Sachschaden wurde auf etwa 800 Euro geschätzt.",
        "Am 28. Januar 2020 kollidierte ein Wagen gegen 21:05 Uhr mit einem Baum.",
        "Germanwings ist mit rund 30 Flugzeugen und etwa 1.400 Mitarbeitern unterwegs.",
        "Im Hotel. Das Fairfax-Hotel meldete 2019 2020 steigende Zahlen.",
        "Die Mobilität in der Region soll besser werden.",
        "Rückfragen an das Ministerium blieben am Abend unbeantwortet.",
    ] {
        assert!(!is_contact_line(line), "{line}");
    }
}

#[test]
fn a_sentence_that_begins_with_rueckfragen_does_not_open_a_contact_block() {
    let text = "Rückfragen an das Ministerium blieben am Abend unbeantwortet, wie ein Sprecher der Opposition sagte.\n\n\
        Der Gesetzentwurf zur Reform der Pflegeversicherung soll im Frühjahr in den Bundestag eingebracht werden.";
    let docs = [
        doc("a", "Reform der Pflegeversicherung", text, None, &[]),
        unrelated_weather_report(),
    ];
    let stats = CorpusStats::from_docs(&docs);
    assert_eq!(stats.boilerplate_sentences(), 0);
}

const POLICE_FOOTER: &str = "Rückfragen bitte an:\n\nDaniela Seeger\n\nPolizeiinspektion Delmenhorst/Oldenburg-Land/Wesermarsch \
    Pressestelle\n\nTelefon: 04221-1559104\n\nE-Mail: pressestelle@pi-del.polizei.niedersachsen.de\n\n\
    Internet: www.polizei-delmenhorst.de\n\nOriginal-Content von: Polizeiinspektion Delmenhorst / Oldenburg - Land / \
    Wesermarsch, übermittelt durch news aktuell";

#[test]
fn press_releases_of_one_office_are_not_linked_by_their_footer() {
    let docs = [
        doc(
            "p1",
            "Pkw nach Verkehrsunfall in Sage zurückgelassen",
            &format!(
                "Der Fahrer eines schwarzen BMW kam kurz nach dem Ortsausgang Sage von der Fahrbahn ab und prallte \
                 gegen einen Straßenbaum. Anschließend entfernte er sich vom Unfallort.\n\n{POLICE_FOOTER}"
            ),
            None,
            &[],
        ),
        doc(
            "p2",
            "Einbruch in Räumlichkeiten eines Tennis Clubs",
            &format!(
                "Unbekannte Täter drangen in der Nacht gewaltsam in den Gastronomiebereich eines Tennis Clubs ein und \
                 hebelten die Tür zur Gaststätte auf.\n\n{POLICE_FOOTER}"
            ),
            None,
            &[],
        ),
        unrelated_weather_report(),
    ];
    let linkage = link(&docs);
    assert!(linkage.links.is_empty(), "{:?}", linkage.links);
    let stats = CorpusStats::from_docs(&docs);
    assert!(stats.is_boilerplate("Telefon: 04221-1559104"));
    let (_, r) = pair_score(&docs[0], &docs[1], &stats);
    assert!(r.shared_sentences.is_empty(), "{:?}", r.shared_sentences);
    // without the contact filter, the footer alone links the two releases
    let off = ScoreParams {
        contact_lines: false,
        ..ScoreParams::default()
    };
    let (unfiltered, _) = link_with(&docs, &off);
    assert!(
        !unfiltered.links.is_empty(),
        "the fixture should show what the filter prevents"
    );
}

#[test]
fn a_body_that_does_not_match_its_headline_is_not_compared() {
    // one scraped "article" holds a forum post in place of its text; a second, unrelated one holds the same post
    let forum = "Hallo, ich möchte gerne kündigen, da das Arbeitsverhältnis nicht mehr gegeben ist. Leider verstehe ich \
        den Arbeitsvertrag nicht ganz. Die Kündigungsfrist beträgt sechs Werktage, nach sechs Monaten zwölf Werktage. \
        Wie lange ist nun die Frist und wie geht es weiter? Ich hoffe, es kann mir jemand helfen.";
    let docs = [
        doc(
            "a",
            "Kurz und Kogler stellen Regierungsprogramm für Österreich vor",
            forum,
            None,
            &[],
        ),
        doc(
            "b",
            "Mindestens 16 Tote bei Kämpfen in mexikanischem Gefängnis",
            forum,
            None,
            &[],
        ),
        doc(
            "c",
            "ÖVP und Grüne einigen sich auf Regierungsprogramm für Österreich",
            "Die konservative ÖVP und die Grünen haben sich in Österreich auf ein gemeinsames Regierungsprogramm \
             geeinigt. Sebastian Kurz und Werner Kogler stellen es am Donnerstag vor.",
            None,
            &[],
        ),
    ];
    let stats = CorpusStats::from_docs(&docs);
    let (junk, _) = pair_score(&docs[0], &docs[1], &stats);
    let (story, _) = pair_score(&docs[0], &docs[2], &stats);
    assert!(junk < 0.1, "two headlines with the same junk body: {junk}");
    assert!(story > junk, "{story} vs {junk}");
    assert!(link(&docs).links.iter().all(|l| l.a.0 != "b" && l.b.0 != "b"));
    // compared as they are, the shared junk makes them look like copies
    let off = ScoreParams {
        junk_body: false,
        ..ScoreParams::default()
    };
    let stats_off = CorpusStats::from_docs_with(&docs, &off);
    let (junk_off, _) = pair_score_with(&docs[0], &docs[1], &stats_off, &off);
    assert!(junk_off > 0.5, "{junk_off}");
}

#[test]
fn a_feature_headline_that_shares_only_a_word_part_keeps_its_body() {
    // "Coronakrise" / "Corona-Zeit": no whole term in common, but a part; the body is the article
    let body = "Viele Menschen nutzen die Corona-Zeit zu Hause, um endlich die Fenster zu putzen und den Keller \
        auszuräumen. Ein Schauspieler aus Klagenfurt erzählt, wie er seine Wohnung Zimmer für Zimmer ordnet.";
    let docs = [
        doc("a", "Coronakrise als Chance für den Hausputz", body, None, &[]),
        doc("b", "Frühjahrsputz in der Isolation", body, None, &[]),
        unrelated_weather_report(),
    ];
    let stats = CorpusStats::from_docs(&docs);
    let (score, _) = pair_score(&docs[0], &docs[1], &stats);
    assert!(score >= EVENT_THRESHOLD, "{score}");
}
