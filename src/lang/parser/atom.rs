//! Atoms: names, literals, strings, and the bracketed displays with their comprehensions
//! (CPython `Grammar/python.gram`: `atom`, `tuple`/`group`/`genexp`, `list`/`listcomp`,
//! `dict`/`set`/`dictcomp`/`setcomp`, `for_if_clauses`, `strings`, `yield_expr`).

use super::expr::boxed;
use super::target::TargetKind;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::lexer::TokKind;
use crate::lang::span::Span;

impl Parser<'_> {
    /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp
    ///     | list | listcomp | dict | set | dictcomp | setcomp | '...'
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let tok = self.peek().clone();
        let constant = |value: Constant| Expr::new(ExprKind::Constant { value }, tok.span);
        let e = match tok.kind {
            TokKind::Name(id) => Expr::new(
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Load,
                },
                tok.span,
            ),
            TokKind::Keyword("True") => constant(Constant::Bool(true)),
            TokKind::Keyword("False") => constant(Constant::Bool(false)),
            TokKind::Keyword("None") => constant(Constant::None),
            TokKind::Int(i) => constant(Constant::Int(i)),
            TokKind::Float(f) => constant(Constant::Float(f)),
            TokKind::Punct("...") => constant(Constant::Ellipsis),
            TokKind::Str(_) | TokKind::FString(_) => return self.strings(),
            TokKind::Unsupported(what) => {
                return self.fail(ErrorKind::NotSupported(what), tok.span);
            }
            // Nesting is counted where the contents recurse: expression(), and the '*'/'**'
            // unpackings that reach an atom without passing through expression().
            TokKind::Punct("(") => return self.paren_atom(),
            TokKind::Punct("[") => return self.list_atom(),
            TokKind::Punct("{") => return self.brace_atom(),
            _ => return self.invalid(),
        };
        self.bump();
        Ok(e)
    }

    /// tuple | group | genexp, at '('.
    fn paren_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if let Some(close) = self.eat_punct(")") {
            return Ok(Expr::new(
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                open.to(close),
            ));
        }
        if self.at_kw("yield") {
            let y = self.yield_expr()?;
            self.expect_punct(")")?;
            return Ok(y);
        }
        let first = self.star_named_expression()?;
        let first = self.stray_assign_check(first)?;
        if self.at_kw("for") || self.at_kw("async") {
            self.no_unpacking_in_comprehension(&first)?;
            let generators = self.for_if_clauses()?;
            let close = self.expect_punct(")")?;
            let kind = ExprKind::GeneratorExp {
                elt: boxed(first),
                generators,
            };
            return Ok(Expr::new(kind, open.to(close)));
        }
        if self.eat_punct(")").is_some() {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return self.fail(ErrorKind::Message(MSG_STARRED_GROUP), first.span);
            }
            return Ok(first);
        }
        if !self.at_punct(",") {
            self.forgot_comma_check(first)?;
            return self.invalid();
        }
        let elts = self.display_rest(first, ")")?;
        let close = self.expect_punct(")")?;
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            open.to(close),
        ))
    }

    /// The `, b, c [,]` after the first element of a display, up to (not including) `close`.
    fn display_rest(&mut self, first: Expr, close: &str) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_punct(",").is_some() {
            if self.at_punct(close) {
                break;
            }
            let e = self.star_named_expression()?;
            let e = self.stray_assign_check(e)?;
            let e = self.forgot_comma_check(e)?;
            elts.push(e);
        }
        if close != ")" && (self.at_kw("for") || self.at_kw("async")) {
            // invalid_comprehension: `[a, b for ...]`
            let span = elts[0].span.to(elts[elts.len() - 1].span);
            return self.fail(ErrorKind::Message(MSG_COMPREHENSION_TARGET), span);
        }
        if !self.at_punct(close) {
            return self.invalid();
        }
        Ok(elts)
    }

    /// A dict key and ':' with no value: CPython's message when '}' or ',' follows (at the
    /// ':'), else "invalid syntax".
    fn dict_value_missing<T>(&mut self) -> PResult<T> {
        if self.at_punct("}") || self.at_punct(",") {
            let colon = Span::new(self.prev_end.saturating_sub(1), self.prev_end);
            return self.fail(ErrorKind::Message(MSG_DICT_VALUE), colon);
        }
        self.invalid()
    }

    /// invalid_comprehension: `[*a for a in b]`.
    fn no_unpacking_in_comprehension(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            return self.fail(
                ErrorKind::Message(MSG_ITERABLE_UNPACK_COMPREHENSION),
                elt.span,
            );
        }
        Ok(())
    }

    /// list | listcomp, at '['.
    fn list_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if let Some(close) = self.eat_punct("]") {
            return Ok(Expr::new(
                ExprKind::List {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                open.to(close),
            ));
        }
        let first = self.star_named_expression()?;
        let first = self.stray_assign_check(first)?;
        if self.at_kw("for") || self.at_kw("async") {
            self.no_unpacking_in_comprehension(&first)?;
            let generators = self.for_if_clauses()?;
            let close = self.expect_punct("]")?;
            return Ok(Expr::new(
                ExprKind::ListComp {
                    elt: boxed(first),
                    generators,
                },
                open.to(close),
            ));
        }
        let first = self.forgot_comma_check(first)?;
        let elts = self.display_rest(first, "]")?;
        let close = self.expect_punct("]")?;
        Ok(Expr::new(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            open.to(close),
        ))
    }

    /// dict | set | dictcomp | setcomp, at '{'.
    fn brace_atom(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if let Some(close) = self.eat_punct("}") {
            return Ok(Expr::new(ExprKind::Dict { items: vec![] }, open.to(close)));
        }
        if self.at_punct("**") {
            return self.dict_rest(open, vec![]);
        }
        let first = self.star_named_expression()?;
        let first = self.stray_assign_check(first)?;
        if self.eat_punct(":").is_none() {
            if self.at_kw("for") || self.at_kw("async") {
                self.no_unpacking_in_comprehension(&first)?;
                let generators = self.for_if_clauses()?;
                let close = self.expect_punct("}")?;
                return Ok(Expr::new(
                    ExprKind::SetComp {
                        elt: boxed(first),
                        generators,
                    },
                    open.to(close),
                ));
            }
            let first = self.forgot_comma_check(first)?;
            let elts = self.display_rest(first, "}")?;
            let close = self.expect_punct("}")?;
            return Ok(Expr::new(ExprKind::Set { elts }, open.to(close)));
        }
        if !self.at_expr_start() {
            return self.dict_value_missing();
        }
        let value = self.expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.for_if_clauses()?;
            let close = self.expect_punct("}")?;
            let kind = ExprKind::DictComp {
                key: boxed(first),
                value: boxed(value),
                generators,
            };
            return Ok(Expr::new(kind, open.to(close)));
        }
        let value = self.forgot_comma_check(value)?;
        self.dict_rest(open, vec![DictItem::KeyValue { key: first, value }])
    }

    /// The remaining `, k: v, **m` items of a dict display, through the closing '}'.
    fn dict_rest(&mut self, open: Span, mut items: Vec<DictItem>) -> PResult<Expr> {
        loop {
            if !items.is_empty() {
                if self.at_punct("}") {
                    break;
                }
                self.expect_punct(",")?;
                if self.at_punct("}") {
                    break;
                }
            }
            if let Some(stars) = self.eat_punct("**") {
                self.enter()?;
                let value = self.bitwise_or();
                self.leave();
                let value = value?;
                if self.at_kw("for") || self.at_kw("async") {
                    return self.fail(ErrorKind::Message(MSG_DICT_UNPACK_COMPREHENSION), stars);
                }
                items.push(DictItem::Unpack(value));
                continue;
            }
            let key = self.expression()?;
            if self.eat_punct(":").is_none() {
                if self.at_punct("}") || self.at_punct(",") || self.at_expr_start() {
                    // CPython points at the key's last character.
                    let last = Span::new(key.span.end.saturating_sub(1), key.span.end);
                    return self.fail(ErrorKind::Message(MSG_DICT_COLON), last);
                }
                return self.invalid();
            }
            if !self.at_expr_start() {
                return self.dict_value_missing();
            }
            let value = self.expression()?;
            let value = self.forgot_comma_check(value)?;
            items.push(DictItem::KeyValue { key, value });
        }
        let close = self.expect_punct("}")?;
        Ok(Expr::new(ExprKind::Dict { items }, open.to(close)))
    }

    /// for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
    pub(super) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut out = Vec::new();
        while self.at_kw("for") || (self.at_kw("async") && self.nth_is_kw(1, "for")) {
            let start = self.span();
            let is_async = self.eat_kw("async").is_some();
            self.bump(); // 'for'
            let target = self.star_targets(TargetKind::For)?;
            if self.eat_kw("in").is_none() {
                // invalid_for_if_clause
                if matches!(self.kind(), TokKind::Error) {
                    return self.invalid();
                }
                let span = self.span();
                return self.fail(ErrorKind::Message(MSG_FOR_IN), span);
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if").is_some() {
                ifs.push(self.disjunction()?);
            }
            let span = start.to(Span::at(self.prev_end));
            out.push(Comprehension {
                is_async,
                target,
                iter,
                ifs,
                span,
            });
        }
        if self.at_kw("async") {
            return self.invalid();
        }
        Ok(out)
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        if self.eat_kw("from").is_some() {
            let value = self.expression()?;
            let span = self.since(start.start);
            return Ok(Expr::new(
                ExprKind::YieldFrom {
                    value: boxed(value),
                },
                span,
            ));
        }
        if self.at_expr_start() || self.at_punct("*") {
            let value = self.star_expressions()?;
            self.no_bare_starred(&value)?;
            let span = self.since(start.start);
            return Ok(Expr::new(
                ExprKind::Yield {
                    value: Some(boxed(value)),
                },
                span,
            ));
        }
        Ok(Expr::new(ExprKind::Yield { value: None }, start))
    }

    /// `x = *a` and friends: a starred expression alone (not in a tuple) as a value.
    pub(super) fn no_bare_starred(&self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Starred { .. }) {
            return self.fail(ErrorKind::Message(MSG_STARRED_HERE), e.span);
        }
        Ok(())
    }

    /// strings: (STRING | FSTRING)+, adjacent literals concatenated.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut any_f = false;
        loop {
            let tok = self.peek().clone();
            match tok.kind {
                TokKind::Str(s) => push_literal(&mut parts, s, tok.span),
                TokKind::FString(f) => {
                    any_f = true;
                    for part in self.fstring_parts(&f.pieces)? {
                        match part {
                            FStringPart::Literal { value, span } => {
                                push_literal(&mut parts, value, span)
                            }
                            field => parts.push(field),
                        }
                    }
                }
                TokKind::Unsupported(what) => {
                    return self.fail(ErrorKind::NotSupported(what), tok.span);
                }
                _ => break,
            }
            self.bump();
        }
        let span = start.to(Span::at(self.prev_end));
        if any_f {
            return Ok(Expr::new(ExprKind::FString { parts }, span));
        }
        let value = match parts.pop() {
            Some(FStringPart::Literal { value, .. }) => value,
            _ => String::new(),
        };
        Ok(Expr::new(
            ExprKind::Constant {
                value: Constant::Str(value),
            },
            span,
        ))
    }
}

/// Appends literal text, merging with a preceding literal.
pub(super) fn push_literal(parts: &mut Vec<FStringPart>, value: String, span: Span) {
    if let Some(FStringPart::Literal {
        value: prev,
        span: prev_span,
    }) = parts.last_mut()
    {
        prev.push_str(&value);
        *prev_span = prev_span.to(span);
        return;
    }
    parts.push(FStringPart::Literal { value, span });
}
