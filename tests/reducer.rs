//! The app reducer, natively: it delegates to core functions and never panics on bad actions.
#![cfg(feature = "web")]

use std::rc::Rc;

use presseschau::core::analysis::entities::EntityKind;
use presseschau::core::annotations::{Annotation, AnnotationEdit, AnnotationId, Color, anchor::select};
use presseschau::ui::state::{ALL_KINDS, Action, AppState, StorageStatus, parse_kinds};
use yew::Reducible;

fn state() -> Rc<AppState> {
    Rc::new(AppState::from_seeds())
}

fn note_on_first_article(s: &AppState, id: &str) -> Annotation {
    let a = &s.corpus.articles[0];
    let text = a.text();
    Annotation::new(
        AnnotationId(id.into()),
        a.id.clone(),
        select(&text, 0, 20).unwrap(),
        Color::Blue,
        Some("Notiz".into()),
        vec!["tag".into()],
        "2026-11-21T10:00:00Z",
    )
    .unwrap()
}

#[test]
fn add_edit_remove_and_undo_an_annotation() {
    let s = state();
    let a = note_on_first_article(&s, "n1");
    let s = s.reduce(Action::AddAnnotation(a.clone()));
    assert_eq!(s.annotations.len(), 1);
    let s = s.reduce(Action::EditAnnotation {
        id: a.id.clone(),
        edit: AnnotationEdit {
            note: Some(Some("Neu".into())),
            tags: None,
            color: Some(Color::Pink),
        },
        now: "2026-11-21T11:00:00Z".into(),
    });
    let edited = s.annotations.get(&a.id).unwrap();
    assert_eq!((edited.note.as_deref(), edited.color), (Some("Neu"), Color::Pink));
    let s = s.reduce(Action::RemoveAnnotation(a.id.clone()));
    assert!(s.annotations.is_empty());
    assert!(s.undo.is_some());
    let s = s.reduce(Action::Undo);
    assert_eq!(s.annotations.len(), 1);
    assert!(s.undo.is_none());
}

#[test]
fn bad_actions_become_notices_not_panics() {
    let s = state();
    let a = note_on_first_article(&s, "dup");
    let s = s
        .reduce(Action::AddAnnotation(a.clone()))
        .reduce(Action::AddAnnotation(a));
    assert_eq!(s.annotations.len(), 1);
    assert!(s.notice.as_ref().is_some_and(|n| n.is_error));
    let s = s.reduce(Action::RemoveAnnotation(AnnotationId("missing".into())));
    assert!(s.notice.as_ref().is_some_and(|n| n.is_error));
    let s = s.reduce(Action::DismissNotice);
    assert!(s.notice.is_none());
    let s = s.reduce(Action::Undo); // nothing to undo
    assert_eq!(s.annotations.len(), 1);
}

#[test]
fn kind_toggles_and_all_off() {
    let s = state().reduce(Action::ToggleKind(EntityKind::Person));
    assert_eq!(s.hidden_kinds, [EntityKind::Person]);
    let s = s.reduce(Action::ToggleKind(EntityKind::Person));
    assert!(s.hidden_kinds.is_empty());
    let s = s.reduce(Action::SetAllKinds(false));
    assert_eq!(s.hidden_kinds.len(), ALL_KINDS.len());
    let s = s.reduce(Action::SetAllKinds(true));
    assert!(s.hidden_kinds.is_empty());
    assert_eq!(
        parse_kinds("person, date,unknown"),
        [EntityKind::Person, EntityKind::Date]
    );
}

#[test]
fn corrupt_storage_is_kept_aside_and_never_saved_over_when_it_could_not_be() {
    let raw = "{\"version\": 2, \"annotations\": [ {broken";
    let mut kept = String::new();
    let s = AppState::from_seeds().with_stored(Ok(Some(raw.into())), |r| {
        kept = r.to_string();
        true
    });
    assert_eq!(kept, raw);
    assert!(matches!(&s.storage, StorageStatus::Unreadable { raw: r, kept_aside: true, .. } if &**r == raw));
    assert!(s.storage.may_save(), "kept aside: the main key may be written again");
    let s = AppState::from_seeds().with_stored(Ok(Some(raw.into())), |_| false);
    assert!(!s.storage.may_save(), "not kept aside: never overwrite it");
    let s = AppState::from_seeds().with_stored(Err(()), |_| true);
    assert_eq!(s.storage, StorageStatus::Unavailable);
    let future = "{\"version\": 99, \"annotations\": []}";
    let s = AppState::from_seeds().with_stored(Ok(Some(future.into())), |_| true);
    assert!(
        matches!(&s.storage, StorageStatus::Unreadable { problem, .. } if matches!(problem, presseschau::core::annotations::codec::StoredDataProblem::UnknownVersion { .. }))
    );
}

