//! Quantities and money: "drei Milliarden Dollar", "4,5 Millionen Dosen", "50 Millionen", "mehrere Hundert
//! Drohnen", "12 Prozent".
//!
//! A quantity is a number (digits with German decimal comma and thousands dot, or German number words up to the
//! thousands, or a vague word such as "mehrere") followed by a scale word (Hundert, Tausend, Million(en),
//! Mio., Milliarde(n), Mrd., Billion(en)) and/or a unit (currency, percent, measure). A bare number is never a
//! quantity. After a scale, one capitalised noun is taken as the counted thing ("Dosen", "Drohnen").
//!
//! The value is the number written out in digits (exact decimal arithmetic, no floats) and the unit:
//! currencies as ISO codes (`3000000000 USD`), percent as `%`, counted things as written (`4500000 Dosen`).
//! Vague amounts give a lower bound: "mehrere Hundert Drohnen" → `≥200 Drohnen`.

use super::mention::{EntityKind, Mention};
use super::tokens::{Tok, Tokens, is_space};

/// Currency and measure words → normalised unit.
const UNITS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("us-dollar", "USD"),
    ("euro", "EUR"),
    ("rubel", "RUB"),
    ("lira", "TRY"),
    ("pfund", "GBP"),
    ("yuan", "CNY"),
    ("franken", "CHF"),
    ("prozent", "%"),
    ("prozentpunkte", "percentage points"),
    ("kilometer", "km"),
    ("km", "km"),
    ("meter", "m"),
    ("tonnen", "t"),
    ("tonne", "t"),
    ("barrel", "bbl"),
];

/// Scale words → number of zeros.
const SCALES: &[(&str, u32)] = &[
    ("hundert", 2),
    ("tausend", 3),
    ("million", 6),
    ("millionen", 6),
    ("mio", 6),
    ("milliarde", 9),
    ("milliarden", 9),
    ("mrd", 9),
    ("billion", 12),
    ("billionen", 12),
];

/// Vague amount words → lower bound of the multiplier.
const VAGUE: &[(&str, u64)] = &[("mehrere", 2), ("einige", 2), ("etliche", 2), ("wenige", 2)];

/// Whether a (lower-case) word is a unit of [`UNITS`] or a scale of [`SCALES`]; the date rules use it to
/// tell "2017 Dollar" from a year.
pub(crate) fn is_unit_word(lower: &str) -> bool {
    UNITS.iter().any(|(u, _)| *u == lower) || SCALES.iter().any(|(s, _)| *s == lower)
}

/// Value of a German number word from 1 to 999 999 ("drei", "zwölf", "fünfundzwanzig", "dreihundert",
/// "zweitausend"); `ein`/`eine`/`einen`/`einem`/`einer` are 1.
pub fn number_word(word: &str) -> Option<u64> {
    number_word_lower(&word.to_lowercase())
}

/// [`number_word`] for a word already in lower case.
pub(crate) fn number_word_lower(w: &str) -> Option<u64> {
    // every number word ends in a unit (with the forms of "ein"), a teen ("zehn", "elf", "zwölf"), a ten
    // ("-zig", "-ßig", "-ssig"), "hundert" or "tausend": most words are rejected here by their last letter and
    // a suffix or two, before the substring searches below
    let endings: &[&str] = match w.as_bytes().last() {
        Some(b'n') => &["ein", "einen", "neun", "zehn", "sieben"],
        Some(b'e') => &["eine"],
        Some(b'm') => &["einem"],
        Some(b'r') => &["einer", "vier"],
        Some(b's') => &["eins", "sechs"],
        Some(b'i') => &["zwei", "drei"],
        Some(b'f') => &["fünf", "elf", "zwölf"],
        Some(b't') => &["acht", "hundert"],
        Some(b'g') => &["zig", "ßig", "ssig"],
        Some(b'd') => &["tausend"],
        _ => &[],
    };
    if !endings.iter().any(|e| w.ends_with(e)) {
        return None;
    }
    if let Some((left, right)) = w.split_once("tausend") {
        let l = if left.is_empty() { 1 } else { below_thousand(left)? };
        let r = if right.is_empty() { 0 } else { below_thousand(right)? };
        return Some(l * 1000 + r);
    }
    below_thousand(w)
}

