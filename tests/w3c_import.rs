//! Issue 14: notes survive every path in and out. Imports written the way other tools write them
//! (Hypothesis: quote first, the page's web address as source, a text/markdown body, tags, a position in
//! *its* page; Recogito: `#uuid` ids, no source, replies with creators, `purpose` lists), each checked for
//! what is kept; the merge by instant; a round trip that loses nothing; adopting twice; two tabs.

use presseschau::core::annotations::w3c::{self, ArticleRef, ExportOptions, Placement};
use presseschau::core::annotations::{Annotation, AnnotationId, AnnotationSet, Color, MergeOutcome, anchor};
use presseschau::core::corpus::{Article, Corpus};
use serde_json::{Value, json};

const NOW: &str = "2026-12-04T16:00:00Z";

fn seeds() -> Corpus {
    Corpus::from_seeds()
}

/// The seeds and their clean texts (what import and export place notes in).
fn seeds_with_texts() -> (Corpus, Vec<String>) {
    let corpus = seeds();
    let texts = corpus.articles.iter().map(Article::text).collect();
    (corpus, texts)
}

/// The articles as import sees them; the first one gets a web address (as front matter would give it).
fn refs<'a>(corpus: &'a Corpus, texts: &'a [String]) -> Vec<ArticleRef<'a>> {
    corpus
        .articles
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (a, t))| ArticleRef {
            id: &a.id,
            url: if i == 0 {
                Some("https://www.dw.com/de/ein-artikel/a-123")
            } else {
                a.url.as_deref()
            },
            text: t,
        })
        .collect()
}

/// A passage of about 60 code points from the middle of an article, starting and ending at a space.
fn passage(article: &Article) -> (usize, usize, String) {
    let text = article.text();
    let chars: Vec<char> = text.chars().collect();
    let s = (chars.len() / 2..chars.len()).find(|&k| chars[k] == ' ').unwrap() + 1;
    let e = (s + 60..chars.len()).find(|&k| chars[k] == ' ').unwrap();
    (s, e, chars[s..e].iter().collect())
}

fn hypothesis(quote: &str, source: &str) -> Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "https://hypothes.is/a/AbC123xyz",
        "created": "2026-12-04T13:00:00.000000+00:00",
        "modified": "2026-12-04T15:30:00.000000+02:00",
        "creator": "acct:lehrerin@hypothes.is",
        "body": [
            { "type": "TextualBody", "value": "**Wichtig** für Donnerstag", "format": "text/markdown" },
            { "type": "TextualBody", "purpose": "tagging", "value": "Rüstung" }
        ],
        "target": [{
            "source": source,
            "selector": [
                { "type": "RangeSelector", "startContainer": "/main[1]/div[2]/p[7]", "startOffset": 0,
                  "endContainer": "/main[1]/div[2]/p[7]", "endOffset": 85 },
                { "type": "TextPositionSelector", "start": 2424, "end": 2509 },
                { "type": "TextQuoteSelector", "exact": quote, "prefix": "xx", "suffix": "yy" }
            ]
        }]
    })
}

#[test]
fn hypothesis_quote_first_with_web_address_is_placed_and_kept_whole() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (s, e, quote) = passage(&corpus.articles[0]);
    let doc = hypothesis(&quote, "https://dw.com/de/ein-artikel/a-123?maca=de-rss#top");
    let (set, report) = w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap();
    assert_eq!(report.notes.len(), 1);
    let n = &report.notes[0];
    assert_eq!(n.merge, MergeOutcome::Added);
    assert_eq!(
        n.placement,
        Placement::Moved,
        "the file's position belongs to its own page"
    );
    let a = &set.items()[0];
    assert_eq!(
        a.id.0, "https://hypothes.is/a/AbC123xyz",
        "foreign ids are kept, not wrapped"
    );
    assert_eq!(a.article_id, corpus.articles[0].id);
    assert_eq!((a.position.start, a.position.end), (s, e));
    assert_eq!(
        a.quote,
        anchor::select(&texts[0], s, e).unwrap().quote,
        "context made anew from the text"
    );
    assert_eq!(a.note.as_deref(), Some("**Wichtig** für Donnerstag"));
    assert_eq!(a.tags, vec!["Rüstung".to_string()]);
    // Export: the selectors agree, the foreign parts come back unchanged.
    let out = w3c::export_with(
        &set,
        None,
        &ExportOptions {
            articles: &articles,
            creator: Some("Herr K."),
        },
    );
    assert!(w3c::validate(&out).is_empty(), "{:?}", w3c::validate(&out));
    let item = &out["first"]["items"][0];
    assert_eq!(item["id"], "https://hypothes.is/a/AbC123xyz");
    assert_eq!(
        item["creator"], "acct:lehrerin@hypothes.is",
        "their creator, not the reader's name"
    );
    assert_eq!(item["modified"], "2026-12-04T15:30:00.000000+02:00");
    assert_eq!(item["body"][0]["format"], "text/markdown");
    let selectors = item["target"]["selector"].as_array().unwrap();
    let pos = selectors.iter().find(|x| x["type"] == "TextPositionSelector").unwrap();
    let q = selectors.iter().find(|x| x["type"] == "TextQuoteSelector").unwrap();
    let slice: String = texts[0]
        .chars()
        .skip(pos["start"].as_u64().unwrap() as usize)
        .take(quote.chars().count())
        .collect();
    assert_eq!(slice, q["exact"].as_str().unwrap());
    assert!(
        selectors.iter().any(|x| x["type"] == "RangeSelector"),
        "other selectors are kept"
    );
    assert_eq!(
        item["target"]["source"],
        "https://dw.com/de/ein-artikel/a-123?maca=de-rss#top"
    );
}

