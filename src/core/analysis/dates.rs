//! Dates in German text, resolved against the article's date where the text alone is incomplete.
//!
//! | pattern | example | value |
//! |---|---|---|
//! | day month year | "29. Dezember 2020" | `2020-12-29` |
//! | day month | "12. Januar" (article 2022-01) | `2022-01-12`, year nearest the article date |
//! | part of a month | "Mitte Dezember" (Anfang 1–10, Mitte 11–20, Ende 21–last) | `2020-12-11/2020-12-20` |
//! | month (after a cue or with a year) | "im Februar", "im vergangenen März", "Juli 2017" | `2022-02` |
//! | year (after a cue, or opening a sentence before a lower-case word) | "seit 2017", "im Jahr 2017", "2017 hatte" | `2017` |
//! | weekday after a preposition | "am Sonntag" (article 2022-01-03) | `2022-01-02`, on or before the article date |
//! | relative | "vor einem Monat", "im vorigen Jahr", "in diesem Jahr" | `2021-12`, `2016`, `2017` |
//!
//! The value is `None` when it depends on an article date that is unknown or too coarse (a weekday in an
//! article known only to the month). The precision follows from the value's form
//! ([`super::entities::Mention::date_precision`]).

use super::mention::{EntityKind, Mention};
use super::quantities::{is_unit_word, number_word_lower};
use super::tokens::{Tok, Tokens, gap, is_space};
use crate::core::corpus::SimpleDate;
use crate::core::text::{GERMAN_MONTHS, civil_from_days, days_from_civil, days_in_month};

/// Words before a four-digit number that make it a year.
const YEAR_CUES: &[&str] = &[
    "seit",
    "im",
    "jahr",
    "jahre",
    "jahres",
    "bis",
    "ab",
    "von",
    "vom",
    "nach",
    "vor",
    "anfang",
    "mitte",
    "ende",
    "in",
    "um",
    "zwischen",
    "sommer",
    "herbst",
    "winter",
    "frühjahr",
    "frühling",
    "bereits",
    "schon",
    "erst",
];

/// Words before a month name that make it a date ("im Februar").
const MONTH_CUES: &[&str] = &[
    "im",
    "seit",
    "ab",
    "bis",
    "vom",
    "von",
    "zum",
    "anfang",
    "mitte",
    "ende",
    "vergangenen",
    "letzten",
    "vorigen",
    "kommenden",
    "nächsten",
    "diesen",
    "dieses",
    "diesem",
];

/// Weekday names in lower case, Monday first.
const WEEKDAYS: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Words before a weekday that make it a date; part of the mention.
const WEEKDAY_CUES: &[&str] = &[
    "am",
    "vom",
    "seit",
    "bis",
    "ab",
    "letzten",
    "vergangenen",
    "kommenden",
    "nächsten",
];

/// The month (1–12) a token names: a full German month name ("Jänner" too), or an abbreviation followed by
/// its dot ("Jan." is a month, "Jan" a first name).
fn month_of(t: &Tok<'_>, chars: &[char]) -> Option<u8> {
    // month names and abbreviations are capitalised, start with one of these letters and are at most 9 bytes
    // long: most tokens stop here
    let first = t.text.as_bytes().first().copied().unwrap_or(0);
    if (first.is_ascii() && !b"JFMASOND".contains(&first))
        || (t.text.len() > 9 && t.lower.len() > 9)
        || !t.is_capitalised()
    {
        return None;
    }
    let full = GERMAN_MONTHS.iter().position(|m| *m == t.text).map(|i| i + 1);
    let full = full.or_else(|| (t.text == "Jänner").then_some(1));
    if let Some(m) = full {
        return u8::try_from(m).ok();
    }
    // abbreviations only with their dot ("Jan." is a month, "Jan" a first name)
    // (no month name or abbreviation is longer than 9 bytes in lower case: skip the lookup for longer words)
    if chars.get(t.end) == Some(&'.') && t.lower.len() <= 9 {
        return crate::core::text::german_month(t.text);
    }
    None
}

