//! A web page saved from a news site (`.html`) → the plain text the scraped-text ingest reads, plus the
//! page's metadata as hints for title, date and outlet.
//!
//! 1. [`tokenizer`] cuts the page into text, tags and raw-text element content, never failing.
//! 2. [`html_to_text`] walks the tokens with a stack of open elements. Block elements (`p`, `h1`–`h6`, `li`,
//!    `blockquote`, `figcaption`, `div`, …) end a line; text in between is collected with its white space
//!    folded and its character references decoded ([`entities`]).
//! 3. What is not text is dropped: the content of `script`, `style`, `iframe`, `noscript`, `svg`, `template`,
//!    `object`, form controls and `hidden` elements. No attribute is kept except the metadata below, so
//!    `on*` handlers, `javascript:` links and `src` addresses (images, frames) are simply nothing.
//! 4. Text in `nav`, `aside`, `footer` and `form`, and outside the page's main `<article>` (or `<main>`),
//!    is set aside with where it was ([`Aside`]), for the reader to see under "original".
//!
//! Metadata read as [`HtmlHints`]: `<title>`, `og:title`, `og:site_name`, `article:published_time` (or
//! `datePublished`, `date`), the first `<time datetime>` and an `http(s)` canonical address. Nothing in the
//! page is ever executed or loaded: this module only reads a string.
//!
//! Hand-written rather than a crate. Measured alone in a wasm32 cdylib (opt-level z, LTO, wasm-opt -Oz, over a
//! baseline that already has `core::fmt` and substring search): this module +22 KB (+11 KB gzip);
//! `html5gum` 0.8 (a spec tokenizer with the full entity table) +115 KB (+41 KB gzip); `tl` 0.7 +16 KB
//! (+8 KB gzip) for its parse alone, without entity decoding or the walk below, which it would still need.

pub(crate) mod entities;
#[cfg(test)]
mod tests;
mod tokenizer;

use serde::{Deserialize, Serialize};

use tokenizer::{Token, Tokenizer};

/// Deepest nesting of elements tracked (default 512). Deeper elements are read as text of their parent,
/// so a page of a million `<div>`s cannot grow the stack without bound.
pub const MAX_DEPTH: usize = 512;

/// Where set-aside text was on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aside {
    /// Inside `<nav>`: menus, breadcrumbs.
    Navigation,
    /// Inside `<aside>`: boxes next to the article.
    Sidebar,
    /// Inside `<footer>`.
    Footer,
    /// Inside `<form>`: search boxes, newsletter sign-ups, comments.
    Form,
    /// Outside the page's main `<article>` or `<main>` element: teasers, headers, banners.
    OutsideArticle,
}

/// A line of the page set aside, and where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AsideLine {
    /// The text of the line.
    pub text: String,
    /// Where it was.
    pub place: Aside,
}

/// Metadata of the page, as written (trimmed, references decoded); `None` when absent or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtmlHints {
    /// `<title>` (often with the site's name appended, e.g. "… | tagesschau.de").
    pub title: Option<String>,
    /// `<meta property="og:title">`: usually the bare headline.
    pub og_title: Option<String>,
    /// `<meta property="og:site_name">`: the outlet.
    pub site_name: Option<String>,
    /// `<meta property="article:published_time">` (or `itemprop="datePublished"`, `name="date"`).
    pub published: Option<String>,
    /// The `datetime` of the first `<time>` element.
    pub time: Option<String>,
    /// `<link rel="canonical">` or `og:url`, only when it is an `http(s)` address.
    pub url: Option<String>,
}

/// A page read as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtmlText {
    /// The text: one line per block element, blocks separated by a blank line (the form of a scraped
    /// `.txt` seed).
    pub text: String,
    /// Lines set aside, in page order.
    pub aside: Vec<AsideLine>,
    /// The metadata found.
    pub hints: HtmlHints,
    /// How many elements were dropped with their content (scripts, styles, frames, …).
    pub dropped_elements: usize,
}

/// Elements dropped with everything in them.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "noscript",
    "svg",
    "math",
    "template",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "select",
    "button",
    "textarea",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "dialog",
];

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "address",
    "details",
    "summary",
    "hr",
    "body",
    "html",
    "fieldset",
    "legend",
];

/// Elements a browser closes when the same one starts again (`<p>a<p>b`, `<li>a<li>b`).
const SELF_ENDING: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// One open element.
struct Open {
    name: String,
    /// Its content is dropped.
    dropped: bool,
}

/// A line of text found on the page, before the article is chosen.
struct Line {
    text: String,
    /// The set-aside container it is in (innermost), if any.
    container: Option<Aside>,
    /// The serial number of the outermost `<article>` it is in.
    article: Option<usize>,
    /// Whether it is inside `<main>`.
    in_main: bool,
    /// A list item (written with a leading "• ").
    list_item: bool,
}

