//! Annotations: set operations, re-anchoring on the seeds (acceptance threshold), storage codec with
//! migration, W3C export/import, links, handout.

use presseschau::core::annotations::anchor::{self, Anchoring};
use presseschau::core::annotations::codec::{self, StoredDataProblem};
use presseschau::core::annotations::link::{self, LinkError};
use presseschau::core::annotations::{
    Annotation, AnnotationEdit, AnnotationError, AnnotationId, AnnotationSet, Color, Filter, handout, w3c,
};
use presseschau::core::corpus::{Article, Corpus};
use presseschau::lab::anchor_bench as bench;
use serde_json::{Value, json};

fn seeds() -> Corpus {
    Corpus::from_seeds()
}

/// Annotations on every 3rd sentence-ish chunk of an article: `n` passages of about `len` code points.
fn sample(article: &Article, n: usize, note_words: usize) -> Vec<Annotation> {
    let text = article.text();
    let len = text.chars().count();
    let mut out = Vec::new();
    for i in 0..n {
        let start = (len / (n + 1)) * (i + 1);
        // Start and end on a space so the range never cuts a character.
        let chars: Vec<char> = text.chars().collect();
        let s = (start..len).find(|&k| chars[k] == ' ').map_or(start, |k| k + 1);
        let e = (s + 60..len).find(|&k| chars[k] == ' ').unwrap_or(len);
        let sel = anchor::select(&text, s, e).unwrap();
        let note = (note_words > 0).then(|| {
            format!(
                "Hier wird deutlich, wie unterschiedlich die Interessen sind; Punkt {} für die Diskussion im Unterricht.",
                i + 1
            )
        });
        out.push(
            Annotation::new(
                AnnotationId(format!(
                    "{}-{}",
                    AnnotationId::generate(1_700_000_000_000 + i as u64, 7919),
                    article.id
                )),
                article.id.clone(),
                sel,
                Color::ALL[i % 5],
                note,
                vec!["Außenpolitik".into(), format!("Thema{}", i % 3)],
                "2024-05-01T10:00:00Z",
            )
            .unwrap(),
        );
    }
    out
}

#[test]
fn reanchoring_rate_on_the_seeds_meets_the_target() {
    let corpus = seeds();
    assert_eq!(corpus.articles.len(), 5);
    let results = bench::run(&corpus.articles);
    let all = bench::total(&results);
    for r in &results {
        println!(
            "{:<18} {}/{} correct, {} wrong, {} orphaned",
            r.name, r.correct, r.total, r.wrong, r.orphaned
        );
    }
    assert!(all.total >= 300, "too few annotations measured: {}", all.total);
    assert!(all.rate() >= 0.95, "re-anchoring rate {:.3} below 0.95", all.rate());
    // Unchanged passages elsewhere in the text must always come back.
    assert_eq!(
        results[1].correct, results[1].total,
        "deleting other sentences lost a passage"
    );
}

#[test]
fn set_operations_and_undo() {
    let corpus = seeds();
    let a = &corpus.articles[0];
    let notes = sample(a, 4, 1);
    let mut set = AnnotationSet::from_vec(notes.clone()).unwrap();
    assert_eq!(set.len(), 4);
    assert!(matches!(
        set.add(notes[0].clone()),
        Err(AnnotationError::DuplicateId { .. })
    ));

    set.update(
        &notes[1].id,
        AnnotationEdit {
            note: Some(Some("Neu".into())),
            tags: Some(vec!["Rüstung".into(), " rüstung ".into()]),
            color: Some(Color::Purple),
        },
        "2024-05-02T08:00:00Z",
    )
    .unwrap();
    let u = set.get(&notes[1].id).unwrap();
    assert_eq!(
        (u.note.as_deref(), u.tags.len(), u.color),
        (Some("Neu"), 1, Color::Purple)
    );
    assert_eq!(u.modified, "2024-05-02T08:00:00Z");
    assert_eq!(u.created, "2024-05-01T10:00:00Z");

    let before = set.clone();
    let bad = set.update(
        &notes[1].id,
        AnnotationEdit {
            tags: Some(vec!["x".repeat(200)]),
            ..AnnotationEdit::default()
        },
        "2024-05-03T00:00:00Z",
    );
    assert!(bad.is_err());
    assert_eq!(set, before, "a failed update changed the set");

    let removed = set.remove(&notes[2].id).unwrap();
    assert_eq!(removed.index, 2);
    assert_eq!(set.len(), 3);
    set.restore(removed).unwrap();
    assert_eq!(set, before);
    assert!(matches!(
        set.remove(&AnnotationId("nope".into())),
        Err(AnnotationError::NotFound { .. })
    ));

    let by_tag = set.filter(&Filter {
        tag: Some("thema0".into()),
        ..Filter::default()
    });
    assert!(by_tag.iter().all(|x| x.tags.iter().any(|t| t == "Thema0")));
    assert!(!by_tag.is_empty());
    let by_color = set.filter(&Filter {
        color: Some(Color::Purple),
        ..Filter::default()
    });
    assert_eq!(by_color.len(), 1);
    // The edited annotation's tags were replaced by "Rüstung".
    assert_eq!(set.all_tags()[0], ("Außenpolitik".to_string(), 3));
    assert!(set.all_tags().contains(&("Rüstung".to_string(), 1)));
}

