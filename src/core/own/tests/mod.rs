mod links;
mod share_link;
mod stored;

use proptest::prelude::*;

use super::*;
use crate::core::corpus::html::Aside;
use crate::core::corpus::ingest::ingest;
use crate::core::corpus::{Corpus, RemovalReason, SimpleDate};
use crate::core::error::FrontMatterProblem;

/// A scraped text as the seeds have them: section label, headline, dateline, body, an ad.
const SCRAPED: &str = "Politik\n\nBundestag beschließt den Haushalt für 2024\n\n24. November 2023\n\n\
    Der Bundestag hat am Freitag den Haushalt beschlossen. Die Abstimmung fiel knapp aus.\n\n\
    Die Opposition kritisierte Tricks bei der Schuldenbremse.\n\nAnzeige\n";

fn day(year: i32, month: u8, day: u8) -> Option<SimpleDate> {
    Some(SimpleDate {
        year,
        month: Some(month),
        day: Some(day),
    })
}

#[test]
fn a_text_file_goes_through_the_seed_ingest() {
    let draft = read_file("haushalt.txt", SCRAPED.as_bytes()).unwrap();
    assert_eq!(draft.title, "Bundestag beschließt den Haushalt für 2024");
    assert_eq!(
        (draft.title_from, draft.date, draft.date_from),
        (Origin::Text, day(2023, 11, 24), Some(Origin::Text))
    );
    assert_eq!(draft.source, SourceKind::Text);
    assert!(draft.set_aside.contains(&SetAside {
        text: "Anzeige".into(),
        reason: SetAsideReason::Line(RemovalReason::Advertisement)
    }));
    // The draft's article has the same clean text as the seed ingest of the same file.
    let seed = ingest("haushalt.txt", SCRAPED.as_bytes()).unwrap();
    let article = draft.to_article().unwrap();
    assert_eq!(article.text(), seed.text());
    assert_eq!(article.id, draft.content_id());
    assert_eq!(article.title.text, seed.title.text);
}

#[test]
fn pasted_text_and_the_same_text_as_a_file_have_one_id() {
    let pasted = read_pasted(SCRAPED).unwrap();
    assert_eq!(pasted.source, SourceKind::Pasted);
    assert_eq!(
        pasted.content_id(),
        read_file("x.txt", SCRAPED.as_bytes()).unwrap().content_id()
    );
    // Editing the title does not change the id; editing the text does.
    let mut edited = pasted.clone();
    edited.title = "Anderer Titel".into();
    assert_eq!(edited.content_id(), pasted.content_id());
    edited.body.push_str("\n\nNoch ein Absatz.");
    assert_ne!(edited.content_id(), pasted.content_id());
}

#[test]
fn a_bundled_article_pasted_again_is_recognised() {
    let corpus = Corpus::from_sources([("seed.txt", SCRAPED.as_bytes())]);
    let draft = read_pasted(SCRAPED).unwrap();
    let found = duplicate_of(&draft.content_id(), &corpus.articles).map(|a| a.id.clone());
    assert_eq!(found, Some(corpus.articles[0].id.clone()));
    let other = read_pasted("Ein ganz anderer Artikel hier\n\nMit anderem Text. Wirklich.").unwrap();
    assert!(duplicate_of(&other.content_id(), &corpus.articles).is_none());
}

#[test]
fn markdown_with_front_matter_keeps_its_fields() {
    let md = "---\ntitle: Ein Titel\ndate: 2023-03-05\noutlet: Tagesschau\nurl: https://example.org/a\n---\n\n\
              Der erste Absatz.\n\n## Zwischentitel\n\n> Ein Zitat.\n";
    let draft = read_file("a.md", md.as_bytes()).unwrap();
    assert_eq!(
        (draft.title.as_str(), draft.title_from),
        ("Ein Titel", Origin::FrontMatter)
    );
    assert_eq!(
        (draft.date, draft.outlet.as_deref()),
        (day(2023, 3, 5), Some("Tagesschau"))
    );
    assert_eq!(draft.body, "Der erste Absatz.\n\n## Zwischentitel\n\n> Ein Zitat.");
    let article = draft.to_article().unwrap();
    assert_eq!(article.blocks.len(), 3);
    assert_eq!(article.url.as_deref(), Some("https://example.org/a"));
}

