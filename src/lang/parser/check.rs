//! Checks CPython makes after parsing, in its compiler and symbol table
//! (`Python/compile.c`, `Python/symtable.c`): `return`/`yield`/`await`/`break`/`continue`
//! where they may appear, `async for`/`async with`/async comprehensions outside `async def`,
//! `nonlocal` at module level. Runs on a successfully parsed module, so the parser's own
//! errors come first, as in CPython.

use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::span::Span;

/// Where a node sits.
#[derive(Clone, Copy)]
struct Ctx {
    /// Inside a `def` or `lambda` (not counting class bodies in between).
    in_function: bool,
    /// The innermost function is an `async def`.
    is_async: bool,
    /// Inside a loop body of the innermost function (not its `else`).
    in_loop: bool,
    /// At module level (not in a class either).
    at_module: bool,
    /// Inside a list/set/dict comprehension (where `await` makes it asynchronous).
    in_comprehension: Option<Span>,
}

type CResult = Result<(), SyntaxError>;

fn err(msg: &'static str, span: Span) -> CResult {
    Err(SyntaxError::new(ErrorKind::OutsideContext(msg), span))
}

/// Checks the whole module.
pub(super) fn check_module(m: &Module) -> CResult {
    let ctx = Ctx {
        in_function: false,
        is_async: false,
        in_loop: false,
        at_module: true,
        in_comprehension: None,
    };
    body(&m.body, ctx)
}

fn body(stmts: &[Stmt], ctx: Ctx) -> CResult {
    stmts.iter().try_for_each(|s| stmt(s, ctx))
}

fn stmt(s: &Stmt, ctx: Ctx) -> CResult {
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().try_for_each(|d| expr(d, ctx))?;
            params(&f.params, ctx)?;
            if let Some(r) = &f.returns {
                expr(r, ctx)?;
            }
            let inner = Ctx {
                in_function: true,
                is_async: f.is_async,
                in_loop: false,
                at_module: false,
                in_comprehension: None,
            };
            body(&f.body, inner)
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().try_for_each(|d| expr(d, ctx))?;
            c.bases.iter().try_for_each(|b| expr(b, ctx))?;
            c.keywords.iter().try_for_each(|k| expr(&k.value, ctx))?;
            // A class body is not a function: `return` and `await` are not allowed in it.
            let inner = Ctx {
                in_function: false,
                is_async: false,
                in_loop: false,
                at_module: false,
                in_comprehension: None,
            };
            body(&c.body, inner)
        }
        StmtKind::Return { value } => {
            if !ctx.in_function {
                return err(MSG_RETURN_OUTSIDE, s.span);
            }
            value.iter().try_for_each(|v| expr(v, ctx))
        }
        StmtKind::Delete { targets } => targets.iter().try_for_each(|t| expr(t, ctx)),
        StmtKind::Assign { targets, value } => {
            targets.iter().try_for_each(|t| expr(t, ctx))?;
            expr(value, ctx)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, ctx)?;
            expr(value, ctx)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            expr(target, ctx)?;
            expr(annotation, ctx)?;
            value.iter().try_for_each(|v| expr(v, ctx))
        }
        StmtKind::For {
            is_async,
            target,
            iter,
            body: b,
            orelse,
        } => {
            if *is_async && !ctx.is_async {
                return err(MSG_ASYNC_FOR_OUTSIDE, s.span);
            }
            expr(target, ctx)?;
            expr(iter, ctx)?;
            body(
                b,
                Ctx {
                    in_loop: true,
                    ..ctx
                },
            )?;
            body(orelse, ctx)
        }
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => {
            expr(test, ctx)?;
            body(
                b,
                Ctx {
                    in_loop: true,
                    ..ctx
                },
            )?;
            body(orelse, ctx)
        }
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => {
            expr(test, ctx)?;
            body(b, ctx)?;
            body(orelse, ctx)
        }
        StmtKind::With {
            is_async,
            items,
            body: b,
        } => {
            if *is_async && !ctx.is_async {
                return err(MSG_ASYNC_WITH_OUTSIDE, s.span);
            }
            for it in items {
                expr(&it.context_expr, ctx)?;
                it.optional_vars.iter().try_for_each(|v| expr(v, ctx))?;
            }
            body(b, ctx)
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().try_for_each(|e| expr(e, ctx))?;
            cause.iter().try_for_each(|e| expr(e, ctx))
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            body(b, ctx)?;
            for h in handlers {
                h.type_.iter().try_for_each(|t| expr(t, ctx))?;
                body(&h.body, ctx)?;
            }
            body(orelse, ctx)?;
            body(finalbody, ctx)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, ctx)?;
            msg.iter().try_for_each(|m| expr(m, ctx))
        }
        StmtKind::Nonlocal { .. } if ctx.at_module => err(MSG_NONLOCAL_MODULE, s.span),
        StmtKind::Expr { value } => expr(value, ctx),
        StmtKind::Break if !ctx.in_loop => err(MSG_BREAK_OUTSIDE, s.span),
        StmtKind::Continue if !ctx.in_loop => err(MSG_CONTINUE_OUTSIDE, s.span),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => Ok(()),
    }
}

