//! The corpus: seed files as received → clean articles.
//!
//! 1. [`ingest::ingest`] reads one file (plain scraped text or Markdown with front matter), classifies every
//!    line (body, title, caption, credit, metadata, boilerplate with a reason) and builds an [`Article`].
//! 2. [`Corpus::from_sources`] ingests many files, keeps per-file errors, and sorts newest first.
//! 3. [`Corpus::from_seeds`] does that for the files in `seeds/`, embedded at compile time by `build.rs`.

pub mod html;
pub mod ingest;
pub mod markdown;
pub mod seeds;

use serde::{Deserialize, Serialize};

use crate::core::error::IngestError;

/// A stable article id: a hash of the article's normalised source text, so it survives renaming the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One clean article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the content.
    pub id: ArticleId,
    /// The file it came from.
    pub source_file: String,
    /// The headline, and where it came from.
    pub title: Title,
    /// Publication date, with its precision and origin.
    pub date: ArticleDate,
    /// The outlet that published it, when the text names it.
    pub outlet: Option<Outlet>,
    /// News agencies credited (e.g. `AFP`, `Reuters`, `dpa`).
    pub agencies: Vec<String>,
    /// The article's URL when known (front matter or a short link in the text).
    pub url: Option<String>,
    /// The clean text, block by block, in reading order.
    pub blocks: Vec<Block>,
    /// Photo credits set apart from the text.
    pub credits: Vec<String>,
    /// Every line of the original with what ingest made of it.
    pub lines: Vec<SourceLine>,
}

/// Where the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleOrigin {
    /// A headline line in the text.
    Headline,
    /// The `title` field of the front matter.
    FrontMatter,
    /// The source has no headline: this is the start of the first sentence.
    FirstSentence,
}

/// An article title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// The text shown.
    pub text: String,
    /// Where it came from.
    pub origin: TitleOrigin,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A year only.
    Year,
    /// Year and month.
    Month,
    /// A calendar day.
    Day,
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// A dateline such as "29. Dezember 2020".
    Dateline,
    /// A leading `date 2022-01` marker.
    Marker,
    /// The `date` field of the front matter.
    FrontMatter,
}

/// A date that may be unknown or imprecise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimpleDate {
    /// Year.
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known.
    pub day: Option<u8>,
}

impl SimpleDate {
    /// ISO form: `2020-12-29`, `2022-01` or `2017`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Precision of this date.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// Days since 1970-01-01 of the date's first day (month/day default to 1).
    pub fn days_from_epoch(&self) -> i64 {
        crate::core::text::days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of the middle of the period this date covers.
    pub fn mid_days(&self) -> f64 {
        let start = self.days_from_epoch() as f64;
        match self.precision() {
            DatePrecision::Day => start,
            DatePrecision::Month => start + 14.5,
            DatePrecision::Year => start + 182.0,
        }
    }
}

/// The publication date of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    /// The date, or `None` when the source does not say.
    pub value: Option<SimpleDate>,
    /// Where it came from (`None` when unknown).
    pub origin: Option<DateOrigin>,
    /// The text it was read from.
    pub raw: Option<String>,
}

impl ArticleDate {
    /// An unknown date.
    pub fn unknown() -> Self {
        Self {
            value: None,
            origin: None,
            raw: None,
        }
    }
}

/// The outlet that published an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlet {
    /// Display name, e.g. `DW`, `news.de`, `FLASH UP`.
    pub name: String,
    /// The text it was read from.
    pub evidence: String,
}

/// The kind of a block of clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The first paragraph (teaser).
    Lead,
    /// A paragraph of body text.
    Paragraph,
    /// A subheading inside the article.
    Subheading,
    /// A quotation set as its own paragraph.
    Quote,
    /// An image caption.
    Caption,
}