/// The walk over the tokens: open elements, the line being collected, the lines and hints found.
#[derive(Default)]
struct Walk {
    open: Vec<Open>,
    dropped_open: usize,
    current: String,
    lines: Vec<Line>,
    hints: HtmlHints,
    dropped_elements: usize,
    articles: usize,
    /// Serial of the outermost open `<article>` and the stack depth it was opened at.
    outer_article: Option<(usize, usize)>,
    /// The `<title>` element is open (its raw text is the title hint).
    in_title: bool,
}

/// Reads a saved web page as text. Never fails; a page without text gives an empty [`HtmlText::text`].
///
/// ```
/// use presseschau::core::corpus::html::html_to_text;
/// let page = r#"<html><head><title>Titel | Zeitung</title><script>alert(1)</script></head>
/// <body><nav><a href="/">Start</a></nav><article><h1>Die Überschrift</h1>
/// <p onclick="x()">Erster &amp; bester Absatz.</p><img src="http://tracker.example/x.gif"></article></body></html>"#;
/// let page = html_to_text(page);
/// assert_eq!(page.text, "Die Überschrift\n\nErster & bester Absatz.");
/// assert_eq!(page.hints.title.as_deref(), Some("Titel | Zeitung"));
/// assert_eq!(page.aside[0].text, "Start");
/// ```
pub fn html_to_text(html: &str) -> HtmlText {
    let mut walk = Walk::default();
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(t) => walk.text(t),
            Token::Raw(raw) => walk.raw(raw),
            Token::Start {
                name,
                attrs,
                self_closing,
            } => walk.start(name, &attrs, self_closing),
            Token::End(name) => walk.end(&name),
        }
    }
    walk.flush();
    walk.finish()
}

impl Walk {
    /// Text between tags: appended to the current line unless inside a dropped element.
    fn text(&mut self, raw: &str) {
        if self.dropped_open == 0 {
            // Line breaks in the source are white space; only `<br>` breaks a line.
            let decoded = entities::decode(raw);
            self.current
                .extend(decoded.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }));
        }
    }

    /// Raw-text content: only a `<title>`'s is used (as a hint); scripts, styles and the rest are dropped.
    fn raw(&mut self, raw: &str) {
        if self.in_title && self.hints.title.is_none() {
            self.hints.title = clean(raw);
        }
    }

    /// A start tag: metadata is read, blocks end the current line, the element is pushed.
    fn start(&mut self, name: String, attrs: &[(String, &str)], self_closing: bool) {
        self.in_title = name == "title";
        self.read_hints(&name, attrs);
        if BLOCKS.contains(&name.as_str()) {
            self.flush();
        }
        if name == "br" {
            self.current.push('\n');
        }
        // A raw-text element's content follows even after `/>` (see the tokenizer): it must be dropped too.
        let closed = self_closing && !tokenizer::RAW_TEXT.contains(&name.as_str());
        if VOID.contains(&name.as_str()) || closed {
            if DROPPED.contains(&name.as_str()) {
                self.dropped_elements += 1;
            }
            return;
        }
        if SELF_ENDING.contains(&name.as_str()) && self.open.last().is_some_and(|o| o.name == name) {
            self.pop();
        }
        let dropped = DROPPED.contains(&name.as_str()) || attrs.iter().any(|(a, _)| a == "hidden");
        if self.open.len() >= MAX_DEPTH {
            return;
        }
        if dropped {
            self.dropped_open += 1;
            self.dropped_elements += 1;
        }
        if name == "article" && self.outer_article.is_none() {
            self.articles += 1;
            self.outer_article = Some((self.articles, self.open.len()));
        }
        self.open.push(Open { name, dropped });
    }

    /// An end tag: closes the element and everything opened inside it; an end tag with nothing open to
    /// match is ignored.
    fn end(&mut self, name: &str) {
        self.in_title = false;
        if BLOCKS.contains(&name) || name == "br" {
            self.flush();
        }
        if let Some(i) = self.open.iter().rposition(|o| o.name == name) {
            while self.open.len() > i {
                self.pop();
            }
        }
    }

    /// Pops the innermost open element.
    fn pop(&mut self) {
        if let Some(open) = self.open.pop() {
            if open.dropped {
                self.dropped_open -= 1;
            }
            if self.outer_article.is_some_and(|(_, depth)| depth == self.open.len()) {
                self.outer_article = None;
            }
        }
    }

    /// Ends the current line: its white space folded (a `<br>` kept as a line break), empty lines dropped.
    fn flush(&mut self) {
        let text = fold_lines(&std::mem::take(&mut self.current));
        if text.is_empty() {
            return;
        }
        let has = |names: &[&str]| self.open.iter().any(|o| names.contains(&o.name.as_str()));
        let container = self.open.iter().rev().find_map(|o| match o.name.as_str() {
            "nav" => Some(Aside::Navigation),
            "aside" => Some(Aside::Sidebar),
            "footer" => Some(Aside::Footer),
            "form" => Some(Aside::Form),
            _ => None,
        });
        self.lines.push(Line {
            text,
            container,
            article: self.outer_article.map(|(serial, _)| serial),
            in_main: has(&["main"]),
            list_item: has(&["li"]),
        });
    }

    /// Reads the metadata of a `<meta>`, `<link>` or `<time>` tag into the hints (first value wins).
    fn read_hints(&mut self, name: &str, attrs: &[(String, &str)]) {
        let attr = |key: &str| attrs.iter().find(|(a, _)| a == key).map(|(_, v)| *v);
        let hints = &mut self.hints;
        match name {
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).or_else(|| attr("itemprop"));
                let content = attr("content").or_else(|| attr("datetime"));
                let (Some(key), Some(content)) = (key, content) else {
                    return;
                };
                let slot = match key.to_ascii_lowercase().as_str() {
                    "og:title" => &mut hints.og_title,
                    "og:site_name" => &mut hints.site_name,
                    "article:published_time" | "datepublished" | "date" | "dc.date" => &mut hints.published,
                    "og:url" => &mut hints.url,
                    _ => return,
                };
                if slot.is_none() {
                    *slot = clean(content);
                }
            }
            "link" if hints.url.is_none() && attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                hints.url = attr("href").and_then(clean);
            }
            "time" if hints.time.is_none() => hints.time = attr("datetime").and_then(clean),
            _ => {}
        }
        if hints.url.as_deref().is_some_and(|u| !is_web_address(u)) {
            hints.url = None;
        }
    }

    /// Chooses the article and splits the lines into text and set-aside lines.
    fn finish(self) -> HtmlText {
        let main = main_region(&self.lines);
        let mut text = String::new();
        let mut aside = Vec::new();
        for line in self.lines {
            let place = line.container.or_else(|| match main {
                Region::Article(serial) if line.article != Some(serial) => Some(Aside::OutsideArticle),
                Region::Main if !line.in_main => Some(Aside::OutsideArticle),
                _ => None,
            });
            if let Some(place) = place {
                aside.push(AsideLine { text: line.text, place });
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            if line.list_item {
                text.push_str("• ");
            }
            text.push_str(&line.text);
        }
        HtmlText {
            text,
            aside,
            hints: self.hints,
            dropped_elements: self.dropped_elements,
        }
    }
}

