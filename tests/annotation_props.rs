//! Property tests: selectors and offsets on German text with umlauts, ß, emoji and combining marks;
//! storage, W3C and link round trips; decoders never panic on random input.

use presseschau::core::annotations::anchor::{self, Anchoring, How};
use presseschau::core::annotations::{Annotation, AnnotationId, AnnotationSet, Color, codec, link, w3c};
use presseschau::core::corpus::ArticleId;
use proptest::prelude::*;

/// Words that stress code point handling: umlauts, ß, emoji (with skin tone and ZWJ), combining marks.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Straße".to_string()),
        Just("Bürgermeisterin".to_string()),
        Just("Öl".to_string()),
        Just("ÄÖÜäöüß".to_string()),
        Just("👍🏽".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("Cafe\u{301}".to_string()),
        Just("„Zitat“".to_string()),
        "[a-zA-Zäöüß]{1,10}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop_oneof![Just(" "), Just(", "), Just(". "), Just("\n\n")]),
        1..40,
    )
    .prop_map(|ws| ws.into_iter().map(|(w, s)| w + s).collect::<String>())
}

/// A text and a valid range in it (snapped so that it does not cut a character).
fn text_and_range() -> impl Strategy<Value = (String, usize, usize)> {
    (text(), any::<prop::sample::Index>(), any::<prop::sample::Index>()).prop_filter_map(
        "no valid range",
        |(t, a, b)| {
            let n = t.chars().count();
            let (mut s, mut e) = (a.index(n), b.index(n + 1));
            if s > e {
                std::mem::swap(&mut s, &mut e);
            }
            (anchor::check_range(&t, s, e).is_ok()).then_some((t, s, e))
        },
    )
}

