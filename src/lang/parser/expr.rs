//! Expressions (CPython `Grammar/python.gram`, "EXPRESSIONS" and "LITERALS" sections).

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::lexer::TokKind;
use crate::lang::span::Span;

/// Binary operators with their precedence (higher binds tighter), all left-associative.
// = python.gram: bitwise_or > bitwise_xor > bitwise_and > shift_expr > sum > term
fn binop(kind: &TokKind) -> Option<(BinOp, u8)> {
    let TokKind::Punct(p) = kind else { return None };
    Some(match *p {
        "|" => (BinOp::BitOr, 1),
        "^" => (BinOp::BitXor, 2),
        "&" => (BinOp::BitAnd, 3),
        "<<" => (BinOp::LShift, 4),
        ">>" => (BinOp::RShift, 4),
        "+" => (BinOp::Add, 5),
        "-" => (BinOp::Sub, 5),
        "*" => (BinOp::Mult, 6),
        "/" => (BinOp::Div, 6),
        "//" => (BinOp::FloorDiv, 6),
        "%" => (BinOp::Mod, 6),
        "@" => (BinOp::MatMult, 6),
        _ => return None,
    })
}

pub(super) fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser<'_> {
    /// Whether the current token can start an expression.
    pub(super) fn at_expr_start(&mut self) -> bool {
        match self.kind() {
            TokKind::Name(_)
            | TokKind::Unsupported(_)
            | TokKind::Int(_)
            | TokKind::Float(_)
            | TokKind::Str(_)
            | TokKind::FString(_) => true,
            TokKind::Keyword(k) => {
                matches!(*k, "None" | "True" | "False" | "not" | "lambda" | "await")
            }
            TokKind::Punct(p) => matches!(*p, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    /// star_expressions: star_expression (',' star_expression)* [',']  (a tuple if a comma)
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start_pos();
        let first = self.star_expression()?;
        if !self.at_punct(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_punct(",").is_some() {
            if !(self.at_expr_start() || self.at_punct("*")) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span,
        ))
    }

    /// star_expression: '*' bitwise_or | expression
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat_punct("*") {
            self.enter()?;
            let value = self.bitwise_or();
            self.leave();
            let value = value?;
            let span = self.since(star.start);
            return Ok(Expr::new(
                ExprKind::Starred {
                    value: boxed(value),
                    ctx: ExprContext::Load,
                },
                span,
            ));
        }
        self.expression()
    }

    /// Whether the token after the current one (a `*`) can start an expression.
    pub(super) fn at_star_operand(&mut self) -> bool {
        let save = self.pos;
        self.pos = (self.pos + 1).min(self.tokens.len() - 1);
        let r = self.at_expr_start();
        self.pos = save;
        r
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_punct("*") {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// named_expression: assignment_expression | expression !':='
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.start_pos();
        let e = self.expression()?;
        if self.eat_punct(":=").is_some() {
            if !matches!(e.kind, ExprKind::Name { .. }) {
                let what = target_name(&e);
                return self.fail(ErrorKind::CannotWalrus { what }, e.span);
            }
            let value = self.expression()?;
            let target = self.to_target(e, ExprContext::Store, TargetKind::Assign)?;
            let span = self.since(start);
            return Ok(Expr::new(
                ExprKind::NamedExpr {
                    target: boxed(target),
                    value: boxed(value),
                },
                span,
            ));
        }
        Ok(e)
    }

    /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambdef();
        }
        let start = self.start_pos();
        let body = self.disjunction()?;
        if !self.at_kw("if") {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if self.eat_kw("else").is_none() {
            // invalid_expression: a=disjunction 'if' b=disjunction !('else'|':')
            if self.at_punct(":") {
                return self.invalid();
            }
            return self.fail(ErrorKind::Message(MSG_IF_ELSE), body.span.to(test.span));
        }
        if !self.at_expr_start() {
            // invalid_expression: ... 'else' !expression
            if matches!(
                self.kind(),
                TokKind::Newline | TokKind::Keyword(_) | TokKind::EndOfFile
            ) {
                let span = self.span();
                return self.fail(ErrorKind::Message(MSG_ELSE_EXPR), span);
            }
            return self.invalid();
        }
        let orelse = self.expression()?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::IfExp {
                test: boxed(test),
                body: boxed(body),
                orelse: boxed(orelse),
            },
            span,
        ))
    }

    /// lambdef: 'lambda' [lambda_params] ':' expression
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let params = self.parameters(true)?;
        self.expect_punct(":")?;
        let body = self.expression()?;
        let span = self.since(start.start);
        Ok(Expr::new(
            ExprKind::Lambda {
                params: Box::new(params),
                body: boxed(body),
            },
            span,
        ))
    }

    /// disjunction: conjunction ('or' conjunction)+ | conjunction
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_chain("or", BoolOp::Or, Self::conjunction)
    }

    /// conjunction: inversion ('and' inversion)+ | inversion
    fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_chain("and", BoolOp::And, Self::inversion)
    }

    fn bool_chain(
        &mut self,
        kw: &str,
        op: BoolOp,
        next: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.start_pos();
        let first = next(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw).is_some() {
            values.push(next(self)?);
        }
        let span = self.since(start);
        Ok(Expr::new(ExprKind::BoolOp { op, values }, span))
    }

    /// inversion: 'not' inversion | comparison
    fn inversion(&mut self) -> PResult<Expr> {
        if let Some(not) = self.eat_kw("not") {
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            let span = self.since(not.start);
            return Ok(Expr::new(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: boxed(operand),
                },
                span,
            ));
        }
        self.comparison()
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start_pos();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind().clone() {
                TokKind::Punct("==") => CmpOp::Eq,
                TokKind::Punct("!=") => CmpOp::NotEq,
                TokKind::Punct("<") => CmpOp::Lt,
                TokKind::Punct("<=") => CmpOp::LtE,
                TokKind::Punct(">") => CmpOp::Gt,
                TokKind::Punct(">=") => CmpOp::GtE,
                TokKind::Keyword("in") => CmpOp::In,
                TokKind::Keyword("is") => {
                    if self.nth_is_kw(1, "not") {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                TokKind::Keyword("not") if self.nth_is_kw(1, "in") => {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::Compare {
                left: boxed(left),
                ops,
                comparators,
            },
            span,
        ))
    }

    /// bitwise_or and everything down to term, by precedence climbing.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.start_pos();
        let mut left = self.factor()?;
        // Each operator of a chain nests the tree one level deeper (`1+1+...+1` is as deep
        // as it is long), and the compiler and `Drop` recurse over that depth.
        let mut nested = 0;
        let result = loop {
            let Some((op, prec)) = binop(self.kind()) else {
                break Ok(left);
            };
            if prec < min_prec {
                break Ok(left);
            }
            if let Err(e) = self.enter() {
                break Err(e);
            }
            nested += 1;
            self.bump();
            let right = match self.binary(prec + 1) {
                Ok(r) => r,
                Err(e) => break Err(e),
            };
            let span = self.since(start);
            left = Expr::new(
                ExprKind::BinOp {
                    left: boxed(left),
                    op,
                    right: boxed(right),
                },
                span,
            );
        };
        for _ in 0..nested {
            self.leave();
        }
        result
    }

    /// factor: '+' factor | '-' factor | '~' factor | power
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokKind::Punct("+") => UnaryOp::UAdd,
            TokKind::Punct("-") => UnaryOp::USub,
            TokKind::Punct("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().span;
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        let span = self.since(start.start);
        Ok(Expr::new(
            ExprKind::UnaryOp {
                op,
                operand: boxed(operand),
            },
            span,
        ))
    }

    /// power: await_primary '**' factor | await_primary
    fn power(&mut self) -> PResult<Expr> {
        let start = self.start_pos();
        let left = self.await_primary()?;
        if self.eat_punct("**").is_none() {
            return Ok(left);
        }
        self.enter()?;
        let right = self.factor();
        self.leave();
        let right = right?;
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::BinOp {
                left: boxed(left),
                op: BinOp::Pow,
                right: boxed(right),
            },
            span,
        ))
    }

    /// await_primary: 'await' primary | primary
    fn await_primary(&mut self) -> PResult<Expr> {
        if let Some(start) = self.eat_kw("await") {
            let value = self.primary()?;
            let span = self.since(start.start);
            return Ok(Expr::new(
                ExprKind::Await {
                    value: boxed(value),
                },
                span,
            ));
        }
        self.primary()
    }

    /// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    ///        | primary '[' slices ']' | atom
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        // Each trailer nests the tree one level deeper (`f()()()…`, `a.b.c…`): count them
        // against the nesting limit, as `binary` does for operator chains.
        let mut nested = 0;
        let result = self.primary_trailers(&mut nested);
        for _ in 0..nested {
            self.leave();
        }
        result
    }

    fn primary_trailers(&mut self, nested: &mut u32) -> PResult<Expr> {
        let start = self.start_pos();
        let mut e = self.atom()?;
        loop {
            if self.at_punct(".") || self.at_punct("(") || self.at_punct("[") {
                self.enter()?;
                *nested += 1;
            }
            if self.eat_punct(".").is_some() {
                let attr = self.expect_name()?;
                let span = self.since(start);
                e = Expr::new(
                    ExprKind::Attribute {
                        value: boxed(e),
                        attr,
                        ctx: ExprContext::Load,
                    },
                    span,
                );
            } else if self.at_punct("(") {
                let open = self.bump().span;
                let (args, keywords) = self.call_arguments(open)?;
                self.expect_punct(")")?;
                let span = self.since(start);
                e = Expr::new(
                    ExprKind::Call {
                        func: boxed(e),
                        args,
                        keywords,
                    },
                    span,
                );
            } else if self.at_punct("[") {
                self.bump();
                let slice = self.slices()?;
                self.expect_punct("]")?;
                let span = self.since(start);
                e = Expr::new(
                    ExprKind::Subscript {
                        value: boxed(e),
                        slice: boxed(slice),
                        ctx: ExprContext::Load,
                    },
                    span,
                );
            } else {
                return Ok(e);
            }
        }
    }

    /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start_pos();
        let first = self.slice()?;
        if !self.at_punct(",") && !matches!(first.kind, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_punct(",").is_some() {
            if self.at_punct("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        let span = self.since(start);
        Ok(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span,
        ))
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
    fn slice(&mut self) -> PResult<Expr> {
        if self.at_punct("*") {
            // starred_expression | invalid_starred_expression
            if !self.at_star_operand() {
                self.bump();
                return self.invalid_star();
            }
            return self.star_expression();
        }
        let start = self.span();
        let lower = if self.at_punct(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at_punct(":") {
            return match lower {
                Some(lower) => self.forgot_comma_check(lower),
                None => self.invalid(),
            };
        }
        self.bump();
        let upper = if self.at_expr_start() {
            Some(boxed(self.expression()?))
        } else {
            None
        };
        let mut step = None;
        if self.eat_punct(":").is_some() && self.at_expr_start() {
            step = Some(boxed(self.expression()?));
        }
        let span = start.to(Span::at(self.prev_end));
        Ok(Expr::new(
            ExprKind::Slice {
                lower: lower.map(boxed),
                upper,
                step,
            },
            span,
        ))
    }

    /// After an element inside brackets: if another expression follows directly, CPython
    /// reports "Perhaps you forgot a comma?" (python.gram `invalid_expression`).
    pub(super) fn forgot_comma_check(&mut self, e: Expr) -> PResult<Expr> {
        if !self.at_expr_start() || matches!(self.kind(), TokKind::Keyword("not")) {
            return Ok(e);
        }
        // !(NAME STRING | SOFT_KEYWORD): `f"..."`-like prefixes and soft keywords are not it.
        let name_then_string = matches!(e.kind, ExprKind::Name { .. })
            && matches!(self.kind(), TokKind::Str(_) | TokKind::FString(_));
        let save = self.pos;
        let next = self.expression();
        match next {
            Ok(b) if !name_then_string => self.fail(ErrorKind::ForgotComma, e.span.to(b.span)),
            _ => {
                self.pos = save;
                self.invalid()
            }
        }
    }
}

use super::target::{target_name, TargetKind};
