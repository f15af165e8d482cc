//! Text primitives of the rule-based finders, at the bottom of `analysis` (they import nothing from it):
//!
//! - a minimal word tokenizer for the date and quantity rules: runs of letters/digits with code point offsets.
//!   A number keeps its inner `.`/`,` when a digit follows ("4,5", "5.000"); everything else separates tokens.
//!   [`Tokens`] is built once per text and shared by the date and quantity rules. Tokens borrow their text and
//!   their lower-case form from it, so tokenizing allocates three buffers per text and nothing per token.
//! - [`fold_char`] and [`fold`]: the char folding of name matching (case, diacritics, apostrophes), used by the
//!   knowledge base, the morphology (which re-exports them) and the matcher.

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// The token in lower case (char by char with [`char::to_lowercase`]; unlike [`str::to_lowercase`] a
    /// final Greek capital sigma becomes `σ`, not `ς`, which no rule compares against).
    pub lower: &'a str,
}

impl Tok<'_> {
    /// Whether the token is all ASCII digits.
    pub fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|c| c.is_ascii_digit())
    }

    /// Whether the token starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// Byte and code point ranges of one token.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    text: (usize, usize),
    lower: (usize, usize),
}

/// The tokens of one text: its chars and the tokens' lower-case forms, computed in one pass.
#[derive(Debug)]
pub(crate) struct Tokens {
    /// The text as code points (offsets of mentions and tokens index into it).
    pub chars: Vec<char>,
    /// The lower-case forms of all tokens, back to back.
    lower: String,
    spans: Vec<Span>,
}

impl Tokens {
    /// Splits `text` into tokens.
    pub fn new(text: &str) -> Self {
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        chars.extend(text.chars());
        let cs = chars.as_slice(); // (slice indexing is inlined at opt-level z, Vec indexing is a call)
        let mut lower = String::with_capacity(text.len());
        let mut spans: Vec<Span> = Vec::new();
        let (mut i, mut b) = (0, 0); // code point and byte offsets
        while i < cs.len() {
            if !is_alphanumeric(cs[i]) {
                b += cs[i].len_utf8();
                i += 1;
                continue;
            }
            let (start, b0) = (i, b);
            let numeric = cs[i].is_ascii_digit();
            let mut ascii = true;
            while i < cs.len() {
                let c = cs[i];
                let inner_separator =
                    numeric && (c == '.' || c == ',') && cs.get(i + 1).is_some_and(char::is_ascii_digit);
                if is_alphanumeric(c) || inner_separator {
                    ascii &= c.is_ascii();
                    b += c.len_utf8();
                    i += 1;
                } else {
                    break;
                }
            }
            let l0 = lower.len();
            if ascii {
                lower.push_str(text.get(b0..b).unwrap_or(""));
                if let Some(tail) = lower.get_mut(l0..) {
                    tail.make_ascii_lowercase();
                }
            } else {
                for c in &cs[start..i] {
                    if c.is_ascii() {
                        lower.push(c.to_ascii_lowercase());
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                }
            }
            spans.push(Span {
                start,
                end: i,
                text: (b0, b),
                lower: (l0, lower.len()),
            });
        }
        Self { chars, lower, spans }
    }

    /// The tokens, borrowing from `text` (the text this was built from) and from `self`.
    pub fn list<'a>(&'a self, text: &'a str) -> Vec<Tok<'a>> {
        self.spans
            .iter()
            .map(|s| Tok {
                start: s.start,
                end: s.end,
                text: text.get(s.text.0..s.text.1).unwrap_or(""),
                lower: self.lower.get(s.lower.0..s.lower.1).unwrap_or(""),
            })
            .collect()
    }
}

/// [`char::is_alphanumeric`] with the ASCII case inlined (it is asked for every char of every text).
#[inline(always)]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The text between two tokens (`a` before `b`).
pub(crate) fn gap<'a>(chars: &'a [char], a: &Tok<'_>, b: &Tok<'_>) -> &'a [char] {
    &chars[a.end.min(b.start)..b.start]
}

/// Whether a gap is only white space (at least one char).
pub(crate) fn is_space(gap: &[char]) -> bool {
    !gap.is_empty() && gap.iter().all(|c| c.is_whitespace())
}

/// Folds one char for matching: lower case, without diacritics, white space as `' '`, typographic apostrophe
/// as `'`. Always exactly one char out.
#[inline(always)]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        // the fast path for the common case; the same result as below (no ASCII char is in the table but `)
        match c {
            ' ' | '\t'..='\r' => ' ',
            '`' => '\'',
            _ => c.to_ascii_lowercase(),
        }
    } else {
        fold_non_ascii(c)
    }
}

/// [`fold_char`] for a non-ASCII char: white space, a table of Latin diacritics, typographic apostrophes and
/// dashes; other chars in lower case.
fn fold_non_ascii(c: char) -> char {
    if c.is_whitespace() {
        return ' ';
    }
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' | 'ŝ' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' | '`' | '´' => '\'',
        '‐' | '‑' | '‒' | '–' => '-',
        other => other,
    }
}

/// Folds a string char by char with [`fold_char`] (same number of chars as the input).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_numbers() {
        let text = "Am 29. Dezember: 4,5 Mio. und 5.000 Türken, 3.";
        let t = Tokens::new(text);
        let got: Vec<(&str, &str)> = t.list(text).iter().map(|t| (t.text, t.lower)).collect();
        assert_eq!(
            got,
            [
                ("Am", "am"),
                ("29", "29"),
                ("Dezember", "dezember"),
                ("4,5", "4,5"),
                ("Mio", "mio"),
                ("und", "und"),
                ("5.000", "5.000"),
                ("Türken", "türken"),
                ("3", "3")
            ]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Öl für Ärzte";
        let t = Tokens::new(text);
        let got: Vec<(usize, usize)> = t.list(text).iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(got, [(0, 2), (3, 6), (7, 12)]);
        assert_eq!(t.chars.len(), 12);
    }

    #[test]
    fn lower_case_may_change_length() {
        // U+0130 lower-cases to two chars: the lower form is longer than the text, offsets stay right
        let text = "İstanbul und Ankara";
        let t = Tokens::new(text);
        let list = t.list(text);
        assert_eq!(list[0].lower, "i\u{307}stanbul");
        assert_eq!((list[2].text, list[2].lower, list[2].start), ("Ankara", "ankara", 13));
    }
}
