//! F-string literals: the text, `{field}`s with `=`, `!conversion` and nested format specs,
//! scanned into `FStr` pieces (CPython `Parser/lexer/lexer.c` `tok_get_fstring_mode`).

use super::{is_ident_continue, is_ident_start, FField, FPiece, LexResult, Lexer};
use crate::lang::error::*;
use crate::lang::span::Span;

use super::strings::decode_escapes;

impl Lexer<'_> {
    /// The text of an f-string (or of a format spec when `in_spec`) up to its closing quote
    /// (consumed) or, in a spec, up to the field's `}` (not consumed).
    // = CPython lexer.c `tok_get_fstring_mode`.
    pub(super) fn fstring_body(
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
                    self.end_literal(&mut pieces, &mut text, text_start);
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
                    self.end_literal(&mut pieces, &mut text, text_start);
                    let field = self.fstring_field(quote, triple, raw, spec_level)?;
                    pieces.push(FPiece::Field(field));
                    text_start = self.pos;
                    seg_start = self.pos;
                }
                '}' => {
                    if in_spec {
                        self.flush_text(&mut text, seg_start, raw)?;
                        self.end_literal(&mut pieces, &mut text, text_start);
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

    /// Ends the literal text piece begun at `text_start` here, if it has any text.
    fn end_literal(&self, pieces: &mut Vec<FPiece>, text: &mut String, text_start: usize) {
        if !text.is_empty() {
            let span = Span::new(text_start as u32, self.here());
            pieces.push(FPiece::Literal {
                value: std::mem::take(text),
                span,
            });
        }
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
