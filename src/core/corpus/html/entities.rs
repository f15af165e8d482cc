//! Character references (`&amp;`, `&#228;`, `&#xE4;`, `&auml;`) → characters.
//!
//! Numeric references are decoded in full (with the HTML spec's replacements: NUL, surrogates and values
//! past U+10FFFF become U+FFFD, and 0x80–0x9F the Windows-1252 characters they mean). Of the 2,231 named
//! references only the ones German news pages use are known ([`NAMED`]): the full table would add about
//! 30 KB to the app for characters that are written literally in UTF-8 pages anyway. An unknown name is
//! left as it is written, which is what a browser shows for a name it does not know.

use std::borrow::Cow;

/// Named references and their text: markup, spaces, German letters, typography, common Latin letters.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("shy", "\u{ad}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("auml", "ä"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bdquo", "„"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("euro", "€"),
    ("pound", "£"),
    ("dollar", "$"),
    ("sect", "§"),
    ("para", "¶"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("minus", "−"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("percnt", "%"),
    ("num", "#"),
    ("ast", "*"),
    ("sol", "/"),
    ("colon", ":"),
    ("comma", ","),
    ("period", "."),
    ("excl", "!"),
    ("quest", "?"),
    ("lpar", "("),
    ("rpar", ")"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("uacute", "ú"),
    ("ccedil", "ç"),
    ("ntilde", "ñ"),
    ("Eacute", "É"),
    ("oslash", "ø"),
    ("aring", "å"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("ccaron", "č"),
];

/// The characters 0x80–0x9F stand for in a numeric reference (Windows-1252), as the HTML spec says.
pub(crate) const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes the character references in `s`. Text without `&` is returned as it is, without copying.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (just after the `&`): its text and the bytes it used (with the `;`).
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits.bytes().take_while(|b| (*b as char).is_digit(radix)).count();
        if len == 0 {
            return None;
        }
        // Long runs of digits are clamped, not overflowed: they are past U+10FFFF anyway.
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(u32::MAX);
        let semicolon = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return Some((Cow::Owned(numeric(value).to_string()), skip + len + semicolon));
    }
    let len = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &s[..len];
    let (_, text) = NAMED.iter().find(|(n, _)| *n == name)?;
    let semicolon = usize::from(s.as_bytes().get(len) == Some(&b';'));
    Some((Cow::Borrowed(text), len + semicolon))
}

/// The character a numeric reference stands for.
fn numeric(value: u32) -> char {
    match value {
        0x80..=0x9f => WINDOWS_1252[(value - 0x80) as usize],
        0 => '\u{fffd}',
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_become_characters() {
        for (input, expected) in [
            ("Krieg &amp; Frieden", "Krieg & Frieden"),
            ("&lt;script&gt;", "<script>"),
            ("Gr&uuml;&szlig;e", "Grüße"),
            ("&#228;&#xE4;&#XC4;", "ääÄ"),
            ("&bdquo;Zitat&ldquo;", "„Zitat“"),
            ("&#150;", "–"),
            ("&#0;&#xD800;&#99999999999;", "\u{fffd}\u{fffd}\u{fffd}"),
            ("a &unknown; b", "a &unknown; b"),
            ("AT&T", "AT&T"),
            ("&", "&"),
            ("&#", "&#"),
            ("&#x;", "&#x;"),
            ("&amp", "&"),
            ("ohne", "ohne"),
        ] {
            assert_eq!(decode(input), expected, "{input}");
        }
    }
}