#[test]
fn stored_annotations_load() {
    let s = state();
    let a = note_on_first_article(&s, "stored");
    let mut set = presseschau::core::annotations::AnnotationSet::new();
    set.add(a).unwrap();
    let raw = presseschau::core::annotations::codec::encode(&set);
    let loaded = AppState::from_seeds().with_stored(Ok(Some(raw)), |_| panic!("nothing to keep aside"));
    assert_eq!(loaded.annotations.len(), 1);
    assert_eq!(loaded.storage, StorageStatus::Ok);
}

#[test]
fn a_change_made_while_a_write_was_on_its_way_is_kept() {
    use presseschau::core::annotations::AnnotationSet;
    let s = state();
    let mut stored = AnnotationSet::new();
    stored.add(note_on_first_article(&s, "stored")).unwrap();
    let s = s.reduce(Action::ReplaceAnnotations(stored.clone()));
    // the page's first write is made from the stored note; before its result arrives, an import adds one
    let mut imported = stored.clone();
    imported.add(note_on_first_article(&s, "imported")).unwrap();
    let s = s.reduce(Action::ReplaceAnnotations(imported.clone()));
    let s = s.reduce(Action::StorageWritten {
        from: stored.clone(),
        written: stored.clone(),
    });
    assert_eq!(*s.annotations, imported, "the imported note stays");
    assert_eq!(*s.stored_base, stored);
    // another tab's note in the write (joined from storage) is shown too
    let mut theirs = stored.clone();
    theirs.add(note_on_first_article(&s, "theirs")).unwrap();
    let s = s.reduce(Action::StorageWritten {
        from: stored.clone(),
        written: theirs,
    });
    assert_eq!(s.annotations.len(), 3);
}

#[test]
fn names_of_the_model_come_after_start_up_and_only_once() {
    use presseschau::core::corpus::Corpus;
    let text = "Politik\n\nNeuer Minister für Landwirtschaft\n\nDer neue Landwirtschaftsminister Gerold Wunderlich \
        (SPD) besuchte am Montag die Stadt Kleinmachnow. Gerold Wunderlich werde auch die Firma Agrartechnik Brandenburg \
        GmbH besuchen.";
    let corpus = || Corpus::from_sources([("x.txt", text.as_bytes())]);
    // the app starts without them …
    let start = Rc::new(AppState::without_names(corpus()));
    assert!(start.detected.is_none());
    // … and one action adds exactly what the eager constructor computes
    let ready = start.clone().reduce(Action::DetectNames);
    let names = ready.detected.as_ref().expect("the names are there");
    assert!(
        names.groups.iter().any(|g| g.label.contains("Wunderlich")),
        "{:?}",
        names.groups
    );
    assert_eq!(ready.detected, AppState::new(corpus()).detected);
    assert_eq!(ready.links, start.links);
    // a second one changes nothing
    let again = ready.clone().reduce(Action::DetectNames);
    assert!(Rc::ptr_eq(&again, &ready));
}

/// An own article gets the model's names too: adding it marks the names outdated, and the next
/// `DetectNames` finds them over the whole corpus (the old ones stay shown until then). The reading pages'
/// app, which has no model, never owes any.
#[test]
fn own_articles_get_the_models_names_after_they_are_added() {
    use presseschau::core::own::{self, OwnArticle};
    let text = "Neuer Minister für Landwirtschaft\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) \
                besuchte am Montag die Stadt Kleinmachnow. Gerold Wunderlich werde auch die Firma Agrartechnik \
                Brandenburg GmbH besuchen, sagte seine Sprecherin in Berlin.";
    let draft = own::read_pasted(text).expect("a draft");
    let id = draft.content_id();
    let s = state();
    assert!(!s.names_due(), "the seeds' names are found");
    let before = s.detected.clone();
    let s = s.reduce(Action::OwnAdd(vec![OwnArticle::new(draft, "2026-12-05T00:00:00Z")]));
    assert!(s.corpus.get(&id.0).is_some(), "the own article is in the corpus");
    assert!(s.names_due(), "its names are due");
    assert_eq!(s.detected, before, "the old names stay until then");
    let s = s.reduce(Action::DetectNames);
    assert!(!s.names_due());
    let found = s
        .detected
        .as_ref()
        .expect("names")
        .by_article
        .get(&id)
        .cloned()
        .unwrap_or_default();
    let text = s.corpus.get(&id.0).expect("article").text();
    let names: Vec<String> = found
        .iter()
        .map(|m| text.chars().skip(m.start).take(m.end - m.start).collect())
        .collect();
    assert!(names.iter().any(|n| n == "Gerold Wunderlich"), "{names:?}");
    let again = s.clone().reduce(Action::DetectNames);
    assert!(Rc::ptr_eq(&s, &again), "nothing owed, nothing done");

    let mut reading = (*state()).clone();
    reading.engine = presseschau::ui::state::Engine::NONE;
    reading.detected = None;
    assert!(!reading.names_due(), "the reading app has no model");
}
