use crate::core::annotations::link::deflate_base64url;
use crate::core::own::share::{self, MAX_SHARE_CHARS, SHARE_PREFIX, ShareError};
use crate::core::own::{MAX_TEXT_BYTES, SourceKind, read_file, read_pasted};

#[test]
fn an_article_link_round_trips() {
    let md = "---\ntitle: Geteilt\ndate: 2023-03-05\noutlet: DW\nurl: https://example.org/a\n---\n\nDer Text. Noch ein Satz.\n";
    let draft = read_file("a.md", md.as_bytes()).unwrap();
    let value = share::encode(&draft).unwrap();
    assert!(value.starts_with(SHARE_PREFIX));
    assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
    let back = share::decode(&value).unwrap();
    assert_eq!(
        (back.title, back.date, back.outlet, back.url),
        (draft.title, draft.date, draft.outlet, draft.url)
    );
    assert_eq!((back.body, back.source), (draft.body, SourceKind::Link));
}

#[test]
fn a_long_article_does_not_fit_in_a_link() {
    // Text that deflate cannot shrink much: numbered sentences with varied words.
    let text: String = (0..20_000u32)
        .map(|i| format!("Satz {} über {:x}. ", i, i.wrapping_mul(2_654_435_761)))
        .collect();
    let draft = read_pasted(&format!("Ein langer Artikel zum Teilen\n\n{text}")).unwrap();
    assert!(matches!(
        share::encode(&draft),
        Err(ShareError::TooLong {
            max: MAX_SHARE_CHARS,
            ..
        })
    ));
    assert!(!share::fits(&draft));
}

#[test]
fn tampered_and_truncated_links_are_refused() {
    let draft = read_pasted("Ein Titel für den Link hier\n\nDer Text des Artikels. Er ist kurz genug.").unwrap();
    let value = share::encode(&draft).unwrap();
    let payload = |json: &str| format!("{SHARE_PREFIX}{}", deflate_base64url(json.as_bytes()));
    let forged = payload(r#"["000000000000","Titel","","","","Ein anderer Text."]"#);
    for (link, expected) in [
        (value[..value.len() / 2].to_string(), ShareError::Truncated),
        (value[..value.len() - 1].to_string(), ShareError::Truncated),
        (value[..value.len() - 2].to_string(), ShareError::Truncated),
        (value[..value.len() - 3].to_string(), ShareError::Truncated),
        (format!("{value}!"), ShareError::BadBase64),
        (format!("b1.{}", &value[3..]), ShareError::UnknownVersion),
        (
            "a".repeat(MAX_SHARE_CHARS + 1),
            ShareError::TooLong {
                len: MAX_SHARE_CHARS + 1,
                max: MAX_SHARE_CHARS,
            },
        ),
        (forged, ShareError::Tampered),
    ] {
        assert_eq!(share::decode(&link), Err(expected), "{link}");
    }
    for json in [
        r#"{"a":1}"#,
        r#"["x","t","","","",""]"#,
        r#"["x",1,"","","","Text."]"#,
        "not json",
    ] {
        assert!(
            matches!(share::decode(&payload(json)), Err(ShareError::BadPayload(_))),
            "{json}"
        );
    }
    // A deflate bomb: 4 MiB of spaces in a short link.
    let bomb = format!("{SHARE_PREFIX}{}", deflate_base64url(&vec![b' '; 4 * MAX_TEXT_BYTES]));
    assert!(bomb.len() < MAX_SHARE_CHARS);
    assert!(matches!(share::decode(&bomb), Err(ShareError::TooLarge { .. })));
}
