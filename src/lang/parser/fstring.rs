//! F-string pieces (from the lexer) -> [`FStringPart`]s: each field's expression is lexed
//! and parsed again from its byte range, and `{x=}` is expanded as CPython does
//! (`Parser/action_helpers.c`, `_PyPegen_formatted_value`).

use super::atom::push_literal;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::{ErrorKind, MSG_FSTRING_EXPECT_CLOSE, MSG_FSTRING_LAMBDA};
use crate::lang::lexer::{self, FPiece, TokKind};
use crate::lang::span::Span;

impl Parser<'_> {
    /// Converts the lexer's pieces of one f-string (or format spec) into AST parts.
    pub(super) fn fstring_parts(&mut self, pieces: &[FPiece]) -> PResult<Vec<FStringPart>> {
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                FPiece::Literal { value, span } => push_literal(&mut parts, value.clone(), *span),
                FPiece::Field(field) => {
                    let value = self.field_expression(field.expr)?;
                    let mut conversion = match field.conversion {
                        Some('s') => Conversion::Str,
                        Some('r') => Conversion::Repr,
                        Some('a') => Conversion::Ascii,
                        _ => Conversion::None,
                    };
                    if let Some(dt) = field.debug_text {
                        let text = self.src.get(dt.range()).unwrap_or("").to_string();
                        push_literal(&mut parts, text, dt);
                        if conversion == Conversion::None && field.spec.is_none() {
                            conversion = Conversion::Repr;
                        }
                    }
                    let format_spec = match &field.spec {
                        Some(spec) => {
                            self.enter()?;
                            let r = self.fstring_parts(spec);
                            self.leave();
                            Some(r?)
                        }
                        None => None,
                    };
                    parts.push(FStringPart::Field(FormattedValue {
                        value: Box::new(value),
                        conversion,
                        format_spec,
                        span: field.span,
                    }));
                }
            }
        }
        Ok(parts)
    }

    /// Parses the expression of a replacement field: (yield_expr | star_expressions).
    fn field_expression(&mut self, span: Span) -> PResult<Expr> {
        self.enter()?;
        let fdepth = self.fstring_depth + 1;
        let lexed = lexer::tokenize_expression(self.src, span, fdepth);
        let mut sub = Parser::new(self.src, lexed, self.depth);
        sub.fstring_depth = fdepth;
        let r = sub.field_expression_inner();
        self.leave();
        match r {
            Err(e) => match sub.lex_error {
                Some(lex) => Err(lex),
                None => Err(e),
            },
            ok => ok,
        }
    }

    fn field_expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            // The field's text stopped at the lambda's ':' (a format spec starts there).
            let start = self.span().start;
            let end = self.tokens.last().map_or(start, |t| t.span.end) + 1;
            let end = end.min(self.src.len() as u32);
            return self.fail(
                ErrorKind::Message(MSG_FSTRING_LAMBDA),
                Span::new(start, end),
            );
        }
        let e = if self.at_kw("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        self.no_bare_starred(&e)?;
        if !matches!(self.kind(), TokKind::EndOfFile) {
            if matches!(self.kind(), TokKind::Error) {
                return self.invalid();
            }
            let span = self.span();
            return self.fail(ErrorKind::Message(MSG_FSTRING_EXPECT_CLOSE), span);
        }
        Ok(e)
    }
}
