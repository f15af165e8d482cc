//! Ingest of the five seed articles: titles, dates, outlets, every listed boilerplate kind removed, and
//! every sentence of the body kept.

use presseschau::core::corpus::{
    Article, BlockKind, Corpus, DateOrigin, DatePrecision, RemovalReason as R, TitleOrigin,
};

fn seed(prefix: &str) -> Article {
    let corpus = Corpus::from_seeds();
    corpus
        .articles
        .iter()
        .find(|a| a.source_file.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
        .clone()
}

fn removed(a: &Article, reason: R) -> Vec<String> {
    a.removed()
        .filter(|(_, r)| *r == reason)
        .map(|(t, _)| t.trim().to_string())
        .collect()
}

fn assert_kept(a: &Article, sentences: &[&str]) {
    let text = a.text();
    for s in sentences {
        assert!(text.contains(s), "{}: sentence lost: {s}", a.source_file);
    }
}

fn assert_gone(a: &Article, fragments: &[&str]) {
    let text = a.text();
    for f in fragments {
        assert!(
            !text.contains(f),
            "{}: boilerplate left in clean text: {f}",
            a.source_file
        );
    }
}

#[test]
fn every_seed_file_is_embedded_and_ingests() {
    let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .count();
    let corpus = Corpus::from_seeds();
    assert_eq!(presseschau::core::corpus::seeds::SEEDS.len(), on_disk);
    assert_eq!(corpus.articles.len(), 5, "errors: {:?}", corpus.errors);
    assert!(corpus.errors.is_empty());
    let mut ids: Vec<_> = corpus.articles.iter().map(|a| a.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "ids must be unique");
}

#[test]
fn seeds_are_sorted_newest_first_with_unknown_dates_last() {
    let corpus = Corpus::from_seeds();
    let dates: Vec<Option<String>> = corpus.articles.iter().map(|a| a.date.value.map(|d| d.iso())).collect();
    assert_eq!(
        dates[..3],
        [
            Some("2022-01".into()),
            Some("2020-12-29".into()),
            Some("2017-07".into())
        ]
    );
    assert_eq!(dates[3..], [None, None]);
}

#[test]
fn id_depends_on_content_not_file_name() {
    let bytes = presseschau::core::corpus::seeds::SEEDS[0].1;
    let a = presseschau::core::corpus::ingest::ingest("a.txt", bytes).unwrap();
    let b = presseschau::core::corpus::ingest::ingest("renamed.txt", bytes).unwrap();
    let crlf = String::from_utf8(bytes.to_vec()).unwrap().replace('\n', "\r\n");
    let c = presseschau::core::corpus::ingest::ingest("c.txt", crlf.as_bytes()).unwrap();
    assert_eq!(a.id, b.id);
    assert_eq!(a.id, c.id);
    assert_eq!(a.id.0.len(), 12);
}

#[test]
fn dw_article() {
    let a = seed("000");
    assert_eq!(a.title.text, "Russisch-türkische Militärkooperation steht");
    assert_eq!(a.title.origin, TitleOrigin::Headline);
    let d = a.date.value.unwrap();
    assert_eq!((d.iso(), d.precision()), ("2020-12-29".into(), DatePrecision::Day));
    assert_eq!(a.date.origin, Some(DateOrigin::Dateline));
    assert_eq!(a.outlet.as_ref().unwrap().name, "DW");
    assert_eq!(a.agencies, ["AFP", "Reuters"]);
    assert_eq!(removed(&a, R::SkipLink).len(), 3);
    assert_eq!(removed(&a, R::SectionLabel), ["Politik"]);
    assert_eq!(removed(&a, R::ShortUrl), ["https://p.dw.com/p/3nKf9"]);
    assert_eq!(removed(&a, R::AuthorCredits), ["ehl/sti (afp, rtr)"]);
    assert_eq!(removed(&a, R::ImageKeywords).len(), 2);
    let subheadings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(subheadings, ["Streit seit 2017", "Partner auch bei Corona-Impfung"]);
    let captions: Vec<&str> = a.captions().map(|b| b.text.as_str()).collect();
    assert_eq!(captions.len(), 2);
    assert!(captions[0].starts_with("Das russische Raketenabwehrsystem S-400"));
    assert!(a.credits.contains(&"Getty Images/AFP/A. Nemenov".to_string()));
    assert_eq!(a.blocks[0].kind, BlockKind::Lead);
    assert!(a.blocks[0].text.starts_with("Trotz der angekündigten US-Sanktionen"));
    assert_kept(
        &a,
        &[
            "Außenminister Mevlüt Cavusoglu besuchte seinen russischen Amtskollegen Sergej Lawrow in der Schwarzmeerstadt Sotschi.",
            "US-Außenminister Mike Pompeo begründete den Schritt mit dem Ziel, russischen Profit an dem Verkauf zu verhindern.",
            "Ein eigener Impfstoff ist ebenfalls in Arbeit.",
            "\"Worum auch immer es geht, auch hinsichtlich des S-400, regeln wir die Probleme am liebsten im Dialog.\"",
        ],
    );
    assert_gone(
        &a,
        &[
            "Zum Inhalt springen",
            "p.dw.com",
            "ehl/sti",
            "Bild: Getty",
            "Russland Moskau |",
            "Politik\n",
        ],
    );
}

#[test]
fn flash_up_article() {
    let a = seed("001");
    assert_eq!(
        a.title.text,
        "Moskau und Ankara wollen Verhältnis nach Spannungen wegen Ukraine verbessern"
    );
    assert_eq!(a.date.value, None, "no date in the text: unknown stays unknown");
    assert_eq!(a.outlet.as_ref().unwrap().name, "FLASH UP");
    assert_eq!(removed(&a, R::Copyright), ["Copyright"]);
    assert_eq!(removed(&a, R::Advertisement).len(), 2);
    assert_eq!(removed(&a, R::AuthorBox).len(), 2);
    assert_eq!(
        removed(&a, R::DuplicateCaption).len(),
        1,
        "the duplicated caption is shown once"
    );
    assert_eq!(a.captions().count(), 1);
    assert_kept(
        &a,
        &[
            "Die USA und ihre Verbündeten wiesen diese Forderungen zurück.",
            "Sie dürften aber auch bei dem für den 12. Januar geplanten Nato-Russland-Rat Thema sein.",
            "Hintergrund ist ein massiver russischer Truppenaufmarsch an der Grenze zur Ukraine.",
            "die Zusammenarbeit „in allen Bereichen“ auszubauen.",
        ],
    );
    assert_gone(&a, &["Anzeige", "Copyright", "21142 Artikel", "kuratieren"]);
}

#[test]
fn untitled_agency_article() {
    let a = seed("002");
    assert_eq!(
        a.title.origin,
        TitleOrigin::FirstSentence,
        "no headline in the source: say so"
    );
    assert!(a.title.text.starts_with("Im sich aufheizenden Ukraine-Konflikt"));
    let d = a.date.value.unwrap();
    assert_eq!((d.iso(), d.precision()), ("2022-01".into(), DatePrecision::Month));
    assert_eq!(a.date.origin, Some(DateOrigin::Marker));
    assert_eq!(a.outlet, None);
    assert_eq!(
        removed(&a, R::PhotoCredit),
        ["(Foto: picture alliance / ASSOCIATED PRESS)"]
    );
    let captions: Vec<&str> = a.captions().map(|b| b.text.as_str()).collect();
    assert_eq!(
        captions,
        ["Im vergangenen März waren die Präsidenten Erdogan (l.) und Putin einander per Video zugeschaltet."]
    );
    assert_eq!(
        a.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Lead)
            .unwrap()
            .text
            .split(". ")
            .count(),
        3
    );
    assert_kept(
        &a,
        &[
            "Der NATO-Staat Türkei wies dies zurück: Ankara könne nicht für den Einsatz türkischer Drohnen durch die Ukraine verantwortlich gemacht werden.",
            "Erdogans Büro erklärte, beide Seiten hätten \"Schritte zur Verbesserung der türkisch-russischen Beziehungen\" erörtert",
        ],
    );
    assert_gone(&a, &["date 2022-01", "Foto:"]);
}