/// The part of the page that holds the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// The outermost `<article>` with this serial number.
    Article(usize),
    /// The `<main>` element.
    Main,
    /// The whole page.
    Page,
}

/// Least text (characters) a region needs to be taken as the article (default 200); a page whose
/// `<article>`s are all short teasers is read whole.
const MIN_REGION_CHARS: usize = 200;

/// The article region: the outermost `<article>` with the most text (outside set-aside containers), else
/// `<main>`, else the page.
fn main_region(lines: &[Line]) -> Region {
    // Serial numbers count up from 1 in page order: a vector indexed by serial, so a page of a million
    // tiny <article>s stays linear.
    let mut per_article: Vec<usize> = Vec::new();
    let mut in_main = 0;
    for line in lines.iter().filter(|l| l.container.is_none()) {
        let len = line.text.chars().count();
        if line.in_main {
            in_main += len;
        }
        if let Some(serial) = line.article {
            if per_article.len() <= serial {
                per_article.resize(serial + 1, 0);
            }
            per_article[serial] += len;
        }
    }
    // The first of equal totals wins, as `max_by_key` would pick the last.
    let best = per_article
        .iter()
        .enumerate()
        .fold(None, |best: Option<(usize, usize)>, (serial, &total)| match best {
            Some((_, b)) if b >= total => best,
            _ => Some((serial, total)),
        });
    match best {
        Some((serial, total)) if total >= MIN_REGION_CHARS => Region::Article(serial),
        _ if in_main >= MIN_REGION_CHARS => Region::Main,
        _ => Region::Page,
    }
}

/// A hint value: references decoded, white space folded; `None` when empty.
fn clean(raw: &str) -> Option<String> {
    let folded = entities::decode(raw).split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// Folds white space inside each line (`<br>` breaks), drops empty lines and soft hyphens.
fn fold_lines(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|l| {
            l.split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .replace('\u{ad}', "")
        })
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Whether an address is a plain `http(s)` one (no `javascript:`, `data:` or white space inside).
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_whitespace)
}
