//! Reader input → [`Draft`]: the kind of input is found from the file name (or sniffed), the text goes
//! through the seed ingest, and an HTML page's metadata fills in what the text does not say.

use serde::{Deserialize, Serialize};

use super::{MAX_FILE_BYTES, MAX_TEXT_BYTES, OwnError, SizeOf};
use crate::core::corpus::html::{Aside, HtmlHints, entities::WINDOWS_1252, html_to_text};
use crate::core::corpus::ingest::{content_id, decode, first_sentence_title, ingest, markdown_blocks, parse_iso_date};
use crate::core::corpus::{
    Article, ArticleDate, ArticleId, Block, BlockKind, DateOrigin, LineRole, Outlet, RemovalReason, SimpleDate,
    SourceLine, Title, TitleOrigin,
};
use crate::core::error::IngestError;

/// What the reader gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Text pasted into the page.
    Pasted,
    /// A plain text file (`.txt`, or any other name that is not HTML or Markdown).
    Text,
    /// A Markdown file with front matter (`.md`), as in `seeds/`.
    Markdown,
    /// A web page saved from a news site (`.html`, `.htm`).
    Html,
    /// An article received in a link.
    Link,
}

/// Where a title, date or outlet came from (shown next to the field in the editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Found in the text (a headline line, a dateline, a credit).
    Text,
    /// The front matter of a `.md` file, or a shared link.
    FrontMatter,
    /// The metadata of an HTML page (`og:title`, `article:published_time`, `og:site_name`, `<title>`).
    PageMetadata,
    /// The start of the first sentence, for lack of a headline.
    FirstSentence,
    /// Typed or changed by the reader.
    Reader,
}

/// Why a line was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAsideReason {
    /// The seed ingest's reason (navigation, advertisement, credits, …).
    Line(RemovalReason),
    /// Where it was on an HTML page (navigation, sidebar, footer, outside the article).
    Page(Aside),
}

/// A line set aside from the article's text, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The line.
    pub text: String,
    /// Why.
    pub reason: SetAsideReason,
}

/// An article as the reader edits it before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The headline (empty: the start of the first sentence is used).
    pub title: String,
    /// Where the title came from.
    pub title_from: Origin,
    /// The publication date, when known.
    pub date: Option<SimpleDate>,
    /// Where the date came from.
    pub date_from: Option<Origin>,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// Where the outlet came from.
    pub outlet_from: Option<Origin>,
    /// News agencies credited in the text.
    pub agencies: Vec<String>,
    /// The article's `http(s)` address, when the input names it (never fetched).
    pub url: Option<String>,
    /// The text as Markdown: paragraphs separated by blank lines, `## ` subheadings, `> ` quotes; the first
    /// paragraph is the lead.
    pub body: String,
    /// Lines set aside, with reasons (shown under "original").
    pub set_aside: Vec<SetAside>,
    /// What the reader gave.
    pub source: SourceKind,
    /// The file name (empty when pasted).
    pub file_name: String,
}

