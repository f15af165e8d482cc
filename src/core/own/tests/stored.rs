use proptest::prelude::*;

use crate::core::corpus::SimpleDate;
use crate::core::own::store::{self, CURRENT_VERSION, OwnArticleV1, StoredArticleProblem, merge};
use crate::core::own::{OwnArticle, read_pasted};

fn saved(title: &str, text: &str, now: &str) -> OwnArticle {
    OwnArticle::new(read_pasted(&format!("{title}\n\n{text}")).unwrap(), now)
}

#[test]
fn a_record_round_trips() {
    let a = saved(
        "Ein Titel zum Speichern hier",
        "Text eins. Text zwei.",
        "2024-05-01T10:00:00Z",
    );
    let decoded = store::decode(&store::encode(&a)).unwrap();
    assert_eq!((decoded.article, decoded.migrated_from), (a, None));
}

#[test]
fn a_version_1_record_is_migrated() {
    let v1 = r#"{"version":1,"article":{"id":"abc123","title":"Alt","date":"2022-01","outlet":"DW",
        "text":"Erster Absatz mit *Stern*.\n\nZweiter Absatz.","added":"2024-01-02T03:04:05Z"}}"#;
    let decoded = store::decode(v1).unwrap();
    assert_eq!(decoded.migrated_from, Some(1));
    let a = decoded.article;
    assert_eq!(
        (a.id.0.as_str(), a.added.as_str(), a.modified.as_str()),
        ("abc123", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z")
    );
    assert_eq!(
        a.draft.date,
        Some(SimpleDate {
            year: 2022,
            month: Some(1),
            day: None
        })
    );
    assert_eq!(a.draft.outlet.as_deref(), Some("DW"));
    let article = a.draft.to_article().unwrap();
    // The star was text in version 1 and stays text: escaped in the Markdown body.
    assert_eq!(article.text(), "Erster Absatz mit *Stern*.\n\nZweiter Absatz.");
    // Written again, it is a current record that reads back the same.
    let again = store::decode(&store::encode(&a)).unwrap();
    assert_eq!((again.article, again.migrated_from), (a, None));
    // A v1 date that is not a date is dropped, not an error.
    let odd = migrate(OwnArticleV1 {
        id: "x".into(),
        title: "t".into(),
        date: Some("gestern".into()),
        outlet: None,
        text: "Text.".into(),
        added: "2024-01-01T00:00:00Z".into(),
    });
    assert_eq!(odd.draft.date, None);
}

fn migrate(a: OwnArticleV1) -> OwnArticle {
    store::migrate_v1(a)
}

#[test]
fn unreadable_records_keep_the_raw_data() {
    for (raw, problem) in [
        ("", "corrupt"),
        ("{\"version\":2", "corrupt"),
        ("{\"article\":{}}", "missing"),
        ("{\"version\":99,\"article\":{}}", "unknown"),
        ("{\"version\":2,\"article\":{\"id\":1}}", "shape"),
        ("{\"version\":1,\"article\":{\"id\":\"x\"}}", "shape"),
    ] {
        let err = store::decode(raw).unwrap_err();
        assert_eq!(err.raw, raw);
        let kind = match err.problem {
            StoredArticleProblem::Corrupt(_) => "corrupt",
            StoredArticleProblem::MissingVersion => "missing",
            StoredArticleProblem::UnknownVersion { found, supported } => {
                assert_eq!((found, supported), (99, CURRENT_VERSION));
                "unknown"
            }
            StoredArticleProblem::BadShape { .. } => "shape",
        };
        assert_eq!(kind, problem, "{raw}");
    }
}

#[test]
fn two_tabs_merge_without_losing_anything() {
    let a = saved("Artikel A aus Tab eins", "Text A. Mehr Text.", "2024-05-01T10:00:00Z");
    let b = saved("Artikel B aus Tab zwei", "Text B. Mehr Text.", "2024-05-01T10:00:01Z");
    let c = saved(
        "Artikel C aus beiden Tabs",
        "Text C. Mehr Text.",
        "2024-05-01T10:00:02Z",
    );
    let mut c_deleted = c.clone();
    c_deleted.delete("2024-05-01T11:00:00+02:00"); // 09:00 UTC: earlier than c's creation
    let mut c_renamed = c.clone();
    c_renamed.draft.title = "Neuer Titel".into();
    c_renamed.modified = "2024-05-01T10:05:00Z".into();
    let (merged, report) = merge(&[a.clone(), c_deleted], &[b.clone(), c_renamed.clone()]);
    assert_eq!(merged, [a.clone(), c_renamed.clone(), b.clone()]);
    assert_eq!((report.added, report.updated), (vec![b.id.clone()], vec![c.id.clone()]));
    // A later deletion wins, and stays a mark that undo can clear.
    let mut c_gone = c_renamed.clone();
    c_gone.delete("2024-05-01T10:06:00Z");
    let (merged, _) = merge(&[c_renamed], &[c_gone.clone()]);
    assert_eq!(merged, [c_gone]);
}

fn record(id: u8, minute: u8) -> OwnArticle {
    let mut a = saved(
        &format!("Titel Nummer {id} im Test"),
        &format!("Text {id}. Noch ein Satz."),
        "2024-01-01T00:00:00Z",
    );
    a.modified = format!("2024-01-01T00:{minute:02}:00Z");
    a
}

proptest! {
    #[test]
    fn merge_keeps_every_id_once_and_the_latest_record(
        ours in prop::collection::vec((0u8..6, 0u8..60), 0..8),
        theirs in prop::collection::vec((0u8..6, 0u8..60), 0..8),
    ) {
        let ours: Vec<OwnArticle> = ours.into_iter().map(|(i, m)| record(i, m)).collect();
        let theirs: Vec<OwnArticle> = theirs.into_iter().map(|(i, m)| record(i, m)).collect();
        let (merged, _) = merge(&ours, &theirs);
        for a in ours.iter().chain(&theirs) {
            let kept: Vec<&OwnArticle> = merged.iter().filter(|m| m.id == a.id).collect();
            prop_assert_eq!(kept.len(), 1);
            prop_assert!(kept[0].modified >= a.modified);
        }
        prop_assert_eq!(merged.len(), {
            let mut ids: Vec<_> = ours.iter().chain(&theirs).map(|a| a.id.clone()).collect();
            ids.sort();
            ids.dedup();
            ids.len()
        });
        // Merging again changes nothing.
        let (again, report) = merge(&merged, &theirs);
        prop_assert_eq!(again, merged);
        prop_assert!(report.added.is_empty() && report.updated.is_empty());
    }
}
