//! Call arguments and parameter lists (python.gram `arguments`, `kwargs`, `parameters`,
//! `lambda_parameters`, and their `invalid_*` rules).

use super::expr::boxed;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::lexer::TokKind;
use crate::lang::span::Span;

impl Parser<'_> {
    /// invalid_starred_expression: a `*` with no expression after it.
    pub(super) fn invalid_star<T>(&mut self) -> PResult<T> {
        if matches!(self.kind(), TokKind::Error) {
            return self.invalid();
        }
        let span = self.span();
        self.fail(ErrorKind::Message(MSG_INVALID_STAR), span)
    }

    /// arguments: args [','] &')'  (after the '(', up to but not including the ')').
    /// Positional arguments (with `*x`) go to the first list, keywords (with `**x`) to the
    /// second; CPython's order rules are checked.
    /// `open` is the '(' (a lone generator expression argument spans the call's parentheses).
    pub(super) fn call_arguments(&mut self, open: Span) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let (mut seen_kw, mut seen_kw_unpack) = (false, false);
        let mut last_comma = Span::at(self.prev_end);
        while !self.at_punct(")") {
            if let Some(star) = self.eat_punct("*") {
                if !self.at_expr_start() {
                    return self.invalid_star();
                }
                let value = self.expression()?;
                let value = self.forgot_comma_check(value)?;
                let span = self.since(star.start);
                if seen_kw_unpack {
                    // CPython points from the comma before the `*`.
                    let span = last_comma.to(span);
                    return self.fail(ErrorKind::Message(MSG_STAR_AFTER_KW_UNPACK), span);
                }
                let kind = ExprKind::Starred {
                    value: boxed(value),
                    ctx: ExprContext::Load,
                };
                args.push(Expr::new(kind, span));
            } else if let Some(stars) = self.eat_punct("**") {
                let value = self.expression()?;
                let value = self.forgot_comma_check(value)?;
                let span = self.since(stars.start);
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span,
                });
                seen_kw_unpack = true;
            } else if matches!(self.kind(), TokKind::Name(_)) && self.nth_is_punct(1, "=") {
                let name = self.expect_name()?;
                self.bump();
                let value = self.expression()?;
                let value = self.forgot_comma_check(value)?;
                let span = self.since(name.span.start);
                if keywords
                    .iter()
                    .any(|k| k.arg.as_ref().is_some_and(|a| a.name == name.name))
                {
                    return self.fail(ErrorKind::KeywordRepeated(name.name), span);
                }
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    span,
                });
                seen_kw = true;
            } else {
                let start = self.start_pos();
                let mut e = self.named_expression()?;
                if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.for_if_clauses()?;
                    let lone = args.is_empty() && keywords.is_empty() && self.at_punct(")");
                    let span = if lone {
                        open.to(self.span())
                    } else {
                        self.since(start)
                    };
                    e = Expr::new(
                        ExprKind::GeneratorExp {
                            elt: boxed(e),
                            generators,
                        },
                        span,
                    );
                    if !(args.is_empty() && keywords.is_empty() && self.at_punct(")")) {
                        return self.fail(ErrorKind::Message(MSG_GENEXP_PARENS), e.span);
                    }
                } else if let Some(eq) = self.eat_punct("=") {
                    // invalid_kwarg
                    if let ExprKind::Constant {
                        value: Constant::None | Constant::Bool(_),
                    } = e.kind
                    {
                        let what = super::target::target_name(&e);
                        return self.fail(
                            ErrorKind::CannotAssign {
                                what,
                                maybe_eq: false,
                            },
                            e.span.to(eq),
                        );
                    }
                    let msg = MSG_KWARG_EXPRESSION;
                    return self.fail(ErrorKind::Message(msg), e.span.to(eq));
                }
                let e = self.forgot_comma_check(e)?;
                // CPython points at the token after the offending argument.
                if seen_kw_unpack {
                    let span = self.span();
                    return self.fail(ErrorKind::Message(MSG_POS_AFTER_KW_UNPACK), span);
                }
                if seen_kw {
                    let span = self.span();
                    return self.fail(ErrorKind::Message(MSG_POS_AFTER_KW), span);
                }
                args.push(e);
            }
            match self.eat_punct(",") {
                Some(comma) => last_comma = comma,
                None => break,
            }
        }
        if !self.at_punct(")") {
            return self.invalid();
        }
        Ok((args, keywords))
    }

    /// parameters / lambda_parameters, up to (not including) ')' or, for a lambda, ':'.
    pub(super) fn parameters(&mut self, is_lambda: bool) -> PResult<Parameters> {
        let end = if is_lambda { ":" } else { ")" };
        let mut ps = Parameters::default();
        let mut bare_star: Option<Span> = None;
        let mut seen_slash = false;
        let mut seen_default = false;
        while !self.at_punct(end) {
            if ps.kwarg.is_some() {
                let span = self.span();
                return self.fail(ErrorKind::Message(MSG_AFTER_KWARG), span);
            }
            if let Some(slash) = self.eat_punct("/") {
                if seen_slash {
                    return self.fail(ErrorKind::Message(MSG_SLASH_ONCE), slash);
                }
                if bare_star.is_some() || ps.vararg.is_some() {
                    return self.fail(ErrorKind::Message(MSG_SLASH_AFTER_STAR), slash);
                }
                if ps.args.is_empty() {
                    if !self.at_punct(",") {
                        return self.fail(ErrorKind::InvalidSyntax, slash);
                    }
                    return self.fail(ErrorKind::Message(MSG_SLASH_FIRST), slash);
                }
                seen_slash = true;
                ps.posonly = std::mem::take(&mut ps.args);
            } else if let Some(star) = self.eat_punct("*") {
                if bare_star.is_some() || ps.vararg.is_some() {
                    return self.fail(ErrorKind::Message(MSG_STAR_ONCE), star);
                }
                if self.at_punct(",") || self.at_punct(end) {
                    bare_star = Some(star);
                } else {
                    let p = self.parameter(is_lambda, false)?;
                    if self.at_punct("=") {
                        let span = self.span();
                        return self.fail(ErrorKind::Message(MSG_VARARG_DEFAULT), span);
                    }
                    ps.vararg = Some(Parameter {
                        span: star.to(p.span),
                        ..p
                    });
                }
            } else if let Some(stars) = self.eat_punct("**") {
                let p = self.parameter(is_lambda, false)?;
                if self.at_punct("=") {
                    let span = self.span();
                    return self.fail(ErrorKind::Message(MSG_KWARG_DEFAULT), span);
                }
                ps.kwarg = Some(Parameter {
                    span: stars.to(p.span),
                    ..p
                });
            } else {
                let p = self.parameter(is_lambda, true)?;
                if bare_star.is_some() || ps.vararg.is_some() {
                    ps.kwonly.push(p);
                } else {
                    if p.default.is_none() && seen_default {
                        return self.fail(ErrorKind::Message(MSG_NONDEFAULT_AFTER_DEFAULT), p.span);
                    }
                    seen_default |= p.default.is_some();
                    ps.args.push(p);
                }
            }
            if self.eat_punct(",").is_none() {
                break;
            }
        }
        if let Some(star) = bare_star {
            if ps.kwonly.is_empty() {
                return self.fail(ErrorKind::Message(MSG_BARE_STAR), star);
            }
        }
        if !self.at_punct(end) {
            return self.invalid();
        }
        Ok(ps)
    }

    /// param: NAME [':' expression] ['=' expression]  (no annotation in a lambda).
    fn parameter(&mut self, is_lambda: bool, with_default: bool) -> PResult<Parameter> {
        let name = self.expect_name()?;
        let mut span = name.span;
        let mut annotation = None;
        if !is_lambda && self.eat_punct(":").is_some() {
            let a = self.expression()?;
            span = span.to(a.span);
            annotation = Some(a);
        }
        let mut default = None;
        if with_default && self.eat_punct("=").is_some() {
            let d = self.expression()?;
            span = span.to(d.span);
            default = Some(d);
        }
        Ok(Parameter {
            name,
            annotation,
            default,
            span,
        })
    }
}