/// Reads a dropped or chosen file: `.html`/`.htm` as a web page, `.md` as Markdown with front matter,
/// anything else as text (a file that starts like a web page is read as one).
///
/// ```
/// use presseschau::core::own::{read_file, OwnError, SizeOf, SourceKind};
/// let draft = read_file("a.html", b"<h1>Ein Titel aus der Seite</h1><p>Der Text. Noch ein Satz.</p>").unwrap();
/// assert_eq!((draft.title.as_str(), draft.source), ("Ein Titel aus der Seite", SourceKind::Html));
/// assert_eq!(read_file("b.txt", b"  \n"), Err(OwnError::Empty));
/// assert_eq!(read_file("c.txt", b"https://example.org/artikel"),
///     Err(OwnError::UrlOnly { url: "https://example.org/artikel".into() }));
/// ```
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Draft, OwnError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(OwnError::TooLarge {
            of: SizeOf::File,
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let text = decode_text(name, bytes, matches!(extension.as_str(), "html" | "htm" | "xhtml"))?;
    let kind = match extension.as_str() {
        "html" | "htm" | "xhtml" => SourceKind::Html,
        "md" | "markdown" => SourceKind::Markdown,
        _ if looks_like_html(&text) => SourceKind::Html,
        _ => SourceKind::Text,
    };
    read_text(name, &text, kind)
}

/// Reads pasted text (a pasted web page's source is read as HTML). Input over [`MAX_FILE_BYTES`] is refused
/// as a file would be, before any parsing.
pub fn read_pasted(text: &str) -> Result<Draft, OwnError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(OwnError::TooLarge {
            of: SizeOf::File,
            size: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let kind = if looks_like_html(text) {
        SourceKind::Html
    } else {
        SourceKind::Pasted
    };
    read_text("", text, kind)
}

/// The article among `articles` with the same content as `id` (an own article's id, or the content id of a
/// bundled article's text): the same article is not added twice.
pub fn duplicate_of<'a>(id: &ArticleId, articles: impl IntoIterator<Item = &'a Article>) -> Option<&'a Article> {
    articles
        .into_iter()
        .find(|a| &a.id == id || content_id(&a.text()) == id.0)
}

/// The file's text: UTF-8, or for an HTML page that declares `windows-1252`/`iso-8859-1`, that encoding.
fn decode_text(name: &str, bytes: &[u8], html: bool) -> Result<String, OwnError> {
    match decode(name, bytes) {
        Err(IngestError::InvalidUtf8 { offset, .. }) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
            let latin = ["windows-1252", "iso-8859-1", "iso-8859-15", "latin1"];
            if (html || looks_like_html(&head)) && latin.iter().any(|c| head.contains(&format!("charset={c}"))) {
                Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
            } else {
                Err(OwnError::InvalidUtf8 { offset })
            }
        }
        other => other.map_err(from_ingest),
    }
}

/// One byte of Windows-1252 as a character.
fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Whether text starts like a web page (`<!doctype html`, `<html`, `<head`, `<body`, or a `<meta`/`<p`…).
fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect();
    let start = start.to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<article",
        "<div",
        "<p>",
        "<h1",
    ]
    .iter()
    .any(|p| start.starts_with(p))
}

/// The ingest error as the kind the UI words.
fn from_ingest(e: IngestError) -> OwnError {
    match e {
        IngestError::Empty { .. } => OwnError::Empty,
        IngestError::InvalidUtf8 { offset, .. } => OwnError::InvalidUtf8 { offset },
        IngestError::Binary { .. } => OwnError::Binary,
        IngestError::TooLarge { size, limit, .. } => OwnError::TooLarge {
            of: SizeOf::Text,
            size,
            limit,
        },
        IngestError::OnlyBoilerplate { removed, .. } => OwnError::NoText { set_aside: removed },
        IngestError::FrontMatter { problem, .. } => OwnError::FrontMatter(problem),
    }
}

/// The web address when the whole input is one (`https://…`, `www.…`, or an internet shortcut file's
/// `URL=` line).
fn url_only(text: &str) -> Option<String> {
    let t = text.trim();
    let candidate = if t.starts_with("[InternetShortcut]") {
        t.lines().find_map(|l| l.trim().strip_prefix("URL="))?.trim()
    } else {
        t
    };
    let lower = candidate.to_ascii_lowercase();
    let is_url = lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    (is_url && !candidate.chars().any(char::is_whitespace)).then(|| candidate.to_string())
}

