//! Tokens -> syntax tree: a recursive-descent parser after CPython's `Grammar/python.gram`
//! (each function names the rule it follows), with CPython's error messages.
//!
//! Entry points: [`parse`] for a program, [`parse_expression`] for one expression.
//! Nesting is bounded ([`MAX_DEPTH`]), so no input can overflow the stack; no input panics.
//!
//! Which error wins, as in CPython (`Parser/pegen_errors.c`, `_PyPegen_set_syntax_error`):
//! an error of the lexer anywhere in the file beats the parser's own (CPython tokenizes the
//! rest of the file after a parse error), except the indentation and line-continuation errors
//! CPython's tokenizer only reports when the parser reaches them
//! ([`ErrorKind::is_reported_when_reached`]); and an unclosed bracket is reported as "'(' was
//! never closed" when the parser had read up to the end of the file or past the bracket's
//! line (CPython compares with the last token it fetched, so the parser's lookahead matters:
//! see `Parser::furthest`).

mod args;
mod atom;
mod check;
mod compound;
mod expr;
mod fstring;
mod stmt;
mod suggest;
mod target;
#[cfg(test)]
mod tests;

use super::ast::{Expr, Module};
use super::error::{ErrorKind, ParseError, SyntaxError};
use super::lexer::{self, Lexed, TokKind, Token};
use super::span::{LineTable, Span};

/// How deeply expressions may nest (one level per bracket, unary operator, `not`, `**`,
/// lambda, f-string field...). CPython allows 200 nested brackets; the playground runs on the
/// page's thread, whose stack is small (1 MB for wasm32). Measured natively: 98 levels of
/// each kind fit in 512 KB at `opt-level = "z"` (the wasm release profile) but not in 384 KB;
/// a debug build needs about 25 KB a level, so tests that nest deeply run on a big thread.
pub const MAX_DEPTH: u32 = 100;

/// Parses a whole program (CPython `file: [statements] ENDMARKER`), then checks what CPython's
/// compiler checks about context (`'return' outside function`, `'await'` outside `async def`,
/// `'break' outside loop`, ...).
pub fn parse(source: &str) -> Result<Module, ParseError> {
    let module = parse_tree(source)?;
    check::check_module(&module)?;
    Ok(module)
}

/// Parses a whole program without the context checks of [`parse`] (what CPython's
/// `ast.parse` does).
pub fn parse_tree(source: &str) -> Result<Module, ParseError> {
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(source, lexed, 0);
    let result = p.file();
    p.finish(result)
}

/// Parses `source` as one expression (CPython `eval: expressions NEWLINE* ENDMARKER`).
pub fn parse_expression(source: &str) -> Result<Expr, ParseError> {
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(source, lexed, 0);
    let result = p.eval_input();
    p.finish(result)
}

type PResult<T> = Result<T, SyntaxError>;

pub(crate) struct Parser<'s> {
    src: &'s str,
    tokens: Vec<Token>,
    /// Index of the current token. Invariant: `pos < tokens.len()` (the last token is
    /// `EndOfFile` or `Error` and is never consumed past).
    pos: usize,
    /// The furthest token index looked at (for choosing which error to report).
    furthest: usize,
    /// Current nesting, checked against [`MAX_DEPTH`].
    depth: u32,
    /// How many f-strings enclose the text being parsed.
    fstring_depth: u32,
    lex_error: Option<SyntaxError>,
    lex_error_in_fstring: bool,
    unclosed: Option<(char, Span)>,
    /// End of the last consumed token.
    prev_end: u32,
}

