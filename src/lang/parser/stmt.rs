//! Statements (CPython `Grammar/python.gram`, "STATEMENTS" section, with the `invalid_*`
//! rules that give the common messages).

use super::target::{invalid_target, target_name, TargetKind};
use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::lexer::TokKind;
use crate::lang::span::Span;

fn augassign(kind: &TokKind) -> Option<BinOp> {
    let TokKind::Punct(p) = kind else { return None };
    Some(match *p {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}

/// The span from `start` through the last statement of `body`.
pub(super) fn through(start: Span, body: &[Stmt]) -> Span {
    body.last().map_or(start, |s| start.to(s.span))
}

/// Expressions CPython's `invalid_named_expression` excludes from "... here. Maybe you meant
/// '==' instead of '='?" (`!(list|tuple|genexp|'True'|'None'|'False')`), and those that are
/// not a `bitwise_or` at all.
pub(super) fn no_maybe_eq_hint(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant {
                value: Constant::None | Constant::Bool(_)
            }
            | ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
    )
}

impl Parser<'_> {
    /// statement: compound_stmt | simple_stmts
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let tok = self.peek().clone();
        match &tok.kind {
            TokKind::Indent => self.fail(ErrorKind::UnexpectedIndent, tok.span),
            TokKind::Keyword(
                "def" | "if" | "class" | "with" | "for" | "try" | "while" | "async",
            )
            | TokKind::Punct("@") => {
                let s = self.compound_stmt()?;
                out.push(s);
                Ok(())
            }
            TokKind::Name(n) if n == "match" && self.soft_keyword_line() => {
                self.fail(ErrorKind::NotSupported(WHAT_MATCH), tok.span)
            }
            _ => self.simple_stmts(out),
        }
    }

    /// Whether the logical line starting here ends with ':' (a `match x:` header), and the
    /// soft keyword is not itself followed by an operator.
    fn soft_keyword_line(&mut self) -> bool {
        if matches!(&self.nth(1).kind, TokKind::Punct(p) if !matches!(*p, "(" | "[" | "{" | "-" | "*" | "~"))
        {
            return false;
        }
        // A ':' anywhere on the logical line (outside brackets: the lexer joined those).
        let mut k = 1;
        let mut depth = 0i32;
        loop {
            match &self.nth(k).kind {
                TokKind::Newline | TokKind::EndOfFile | TokKind::Error => return false,
                TokKind::Punct("(" | "[" | "{") => depth += 1,
                TokKind::Punct(")" | "]" | "}") => depth -= 1,
                TokKind::Punct(":") if depth == 0 => return true,
                _ => {}
            }
            k += 1;
        }
    }

    /// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_punct(";").is_none() || self.at_newline() {
                break;
            }
        }
        if !self.at_newline() {
            if matches!(
                out.last().map(|s| &s.kind),
                Some(StmtKind::Expr { .. } | StmtKind::Assign { .. })
            ) && self.at_expr_start()
            {
                return self.expression_after_expression();
            }
            return self.invalid();
        }
        self.bump();
        Ok(())
    }

    /// An expression statement followed by another expression (`x = 1 2`, `retu{rn 1`).
    /// CPython's `invalid_expression` rule then parses the second expression: its own errors
    /// ("Perhaps you forgot a comma?" inside its brackets) win, and how far it read decides
    /// whether an unclosed bracket is reported; otherwise it is "invalid syntax" here.
    fn expression_after_expression(&mut self) -> PResult<()> {
        let (save, save_end) = (self.pos, self.prev_end);
        let second = self.expression();
        self.pos = save;
        self.prev_end = save_end;
        match second {
            Err(e) if e.kind == ErrorKind::ForgotComma => Err(e),
            _ => self.invalid(),
        }
    }

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts
    /// (`invalid_block`: "expected an indented block after {after} on line N").
    pub(super) fn block(&mut self, after: &'static str, header: Span) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.at_newline() {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !matches!(self.kind(), TokKind::Indent) {
            let line = self.line_of(header.start);
            let span = self.span();
            if matches!(self.kind(), TokKind::Error) {
                return self.invalid();
            }
            return self.fail(ErrorKind::ExpectedIndentedBlock { after, line }, span);
        }
        self.bump();
        while !matches!(self.kind(), TokKind::Dedent | TokKind::EndOfFile) {
            self.statement(&mut body)?;
        }
        self.eat_dedent();
        Ok(body)
    }

    fn eat_dedent(&mut self) {
        if matches!(self.kind(), TokKind::Dedent) {
            self.bump();
        }
    }

    /// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
    ///   | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
    ///   | global_stmt | nonlocal_stmt
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.peek().clone();
        let start = tok.span;
        let kind = match tok.kind {
            TokKind::Keyword("pass") => {
                self.bump();
                StmtKind::Pass
            }
            TokKind::Keyword("break") => {
                self.bump();
                StmtKind::Break
            }
            TokKind::Keyword("continue") => {
                self.bump();
                StmtKind::Continue
            }
            TokKind::Keyword("return") => {
                self.bump();
                let value = if self.at_expr_start() || self.at_punct("*") {
                    let v = self.star_expressions()?;
                    self.no_bare_starred(&v)?;
                    Some(v)
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            TokKind::Keyword("import") => self.import_name()?,
            TokKind::Keyword("from") => self.import_from()?,
            TokKind::Keyword("raise") => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.at_expr_start() {
                    exc = Some(self.expression()?);
                    if self.eat_kw("from").is_some() {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            TokKind::Keyword("del") => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    if !(self.at_expr_start() || self.at_punct("*")) {
                        return self.invalid();
                    }
                    let e = self.star_expression()?;
                    targets.push(self.to_target(e, ExprContext::Del, TargetKind::Del)?);
                    if self.eat_punct(",").is_none() || self.at_newline() || self.at_punct(";") {
                        break;
                    }
                }
                StmtKind::Delete { targets }
            }
            TokKind::Keyword("assert") => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat_punct(",").is_some() {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokKind::Keyword(kw @ ("global" | "nonlocal")) => {
                self.bump();
                let mut names = vec![self.expect_name()?];
                while self.eat_punct(",").is_some() {
                    names.push(self.expect_name()?);
                }
                if kw == "global" {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            TokKind::Name(ref n)
                if n == "type"
                    && matches!(self.nth(1).kind, TokKind::Name(_))
                    && (self.nth_is_punct(2, "=") || self.nth_is_punct(2, "[")) =>
            {
                return self.fail(ErrorKind::NotSupported(WHAT_TYPE_ALIAS), start);
            }
            _ => return self.assignment_or_expr(),
        };
        Ok(Stmt::new(kind, start.to(Span::at(self.prev_end))))
    }

    /// The right-hand side of an assignment: yield_expr | star_expressions.
    fn assigned_value(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        let v = self.star_expressions()?;
        self.no_bare_starred(&v)?;
        Ok(v)
    }

    /// assignment | star_expressions (an expression statement).
    fn assignment_or_expr(&mut self) -> PResult<Stmt> {
        let parenthesized = self.at_punct("(");
        let start = self.start_pos();
        let first = if self.at_kw("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if let Some(op) = augassign(self.kind()) {
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let what = target_name(&first);
                return self.fail(ErrorKind::IllegalAugAssign { what }, first.span);
            }
            self.bump();
            let target = self.to_target(first, ExprContext::Store, TargetKind::Assign)?;
            let value = self.assigned_value()?;
            let span = self.since(start);
            return Ok(Stmt::new(StmtKind::AugAssign { target, op, value }, span));
        }
        if self.at_punct(":") {
            return self.annotated(first, parenthesized, start);
        }
        if !self.at_punct("=") {
            self.no_bare_starred(&first)?;
            if let ExprKind::Name { id, .. } = &first.kind {
                if (id == "print" || id == "exec") && self.at_expr_start() {
                    let rest = self.star_expressions()?;
                    let msg = if id == "print" { MSG_PRINT } else { MSG_EXEC };
                    return self.fail(ErrorKind::Message(msg), first.span.to(rest.span));
                }
            }
            let span = self.since(start);
            return Ok(Stmt::new(StmtKind::Expr { value: first }, span));
        }
        // Each target is checked as soon as its '=' is seen, as CPython's `invalid_assignment`
        // does, so `1 = = x` reports the literal, not the second '='.
        let mut stored = Vec::new();
        let mut t = first;
        let value = loop {
            self.check_assign_target(&t, stored.is_empty())?;
            stored.push(self.to_target(t, ExprContext::Store, TargetKind::Assign)?);
            self.bump(); // '='
            let v = self.assigned_value()?;
            if !self.at_punct("=") {
                break v;
            }
            t = v;
        };
        let span = self.since(start);
        Ok(Stmt::new(
            StmtKind::Assign {
                targets: stored,
                value,
            },
            span,
        ))
    }

    /// The checks on an assignment target `t` before its '=' that give CPython's messages.
    fn check_assign_target(&mut self, t: &Expr, first: bool) -> PResult<()> {
        if matches!(t.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
            return self.fail(ErrorKind::Message(MSG_YIELD_ASSIGN), t.span);
        }
        if invalid_target(t, TargetKind::Assign).is_none() || !first || no_maybe_eq_hint(t) {
            return Ok(());
        }
        // invalid_named_expression: `f() = 1` (a bitwise_or '=' bitwise_or !('='|':=')) is
        // "... here. Maybe you meant '==' instead of '='?".
        let (save, save_end) = (self.pos, self.prev_end);
        self.bump();
        let hint = self.bitwise_or().is_ok() && !self.at_punct("=") && !self.at_punct(":=");
        self.pos = save;
        self.prev_end = save_end;
        if hint {
            let what = target_name(t);
            return self.fail(
                ErrorKind::CannotAssign {
                    what,
                    maybe_eq: true,
                },
                t.span,
            );
        }
        Ok(())
    }

    /// invalid_named_expression: a named expression followed by a single '=' where no
    /// assignment can be (`if x = 1:`, `(a=1, 2)`): "Maybe you meant '==' or ':='".
    pub(super) fn stray_assign_check(&mut self, e: Expr) -> PResult<Expr> {
        if !self.at_punct("=") {
            return Ok(e);
        }
        if matches!(e.kind, ExprKind::Name { .. }) {
            if !self.at_star_operand() {
                let eq = self.span();
                return self.fail(ErrorKind::InvalidSyntax, eq);
            }
            let (save, save_end) = (self.pos, self.prev_end);
            self.bump();
            let rhs = self.bitwise_or();
            let followed = self.at_punct("=") || self.at_punct(":=");
            self.pos = save;
            self.prev_end = save_end;
            match rhs {
                Ok(rhs) if !followed => {
                    let span = e.span.to(rhs.span);
                    return self.fail(ErrorKind::Message(MSG_MAYBE_EQ_OR_WALRUS), span);
                }
                _ => return Ok(e),
            }
        }
        if !no_maybe_eq_hint(&e) {
            let what = target_name(&e);
            return self.fail(
                ErrorKind::CannotAssign {
                    what,
                    maybe_eq: true,
                },
                e.span,
            );
        }
        Ok(e)
    }

    /// annotated assignment: target ':' expression ['=' annotated_rhs]
    fn annotated(&mut self, target: Expr, parenthesized: bool, start: u32) -> PResult<Stmt> {
        let simple = !parenthesized && matches!(target.kind, ExprKind::Name { .. });
        // The target messages need an annotation after the ':' (invalid_ann_assign_target).
        if !self.at_star_operand() {
            self.bump();
            return self.invalid();
        }
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } => {
                // CPython points at the first element of an unparenthesized tuple.
                let span = if parenthesized {
                    target.span
                } else {
                    elts[0].span
                };
                return self.fail(ErrorKind::Message(MSG_ANNOTATE_TUPLE), span);
            }
            ExprKind::List { .. } => {
                let msg = MSG_ANNOTATE_LIST;
                return self.fail(ErrorKind::Message(msg), target.span);
            }
            _ => return self.fail(ErrorKind::Message(MSG_ANNOTATE_ILLEGAL), target.span),
        }
        self.bump(); // ':'
        let annotation = self.expression()?;
        let value = if self.eat_punct("=").is_some() {
            Some(self.assigned_value()?)
        } else {
            None
        };
        let span = self.since(start);
        let target = self.to_target(target, ExprContext::Store, TargetKind::Assign)?;
        Ok(Stmt::new(
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            },
            span,
        ))
    }

    /// import_name: 'import' dotted_as_names
    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        if !matches!(self.kind(), TokKind::Name(_)) {
            if !self.at_newline() {
                return self.invalid();
            }
            let span = self.span();
            return self.fail(ErrorKind::Message(MSG_IMPORT_NAMES), span);
        }
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            names.push(self.alias_tail(name)?);
            if self.eat_punct(",").is_none() {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    /// dotted_name: dotted_name '.' NAME | NAME
    fn dotted_name(&mut self) -> PResult<Ident> {
        let mut id = self.expect_name()?;
        while self.eat_punct(".").is_some() {
            let next = self.expect_name()?;
            id.name.push('.');
            id.name.push_str(&next.name);
            id.span = id.span.to(next.span);
        }
        Ok(id)
    }

    /// The `.b.c` of a dotted name whose first part spans `first`; returns the whole span.
    fn dotted_rest(&mut self, first: Span) -> PResult<Span> {
        let mut span = first;
        while self.eat_punct(".").is_some() {
            span = span.to(self.expect_name()?.span);
        }
        Ok(span)
    }

    /// `['as' NAME]` after an imported name.
    fn alias_tail(&mut self, name: Ident) -> PResult<Alias> {
        let mut span = name.span;
        let asname = if self.eat_kw("as").is_some() {
            let a = self.expect_name()?;
            if self.at_punct(".") {
                let dotted = self.dotted_rest(a.span)?;
                return self.fail(ErrorKind::Message(MSG_IMPORT_ATTRIBUTE), dotted);
            }
            span = span.to(a.span);
            Some(a)
        } else {
            None
        };
        Ok(Alias { name, asname, span })
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///            | 'from' ('.' | '...')+ 'import' import_from_targets
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_punct(".").is_some() {
                level += 1;
            } else if self.eat_punct("...").is_some() {
                level += 3;
            } else {
                break;
            }
        }
        let module = if matches!(self.kind(), TokKind::Name(_)) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if module.is_none() && level == 0 {
            return self.invalid();
        }
        if self.eat_kw("import").is_none() {
            return self.invalid();
        }
        let mut names = Vec::new();
        if let Some(star) = self.eat_punct("*") {
            let name = Ident {
                name: "*".into(),
                span: star,
            };
            names.push(Alias {
                name,
                asname: None,
                span: star,
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parens = self.eat_punct("(").is_some();
        if !matches!(self.kind(), TokKind::Name(_)) {
            if parens {
                return self.invalid();
            }
            if !self.at_newline() {
                return self.invalid();
            }
            let span = self.span();
            return self.fail(ErrorKind::Message(MSG_IMPORT_NAMES), span);
        }
        loop {
            let name = self.expect_name()?;
            names.push(self.alias_tail(name)?);
            if self.eat_punct(",").is_none() {
                break;
            }
            if !matches!(self.kind(), TokKind::Name(_)) {
                if parens {
                    break;
                }
                let span = self.span();
                return self.fail(ErrorKind::Message(MSG_TRAILING_COMMA_IMPORT), span);
            }
        }
        if parens {
            self.expect_punct(")")?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }
}
