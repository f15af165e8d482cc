//! Ingest of one source file: bytes → [`Article`].
//!
//! 1. Decode: reject empty, binary, invalid UTF-8 and oversized input with an [`IngestError`].
//! 2. Front matter (`---` … `---` with `title`, `date`, `outlet`, `url`) is read when present; the rest is
//!    Markdown and split into blocks.
//! 3. Otherwise the text is scraped plain text: every line is classified by [`classify_line`] (boilerplate
//!    with a reason, dateline, credits, captions) and the rest becomes title, lead, paragraphs, subheadings,
//!    quotes and captions.

use sha2::{Digest, Sha256};

use super::markdown::plain_text;
use super::{
    Article, ArticleDate, ArticleId, Block, BlockKind, DateOrigin, LineRole, Outlet, RemovalReason, SimpleDate,
    SourceLine, Title, TitleOrigin,
};
use crate::core::error::IngestError;
use crate::core::text::{escape_markdown, german_month};

/// The largest file accepted as one article (1 MiB; the longest news articles are ~100 KB).
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// Section labels that scraped pages put above the headline.
const SECTION_LABELS: &[&str] = &[
    "Politik",
    "Wirtschaft",
    "Panorama",
    "Sport",
    "Kultur",
    "Wissen",
    "Digital",
    "Meinung",
    "Gesellschaft",
    "Ausland",
    "Inland",
    "Nachrichten",
    "News",
    "Startseite",
    "Home",
    "Video",
    "Finanzen",
    "Technik",
    "Reise",
    "Leben",
    "Welt",
    "Feuilleton",
    "Regional",
    "Lokales",
    "Kommentar",
    "Analyse",
    "Interview",
    "Hintergrund",
];