/// A number word below 1000 ("dreihundertzwölf").
fn below_thousand(w: &str) -> Option<u64> {
    if let Some((left, right)) = w.split_once("hundert") {
        let l = if left.is_empty() { 1 } else { units(left)? };
        let r = if right.is_empty() { 0 } else { below_hundred(right)? };
        return Some(l * 100 + r);
    }
    below_hundred(w)
}

/// A number word below 100: units, teens, tens, or "einundzwanzig".
fn below_hundred(w: &str) -> Option<u64> {
    if let Some(v) = units(w) {
        return Some(v);
    }
    let teens = [
        ("zehn", 10),
        ("elf", 11),
        ("zwölf", 12),
        ("dreizehn", 13),
        ("vierzehn", 14),
        ("fünfzehn", 15),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("achtzehn", 18),
        ("neunzehn", 19),
    ];
    if let Some((_, v)) = teens.iter().find(|(t, _)| *t == w) {
        return Some(*v);
    }
    let tens = |t: &str| -> Option<u64> {
        Some(match t {
            "zwanzig" => 20,
            "dreißig" | "dreissig" => 30,
            "vierzig" => 40,
            "fünfzig" => 50,
            "sechzig" => 60,
            "siebzig" => 70,
            "achtzig" => 80,
            "neunzig" => 90,
            _ => return None,
        })
    };
    if let Some(v) = tens(w) {
        return Some(v);
    }
    let (u, t) = w.split_once("und")?;
    let u = if u == "ein" { 1 } else { units(u)? };
    Some(tens(t)? + u)
}

/// A number word from 1 to 9 (any form of "ein").
fn units(w: &str) -> Option<u64> {
    Some(match w {
        "ein" | "eine" | "einen" | "einem" | "einer" | "eins" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        _ => return None,
    })
}

/// A number as an exact decimal: digits and the count of decimals ("4,5" → ("45", 1)).
fn parse_digits(text: &str) -> Option<(String, u32)> {
    let (int, frac) = match text.split_once(',') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    // thousands dots only in groups of three
    let groups: Vec<&str> = int.split('.').collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let int: String = groups.concat();
    if int.is_empty() || !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((format!("{int}{frac}"), u32::try_from(frac.len()).ok()?))
}

/// `digits × 10^(zeros − decimals)` written out; keeps a decimal comma as `.` if it does not come out whole.
fn scaled(digits: &str, decimals: u32, zeros: u32) -> String {
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if zeros >= decimals {
        let pad = usize::try_from(zeros - decimals).unwrap_or(0);
        if digits == "0" {
            return "0".into();
        }
        format!("{digits}{}", "0".repeat(pad))
    } else {
        let cut = usize::try_from(decimals - zeros).unwrap_or(0);
        let padded = format!("{}{digits}", "0".repeat(cut.saturating_sub(digits.len()) + 1));
        let (i, f) = padded.split_at(padded.len() - cut);
        let i = i.trim_start_matches('0');
        let f = f.trim_end_matches('0');
        match (i.is_empty(), f.is_empty()) {
            (_, true) => {
                if i.is_empty() {
                    "0".into()
                } else {
                    i.to_string()
                }
            }
            (true, false) => format!("0.{f}"),
            (false, false) => format!("{i}.{f}"),
        }
    }
}

