//! Bad input never panics: each gets a clear error or escaped text, and the other files still come out.

use presseschau::core::corpus::{Corpus, ingest::ingest};
use presseschau::core::error::IngestError;

#[test]
fn empty_and_whitespace_files_are_errors() {
    assert!(matches!(ingest("e.txt", b""), Err(IngestError::Empty { .. })));
    assert!(matches!(
        ingest("e.txt", b"  \n\n \t\n"),
        Err(IngestError::Empty { .. })
    ));
}

#[test]
fn binary_is_rejected() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    let err = ingest("bild.png.txt", &png).unwrap_err();
    assert!(matches!(err, IngestError::Binary { .. }));
    assert!(err.to_string().contains("bild.png.txt"));
}

#[test]
fn invalid_utf8_names_the_offset() {
    let mut bytes = "Ein Titel für den Test\n\nText ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend([0xff, 0xfe, b'a']);
    match ingest("latin1.txt", &bytes) {
        Err(IngestError::InvalidUtf8 { offset: o, .. }) => assert_eq!(o, offset),
        other => panic!("expected InvalidUtf8, got {other:?}"),
    }
}

#[test]
fn five_megabytes_is_too_large_not_a_panic() {
    let big = "Ein Satz, der sich immer wiederholt. ".repeat(5 * 1024 * 1024 / 37 + 1);
    let err = ingest("gross.txt", big.as_bytes()).unwrap_err();
    assert!(matches!(err, IngestError::TooLarge { size, .. } if size >= 5 * 1024 * 1024));
}

#[test]
fn only_boilerplate_is_an_error() {
    let raw = "1. Zum Inhalt springen\nPolitik\n\nAnzeige\n\nCopyright\n";
    assert!(matches!(
        ingest("leer.txt", raw.as_bytes()),
        Err(IngestError::OnlyBoilerplate { .. })
    ));
}

#[test]
fn html_and_script_stay_text() {
    let raw = "Ein Titel mit <b>Tags</b> darin\n\n<script>alert('x')</script> Der Text *bleibt* [Text](javascript:alert(1)).\n\n# Keine Überschrift\n";
    let a = ingest("html.txt", raw.as_bytes()).unwrap();
    let text = a.text();
    assert!(
        text.contains("<script>alert('x')</script> Der Text *bleibt* [Text](javascript:alert(1))."),
        "{text}"
    );
    assert!(text.contains("# Keine Überschrift"));
    assert_eq!(a.title.text, "Ein Titel mit <b>Tags</b> darin");
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let good = "Ein brauchbarer Titel hier\n\nDer Text. Noch ein Satz.";
    let corpus = Corpus::from_sources([
        ("gut.txt", good.as_bytes()),
        ("leer.txt", b"".as_slice()),
        ("kaputt.txt", [0xc3, 0x28].as_slice()),
    ]);
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.errors.len(), 2);
}

#[test]
fn front_matter_markdown_is_accepted() {
    let md = "---\ntitle: Ein kuratierter Artikel\ndate: 2023-03-05\noutlet: Tagesschau\nurl: https://example.org/a\n---\n\nDer **erste** Absatz.\n\n## Zwischentitel\n\nZweiter Absatz mit [Link](https://example.org).\n";
    let a = ingest("kuratiert.md", md.as_bytes()).unwrap();
    assert_eq!(a.title.text, "Ein kuratierter Artikel");
    assert_eq!(a.date.value.unwrap().iso(), "2023-03-05");
    assert_eq!(a.outlet.as_ref().unwrap().name, "Tagesschau");
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(
        a.text(),
        "Der erste Absatz.\n\nZwischentitel\n\nZweiter Absatz mit Link."
    );
    assert!(a.body_markdown().contains("## Zwischentitel"));
}

#[test]
fn broken_front_matter_is_a_clear_error() {
    let err = ingest("x.md", b"---\ntitle: offen\n\nText ohne Ende").unwrap_err();
    assert!(err.to_string().contains("never closed"), "{err}");
    let err = ingest("x.md", b"---\ndate: gestern\n---\nText.").unwrap_err();
    assert!(err.to_string().contains("`date`"), "{err}");
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator (no dependency needed for this).
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for len in [1usize, 7, 64, 500, 4096] {
        for _ in 0..50 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    // mostly printable text with some structure characters
                    b" \n\nabcdefgh.,:()/|-#*Bild:Foto:12345"[(state % 35) as usize]
                })
                .collect();
            let _ = ingest("random.txt", &bytes);
        }
    }
}
