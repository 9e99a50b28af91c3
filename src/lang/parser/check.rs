//! Checks CPython makes after parsing, in its compiler and symbol table
//! (`Python/compile.c`, `Python/symtable.c`): `return`/`yield`/`await`/`break`/`continue`
//! where they may appear, `async for`/`async with`/async comprehensions outside `async def`,
//! `nonlocal` at module level. Runs on a successfully parsed module, so the parser's own
//! errors come first, as in CPython.

use crate::lang::ast::*;
use crate::lang::error::*;
use crate::lang::span::Span;
use std::cell::Cell;

/// What the checker learns about one function body while walking it.
#[derive(Default)]
struct FnState {
    has_yield: Cell<bool>,
    first_return_value: Cell<Option<Span>>,
}

/// Where a node sits.
#[derive(Clone, Copy)]
struct Ctx<'a> {
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
    /// Inside a comprehension or generator expression, named as in CPython's message for a
    /// `yield` there ("list comprehension", "generator expression", ...).
    comprehension_kind: Option<&'static str>,
    /// The innermost function (or lambda) being walked.
    function: Option<&'a FnState>,
    /// Inside an annotation (no `yield`, `await` or `:=` there).
    in_annotation: bool,
}

impl<'a> Ctx<'a> {
    fn module() -> Ctx<'a> {
        Ctx {
            in_function: false,
            is_async: false,
            in_loop: false,
            at_module: true,
            in_comprehension: None,
            comprehension_kind: None,
            function: None,
            in_annotation: false,
        }
    }

    fn annotation(self) -> Ctx<'a> {
        Ctx {
            in_annotation: true,
            ..self
        }
    }

    fn function(is_async: bool, state: &'a FnState) -> Ctx<'a> {
        Ctx {
            in_function: true,
            is_async,
            at_module: false,
            function: Some(state),
            ..Ctx::module()
        }
    }

    /// A class body is not a function: `return` and `await` are not allowed in it.
    fn class_body() -> Ctx<'a> {
        Ctx {
            at_module: false,
            ..Ctx::module()
        }
    }
}

type CResult = Result<(), SyntaxError>;

fn err(msg: &'static str, span: Span) -> CResult {
    Err(SyntaxError::new(ErrorKind::OutsideContext(msg), span))
}

/// Checks the whole module.
pub(super) fn check_module(m: &Module) -> CResult {
    body(&m.body, Ctx::module())
}

fn body(stmts: &[Stmt], ctx: Ctx<'_>) -> CResult {
    stmts.iter().try_for_each(|s| stmt(s, ctx))
}

fn stmt(s: &Stmt, ctx: Ctx<'_>) -> CResult {
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().try_for_each(|d| expr(d, ctx))?;
            params(&f.params, ctx)?;
            if let Some(r) = &f.returns {
                expr(r, ctx.annotation())?;
            }
            let state = FnState::default();
            body(&f.body, Ctx::function(f.is_async, &state))?;
            match state.first_return_value.get() {
                Some(span) if f.is_async && state.has_yield.get() => {
                    err(MSG_RETURN_VALUE_IN_ASYNC_GEN, span)
                }
                _ => Ok(()),
            }
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().try_for_each(|d| expr(d, ctx))?;
            c.bases.iter().try_for_each(|b| expr(b, ctx))?;
            c.keywords.iter().try_for_each(|k| expr(&k.value, ctx))?;
            body(&c.body, Ctx::class_body())
        }
        StmtKind::Return { value } => {
            if !ctx.in_function {
                return err(MSG_RETURN_OUTSIDE, s.span);
            }
            if let (Some(f), Some(_)) = (ctx.function, value) {
                if f.first_return_value.get().is_none() {
                    f.first_return_value.set(Some(s.span));
                }
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
            expr(annotation, ctx.annotation())?;
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

fn params(p: &Parameters, ctx: Ctx<'_>) -> CResult {
    let all = || {
        p.posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
    };
    // A symbol-table error in CPython, so it comes after every parse error.
    for (i, param) in all().enumerate() {
        if all().take(i).any(|q| q.name.name == param.name.name) {
            let kind = ErrorKind::DuplicateArgument(param.name.name.clone());
            return Err(SyntaxError::new(kind, param.name.span));
        }
    }
    for param in all() {
        param
            .annotation
            .iter()
            .try_for_each(|a| expr(a, ctx.annotation()))?;
        param.default.iter().try_for_each(|d| expr(d, ctx))?;
    }
    Ok(())
}

fn comprehension(
    elts: &[&Expr],
    gens: &[Comprehension],
    ctx: Ctx<'_>,
    kind: &'static str,
    span: Span,
) -> CResult {
    let is_genexp = kind == "generator expression";
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
            at_module: false,
            comprehension_kind: Some(kind),
            ..Ctx::module()
        }
    } else {
        Ctx {
            in_loop: false,
            at_module: false,
            in_comprehension: Some(span),
            comprehension_kind: Some(kind),
            function: None,
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

fn expr(e: &Expr, ctx: Ctx<'_>) -> CResult {
    match &e.kind {
        ExprKind::Await { value } => {
            if ctx.in_annotation {
                return Err(SyntaxError::named(MSG_IN_ANNOTATION, "await", e.span));
            }
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
            yield_here(e.span, ctx)?;
            value.iter().try_for_each(|v| expr(v, ctx))
        }
        ExprKind::YieldFrom { value } => {
            yield_here(e.span, ctx)?;
            if ctx.is_async {
                return err(MSG_YIELD_IN_ASYNC_FROM, e.span);
            }
            expr(value, ctx)
        }
        ExprKind::Lambda { params: p, body: b } => {
            params(p, ctx)?;
            let state = FnState::default();
            expr(b, Ctx::function(false, &state))
        }
        ExprKind::ListComp { elt, generators } => {
            comprehension(&[elt], generators, ctx, "list comprehension", e.span)
        }
        ExprKind::SetComp { elt, generators } => {
            comprehension(&[elt], generators, ctx, "set comprehension", e.span)
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(&[elt], generators, ctx, "generator expression", e.span)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(&[key, value], generators, ctx, "dict comprehension", e.span),
        ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| expr(v, ctx)),
        ExprKind::NamedExpr { target, value } => {
            if ctx.in_annotation {
                return Err(SyntaxError::named(MSG_IN_ANNOTATION, "named", e.span));
            }
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

/// A `yield` or `yield from` at `span`: allowed directly in a function body only.
fn yield_here(span: Span, ctx: Ctx<'_>) -> CResult {
    if ctx.in_annotation {
        return Err(SyntaxError::named(MSG_IN_ANNOTATION, "yield", span));
    }
    if let Some(kind) = ctx.comprehension_kind {
        return Err(SyntaxError::named(MSG_YIELD_INSIDE, kind, span));
    }
    if !ctx.in_function {
        return err(MSG_YIELD_OUTSIDE, span);
    }
    if let Some(f) = ctx.function {
        f.has_yield.set(true);
    }
    Ok(())
}

fn fstring(parts: &[FStringPart], ctx: Ctx<'_>) -> CResult {
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
