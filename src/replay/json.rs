//! JSON text read into a `serde_json::Value`, as `serde_json::from_str` reads it (the same
//! numbers, escapes, nesting limit and error wording), written by hand because serde_json's
//! parser brings its own float parsing and ~20 KB of wasm; floats here use `str::parse`,
//! which is correctly rounded as serde_json's `float_roundtrip` is.

use serde_json::{Map, Number, Value};

/// Where and why the text is not JSON; `Display` is serde_json's
/// ("expected value at line 1 column 2").
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub msg: &'static str,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.msg, self.line, self.column
        )
    }
}

/// serde_json's nesting limit (127 arrays or objects deep).
const MAX_DEPTH: usize = 127;

/// The value `text` holds.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.peek_err("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    /// The error at the current position (serde_json's line and column, both from 1).
    fn err(&self, msg: &'static str) -> JsonError {
        let upto = &self.s[..self.i.min(self.s.len())];
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        JsonError {
            msg,
            line: 1 + upto.iter().filter(|&&b| b == b'\n').count(),
            column: upto.len() - line_start,
        }
    }

    /// The error at the byte not yet consumed (serde_json's `peek_error`).
    fn peek_err(&self, msg: &'static str) -> JsonError {
        Parser {
            s: self.s,
            i: (self.i + 1).min(self.s.len()),
            depth: 0,
        }
        .err(msg)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// The next byte, consumed.
    fn next(&mut self) -> Option<u8> {
        let b = self.peek();
        if b.is_some() {
            self.i += 1;
        }
        b
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.ws();
        let Some(b) = self.peek() else {
            return Err(self.err("EOF while parsing a value"));
        };
        match b {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.peek_err("recursion limit exceeded"));
                }
                self.i += 1;
                let v = if b == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            _ => {
                self.i += 1;
                Err(self.err("expected value"))
            }
        }
    }

    fn ident(&mut self, word: &[u8], v: Value) -> Result<Value, JsonError> {
        for &w in word {
            match self.next() {
                Some(b) if b == w => {}
                Some(_) => return Err(self.err("expected ident")),
                None => return Err(self.err("EOF while parsing a value")),
            }
        }
        Ok(v)
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            match self.next() {
                Some(b',') => {
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        return Err(self.err("trailing comma"));
                    }
                }
                Some(b']') => return Ok(Value::Array(items)),
                Some(_) => return Err(self.err("expected `,` or `]`")),
                None => return Err(self.err("EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        let mut map = Map::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(map));
        }
        loop {
            match self.next() {
                Some(b'"') => {}
                Some(_) => return Err(self.err("key must be a string")),
                None => return Err(self.err("EOF while parsing an object")),
            }
            let key = self.string()?;
            self.ws();
            match self.next() {
                Some(b':') => {}
                Some(_) => return Err(self.err("expected `:`")),
                None => return Err(self.err("EOF while parsing an object")),
            }
            let v = self.value()?;
            map.insert(key, v);
            self.ws();
            match self.next() {
                Some(b',') => {
                    self.ws();
                    match self.peek() {
                        Some(b'}') => {
                            self.i += 1;
                            return Err(self.err("trailing comma"));
                        }
                        None => return Err(self.err("EOF while parsing a value")),
                        Some(_) => {}
                    }
                }
                Some(b'}') => return Ok(Value::Object(map)),
                Some(_) => return Err(self.err("expected `,` or `}`")),
                None => return Err(self.err("EOF while parsing an object")),
            }
        }
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // The text is valid UTF-8 and these stops are ASCII, so this is whole characters.
            out.push_str(&String::from_utf8_lossy(&self.s[start..self.i]));
            match self.next() {
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.err("EOF while parsing a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.next() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let hi = self.hex4()?;
                if (0xDC00..0xE000).contains(&hi) {
                    return Err(self.err("lone leading surrogate in hex escape"));
                }
                let code = if (0xD800..0xDC00).contains(&hi) {
                    for want in [b'\\', b'u'] {
                        match self.next() {
                            Some(b) if b == want => {}
                            Some(_) => return Err(self.err("unexpected end of hex escape")),
                            None => return Err(self.err("EOF while parsing a string")),
                        }
                    }
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.err("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                char::from_u32(code).ok_or_else(|| self.err("invalid unicode code point"))?
            }
            Some(_) => return Err(self.err("invalid escape")),
            None => return Err(self.err("EOF while parsing a string")),
        };
        out.push(c);
        Ok(())
    }

    /// Four hex digits, all consumed before any is checked (as serde_json does).
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let Some(hex) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.err("EOF while parsing a string"));
        };
        self.i += 4;
        hex.iter()
            .try_fold(0, |n, &b| Some(n * 16 + (b as char).to_digit(16)?))
            .ok_or_else(|| self.err("invalid escape"))
    }

    /// serde_json's numbers: an integer is a u64, or an i64 when negative, else a float.
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.i;
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        match self.next() {
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_err("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.err("invalid number")),
            None => return Err(self.err("EOF while parsing a value")),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            float = true;
            self.i += 1;
            self.need_digit()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            float = true;
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.need_digit()?;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        if !float {
            if neg {
                // `-0` is a float in serde_json, as is anything below i64::MIN.
                if let Ok(n) = text.parse::<i64>() {
                    if n < 0 {
                        return Ok(Value::Number(n.into()));
                    }
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| self.err("number out of range"))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
    }

    fn need_digit(&mut self) -> Result<(), JsonError> {
        match self.next() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.err("invalid number")),
            None => Err(self.err("EOF while parsing a value")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts serde_json reads: the same value.
    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-12",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "0.1",
            "0.30000000000000004",
            "1e3",
            "1E-3",
            "-2.5e+2",
            "2.2250738585072011e-308",
            "1e-400",
            "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00é😀\"",
            "[]",
            "[1, [2, []], {\"a\": {}}]",
            "{\"a\": 1, \"b\": [true, null], \"a\": 2}",
            "\n[\r\n\t1 ]",
        ] {
            let want: Value = serde_json::from_str(text).unwrap();
            let got = parse(text).unwrap();
            assert_eq!(got, want, "{text}");
            assert_eq!(got.to_string(), want.to_string(), "{text}");
        }
        let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(serde_json::from_str::<Value>(&deep).is_ok());
        assert!(parse(&deep).is_ok());
    }

    /// Texts serde_json rejects: rejected with its words and position.
    #[test]
    fn rejects_what_serde_json_rejects_with_its_words() {
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        let mut bad = vec![];
        for text in [
            "",
            "   ",
            "{\"a\":",
            "{\"a\" 1}",
            "{1: 2}",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "{\"a\": 1 \"b\"}",
            "[1",
            "{",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12zz\"",
            "\"\\ud800\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\ude00\"",
            "\"\\ud800\\n\"",
            "\"\\ud800",
            "\"\\ud800\\",
            "tru",
            "trux",
            "nul",
            "x",
            "01",
            "1.",
            "1.e5",
            "1e",
            "-",
            "-a",
            ".5",
            "1e400",
            "[1] 2",
            "[1,",
            "[,]",
            "{,}",
            "{\"a\"",
            "{\"a\":1",
            "{\"a\":1,",
            "\"\\ud800\\ud800\"",
            "-01",
            "1.5e",
            "1e+",
            "1e+x",
            "[tru]",
            "nulx",
            "[1}",
            "{\"a\":1]",
            "\u{1}",
            "{}\n\n  x",
            &deep,
        ] {
            let want = serde_json::from_str::<Value>(text).unwrap_err();
            let got = parse(text).unwrap_err();
            if (got.to_string(), got.line, got.column)
                != (want.to_string(), want.line(), want.column())
            {
                bad.push(format!("{text:?}: {got} / serde_json: {want}"));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