#[test]
fn merge_keeps_newer_and_never_duplicates() {
    let corpus = seeds();
    let notes = sample(&corpus.articles[1], 3, 1);
    let mut set = AnnotationSet::from_vec(notes[..2].to_vec()).unwrap();
    let mut newer = notes[0].clone();
    newer.note = Some("überarbeitet".into());
    newer.modified = "2025-01-01T00:00:00Z".into();
    let mut older = notes[1].clone();
    older.note = Some("alt".into());
    older.modified = "2020-01-01T00:00:00Z".into();
    let report = set.merge(&[newer.clone(), older, notes[2].clone()]).unwrap();
    assert_eq!((report.added, report.updated, report.kept), (1, 1, 1));
    assert_eq!(set.len(), 3);
    assert_eq!(set.get(&newer.id).unwrap().note.as_deref(), Some("überarbeitet"));
    assert_ne!(set.get(&notes[1].id).unwrap().note.as_deref(), Some("alt"));
}

#[test]
fn codec_round_trip_and_v1_migration() {
    let corpus = seeds();
    let set = AnnotationSet::from_vec(sample(&corpus.articles[2], 3, 1)).unwrap();
    let raw = codec::encode(&set);
    let decoded = codec::decode(&raw).unwrap();
    assert_eq!(decoded.set, set);
    assert_eq!(decoded.migrated_from, None);

    let v1 = json!({
        "version": 1,
        "annotations": [{
            "id": "a1", "article_id": "739c0d08ce81", "exact": "Türkei", "prefix": "Die ", "suffix": " liefert",
            "start": 4, "end": 10, "color": "green", "note": "Wer?", "tags": ["Rüstung"], "created": "2023-03-01T12:00:00Z"
        }]
    })
    .to_string();
    let d = codec::decode(&v1).unwrap();
    assert_eq!(d.migrated_from, Some(1));
    let a = &d.set.items()[0];
    assert_eq!(a.quote.exact, "Türkei");
    assert_eq!((a.position.start, a.position.end), (4, 10));
    assert_eq!(a.color, Color::Green);
    assert_eq!(a.modified, "2023-03-01T12:00:00Z");
    // Saved again, it is v2 and reads back identically.
    assert!(codec::encode(&d.set).contains("\"version\":2"));
    assert_eq!(codec::decode(&codec::encode(&d.set)).unwrap().set, d.set);

    let bad_color = v1.replace("green", "red");
    let err = codec::decode(&bad_color).unwrap_err();
    assert_eq!(err.raw, bad_color);
    assert!(matches!(
        err.problem,
        StoredDataProblem::InvalidAnnotation { index: 0, .. }
    ));
    let future = json!({ "version": 7, "annotations": [] }).to_string();
    assert!(matches!(
        codec::decode(&future).unwrap_err().problem,
        StoredDataProblem::UnknownVersion { found: 7, supported: 2 }
    ));
    let truncated = &raw[..raw.len() / 2];
    let err = codec::decode(truncated).unwrap_err();
    assert_eq!(err.raw, truncated);
    assert!(matches!(err.problem, StoredDataProblem::Corrupt(_)));
}

