//! Small text helpers shared by the core: German month names, calendar arithmetic, Markdown escaping,
//! code point offsets.

/// German month names, January first.
pub const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The month number (1–12) of a German month name, also the short forms ("Jan.", "Sept.") and "Jänner".
pub fn german_month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    let lower = w.to_lowercase();
    let full = GERMAN_MONTHS.iter().position(|m| m.to_lowercase() == lower);
    if let Some(i) = full {
        return u8::try_from(i + 1).ok();
    }
    let short = [
        ("jan", 1),
        ("jänner", 1),
        ("feb", 2),
        ("mär", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("okt", 10),
        ("nov", 11),
        ("dez", 12),
    ];
    short.iter().find(|(s, _)| *s == lower).map(|(_, m)| *m)
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01 (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = i32::try_from(y + i64::from(m <= 2)).unwrap_or(i32::MAX);
    (year, u8::try_from(m).unwrap_or(1), u8::try_from(d).unwrap_or(1))
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    u8::try_from(days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)).unwrap_or(30)
}

/// Escapes plain text so that CommonMark shows it literally (no emphasis, links, HTML or block syntax).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    // "1. Text" at the start would become an ordered list.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
        && out[dot + 1..].starts_with(' ')
    {
        out.insert(dot, '\\');
    }
    out
}

/// Byte offset of the `cp`-th code point of `s` (or `s.len()` past the end).
pub fn byte_offset(s: &str, cp: usize) -> usize {
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// Number of code points in `s`.
pub fn cp_len(s: &str) -> usize {
    s.chars().count()
}

/// The substring between two code point offsets (clamped to the string).
pub fn slice_cp(s: &str, start: usize, end: usize) -> &str {
    let b0 = byte_offset(s, start);
    let b1 = byte_offset(s, end.max(start));
    &s[b0..b1]
}

/// A parameter of a query string (`?q=…&n=…`), undecoded; `None` when absent.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

/// Sentence spans (code points) of German text: splits after `.`, `!`, `?` (and a closing quote) followed by
/// white space and an upper-case letter, digit or opening quote — but not after ordinals ("12. Januar"),
/// single letters ("A. Nemenov", "(l.)") or common abbreviations ("z. B.", "Dr.").
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    const ABBREV: &[&str] = &[
        "z", "B", "Dr", "Prof", "bzw", "ca", "usw", "vgl", "Nr", "St", "u", "a", "v", "l", "r", "M", "Mio", "Mrd",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end_of_paragraph = c == '\n';
        let mut end = None;
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '“' | '”' | '«' | '»' | '\'' | ')') {
                j += 1;
            }
            let next_ok = chars.get(j).is_some_and(|n| n.is_whitespace())
                && chars[j..]
                    .iter()
                    .find(|n| !n.is_whitespace())
                    .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '„' | '»' | '('));
            let word: String = chars[..i]
                .iter()
                .rev()
                .take_while(|ch| ch.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let is_abbrev = c == '.'
                && (ABBREV.contains(&word.as_str())
                    || word.chars().count() == 1
                    || word.chars().all(|d| d.is_ascii_digit()) && !word.is_empty());
            if (next_ok || j >= chars.len()) && !is_abbrev {
                end = Some(j);
            }
        } else if end_of_paragraph {
            end = Some(i);
        }
        if let Some(e) = end {
            let piece: String = chars[start..e].iter().collect();
            let lead = piece.len() - piece.trim_start().len();
            let lead_cp = piece[..lead].chars().count();
            if !piece.trim().is_empty() {
                let trail_cp = piece.chars().rev().take_while(|ch| ch.is_whitespace()).count();
                spans.push((start + lead_cp, e - trail_cp));
            }
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    if start < chars.len() {
        let piece: String = chars[start..].iter().collect();
        if !piece.trim().is_empty() {
            let lead_cp = piece.chars().take_while(|ch| ch.is_whitespace()).count();
            let trail_cp = piece.chars().rev().take_while(|ch| ch.is_whitespace()).count();
            spans.push((start + lead_cp, chars.len() - trail_cp));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_german_sentences() {
        let text = "Am 12. Januar trifft er Dr. Müller. Bild: A. Nemenov (l.) lacht! „Gut“, sagt er.\n\nNeuer Absatz";
        let got: Vec<&str> = super::sentence_spans(text)
            .iter()
            .map(|&(s, e)| super::slice_cp(text, s, e))
            .collect();
        assert_eq!(
            got,
            [
                "Am 12. Januar trifft er Dr. Müller.",
                "Bild: A. Nemenov (l.) lacht!",
                "„Gut“, sagt er.",
                "Neuer Absatz"
            ]
        );
        assert_eq!(super::query_param("?q=1-2~x&n=v1.abc", "n").as_deref(), Some("v1.abc"));
        assert_eq!(super::query_param("", "q"), None);
    }

    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-1000, 0, 1, 18_625, 19_000, 20_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2020, 12, 29), 18_625);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
    }

    #[test]
    fn months_parse() {
        assert_eq!(german_month("März"), Some(3));
        assert_eq!(german_month("Dez."), Some(12));
        assert_eq!(german_month("Montag"), None);
    }

    #[test]
    fn escaping_keeps_text_literal() {
        let plain = "1. Zum <b>Inhalt</b> *nicht* _fett_ [Link](x) # kein Titel";
        let md = escape_markdown(plain);
        assert_eq!(crate::core::corpus::markdown::plain_text(&md), plain);
        assert_eq!(
            crate::core::corpus::markdown::plain_text(&escape_markdown("# Titel")),
            "# Titel"
        );
        assert_eq!(
            crate::core::corpus::markdown::plain_text(&escape_markdown("- Liste")),
            "- Liste"
        );
    }
}