impl<'s> Parser<'s> {
    fn new(src: &'s str, lexed: Lexed, depth: u32) -> Parser<'s> {
        let mut tokens = lexed.tokens;
        if tokens.is_empty() {
            tokens.push(Token {
                kind: TokKind::EndOfFile,
                span: Span::at(src.len() as u32),
            });
        }
        Parser {
            src,
            tokens,
            pos: 0,
            furthest: 0,
            depth,
            fstring_depth: 0,
            lex_error: lexed.error,
            lex_error_in_fstring: lexed.error_in_fstring,
            unclosed: lexed.unclosed,
            prev_end: 0,
        }
    }

    /// Picks the error to report (see the module docs), then looks for a misspelt keyword
    /// behind an "invalid syntax" (`suggest`).
    fn finish<T>(&self, result: PResult<T>) -> Result<T, ParseError> {
        match result {
            Ok(v) => Ok(v),
            Err(e) => {
                let e = self.pick_error(e);
                Err(suggest::keyword_typo(self.src, &e).unwrap_or(e).into())
            }
        }
    }

    fn pick_error(&self, err: SyntaxError) -> SyntaxError {
        if err.kind == ErrorKind::UnexpectedIndent {
            return err;
        }
        if let Some(lex) = &self.lex_error {
            // CPython keeps the parser's error when its tokenizer fails inside an f-string.
            if !lex.kind.is_reported_when_reached() && !self.lex_error_in_fstring {
                return lex.clone();
            }
        }
        if let Some((c, span)) = self.unclosed {
            let last = &self.tokens[self.furthest.min(self.tokens.len() - 1)];
            let table = LineTable::new(self.src);
            if last.kind == TokKind::EndOfFile
                || table.line_of(last.span.start) > table.line_of(span.start)
            {
                return SyntaxError::new(ErrorKind::NeverClosed(c), span);
            }
        }
        err
    }

    // ---- token access -------------------------------------------------------------------

    fn peek(&mut self) -> &Token {
        self.nth(0)
    }

    /// The token `k` ahead of the current one (the last token if past the end).
    fn nth(&mut self, k: usize) -> &Token {
        let i = (self.pos + k).min(self.tokens.len() - 1);
        self.furthest = self.furthest.max(i);
        &self.tokens[i]
    }

    fn kind(&mut self) -> &TokKind {
        &self.peek().kind
    }

    fn span(&mut self) -> Span {
        self.peek().span
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        self.prev_end = t.span.end;
        t
    }

    /// Where the current token starts: the start of a node about to be parsed. A node's span
    /// runs from its first token to its last (`since`), so it includes the parentheses of a
    /// parenthesized first or last operand, as CPython's positions do.
    fn start_pos(&mut self) -> u32 {
        self.peek().span.start
    }

    /// The span from `start` to the end of the last consumed token.
    fn since(&self, start: u32) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    fn at_punct(&mut self, p: &str) -> bool {
        matches!(self.kind(), TokKind::Punct(q) if *q == p)
    }

    fn nth_is_punct(&mut self, k: usize, p: &str) -> bool {
        matches!(&self.nth(k).kind, TokKind::Punct(q) if *q == p)
    }

    fn at_kw(&mut self, k: &str) -> bool {
        matches!(self.kind(), TokKind::Keyword(q) if *q == k)
    }

    fn nth_is_kw(&mut self, n: usize, k: &str) -> bool {
        matches!(&self.nth(n).kind, TokKind::Keyword(q) if *q == k)
    }

    fn eat_punct(&mut self, p: &str) -> Option<Span> {
        if self.at_punct(p) {
            Some(self.bump().span)
        } else {
            None
        }
    }

    fn eat_kw(&mut self, k: &str) -> Option<Span> {
        if self.at_kw(k) {
            Some(self.bump().span)
        } else {
            None
        }
    }

    fn at_newline(&mut self) -> bool {
        matches!(self.kind(), TokKind::Newline)
    }

    /// `p`, or "invalid syntax" at the current token.
    fn expect_punct(&mut self, p: &str) -> PResult<Span> {
        match self.eat_punct(p) {
            Some(s) => Ok(s),
            None => self.invalid(),
        }
    }

    /// A `:` ending a compound statement's header: "expected ':'" when the line ends instead.
    fn expect_colon(&mut self) -> PResult<Span> {
        if let Some(s) = self.eat_punct(":") {
            return Ok(s);
        }
        if self.at_newline() {
            return self.fail(ErrorKind::Expected(":"), self.tokens[self.pos].span);
        }
        self.invalid()
    }

    /// A `:` that the grammar forces (`'else' &&':'`, `try`, `finally`, `def`, `with`): any
    /// other token is "expected ':'".
    fn expect_forced_colon(&mut self) -> PResult<Span> {
        if let Some(s) = self.eat_punct(":") {
            return Ok(s);
        }
        if matches!(self.kind(), TokKind::Error | TokKind::Indent) {
            return self.invalid();
        }
        let span = self.span();
        self.fail(ErrorKind::Expected(":"), span)
    }

    fn expect_name(&mut self) -> PResult<super::ast::Ident> {
        if let TokKind::Name(n) = self.kind() {
            let name = n.clone();
            let span = self.bump().span;
            return Ok(super::ast::Ident { name, span });
        }
        self.invalid()
    }

    // ---- errors -------------------------------------------------------------------------

    fn fail<T>(&self, kind: ErrorKind, span: Span) -> PResult<T> {
        Err(SyntaxError::new(kind, span))
    }

    /// "invalid syntax" at the current token (or the lexer's error if lexing stopped here).
    fn invalid<T>(&mut self) -> PResult<T> {
        let t = self.peek().clone();
        if t.kind == TokKind::Error {
            if let Some(e) = &self.lex_error {
                return Err(e.clone());
            }
        }
        if t.kind == TokKind::Indent {
            return self.fail(ErrorKind::UnexpectedIndent, t.span);
        }
        // After an operand, CPython reads `not` as the start of `not in` and fails on the
        // token after it.
        let after_operand = self.pos > 0
            && matches!(
                self.tokens[self.pos - 1].kind,
                TokKind::Name(_)
                    | TokKind::Int(_)
                    | TokKind::Float(_)
                    | TokKind::Str(_)
                    | TokKind::FString(_)
                    | TokKind::Punct(")" | "]" | "}")
                    | TokKind::Keyword("None" | "True" | "False")
            );
        if t.kind == TokKind::Keyword("not") && after_operand && !self.nth_is_kw(1, "in") {
            let next = self.nth(1).span;
            return self.fail(ErrorKind::InvalidSyntax, next);
        }
        self.fail(ErrorKind::InvalidSyntax, t.span)
    }

    /// Enters one level of nesting; pair with [`Parser::leave`].
    fn enter(&mut self) -> PResult<()> {
        if self.depth >= MAX_DEPTH {
            let span = self.span();
            return self.fail(ErrorKind::TooDeeplyNested { limit: MAX_DEPTH }, span);
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn line_of(&self, offset: u32) -> u32 {
        LineTable::new(self.src).line_of(offset)
    }

    // ---- entry rules --------------------------------------------------------------------

    /// file: [statements] ENDMARKER
    fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !matches!(self.kind(), TokKind::EndOfFile) {
            self.statement(&mut body)?;
        }
        let span = Span::new(0, self.src.len() as u32);
        Ok(Module { body, span })
    }

    /// eval: expressions NEWLINE* ENDMARKER
    fn eval_input(&mut self) -> PResult<Expr> {
        let e = self.star_expressions()?;
        while self.at_newline() {
            self.bump();
        }
        if !matches!(self.kind(), TokKind::EndOfFile) {
            return self.invalid();
        }
        Ok(e)
    }
}
