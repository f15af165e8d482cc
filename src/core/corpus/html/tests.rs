use proptest::prelude::*;

use super::tokenizer::{Token, Tokenizer};
use super::*;

/// A news page as saved by a browser: head metadata, navigation, the article, a teaser, a footer.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Bundestag beschließt Haushalt | Beispielzeitung</title>
<meta property="og:title" content="Bundestag beschlie&szlig;t Haushalt">
<meta property="og:site_name" content="Beispielzeitung">
<meta property="article:published_time" content="2023-11-24T10:15:00+01:00">
<link rel="canonical" href="https://example.org/politik/haushalt">
<style>p { color: red }</style>
<script>window.track("<p>kein Text</p>");</script>
</head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<main>
<article>
<header><h1>Bundestag beschließt Haushalt</h1><time datetime="2023-11-24">24.11.2023</time></header>
<p>Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen. Die Abstimmung
   fiel knapp aus.</p>
<h2>Streit um die Schuldenbremse</h2>
<p>Die Opposition kritisierte &bdquo;Tricks&ldquo; bei der Schuldenbremse.<br>Die Koalition wies das zurück.</p>
<ul><li>Ausgaben: 476 Milliarden Euro</li><li>Neue Schulden: 16 Milliarden Euro</li></ul>
<figure><img src="http://img.example/x.jpg" alt="Plenarsaal"><figcaption>Der Plenarsaal (Foto: dpa)</figcaption></figure>
<aside><p>Lesen Sie auch: Was die Schuldenbremse ist</p></aside>
</article>
<article><h2>Mehr zum Thema</h2><p>Ein Teaser.</p></article>
</main>
<footer><p>© Beispielzeitung 2023</p></footer>
</body></html>"#;

#[test]
fn a_news_page_becomes_scraped_text() {
    let page = html_to_text(PAGE);
    assert_eq!(
        page.text,
        "Bundestag beschließt Haushalt\n\n24.11.2023\n\n\
         Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen. Die Abstimmung fiel knapp aus.\n\n\
         Streit um die Schuldenbremse\n\n\
         Die Opposition kritisierte „Tricks“ bei der Schuldenbremse.\nDie Koalition wies das zurück.\n\n\
         • Ausgaben: 476 Milliarden Euro\n\n• Neue Schulden: 16 Milliarden Euro\n\n\
         Der Plenarsaal (Foto: dpa)"
    );
    let aside: Vec<(&str, Aside)> = page.aside.iter().map(|a| (a.text.as_str(), a.place)).collect();
    assert_eq!(
        aside,
        [
            ("Startseite", Aside::Navigation),
            ("Politik", Aside::Navigation),
            ("Lesen Sie auch: Was die Schuldenbremse ist", Aside::Sidebar),
            ("Mehr zum Thema", Aside::OutsideArticle),
            ("Ein Teaser.", Aside::OutsideArticle),
            ("© Beispielzeitung 2023", Aside::Footer),
        ]
    );
    assert_eq!(page.dropped_elements, 2);
}

#[test]
fn metadata_becomes_hints() {
    let hints = html_to_text(PAGE).hints;
    assert_eq!(
        hints.title.as_deref(),
        Some("Bundestag beschließt Haushalt | Beispielzeitung")
    );
    assert_eq!(hints.og_title.as_deref(), Some("Bundestag beschließt Haushalt"));
    assert_eq!(hints.site_name.as_deref(), Some("Beispielzeitung"));
    assert_eq!(hints.published.as_deref(), Some("2023-11-24T10:15:00+01:00"));
    assert_eq!(hints.time.as_deref(), Some("2023-11-24"));
    assert_eq!(hints.url.as_deref(), Some("https://example.org/politik/haushalt"));
}

/// Text of a page with the words that must never appear in it.
fn assert_clean(html: &str, forbidden: &[&str]) -> HtmlText {
    let page = html_to_text(html);
    let all = format!("{}\n{:?}\n{:?}", page.text, page.aside, page.hints);
    for word in forbidden {
        assert!(!all.contains(word), "{word:?} survived in {all:?} (from {html:?})");
    }
    page
}

#[test]
fn hostile_markup_is_neither_kept_nor_run() {
    let forbidden = ["alert", "http", "javascript", "onerror", "evil", "<", "cookie"];
    for (html, text) in [
        ("<p>A<script>alert(1)</script>B</p>", "AB"),
        ("<p>A<SCRIPT type=x>alert('</p>')</SCRIPT >B</p>", "AB"),
        ("<img src=http://evil.example/x onerror=alert(1)><p>Text</p>", "Text"),
        ("<p onmouseover=\"alert(document.cookie)\">Text</p>", "Text"),
        ("<a href=\"javascript:alert(1)\">Link</a>", "Link"),
        ("<a href='JaVaScRiPt:evil()'>Link</a>", "Link"),
        ("<iframe src=\"http://evil.example\"><p>inside</p></iframe>Text", "Text"),
        ("<noscript><img src=http://evil.example></noscript>Text", "Text"),
        ("<svg onload=alert(1)><text>evil</text></svg>Text", "Text"),
        ("<template><p>evil</p></template>Text", "Text"),
        ("<style>@import 'http://evil.example/x.css';</style>Text", "Text"),
        ("<object data=http://evil.example><p>evil</p></object>Text", "Text"),
        ("<div hidden>evil</div>Text", "Text"),
        ("<link rel=stylesheet href=http://evil.example>Text", "Text"),
        (
            "<meta http-equiv=refresh content=\"0;url=http://evil.example\">Text",
            "Text",
        ),
        ("<script>evil", ""),
        ("<script/>alert(1)</script>Text", "Text"),
        ("<iframe src=http://evil.example/><p>evil</p></iframe>Text", "Text"),
        ("<title/>Seitentitel</title>Text", "Text"),
        // A browser shows this text too: `<scr<script>` is one unknown element, so nothing is a script.
        ("<scr<script>ipt>alert(1)</script>Text", "ipt>alert(1)Text"),
    ] {
        let page = assert_clean(
            html,
            if text.contains('>') {
                &forbidden[1..6]
            } else {
                &forbidden
            },
        );
        assert_eq!(page.text, text, "{html}");
    }
}

