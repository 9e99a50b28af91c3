//! Exception handlers and context managers: `try`/`except`/`except*`/`finally`, `with`,
//! `async with`, `async for` (CPython `compiler_try_except`, `compiler_try_finally`,
//! `compiler_try_star_except`, `compiler_with`, `compiler_async_with`, `compiler_async_for`).

use super::{Compiler, FBlock, Op};
use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::value::Value;

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        let to_end = self.emit(Op::Jump(0));
        self.patch(setup);
        // Stack: [exc].
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupFinally(0));
        let mut ends = vec![to_end];
        for h in handlers {
            self.with_span(h.span, |c| -> R {
                let mut next = None;
                if let Some(t) = &h.type_ {
                    c.expr(t)?;
                    c.emit(Op::CheckExcMatch);
                    next = Some(c.emit(Op::PopJumpIfFalse(0)));
                }
                if let Some(n) = &h.name {
                    c.emit(Op::Dup);
                    c.name_op(&n.name, ExprContext::Store);
                }
                // The handler body runs with the exception at TOS.
                c.unit().fblocks.push(FBlock::HandlerCleanup(
                    h.name.as_ref().map(|n| n.name.clone()),
                ));
                c.stmts(&h.body)?;
                c.unit().fblocks.pop();
                c.emit(Op::PopBlock);
                c.emit(Op::PopExcept);
                if let Some(n) = &h.name {
                    c.load_const(Value::None);
                    c.name_op(&n.name, ExprContext::Store);
                    c.name_op(&n.name, ExprContext::Del);
                }
                ends.push(c.emit(Op::Jump(0)));
                if let Some(nx) = next {
                    c.patch(nx);
                }
                Ok(())
            })?;
        }
        // No handler matched: re-raise (the handled-exception entry is popped by Reraise).
        self.emit(Op::PopBlock);
        self.emit(Op::Reraise);
        self.patch(cleanup);
        self.emit(Op::PopExceptReraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    pub(super) fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> R {
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryFinally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        let to_end = self.emit(Op::Jump(0));
        self.patch(setup);
        // Exceptional path: stack [exc].
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::Reraise);
        self.patch(cleanup);
        self.emit(Op::PopExceptReraise);
        self.patch(to_end);
        Ok(())
    }

    /// `try: ... except* T: ...` (`compiler_try_star_except`): each clause takes the
    /// matching part of the group; what is left and what handlers raise is raised again.
    pub(super) fn try_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        let to_end = self.emit(Op::Jump(0));
        self.patch(setup);
        // Stack: [exc].
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupFinally(0));
        self.emit(Op::StarPrep);
        for h in handlers {
            self.with_span(h.span, |c| -> R {
                match &h.type_ {
                    Some(t) => c.expr(t)?,
                    None => c.load_const(Value::None),
                }
                c.emit(Op::StarMatch);
                c.emit(Op::Dup);
                c.load_const(Value::None);
                c.emit(Op::IsOp(0));
                let skip = c.emit(Op::PopJumpIfTrue(0));
                match &h.name {
                    Some(n) => c.name_op(&n.name, ExprContext::Store),
                    None => {
                        c.emit(Op::Pop);
                    }
                }
                let err = c.emit(Op::SetupFinally(0));
                c.unit().fblocks.push(FBlock::TryExcept);
                c.stmts(&h.body)?;
                c.unit().fblocks.pop();
                c.emit(Op::PopBlock);
                c.emit(Op::StarClauseEnd);
                let next = c.emit(Op::Jump(0));
                c.patch(err);
                c.emit(Op::StarCollect);
                let next2 = c.emit(Op::Jump(0));
                c.patch(skip);
                c.emit(Op::Pop);
                c.patch(next);
                c.patch(next2);
                if let Some(n) = &h.name {
                    c.load_const(Value::None);
                    c.name_op(&n.name, ExprContext::Store);
                    c.name_op(&n.name, ExprContext::Del);
                }
                Ok(())
            })?;
        }
        // Raises what is left (leaving through `cleanup`'s block), or continues.
        self.emit(Op::StarReraise);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        let to_end2 = self.emit(Op::Jump(0));
        self.patch(cleanup);
        self.emit(Op::PopExceptReraise);
        self.patch(to_end);
        self.patch(to_end2);
        Ok(())
    }

    pub(super) fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.with_span(first.span, |c| c.expr(&first.context_expr))?;
        let setup = self.with_span(first.span, |c| c.emit(Op::SetupWith(0)));
        match &first.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::CallExitNone);
        let to_end = self.emit(Op::Jump(0));
        self.patch(setup);
        // Stack: [exit, exc].
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupFinally(0));
        self.emit(Op::WithExceptStart);
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::PopBlock);
        self.emit(Op::Reraise);
        self.patch(suppress);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let to_end2 = self.emit(Op::Jump(0));
        self.patch(cleanup);
        self.emit(Op::PopExceptReraise);
        self.patch(to_end);
        self.patch(to_end2);
        Ok(())
    }

    /// `async with` (`compiler_async_with`): like `with`, awaiting `__aenter__` and
    /// `__aexit__`.
    pub(super) fn async_with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.with_span(first.span, |c| -> R {
            c.expr(&first.context_expr)?;
            c.emit(Op::BeforeAsyncWith);
            c.await_tos();
            Ok(())
        })?;
        let setup = self.emit(Op::SetupAsyncWith(0));
        match &first.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::AsyncWith);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.async_with(rest, body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        // Errors from `__aexit__` point at the context expression, as in CPython.
        let ctx = &first.context_expr;
        let anchor = match &ctx.kind {
            ExprKind::Call { func, .. } => Some((func.span.end, ctx.span.end)),
            _ => None,
        };
        self.with_span(ctx.span, |c| {
            c.unit().anchor = anchor;
            c.emit(Op::CallExitAsync);
            c.await_tos();
        });
        self.emit(Op::Pop);
        let to_end = self.emit(Op::Jump(0));
        self.patch(setup);
        // Stack: [aexit, exc].
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupFinally(0));
        self.with_span(ctx.span, |c| {
            c.unit().anchor = anchor;
            c.emit(Op::WithExceptStart);
            c.await_tos();
        });
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::PopBlock);
        self.emit(Op::Reraise);
        self.patch(suppress);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let to_end2 = self.emit(Op::Jump(0));
        self.patch(cleanup);
        self.emit(Op::PopExceptReraise);
        self.patch(to_end);
        self.patch(to_end2);
        Ok(())
    }

    /// `async for` (`compiler_async_for`): `__anext__` awaited until `StopAsyncIteration`.
    pub(super) fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        let head = self.here();
        let setup = self.emit(Op::SetupFinally(0));
        self.emit(Op::GetANext);
        self.await_tos();
        self.emit(Op::PopBlock);
        self.store(target)?;
        self.unit().fblocks.push(FBlock::For {
            head,
            breaks: Vec::new(),
        });
        self.stmts(body)?;
        self.emit(Op::Jump(head as u32));
        let breaks = match self.unit().fblocks.pop() {
            Some(FBlock::For { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch(setup);
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    /// `await TOS`.
    pub(super) fn await_tos(&mut self) {
        self.emit(Op::GetAwaitable);
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
    }
}