/// The normalised unit a token names ([`UNITS`]).
fn unit_of(t: &Tok<'_>) -> Option<&'static str> {
    UNITS.iter().find(|(u, _)| *u == t.lower).map(|(_, n)| *n)
}

/// The power of ten a scale word stands for ([`SCALES`]: "Millionen", "Mio", …).
fn scale_of(t: &Tok<'_>) -> Option<u32> {
    SCALES.iter().find(|(s, _)| *s == t.lower).map(|(_, z)| *z)
}

/// Every quantity in `text`, with code point offsets.
pub fn find_quantities(text: &str) -> Vec<Mention> {
    let tokenized = Tokens::new(text);
    find_quantities_in(&tokenized.chars, &tokenized.list(text))
}

/// [`find_quantities`] over a text's chars and tokens, shared with the other rules.
pub(crate) fn find_quantities_in(chars: &[char], toks: &[Tok<'_>]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity_at(chars, toks, i) {
            Some((mention, next)) => {
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The quantity that starts at token `i`, and the index of the token after it: a number, then an optional
/// scale ("Mio."), then a unit word or sign, or a capitalised noun after a scale ("5 Millionen Menschen"). A
/// bare number or a vague one ("mehrere") without a scale is no quantity.
fn quantity_at(chars: &[char], toks: &[Tok<'_>], i: usize) -> Option<(Mention, usize)> {
    let t = &toks[i];
    let (digits, decimals, vague) = number_at(chars, toks, i)?;
    let next = |j: usize| -> Option<&Tok<'_>> {
        let n = toks.get(j)?;
        let prev = &toks[j - 1];
        let g = &chars[prev.end..n.start];
        let abbrev_dot = g.first() == Some(&'.') && matches!(prev.lower, "mio" | "mrd");
        (is_space(g) || (abbrev_dot && is_space(&g[1..]))).then_some(n)
    };
    let mut j = i + 1;
    let mut zeros = 0;
    let mut end = t.end;
    if let Some(s) = next(j).and_then(scale_of) {
        zeros = s;
        end = toks[j].end;
        if matches!(toks[j].lower, "mio" | "mrd") && chars.get(end) == Some(&'.') {
            end += 1;
        }
        j += 1;
    }
    let mut unit: Option<String> = None;
    if let Some(n) = next(j) {
        if let Some(u) = unit_of(n) {
            unit = Some(u.to_string());
            end = n.end;
            j += 1;
        } else if zeros > 0 && n.is_capitalised() && n.text.chars().count() > 2 && is_noun(n) {
            unit = Some(n.text.to_string());
            end = n.end;
            j += 1;
        }
    }
    if unit.is_none()
        && let Some((sign, after)) = sign_unit(chars, end)
    {
        unit = Some(sign.to_string());
        end = after;
    }
    if zeros == 0 && (unit.is_none() || vague) {
        return None;
    }
    let number = scaled(&digits, decimals, zeros);
    let number = if vague { format!("≥{number}") } else { number };
    let value = match unit {
        Some(u) if u == "%" => format!("{number} %"),
        Some(u) => format!("{number} {u}"),
        None => number,
    };
    let mention = Mention {
        start: t.start,
        end,
        text: chars[t.start..end].iter().collect(),
        kind: EntityKind::Quantity,
        entity_id: None,
        derived: false,
        value: Some(value),
        source: Default::default(),
    };
    Some((mention, j.max(i + 1)))
}

/// The number token `i` is: its digits, its decimals and whether it is vague ("mehrere" → ≥ 2). `None` for
/// a token that is no number, or that is glued to a letter or a hyphen before it ("S-400", "F35").
fn number_at(chars: &[char], toks: &[Tok<'_>], i: usize) -> Option<(String, u32, bool)> {
    let t = &toks[i];
    let before = t.start.checked_sub(1).map(|p| chars[p]);
    if before.is_some_and(|c| c == '-' || c.is_alphanumeric()) {
        return None;
    }
    if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        parse_digits(t.text).map(|(d, n)| (d, n, false))
    } else if let Some(v) = VAGUE.iter().find(|(w, _)| *w == t.lower).map(|(_, v)| *v) {
        Some((v.to_string(), 0, true))
    } else {
        number_word_lower(t.lower)
            .filter(|_| !t.is_capitalised() || i == 0 || sentence_start(chars, t))
            .map(|v| (v.to_string(), 0, false))
    }
}

/// A unit sign at `end`, right after the number ("5%", "5$", "5€") or after one space ("5 %"): the unit and
/// the offset after the sign.
fn sign_unit(chars: &[char], end: usize) -> Option<(&'static str, usize)> {
    match chars.get(end) {
        Some('%') => Some(("%", end + 1)),
        Some('$') => Some(("USD", end + 1)),
        Some('€') => Some(("EUR", end + 1)),
        Some(' ') if chars.get(end + 1) == Some(&'%') => Some(("%", end + 2)),
        _ => None,
    }
}

/// A capitalised word after a scale that is a counted noun (not a month, weekday or function word).
fn is_noun(t: &Tok<'_>) -> bool {
    let l = t.lower;
    crate::core::text::german_month(t.text).is_none()
        && ![
            "der", "die", "das", "den", "dem", "des", "und", "oder", "im", "in", "am",
        ]
        .contains(&l)
}

/// Whether a token opens a sentence: only white space since a sentence end, a colon or an opening quote.
fn sentence_start(chars: &[char], t: &Tok<'_>) -> bool {
    chars[..t.start]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '„' | '“'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_table() {
        let table: &[(&str, Option<(&str, &str)>)] = &[
            (
                "für mehr als drei Milliarden Dollar geliefert",
                Some(("drei Milliarden Dollar", "3000000000 USD")),
            ),
            (
                "Aufträge für mehr als acht Milliarden Dollar",
                Some(("acht Milliarden Dollar", "8000000000 USD")),
            ),
            (
                "hat 4,5 Millionen Dosen bestellt",
                Some(("4,5 Millionen Dosen", "4500000 Dosen")),
            ),
            ("50 Millionen sind bestellt", Some(("50 Millionen", "50000000"))),
            (
                "50 Millionen Dosen sind bestellt",
                Some(("50 Millionen Dosen", "50000000 Dosen")),
            ),
            (
                "mehrere Hundert Drohnen",
                Some(("mehrere Hundert Drohnen", "≥200 Drohnen")),
            ),
            ("um 12 Prozent gestiegen", Some(("12 Prozent", "12 %"))),
            ("um 2,5 % gestiegen", Some(("2,5 %", "2.5 %"))),
            ("kostet 5.000 Euro", Some(("5.000 Euro", "5000 EUR"))),
            ("1,2 Mrd. Euro", Some(("1,2 Mrd. Euro", "1200000000 EUR"))),
            (
                "fünfundzwanzig Millionen Menschen",
                Some(("fünfundzwanzig Millionen Menschen", "25000000 Menschen")),
            ),
            ("eine Million Dollar", Some(("eine Million Dollar", "1000000 USD"))),
            ("0,5 Prozent", Some(("0,5 Prozent", "0.5 %"))),
            // counter-examples: no scale, no unit
            ("drei Präsidenten trafen sich", None),
            ("das russische S-400 System", None),
            ("die F35-Kampfflugzeuge", None),
            ("seit 2017 im Streit", None),
            ("mehrere Su-35-Kampfjets", None),
            ("ein neues Raketenabwehrsystem", None),
        ];
        for (text, want) in table {
            let got = find_quantities(text);
            match want {
                Some((span, value)) => {
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].text, *span, "{text}");
                    assert_eq!(got[0].value.as_deref(), Some(*value), "{text}");
                }
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn number_words() {
        let table = [
            ("drei", Some(3)),
            ("zwölf", Some(12)),
            ("einundzwanzig", Some(21)),
            ("dreihundert", Some(300)),
            ("zweitausendfünfhundert", Some(2500)),
            ("zweitausend", Some(2000)),
            ("Tausend", Some(1000)),
            ("dreihunderteins", Some(301)),
            (
                "neunhundertneunundneunzigtausendneunhundertneunundneunzig",
                Some(999_999),
            ),
            ("siebzehn", Some(17)),
            ("dreißig", Some(30)),
            ("dreissig", Some(30)),
            ("einem", Some(1)),
            ("elf", Some(11)),
            ("zwölf", Some(12)),
            ("sechs", Some(6)),
            ("acht", Some(8)),
            ("Achtung", None),
            ("Verein", None),
            ("Hundert", Some(100)),
            ("Hunde", None),
            ("und", None),
        ];
        for (w, want) in table {
            assert_eq!(number_word(w), want, "{w}");
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let q = find_quantities("Für Zölle über 3 Millionen Euro");
        assert_eq!((q[0].start, q[0].end), (15, 31));
    }
}
