//! A JSON reader that keeps where each value begins, so that an error in an OCDS file can
//! name its line, column and path. It follows RFC 8259; numbers are kept as their text, so
//! an amount is read exactly, and nesting deeper than `MAX_DEPTH` is refused rather than
//! overflowing the stack. Names and strings borrow from the text unless they hold escapes:
//! allocating each one took about half the time of reading a large file.

use crate::lang::{self, m, Msg};
use std::borrow::Cow;
use std::fmt;

/// How deeply arrays and objects may nest (OCDS releases need about eight levels).
const MAX_DEPTH: u32 = 64;

/// A value and the line and column (1-based, in characters) where it begins.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Value<'a> {
    pub line: u32,
    pub column: u32,
    pub kind: Kind<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind<'a> {
    Null,
    Bool(bool),
    /// The number as written.
    Number(&'a str),
    Text(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object (the first, if it is repeated).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match &self.kind {
            Kind::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string, or `None` for anything else.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array; nothing for anything else.
    pub fn items(&self) -> &[Value<'a>] {
        match &self.kind {
            Kind::Array(items) => items,
            _ => &[],
        }
    }

    /// What kind of value it is, for a message ("expected a number, found a string").
    pub fn what(&self) -> &'static str {
        match self.kind {
            Kind::Null => lang::t(m::JSON_NULL),
            Kind::Bool(_) => lang::t(m::JSON_BOOL),
            Kind::Number(_) => lang::t(m::JSON_NUMBER),
            Kind::Text(_) => lang::t(m::JSON_TEXT),
            Kind::Array(_) => lang::t(m::JSON_ARRAY),
            Kind::Object(_) => lang::t(m::JSON_OBJECT),
        }
    }
}

/// Where a JSON text stops being JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = (self.line.to_string(), self.column.to_string());
        write!(
            f,
            "{}, {}: {}",
            lang::fill(m::AT_LINE, &[("n", &line)]),
            lang::fill(m::AT_COLUMN, &[("n", &column)]),
            self.message
        )
    }
}

/// Reads values one after another from a text.
pub(crate) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    column: u32,
}

impl<'a> Parser<'a> {
    /// A parser over `text`, whose first line is line `first_line` of its file.
    pub fn new(text: &'a str, first_line: u32) -> Parser<'a> {
        lang::use_reader();
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: first_line,
            column: 1,
        }
    }

