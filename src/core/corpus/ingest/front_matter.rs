//! Markdown with front matter: the `---` header gives title, date, outlet and URL; the body is split into
//! blocks (paragraphs, `#` subheadings, `>` quotes), the first paragraph being the lead.

use super::{first_sentence_title, parse_iso_date, push_block};
use crate::core::corpus::{
    Article, ArticleDate, ArticleId, Block, BlockKind, DateOrigin, LineRole, Outlet, SourceLine, Title, TitleOrigin,
};
use crate::core::error::{FrontMatterProblem, IngestError};

/// Reads a file that starts with `---`: the header up to the closing `---` gives the [`Fields`], the body
/// is Markdown split into blocks. `whole` is the normalised file, `rest` the part after the opening `---`.
pub(super) fn ingest_front_matter(
    file: String,
    id: ArticleId,
    whole: &str,
    rest: &str,
) -> Result<Article, IngestError> {
    let Some(end) = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(str::len))
    else {
        return Err(IngestError::FrontMatter {
            file,
            problem: FrontMatterProblem::Unclosed,
        });
    };
    let (head, body) = (&rest[..end], rest.get(end + 5..).unwrap_or(""));
    let fields = read_fields(&file, head)?;
    let blocks = markdown_blocks(body);
    if blocks.is_empty() {
        return Err(IngestError::OnlyBoilerplate { file, removed: 0 });
    }
    let title = match fields.title {
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
        date: fields.date,
        outlet: fields.outlet,
        agencies: Vec::new(),
        url: fields.url,
        blocks,
        credits: Vec::new(),
        lines,
    })
}

/// The fields of a front matter header; unknown keys are ignored.
struct Fields {
    /// `title:`, as written (an empty title falls back to the first sentence).
    title: Option<String>,
    /// `date:` (ISO day or month), or unknown.
    date: ArticleDate,
    /// `outlet:`.
    outlet: Option<Outlet>,
    /// `url:`.
    url: Option<String>,
}

/// Reads the `key: value` lines of a header (blank lines and `#` comments skipped, quotes around values
/// removed). A line without a colon or a date that is not ISO is an error naming the file.
fn read_fields(file: &str, head: &str) -> Result<Fields, IngestError> {
    let mut fields = Fields {
        title: None,
        date: ArticleDate::unknown(),
        outlet: None,
        url: None,
    };
    for line in head
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        let Some((key, value)) = line.split_once(':') else {
            return Err(IngestError::FrontMatter {
                file: file.to_string(),
                problem: FrontMatterProblem::NotKeyValue { line: line.to_string() },
            });
        };
        let value = value.trim().trim_matches('"').trim_matches('\'').to_string();
        match key.trim() {
            "title" => fields.title = Some(value),
            "date" => {
                let parsed = parse_iso_date(&value).ok_or_else(|| IngestError::FrontMatter {
                    file: file.to_string(),
                    problem: FrontMatterProblem::BadDate { value: value.clone() },
                })?;
                fields.date = ArticleDate {
                    value: Some(parsed),
                    origin: Some(DateOrigin::FrontMatter),
                    raw: Some(value),
                };
            }
            "outlet" => {
                fields.outlet = Some(Outlet {
                    name: value.clone(),
                    evidence: format!("outlet: {value}"),
                });
            }
            "url" => fields.url = Some(value),
            _ => {}
        }
    }
    Ok(fields)
}

/// The blocks of a Markdown body: `#` lines are subheadings, `>` blocks quotes, the first paragraph (after
/// any captions) the lead, the others paragraphs. Blocks without text are skipped.
pub(crate) fn markdown_blocks(body: &str) -> Vec<Block> {
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
    blocks
}

/// Whether an original line of a Markdown file is blank or kept (nothing is removed from Markdown).
fn role_of_blank(line: &str) -> LineRole {
    if line.trim().is_empty() {
        LineRole::Blank
    } else {
        LineRole::Kept
    }
}

/// Splits a Markdown body at blank lines; a `#` heading line is always a block of its own.
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