/// Agency codes in credits, with their display names.
const AGENCIES: &[(&str, &str)] = &[
    ("afp", "AFP"),
    ("rtr", "Reuters"),
    ("reuters", "Reuters"),
    ("dpa", "dpa"),
    ("ap", "AP"),
    ("kna", "KNA"),
    ("epd", "epd"),
    ("sid", "SID"),
    ("dw", "DW"),
    ("ddp", "ddp"),
    ("apa", "APA"),
    ("sda", "SDA"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
    ("tass", "TASS"),
    ("ria", "RIA Nowosti"),
    ("interfax", "Interfax"),
];

/// Reads one file. `name` is only used for messages and `source_file`.
///
/// ```
/// use presseschau::core::corpus::{ingest::ingest, RemovalReason};
/// let raw = "Politik\n\nEin neuer Titel für den Test\n\n3. Mai 2021\n\nDer Text beginnt hier. Er endet hier.\n\nAnzeige\n";
/// let article = ingest("x.txt", raw.as_bytes()).unwrap();
/// assert_eq!(article.title.text, "Ein neuer Titel für den Test");
/// assert_eq!(article.date.value.unwrap().iso(), "2021-05-03");
/// assert!(article.removed().any(|(t, r)| t == "Anzeige" && r == RemovalReason::Advertisement));
/// ```
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let file = name.to_string();
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(IngestError::TooLarge {
            file,
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let text = decode(&file, bytes)?;
    let normalised = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if normalised.trim().is_empty() {
        return Err(IngestError::Empty { file });
    }
    let id = ArticleId(content_id(&normalised));
    if let Some(rest) = normalised.strip_prefix("---\n") {
        return ingest_front_matter(file, id, &normalised, rest);
    }
    ingest_scraped(file, id, &normalised)
}

fn decode(file: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let control = bytes
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t' && b != 0x0c))
        .count();
    if bytes.contains(&0) || control * 100 > bytes.len().max(1) {
        return Err(IngestError::Binary { file: file.to_string() });
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| IngestError::InvalidUtf8 {
        file: file.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A content id: the first 12 hex digits of the SHA-256 of the normalised text (white space runs folded),
/// so re-saving a file with other line endings keeps the id.
pub fn content_id(text: &str) -> String {
    let folded: Vec<&str> = text.split_whitespace().collect();
    let digest = Sha256::digest(folded.join(" ").as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------------------------------------------------
// Front matter + Markdown

fn ingest_front_matter(file: String, id: ArticleId, whole: &str, rest: &str) -> Result<Article, IngestError> {
    let Some(end) = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(str::len))
    else {
        return Err(IngestError::FrontMatter {
            file,
            problem: "is opened with `---` but never closed".into(),
        });
    };
    let (head, body) = (&rest[..end], rest.get(end + 5..).unwrap_or(""));
    let mut title = None;
    let mut date = ArticleDate::unknown();
    let mut outlet = None;
    let mut url = None;
    for line in head
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        let Some((key, value)) = line.split_once(':') else {
            return Err(IngestError::FrontMatter {
                file,
                problem: format!("line `{line}` is not `key: value`"),
            });
        };
        let value = value.trim().trim_matches('"').trim_matches('\'').to_string();
        match key.trim() {
            "title" => title = Some(value),
            "date" => {
                let parsed = parse_iso_date(&value).ok_or_else(|| IngestError::FrontMatter {
                    file: file.clone(),
                    problem: format!("field `date` is not a date like 2022-01-03 or 2022-01: `{value}`"),
                })?;
                date = ArticleDate {
                    value: Some(parsed),
                    origin: Some(DateOrigin::FrontMatter),
                    raw: Some(value),
                };
            }
            "outlet" => {
                outlet = Some(Outlet {
                    name: value.clone(),
                    evidence: format!("outlet: {value}"),
                })
            }
            "url" => url = Some(value),
            _ => {}
        }
    }
    let mut blocks = Vec::new();
    for chunk in split_markdown_blocks(body) {
        let (kind, md) = if let Some(h) = chunk.strip_prefix('#') {
            (BlockKind::Subheading, h.trim_start_matches('#').trim().to_string())
        } else if chunk.starts_with('>') {
            let q: Vec<&str> = chunk.lines().map(|l| l.trim_start_matches('>').trim()).collect();
            (BlockKind::Quote, q.join("\n"))
        } else {
            (BlockKind::Paragraph, chunk.to_string())
        };
        let kind = if kind == BlockKind::Paragraph && !blocks.iter().any(|b: &Block| b.kind != BlockKind::Caption) {
            BlockKind::Lead
        } else {
            kind
        };
        push_block(&mut blocks, kind, md);
    }
    if blocks.is_empty() {
        return Err(IngestError::OnlyBoilerplate { file, removed: 0 });
    }
    let title = match title {
        Some(t) if !t.is_empty() => Title {
            text: t,
            origin: TitleOrigin::FrontMatter,
        },
        _ => first_sentence_title(&blocks),
    };
    let lines = whole
        .lines()
        .map(|l| SourceLine {
            text: l.to_string(),
            role: role_of_blank(l),
            joined: false,
        })
        .collect();
    Ok(Article {
        id,
        source_file: file,
        title,
        date,
        outlet,
        agencies: Vec::new(),
        url,
        blocks,
        credits: Vec::new(),
        lines,
    })
}

fn role_of_blank(line: &str) -> LineRole {
    if line.trim().is_empty() {
        LineRole::Blank
    } else {
        LineRole::Kept
    }
}

fn split_markdown_blocks(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_string());
            }
            cur.clear();
        } else {
            // A heading line is always its own block.
            if line.starts_with('#') && !cur.trim().is_empty() {
                out.push(cur.trim().to_string());
                cur.clear();
            }
            cur.push_str(line);
            cur.push('\n');
            if line.starts_with('#') {
                out.push(cur.trim().to_string());
                cur.clear();
            }
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn push_block(blocks: &mut Vec<Block>, kind: BlockKind, markdown: String) {
    let text = plain_text(&markdown);
    if text.trim().is_empty() {
        return;
    }
    let start = blocks
        .last()
        .map_or(0, |b: &Block| b.start + b.text.chars().count() + 2);
    blocks.push(Block {
        kind,
        markdown,
        text,
        start,
    });
}

fn parse_iso_date(s: &str) -> Option<SimpleDate> {
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u8> = parts.next().map(|d| d.get(..2).unwrap_or(d).parse()).transpose().ok()?;
    if !(1000..=9999).contains(&year) || month.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    if let (Some(m), Some(d)) = (month, day)
        && (d == 0 || d > crate::core::text::days_in_month(year, m))
    {
        return None;
    }
    Some(SimpleDate { year, month, day })
}

// ---------------------------------------------------------------------------------------------------------
// Scraped plain text

/// What a single line is, judged on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineClass {
    /// Nothing special: text.
    Text,
    /// Boilerplate, with the reason.
    Boilerplate(RemovalReason),
    /// A dateline with the date it gives.
    Dateline(SimpleDate),
    /// Agency/author credits with the agencies named.
    Credits(Vec<String>),
    /// A photo credit (whole line).
    PhotoCredit(String),
    /// An image caption followed by its credit on the same line.
    CaptionWithCredit {
        /// The caption.
        caption: String,
        /// The credit.
        credit: String,
    },
}

/// Classifies one trimmed, non-empty line on its own.
pub fn classify_line(line: &str) -> LineClass {
    use RemovalReason as R;
    let l = line.trim().trim_start_matches(['•', '·', '*', '-', '–']).trim();
    let lower = l.to_lowercase();
    if is_skip_link(l) {
        return LineClass::Boilerplate(R::SkipLink);
    }
    if (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(char::is_whitespace) {
        return LineClass::Boilerplate(R::ShortUrl);
    }
    if lower.trim_end_matches(':') == "artikel teilen" || lower.starts_with("artikel teilen") && l.len() < 40 {
        return LineClass::Boilerplate(R::ShareButtons);
    }
    if lower.starts_with("lesen sie auch")
        || lower.starts_with("mehr zum thema:")
        || lower.starts_with("auch interessant:")
    {
        return LineClass::Boilerplate(R::ReadAlso);
    }
    if lower.starts_with("folgen sie")
        && ["facebook", "twitter", "instagram", "youtube", "tiktok", "whatsapp"]
            .iter()
            .any(|s| lower.contains(s))
    {
        return LineClass::Boilerplate(R::SocialPromo);
    }
    if matches!(lower.as_str(), "anzeige" | "werbung" | "advertisement" | "sponsored") {
        return LineClass::Boilerplate(R::Advertisement);
    }
    if (lower.starts_with("copyright") || l.starts_with('©')) && l.len() < 120 {
        return LineClass::Boilerplate(R::Copyright);
    }
    if is_author_box(l) {
        return LineClass::Boilerplate(R::AuthorBox);
    }
    if matches!(
        lower.as_str(),
        "themen" | "schlagwörter" | "tags" | "mehr zum thema" | "teilen"
    ) {
        return LineClass::Boilerplate(R::Topics);
    }
    if let Some(d) = parse_dateline(l) {
        return LineClass::Dateline(d);
    }
    if let Some(agencies) = parse_credits(l) {
        return LineClass::Credits(agencies);
    }
    if let Some(credit) = parse_photo_credit(l) {
        return LineClass::PhotoCredit(credit);
    }
    if let Some((caption, credit)) = split_caption_credit(l) {
        return LineClass::CaptionWithCredit { caption, credit };
    }
    LineClass::Text
}

fn is_skip_link(l: &str) -> bool {
    let rest = l
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches('.')
        .trim();
    let lower = rest.to_lowercase();
    (lower.starts_with("zum ") || lower.starts_with("zur ") || lower.starts_with("zu ")) && lower.ends_with("springen")
        || lower == "navigation überspringen"
        || lower == "skip to content"
}

fn is_author_box(l: &str) -> bool {
    // "Über Redaktion von FLASH UP 21142 Artikel"
    let Some(rest) = l.strip_prefix("Über ") else {
        return false;
    };
    rest.ends_with(" Artikel")
        && rest
            .split_whitespace()
            .rev()
            .nth(1)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// "29. Dezember 2020", "29.12.2020", "29. Dezember 2020, 14:05 Uhr" (the whole line).
fn parse_dateline(l: &str) -> Option<SimpleDate> {
    let core = l.split(',').next()?.trim();
    let words: Vec<&str> = core.split_whitespace().collect();
    let date = match words.as_slice() {
        [d, m, y] => {
            let day: u8 = d.strip_suffix('.')?.parse().ok()?;
            let month = german_month(m)?;
            let year: i32 = y.parse().ok()?;
            SimpleDate {
                year,
                month: Some(month),
                day: Some(day),
            }
        }
        [dmy] => {
            let mut it = dmy.split('.');
            let day: u8 = it.next()?.parse().ok()?;
            let month: u8 = it.next()?.parse().ok()?;
            let year: i32 = it.next()?.parse().ok()?;
            if it.next().is_some() {
                return None;
            }
            SimpleDate {
                year,
                month: Some(month),
                day: Some(day),
            }
        }
        _ => return None,
    };
    let rest = l[core.len()..].trim_start_matches(',').trim();
    let rest_ok = rest.is_empty() || rest.len() < 20 && rest.chars().all(|c| c.is_ascii_digit() || ": Uhr".contains(c));
    let valid = (1900..=2100).contains(&date.year)
        && date.month.is_some_and(|m| (1..=12).contains(&m))
        && date
            .day
            .is_some_and(|d| d >= 1 && d <= crate::core::text::days_in_month(date.year, date.month.unwrap_or(1)));
    (rest_ok && valid).then_some(date)
}

/// "ehl/sti (afp, rtr)" → agencies.
fn parse_credits(l: &str) -> Option<Vec<String>> {
    let (initials, rest) = l.split_once('(')?;
    let inner = rest.strip_suffix(')')?;
    let initials = initials.trim();
    let initials_ok = !initials.is_empty()
        && initials.len() <= 20
        && initials
            .split('/')
            .all(|p| (1..=5).contains(&p.len()) && p.chars().all(|c| c.is_lowercase()));
    let agencies: Option<Vec<String>> = inner
        .split([',', '/'])
        .map(|a| agency_name(a.trim()).map(str::to_string))
        .collect();
    if initials_ok {
        agencies.filter(|a| !a.is_empty())
    } else {
        None
    }
}

fn agency_name(code: &str) -> Option<&'static str> {
    let lower = code.to_lowercase();
    AGENCIES.iter().find(|(c, _)| *c == lower).map(|(_, n)| *n)
}

const CREDIT_WORDS: &[&str] = &["Bild:", "Foto:", "Fotos:", "Bildquelle:", "Quelle:", "Foto ©", "Bild ©"];

/// "(Foto: picture alliance / ASSOCIATED PRESS)" as the whole line.
fn parse_photo_credit(l: &str) -> Option<String> {
    let inner = l.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(l);
    CREDIT_WORDS
        .iter()
        .find_map(|w| inner.strip_prefix(w))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty() && c.len() < 150)
}

/// "Caption text.Bild: Getty Images/AFP" or "Name - Bild: unaoc/CC BY-NC-ND".
fn split_caption_credit(l: &str) -> Option<(String, String)> {
    let (pos, word) = CREDIT_WORDS
        .iter()
        .filter_map(|w| l.rfind(w).map(|p| (p, *w)))
        .max_by_key(|(p, _)| *p)?;
    let credit = l[pos + word.len()..].trim();
    let caption = l[..pos].trim().trim_end_matches(['-', '–', '|']).trim();
    // A credit is a list of names ("Getty Images/AFP/A. Nemenov"), not a sentence.
    let sentence_like = credit
        .split(". ")
        .skip(1)
        .any(|s| s.chars().next().is_some_and(char::is_lowercase));
    let credit_ok =
        !credit.is_empty() && credit.len() < 150 && credit.split_whitespace().count() <= 15 && !sentence_like;
    (credit_ok && !caption.is_empty()).then(|| (caption.to_string(), credit.to_string()))
}

const CAPTION_MARKERS: &[&str] = &[
    "(l.)",
    "(r.)",
    "(M.)",
    "(li.)",
    "(re.)",
    "(v.l.)",
    "(v. l.)",
    "(Archivbild)",
    "(Archiv)",
];

/// Caption markers: "(l.)", "(r.)", "(M.)", "(v.l.)", "(Archivbild)".
fn has_caption_marker(l: &str) -> bool {
    CAPTION_MARKERS.iter().any(|m| l.contains(m))
}

fn ends_sentence(l: &str) -> bool {
    let t = l.trim_end_matches(['"', '“', '”', '«', '»', '\'', ')', '’']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

fn sentence_count(l: &str) -> usize {
    let mut l = l.to_string();
    for m in CAPTION_MARKERS {
        l = l.replace(m, "");
    }
    l.split_inclusive(['.', '!', '?'])
        .filter(|s| s.split_whitespace().count() >= 3)
        .count()
        .max(1)
}

fn looks_like_headline(l: &str) -> bool {
    let words = l.split_whitespace().count();
    !ends_sentence(l)
        && (3..=30).contains(&words)
        && l.chars().count() <= 200
        && l.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '„')
}

fn looks_like_subheading(l: &str) -> bool {
    let words = l.split_whitespace().count();
    !ends_sentence(l)
        && (2..=16).contains(&words)
        && l.chars().count() <= 120
        && l.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_quote(l: &str) -> bool {
    let t = l.trim();
    (t.starts_with('„') || t.starts_with('"') || t.starts_with('»'))
        && (t.ends_with('“') || t.ends_with('"') || t.ends_with('«') || t.ends_with("“.") || t.ends_with("\"."))
        && t.chars().filter(|&c| c == '„' || c == '“' || c == '"').count() <= 2
}

/// Extracts a leading `date YYYY-MM` marker: returns the date, the marker text and the rest of the line.
fn split_date_marker(l: &str) -> Option<(SimpleDate, String, String)> {
    let t = l.trim_start();
    let rest = t.strip_prefix("date ")?;
    let token = rest.split_whitespace().next()?;
    let date = parse_iso_date(token)?;
    let after = rest[rest.find(token)? + token.len()..].trim().to_string();
    Some((date, format!("date {token}"), after))
}

/// A line of the scraped text as it moves through the passes.
struct Line {
    text: String,
    /// Index of the paragraph-block (run of non-blank lines) it is in.
    group: usize,
}

#[allow(clippy::too_many_lines)]
fn ingest_scraped(file: String, id: ArticleId, text: &str) -> Result<Article, IngestError> {
    use RemovalReason as R;
    let mut lines: Vec<SourceLine> = Vec::new();
    let mut work: Vec<Line> = Vec::new();
    let mut group = 0usize;
    let mut date = ArticleDate::unknown();
    let mut outlet: Option<Outlet> = None;
    let mut agencies: Vec<String> = Vec::new();
    let mut credits: Vec<String> = Vec::new();
    let mut url = None;

    // Pass 1: line classes. `work` holds the text that remains, `lines` the original with roles.
    let mut captions: Vec<(usize, String)> = Vec::new(); // (index into work, caption)
    let mut in_tail = false; // after "Themen" or an author box, everything is boilerplate
    let mut tail_reason = R::Topics;
    for raw in text.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            lines.push(SourceLine {
                text: raw.to_string(),
                role: LineRole::Blank,
                joined: false,
            });
            group += 1;
            continue;
        }
        if in_tail {
            lines.push(SourceLine {
                text: raw.to_string(),
                role: LineRole::Removed(tail_reason),
                joined: false,
            });
            continue;
        }
        let mut body = trimmed.to_string();
        let mut continued: Option<String> = None;
        if let Some((d, marker, rest)) = split_date_marker(trimmed) {
            if date.value.is_none() {
                date = ArticleDate {
                    value: Some(d),
                    origin: Some(DateOrigin::Marker),
                    raw: Some(marker.clone()),
                };
            }
            let cut = raw.find(&marker).map_or(raw.len(), |p| p + marker.len());
            lines.push(SourceLine {
                text: raw[..cut].to_string(),
                role: LineRole::Removed(R::DateMarker),
                joined: false,
            });
            if rest.is_empty() {
                continue;
            }
            body = rest;
            continued = Some(raw[cut..].to_string());
        }
        let class = classify_line(&body);
        let role = match class {
            LineClass::Text => {
                work.push(Line {
                    text: body.clone(),
                    group,
                });
                LineRole::Kept
            }
            LineClass::Boilerplate(reason) => {
                if reason == R::SkipLink && body.contains(" DW ") {
                    outlet.get_or_insert(Outlet {
                        name: "DW".into(),
                        evidence: body.clone(),
                    });
                }
                if reason == R::ShortUrl {
                    if body.contains("dw.com/") {
                        outlet.get_or_insert(Outlet {
                            name: "DW".into(),
                            evidence: body.clone(),
                        });
                    }
                    url.get_or_insert(body.clone());
                }
                if reason == R::SocialPromo {
                    read_trailing_credit(&body, &mut outlet, &mut agencies);
                }
                if reason == R::AuthorBox {
                    if let Some(idx) = body.find("Redaktion von ") {
                        let name = body[idx + 14..].trim_end_matches(" Artikel");
                        let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
                        outlet.get_or_insert(Outlet {
                            name: name.to_string(),
                            evidence: body.clone(),
                        });
                    }
                    in_tail = true;
                    tail_reason = R::AuthorBox;
                }
                if reason == R::Topics {
                    in_tail = true;
                    tail_reason = R::Topics;
                }
                LineRole::Removed(reason)
            }
            LineClass::Dateline(d) => {
                if date.value.is_none() {
                    date = ArticleDate {
                        value: Some(d),
                        origin: Some(DateOrigin::Dateline),
                        raw: Some(body.clone()),
                    };
                }
                LineRole::Removed(R::Dateline)
            }
            LineClass::Credits(found) => {
                for a in found {
                    if !agencies.contains(&a) {
                        agencies.push(a);
                    }
                }
                LineRole::Removed(R::AuthorCredits)
            }
            LineClass::PhotoCredit(c) => {
                credits.push(c);
                LineRole::Removed(R::PhotoCredit)
            }
            LineClass::CaptionWithCredit { caption, credit } => {
                if captions.iter().any(|(_, c)| *c == caption) {
                    LineRole::Removed(R::DuplicateCaption)
                } else {
                    credits.push(credit);
                    captions.push((work.len(), caption.clone()));
                    work.push(Line { text: caption, group });
                    LineRole::Kept
                }
            }
        };
        match continued.take() {
            Some(rest) => lines.push(SourceLine {
                text: rest,
                role,
                joined: true,
            }),
            None => lines.push(SourceLine {
                text: raw.to_string(),
                role,
                joined: false,
            }),
        }
    }

    // Pass 2: structure. Captions are marked by their index; image keyword lines right above a caption go.
    let caption_idx: Vec<usize> = captions.iter().map(|(i, _)| *i).collect();
    let mut kinds: Vec<Option<BlockKind>> = vec![None; work.len()];
    let mut dropped: Vec<Option<RemovalReason>> = vec![None; work.len()];
    for &ci in &caption_idx {
        kinds[ci] = Some(BlockKind::Caption);
        if ci > 0 && caption_idx.binary_search(&(ci - 1)).is_err() {
            let prev = &work[ci - 1];
            if prev.group == work[ci].group && !ends_sentence(&prev.text) && prev.text.chars().count() <= 100 {
                dropped[ci - 1] = Some(R::ImageKeywords);
            }
        }
    }
    // A one-sentence line with a position marker, or right after a photo credit, is a caption too.
    let credit_groups: Vec<usize> = photo_credit_groups(text);
    let mut title: Option<Title> = None;
    let mut body_started = false;
    for i in 0..work.len() {
        if kinds[i].is_some() || dropped[i].is_some() {
            continue;
        }
        let l = work[i].text.clone();
        let single_sentence = sentence_count(&l) == 1 && l.chars().count() <= 250;
        let after_credit = credit_groups
            .iter()
            .any(|&g| g + 1 == work[i].group || g == work[i].group);
        if single_sentence
            && (has_caption_marker(&l)
                || (after_credit && !body_started && l.chars().count() <= 160 && ends_sentence(&l)))
        {
            kinds[i] = Some(BlockKind::Caption);
            continue;
        }
        if !body_started {
            if title.is_none() && SECTION_LABELS.contains(&l.as_str()) {
                dropped[i] = Some(R::SectionLabel);
                continue;
            }
            if title.is_none() && looks_like_headline(&l) {
                title = Some(Title {
                    text: l.clone(),
                    origin: TitleOrigin::Headline,
                });
                dropped[i] = Some(R::Headline);
                continue;
            }
            kinds[i] = Some(BlockKind::Lead);
            body_started = true;
            continue;
        }
        kinds[i] = Some(if is_quote(&l) {
            BlockKind::Quote
        } else if looks_like_subheading(&l) {
            BlockKind::Subheading
        } else {
            BlockKind::Paragraph
        });
    }
    // Mark the removals in the original lines (matched in order by text).
    let mut cursor = 0usize;
    for (i, w) in work.iter().enumerate() {
        let Some(reason) = dropped[i] else { continue };
        if let Some(pos) = lines[cursor..]
            .iter()
            .position(|s| s.role == LineRole::Kept && s.text.trim().ends_with(w.text.as_str()))
        {
            lines[cursor + pos].role = LineRole::Removed(reason);
            cursor += pos + 1;
        }
    }

    // Pass 3: blocks. Consecutive lines of one group with the same kind are one paragraph.
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < work.len() {
        let Some(kind) = kinds[i] else {
            i += 1;
            continue;
        };
        let mut parts = vec![work[i].text.clone()];
        let mut j = i + 1;
        while kind == BlockKind::Paragraph && j < work.len() && work[j].group == work[i].group && kinds[j] == Some(kind)
        {
            parts.push(work[j].text.clone());
            j += 1;
        }
        let md = parts.iter().map(|p| escape_markdown(p)).collect::<Vec<_>>().join(" ");
        push_block(&mut blocks, kind, md);
        i = j;
    }
    if !blocks.iter().any(|b| b.kind != BlockKind::Caption) {
        let removed = lines.iter().filter(|l| matches!(l.role, LineRole::Removed(_))).count();
        return Err(IngestError::OnlyBoilerplate { file, removed });
    }
    let title = title.unwrap_or_else(|| first_sentence_title(&blocks));
    credits.dedup();
    Ok(Article {
        id,
        source_file: file,
        title,
        date,
        outlet,
        agencies,
        url,
        blocks,
        credits,
        lines,
    })
}

/// Paragraph-group numbers that hold a whole-line photo credit.
fn photo_credit_groups(text: &str) -> Vec<usize> {
    let mut group = 0;
    let mut out = Vec::new();
    for raw in text.lines() {
        let t = raw.trim();
        if t.is_empty() {
            group += 1;
            continue;
        }
        let body = split_date_marker(t).map_or_else(|| t.to_string(), |(_, _, rest)| rest);
        if parse_photo_credit(&body).is_some() {
            out.push(group);
        }
    }
    out
}

/// "… Redaktion. /gom/news.de/dpa" → outlet news.de, agency dpa.
fn read_trailing_credit(line: &str, outlet: &mut Option<Outlet>, agencies: &mut Vec<String>) {
    let Some(last) = line.split_whitespace().last() else {
        return;
    };
    if !last.starts_with('/') {
        return;
    }
    let parts: Vec<&str> = last.trim_matches('/').split('/').collect();
    for p in &parts {
        if let Some(a) = agency_name(p) {
            if !agencies.iter().any(|x| x == a) {
                agencies.push(a.to_string());
            }
        } else if p.contains('.') && outlet.is_none() {
            *outlet = Some(Outlet {
                name: (*p).to_string(),
                evidence: last.to_string(),
            });
        }
    }
}

fn first_sentence_title(blocks: &[Block]) -> Title {
    let first = blocks
        .iter()
        .find(|b| b.kind != BlockKind::Caption)
        .map_or("", |b| b.text.as_str());
    let mut end = first.len();
    for (i, c) in first.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > 20 && first[i + 1..].starts_with(' ') {
            end = i;
            break;
        }
    }
    let sentence = &first[..end];
    let text = if sentence.chars().count() > 90 {
        let cut: String = sentence.chars().take(90).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).to_string();
        format!("{cut} …")
    } else {
        sentence.to_string()
    };
    Title {
        text,
        origin: TitleOrigin::FirstSentence,
    }
}