#[test]
fn news_de_article() {
    let a = seed("003");
    assert_eq!(
        a.title.text,
        "Wladimir Putin: Kreml-Chef ist völlig verzweifelt! Deshalb fleht er jetzt um Hilfe"
    );
    assert_eq!(
        a.date.value, None,
        "'Am 5. August 2022' is an event in the text, not the publication date"
    );
    assert_eq!(a.outlet.as_ref().unwrap().name, "news.de");
    assert_eq!(a.agencies, ["dpa"]);
    assert_eq!(removed(&a, R::SectionLabel), ["Politik"]);
    assert_eq!(removed(&a, R::ShareButtons).len(), 1);
    assert_eq!(removed(&a, R::ReadAlso).len(), 1);
    assert_eq!(removed(&a, R::SocialPromo).len(), 1);
    assert_eq!(removed(&a, R::Topics), ["Themen"]);
    assert_eq!(a.captions().count(), 1);
    let subheadings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        subheadings,
        [
            "Wladimir Putin völlig verzweifelt? Kreml-Chef fleht Erdogan angeblich um Hilfe an",
            "Erdogan trifft Putin in Sotschi"
        ]
    );
    assert_kept(
        &a,
        &[
            "Wladimir Putin scheint verzweifelt.",
            "Am 5. August 2022 treffen sich Putin und Erdogan erneut.",
            "Bereits in den vergangenen Wochen soll Putin scheinbar \"mehrere Hundert\" Drohnen aus dem Iran erhalten haben.",
            "zuletzt eine Vereinbarung zur Wiederaufnahme der Getreidelieferungen über die ukrainischen Seehäfen vermittelt.",
        ],
    );
    assert_gone(
        &a,
        &["Artikel teilen", "Lesen Sie auch", "Folgen Sie", "Themen", "/gom/"],
    );
}

#[test]
fn ria_style_article() {
    let a = seed("004");
    assert_eq!(a.title.origin, TitleOrigin::FirstSentence);
    assert_eq!(a.date.value.unwrap().iso(), "2017-07");
    assert!(
        a.blocks[0].text.starts_with("In Peking hat jüngst"),
        "marker removed, rest of the line kept"
    );
    assert_eq!(a.blocks.iter().filter(|b| b.kind == BlockKind::Quote).count(), 2);
    assert_kept(
        &a,
        &[
            "Wassili Kaschin vom russischen Institut für Orientalistik sagte:",
            "Aber das faktische Kooperationsniveau zwischen ihren Streitkräften ist für Verbündete durchaus typisch.",
            "Bald beginnen die Lieferungen von Raketenkomplexen S-400 an das Reich der Mitte.",
        ],
    );
}

/// Every line of each seed is accounted for: kept in the clean text, or removed with a reason.
#[test]
fn nothing_of_the_body_is_lost() {
    use presseschau::core::corpus::LineRole;
    for a in Corpus::from_seeds().articles {
        let text = a.text();
        for line in &a.lines {
            if line.role == LineRole::Kept {
                let t = line.text.trim();
                // captions keep their text, but their credit moves to `credits`
                let core = t.split("Bild:").next().unwrap().trim().trim_end_matches(" -");
                assert!(
                    text.contains(core),
                    "{}: kept line missing from text: {t}",
                    a.source_file
                );
            }
        }
    }
}