/// A four-digit year from 1900 to 2099.
fn year_of(t: &Tok<'_>) -> Option<i32> {
    (t.is_digits() && t.text.len() == 4)
        .then(|| t.text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

/// `YYYY-MM-DD`.
fn iso(y: i32, m: u8, d: u8) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The year that puts `month` nearest to the article date (within half a year).
fn nearest_year(month: u8, article: &SimpleDate) -> i32 {
    match article.month {
        Some(am) => {
            let diff = i32::from(month) - i32::from(am);
            if diff > 6 {
                article.year - 1
            } else if diff < -6 {
                article.year + 1
            } else {
                article.year
            }
        }
        None => article.year,
    }
}

/// The year of `month` relative to the article: the last one before it, the next one after it, or the nearest.
fn month_year(month: u8, modifier: Option<&str>, article: Option<&SimpleDate>) -> Option<i32> {
    let a = article?;
    match modifier {
        Some("vergangenen" | "letzten" | "vorigen") => {
            let am = a.month?;
            Some(if month < am { a.year } else { a.year - 1 })
        }
        Some("kommenden" | "nächsten") => {
            let am = a.month?;
            Some(if month > am { a.year } else { a.year + 1 })
        }
        _ => Some(nearest_year(month, a)),
    }
}

/// Days since 1970-01-01 of a date with day precision.
fn day_date(a: &SimpleDate) -> Option<i64> {
    Some(days_from_civil(a.year, a.month?, a.day?))
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
fn days_iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    iso(y, m, d)
}

/// A `Mention` of kind date.
fn date(chars: &[char], start: usize, end: usize, value: Option<String>) -> Mention {
    Mention {
        start,
        end,
        text: chars[start..end].iter().collect(),
        kind: EntityKind::Date,
        entity_id: None,
        derived: false,
        value,
        source: Default::default(),
    }
}

/// Every date in `text`, with code point offsets; values resolved against `article_date` where needed.
pub fn find_dates(text: &str, article_date: Option<SimpleDate>) -> Vec<Mention> {
    let tokenized = Tokens::new(text);
    find_dates_in(&tokenized.chars, &tokenized.list(text), article_date)
}

/// [`find_dates`] over a text's chars and tokens, shared with the other rules. At each token the rules are
/// tried in order ([`RULES`]); the first that matches gives the mention and the token to go on from.
pub(crate) fn find_dates_in(chars: &[char], toks: &[Tok<'_>], article_date: Option<SimpleDate>) -> Vec<Mention> {
    let cx = Cx {
        chars,
        toks,
        art: article_date.as_ref(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((mention, next)) = RULES.iter().find_map(|rule| rule(&cx, i)) {
            out.push(mention);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// What every date rule reads: the text's chars, its tokens and the article's date.
struct Cx<'a> {
    /// The text's chars (token offsets index into them).
    chars: &'a [char],
    /// The tokens.
    toks: &'a [Tok<'a>],
    /// The article's date, against which relative dates are resolved.
    art: Option<&'a SimpleDate>,
}

impl Cx<'_> {
    /// Whether only white space separates tokens `a` and `b`.
    fn spaced(&self, a: usize, b: usize) -> bool {
        is_space(gap(self.chars, &self.toks[a], &self.toks[b]))
    }

    /// The lower-case token before token `i`, if only white space separates them.
    fn prev_lower(&self, i: usize) -> Option<&str> {
        let p = i.checked_sub(1)?;
        self.spaced(p, i).then_some(self.toks[p].lower)
    }

    /// The token after token `i`, if only white space separates them.
    fn next_spaced(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i + 1).filter(|_| self.spaced(i, i + 1))
    }
}

/// A date rule: at token `i`, the mention it finds and the index of the token after it.
type Rule = fn(&Cx<'_>, usize) -> Option<(Mention, usize)>;

/// The date rules, in the order they are tried at each token.
const RULES: [Rule; 7] = [day_month, part_of_month, month, year, weekday, ago, relative_year];

/// Rule 1: "29. Dezember 2020", "12. Januar" (the year from the article's date when missing).
fn day_month(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let (chars, toks) = (cx.chars, cx.toks);
    let t = &toks[i];
    if !(t.is_digits() && t.text.len() <= 2 && chars.get(t.end) == Some(&'.')) {
        return None;
    }
    let day: u8 = t.text.parse().unwrap_or(0);
    let month_tok = toks.get(i + 1).filter(|n| is_space(&chars[t.end + 1..n.start]));
    let m = month_tok.and_then(|n| month_of(n, chars))?;
    let mut end = toks[i + 1].end;
    let mut next = i + 2;
    let year = cx.next_spaced(i + 1).and_then(year_of);
    if year.is_some() {
        end = toks[i + 2].end;
        next = i + 3;
    }
    let y = year.or_else(|| cx.art.map(|a| nearest_year(m, a)));
    let value = y
        .filter(|y| (1..=days_in_month(*y, m)).contains(&day))
        .map(|y| iso(y, m, day));
    (1..=31)
        .contains(&day)
        .then(|| (date(chars, t.start, end, value), next))
}

/// Rule 2: "Mitte Dezember (2020)", "Ende Februar 2024" as a range of days; "Anfang 2021" is left to [`year`].
fn part_of_month(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let t = &cx.toks[i];
    let (from, to) = match t.text {
        "Anfang" | "anfang" => (1u8, 10u8),
        "Mitte" | "mitte" => (11, 20),
        "Ende" | "ende" => (21, 31),
        _ => return None,
    };
    let n = cx.next_spaced(i)?;
    let m = month_of(n, cx.chars)?;
    let year = cx.next_spaced(i + 1).and_then(year_of);
    let end = if year.is_some() { cx.toks[i + 2].end } else { n.end };
    let y = year.or_else(|| month_year(m, None, cx.art));
    let value = y.map(|y| format!("{}/{}", iso(y, m, from), iso(y, m, to.min(days_in_month(y, m)))));
    let next = if year.is_some() { i + 3 } else { i + 2 };
    Some((date(cx.chars, t.start, end, value), next))
}

/// Rule 3: a month with a year or a cue: "im Februar", "im vergangenen März", "Juli 2017".
fn month(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let t = &cx.toks[i];
    let m = month_of(t, cx.chars)?;
    let year = cx.next_spaced(i).and_then(year_of);
    let cue = cx.prev_lower(i);
    let cued = cue.is_some_and(|c| MONTH_CUES.contains(&c));
    if year.is_none() && !cued {
        return None;
    }
    let end = if year.is_some() { cx.toks[i + 1].end } else { t.end };
    let y = year.or_else(|| month_year(m, cue, cx.art));
    let next = if year.is_some() { i + 2 } else { i + 1 };
    Some((date(cx.chars, t.start, end, y.map(|y| format!("{y:04}-{m:02}"))), next))
}

/// Rule 4: a year after a cue ("seit 2017", "im Jahr 2017") or opening a sentence, but not before a unit
/// ("2017 Dollar"), glued to other digits or followed by a dot.
fn year(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let (chars, t) = (cx.chars, &cx.toks[i]);
    let y = year_of(t)?;
    let cue = cx.prev_lower(i).is_some_and(|c| YEAR_CUES.contains(&c));
    let next = cx.next_spaced(i);
    let next_unit = next.is_some_and(|n| is_unit_word(n.lower) || n.text == "Menschen");
    let opens = sentence_start(chars, t.start) && next.is_some_and(|n| !n.is_capitalised());
    let glued = t.start > 0 && matches!(chars[t.start - 1], '-' | '/' | '.' | ',');
    ((cue || opens) && !next_unit && !glued && chars.get(t.end) != Some(&'.'))
        .then(|| (date(chars, t.start, t.end, Some(format!("{y:04}"))), i + 1))
}

/// Rule 5: a weekday after a cue: "am Sonntag", "vom Sonntag", "am Sonntagabend", "kommenden Freitag"; the day is
/// the last such weekday up to the article's date, or the next one after it for "kommenden"/"nächsten".
fn weekday(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let t = &cx.toks[i];
    let lower = t.lower;
    // (every weekday starts with d, f, m or s and is at least 6 bytes long)
    let maybe_weekday = lower.len() >= 6 && matches!(lower.as_bytes().first(), Some(b'd' | b'f' | b'm' | b's'));
    if !maybe_weekday {
        return None;
    }
    let wd = WEEKDAYS.iter().position(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| ["", "abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht"].contains(&rest))
    })?;
    let cue = cx.prev_lower(i).filter(|c| WEEKDAY_CUES.contains(c))?;
    let start = cx.toks[i - 1].start;
    let value = cx.art.and_then(day_date).map(|d| {
        let today = (d + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Monday = 0)
        let wd = i64::try_from(wd).unwrap_or(0);
        let shift = match cue {
            "kommenden" | "nächsten" => (wd - today - 1).rem_euclid(7) + 1,
            _ => -((today - wd).rem_euclid(7)),
        };
        days_iso(d + shift)
    });
    Some((date(cx.chars, start, t.end, value), i + 1))
}

/// Rule 6: "vor einem Monat", "vor drei Tagen": counted back from the article's date (a month is a calendar month, a
/// year a calendar year).
fn ago(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let t = &cx.toks[i];
    if t.lower != "vor" {
        return None;
    }
    let (n, u) = (cx.toks.get(i + 1)?, cx.toks.get(i + 2)?);
    let count = if n.is_digits() {
        n.text.parse::<i64>().ok()
    } else {
        number_word_lower(n.lower).map(|v| v as i64)
    };
    let unit = match u.text {
        "Tag" | "Tagen" => Some(1),
        "Woche" | "Wochen" => Some(7),
        "Monat" | "Monaten" => Some(30),
        "Jahr" | "Jahren" => Some(365),
        _ => None,
    };
    let (Some(c), Some(unit), true) = (count, unit, cx.spaced(i, i + 1) && cx.spaced(i + 1, i + 2)) else {
        return None;
    };
    let value = cx.art.and_then(|a| match unit {
        365 => Some(format!("{:04}", a.year - i32::try_from(c).ok()?)),
        30 => {
            let months = i64::from(a.year) * 12 + i64::from(a.month?) - 1 - c;
            Some(format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1))
        }
        _ => Some(days_iso(day_date(a)? - c * unit)),
    });
    Some((date(cx.chars, t.start, u.end, value), i + 3))
}

/// Rule 7: "im vorigen Jahr", "in diesem Jahr", "im nächsten Jahr": the article's year, shifted.
fn relative_year(cx: &Cx<'_>, i: usize) -> Option<(Mention, usize)> {
    let t = &cx.toks[i];
    if !matches!(t.lower, "im" | "in") {
        return None;
    }
    let (m, j) = (cx.toks.get(i + 1)?, cx.toks.get(i + 2)?);
    let offset = match m.lower {
        "diesem" => Some(0),
        "vergangenen" | "vorigen" | "letzten" => Some(-1),
        "nächsten" | "kommenden" => Some(1),
        _ => None,
    };
    let (Some(o), true) = (
        offset,
        matches!(j.text, "Jahr" | "Jahre") && cx.spaced(i, i + 1) && cx.spaced(i + 1, i + 2),
    ) else {
        return None;
    };
    Some((
        date(cx.chars, t.start, j.end, cx.art.map(|a| format!("{:04}", a.year + o))),
        i + 3,
    ))
}

/// Whether `start` opens a sentence: only white space since a sentence end, a colon, a line break or an
/// opening quote (or the start of the text).
fn sentence_start(chars: &[char], start: usize) -> bool {
    chars[..start]
        .iter()
        .rev()
        .find(|c| **c != ' ' && **c != '\t')
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '„'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: Option<u8>, day: Option<u8>) -> Option<SimpleDate> {
        Some(SimpleDate { year: y, month: m, day })
    }

    /// Long because: a table of cases, one line (or one formatted tuple) each.
    #[test]
    fn dates_table() {
        type Case<'a> = (&'a str, Option<SimpleDate>, Option<(&'a str, Option<&'a str>)>);
        let table: &[Case<'_>] = &[
            (
                "Moskau, 29. Dezember 2020 – Treffen",
                None,
                Some(("29. Dezember 2020", Some("2020-12-29"))),
            ),
            (
                "Am 5. August 2022 treffen sich",
                None,
                Some(("5. August 2022", Some("2022-08-05"))),
            ),
            (
                "für den 12. Januar geplant",
                d(2022, Some(1), None),
                Some(("12. Januar", Some("2022-01-12"))),
            ),
            (
                "für den 12. Januar geplant",
                d(2021, Some(12), Some(30)),
                Some(("12. Januar", Some("2022-01-12"))),
            ),
            ("für den 12. Januar geplant", None, Some(("12. Januar", None))),
            (
                "Die Mitte Dezember ausgesprochenen",
                d(2020, Some(12), Some(29)),
                Some(("Mitte Dezember", Some("2020-12-11/2020-12-20"))),
            ),
            (
                "Ende Februar 2024 kam",
                None,
                Some(("Ende Februar 2024", Some("2024-02-21/2024-02-29"))),
            ),
            (
                "die Invasion im Februar",
                d(2022, Some(8), None),
                Some(("Februar", Some("2022-02"))),
            ),
            ("die Invasion im Februar", None, Some(("Februar", None))),
            (
                "Im vergangenen März waren",
                d(2022, Some(1), None),
                Some(("März", Some("2021-03"))),
            ),
            ("Streit seit 2017", None, Some(("2017", Some("2017")))),
            ("Das war im Jahr 2017 so.", None, Some(("2017", Some("2017")))),
            ("Gestern. 2017 hatte das Land", None, Some(("2017", Some("2017")))),
            (
                "nach einem Telefonat am Sonntag",
                d(2022, Some(1), Some(3)),
                Some(("am Sonntag", Some("2022-01-02"))),
            ),
            (
                "am Sonntag",
                d(2022, Some(1), Some(2)),
                Some(("am Sonntag", Some("2022-01-02"))),
            ),
            (
                "am kommenden Freitag",
                d(2022, Some(1), Some(3)),
                Some(("kommenden Freitag", Some("2022-01-07"))),
            ),
            ("am Freitag", d(2017, Some(7), None), Some(("am Freitag", None))),
            (
                "hatte Putin vor einem Monat Kritik",
                d(2022, Some(1), None),
                Some(("vor einem Monat", Some("2021-12"))),
            ),
            (
                "vor drei Tagen",
                d(2022, Some(1), Some(3)),
                Some(("vor drei Tagen", Some("2021-12-31"))),
            ),
            (
                "im vorigen Jahr geliefert",
                d(2017, Some(7), None),
                Some(("im vorigen Jahr", Some("2016"))),
            ),
            (
                "In diesem Jahr wird China",
                d(2017, Some(7), None),
                Some(("In diesem Jahr", Some("2017"))),
            ),
            // counter-examples
            ("Sonntag ist ein Name", None, None),
            ("der Sonntag der Wahl", None, None),
            ("Er kaufte 2017 Dollar", None, None),
            ("2017 Menschen starben", None, None),
            ("Die Mitte der Gesellschaft", None, None),
            ("Jan Böhmermann", None, None),
            ("Tel. 0301 2017 4455", None, None),
            ("das S-400 System", None, None),
        ];
        for (text, art, want) in table {
            let got = find_dates(text, *art);
            match want {
                Some((span, value)) => {
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].text, *span, "{text}");
                    assert_eq!(got[0].value.as_deref(), *value, "{text}");
                }
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn bad_day_gets_no_value() {
        let got = find_dates("am 31. Februar 2022", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, None);
    }
}
