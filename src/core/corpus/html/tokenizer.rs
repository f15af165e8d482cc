//! A small HTML tokenizer: enough of the HTML tokenizer's states to read text, tags and attributes out of a
//! page saved from a news site. It never fails: broken markup gives fewer or odd tokens, never a panic.
//!
//! * Comments, `<!DOCTYPE …>`, `<![CDATA[…]]>` and `<?…>` are skipped.
//! * A `<` that does not open a tag (`a < b`) is text.
//! * A tag cut off by the end of the input is dropped, as browsers do.
//! * The content of raw-text elements (`script`, `style`, `title`, `textarea`, `iframe`, `noscript`, …) is
//!   one [`Token::Raw`] up to the matching end tag, so a `<` inside a script never opens a tag.
//!
//! Only ASCII bytes (`<`, `>`, quotes, white space) are ever used to cut the input, so every slice is on a
//! character boundary.

/// Elements whose content is raw text up to their end tag (the HTML "raw text" and "RCDATA" elements, plus
/// `noscript` as a browser with scripting on reads it, and `plaintext`).
pub(super) const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "iframe",
    "noscript",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

/// One token of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    /// The whole content of a raw-text element (see [`RAW_TEXT`]), entities not decoded.
    Raw(&'a str),
    /// A start tag: lower-case name, attributes (lower-case names, values as written) and whether it ends
    /// with `/>`.
    Start {
        /// The element name, lower case.
        name: String,
        /// The attributes in order: lower-case name and raw value (empty when the attribute has none).
        attrs: Vec<(String, &'a str)>,
        /// The tag ends with `/>`.
        self_closing: bool,
    },
    /// An end tag with its lower-case name.
    End(String),
}

/// Reads tokens from an HTML string.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: the next token is its content.
    raw_of: Option<String>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `src`.
    pub(crate) fn new(src: &'a str) -> Self {
        Self {
            src,
            pos: 0,
            raw_of: None,
        }
    }

    /// The rest of the input.
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// Skips past the next `end` (or to the end of the input).
    fn skip_past(&mut self, from: usize, end: &str) {
        let rest = self.src.get(self.pos + from..).unwrap_or("");
        self.pos = match rest.find(end) {
            Some(i) => self.pos + from + i + end.len(),
            None => self.src.len(),
        };
    }

    /// The content of the raw-text element `name`, up to its end tag (which is left for the next call).
    fn raw_text(&mut self, name: &str) -> &'a str {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let mut i = 0;
        let end = loop {
            let Some(j) = rest.get(i..).and_then(|r| r.find("</")) else {
                break rest.len();
            };
            let at = i + j;
            let after = at + 2 + name.len();
            let matches = bytes
                .get(at + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            let closed = bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
            if matches && closed {
                break at;
            }
            i = at + 2;
        };
        self.pos += end;
        &rest[..end]
    }

    /// Reads a tag name starting at byte `from` of the rest, up to white space, `/` or `>`; lower-cased.
    fn tag_name(&self, from: usize) -> (String, usize) {
        let bytes = self.rest().as_bytes();
        let mut end = from;
        while bytes
            .get(end)
            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'/' && *b != b'>')
        {
            end += 1;
        }
        let name = self.rest().get(from..end).unwrap_or("").to_ascii_lowercase();
        (name, end)
    }

    /// Reads a start tag whose name starts at byte 1 of the rest. `None` when the input ends inside the tag.
    fn start_tag(&mut self) -> Option<Token<'a>> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let (name, mut i) = self.tag_name(1);
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => break,
                b'/' => {
                    self_closing = bytes.get(i + 1) == Some(&b'>');
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let (attr, next) = read_attribute(rest, i)?;
            attrs.push(attr);
            i = next;
        }
        self.pos += i + 1;
        // `<script/>` still opens a script in HTML: the slash is ignored on non-void elements.
        if RAW_TEXT.contains(&name.as_str()) {
            self.raw_of = Some(name.clone());
        }
        Some(Token::Start {
            name,
            attrs,
            self_closing,
        })
    }
}

/// Reads one attribute at byte `i` of `rest`: its name, then `= value` (quoted or not) when present.
/// Returns the attribute and the byte after it; `None` when the input ends inside a quoted value.
fn read_attribute(rest: &str, mut i: usize) -> Option<((String, &str), usize)> {
    let bytes = rest.as_bytes();
    let start = i;
    // The first character may be anything but white space, `/` or `>` (even `=`), as in the HTML spec.
    i += 1;
    while bytes
        .get(i)
        .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
    {
        i += 1;
    }
    let name = rest.get(start..i).unwrap_or("").to_ascii_lowercase();
    let mut j = i;
    while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
        j += 1;
    }
    if bytes.get(j) != Some(&b'=') {
        return Some(((name, ""), i));
    }
    j += 1;
    while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
        j += 1;
    }
    match bytes.get(j) {
        Some(&q @ (b'"' | b'\'')) => {
            let len = rest.get(j + 1..)?.find(q as char)?;
            Some(((name, &rest[j + 1..j + 1 + len]), j + len + 2))
        }
        _ => {
            let mut k = j;
            while bytes.get(k).is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>') {
                k += 1;
            }
            Some(((name, rest.get(j..k).unwrap_or("")), k))
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw_of.take() {
            let raw = self.raw_text(&name);
            if !raw.is_empty() {
                return Some(Token::Raw(raw));
            }
        }
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            let bytes = rest.as_bytes();
            if bytes[0] != b'<' {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Token::Text(&rest[..len]));
            }
            match bytes.get(1) {
                Some(b'!') if rest.starts_with("<!--") => self.skip_past(4, "-->"),
                Some(b'!') if rest.starts_with("<![CDATA[") => self.skip_past(9, "]]>"),
                Some(b'!' | b'?') => self.skip_past(2, ">"),
                Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                    let (name, _) = self.tag_name(2);
                    self.skip_past(2, ">");
                    return Some(Token::End(name));
                }
                // `</>` is nothing; `</ x>` and `</3>` are bogus comments.
                Some(b'/') => self.skip_past(2, ">"),
                Some(b) if b.is_ascii_alphabetic() => match self.start_tag() {
                    Some(token) => return Some(token),
                    None => {
                        self.pos = self.src.len();
                        return None;
                    }
                },
                _ => {
                    self.pos += 1;
                    return Some(Token::Text("<"));
                }
            }
        }
    }
}
