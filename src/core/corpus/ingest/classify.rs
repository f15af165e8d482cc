//! What one line of scraped text is, judged on its own: boilerplate (with a reason), a dateline, credits,
//! a photo credit, or a caption with its credit.

use crate::core::corpus::{RemovalReason, SimpleDate};
use crate::core::text::german_month;

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

/// Accessibility skip links: "Zum Inhalt springen", "2. Zur Navigation springen", "Skip to content".
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

/// An author box line such as "Über Redaktion von FLASH UP 21142 Artikel" (name, then an article count).
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

/// The display name of an agency code in a credit ("afp" → "AFP"), if it is one.
pub(super) fn agency_name(code: &str) -> Option<&'static str> {
    let lower = code.to_lowercase();
    AGENCIES.iter().find(|(c, _)| *c == lower).map(|(_, n)| *n)
}

/// Words that open a photo credit, alone on a line or after a caption.
const CREDIT_WORDS: &[&str] = &["Bild:", "Foto:", "Fotos:", "Bildquelle:", "Quelle:", "Foto ©", "Bild ©"];

/// "(Foto: picture alliance / ASSOCIATED PRESS)" as the whole line.
pub(super) fn parse_photo_credit(l: &str) -> Option<String> {
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
