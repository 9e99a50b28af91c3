//! Number, string and f-string literals (follows CPython `Parser/lexer/lexer.c`: the number
//! branch, `tok_get_fstring_mode`; and `Parser/string_parser.c` for escapes).

use super::{is_ident_continue, is_ident_start, FField, FPiece, FStr, LexResult, Lexer, TokKind};
use crate::lang::error::*;
use crate::lang::span::Span;
use num_bigint::BigInt;
use num_traits::Num;

impl Lexer<'_> {
    /// A number starting at `self.pos` (a digit, or `.` and a digit).
    // = CPython lexer.c, the "Number" block, and `verify_end_of_number`.
    pub(super) fn number(&mut self) -> LexResult<()> {
        let start = self.pos;
        if self.byte(start) == Some(b'0') {
            let radix = match self.byte(start + 1) {
                Some(b'x' | b'X') => Some((16, "hexadecimal")),
                Some(b'o' | b'O') => Some((8, "octal")),
                Some(b'b' | b'B') => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, name)) = radix {
                self.pos += 2;
                let digits = self.digits(radix, name, true)?;
                if let Some(c) = self.peek().filter(char::is_ascii_digit) {
                    let at = Span::at(self.here());
                    return self.err(
                        ErrorKind::InvalidDigit {
                            digit: c,
                            kind: name,
                        },
                        at,
                    );
                }
                if digits.is_empty() {
                    let at = self.pos.saturating_sub(1) as u32;
                    return self.err(ErrorKind::InvalidLiteral { kind: name }, Span::at(at));
                }
                if self.peek().is_some_and(is_ident_continue) && !self.keyword_follows() {
                    return self.err(ErrorKind::InvalidLiteral { kind: name }, self.last_read());
                }
                let value = BigInt::from_str_radix(&digits, radix).unwrap_or_default();
                self.push(TokKind::Int(value), start);
                return Ok(());
            }
        }
        let mut text = self.digits(10, "decimal", false)?;
        let mut is_float = false;
        if self.peek() == Some('.') {
            is_float = true;
            self.pos += 1;
            text.push('.');
            if matches!(self.peek(), Some('0'..='9')) {
                text.push_str(&self.digits(10, "decimal", false)?);
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let e_pos = self.pos;
            self.pos += 1;
            let mut exp = String::from("e");
            let signed = matches!(self.peek(), Some('+' | '-'));
            if let Some(sign @ ('+' | '-')) = self.peek() {
                self.pos += 1;
                exp.push(sign);
            }
            if matches!(self.peek(), Some('0'..='9')) {
                exp.push_str(&self.digits(10, "decimal", false)?);
                text.push_str(&exp);
                is_float = true;
            } else if signed {
                // CPython points at the last character it read: the sign.
                return self.err(
                    ErrorKind::InvalidLiteral { kind: "decimal" },
                    self.last_read(),
                );
            } else {
                // `1else`: the number ends before the `e` (CPython `verify_end_of_number`).
                self.pos = e_pos;
                if !self.keyword_follows() {
                    return self.err(
                        ErrorKind::InvalidLiteral { kind: "decimal" },
                        self.last_read(),
                    );
                }
            }
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.pos += 1;
            // A token the parser rejects when it gets there (CPython parses these).
            self.push(TokKind::Unsupported(WHAT_COMPLEX), start);
            return Ok(());
        }
        if self.peek().is_some_and(is_ident_continue) && !self.keyword_follows() {
            return self.err(
                ErrorKind::InvalidLiteral { kind: "decimal" },
                self.last_read(),
            );
        }
        if is_float {
            let value: f64 = text.parse().unwrap_or(f64::INFINITY);
            self.push(TokKind::Float(value), start);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.bytes().any(|b| b != b'0') {
                let span = Span::new(start as u32, start as u32 + 1);
                return self.err(ErrorKind::Message(MSG_LEADING_ZEROS), span);
            }
            let value = BigInt::from_str_radix(&text, 10).unwrap_or_default();
            self.push(TokKind::Int(value), start);
        }
        Ok(())
    }

    /// Where CPython's tokenizer reports an error it found on the character at `pos`: the
    /// character before it, the last one it had read.
    fn last_read(&self) -> Span {
        Span::at(self.here().saturating_sub(1))
    }

    /// CPython accepts a number directly followed by one of these keywords (`1if x else 2`),
    /// with a SyntaxWarning (`verify_end_of_number`).
    fn keyword_follows(&self) -> bool {
        let rest = &self.src[self.pos..];
        ["and", "else", "for", "if", "in", "is", "not", "or"]
            .iter()
            .any(|k| rest.starts_with(k))
    }

    /// Digits of `radix` with single underscores between them (a leading underscore is
    /// allowed after a radix prefix). Returns the digits without underscores.
    fn digits(&mut self, radix: u32, name: &'static str, after_prefix: bool) -> LexResult<String> {
        let mut out = String::new();
        let mut last_underscore = false;
        loop {
            match self.peek() {
                Some('_') => {
                    if last_underscore {
                        let at = Span::at(self.here() - 1);
                        return self.err(ErrorKind::InvalidLiteral { kind: name }, at);
                    }
                    if out.is_empty() && !after_prefix {
                        let at = Span::at(self.here());
                        return self.err(ErrorKind::InvalidLiteral { kind: name }, at);
                    }
                    last_underscore = true;
                    self.pos += 1;
                }
                Some(c) if c.is_digit(radix) => {
                    out.push(c);
                    last_underscore = false;
                    self.pos += 1;
                }
                _ => break,
            }
        }
        if last_underscore {
            let at = Span::at(self.here().saturating_sub(1));
            return self.err(ErrorKind::InvalidLiteral { kind: name }, at);
        }
        Ok(out)
    }

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

    fn unterminated<T>(&self, start: usize, triple: bool) -> LexResult<T> {
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

    /// The text of an f-string (or of a format spec when `in_spec`) up to its closing quote
    /// (consumed) or, in a spec, up to the field's `}` (not consumed).
    // = CPython lexer.c `tok_get_fstring_mode`.
    fn fstring_body(
        &mut self,
        start: usize,
        quote: char,
        triple: bool,
        raw: bool,
        spec_level: u32,
    ) -> LexResult<Vec<FPiece>> {
        let in_spec = spec_level > 0;
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut text_start = self.pos;
        let mut seg_start = self.pos;
        let expect_close = if in_spec {
            MSG_FSTRING_EXPECT_CLOSE_OR_SPEC
        } else {
            MSG_FSTRING_EXPECT_CLOSE
        };
        loop {
            let Some(c) = self.peek() else {
                if in_spec {
                    return self.err(ErrorKind::Message(expect_close), Span::at(self.here()));
                }
                return self.unterminated(start, triple);
            };
            match c {
                '\n' | '\r' if !triple => {
                    if in_spec {
                        return self.err(
                            ErrorKind::Message(MSG_FSTRING_NEWLINE),
                            Span::at(self.here()),
                        );
                    }
                    return self.unterminated(start, triple);
                }
                '\\' => {
                    self.pos += 1;
                    if !matches!(self.peek(), Some('{' | '}')) {
                        self.bump();
                    }
                }
                c if c == quote
                    && (!triple
                        || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote))) =>
                {
                    if in_spec {
                        return self.spec_ended_by_quote(triple, expect_close);
                    }
                    self.flush_text(&mut text, seg_start, raw)?;
                    if !text.is_empty() {
                        let span = Span::new(text_start as u32, self.here());
                        pieces.push(FPiece::Literal {
                            value: std::mem::take(&mut text),
                            span,
                        });
                    }
                    self.pos += if triple { 3 } else { 1 };
                    return Ok(pieces);
                }
                '{' | '}' if self.peek_at(1) == Some(c) && !in_spec => {
                    // `{{` / `}}`: keep one brace.
                    self.pos += 1;
                    self.flush_text(&mut text, seg_start, raw)?;
                    self.pos += 1;
                    seg_start = self.pos;
                }
                '{' => {
                    self.flush_text(&mut text, seg_start, raw)?;
                    if !text.is_empty() {
                        let span = Span::new(text_start as u32, self.here());
                        pieces.push(FPiece::Literal {
                            value: std::mem::take(&mut text),
                            span,
                        });
                    }
                    let field = self.fstring_field(quote, triple, raw, spec_level)?;
                    pieces.push(FPiece::Field(field));
                    text_start = self.pos;
                    seg_start = self.pos;
                }
                '}' => {
                    if in_spec {
                        self.flush_text(&mut text, seg_start, raw)?;
                        if !text.is_empty() {
                            let span = Span::new(text_start as u32, self.here());
                            pieces.push(FPiece::Literal {
                                value: std::mem::take(&mut text),
                                span,
                            });
                        }
                        return Ok(pieces);
                    }
                    let span = self.char_span();
                    return self.err(ErrorKind::Message(MSG_FSTRING_SINGLE_CLOSE), span);
                }
                c => self.pos += c.len_utf8(),
            }
        }
    }

    /// The f-string's closing quote inside a format spec (`f"{x:.2f s")`): CPython ends the
    /// f-string there, so a closing bracket right after it does not match the field's '{'.
    fn spec_ended_by_quote<T>(&self, triple: bool, expect_close: &'static str) -> LexResult<T> {
        let after = self.pos + if triple { 3 } else { 1 };
        let rest = self.src.get(after..).unwrap_or("");
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let at = after + skipped;
        if let Some(close @ (')' | ']')) = self.src.get(at..).and_then(|r| r.chars().next()) {
            let kind = ErrorKind::MismatchedClose {
                close,
                open: '{',
                open_line: None,
            };
            return self.err(kind, Span::new(at as u32, at as u32 + 1));
        }
        self.err(ErrorKind::Message(expect_close), Span::at(self.here()))
    }

    /// Decodes `src[seg_start..pos]` onto `text`.
    fn flush_text(&self, text: &mut String, seg_start: usize, raw: bool) -> LexResult<()> {
        let seg = self.src.get(seg_start..self.pos).unwrap_or("");
        if raw {
            text.push_str(seg);
        } else {
            let span = Span::new(seg_start as u32, self.here());
            text.push_str(&decode_escapes(seg, span)?);
        }
        Ok(())
    }

    /// One `{...}` field; `self.pos` is at the `{`, and is left after the `}`.
    fn fstring_field(
        &mut self,
        quote: char,
        triple: bool,
        raw: bool,
        spec_level: u32,
    ) -> LexResult<FField> {
        let open = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        let mut depth = 0u32;
        let mut prev = '{';
        loop {
            let Some(c) = self.peek() else {
                return self.err(
                    ErrorKind::Message(MSG_FSTRING_EXPECT_CLOSE),
                    Span::at(self.here()),
                );
            };
            match c {
                '\'' | '"' => {
                    let at = self.pos;
                    let nested = self.nested_string(at, "");
                    if c == quote && nested.is_err() {
                        return self.err(
                            ErrorKind::Message(MSG_FSTRING_EXPECT_CLOSE),
                            Span::at(at as u32),
                        );
                    }
                    nested?;
                }
                c if is_ident_start(c) => {
                    let at = self.pos;
                    while self.peek().is_some_and(is_ident_continue) {
                        self.bump();
                    }
                    let word = self.src[at..self.pos].to_ascii_lowercase();
                    let is_prefix = matches!(
                        word.as_str(),
                        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf" | "t" | "tr" | "rt"
                    );
                    if is_prefix && matches!(self.peek(), Some('\'' | '"')) {
                        let prefix = self.src[at..self.pos].to_string();
                        self.nested_string(at, &prefix)?;
                    }
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    self.pos += 1;
                }
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                '}' if depth > 0 => {
                    depth -= 1;
                    self.pos += 1;
                }
                '}' => break,
                '!' if depth == 0 && self.peek_at(1) != Some('=') => break,
                ':' if depth == 0 => break,
                '=' if depth == 0
                    && self.peek_at(1) != Some('=')
                    && !matches!(prev, '=' | '!' | '<' | '>') =>
                {
                    break
                }
                c => self.pos += c.len_utf8(),
            }
            prev = c;
        }
        let expr = Span::new(expr_start as u32, self.here());
        if self.src[expr_start..self.pos].trim().is_empty() {
            let span = self.char_span();
            return self.err(ErrorKind::Message(MSG_FSTRING_EMPTY), span);
        }
        let mut debug_text = None;
        if self.peek() == Some('=') {
            self.pos += 1;
            while matches!(self.peek(), Some(' ' | '\t')) {
                self.pos += 1;
            }
            debug_text = Some(Span::new(expr_start as u32, self.here()));
        }
        let mut conversion = None;
        if self.peek() == Some('!') {
            self.pos += 1;
            let at = self.pos;
            while self.peek().is_some_and(is_ident_continue) {
                self.bump();
            }
            let name = &self.src[at..self.pos];
            let span = Span::new(at as u32, self.here());
            match name {
                "s" | "r" | "a" => conversion = name.chars().next(),
                "" => return self.err(ErrorKind::Message(MSG_FSTRING_MISSING_CONVERSION), span),
                _ => return self.err(ErrorKind::FStringConversion(name.to_string()), span),
            }
            if !matches!(self.peek(), Some(':' | '}')) {
                let at = self.char_span();
                return self.err(ErrorKind::Message(MSG_FSTRING_EXPECT_COLON_OR_CLOSE), at);
            }
        }
        let mut spec = None;
        if self.peek() == Some(':') {
            if spec_level >= 2 {
                // CPython allows two levels of fields nested in format specs.
                return self.err(ErrorKind::Message(MSG_FSTRING_TOO_DEEP), self.char_span());
            }
            self.pos += 1;
            spec = Some(self.fstring_body(open, quote, triple, raw, spec_level + 1)?);
        }
        if self.peek() != Some('}') {
            return self.err(
                ErrorKind::Message(MSG_FSTRING_EXPECT_CLOSE),
                Span::at(self.here()),
            );
        }
        self.pos += 1;
        let span = Span::new(open as u32, self.here());
        Ok(FField {
            span,
            expr,
            debug_text,
            conversion,
            spec,
        })
    }

    /// Skips a string literal inside an f-string field (validating it); no token is kept.
    fn nested_string(&mut self, start: usize, prefix: &str) -> LexResult<()> {
        let before = self.tokens.len();
        let r = self.string(start, prefix);
        self.tokens.truncate(before);
        r
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
