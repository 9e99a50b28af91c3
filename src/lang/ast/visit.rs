//! Walking the tree: the direct children of a statement or expression, in source order
//! (like CPython's `ast.iter_child_nodes`, restricted to statements and expressions).
//!
//! `for_each_child` calls back once per child statement or expression; recursion is the
//! caller's (so a pass can stop at function boundaries, keep a scope stack, and so on).

use super::*;

/// A direct child of a node.
#[derive(Clone, Copy, Debug)]
pub enum Child<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

fn params<'a>(p: &'a Parameters, f: &mut impl FnMut(Child<'a>)) {
    let all = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg);
    for param in all {
        if let Some(a) = &param.annotation {
            f(Child::Expr(a));
        }
        if let Some(d) = &param.default {
            f(Child::Expr(d));
        }
    }
}

fn exprs<'a>(es: &'a [Expr], f: &mut impl FnMut(Child<'a>)) {
    es.iter().for_each(|e| f(Child::Expr(e)));
}

fn stmts<'a>(ss: &'a [Stmt], f: &mut impl FnMut(Child<'a>)) {
    ss.iter().for_each(|s| f(Child::Stmt(s)));
}

fn comprehensions<'a>(gens: &'a [Comprehension], f: &mut impl FnMut(Child<'a>)) {
    for g in gens {
        f(Child::Expr(&g.target));
        f(Child::Expr(&g.iter));
        exprs(&g.ifs, f);
    }
}

fn fstring_parts<'a>(parts: &'a [FStringPart], f: &mut impl FnMut(Child<'a>)) {
    for p in parts {
        if let FStringPart::Field(v) = p {
            f(Child::Expr(&v.value));
            if let Some(spec) = &v.format_spec {
                fstring_parts(spec, f);
            }
        }
    }
}

/// Calls `f` for each direct child of `s` (decorators, defaults and annotations first for a
/// `def`, then its body).
pub fn for_each_stmt_child<'a>(s: &'a Stmt, f: &mut impl FnMut(Child<'a>)) {
    match &s.kind {
        StmtKind::FunctionDef(d) => {
            exprs(&d.decorators, f);
            params(&d.params, f);
            if let Some(r) = &d.returns {
                f(Child::Expr(r));
            }
            stmts(&d.body, f);
        }
        StmtKind::ClassDef(c) => {
            exprs(&c.decorators, f);
            exprs(&c.bases, f);
            c.keywords.iter().for_each(|k| f(Child::Expr(&k.value)));
            stmts(&c.body, f);
        }
        StmtKind::Return { value } => value.iter().for_each(|v| f(Child::Expr(v))),
        StmtKind::Delete { targets } => exprs(targets, f),
        StmtKind::Assign { targets, value } => {
            exprs(targets, f);
            f(Child::Expr(value));
        }
        StmtKind::AugAssign { target, value, .. } => {
            f(Child::Expr(target));
            f(Child::Expr(value));
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            f(Child::Expr(target));
            f(Child::Expr(annotation));
            value.iter().for_each(|v| f(Child::Expr(v)));
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            f(Child::Expr(target));
            f(Child::Expr(iter));
            stmts(body, f);
            stmts(orelse, f);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            f(Child::Expr(test));
            stmts(body, f);
            stmts(orelse, f);
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                f(Child::Expr(&it.context_expr));
                it.optional_vars.iter().for_each(|v| f(Child::Expr(v)));
            }
            stmts(body, f);
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().chain(cause).for_each(|e| f(Child::Expr(e)));
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            stmts(body, f);
            for h in handlers {
                h.type_.iter().for_each(|t| f(Child::Expr(t)));
                stmts(&h.body, f);
            }
            stmts(orelse, f);
            stmts(finalbody, f);
        }
        StmtKind::Assert { test, msg } => {
            f(Child::Expr(test));
            msg.iter().for_each(|m| f(Child::Expr(m)));
        }
        StmtKind::Expr { value } => f(Child::Expr(value)),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

/// Calls `f` for each direct child expression of `e`, in source order.
pub fn for_each_expr_child<'a>(e: &'a Expr, f: &mut impl FnMut(Child<'a>)) {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => exprs(values, f),
        ExprKind::NamedExpr { target, value } => {
            f(Child::Expr(target));
            f(Child::Expr(value));
        }
        ExprKind::BinOp { left, right, .. } => {
            f(Child::Expr(left));
            f(Child::Expr(right));
        }
        ExprKind::UnaryOp { operand, .. } => f(Child::Expr(operand)),
        ExprKind::Lambda { params: p, body } => {
            params(p, f);
            f(Child::Expr(body));
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(Child::Expr(body));
            f(Child::Expr(test));
            f(Child::Expr(orelse));
        }
        ExprKind::Dict { items } => {
            for it in items {
                match it {
                    DictItem::KeyValue { key, value } => {
                        f(Child::Expr(key));
                        f(Child::Expr(value));
                    }
                    DictItem::Unpack(v) => f(Child::Expr(v)),
                }
            }
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            exprs(elts, f)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(Child::Expr(elt));
            comprehensions(generators, f);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            f(Child::Expr(key));
            f(Child::Expr(value));
            comprehensions(generators, f);
        }
        ExprKind::Await { value }
        | ExprKind::YieldFrom { value }
        | ExprKind::Attribute { value, .. }
        | ExprKind::Starred { value, .. } => f(Child::Expr(value)),
        ExprKind::Yield { value } => value.iter().for_each(|v| f(Child::Expr(v))),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(Child::Expr(left));
            exprs(comparators, f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(Child::Expr(func));
            exprs(args, f);
            keywords.iter().for_each(|k| f(Child::Expr(&k.value)));
        }
        ExprKind::FString { parts } => fstring_parts(parts, f),
        ExprKind::Subscript { value, slice, .. } => {
            f(Child::Expr(value));
            f(Child::Expr(slice));
        }
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step]
                .into_iter()
                .flatten()
                .for_each(|x| f(Child::Expr(x)));
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

/// Calls `f` for each direct child of either kind of node.
pub fn for_each_child<'a>(node: Child<'a>, f: &mut impl FnMut(Child<'a>)) {
    match node {
        Child::Stmt(s) => for_each_stmt_child(s, f),
        Child::Expr(e) => for_each_expr_child(e, f),
    }
}

impl Child<'_> {
    pub fn span(&self) -> crate::lang::span::Span {
        match self {
            Child::Stmt(s) => s.span,
            Child::Expr(e) => e.span,
        }
    }
}
