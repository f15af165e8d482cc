use super::*;

#[test]
fn qids_are_checked() {
    for (id, ok) in [
        ("Q7747", true),
        ("Q1", true),
        ("Q0", false),
        ("Q07", false),
        ("Q", false),
        ("q5", false),
    ] {
        assert_eq!(is_qid(id), ok, "{id}");
    }
}

#[test]
fn role_dates_parse_or_fail() {
    assert_eq!(parse_iso("2012-05-07").map(|d| d.iso()), Some("2012-05-07".into()));
    assert_eq!(parse_iso("2012").map(|d| d.iso()), Some("2012".into()));
    for bad in ["2012-13-01", "2023-02-29", "12-05-07", "2012-05-07-1", "heute"] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn problems_find_bad_data() {
    let kb = Kb::from_json(
        r#"[
            {"id":"Q1","kind":"place","label_de":"A","label_en":"A","aliases":["Mali","Politik"]},
            {"id":"Q1","kind":"place","label_de":"B","label_en":"B","aliases":["MALI"]},
            {"id":"Q01","kind":"place","label_de":"C","label_en":"C","aliases":["MIT"],"case_sensitive":["MIT"]},
            {"id":"bad slug","kind":"place","label_de":"D","label_en":"D","aliases":["Mit"]}
        ]"#,
    )
    .unwrap();
    let p = kb.problems();
    assert!(p.contains(&KbProblem::DuplicateId("Q1".into())), "{p:?}");
    assert!(p.contains(&KbProblem::BadId("Q01".into())), "{p:?}");
    assert!(p.contains(&KbProblem::BadId("bad slug".into())), "{p:?}");
    assert!(
        p.iter()
            .any(|x| matches!(x, KbProblem::CommonWord { alias, .. } if alias == "Politik"))
    );
    assert!(
        p.iter()
            .any(|x| matches!(x, KbProblem::AliasCollision { alias, .. } if alias == "Mali"))
    );
    assert!(
        !p.iter()
            .any(|x| matches!(x, KbProblem::AliasCollision { alias, .. } if alias == "MIT"))
    );
}

#[test]
fn bad_kind_and_date_are_errors() {
    let e = Kb::from_json(r#"[{"id":"x","kind":"thing","label_de":"X","label_en":"X"}]"#).unwrap_err();
    assert!(matches!(e, KbError::UnknownKind { .. }));
    let e = Kb::from_json(
        r#"[{"id":"x","kind":"person","label_de":"X","label_en":"X","roles":[{"title":"Chef","from":"gestern"}]}]"#,
    )
    .unwrap_err();
    assert!(matches!(e, KbError::BadRoleDate { .. }));
    assert!(matches!(Kb::from_json("{"), Err(KbError::Json(_))));
}

#[test]
fn compact_format_holds_the_same_entities_as_json() {
    let json = Kb::from_json(KB_JSON).unwrap();
    assert_eq!(json.entities(), kb().entities());
    assert!(
        kb().entities()
            .iter()
            .any(|e| e.label_en == e.label_de && !e.roles.is_empty())
    );
}

#[test]
fn compact_format_edge_cases() {
    let kb = Kb::from_compact(
        "a\tplace\tA-Stadt\t=\t\t=|A|B\n\nb\tperson\tB\tBe\td\t\t\t\tChef~2001~2002-03|Boss~2003-04-05~\tB\tB\n",
    )
    .unwrap();
    let (a, b) = (&kb.entities()[0], &kb.entities()[1]);
    assert_eq!(a.label_en, "A-Stadt");
    assert_eq!(a.aliases, ["A-Stadt", "A", "B"]);
    assert!(a.roles.is_empty() && a.derived.is_empty() && a.description_de.is_empty());
    assert_eq!(b.roles.len(), 2);
    assert_eq!(b.roles[0].to.map(|d| d.iso()), Some("2002-03".into()));
    assert_eq!(b.roles[1].to, None);
    assert_eq!(b.ambiguous, ["B"]);
    assert_eq!(b.case_sensitive, ["B"]);
    assert_eq!(Kb::from_compact("x\tplace\n").unwrap_err(), KbError::Record(1));
    assert_eq!(Kb::from_compact("\tplace\tX\n").unwrap_err(), KbError::Record(1));
    assert!(matches!(
        Kb::from_compact("x\tthing\tX\n"),
        Err(KbError::UnknownKind { .. })
    ));
    assert!(matches!(
        Kb::from_compact("x\tperson\tX\t\t\t\t\t\tChef~gestern~\n"),
        Err(KbError::BadRoleDate { .. })
    ));
}

#[test]
fn embedded_kb_loads_and_is_sound() {
    assert_eq!(kb_error(), None);
    assert!(kb().len() > 300, "only {} entities", kb().len());
    let problems = kb().problems();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), {
        let v: Vec<String> = problems.iter().map(ToString::to_string).collect();
        v.join("\n")
    });
}
