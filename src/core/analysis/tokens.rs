//! A minimal word tokenizer for the date and quantity rules: runs of letters/digits with code point offsets.
//! A number keeps its inner `.`/`,` when a digit follows ("4,5", "5.000"); everything else separates tokens.

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The token as written.
    pub text: String,
}

impl Tok {
    /// Whether the token is all ASCII digits.
    pub fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(|c| c.is_ascii_digit())
    }

    /// Whether the token starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The token in lower case.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Splits `chars` into tokens.
pub(crate) fn tokens(chars: &[char]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let numeric = chars[i].is_ascii_digit();
        while i < chars.len() {
            let c = chars[i];
            let inner_separator =
                numeric && (c == '.' || c == ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c.is_alphanumeric() || inner_separator {
                i += 1;
            } else {
                break;
            }
        }
        out.push(Tok {
            start,
            end: i,
            text: chars[start..i].iter().collect(),
        });
    }
    out
}

/// The text between two tokens (`a` before `b`).
pub(crate) fn gap<'a>(chars: &'a [char], a: &Tok, b: &Tok) -> &'a [char] {
    &chars[a.end.min(b.start)..b.start]
}

/// Whether a gap is only white space (at least one char).
pub(crate) fn is_space(gap: &[char]) -> bool {
    !gap.is_empty() && gap.iter().all(|c| c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_numbers() {
        let chars: Vec<char> = "Am 29. Dezember: 4,5 Mio. und 5.000 Türken.".chars().collect();
        let t: Vec<String> = tokens(&chars).into_iter().map(|t| t.text).collect();
        assert_eq!(t, ["Am", "29", "Dezember", "4,5", "Mio", "und", "5.000", "Türken"]);
    }
}