#[test]
fn w3c_export_validates_and_imports_back() {
    let corpus = seeds();
    let mut all = sample(&corpus.articles[0], 3, 1);
    all.extend(sample(&corpus.articles[3], 2, 0));
    let set = AnnotationSet::from_vec(all).unwrap();
    let doc = w3c::export(&set, None);
    assert_eq!(w3c::validate(&doc), Vec::<String>::new());
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["first"]["items"].as_array().unwrap().len(), 5);
    let item = &doc["first"]["items"][0];
    assert_eq!(item["motivation"], "commenting");
    assert_eq!(item["body"][0]["purpose"], "commenting");
    assert_eq!(item["body"][0]["format"], "text/markdown");
    assert_eq!(item["body"][1]["purpose"], "tagging");
    assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(item["target"]["selector"][1]["type"], "TextPositionSelector");
    assert!(
        item["target"]["source"]
            .as_str()
            .unwrap()
            .starts_with("urn:presseschau:article:")
    );

    let one = w3c::export(&set, Some(&corpus.articles[3].id));
    assert_eq!(one["total"], 2);

    // Import into an empty set gives the same annotations; importing twice adds nothing.
    let text = w3c::export_string(&set, None);
    let (imported, report) = w3c::import(&text, &AnnotationSet::new(), "2024-06-01T00:00:00Z").unwrap();
    assert_eq!(report.added, 5);
    assert_eq!(imported, set);
    let (again, report) = w3c::import(&text, &imported, "2024-06-01T00:00:00Z").unwrap();
    assert_eq!((report.added, report.kept), (0, 5));
    assert_eq!(again, set);
}

#[test]
fn w3c_import_names_the_problem_and_changes_nothing() {
    let corpus = seeds();
    let set = AnnotationSet::from_vec(sample(&corpus.articles[0], 3, 1)).unwrap();
    let doc = w3c::export(&set, None);
    type Tamper = fn(&mut Value);
    let cases: &[(&str, Tamper, &str)] = &[
        (
            "bad purpose",
            |d| d["first"]["items"][2]["body"][0]["purpose"] = json!(["commenting", "gossiping"]),
            "item 3: body 1: purpose \"gossiping\"",
        ),
        (
            "no target",
            |d| {
                d["first"]["items"][0].as_object_mut().unwrap().remove("target");
            },
            "item 1: `target` is missing",
        ),
        (
            "wrong type",
            |d| d["first"]["items"][1]["type"] = json!("Note"),
            "item 2: `type` is not \"Annotation\"",
        ),
        (
            "no context",
            |d| {
                d.as_object_mut().unwrap().remove("@context");
            },
            "`@context` must be",
        ),
        (
            "bad position",
            |d| d["first"]["items"][0]["target"]["selector"][1]["end"] = json!(-3),
            "item 1: target.selector: TextPositionSelector",
        ),
        (
            "body and bodyValue",
            |d| d["first"]["items"][0]["bodyValue"] = json!("zweite Notiz"),
            "item 1: has both `body` and `bodyValue`",
        ),
        (
            "source not an IRI",
            |d| d["first"]["items"][0]["target"]["source"] = json!("kein Link"),
            "item 1: target.source is not an IRI",
        ),
    ];
    let mut target = AnnotationSet::from_vec(sample(&corpus.articles[1], 1, 1)).unwrap();
    let before = target.clone();
    for (name, tamper, want) in cases {
        let mut d = doc.clone();
        tamper(&mut d);
        match w3c::import(&d.to_string(), &target, "2024-06-01T00:00:00Z") {
            Ok(_) => panic!("{name}: import accepted a broken file"),
            Err(e) => assert!(
                e.problems.iter().any(|p| p.starts_with(want)),
                "{name}: expected a problem starting with {want:?}, got {:?}",
                e.problems
            ),
        }
        assert_eq!(target, before);
    }
    assert!(w3c::import("{not json", &target, "x").is_err());
    // And a good file still imports afterwards.
    let (next, _) = w3c::import(&doc.to_string(), &target, "x").unwrap();
    target = next;
    assert_eq!(target.len(), 4);
}

#[test]
fn note_set_links_are_short_enough() {
    let corpus = seeds();
    let mut lengths = Vec::new();
    for n in [1, 5, 10] {
        let notes = sample(&corpus.articles[0], n, 1);
        let value = link::encode_note_set(&notes);
        lengths.push((n, value.len()));
        let back = link::decode_note_set(&value).unwrap();
        assert_eq!(back.len(), n);
        for (b, a) in back.iter().zip(&notes) {
            assert_eq!(b.note, a.note);
            assert_eq!(b.tags, a.tags);
            assert_eq!(b.color, a.color);
            let text = corpus.articles[0].text();
            let placed = b.to_annotation(&text, AnnotationId("r".into()), "now").unwrap();
            assert_eq!(placed.position, a.position);
            assert_eq!(placed.quote.exact, a.quote.exact);
        }
        assert!(
            link::fits_in_link(&notes),
            "{n} notes do not fit: {} chars",
            value.len()
        );
    }
    println!("note-set link lengths (notes, chars): {lengths:?}");
    let many = sample(&corpus.articles[0], 60, 1);
    assert!(!link::fits_in_link(&many));
}