    /// The next value, or `None` when only white space is left.
    pub fn next_value(&mut self) -> Option<Result<Value<'a>, SyntaxError>> {
        self.skip_space();
        (self.pos < self.bytes.len()).then(|| self.value(0))
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            line: self.line,
            column: self.column,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Moves past one byte, keeping the line and the column (in characters) up to date.
    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(lang::fill(m::JSON_NESTED, &[("n", &MAX_DEPTH.to_string())])));
        }
        let (line, column) = (self.line, self.column);
        let kind = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::Text(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(_) => return Err(self.error(lang::t(m::JSON_EXPECTED_VALUE))),
            None => return Err(self.error(lang::t(m::JSON_ENDS_VALUE))),
        };
        Ok(Value { line, column, kind })
    }

    fn word(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(kind)
        } else {
            Err(self.error(lang::t(m::JSON_EXPECTED_VALUE)))
        }
    }

    fn expect(&mut self, byte: u8, what: Msg) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(lang::t(what)))
        }
    }

    fn array(&mut self, depth: u32) -> Result<Kind<'a>, SyntaxError> {
        self.bump();
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Kind::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Kind::Array(items));
                }
                _ => return Err(self.error(lang::t(m::JSON_AFTER_ITEM))),
            }
        }
    }

    fn object(&mut self, depth: u32) -> Result<Kind<'a>, SyntaxError> {
        self.bump();
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error(lang::t(m::JSON_MEMBER_NAME)));
            }
            let key = self.string()?;
            self.expect(b':', m::JSON_EXPECTED_COLON)?;
            self.skip_space();
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Kind::Object(members));
                }
                // Its text has a brace, written `}}` in the catalogue.
                _ => return Err(self.error(lang::fill(m::JSON_AFTER_MEMBER, &[]))),
            }
        }
    }

    fn number(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.bump();
            }
            p.pos > from
        };
        if !digits(self) {
            return Err(self.error(lang::t(m::JSON_DIGIT)));
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !digits(self) {
                return Err(self.error(lang::t(m::JSON_DIGIT_DECIMAL)));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if !digits(self) {
                return Err(self.error(lang::t(m::JSON_DIGIT_EXPONENT)));
            }
        }
        // Only ASCII was consumed, so the slice is on character boundaries.
        Ok(&self.text[start..self.pos])
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.bump(); // the opening quote
                     // Most strings hold no escape: they are the text between the quotes as it is.
        let start = self.pos;
        let plain = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        if let Some(len) = plain.filter(|&l| self.bytes[start + l] == b'"') {
            // No line break inside: a control character (a line break among them) ends `plain`.
            self.column += self.text[start..start + len].chars().count() as u32 + 1;
            self.pos = start + len + 1;
            return Ok(Cow::Borrowed(&self.text[start..start + len]));
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(lang::t(m::JSON_ENDS_STRING)));
            };
            match b {
                b'"' => {
                    self.bump();
                    // The input is a &str and escapes add whole characters, so this is UTF-8.
                    return Ok(Cow::Owned(String::from_utf8_lossy(&out).into_owned()));
                }
                b'\\' => {
                    self.bump();
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            let c = self.unicode_escape()?;
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.error(lang::t(m::JSON_ESCAPE))),
                    };
                    self.bump();
                    out.push(escaped as u8);
                }
                0..=0x1F => return Err(self.error(lang::t(m::JSON_CONTROL))),
                _ => {
                    out.push(b);
                    self.bump();
                }
            }
        }
    }

    /// The character of a `\u` escape (the `\u` already read), pairing surrogates; an
    /// unpaired surrogate becomes U+FFFD, as the text would show it.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = (self.pos, self.line, self.column);
            self.bump();
            self.bump();
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            (self.pos, self.line, self.column) = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.error(lang::t(m::JSON_HEX)))?;
            v = v * 16 + d;
            self.bump();
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Value<'_>, SyntaxError> {
        Parser::new(text, 1).next_value().unwrap()
    }

    #[test]
    fn values_keep_where_they_begin() {
        let v = one("{\n  \"a\": [1, \"é\", {\"b\": -2.5e3}],\n  \"c\": null\n}").unwrap();
        let a = v.get("a").unwrap();
        assert_eq!((a.line, a.column), (2, 8));
        assert_eq!(a.items()[1].text(), Some("é"));
        let b = a.items()[2].get("b").unwrap();
        assert_eq!(b.kind, Kind::Number("-2.5e3"));
        // Columns count characters, not bytes ("é" is two bytes and one column).
        assert_eq!((a.items()[2].line, a.items()[2].column), (2, 17));
        assert_eq!(v.get("c").unwrap().kind, Kind::Null);
    }

    #[test]
    fn escapes_and_surrogate_pairs_decode() {
        let v = one(r#""a\"b\\c\u00e9\ud83d\ude00\ud800x""#).unwrap();
        assert_eq!(v.text(), Some("a\"b\\cé😀\u{fffd}x"));
    }

    #[test]
    fn errors_name_their_line_and_column() {
        let e = one("{\"a\": 1,\n \"b\" 2}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        assert_eq!(e.message, "expected : after a member name");
        let e = one("[1, 2").unwrap_err();
        assert_eq!(e.message, "expected , or ] after an array item");
        assert!(
            one(&"[".repeat(100_000)).is_err(),
            "deep nesting is refused"
        );
        assert!(one("\"abc").is_err());
    }

    #[test]
    fn values_follow_one_another() {
        let mut p = Parser::new("{\"a\":1}\n{\"a\":2}\n", 1);
        assert_eq!(p.next_value().unwrap().unwrap().line, 1);
        assert_eq!(p.next_value().unwrap().unwrap().line, 2);
        assert!(p.next_value().is_none());
    }
}
