//! Number literals: ints in every radix, floats, imaginary numbers, and where a number
//! must end (CPython `Parser/lexer/lexer.c`: the number branch, `verify_end_of_number`).

use super::{is_ident_continue, LexResult, Lexer, TokKind};
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
}