fn params(p: &Parameters, ctx: Ctx) -> CResult {
    let all = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg);
    for param in all {
        param.annotation.iter().try_for_each(|a| expr(a, ctx))?;
        param.default.iter().try_for_each(|d| expr(d, ctx))?;
    }
    Ok(())
}

fn comprehension(
    elts: &[&Expr],
    gens: &[Comprehension],
    ctx: Ctx,
    is_genexp: bool,
    span: Span,
) -> CResult {
    // The first iterable is evaluated in the enclosing scope.
    if let Some(first) = gens.first() {
        expr(&first.iter, ctx)?;
    }
    let uses_async = gens.iter().any(|g| g.is_async);
    // An async comprehension needs an async function (a generator expression may be async
    // anywhere: it becomes an async generator).
    if uses_async && !ctx.is_async && !is_genexp {
        return err(MSG_ASYNC_COMPREHENSION_OUTSIDE, span);
    }
    let inner = if is_genexp {
        Ctx {
            in_function: true,
            is_async: true,
            in_loop: false,
            at_module: false,
            in_comprehension: None,
        }
    } else {
        Ctx {
            in_loop: false,
            at_module: false,
            in_comprehension: Some(span),
            ..ctx
        }
    };
    for (i, g) in gens.iter().enumerate() {
        expr(&g.target, inner)?;
        if i > 0 {
            expr(&g.iter, inner)?;
        }
        g.ifs.iter().try_for_each(|c| expr(c, inner))?;
    }
    elts.iter().try_for_each(|e| expr(e, inner))
}

fn expr(e: &Expr, ctx: Ctx) -> CResult {
    match &e.kind {
        ExprKind::Await { value } => {
            if let (Some(span), false) = (ctx.in_comprehension, ctx.is_async) {
                return err(MSG_ASYNC_COMPREHENSION_OUTSIDE, span);
            }
            if !ctx.in_function {
                return err(MSG_AWAIT_OUTSIDE, e.span);
            }
            if !ctx.is_async {
                return err(MSG_AWAIT_OUTSIDE_ASYNC, e.span);
            }
            expr(value, ctx)
        }
        ExprKind::Yield { value } => {
            if !ctx.in_function {
                return err(MSG_YIELD_OUTSIDE, e.span);
            }
            value.iter().try_for_each(|v| expr(v, ctx))
        }
        ExprKind::YieldFrom { value } => {
            if !ctx.in_function {
                return err(MSG_YIELD_OUTSIDE, e.span);
            }
            if ctx.is_async {
                return err(MSG_YIELD_IN_ASYNC_FROM, e.span);
            }
            expr(value, ctx)
        }
        ExprKind::Lambda { params: p, body: b } => {
            params(p, ctx)?;
            let inner = Ctx {
                in_function: true,
                is_async: false,
                in_loop: false,
                at_module: false,
                in_comprehension: None,
            };
            expr(b, inner)
        }
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
            comprehension(&[elt], generators, ctx, false, e.span)
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(&[elt], generators, ctx, true, e.span)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(&[key, value], generators, ctx, false, e.span),
        ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| expr(v, ctx)),
        ExprKind::NamedExpr { target, value } => {
            expr(target, ctx)?;
            expr(value, ctx)
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, ctx)?;
            expr(right, ctx)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, ctx),
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, ctx)?;
            expr(body, ctx)?;
            expr(orelse, ctx)
        }
        ExprKind::Dict { items } => items.iter().try_for_each(|it| match it {
            DictItem::KeyValue { key, value } => {
                expr(key, ctx)?;
                expr(value, ctx)
            }
            DictItem::Unpack(v) => expr(v, ctx),
        }),
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().try_for_each(|x| expr(x, ctx))
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            expr(left, ctx)?;
            comparators.iter().try_for_each(|c| expr(c, ctx))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(func, ctx)?;
            args.iter().try_for_each(|a| expr(a, ctx))?;
            keywords.iter().try_for_each(|k| expr(&k.value, ctx))
        }
        ExprKind::FString { parts } => fstring(parts, ctx),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Subscript { value, slice, .. } => {
            expr(value, ctx)?;
            expr(slice, ctx)
        }
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .try_for_each(|x| expr(x, ctx)),
        ExprKind::Constant { .. } | ExprKind::Name { .. } => Ok(()),
    }
}

fn fstring(parts: &[FStringPart], ctx: Ctx) -> CResult {
    for p in parts {
        if let FStringPart::Field(f) = p {
            expr(&f.value, ctx)?;
            if let Some(spec) = &f.format_spec {
                fstring(spec, ctx)?;
            }
        }
    }
    Ok(())
}
