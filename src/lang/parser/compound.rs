//! Compound statements (CPython `Grammar/python.gram`: `function_def`, `class_def`,
//! `if_stmt`, `while_stmt`, `for_stmt`, `with_stmt`, `try_stmt`, with their `invalid_*`
//! rules for "expected ':'" and the indentation messages).

use super::stmt::through;
use super::target::TargetKind;
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::lexer::TokKind;
use crate::lang::span::Span;

impl Parser<'_> {
    /// A condition in `if`/`elif`/`while`: named_expression, with `invalid_named_expression`
    /// (`if x = 1:`).
    fn condition(&mut self) -> PResult<Expr> {
        let e = self.named_expression()?;
        self.stray_assign_check(e)
    }

    /// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt | try_stmt
    ///              | while_stmt
    pub(super) fn compound_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.peek().clone();
        match tok.kind {
            TokKind::Punct("@") => self.decorated(),
            TokKind::Keyword("def") => self.function_def(Vec::new(), tok.span, false),
            TokKind::Keyword("class") => self.class_def(Vec::new(), tok.span),
            TokKind::Keyword("if") => self.if_stmt("'if' statement"),
            TokKind::Keyword("while") => self.while_stmt(),
            TokKind::Keyword("for") => self.for_stmt(tok.span, false),
            TokKind::Keyword("with") => self.with_stmt(tok.span, false),
            TokKind::Keyword("try") => self.try_stmt(),
            TokKind::Keyword("async") => {
                self.bump();
                match self.kind() {
                    TokKind::Keyword("def") => self.function_def(Vec::new(), tok.span, true),
                    TokKind::Keyword("for") => self.for_stmt(tok.span, true),
                    TokKind::Keyword("with") => self.with_stmt(tok.span, true),
                    _ => self.invalid(),
                }
            }
            _ => self.invalid(),
        }
    }

    /// decorators: ('@' named_expression NEWLINE)+, then a function or class.
    /// The statement's span starts at `def`/`async`/`class`, not at the first decorator (as
    /// CPython's positions do).
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_punct("@").is_some() {
            decorators.push(self.named_expression()?);
            if !self.at_newline() {
                return self.invalid();
            }
            self.bump();
        }
        let start = self.span();
        match self.kind().clone() {
            TokKind::Keyword("def") => self.function_def(decorators, start, false),
            TokKind::Keyword("class") => self.class_def(decorators, start),
            TokKind::Keyword("async") if self.nth_is_kw(1, "def") => {
                self.bump();
                self.function_def(decorators, start, true)
            }
            _ => self.invalid(),
        }
    }

    /// function_def_raw: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block
    fn function_def(
        &mut self,
        decorators: Vec<Expr>,
        start: Span,
        is_async: bool,
    ) -> PResult<Stmt> {
        let def = self.bump().span;
        let name = self.expect_name()?;
        if self.at_punct("[") {
            let span = self.span();
            return self.fail(ErrorKind::NotSupported(WHAT_TYPE_PARAMS), span);
        }
        // function_def_raw: 'def' NAME &&'(' (a forced token: "expected '('").
        if self.eat_punct("(").is_none() {
            if matches!(self.kind(), TokKind::Error) {
                return self.invalid();
            }
            let span = self.span();
            return self.fail(ErrorKind::Expected("("), span);
        }
        let params = self.parameters(false)?;
        self.expect_punct(")")?;
        let returns = if self.eat_punct("->").is_some() {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_forced_colon()?;
        let body = self.block("function definition", def)?;
        let span = through(start, &body);
        let f = FunctionDef {
            is_async,
            name,
            params,
            body,
            decorators,
            returns,
        };
        Ok(Stmt::new(StmtKind::FunctionDef(Box::new(f)), span))
    }

    /// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
    fn class_def(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        let class = self.bump().span;
        let name = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at_punct("[") {
            let span = self.span();
            return self.fail(ErrorKind::NotSupported(WHAT_TYPE_PARAMS), span);
        }
        if let Some(open) = self.eat_punct("(") {
            (bases, keywords) = self.call_arguments(open)?;
            if let Some(g) = bases.iter().find_map(|b| match &b.kind {
                ExprKind::GeneratorExp { generators, .. } => generators.first(),
                _ => None,
            }) {
                // A generator expression is not a class base: CPython stops at its `for`.
                let span = Span::new(g.span.start, g.span.start + 3);
                return self.fail(ErrorKind::InvalidSyntax, span);
            }
            self.expect_punct(")")?;
        }
        self.expect_colon()?;
        let body = self.block("class definition", class)?;
        let span = through(start, &body);
        let c = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(Stmt::new(StmtKind::ClassDef(Box::new(c)), span))
    }

    /// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    fn if_stmt(&mut self, after: &'static str) -> PResult<Stmt> {
        let start = self.bump().span;
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block(after, start)?;
        let orelse = if self.at_kw("elif") {
            // Each `elif` nests an `If` in the previous one's `orelse`.
            self.enter()?;
            let elif = self.if_stmt("'elif' statement");
            self.leave();
            vec![elif?]
        } else {
            self.else_block()?
        };
        let span = through(through(start, &body), &orelse);
        Ok(Stmt::new(StmtKind::If { test, body, orelse }, span))
    }

    /// else_block: 'else' ':' block  (empty when there is no `else`).
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let Some(kw) = self.eat_kw("else") else {
            return Ok(Vec::new());
        };
        self.expect_forced_colon()?;
        self.block("'else' statement", kw)
    }

    /// while_stmt: 'while' named_expression ':' block [else_block]
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span;
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", start)?;
        let orelse = self.else_block()?;
        let span = through(through(start, &body), &orelse);
        Ok(Stmt::new(StmtKind::While { test, body, orelse }, span))
    }

    /// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
    fn for_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
        let kw = self.bump().span;
        let target = self.star_targets(TargetKind::For)?;
        if self.eat_kw("in").is_none() {
            return self.invalid();
        }
        let iter = self.star_expressions()?;
        self.no_bare_starred(&iter)?;
        self.expect_colon()?;
        let body = self.block("'for' statement", kw)?;
        let orelse = self.else_block()?;
        let span = through(through(start, &body), &orelse);
        Ok(Stmt::new(
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            },
            span,
        ))
    }

    /// with_stmt: ['async'] 'with' ( '(' ','.with_item+ ','? ')' | ','.with_item+ ) ':' block
    fn with_stmt(&mut self, start: Span, is_async: bool) -> PResult<Stmt> {
        let kw = self.bump().span;
        let items = match self.parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat_punct(",").is_some() {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.expect_colon()?;
        let body = self.block("'with' statement", kw)?;
        let span = through(start, &body);
        Ok(Stmt::new(
            StmtKind::With {
                is_async,
                items,
                body,
            },
            span,
        ))
    }

    /// Tries `'(' ','.with_item+ ','? ')' &':'`; on no match, rewinds and returns `None`.
    fn parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at_punct("(") {
            return Ok(None);
        }
        let (save, save_end) = (self.pos, self.prev_end);
        self.bump();
        let mut items = Vec::new();
        let ok = loop {
            if self.at_punct(")") && !items.is_empty() {
                break true;
            }
            match self.with_item() {
                Ok(item) => items.push(item),
                Err(_) => break false,
            }
            if self.eat_punct(",").is_none() {
                break self.at_punct(")");
            }
        };
        if ok && self.nth_is_punct(1, ":") {
            self.bump();
            return Ok(Some(items));
        }
        self.pos = save;
        self.prev_end = save_end;
        Ok(None)
    }

    /// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let mut span = context_expr.span;
        let mut optional_vars = None;
        if self.eat_kw("as").is_some() {
            let t = self.star_targets_single()?;
            span = span.to(t.span);
            optional_vars = Some(t);
        }
        Ok(WithItem {
            context_expr,
            optional_vars,
            span,
        })
    }

    /// One target after `as` in a `with` (a star_target; a tuple needs parentheses).
    fn star_targets_single(&mut self) -> PResult<Expr> {
        let e = self.bitwise_or()?;
        self.to_target(e, ExprContext::Store, TargetKind::Assign)
    }

    /// try_stmt: 'try' ':' block finally_block | 'try' ':' block except_block+ [else_block]
    ///   [finally_block] | the same with except_star_block+
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span;
        self.expect_forced_colon()?;
        let body = self.block("'try' statement", start)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        let mut star: Option<bool> = None;
        while let Some(kw) = self.eat_kw("except") {
            let is_star = self.eat_punct("*").is_some();
            if star.is_some_and(|s| s != is_star) {
                return self.fail(ErrorKind::Message(MSG_EXCEPT_MIX), kw);
            }
            star = Some(is_star);
            if let Some(prev) = handlers.last() {
                if prev.type_.is_none() {
                    return self.fail(ErrorKind::Message(MSG_DEFAULT_EXCEPT_LAST), prev.span);
                }
            }
            let mut type_ = None;
            let mut name = None;
            if !self.at_punct(":") {
                let t = self.expression()?;
                let t = if self.at_punct(",") {
                    // PEP 758 (3.14): `except A, B:` without parentheses.
                    let mut elts = vec![t];
                    while self.eat_punct(",").is_some() {
                        elts.push(self.expression()?);
                    }
                    if self.eat_kw("as").is_some() {
                        let msg = MSG_EXCEPT_TYPES_AS;
                        let end = if matches!(self.kind(), TokKind::Name(_)) {
                            self.bump().span
                        } else {
                            elts[elts.len() - 1].span
                        };
                        return self.fail(ErrorKind::Message(msg), elts[0].span.to(end));
                    }
                    let span = elts[0].span.to(elts[elts.len() - 1].span);
                    Expr::new(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Load,
                        },
                        span,
                    )
                } else {
                    t
                };
                type_ = Some(t);
                if self.eat_kw("as").is_some() {
                    name = Some(self.expect_name()?);
                }
            } else if is_star {
                let span = self.span();
                return self.fail(ErrorKind::Message(MSG_EXCEPT_STAR_BARE), span);
            }
            self.expect_colon()?;
            let after = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(after, kw)?;
            let span = through(kw, &hbody);
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                span,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if let Some(kw) = self.eat_kw("finally") {
            self.expect_forced_colon()?;
            finalbody = self.block("'finally' statement", kw)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            let span = self.span();
            return self.fail(ErrorKind::Message(MSG_EXCEPT_OR_FINALLY), span);
        }
        let span = through(through(through(start, &body), &orelse), &finalbody);
        let span = handlers.iter().fold(span, |s, h| s.to(h.span));
        let is_star = star == Some(true);
        Ok(Stmt::new(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
            span,
        ))
    }
}