#[test]
fn broken_links_give_clear_errors() {
    let corpus = seeds();
    let value = link::encode_note_set(&sample(&corpus.articles[0], 3, 1));
    type Check = fn(&LinkError) -> bool;
    let cases: Vec<(String, Check)> = vec![
        ("v9.abc".into(), |e| matches!(e, LinkError::UnknownVersion)),
        ("v1.***".into(), |e| matches!(e, LinkError::BadBase64(_))),
        (value[..value.len() - 12].to_string(), |e| {
            matches!(e, LinkError::BadDeflate | LinkError::BadBase64(_))
        }),
        (format!("v1.{}", "A".repeat(40)), |e| {
            matches!(e, LinkError::BadDeflate | LinkError::BadPayload(_))
        }),
    ];
    for (input, ok) in &cases {
        let err = link::decode_note_set(input).unwrap_err();
        assert!(ok(&err), "{input}: unexpected {err:?}");
        assert!(!err.to_string().is_empty());
    }
    // A zip bomb: 1 MB of spaces compresses to about a kilobyte but must be refused.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 1 << 20], 9);
    use base64::Engine;
    let bomb = format!("v1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb));
    assert!(matches!(link::decode_note_set(&bomb), Err(LinkError::TooLarge { .. })));
}

#[test]
fn passage_links_round_trip() {
    let corpus = seeds();
    for article in &corpus.articles {
        let text = article.text();
        let index = anchor::TextIndex::new(&text);
        for a in sample(article, 4, 0) {
            let q = link::encode_passage(&text, &a.selector());
            let p = link::decode_passage(&q).unwrap();
            assert_eq!(
                p.locate(&index).range(),
                Some((a.position.start, a.position.end)),
                "{q}"
            );
        }
    }
    // A quote that occurs twice carries context and finds the right one.
    let text = "Er sagte ja. Dann kam Anna. Sie sagte ja. Ende.";
    let sel = anchor::select(text, 38, 41).unwrap();
    let q = link::encode_passage(text, &sel);
    assert!(q.contains("~p"), "{q}");
    let moved = format!("Neu. {text}");
    let p = link::decode_passage(&q).unwrap();
    assert_eq!(p.locate(&anchor::TextIndex::new(&moved)).range(), Some((43, 46)));
    for bad in ["", "9-3~qx", "1-4", "1-4~zx", "1-4~q%FF", "%FF", "+"] {
        assert!(link::decode_passage(bad).is_err(), "{bad:?} accepted");
    }
    // Without a position, the whole value is the quote (a link written by hand).
    let plain = link::decode_passage("Sie%20sagte+ja").unwrap();
    assert_eq!(
        (plain.position, plain.quote.display()),
        (None, "Sie sagte ja".to_string())
    );
    assert_eq!(plain.locate(&anchor::TextIndex::new(text)).range(), Some((28, 40)));
}

#[test]
fn handout_lists_passages_in_text_order() {
    let corpus = seeds();
    let article = &corpus.articles[1];
    let mut notes = sample(article, 3, 1);
    notes.reverse();
    let mut orphan = notes[0].clone();
    orphan.id = AnnotationId("gone".into());
    orphan.quote.exact = "Dieser Satz steht nirgends im Artikel".into();
    orphan.position.end = orphan.position.start + orphan.quote.exact.chars().count();
    notes.push(orphan);
    let refs: Vec<&Annotation> = notes.iter().collect();
    let md = handout::markdown(
        article,
        &refs,
        &presseschau::ui::text::DE.handout_words(),
        Some("https://example.org/presseschau/a-1.html"),
    );
    assert!(md.starts_with("# "));
    // the page's address under the title, before the first passage
    let page = md
        .find("In Presseschau lesen: <https://example.org/presseschau/a-1.html>")
        .unwrap();
    let first = md.find("Punkt 1 für").unwrap();
    assert!(page < first);
    let third = md.find("Punkt 3 für").unwrap();
    assert!(first < third, "passages not in text order");
    let orphan_at = md.find("nicht mehr gefunden").unwrap();
    assert!(orphan_at > third);
    assert!(md.contains("Schlagwörter: `Außenpolitik`"));
    assert!(md.contains("Gelb"));
}

#[test]
fn orphaned_annotations_keep_their_quote() {
    let corpus = seeds();
    let a = &sample(&corpus.articles[4], 1, 1)[0];
    let other = corpus.articles[0].text();
    assert_eq!(
        anchor::reanchor(&other, &a.quote, Some(a.position)),
        Anchoring::Orphaned
    );
}
