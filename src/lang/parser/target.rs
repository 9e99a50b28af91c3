//! Assignment and deletion targets: checking that an expression can be assigned to and
//! setting its context (CPython `Parser/pegen.c` `_PyPegen_get_invalid_target`,
//! `_PyPegen_get_expr_name`, and the starred-target checks of `Python/compile.c`).

use super::{PResult, Parser};
use crate::lang::ast::*;
use crate::lang::error::*;

/// What a target is for; decides the wording of the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// `=` and `with ... as`: "cannot assign to X".
    Assign,
    /// `for` targets (where `a in b` was parsed as a comparison): "cannot assign to X".
    For,
    /// `del`: "cannot delete X".
    Del,
}

/// CPython's name for a kind of expression in messages (`_PyPegen_get_expr_name`).
pub(crate) fn target_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::FString { .. } => "f-string expression",
        ExprKind::Constant { value } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression of `e` that cannot be a target (`_PyPegen_get_invalid_target`).
pub(crate) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops.first() == Some(&CmpOp::In) {
                invalid_target(left, kind)
            } else {
                None
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Sets the context of a valid target and of its elements.
fn set_ctx(e: Expr, ctx: ExprContext) -> Expr {
    let span = e.span;
    let kind = match e.kind {
        ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
        ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
        ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
        ExprKind::Starred { value, .. } => ExprKind::Starred {
            value: Box::new(set_ctx(*value, ctx)),
            ctx,
        },
        ExprKind::Tuple { elts, .. } => ExprKind::Tuple {
            elts: elts.into_iter().map(|x| set_ctx(x, ctx)).collect(),
            ctx,
        },
        ExprKind::List { elts, .. } => ExprKind::List {
            elts: elts.into_iter().map(|x| set_ctx(x, ctx)).collect(),
            ctx,
        },
        other => other,
    };
    Expr::new(kind, span)
}

/// Starred targets: at most one per tuple/list (at every level), never alone.
fn check_starred(e: &Expr, top: bool) -> Result<(), SyntaxError> {
    match &e.kind {
        ExprKind::Starred { value, .. } => {
            if top {
                return Err(SyntaxError::new(
                    ErrorKind::Message(MSG_STAR_TARGET_ALONE),
                    e.span,
                ));
            }
            check_starred(value, true)
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            let stars = elts
                .iter()
                .filter(|x| matches!(x.kind, ExprKind::Starred { .. }));
            if stars.count() > 1 {
                return Err(SyntaxError::new(
                    ErrorKind::Message(MSG_MULTIPLE_STARRED),
                    e.span,
                ));
            }
            elts.iter().try_for_each(|x| check_starred(x, false))
        }
        _ => Ok(()),
    }
}

impl Parser<'_> {
    /// Turns an expression into a target with context `ctx`, or fails with CPython's message.
    pub(super) fn to_target(&self, e: Expr, ctx: ExprContext, kind: TargetKind) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, kind) {
            let what = target_name(bad);
            let err = match kind {
                TargetKind::Del => ErrorKind::CannotDelete { what },
                _ => ErrorKind::CannotAssign {
                    what,
                    maybe_eq: false,
                },
            };
            return self.fail(err, bad.span);
        }
        if kind != TargetKind::Del {
            check_starred(&e, true)?;
        }
        Ok(set_ctx(e, ctx))
    }

    /// star_targets: star_target (',' star_target)* [',']  (for `for` and comprehensions:
    /// each element is parsed at `bitwise_or` level so that `in` ends it).
    pub(super) fn star_targets(&mut self, kind: TargetKind) -> PResult<Expr> {
        let start = self.start_pos();
        let first = self.star_target_elt()?;
        let e = if self.at_punct(",") {
            let mut elts = vec![first];
            while self.eat_punct(",").is_some() {
                if !(self.at_expr_start() || self.at_punct("*")) {
                    break;
                }
                elts.push(self.star_target_elt()?);
            }
            let span = self.since(start);
            Expr::new(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                span,
            )
        } else {
            first
        };
        self.to_target(e, ExprContext::Store, kind)
    }

    fn star_target_elt(&mut self) -> PResult<Expr> {
        if let Some(star) = self.eat_punct("*") {
            self.enter()?;
            let value = self.bitwise_or();
            self.leave();
            let value = value?;
            let span = self.since(star.start);
            let kind = ExprKind::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
            };
            return Ok(Expr::new(kind, span));
        }
        self.bitwise_or()
    }
}