#[test]
fn an_older_import_does_not_overwrite_a_newer_note() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (_, _, quote) = passage(&corpus.articles[0]);
    let doc = hypothesis(&quote, "https://www.dw.com/de/ein-artikel/a-123");
    let (mut set, _) = w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap();
    // The reader edits it at 14:55:05 UTC; the file's modified is 15:30+02:00 = 13:30 UTC, older.
    let id = set.items()[0].id.clone();
    let edit = presseschau::core::annotations::AnnotationEdit {
        note: Some(Some("meine Fassung".into())),
        ..Default::default()
    };
    set.update(&id, edit, "2026-12-04T14:55:05Z").unwrap();
    let (after, report) = w3c::import_into(&doc.to_string(), &set, NOW, &articles).unwrap();
    assert_eq!(report.notes[0].merge, MergeOutcome::Kept);
    assert_eq!(after.items()[0].note.as_deref(), Some("meine Fassung"));
    // A file changed later than the reader's edit does update it.
    let mut newer = doc.clone();
    newer["modified"] = json!("2026-12-04T17:00:00+02:00");
    let (after, report) = w3c::import_into(&newer.to_string(), &set, NOW, &articles).unwrap();
    assert_eq!(report.notes[0].merge, MergeOutcome::Updated);
    assert_eq!(after.items()[0].note.as_deref(), Some("**Wichtig** für Donnerstag"));
}

#[test]
fn recogito_without_source_with_replies_and_purpose_lists_keeps_everything() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (s, e, quote) = passage(&corpus.articles[2]);
    let doc = json!([{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "#a88b22d0-6106-4872-9435-c78b5e89fede",
        "type": "Annotation",
        "body": [
            { "type": "TextualBody", "value": "Quelle prüfen", "purpose": ["commenting"],
              "creator": { "id": "https://recogito.example/u/jane", "name": "Jane" }, "created": "2026-11-30T09:00:00Z" },
            { "type": "TextualBody", "value": "Erledigt, stimmt.", "purpose": "replying",
              "creator": { "id": "https://recogito.example/u/max", "name": "Max" } },
            { "type": "TextualBody", "value": "Quellenkritik", "purpose": "tagging" },
            { "type": "SpecificResource", "purpose": "linking", "source": "https://www.wikidata.org/wiki/Q43" }
        ],
        "target": { "selector": [{ "type": "TextQuoteSelector", "exact": quote }] }
    }]);
    let (set, report) = w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap();
    assert_eq!(report.notes.len(), 1);
    let a = &set.items()[0];
    assert_eq!(a.article_id, corpus.articles[2].id, "found by its quote");
    assert_eq!((a.position.start, a.position.end), (s, e));
    assert_eq!(a.note.as_deref(), Some("Quelle prüfen"));
    assert_eq!(a.tags, vec!["Quellenkritik".to_string()]);
    let out = w3c::export_with(
        &set,
        None,
        &ExportOptions {
            articles: &articles,
            creator: None,
        },
    );
    let item = &out["first"]["items"][0];
    assert_eq!(item["id"], "#a88b22d0-6106-4872-9435-c78b5e89fede");
    let bodies = item["body"].as_array().unwrap();
    assert_eq!(bodies[0]["creator"]["name"], "Jane");
    assert_eq!(bodies[0]["purpose"], json!(["commenting"]));
    assert!(
        bodies
            .iter()
            .any(|b| b["value"] == "Erledigt, stimmt." && b["creator"]["name"] == "Max")
    );
    assert!(
        bodies
            .iter()
            .any(|b| b["source"] == "https://www.wikidata.org/wiki/Q43")
    );
}