fn annotation(t: &str, s: usize, e: usize, i: usize, note: &str, tags: Vec<String>) -> Annotation {
    Annotation::new(
        AnnotationId(format!("id-{i}")),
        ArticleId("a1b2c3".into()),
        anchor::select(t, s, e).unwrap(),
        Color::ALL[i % 5],
        Some(note.to_string()),
        tags,
        "2024-01-01T00:00:00Z",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn selector_matches_the_range_in_code_points((t, s, e) in text_and_range()) {
        let sel = anchor::select(&t, s, e).unwrap();
        let chars: Vec<char> = t.chars().collect();
        prop_assert_eq!(sel.quote.exact.chars().count(), e - s);
        prop_assert_eq!(&sel.quote.exact, &chars[s..e].iter().collect::<String>());
        prop_assert!(sel.quote.prefix.chars().count() <= anchor::CONTEXT_CHARS);
        let joined = [sel.quote.prefix.as_str(), sel.quote.exact.as_str(), sel.quote.suffix.as_str()].concat();
        prop_assert!(t.contains(&joined), "prefix + exact + suffix not in the text");
        // Unchanged text: back at the same place, exactly.
        prop_assert_eq!(
            anchor::reanchor(&t, &sel.quote, Some(sel.position)),
            Anchoring::Anchored { start: s, end: e, how: How::Exact }
        );
        // UTF-16 round trip of both offsets (what the browser gives).
        let u = anchor::utf16_from_cp(&t, s);
        prop_assert_eq!(anchor::cp_from_utf16(&t, u), Ok(s));
    }

    #[test]
    fn text_inserted_before_moves_the_anchor((t, s, e) in text_and_range(), extra in text()) {
        let sel = anchor::select(&t, s, e).unwrap();
        let shifted = format!("{extra}{t}");
        let d = extra.chars().count();
        match anchor::reanchor(&shifted, &sel.quote, Some(sel.position)) {
            Anchoring::Anchored { start, end, .. } => {
                let chars: Vec<char> = shifted.chars().collect();
                // Found the same quote (maybe an identical copy inside `extra`), never a wrong text.
                prop_assert_eq!(chars[start..end].iter().collect::<String>(), sel.quote.exact.clone());
                if !extra.contains(&sel.quote.exact) {
                    prop_assert!(start >= d);
                }
            }
            Anchoring::Orphaned => prop_assert!(false, "lost an unchanged quote"),
        }
    }

    #[test]
    fn storage_w3c_and_links_round_trip(
        (t, s, e) in text_and_range(),
        note in "[ -~äöüßÄÖÜ€👍]{1,80}",
        tags in prop::collection::vec("[a-zA-Zäöü]{1,12}", 0..4),
    ) {
        prop_assume!(!note.trim().is_empty());
        let a = annotation(&t, s, e, 0, &note, tags);
        let set = AnnotationSet::from_vec(vec![a.clone()]).unwrap();
        prop_assert_eq!(&codec::decode(&codec::encode(&set)).unwrap().set, &set);
        let doc = w3c::export(&set, None);
        prop_assert!(w3c::validate(&doc).is_empty());
        let (back, _) = w3c::import(&doc.to_string(), &AnnotationSet::new(), "x").unwrap();
        prop_assert_eq!(&back, &set);
        let shared = link::decode_note_set(&link::encode_note_set(std::slice::from_ref(&a))).unwrap();
        prop_assert_eq!(shared.len(), 1);
        prop_assert_eq!(shared[0].note.as_deref(), a.note.as_deref());
        prop_assert_eq!(&shared[0].tags, &a.tags);
        prop_assert_eq!(shared[0].position, a.position);
        let placed = shared[0].locate(&anchor::TextIndex::new(&t)).range().unwrap();
        let chars: Vec<char> = t.chars().collect();
        prop_assert_eq!(chars[placed.0..placed.1].iter().collect::<String>(), a.quote.exact.clone());
        let q = link::encode_passage(&t, &a.selector());
        let p = link::decode_passage(&q).unwrap();
        let found = p.locate(&anchor::TextIndex::new(&t)).range().unwrap();
        prop_assert_eq!(chars[found.0..found.1].iter().collect::<String>(), a.quote.exact.clone());
    }

    #[test]
    fn decoders_never_panic_on_random_input(s in ".{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = link::decode_note_set(&s);
        let _ = link::decode_note_set(&format!("v1.{s}"));
        use base64::Engine;
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        let _ = link::decode_note_set(&format!("v1.{b}"));
        let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
        let _ = link::decode_note_set(&format!("v1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)));
        let _ = link::decode_passage(&s);
        let _ = codec::decode(&s);
        let _ = w3c::import(&s, &AnnotationSet::new(), "x");
        let _ = anchor::cp_from_utf16(&s, bytes.len());
    }

    #[test]
    fn tampered_links_are_rejected_or_decode_consistently(i in 0usize..2000, c in any::<char>()) {
        let t = "Die Türkei liefert Drohnen. Russland protestiert scharf. Ende.";
        let a = annotation(t, 4, 10, 1, "Notiz", vec!["x".into()]);
        let v = link::encode_note_set(&[a]);
        let mut chars: Vec<char> = v.chars().collect();
        let at = i % chars.len();
        chars[at] = c;
        let tampered: String = chars.into_iter().collect();
        // Either an error, or a well-formed note set (deflate has no checksum); never a panic.
        if let Ok(notes) = link::decode_note_set(&tampered) {
            for n in notes {
                prop_assert!(n.position.start < n.position.end);
            }
        }
    }

    #[test]
    fn random_json_selectors_in_w3c_import_never_panic(start in any::<i64>(), end in any::<i64>(), exact in ".{0,20}") {
        let doc = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:y", "type": "AnnotationCollection",
            "first": { "id": "urn:x:y:0", "type": "AnnotationPage", "items": [{
                "id": "urn:presseschau:annotation:a", "type": "Annotation",
                "target": { "source": "urn:presseschau:article:abc", "selector": [
                    { "type": "TextQuoteSelector", "exact": exact },
                    { "type": "TextPositionSelector", "start": start, "end": end } ] } }] }
        });
        let _ = w3c::import(&doc.to_string(), &AnnotationSet::new(), "x");
    }
}