/// A block of clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block as Markdown (inline Markdown only; plain text is escaped).
    pub markdown: String,
    /// The plain text of the block: the text of its Markdown events, concatenated.
    pub text: String,
    /// Offset of the block's text in [`Article::text`], in Unicode code points.
    pub start: usize,
}

/// Why a line was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// "Zum Inhalt springen" and similar navigation.
    SkipLink,
    /// A section label such as "Politik".
    SectionLabel,
    /// A bare short URL.
    ShortUrl,
    /// "Artikel teilen" buttons.
    ShareButtons,
    /// "Lesen Sie auch: …".
    ReadAlso,
    /// "Folgen Sie … bei Facebook …".
    SocialPromo,
    /// "Anzeige".
    Advertisement,
    /// "Copyright".
    Copyright,
    /// An author box.
    AuthorBox,
    /// A topic list ("Themen").
    Topics,
    /// Keywords of an image (alt text) above its caption.
    ImageKeywords,
    /// A caption shown once already.
    DuplicateCaption,
    /// Author and agency initials such as "ehl/sti (afp, rtr)".
    AuthorCredits,
    /// A photo credit such as "(Foto: picture alliance / AP)".
    PhotoCredit,
    /// The dateline, used as the article's date.
    Dateline,
    /// A `date YYYY-MM` marker, used as the article's date.
    DateMarker,
    /// The headline, used as the article's title.
    Headline,
}

impl RemovalReason {
    /// A short English explanation shown next to the removed line.
    pub fn label(self) -> &'static str {
        match self {
            Self::SkipLink => "navigation link",
            Self::SectionLabel => "section label",
            Self::ShortUrl => "short URL",
            Self::ShareButtons => "share buttons",
            Self::ReadAlso => "\"read also\" teaser",
            Self::SocialPromo => "social media promotion",
            Self::Advertisement => "advertisement",
            Self::Copyright => "copyright notice",
            Self::AuthorBox => "author box",
            Self::Topics => "topic list",
            Self::ImageKeywords => "image keywords",
            Self::DuplicateCaption => "duplicate caption",
            Self::AuthorCredits => "author/agency credits (shown in the meta line)",
            Self::PhotoCredit => "photo credit (shown under the caption)",
            Self::Dateline => "dateline (used as the date)",
            Self::DateMarker => "date marker (used as the date)",
            Self::Headline => "headline (used as the title)",
        }
    }

    /// Whether this is boilerplate (not article content moved into metadata).
    pub fn is_boilerplate(self) -> bool {
        !matches!(
            self,
            Self::AuthorCredits | Self::PhotoCredit | Self::Dateline | Self::DateMarker | Self::Headline
        )
    }
}

/// What ingest made of one line of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", content = "reason", rename_all = "snake_case")]
pub enum LineRole {
    /// Kept as article text (body, lead, subheading, quote or caption).
    Kept,
    /// An empty line.
    Blank,
    /// Taken out of the text, with the reason.
    Removed(RemovalReason),
}

/// A line of the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLine {
    /// The line as it was (without the line break).
    pub text: String,
    /// What ingest made of it.
    pub role: LineRole,
    /// This piece continues the previous line of the file (a line split in two, e.g. after a date marker).
    pub joined: bool,
}

impl Article {
    /// The clean plain text: the blocks' text joined by blank lines. Offsets of mentions and annotations
    /// are Unicode code points into this string.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }

    /// The body as Markdown: lead, paragraphs, subheadings (`##`) and quotes (`>`); captions are left out.
    pub fn body_markdown(&self) -> String {
        let mut parts = Vec::new();
        for block in &self.blocks {
            match block.kind {
                BlockKind::Lead | BlockKind::Paragraph => parts.push(block.markdown.clone()),
                BlockKind::Subheading => parts.push(format!("## {}", block.markdown)),
                BlockKind::Quote => parts.push(format!("> {}", block.markdown)),
                BlockKind::Caption => {}
            }
        }
        parts.join("\n\n")
    }