#[test]
fn body_value_several_targets_and_unknown_places_are_reported_not_dropped() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (_, _, q0) = passage(&corpus.articles[0]);
    let (_, _, q1) = passage(&corpus.articles[1]);
    let urn = |i: usize| format!("urn:presseschau:article:{}", corpus.articles[i].id);
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "id": "https://example.org/page/1",
        "items": [
            { "id": "https://example.org/a/1", "type": "Annotation", "bodyValue": "zwei Stellen",
              "target": [
                  { "source": urn(0), "selector": { "type": "TextQuoteSelector", "exact": q0 } },
                  { "source": urn(1), "selector": { "type": "TextQuoteSelector", "exact": q1 } }
              ] },
            { "id": "https://example.org/a/2", "type": "Annotation", "bodyValue": "steht nicht im Text",
              "target": { "source": urn(0), "selector": { "type": "TextQuoteSelector", "exact": "Dieser Satz kommt im Artikel nicht vor." } } },
            { "id": "https://example.org/a/3", "type": "Annotation", "bodyValue": "anderer Artikel",
              "target": { "source": "https://example.org/ganz-woanders", "selector": { "type": "TextQuoteSelector", "exact": "kommt nirgends vor, nirgends" } } },
            { "id": "https://example.org/a/4", "type": "Annotation", "bodyValue": "die ganze Seite",
              "target": "https://example.org/ganz-woanders" }
        ]
    });
    let (set, report) = w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap();
    assert_eq!(
        set.len(),
        4,
        "two notes for two targets, and both unplaced ones are kept"
    );
    assert_eq!(set.items()[0].note_format.as_deref(), Some("text/plain"));
    assert_eq!(report.unplaced().len(), 2);
    assert_eq!(report.notes[2].placement, Placement::NotInText);
    assert!(matches!(report.notes[3].placement, Placement::UnknownArticle { .. }));
    assert_eq!(report.skipped.len(), 1, "a page note has no passage and is reported");
    // Export joins the two targets again under the original id.
    let out = w3c::export_with(
        &set,
        None,
        &ExportOptions {
            articles: &articles,
            creator: None,
        },
    );
    let items = out["first"]["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], "https://example.org/a/1");
    assert_eq!(items[0]["target"].as_array().unwrap().len(), 2);
    // The orphan's export has no position that contradicts its quote.
    let orphan = items.iter().find(|i| i["id"] == "https://example.org/a/2").unwrap();
    assert!(
        orphan["target"]["selector"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["type"] != "TextPositionSelector")
    );
    assert!(w3c::validate(&out).is_empty(), "{:?}", w3c::validate(&out));
}

#[test]
fn a_quote_that_occurs_twice_is_placed_at_the_first_and_said_so() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let doc = json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://x.org/1", "type": "Annotation",
        "target": { "source": format!("urn:presseschau:article:{}", corpus.articles[0].id),
                    "selector": { "type": "TextQuoteSelector", "exact": "die" } } });
    let (set, report) = w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap();
    let first = texts[0].find("die").map(|b| texts[0][..b].chars().count()).unwrap();
    assert_eq!(set.items()[0].position.start, first);
    assert!(matches!(report.notes[0].placement, Placement::FirstOf { count } if count > 1));
}

#[test]
fn a_wrong_context_or_a_huge_file_is_refused_and_nothing_changes() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (_, _, quote) = passage(&corpus.articles[0]);
    let mut doc = hypothesis(&quote, "https://www.dw.com/de/ein-artikel/a-123");
    doc["@context"] = json!("http://schema.org/");
    assert!(w3c::import_into(&doc.to_string(), &AnnotationSet::new(), NOW, &articles).is_err());
    let mut long = hypothesis(&quote, "https://www.dw.com/de/ein-artikel/a-123");
    long["body"][0]["value"] = json!("x".repeat(presseschau::core::annotations::MAX_NOTE_BYTES + 1));
    let err = w3c::import_into(&long.to_string(), &AnnotationSet::new(), NOW, &articles).unwrap_err();
    assert_eq!(
        err.note_too_long,
        Some((1, presseschau::core::annotations::MAX_NOTE_BYTES + 1))
    );
    let huge = " ".repeat(w3c::MAX_IMPORT_BYTES + 1);
    let err = w3c::import_into(&huge, &AnnotationSet::new(), NOW, &articles).unwrap_err();
    assert_eq!(err.too_large, Some(w3c::MAX_IMPORT_BYTES + 1));
}

