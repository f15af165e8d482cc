//! Timestamps as instants: `created` and `modified` are ISO 8601 / RFC 3339 strings written by this app
//! (`2024-05-01T10:00:00.000Z`) or by other tools (`2026-12-04T15:30:00+02:00`). Comparing them as text is
//! wrong as soon as the offsets or the number of fraction digits differ, so a merge compares the instants.
//!
//! Hand-written (about 60 lines) instead of a date crate: the app needs one parse to milliseconds and no
//! calendar arithmetic, and every kilobyte of the wasm counts (`time` with its parser would add more than
//! this whole module). `tests/annotations.rs` checks it against the `time` crate on random instants.

use std::cmp::Ordering;

/// Milliseconds since 1970-01-01T00:00:00Z of an RFC 3339 timestamp (`YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`;
/// a space or lower-case `t`/`z` is accepted, a missing offset counts as UTC, a date alone is midnight UTC).
/// `None` when the text is not such a timestamp or names an impossible date or time.
///
/// ```
/// use presseschau::core::annotations::instant::millis;
/// assert_eq!(millis("1970-01-01T00:00:00Z"), Some(0));
/// assert_eq!(millis("2026-12-04T15:30:00+02:00"), millis("2026-12-04T13:30:00.000Z"));
/// assert_eq!(millis("2026-02-30T00:00:00Z"), None);
/// ```
pub fn millis(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter()
            .try_fold(0i64, |n, &c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if b.len() == 10 {
        return Some(days * 86_400_000);
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    // A leap second (…:60) counts as the last millisecond of its minute.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    let mut fraction_ms = 0i64;
    if b.get(i) == Some(&b'.') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let ms_digits = &s[i + 1..i + 1 + digits.min(3)];
        fraction_ms = ms_digits.parse::<i64>().ok()? * 10i64.pow(3 - ms_digits.len() as u32);
        i += 1 + digits;
    }
    let offset_minutes = match &b[i..] {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] if b.len() == i + 6 && b[i + 3] == b':' => {
            let (h, m) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' { h * 60 + m } else { -(h * 60 + m) }
        }
        _ => return None,
    };
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset_minutes * 60;
    let leap = if second == 60 { 999 } else { fraction_ms };
    Some(seconds * 1000 + leap)
}

/// Compares two timestamps by instant; text that is not a timestamp sorts before every timestamp, and two
/// such texts compare as text (so the order is total and a merge never fails on a bad date).
pub fn compare(a: &str, b: &str) -> Ordering {
    match (millis(a), millis(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => a.cmp(b),
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("2000-03-01T00:00:00Z", Some(951_868_800_000)),
            ("2026-12-04T14:55:05Z", Some(1_796_396_105_000)),
            ("2026-12-04T15:30:00+02:00", Some(1_796_391_000_000)),
            ("2026-12-04T15:30:00.5+02:00", Some(1_796_391_000_500)),
            ("2026-12-04T15:30:00.123456-00:30", Some(1_796_400_000_123)),
            ("2024-02-29", Some(1_709_164_800_000)),
            ("2023-02-29", None),
            ("2026-13-01T00:00:00Z", None),
            ("2026-12-04T24:00:00Z", None),
            ("2026-12-04T10:00:00+0200", None),
            ("2026-12-04T10:00:00.Z", None),
            ("gestern", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(millis(text), want, "{text}");
        }
    }

    #[test]
    fn compare_is_by_instant() {
        assert_eq!(
            compare("2026-12-04T15:30:00+02:00", "2026-12-04T14:55:05Z"),
            Ordering::Less
        );
        assert_eq!(
            compare("2026-12-04T14:55:05.000Z", "2026-12-04T14:55:05Z"),
            Ordering::Equal
        );
        assert_eq!(compare("kaputt", "2026-12-04T14:55:05Z"), Ordering::Less);
    }
}
