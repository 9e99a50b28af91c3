//! Source text -> tokens, with NEWLINE/INDENT/DEDENT as CPython's tokenizer makes them
//! (follows CPython `Parser/lexer/lexer.c`, `tok_get_normal_mode` and the indentation code).
//!
//! The whole text is tokenized up front. The first error stops the lexer: the token list then
//! ends with a [`TokKind::Error`] token and [`Lexed::error`] holds the error, which the parser
//! reports in preference to its own (CPython re-tokenizes the rest of the file after a parse
//! error for the same reason). F-strings are scanned into [`FStr`] pieces here; the parser
//! parses their expression parts by lexing those byte ranges again
//! ([`tokenize_expression`]).

mod fstring;
mod numbers;
mod strings;
#[cfg(test)]
mod tests;

use super::error::{
    ErrorKind, SyntaxError, MSG_AFTER_CONTINUATION, MSG_NULL_BYTES, MSG_TOO_LONG,
    MSG_UNEXPECTED_EOF,
};
use super::span::{LineTable, Span};
use num_bigint::BigInt;

/// CPython's `MAXLEVEL`: how deeply brackets may nest.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's `MAXINDENT`: how many indentation levels a file may have.
pub const MAX_INDENT_LEVELS: usize = 100;
/// CPython's `MAXFSTRINGLEVEL`: how deeply f-strings may nest.
pub const MAX_FSTRING_DEPTH: u32 = 150;

/// Python's hard keywords (`keyword.kwlist`), in its order.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Operators and delimiters, longest first so the first match is the longest.
const PUNCTS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "!",
];

/// One token; `span` covers its text (empty for NEWLINE at end of file, DEDENT, END).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TokKind {
    /// An identifier that is not a keyword (soft keywords like `match` are names).
    Name(String),
    /// A hard keyword, as written (`"def"`).
    Keyword(&'static str),
    Int(BigInt),
    Float(f64),
    /// A string literal with escapes decoded (raw strings kept verbatim).
    Str(String),
    /// An f-string, already split into literal text and replacement fields.
    FString(Box<FStr>),
    /// An operator or delimiter, as written (`"**="`).
    Punct(&'static str),
    /// A literal CPython accepts but the playground does not (complex, bytes): the parser
    /// says "... are not supported in the playground" when it gets there.
    Unsupported(&'static str),
    /// A character no token starts with (`$`, `?`, a backtick): the parser says
    /// "invalid syntax" when it gets there.
    Unknown(char),
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    /// Where lexing stopped on an error ([`Lexed::error`]); always the last token.
    Error,
}

/// An f-string token's contents. Invariant: pieces are in source order and their spans lie
/// between the quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct FStr {
    pub pieces: Vec<FPiece>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FPiece {
    /// Literal text, escapes decoded and `{{`/`}}` halved.
    Literal {
        value: String,
        span: Span,
    },
    Field(FField),
}

/// One `{expr[=][!c][:spec]}` field.
#[derive(Clone, Debug, PartialEq)]
pub struct FField {
    /// From `{` through `}`.
    pub span: Span,
    /// The expression's text (without the `=`, conversion and spec); never blank.
    pub expr: Span,
    /// For `{x = }`: the text from after `{` through the `=` and the spaces after it.
    pub debug_text: Option<Span>,
    /// `'s'`, `'r'` or `'a'`.
    pub conversion: Option<char>,
    pub spec: Option<Vec<FPiece>>,
}

/// The lexer's result: tokens (ending with `EndOfFile`, or `Error` when `error` is set).
#[derive(Clone, Debug)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// The innermost bracket still open at end of file, if any.
    pub unclosed: Option<(char, Span)>,
    /// The error happened inside an f-string: CPython then keeps an earlier parser error.
    pub error_in_fstring: bool,
}

/// Tokenizes a whole program.
pub fn tokenize(source: &str) -> Lexed {
    Lexer::new(source, 0, source.len(), false, 0).run()
}

/// Tokenizes `span` of `source` as the expression part of an f-string field: no NEWLINE,
/// INDENT or DEDENT (as inside brackets). `fstring_depth` counts the enclosing f-strings.
pub fn tokenize_expression(source: &str, span: Span, fstring_depth: u32) -> Lexed {
    let end = (span.end as usize).min(source.len());
    let start = (span.start as usize).min(end);
    Lexer::new(source, start, end, true, fstring_depth).run()
}

pub(crate) type LexResult<T> = Result<T, SyntaxError>;

pub(crate) struct Lexer<'s> {
    /// The source up to where this lexer stops (a char boundary).
    src: &'s str,
    /// The whole source, for line numbers in messages.
    full: &'s str,
    pos: usize,
    tokens: Vec<Token>,
    /// (column with tabs to multiples of 8, column with tabs as 1): CPython's `col`/`altcol`.
    indents: Vec<(u32, u32)>,
    brackets: Vec<(char, Span)>,
    at_line_start: bool,
    expr_mode: bool,
    fstring_depth: u32,
    /// Where a comment started on the current line: CPython's NEWLINE token starts there.
    comment_start: Option<usize>,
    error_in_fstring: bool,
}

