use super::*;

fn quote(text: &str, start: usize, end: usize) -> (TextQuoteSelector, TextPositionSelector) {
    let s = select(text, start, end).unwrap();
    (s.quote, s.position)
}

#[test]
fn range_checks() {
    let text = "Café e\u{301} 👍🏽 x";
    // "e" + combining acute = cp 5,6; 👍 = 8, skin tone = 9
    assert!(matches!(
        check_range(text, 3, 3),
        Err(AnnotationError::EmptyRange { .. })
    ));
    assert!(matches!(
        check_range(text, 0, 99),
        Err(AnnotationError::OutOfBounds { .. })
    ));
    assert!(matches!(
        check_range(text, 0, 6),
        Err(AnnotationError::SplitsCharacter { at: 6, .. })
    ));
    assert!(matches!(
        check_range(text, 6, 7),
        Err(AnnotationError::SplitsCharacter { at: 6, .. })
    ));
    assert!(matches!(
        check_range(text, 8, 9),
        Err(AnnotationError::SplitsCharacter { at: 9, .. })
    ));
    assert!(check_range(text, 5, 7).is_ok());
    assert!(check_range(text, 8, 10).is_ok());
}

#[test]
fn exact_moved_fuzzy_orphaned() {
    let old = "Die Türkei liefert Drohnen. Russland protestiert scharf gegen die Lieferung.";
    let (q, p) = quote(old, 28, 55); // "Russland protestiert scharf"
    assert_eq!(q.exact, "Russland protestiert scharf");
    type Want = Option<(usize, usize, How)>;
    let cases: &[(&str, Want)] = &[
        (old, Some((28, 55, How::Exact))),
        (
            "Neu: Die Türkei liefert Drohnen. Russland protestiert scharf gegen die Lieferung.",
            Some((33, 60, How::Moved)),
        ),
        (
            "Die Türkei liefert Drohnen. Russland  protestiert\nscharf gegen die Lieferung.",
            Some((28, 56, How::Fuzzy)),
        ),
        (
            "Die Türkei liefert Drohnen. Russland protestierte scharf gegen die Lieferung.",
            Some((28, 56, How::Fuzzy)),
        ),
        ("Ganz anderer Text ohne Bezug zum alten Artikel.", None),
    ];
    for (text, want) in cases {
        let got = reanchor(text, &q, Some(p));
        match want {
            Some((s, e, how)) => assert_eq!(
                got,
                Anchoring::Anchored {
                    start: *s,
                    end: *e,
                    how: *how
                },
                "{text}"
            ),
            None => assert_eq!(got, Anchoring::Orphaned, "{text}"),
        }
    }
}

#[test]
fn context_picks_the_right_occurrence() {
    let old = "Er sagte ja. Dann kam Anna. Sie sagte ja. Ende.";
    let (q, p) = quote(old, 38, 41); // second "ja."
    assert_eq!(q.exact, "ja.");
    // A sentence inserted before both: the second occurrence must still win by context.
    let new = "Vorweg: Er sagte ja. Dann kam Anna. Sie sagte ja. Ende.";
    assert_eq!(
        reanchor(new, &q, Some(p)),
        Anchoring::Anchored {
            start: 46,
            end: 49,
            how: How::Moved
        }
    );
}

#[test]
fn long_quotes_match_by_head_and_tail() {
    let sentence = "Das ist ein sehr langer Satz über die Beziehungen zwischen Russland und der Türkei, ";
    let old: String = sentence.repeat(5) + "und hier endet er.";
    let n = old.chars().count();
    let (q, p) = quote(&old, 0, n);
    let new = format!("Vorwort. {}", old.replace("Beziehungen", "Verhältnisse"));
    match reanchor(&new, &q, Some(p)) {
        Anchoring::Anchored { start, end, how } => {
            assert_eq!(how, How::Fuzzy);
            assert_eq!(start, 9);
            assert_eq!(end, new.chars().count());
        }
        Anchoring::Orphaned => panic!("long quote orphaned"),
    }
}

#[test]
fn utf16_offsets() {
    let text = "a😀ßb";
    assert_eq!(cp_from_utf16(text, 0), Ok(0));
    assert_eq!(cp_from_utf16(text, 1), Ok(1));
    assert!(cp_from_utf16(text, 2).is_err());
    assert_eq!(cp_from_utf16(text, 3), Ok(2));
    assert_eq!(cp_from_utf16(text, 5), Ok(4));
    assert!(cp_from_utf16(text, 6).is_err());
    assert_eq!(utf16_from_cp(text, 4), 5);
}
