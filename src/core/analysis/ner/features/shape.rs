//! Word shapes: the collapsed pattern of upper case, lower case, digits and other characters.

/// The collapsed shape: upper → `X`, lower → `x`, digit → `d`, other chars kept; runs collapsed
/// ("Olaf" → "Xx", "US-Wahl" → "X-Xx", "3,5" → "d,d").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    push_shape(word, &mut out);
    out
}

/// Appends the [`shape`] of `word` to `out` (at most 9 bytes; longer shapes are cut).
pub(super) fn push_shape(word: &str, out: &mut String) {
    let start = out.len();
    if word.is_ascii() {
        // the same on bytes (a `while` loop: the wasm is built for size, where `chars()` stays a call)
        let (bytes, mut last, mut i) = (word.as_bytes(), 0u8, 0);
        while i < bytes.len() {
            let b = bytes[i];
            let s = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            if s != last {
                out.push(char::from(s));
                last = s;
            }
            if out.len() - start > 8 {
                break;
            }
            i += 1;
        }
        return;
    }
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
        if out.len() - start > 8 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_collapses_runs_and_caps_length() {
        let table = [
            ("Olaf", "Xx"),
            ("US-Wahl", "X-Xx"),
            ("3,5", "d,d"),
            ("Über", "Xx"),
            ("„", "„"),
            ("aBcDeFgHiJkL", "xXxXxXxXx"),
        ];
        for (w, want) in table {
            assert_eq!(shape(w), want, "{w}");
        }
    }
}