#[test]
fn an_html_page_gives_title_date_and_outlet_from_its_metadata() {
    let html = r#"<html><head><title>Kurz | Beispielzeitung</title>
        <meta property="og:title" content="Kurz"><meta property="og:site_name" content="Beispielzeitung">
        <meta property="article:published_time" content="2023-11-24T10:15:00+01:00">
        <script src="http://tracker.example/t.js"></script></head>
        <body><nav>Startseite</nav><h1>Kurz</h1><p onclick="evil()">Der Text des Artikels. Er hat zwei Sätze.</p>
        <img src="http://img.example/x.jpg" onerror="alert(1)"><a href="javascript:alert(1)">Mehr</a></body></html>"#;
    let draft = read_file("seite.HTML", html.as_bytes()).unwrap();
    assert_eq!((draft.title.as_str(), draft.title_from), ("Kurz", Origin::PageMetadata));
    assert_eq!(
        (draft.date, draft.date_from),
        (day(2023, 11, 24), Some(Origin::PageMetadata))
    );
    assert_eq!(draft.outlet.as_deref(), Some("Beispielzeitung"));
    assert_eq!(draft.body, "Der Text des Artikels. Er hat zwei Sätze.\n\nMehr");
    assert!(
        draft
            .set_aside
            .iter()
            .any(|s| s.reason == SetAsideReason::Page(Aside::Navigation))
    );
    let everything = format!("{draft:?}");
    for word in ["tracker", "evil", "alert", "javascript", "img.example"] {
        assert!(!everything.contains(word), "{word} in {everything}");
    }
}

#[test]
fn a_windows_1252_page_is_read() {
    let mut page = b"<html><head><meta charset=windows-1252></head><body><p>Gr".to_vec();
    page.extend([0xfc, 0xdf, b'e', b' ', 0x84, b'a', 0x93]);
    page.extend(b" und mehr Text. Noch ein Satz.</p></body></html>");
    let draft = read_file("alt.htm", &page).unwrap();
    assert_eq!(draft.body, "Grüße „a“ und mehr Text. Noch ein Satz.");
    assert_eq!(
        read_file("alt.txt", &[b'a', 0xfc, b'b']),
        Err(OwnError::InvalidUtf8 { offset: 1 })
    );
}

#[test]
fn bad_input_is_a_kind_with_values() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let long_text = "Wort ".repeat(MAX_TEXT_BYTES / 5 + 1);
    let long_page = format!("<p>{long_text}</p>");
    for (name, bytes, expected) in [
        ("leer.txt", &b""[..], OwnError::Empty),
        (
            "leer.html",
            b"<html><script>x</script></html>",
            OwnError::NoText { set_aside: 0 },
        ),
        ("nur-menue.html", b"<nav>Start</nav>", OwnError::NoText { set_aside: 1 }),
        ("bild.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", OwnError::Binary),
        ("kaputt.txt", b"ab\xffcd", OwnError::InvalidUtf8 { offset: 2 }),
        (
            "gross.html",
            &big,
            OwnError::TooLarge {
                of: SizeOf::File,
                size: MAX_FILE_BYTES + 1,
                limit: MAX_FILE_BYTES,
            },
        ),
        (
            "lang.txt",
            long_text.as_bytes(),
            OwnError::TooLarge {
                of: SizeOf::Text,
                size: long_text.len(),
                limit: MAX_TEXT_BYTES,
            },
        ),
        (
            "lang.html",
            long_page.as_bytes(),
            OwnError::TooLarge {
                of: SizeOf::Text,
                size: long_text.trim_end().len(),
                limit: MAX_TEXT_BYTES,
            },
        ),
        (
            "link.url",
            b"[InternetShortcut]\r\nURL=https://example.org/a\r\n",
            OwnError::UrlOnly {
                url: "https://example.org/a".into(),
            },
        ),
        (
            "kopf.md",
            b"---\ntitle: x\n",
            OwnError::FrontMatter(FrontMatterProblem::Unclosed),
        ),
    ] {
        assert_eq!(read_file(name, bytes), Err(expected), "{name}");
    }
    for url in ["https://www.tagesschau.de/inland/x.html", "  www.spiegel.de/a  "] {
        assert_eq!(read_pasted(url), Err(OwnError::UrlOnly { url: url.trim().into() }));
    }
    assert_eq!(read_pasted(" \n\t"), Err(OwnError::Empty));
    let huge = "<p>x</p>".repeat(MAX_FILE_BYTES / 8 + 1);
    assert_eq!(
        read_pasted(&huge),
        Err(OwnError::TooLarge {
            of: SizeOf::File,
            size: huge.len(),
            limit: MAX_FILE_BYTES,
        })
    );
}

proptest! {
    #[test]
    fn any_file_is_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), name in "[a-z]{1,4}\\.(txt|md|html|htm|bin)") {
        let _ = read_file(&name, &bytes);
        if let Ok(draft) = read_pasted(&String::from_utf8_lossy(&bytes)) {
            let _ = draft.to_article();
        }
    }
}