impl<'s> Lexer<'s> {
    fn new(source: &'s str, start: usize, end: usize, expr_mode: bool, depth: u32) -> Self {
        let mut end = end.min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        let mut start = start.min(end);
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        Lexer {
            src: &source[..end],
            full: source,
            pos: start,
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_line_start: !expr_mode,
            expr_mode,
            fstring_depth: depth,
            comment_start: None,
            error_in_fstring: false,
        }
    }

    fn run(mut self) -> Lexed {
        let result = self.lex_all();
        let unclosed = self.brackets.last().copied();
        match result {
            Ok(()) => Lexed {
                tokens: self.tokens,
                error: None,
                unclosed,
                error_in_fstring: false,
            },
            Err(e) => {
                self.tokens.push(Token {
                    kind: TokKind::Error,
                    span: Span::at(e.span.start),
                });
                Lexed {
                    tokens: self.tokens,
                    error: Some(e),
                    unclosed,
                    error_in_fstring: self.error_in_fstring,
                }
            }
        }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().nth(ahead))
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.src.as_bytes().get(at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The span of the character at `pos` (empty at the end of the input).
    fn char_span(&self) -> Span {
        let len = self.peek().map_or(0, char::len_utf8) as u32;
        Span::new(self.here(), self.here() + len)
    }

    fn here(&self) -> u32 {
        self.pos as u32
    }

    fn err<T>(&self, kind: ErrorKind, span: Span) -> LexResult<T> {
        Err(SyntaxError::new(kind, span))
    }

    /// 1-based line of the last character before `pos` (what CPython calls "detected at").
    fn line_before(&self, pos: usize) -> u32 {
        LineTable::new(self.full).line_of(pos.saturating_sub(1) as u32)
    }

    fn line_of(&self, pos: u32) -> u32 {
        LineTable::new(self.full).line_of(pos)
    }

    fn push(&mut self, kind: TokKind, start: usize) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start as u32, self.pos as u32),
        });
    }

    fn last_is_line_end(&self) -> bool {
        matches!(
            self.tokens.last().map(|t| &t.kind),
            None | Some(TokKind::Newline | TokKind::Indent | TokKind::Dedent)
        )
    }

    fn lex_all(&mut self) -> LexResult<()> {
        if self.src.len() > u32::MAX as usize / 2 {
            return self.err(ErrorKind::Message(MSG_TOO_LONG), Span::at(0));
        }
        // A UTF-8 byte order mark at the very start is ignored, as CPython does.
        if self.pos == 0 && self.src.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
        loop {
            if self.at_line_start && self.brackets.is_empty() && !self.expr_mode {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            let start = self.pos;
            let Some(c) = self.peek() else { break };
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.pos += 1;
                }
                '#' => {
                    self.comment_start = Some(start);
                    self.skip_comment();
                }
                '\n' | '\r' => {
                    self.skip_newline();
                    let start = self.comment_start.take().unwrap_or(start);
                    if self.brackets.is_empty() && !self.expr_mode {
                        self.push(TokKind::Newline, start);
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.pos += 1;
                    let after_backslash = Span::at(self.here());
                    match self.peek() {
                        Some('\n' | '\r') => self.skip_newline(),
                        None => {
                            return self.err(
                                ErrorKind::Message(MSG_UNEXPECTED_EOF),
                                Span::at(self.here()),
                            )
                        }
                        Some(_) => {
                            return self.err(
                                ErrorKind::Message(MSG_AFTER_CONTINUATION),
                                Span::at(self.here()),
                            )
                        }
                    }
                    if self.peek().is_none() {
                        return self.err(ErrorKind::Message(MSG_UNEXPECTED_EOF), after_backslash);
                    }
                }
                '\0' => {
                    return self.err(
                        ErrorKind::Message(MSG_NULL_BYTES),
                        Span::new(start as u32, start as u32 + 1),
                    )
                }
                '0'..='9' => self.number()?,
                '.' if matches!(self.byte(self.pos + 1), Some(b'0'..=b'9')) => self.number()?,
                '\'' | '"' => self.string(start, "")?,
                c if is_ident_start(c) => self.name_or_string()?,
                _ => self.punct(c)?,
            }
        }
        self.finish()
    }

    /// At end of input: NEWLINE if the last line had tokens, DEDENTs, END.
    fn finish(&mut self) -> LexResult<()> {
        let end = self.pos;
        if self.brackets.is_empty() && !self.expr_mode {
            if !self.last_is_line_end() {
                let start = self.comment_start.take().unwrap_or(end);
                self.push(TokKind::Newline, start);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(TokKind::Dedent, end);
            }
        }
        self.push(TokKind::EndOfFile, end);
        Ok(())
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    fn skip_newline(&mut self) {
        if self.byte(self.pos) == Some(b'\r') {
            self.pos += 1;
            if self.byte(self.pos) == Some(b'\n') {
                self.pos += 1;
            }
        } else if self.byte(self.pos) == Some(b'\n') {
            self.pos += 1;
        }
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT. Returns true when the
    /// line was blank (whitespace and/or a comment) and has been skipped entirely.
    // = CPython `tok_get_normal_mode`, the `atbol` block.
    fn indentation(&mut self) -> LexResult<bool> {
        let line_start = self.pos;
        let (mut col, mut altcol) = (0u32, 0u32);
        loop {
            match self.byte(self.pos) {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.byte(self.pos) {
            Some(b'#') => {
                self.skip_comment();
                self.skip_newline();
                self.at_line_start = true;
                return Ok(true);
            }
            Some(b'\n' | b'\r') => {
                self.skip_newline();
                self.at_line_start = true;
                return Ok(true);
            }
            None => return Ok(true),
            Some(b'\\') => return Ok(false), // a continuation line keeps the current level
            _ => {}
        }
        let ws = Span::new(line_start as u32, self.pos as u32);
        let tab_error = || SyntaxError::new(ErrorKind::InconsistentTabs, ws);
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error());
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return self.err(ErrorKind::TooManyIndentLevels, ws);
            }
            self.indents.push((col, altcol));
            self.tokens.push(Token {
                kind: TokKind::Indent,
                span: ws,
            });
        } else {
            // The level dedented to must exist before any DEDENT is emitted (as CPython).
            let keep = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .unwrap_or(0)
                + 1;
            let (top, alttop) = self.indents[keep - 1];
            if col != top {
                let mut end = self.pos;
                while !matches!(self.byte(end), None | Some(b'\n' | b'\r')) {
                    end += 1;
                }
                return self.err(ErrorKind::UnindentMismatch, Span::at(end as u32));
            }
            if altcol != alttop {
                return Err(tab_error());
            }
            while self.indents.len() > keep {
                self.indents.pop();
                self.tokens.push(Token {
                    kind: TokKind::Dedent,
                    span: Span::at(self.here()),
                });
            }
        }
        Ok(false)
    }

    fn name_or_string(&mut self) -> LexResult<()> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if !is_ident_continue(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some('\'' | '"')) && word.len() <= 2 {
            let lower = word.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf" | "t" | "tr" | "rt"
            ) {
                return self.string(start, word);
            }
        }
        let kind = match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => TokKind::Keyword(k),
            None => TokKind::Name(word.to_string()),
        };
        self.push(kind, start);
        Ok(())
    }

    fn punct(&mut self, c: char) -> LexResult<()> {
        let start = self.pos;
        let rest = &self.src[start..];
        let Some(p) = PUNCTS.iter().find(|p| rest.starts_with(**p)) else {
            self.bump();
            let span = Span::new(start as u32, self.pos as u32);
            return match c {
                '$' | '?' | '`' => {
                    self.push(TokKind::Unknown(c), start);
                    Ok(())
                }
                c if c.is_control() || c.is_whitespace() => {
                    self.err(ErrorKind::NonPrintable(c), span)
                }
                c => self.err(ErrorKind::InvalidCharacter(c), span),
            };
        };
        self.pos += p.len();
        let span = Span::new(start as u32, self.pos as u32);
        match *p {
            "(" | "[" | "{" => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return self.err(ErrorKind::TooManyNestedParens, span);
                }
                self.brackets.push((c, span));
            }
            ")" | "]" | "}" => match self.brackets.pop() {
                None => return self.err(ErrorKind::Unmatched(c), span),
                Some((open, open_span)) if closing(open) != c => {
                    let open_line = self.line_of(open_span.start);
                    let open_line = (open_line != self.line_of(span.start)).then_some(open_line);
                    return self.err(
                        ErrorKind::MismatchedClose {
                            close: c,
                            open,
                            open_line,
                        },
                        span,
                    );
                }
                Some(_) => {}
            },
            _ => {}
        }
        self.push(TokKind::Punct(p), start);
        Ok(())
    }
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Approximates Python's `XID_Start` (plus `_`).
pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Approximates Python's `XID_Continue`.
pub fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}
