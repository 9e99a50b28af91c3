//! String literals: prefixes, quotes, the unterminated-string errors, and backslash escapes
//! (CPython `Parser/lexer/lexer.c` the string branch; `Parser/string_parser.c`).

use super::{FStr, LexResult, Lexer, TokKind};
use crate::lang::error::*;
use crate::lang::span::Span;

impl Lexer<'_> {
    /// A string literal whose prefix (possibly empty) starts at `start`; `self.pos` is at the
    /// opening quote.
    pub(super) fn string(&mut self, start: usize, prefix: &str) -> LexResult<()> {
        let lower = prefix.to_ascii_lowercase();
        let raw = lower.contains('r');
        let Some(quote) = self.bump() else {
            return self.err(ErrorKind::InvalidSyntax, Span::at(start as u32));
        };
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.pos += 2;
        }
        // Template strings (PEP 750) are scanned like f-strings, then rejected by the parser.
        let template = lower.contains('t');
        if lower.contains('f') || template {
            if self.fstring_depth >= super::MAX_FSTRING_DEPTH {
                let span = Span::new(start as u32, self.here());
                return self.err(ErrorKind::Message(MSG_FSTRING_NESTING), span);
            }
            self.fstring_depth += 1;
            let pieces = self.fstring_body(start, quote, triple, raw, 0);
            self.fstring_depth -= 1;
            if pieces.is_err() {
                self.error_in_fstring = true;
            }
            let pieces = pieces?;
            if template {
                self.push(TokKind::Unsupported(WHAT_TSTRINGS), start);
            } else {
                self.push(TokKind::FString(Box::new(FStr { pieces })), start);
            }
            return Ok(());
        }
        let content_start = self.pos;
        loop {
            match self.peek() {
                None => return self.unterminated(start, triple),
                Some('\n' | '\r') if !triple => return self.unterminated(start, triple),
                Some('\\') => {
                    self.pos += 1;
                    self.bump();
                }
                Some(c) if c == quote => {
                    if !triple {
                        break;
                    }
                    if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                        break;
                    }
                    self.pos += 1;
                }
                Some(c) => self.pos += c.len_utf8(),
            }
        }
        let content = &self.src[content_start..self.pos];
        self.pos += if triple { 3 } else { 1 };
        let span = Span::new(start as u32, self.here());
        if lower.contains('b') {
            self.push(TokKind::Unsupported(WHAT_BYTES), start);
            return Ok(());
        }
        let value = if raw {
            content.to_string()
        } else {
            decode_escapes(content, span)?
        };
        self.push(TokKind::Str(value), start);
        Ok(())
    }

    pub(super) fn unterminated<T>(&self, start: usize, triple: bool) -> LexResult<T> {
        let fstring = self.src[start..]
            .chars()
            .take_while(|c| !matches!(c, '\'' | '"'))
            .any(|c| matches!(c, 'f' | 'F'));
        let line = self.line_before(self.pos + 1);
        let line = if self.pos >= self.src.len() {
            self.line_before(self.pos)
        } else {
            line
        };
        let kind = match (triple, fstring) {
            (true, false) => ErrorKind::UnterminatedTripleString { line },
            (false, false) => ErrorKind::UnterminatedString { line },
            (true, true) => ErrorKind::UnterminatedTripleFString { line },
            (false, true) => ErrorKind::UnterminatedFString { line },
        };
        self.err(kind, Span::at(start as u32))
    }
}

/// Decodes backslash escapes of a non-raw string's `text` (CPython
/// `_PyUnicode_DecodeUnicodeEscapeInternal`); `span` is where errors point.
pub fn decode_escapes(text: &str, span: Span) -> LexResult<String> {
    if !text.contains('\\') {
        return Ok(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|p| p.1) == Some('\n') {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' => out.push(e),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, detail) = match e {
                    'x' => (2, MSG_TRUNCATED_X),
                    'u' => (4, MSG_TRUNCATED_U),
                    _ => (8, MSG_TRUNCATED_BIG_U),
                };
                let mut v: u32 = 0;
                let mut last = i + 1;
                for _ in 0..n {
                    match chars.peek() {
                        Some(&(j, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            last = j;
                            chars.next();
                        }
                        _ => {
                            let kind = ErrorKind::UnicodeError {
                                from: i,
                                to: last,
                                detail,
                            };
                            return Err(SyntaxError::new(kind, span));
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if (0xd800..0xe000).contains(&v) => {
                        let kind = ErrorKind::NotSupported(WHAT_SURROGATES);
                        return Err(SyntaxError::new(kind, span));
                    }
                    None => {
                        let kind = ErrorKind::UnicodeError {
                            from: i,
                            to: last,
                            detail: MSG_ILLEGAL_UNICODE,
                        };
                        return Err(SyntaxError::new(kind, span));
                    }
                }
            }
            'N' => {
                return Err(SyntaxError::new(
                    ErrorKind::NotSupported(WHAT_NAMED_ESCAPES),
                    span,
                ));
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