/// Reads text of a known kind into a draft.
fn read_text(name: &str, text: &str, kind: SourceKind) -> Result<Draft, OwnError> {
    if let Some(url) = url_only(text) {
        return Err(OwnError::UrlOnly { url });
    }
    if kind != SourceKind::Html {
        let article = ingest(name, text.as_bytes()).map_err(from_ingest)?;
        let from_front_matter =
            article.title.origin == TitleOrigin::FrontMatter || article.date.origin == Some(DateOrigin::FrontMatter);
        let meta = if from_front_matter {
            Origin::FrontMatter
        } else {
            Origin::Text
        };
        return Ok(Draft::from_article(&article, kind, name, meta));
    }
    read_html(name, text)
}

/// Reads a web page: its text through the scraped-text ingest, its metadata for what the text lacks, and
/// its set-aside parts (navigation, sidebars, …) after the ingest's own.
fn read_html(name: &str, html: &str) -> Result<Draft, OwnError> {
    let page = html_to_text(html);
    if page.text.len() > MAX_TEXT_BYTES {
        return Err(OwnError::TooLarge {
            of: SizeOf::Text,
            size: page.text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    let hint_title = page_title(&page.hints);
    let mut text = page.text.as_str();
    let mut headline = None;
    // The page's headline is its first line: take it as the title (ingest would guess from its shape).
    if let Some(title) = &hint_title
        && let Some(rest) = text.strip_prefix(title.as_str())
        && (rest.is_empty() || rest.starts_with("\n\n"))
    {
        headline = Some(title.clone());
        text = rest.trim_start();
    }
    let set_aside_count = page.aside.len() + usize::from(headline.is_some());
    let article = ingest(name, text.as_bytes()).map_err(|e| match from_ingest(e) {
        OwnError::Empty => OwnError::NoText {
            set_aside: set_aside_count,
        },
        OwnError::NoText { set_aside } => OwnError::NoText {
            set_aside: set_aside + set_aside_count,
        },
        other => other,
    })?;
    let mut draft = Draft::from_article(&article, SourceKind::Html, name, Origin::Text);
    if let Some(h) = headline {
        draft.set_aside.insert(0, line_aside(&h, RemovalReason::Headline));
        (draft.title, draft.title_from) = (h, Origin::PageMetadata);
    }
    draft.apply_hints(&page.hints, hint_title);
    draft.set_aside.extend(page.aside.into_iter().map(|a| SetAside {
        text: a.text,
        reason: SetAsideReason::Page(a.place),
    }));
    Ok(draft)
}

/// The page's headline: `og:title`, else `<title>` without the site's name (" | Zeitung", " - Zeitung").
fn page_title(hints: &HtmlHints) -> Option<String> {
    if let Some(t) = &hints.og_title {
        return Some(t.clone());
    }
    let title = hints.title.as_deref()?;
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, _)) = title.rsplit_once(sep) {
            return Some(head.trim().to_string());
        }
    }
    Some(title.to_string())
}

/// A set-aside line with an ingest reason.
fn line_aside(text: &str, reason: RemovalReason) -> SetAside {
    SetAside {
        text: text.to_string(),
        reason: SetAsideReason::Line(reason),
    }
}

impl Draft {
    /// A draft from an ingested article; `meta` is where its title, date and outlet came from.
    fn from_article(article: &Article, source: SourceKind, name: &str, meta: Origin) -> Self {
        let title_from = match article.title.origin {
            TitleOrigin::FirstSentence => Origin::FirstSentence,
            _ => meta,
        };
        Self {
            title: article.title.text.clone(),
            title_from,
            date: article.date.value,
            date_from: article.date.value.map(|_| meta),
            outlet: article.outlet.as_ref().map(|o| o.name.clone()),
            outlet_from: article.outlet.as_ref().map(|_| meta),
            agencies: article.agencies.clone(),
            url: article.url.clone(),
            body: body_markdown(&article.blocks),
            set_aside: article.removed().map(|(t, r)| line_aside(t, r)).collect(),
            source,
            file_name: name.to_string(),
        }
    }