#[test]
fn own_export_round_trips_byte_for_byte_with_web_addresses() {
    let (corpus, texts) = seeds_with_texts();
    let articles = refs(&corpus, &texts);
    let (s, e, _) = passage(&corpus.articles[0]);
    let a = Annotation::new(
        AnnotationId::generate(1_700_000_000_000, 1),
        corpus.articles[0].id.clone(),
        anchor::select(&texts[0], s, e).unwrap(),
        Color::Blue,
        Some("Notiz".into()),
        vec!["A".into()],
        "2026-12-01T10:00:00Z",
    )
    .unwrap();
    let set = AnnotationSet::from_vec(vec![a]).unwrap();
    let options = ExportOptions {
        articles: &articles,
        creator: Some("Frau M."),
    };
    let first = w3c::export_string_with(&set, None, &options);
    let item: Value = serde_json::from_str(&first).unwrap();
    let item = &item["first"]["items"][0];
    assert_eq!(item["target"]["source"], "https://www.dw.com/de/ein-artikel/a-123");
    assert_eq!(
        item["target"]["scope"],
        format!("urn:presseschau:article:{}", corpus.articles[0].id)
    );
    assert_eq!(item["creator"]["name"], "Frau M.");
    assert_eq!(item["generator"]["name"], "Presseschau");
    let (back, _) = w3c::import_into(&first, &AnnotationSet::new(), NOW, &articles).unwrap();
    assert_eq!(
        w3c::export_string_with(&back, None, &options),
        first,
        "export → import → export is byte-identical"
    );
    let mut plain = back.items()[0].clone();
    let foreign = plain.foreign.take().unwrap();
    assert_eq!(
        foreign.properties.keys().collect::<Vec<_>>(),
        vec!["creator"],
        "only the creator is kept aside"
    );
    assert_eq!(AnnotationSet::from_vec(vec![plain]).unwrap(), set);
}

#[test]
fn reconcile_keeps_both_tabs_changes() {
    let corpus = seeds();
    let text = corpus.articles[0].text();
    let note = |n: u64, words: &str, when: &str| {
        Annotation::new(
            AnnotationId::generate(1_700_000_000_000 + n, n),
            corpus.articles[0].id.clone(),
            anchor::select(&text, 10 * n as usize, 10 * n as usize + 5).unwrap(),
            Color::Yellow,
            Some(words.into()),
            vec![],
            when,
        )
        .unwrap()
    };
    let base = AnnotationSet::from_vec(vec![
        note(1, "eins", "2026-12-01T00:00:00Z"),
        note(2, "zwei", "2026-12-01T00:00:00Z"),
    ])
    .unwrap();
    // Tab A (mine) imports note 3 and removes note 2; tab B (theirs, already saved) adds note 4 and edits note 1.
    let mut mine = base.clone();
    mine.add(note(3, "drei", "2026-12-02T00:00:00Z")).unwrap();
    mine.remove(&note(2, "", "x").id).unwrap();
    let mut theirs = base.clone();
    theirs.add(note(4, "vier", "2026-12-02T00:00:00Z")).unwrap();
    let edit = presseschau::core::annotations::AnnotationEdit {
        note: Some(Some("eins, geändert".into())),
        ..Default::default()
    };
    theirs
        .update(&note(1, "", "x").id, edit, "2026-12-03T00:00:00Z")
        .unwrap();
    let joined = mine.reconcile(&base, &theirs);
    let notes: Vec<&str> = joined.items().iter().filter_map(|a| a.note.as_deref()).collect();
    assert_eq!(notes, vec!["eins, geändert", "vier", "drei"]);
    // A removal does not win over the other tab's edit.
    let mut removed = base.clone();
    removed.remove(&note(1, "", "x").id).unwrap();
    assert!(
        removed
            .reconcile(&base, &theirs)
            .items()
            .iter()
            .any(|a| a.note.as_deref() == Some("eins, geändert"))
    );
}