    /// The lines removed as boilerplate or moved into metadata, with their reasons.
    pub fn removed(&self) -> impl Iterator<Item = (&str, RemovalReason)> {
        self.lines.iter().filter_map(|l| match l.role {
            LineRole::Removed(r) => Some((l.text.as_str(), r)),
            _ => None,
        })
    }

    /// The captions, in order.
    pub fn captions(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Caption)
    }

    /// Number of words of body text (captions excluded).
    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Caption)
            .map(|b| b.text.split_whitespace().count())
            .sum()
    }

    /// Estimated reading time in minutes (200 words a minute, at least 1).
    pub fn reading_minutes(&self) -> usize {
        reading_minutes(self.word_count())
    }
}

/// Estimated reading time in minutes of a text of `words` words (200 words a minute, at least 1).
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(200).max(1)
}

/// A set of ingested articles plus the files that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// Articles, newest first (unknown dates last, then by title).
    pub articles: Vec<Article>,
    /// Files that could not be ingested.
    pub errors: Vec<IngestError>,
}

/// The library's order: newest first, unknown dates last, then by title.
fn library_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    let key = |x: &Article| x.date.value.map(|d| std::cmp::Reverse((d.year, d.month, d.day)));
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.title.text.cmp(&b.title.text))
}

impl Corpus {
    /// Ingests `(file name, bytes)` pairs. A bad file becomes an error; the others still come through.
    /// Two files with the same content become one article (the first one's file name is kept).
    ///
    /// ```
    /// use presseschau::core::corpus::Corpus;
    /// let corpus = Corpus::from_sources([
    ///     ("a.txt", "Ein Titel ohne Punkt am Ende\n\nDer erste Absatz. Er hat zwei Sätze.".as_bytes()),
    ///     ("b.txt", b"".as_slice()),
    /// ]);
    /// assert_eq!(corpus.articles.len(), 1);
    /// assert_eq!(corpus.articles[0].title.text, "Ein Titel ohne Punkt am Ende");
    /// assert_eq!(corpus.errors.len(), 1);
    /// ```
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Self {
        let mut corpus = Corpus::default();
        for (name, bytes) in sources {
            match ingest::ingest(name, bytes) {
                Ok(article) => {
                    if !corpus.articles.iter().any(|a| a.id == article.id) {
                        corpus.articles.push(article);
                    }
                }
                Err(e) => corpus.errors.push(e),
            }
        }
        corpus.articles.sort_by(library_order);
        corpus
    }

    /// Adds `article` in its place in the library's order, or puts it in place of the article with its id.
    ///
    /// ```
    /// use presseschau::core::corpus::Corpus;
    /// let source = |title: &str| format!("{title}\n\nDer erste Absatz von {title}. Er hat zwei Sätze.");
    /// let (a, b, c) = (source("Anfang"), source("Bericht"), source("Chronik"));
    /// let mut corpus = Corpus::from_sources([("a.txt", a.as_bytes()), ("c.txt", c.as_bytes())]);
    /// let middle = Corpus::from_sources([("b.txt", b.as_bytes())]).articles.remove(0);
    /// corpus.insert(middle.clone());
    /// corpus.insert(middle);
    /// let titles: Vec<_> = corpus.articles.iter().map(|a| a.title.text.as_str()).collect();
    /// assert_eq!(titles, ["Anfang", "Bericht", "Chronik"]);
    /// ```
    pub fn insert(&mut self, article: Article) {
        self.articles.retain(|a| a.id != article.id);
        let at = self
            .articles
            .partition_point(|a| library_order(a, &article) != std::cmp::Ordering::Greater);
        self.articles.insert(at, article);
    }

    /// The corpus of the files in `seeds/`, embedded at compile time.
    pub fn from_seeds() -> Self {
        Self::from_sources(seeds::SEEDS.iter().map(|(name, bytes)| (*name, *bytes)))
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id.0 == id)
    }

    /// Index of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id.0 == id)
    }
}