    /// Fills the title, date, outlet and address the text did not give from a page's metadata.
    fn apply_hints(&mut self, hints: &HtmlHints, title: Option<String>) {
        if self.title_from == Origin::FirstSentence
            && let Some(t) = title
        {
            (self.title, self.title_from) = (t, Origin::PageMetadata);
        }
        if self.date.is_none() {
            let date = [&hints.published, &hints.time]
                .into_iter()
                .flatten()
                .find_map(|d| parse_iso_date(d));
            if date.is_some() {
                (self.date, self.date_from) = (date, Some(Origin::PageMetadata));
            }
        }
        if self.outlet.is_none() && hints.site_name.is_some() {
            (self.outlet, self.outlet_from) = (hints.site_name.clone(), Some(Origin::PageMetadata));
        }
        if self.url.is_none() {
            self.url.clone_from(&hints.url);
        }
    }

    /// The content id of the draft's text: the same text gives the same id, whatever its title or source.
    pub fn content_id(&self) -> ArticleId {
        let blocks = markdown_blocks(&self.body);
        ArticleId(content_id(&joined_text(&blocks)))
    }

    /// The article the views and the analysis take: blocks from [`Draft::body`], id [`Draft::content_id`],
    /// set-aside lines of the ingest as removed lines of the original. No text left is
    /// [`OwnError::NoText`].
    pub fn to_article(&self) -> Result<Article, OwnError> {
        let blocks = markdown_blocks(&self.body);
        if blocks.is_empty() {
            return Err(OwnError::NoText {
                set_aside: self.set_aside.len(),
            });
        }
        let title = match self.title.split_whitespace().collect::<Vec<_>>().join(" ") {
            t if t.is_empty() => first_sentence_title(&blocks),
            text => Title {
                text,
                origin: match self.title_from {
                    Origin::Text => TitleOrigin::Headline,
                    Origin::FirstSentence => TitleOrigin::FirstSentence,
                    _ => TitleOrigin::FrontMatter,
                },
            },
        };
        let date = match self.date {
            Some(d) => ArticleDate {
                value: Some(d),
                origin: Some(match self.date_from {
                    Some(Origin::Text) => DateOrigin::Dateline,
                    _ => DateOrigin::FrontMatter,
                }),
                raw: Some(d.iso()),
            },
            None => ArticleDate::unknown(),
        };
        let outlet = self.outlet.as_ref().filter(|o| !o.trim().is_empty()).map(|o| Outlet {
            name: o.trim().to_string(),
            evidence: o.clone(),
        });
        Ok(Article {
            id: ArticleId(content_id(&joined_text(&blocks))),
            source_file: self.file_name.clone(),
            title,
            date,
            outlet,
            agencies: self.agencies.clone(),
            url: self.url.clone(),
            lines: self.original_lines(),
            blocks,
            credits: Vec::new(),
        })
    }

    /// The lines of the original: the body's lines, then the lines the ingest set aside with their reasons.
    fn original_lines(&self) -> Vec<SourceLine> {
        let body = self.body.lines().map(|l| SourceLine {
            text: l.to_string(),
            role: if l.trim().is_empty() {
                LineRole::Blank
            } else {
                LineRole::Kept
            },
            joined: false,
        });
        let aside = self.set_aside.iter().filter_map(|s| match s.reason {
            SetAsideReason::Line(r) => Some(SourceLine {
                text: s.text.clone(),
                role: LineRole::Removed(r),
                joined: false,
            }),
            SetAsideReason::Page(_) => None,
        });
        body.chain(aside).collect()
    }
}

/// The blocks' text as [`Article::text`] joins it.
fn joined_text(blocks: &[Block]) -> String {
    blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// Blocks as an editable Markdown body: `## ` subheadings, `> ` quotes, captions as paragraphs.
fn body_markdown(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Subheading => format!("## {}", b.markdown.replace('\n', " ")),
            BlockKind::Quote => b
                .markdown
                .lines()
                .map(|l| format!("> {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => b.markdown.clone(),
        })
        .collect();
    parts.join("\n\n")
}
