//! Scraped plain text, in three passes over its lines (see [`ingest_scraped`]).

use super::classify::{LineClass, agency_name, classify_line, parse_photo_credit};
use super::{first_sentence_title, parse_iso_date, push_block};
use crate::core::corpus::{
    Article, ArticleDate, ArticleId, Block, BlockKind, DateOrigin, LineRole, Outlet, RemovalReason, SimpleDate,
    SourceLine, Title, TitleOrigin,
};
use crate::core::error::IngestError;
use crate::core::text::escape_markdown;

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

/// Position markers that only image captions carry.
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

/// Whether a line ends like a sentence (after closing quotes or brackets).
fn ends_sentence(l: &str) -> bool {
    let t = l.trim_end_matches(['"', '“', '”', '«', '»', '\'', ')', '’']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Sentences of at least three words in a line (caption markers removed), at least 1.
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

/// A headline: 3–30 words, at most 200 characters, starting upper case, a digit or a quote, not ending
/// like a sentence.
fn looks_like_headline(l: &str) -> bool {
    let words = l.split_whitespace().count();
    !ends_sentence(l)
        && (3..=30).contains(&words)
        && l.chars().count() <= 200
        && l.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '„')
}

/// A subheading inside the body: 2–16 words, at most 120 characters, not ending like a sentence.
fn looks_like_subheading(l: &str) -> bool {
    let words = l.split_whitespace().count();
    !ends_sentence(l)
        && (2..=16).contains(&words)
        && l.chars().count() <= 120
        && l.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A line that is one quotation as a whole ("„…“", "»…«").
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

/// Reads scraped plain text in three passes over its lines:
/// 1. [`Scan`]: each line is classified on its own ([`classify_line`]); boilerplate is removed with its
///    reason, and the date, outlet, agencies, credits and URL it reveals are collected.
/// 2. [`mark_captions`] and [`assign_kinds`]: the remaining lines get their structure (caption, title, lead,
///    paragraph, subheading, quote) from their neighbours; [`mark_removals`] records the lines dropped there.
/// 3. [`build_blocks`]: consecutive lines of one paragraph become one block.
pub(super) fn ingest_scraped(file: String, id: ArticleId, text: &str) -> Result<Article, IngestError> {
    let mut scan = Scan::new();
    for raw in text.lines() {
        scan.line(raw);
    }
    let Scan {
        mut lines,
        work,
        captions,
        date,
        outlet,
        agencies,
        mut credits,
        url,
        ..
    } = scan;
    let (mut kinds, mut dropped) = mark_captions(&work, &captions);
    let title = assign_kinds(&work, &photo_credit_groups(text), &mut kinds, &mut dropped);
    mark_removals(&mut lines, &work, &dropped);
    let blocks = build_blocks(&work, &kinds);
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

/// Pass 1: what the lines are on their own, and what they say about the article.
struct Scan {
    /// The original lines with their roles.
    lines: Vec<SourceLine>,
    /// The text that remains, line by line.
    work: Vec<Line>,
    /// Captions found with a credit on their line: index into `work`, caption text.
    captions: Vec<(usize, String)>,
    /// The paragraph group of the next line (blank lines separate groups).
    group: usize,
    /// Set after "Themen" or an author box: every later line is boilerplate, for this reason.
    tail: Option<RemovalReason>,
    /// The first date found (a `date` marker or a dateline).
    date: ArticleDate,
    /// The outlet, from a skip link, a short URL, an author box or a trailing credit.
    outlet: Option<Outlet>,
    /// Agencies named in credits, in order of appearance.
    agencies: Vec<String>,
    /// Photo credits, in order of appearance.
    credits: Vec<String>,
    /// The article's URL, from a short URL line.
    url: Option<String>,
}

impl Scan {
    /// Nothing read yet.
    fn new() -> Self {
        Self {
            lines: Vec::new(),
            work: Vec::new(),
            captions: Vec::new(),
            group: 0,
            tail: None,
            date: ArticleDate::unknown(),
            outlet: None,
            agencies: Vec::new(),
            credits: Vec::new(),
            url: None,
        }
    }

    /// Reads one raw line: blank lines end a paragraph group, lines after the tail are removed, a leading
    /// `date` marker is split off, and the rest is classified.
    fn line(&mut self, raw: &str) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            self.push(raw.to_string(), LineRole::Blank, false);
            self.group += 1;
            return;
        }
        if let Some(reason) = self.tail {
            self.push(raw.to_string(), LineRole::Removed(reason), false);
            return;
        }
        let mut body = trimmed.to_string();
        let mut continued: Option<String> = None;
        if let Some((d, marker, rest)) = split_date_marker(trimmed) {
            let cut = self.date_marker(raw, d, &marker);
            if rest.is_empty() {
                return;
            }
            body = rest;
            continued = Some(raw[cut..].to_string());
        }
        let role = self.role(classify_line(&body), body);
        match continued {
            Some(rest) => self.push(rest, role, true),
            None => self.push(raw.to_string(), role, false),
        }
    }

    /// Records an original line with its role.
    fn push(&mut self, text: String, role: LineRole, joined: bool) {
        self.lines.push(SourceLine { text, role, joined });
    }

    /// Takes the date of a leading `date YYYY-MM` marker (if no date is known yet) and records the marker as
    /// removed; returns the byte offset in `raw` where the rest of the line starts.
    fn date_marker(&mut self, raw: &str, d: SimpleDate, marker: &str) -> usize {
        if self.date.value.is_none() {
            self.date = ArticleDate {
                value: Some(d),
                origin: Some(DateOrigin::Marker),
                raw: Some(marker.to_string()),
            };
        }
        let cut = raw.find(marker).map_or(raw.len(), |p| p + marker.len());
        self.push(
            raw[..cut].to_string(),
            LineRole::Removed(RemovalReason::DateMarker),
            false,
        );
        cut
    }

    /// The role of a classified line; text and captions are kept in `work`, the rest is noted and removed.
    fn role(&mut self, class: LineClass, body: String) -> LineRole {
        use RemovalReason as R;
        match class {
            LineClass::Text => {
                self.work.push(Line {
                    text: body,
                    group: self.group,
                });
                LineRole::Kept
            }
            LineClass::Boilerplate(reason) => {
                self.boilerplate(reason, &body);
                LineRole::Removed(reason)
            }
            LineClass::Dateline(d) => {
                if self.date.value.is_none() {
                    self.date = ArticleDate {
                        value: Some(d),
                        origin: Some(DateOrigin::Dateline),
                        raw: Some(body),
                    };
                }
                LineRole::Removed(R::Dateline)
            }
            LineClass::Credits(found) => {
                for a in found {
                    if !self.agencies.contains(&a) {
                        self.agencies.push(a);
                    }
                }
                LineRole::Removed(R::AuthorCredits)
            }
            LineClass::PhotoCredit(c) => {
                self.credits.push(c);
                LineRole::Removed(R::PhotoCredit)
            }
            LineClass::CaptionWithCredit { caption, credit } => {
                if self.captions.iter().any(|(_, c)| *c == caption) {
                    LineRole::Removed(R::DuplicateCaption)
                } else {
                    self.credits.push(credit);
                    self.captions.push((self.work.len(), caption.clone()));
                    self.work.push(Line {
                        text: caption,
                        group: self.group,
                    });
                    LineRole::Kept
                }
            }
        }
    }

    /// What a boilerplate line reveals: the outlet (DW skip links and short URLs, author boxes, trailing
    /// credits of social promos), the URL, and the start of the tail ("Themen", author box).
    fn boilerplate(&mut self, reason: RemovalReason, body: &str) {
        use RemovalReason as R;
        let outlet = |name: &str| Outlet {
            name: name.to_string(),
            evidence: body.to_string(),
        };
        match reason {
            R::SkipLink if body.contains(" DW ") => {
                self.outlet.get_or_insert_with(|| outlet("DW"));
            }
            R::ShortUrl => {
                if body.contains("dw.com/") {
                    self.outlet.get_or_insert_with(|| outlet("DW"));
                }
                self.url.get_or_insert_with(|| body.to_string());
            }
            R::SocialPromo => read_trailing_credit(body, &mut self.outlet, &mut self.agencies),
            R::AuthorBox => {
                if let Some(idx) = body.find("Redaktion von ") {
                    let name = body[idx + 14..].trim_end_matches(" Artikel");
                    let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
                    self.outlet.get_or_insert_with(|| outlet(name));
                }
                self.tail = Some(R::AuthorBox);
            }
            R::Topics => self.tail = Some(R::Topics),
            _ => {}
        }
    }
}

/// Pass 2a: captions found with a credit get their kind; a short keyword line right above such a caption
/// (in the same group, not a sentence, not itself a caption) is dropped as image keywords. Returns the kind
/// and the removal reason of each line of `work` (at most one of them set).
fn mark_captions(work: &[Line], captions: &[(usize, String)]) -> (Vec<Option<BlockKind>>, Vec<Option<RemovalReason>>) {
    let caption_idx: Vec<usize> = captions.iter().map(|(i, _)| *i).collect();
    let mut kinds: Vec<Option<BlockKind>> = vec![None; work.len()];
    let mut dropped: Vec<Option<RemovalReason>> = vec![None; work.len()];
    for &ci in &caption_idx {
        kinds[ci] = Some(BlockKind::Caption);
        if ci > 0 && caption_idx.binary_search(&(ci - 1)).is_err() {
            let prev = &work[ci - 1];
            if prev.group == work[ci].group && !ends_sentence(&prev.text) && prev.text.chars().count() <= 100 {
                dropped[ci - 1] = Some(RemovalReason::ImageKeywords);
            }
        }
    }
    (kinds, dropped)
}

/// Pass 2b: the kind of every other line, top to bottom. A one-sentence line with a position marker, or
/// right after a photo credit (`credit_groups`, before the body), is a caption; before the body, section
/// labels are dropped and the first headline-like line is the title; the first other line is the lead;
/// after it come quotes, subheadings and paragraphs. Returns the title, if one was found.
fn assign_kinds(
    work: &[Line],
    credit_groups: &[usize],
    kinds: &mut [Option<BlockKind>],
    dropped: &mut [Option<RemovalReason>],
) -> Option<Title> {
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
                dropped[i] = Some(RemovalReason::SectionLabel);
                continue;
            }
            if title.is_none() && looks_like_headline(&l) {
                title = Some(Title {
                    text: l.clone(),
                    origin: TitleOrigin::Headline,
                });
                dropped[i] = Some(RemovalReason::Headline);
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
    title
}

/// Pass 2c: marks the lines dropped in pass 2 as removed in the original lines (matched in order by text).
fn mark_removals(lines: &mut [SourceLine], work: &[Line], dropped: &[Option<RemovalReason>]) {
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
}

/// Pass 3: blocks. Consecutive lines of one group that are both paragraphs make one paragraph; every other
/// kept line is a block of its own.
fn build_blocks(work: &[Line], kinds: &[Option<BlockKind>]) -> Vec<Block> {
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
    blocks
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
