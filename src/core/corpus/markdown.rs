//! Markdown, configured once: the parser options the whole app uses, and the plain text of a block.
//!
//! The plain text of a block is the concatenation of its `Text` and `Code` events (soft breaks become a
//! space, hard breaks a newline). The UI walks the same events, so an offset into the plain text always
//! lands on the same character on screen.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The parser options used everywhere (strikethrough and tables; no smart punctuation, so the text stays
/// exactly what the source says).
pub fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Parses Markdown with the app's options.
pub fn parse(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, options())
}

/// What an event contributes to the plain text.
pub fn event_text<'a>(event: &'a Event<'_>) -> Option<&'a str> {
    match event {
        // Raw HTML is shown as text, never executed, so it is part of the text too.
        Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => Some(t),
        Event::SoftBreak => Some(" "),
        Event::HardBreak => Some("\n"),
        _ => None,
    }
}

/// The plain text of a Markdown block (paragraphs inside it joined by a blank line).
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut blocks = 0usize;
    for event in parse(markdown) {
        match &event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::CodeBlock(_))
                if blocks > 0 && !out.is_empty() && !out.ends_with("\n\n") =>
            {
                out.push_str("\n\n");
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => blocks += 1,
            _ => {}
        }
        if let Some(t) = event_text(&event) {
            out.push_str(t);
        }
    }
    out.trim_end_matches('\n').to_string()
}