#[test]
fn a_javascript_or_data_canonical_address_is_not_a_hint() {
    for html in [
        "<link rel=canonical href=\"javascript:alert(1)\">",
        "<meta property=og:url content=\"data:text/html,evil\">",
        "<link rel=canonical href=\"/relative/path\">",
    ] {
        assert_eq!(html_to_text(html).hints.url, None, "{html}");
    }
}

#[test]
fn entities_and_escaped_markup_are_text() {
    let page = html_to_text("<p>Krieg &amp; Frieden &lt;script&gt;alert(1)&lt;/script&gt; &#8222;Zitat&#8220;</p>");
    assert_eq!(page.text, "Krieg & Frieden <script>alert(1)</script> „Zitat“");
}

#[test]
fn broken_markup_still_gives_the_text() {
    for (html, text) in [
        ("<p>Erster<p>Zweiter", "Erster\n\nZweiter"),
        ("<ul><li>eins<li>zwei</ul>", "• eins\n\n• zwei"),
        ("<b><i>fett</b> kursiv</i> normal", "fett kursiv normal"),
        ("<div><p>offen</div>danach", "offen\n\ndanach"),
        ("Text </span></div></p> weiter", "Text\n\nweiter"),
        ("a < b und c > d", "a < b und c > d"),
        ("<p>abgeschnitten <a href=\"x", "abgeschnitten"),
        ("<!-- <p>Kommentar</p> -->sichtbar", "sichtbar"),
        ("<!-- nie geschlossen <p>x</p>", ""),
        ("<![CDATA[ x ]]>y", "y"),
        ("<?xml version=\"1.0\"?><p>x</p>", "x"),
        ("</>leer", "leer"),
        ("<p>Gr\u{fc}\u{df}e\u{a0}aus&nbsp;K\u{f6}ln</p>", "Grüße aus Köln"),
        ("<P CLASS=x>Gro\u{df}</P>", "Groß"),
        ("<p>Sil&shy;ben&shy;trennung</p>", "Silbentrennung"),
        ("<p>ä<ö>ü</p>", "ä<ö>ü"),
        ("<p attr=ä>x</p><p ä=1>y</p>", "x\n\ny"),
    ] {
        assert_eq!(html_to_text(html).text, text, "{html}");
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let html = format!("{}Text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    assert_eq!(html_to_text(&html).text, "Text");
    let html = format!("{}Text", "<span><script>".repeat(10_000));
    assert_eq!(html_to_text(&html).text, "");
}

#[test]
fn many_articles_stay_linear() {
    // 100,000 tiny <article>s: choosing the main one must not compare every line with every article.
    let html = "<article><p>x</p></article>".repeat(100_000);
    assert_eq!(html_to_text(&html).text.len(), 100_000 * 3 - 2);
}

#[test]
fn short_articles_do_not_hide_the_page() {
    // Two teaser <article>s of a few words: no region has 200 characters, so the whole page is text.
    let page =
        html_to_text("<p>Haupttext ohne article-Element.</p><article>Teaser eins</article><article>Zwei</article>");
    assert_eq!(page.text, "Haupttext ohne article-Element.\n\nTeaser eins\n\nZwei");
    assert!(page.aside.is_empty());
}

#[test]
fn tokens_of_a_tag_with_attributes() {
    let tokens: Vec<Token<'_>> = Tokenizer::new("<a href='x y' data-x=1 disabled/>t</a>").collect();
    assert_eq!(
        tokens,
        [
            Token::Start {
                name: "a".into(),
                attrs: vec![("href".into(), "x y"), ("data-x".into(), "1"), ("disabled".into(), "")],
                self_closing: true,
            },
            Token::Text("t"),
            Token::End("a".into()),
        ]
    );
}

/// Strings built from the pieces hostile and broken pages are made of.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</".to_string()),
        Just("/>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("&".to_string()),
        Just("&#x".to_string()),
        Just(";".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("=".to_string()),
        Just(" ".to_string()),
        prop::sample::select(vec![
            "script",
            "style",
            "title",
            "p",
            "li",
            "article",
            "main",
            "nav",
            "svg",
            "br",
            "div",
            "time",
            "meta",
            "iframe",
            "plaintext",
            "a",
            "ä",
            "€",
            "🙂",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9äöüß ]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_input_is_read_without_panic(html in html_soup()) {
        let page = html_to_text(&html);
        // Text only comes from the input: it is never longer than the input's characters plus bullets.
        prop_assert!(page.text.chars().count() <= html.chars().count() * 3 + 2);
        prop_assert!(!page.text.starts_with('\n') && !page.text.ends_with('\n'));
    }

    #[test]
    fn arbitrary_strings_are_read_without_panic(html in any::<String>()) {
        let _ = html_to_text(&html);
    }
}
