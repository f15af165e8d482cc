//! A printable handout for a class: the article's title, date and outlet, then every annotated passage
//! in text order, quoted, with its colour (by name and symbol, so it reads in black and white), note and
//! tags. Passages that cannot be found in the current text are listed at the end with their quote.
//!
//! [`blocks`] gives the content as view-model blocks (values, no words); [`markdown`] renders them as
//! Markdown (quotes and tags escaped, notes kept as the Markdown the user wrote) in the words the UI passes
//! ([`HandoutWords`]).

use crate::core::annotations::anchor::TextIndex;
use crate::core::annotations::{Annotation, Color};
use crate::core::corpus::{Article, SimpleDate};
use crate::core::text::escape_markdown;

/// One piece of a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoutBlock {
    /// The article's title.
    Title(String),
    /// Date and outlet (at least one of them).
    Meta {
        /// The article's date.
        date: Option<SimpleDate>,
        /// The outlet's name.
        outlet: Option<String>,
    },
    /// Where the article was published (its web address, when known).
    Source(String),
    /// An annotated passage.
    Passage {
        /// Number in text order, from 1.
        number: usize,
        /// The passage as it is in the current text (or the stored quote when orphaned).
        quote: String,
        /// Colour.
        color: Color,
        /// Note (Markdown).
        note: Option<String>,
        /// Tags.
        tags: Vec<String>,
        /// The passage was not found in the current text.
        orphaned: bool,
    },
}

/// The handout's blocks for one article and its annotations (others are ignored).
pub fn blocks(article: &Article, annotations: &[&Annotation]) -> Vec<HandoutBlock> {
    let mut out = vec![HandoutBlock::Title(article.title.text.clone())];
    let outlet = article.outlet.as_ref().map(|o| o.name.clone());
    if article.date.value.is_some() || outlet.is_some() {
        out.push(HandoutBlock::Meta {
            date: article.date.value,
            outlet,
        });
    }
    if let Some(url) = &article.url {
        out.push(HandoutBlock::Source(url.clone()));
    }
    let index = TextIndex::new(&article.text());
    let mut placed: Vec<(Option<(usize, usize)>, &Annotation)> = annotations
        .iter()
        .filter(|a| a.article_id == article.id)
        .map(|a| (index.reanchor(&a.quote, Some(a.position)).range(), *a))
        .collect();
    // Found passages in text order, orphans last (in their old order).
    placed.sort_by_key(|(r, a)| (r.is_none(), r.unwrap_or((a.position.start, a.position.end))));
    for (i, (range, a)) in placed.into_iter().enumerate() {
        out.push(HandoutBlock::Passage {
            number: i + 1,
            quote: range.map_or_else(|| a.quote.exact.clone(), |(s, e)| index.slice(s, e)),
            color: a.color,
            note: a.note.clone(),
            tags: a.tags.clone(),
            orphaned: range.is_none(),
        });
    }
    out
}

/// The words of a handout, in the reader's language (the UI's text module has them).
#[derive(Debug, Clone, Copy)]
pub struct HandoutWords {
    /// A date as the reader writes it.
    pub date: fn(SimpleDate) -> String,
    /// A colour's name.
    pub color: fn(Color) -> &'static str,
    /// After a passage that is no longer in the text, e.g. "(no longer found in the current text)".
    pub not_found: &'static str,
    /// Before the tags, e.g. "Tags".
    pub tags: &'static str,
    /// Before the article's web address, e.g. "Source".
    pub source: &'static str,
    /// Before the address of its page in Presseschau, e.g. "Read in Presseschau".
    pub page: &'static str,
}

/// The handout as Markdown.
///
/// `page` is the address of the article's page in Presseschau, when it has one anyone can open (not for an
/// own article): the students' way to the text with its names and links.
pub fn markdown(article: &Article, annotations: &[&Annotation], words: &HandoutWords, page: Option<&str>) -> String {
    let mut out = String::new();
    let blocks = blocks(article, annotations);
    // the page's address goes under the title, date and source, before the passages
    let head = blocks
        .iter()
        .take_while(|b| !matches!(b, HandoutBlock::Passage { .. }))
        .count();
    let (head, passages) = blocks.split_at(head);
    for b in head {
        write_block(&mut out, b, words);
    }
    if let Some(p) = page {
        out.push_str(&format!("{}: <{p}>\n\n", words.page));
    }
    for b in passages {
        write_block(&mut out, b, words);
    }
    out
}

/// One block of the handout as Markdown, appended to `out`.
fn write_block(out: &mut String, block: &HandoutBlock, words: &HandoutWords) {
    match block {
        HandoutBlock::Title(t) => out.push_str(&format!("# {}\n\n", escape_markdown(t))),
        HandoutBlock::Meta { date, outlet } => {
            let parts: Vec<String> = date.map(words.date).into_iter().chain(outlet.clone()).collect();
            out.push_str(&format!("*{}*\n\n", escape_markdown(&parts.join(" · "))));
        }
        HandoutBlock::Source(url) => out.push_str(&format!("{}: <{}>\n\n", words.source, url.replace('>', "%3E"))),
        HandoutBlock::Passage {
            number,
            quote,
            color,
            note,
            tags,
            orphaned,
        } => {
            out.push_str(&format!("## {number}. {} {}", color.symbol(), (words.color)(*color)));
            if *orphaned {
                out.push(' ');
                out.push_str(words.not_found);
            }
            out.push_str("\n\n");
            for line in quote.lines() {
                out.push_str(&format!("> {}\n", escape_markdown(line)));
            }
            out.push('\n');
            if let Some(n) = note {
                out.push_str(n.trim_end());
                out.push_str("\n\n");
            }
            if !tags.is_empty() {
                let tags: Vec<String> = tags.iter().map(|t| format!("`{}`", t.replace('`', "'"))).collect();
                out.push_str(&format!("{}: {}\n\n", words.tags, tags.join(", ")));
            }
        }
    }
}
