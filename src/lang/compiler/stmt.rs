//! Statements (CPython `Python/compile.c` `compiler_visit_stmt` and friends).

use std::rc::Rc;

use super::{CodeKind, Compiler, FBlock, Op};
use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::value::Value;

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn stmt(&mut self, s: &'a Stmt) -> R {
        self.with_span(s.span, |c| c.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr { value } => {
                self.expr(value)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                // In a class body, record the field in `__annotations__` (its value is not
                // evaluated: CPython 3.14 defers annotations); dataclasses read the names.
                if let (true, CodeKind::Class, ExprKind::Name { id, .. }) =
                    (*simple, self.unit().kind, &target.kind)
                {
                    self.load_const(Value::None);
                    let ai = self.name_index("__annotations__");
                    self.emit(Op::LoadName(ai));
                    self.load_const(Value::str(id));
                    self.emit(Op::StoreSubscr);
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let je = self.emit(Op::Jump(0));
                    self.patch(jf);
                    self.stmts(orelse)?;
                    self.patch(je);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let head = self.here();
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::While {
                    head,
                    breaks: Vec::new(),
                });
                self.stmts(body)?;
                self.emit(Op::Jump(head as u32));
                let breaks = match self.unit().fblocks.pop() {
                    Some(FBlock::While { breaks, .. }) => breaks,
                    _ => Vec::new(),
                };
                self.patch(jf);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse);
                }
                self.expr(iter)?;
                self.emit(Op::GetIter);
                let head = self.here();
                let fi = self.emit(Op::ForIter(0));
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
                self.patch(fi);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::Break => self.break_continue(true)?,
            StmtKind::Continue => self.break_continue(false)?,
            StmtKind::Return { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_all(true)?;
                self.emit(Op::ReturnValue);
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let ok = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch(ok);
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if *is_star && finalbody.is_empty() {
                    self.try_star(body, handlers, orelse)?;
                } else if *is_star {
                    let setup = self.emit(Op::SetupFinally(0));
                    self.unit().fblocks.push(FBlock::TryFinally(finalbody));
                    self.try_star(body, handlers, orelse)?;
                    self.unit().fblocks.pop();
                    self.emit(Op::PopBlock);
                    self.stmts(finalbody)?;
                    let to_end = self.emit(Op::Jump(0));
                    self.patch(setup);
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
                } else if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async {
                    self.async_with(items, body)?;
                } else {
                    self.with(items, body)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    let full = self.name_index(&a.name.name);
                    self.emit(Op::ImportName(full));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Op::LoadAttr(i));
                            }
                            self.name_op(&asname.name, ExprContext::Store);
                        }
                        None => {
                            let top = a.name.name.split('.').next().unwrap_or("").to_string();
                            if top != a.name.name {
                                // `import a.b` binds `a`: import the top level too.
                                self.emit(Op::Pop);
                                let i = self.name_index(&top);
                                self.emit(Op::ImportName(i));
                            }
                            self.name_op(&top, ExprContext::Store);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return self.unsupported("relative imports");
                }
                let m = module.as_ref().map(|m| m.name.clone()).unwrap_or_default();
                let mi = self.name_index(&m);
                self.emit(Op::ImportName(mi));
                for a in names {
                    if a.name.name == "*" {
                        self.emit(Op::ImportStar);
                        return Ok(());
                    }
                    let i = self.name_index(&a.name.name);
                    self.emit(Op::ImportFrom(i));
                    let bound = a.asname.as_ref().unwrap_or(&a.name).name.clone();
                    self.name_op(&bound, ExprContext::Store);
                }
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    /// Emits code that raises `NotImplementedError` naming an unsupported construct.
    pub(super) fn unsupported(&mut self, what: &str) -> R {
        let i = self.const_index(Value::string(format!(
            "{what} is not supported in the playground yet"
        )));
        self.emit(Op::Unsupported(i));
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        let opn = super::expr::binop_code(op);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.name_op(id, ExprContext::Load);
                self.expr(value)?;
                self.emit(Op::InplaceOp(opn));
                self.name_op(id, ExprContext::Store);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name_index(&attr.name);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::InplaceOp(opn));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::Dup2);
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.emit(Op::InplaceOp(opn));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => self.expr(target)?,
        }
        Ok(())
    }

    /// Stores TOS into an assignment target.
    pub(super) fn store(&mut self, t: &'a Expr) -> R {
        self.with_span(t.span, |c| match &t.kind {
            ExprKind::Name { id, .. } => {
                c.name_op(id, ExprContext::Store);
                Ok(())
            }
            ExprKind::Attribute { value, attr, .. } => {
                c.expr(value)?;
                let i = c.name_index(&attr.name);
                c.emit(Op::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                c.expr(value)?;
                c.expr(slice)?;
                c.emit(Op::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                match elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred { .. }))
                {
                    Some(star) => {
                        let after = elts.len() - star - 1;
                        c.emit(Op::UnpackEx(((star as u32) << 16) | after as u32));
                    }
                    None => {
                        c.emit(Op::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => c.store(value)?,
                        _ => c.store(e)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred { value, .. } => c.store(value),
            _ => c.expr(t),
        })
    }

    fn delete(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Del),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(&attr.name);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Emits what leaving `fb` early requires (`compiler_unwind_fblock`). With
    /// `preserve_tos`, a return value on the stack is kept on top.
    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match fb {
            FBlock::While { .. } | FBlock::TryExcept => {
                if matches!(fb, FBlock::TryExcept) {
                    self.emit(Op::PopBlock);
                }
            }
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
            }
            FBlock::TryFinally(body) => {
                self.emit(Op::PopBlock);
                // The finally body runs with the enclosing blocks still active.
                self.stmts(body)?;
            }
            FBlock::FinallyEnd => {
                // Leaving a finally that runs for an exception: drop it.
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopExcept);
            }
            FBlock::With => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::CallExitNone);
            }
            FBlock::AsyncWith => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::CallExitAsync);
                self.await_tos();
                self.emit(Op::Pop);
            }
            FBlock::HandlerCleanup(name) => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.load_const(Value::None);
                    self.name_op(n, ExprContext::Store);
                    self.name_op(n, ExprContext::Del);
                }
            }
        }
        Ok(())
    }

    /// Unwinds every block (for `return`).
    fn unwind_all(&mut self, preserve_tos: bool) -> R {
        let blocks = std::mem::take(&mut self.unit().fblocks);
        let mut result = Ok(());
        for i in (0..blocks.len()).rev() {
            // A finally body may itself return: it sees only the blocks outside it.
            let outer: Vec<FBlock<'a>> = Vec::new();
            let _ = outer;
            let saved = std::mem::take(&mut self.unit().fblocks);
            self.unit().fblocks = clone_blocks(&blocks[..i]);
            result = self.unwind_one(&blocks[i], preserve_tos);
            self.unit().fblocks = saved;
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks = blocks;
        result
    }

    fn break_continue(&mut self, is_break: bool) -> R {
        let blocks = std::mem::take(&mut self.unit().fblocks);
        let Some(loop_ix) = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }))
        else {
            self.unit().fblocks = blocks;
            return Ok(());
        };
        let mut result = Ok(());
        for i in (loop_ix + 1..blocks.len()).rev() {
            self.unit().fblocks = clone_blocks(&blocks[..i]);
            result = self.unwind_one(&blocks[i], false);
            if result.is_err() {
                break;
            }
        }
        self.unit().fblocks = blocks;
        result?;
        let n = self.unit().fblocks.len();
        if is_break {
            if let FBlock::For { .. } = self.unit().fblocks[loop_ix] {
                self.emit(Op::Pop);
            }
            let j = self.emit(Op::Jump(0));
            match &mut self.unit().fblocks[loop_ix] {
                FBlock::While { breaks, .. } | FBlock::For { breaks, .. } => breaks.push(j),
                _ => {}
            }
        } else {
            let head = match &self.unit().fblocks[loop_ix] {
                FBlock::While { head, .. } | FBlock::For { head, .. } => *head,
                _ => 0,
            };
            self.emit(Op::Jump(head as u32));
        }
        let _ = n;
        Ok(())
    }

    /// Pushes defaults and keyword defaults; returns their counts for the code object.
    pub(super) fn defaults(&mut self, p: &'a Parameters) -> Result<(u32, bool), SyntaxError> {
        let mut n = 0;
        for prm in p.posonly.iter().chain(&p.args) {
            if let Some(d) = &prm.default {
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BuildTuple(n));
        }
        let mut k = 0;
        for prm in &p.kwonly {
            if let Some(d) = &prm.default {
                self.load_const(Value::str(&prm.name.name));
                self.expr(d)?;
                k += 1;
            }
        }
        if k > 0 {
            self.emit(Op::BuildMap(k));
        }
        Ok((n, k > 0))
    }

    /// Finishes a function unit and emits `MakeFunction`.
    pub(super) fn make_function(&mut self, p: &Parameters, n_defaults: u32, has_kw: bool) {
        let code = self.pop_unit(n_defaults, has_kw);
        let mut code = match Rc::try_unwrap(code) {
            Ok(c) => c,
            Err(rc) => {
                let i = self.unit().codes.len() as u32;
                self.unit().codes.push(rc);
                self.emit(Op::MakeFunction(i));
                return;
            }
        };
        code.posonlycount = p.posonly.len() as u32;
        code.argcount = (p.posonly.len() + p.args.len()) as u32;
        code.kwonlycount = p.kwonly.len() as u32;
        code.has_varargs = p.vararg.is_some();
        code.has_varkw = p.kwarg.is_some();
        let i = self.unit().codes.len() as u32;
        self.unit().codes.push(Rc::new(code));
        self.emit(Op::MakeFunction(i));
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> R {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let (n, kw) = self.defaults(&f.params)?;
        let qual = self.qualname_for(&f.name.name);
        self.push_unit(&f.name.name, &qual, CodeKind::Function, s.span);
        // A docstring is the first constant, as CPython stores it.
        let doc = match f.body.first().map(|s| &s.kind) {
            Some(StmtKind::Expr {
                value:
                    Expr {
                        kind:
                            ExprKind::Constant {
                                value: Constant::Str(d),
                            },
                        ..
                    },
            }) => Value::str(d),
            _ => Value::None,
        };
        self.const_index(doc);
        self.stmts(&f.body)?;
        self.load_const(Value::None);
        self.emit(Op::ReturnValue);
        self.make_function(&f.params, n, kw);
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&f.name.name, ExprContext::Store);
        Ok(())
    }

    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> R {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let qual = self.qualname_for(&c.name.name);
        self.push_unit(&c.name.name, &qual, CodeKind::Class, s.span);
        let ni = self.name_index("__name__");
        self.emit(Op::LoadName(ni));
        let mi = self.name_index("__module__");
        self.emit(Op::StoreName(mi));
        self.load_const(Value::str(&qual));
        let qi = self.name_index("__qualname__");
        self.emit(Op::StoreName(qi));
        if let Some(StmtKind::Expr {
            value:
                Expr {
                    kind:
                        ExprKind::Constant {
                            value: Constant::Str(d),
                        },
                    ..
                },
        }) = c.body.first().map(|s| &s.kind)
        {
            self.load_const(Value::str(d));
            let di = self.name_index("__doc__");
            self.emit(Op::StoreName(di));
        }
        if c.body
            .iter()
            .any(|s| matches!(s.kind, StmtKind::AnnAssign { simple: true, .. }))
        {
            self.emit(Op::BuildMap(0));
            let ai = self.name_index("__annotations__");
            self.emit(Op::StoreName(ai));
        }
        self.stmts(&c.body)?;
        self.load_const(Value::None);
        self.emit(Op::ReturnValue);
        self.make_function(&Parameters::default(), 0, false);
        self.load_const(Value::str(&c.name.name));
        let mut n = 0;
        for b in &c.bases {
            if matches!(b.kind, ExprKind::Starred { .. }) {
                return self.unsupported("starred class bases");
            }
            self.expr(b)?;
            n += 1;
        }
        self.emit(Op::BuildTuple(n));
        self.emit(Op::BuildClass(0));
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&c.name.name, ExprContext::Store);
        Ok(())
    }
}

fn clone_blocks<'a>(b: &[FBlock<'a>]) -> Vec<FBlock<'a>> {
    b.iter()
        .map(|f| match f {
            FBlock::While { head, breaks } => FBlock::While {
                head: *head,
                breaks: breaks.clone(),
            },
            FBlock::For { head, breaks } => FBlock::For {
                head: *head,
                breaks: breaks.clone(),
            },
            FBlock::TryFinally(s) => FBlock::TryFinally(s),
            FBlock::TryExcept => FBlock::TryExcept,
            FBlock::FinallyEnd => FBlock::FinallyEnd,
            FBlock::With => FBlock::With,
            FBlock::AsyncWith => FBlock::AsyncWith,
            FBlock::HandlerCleanup(n) => FBlock::HandlerCleanup(n.clone()),
        })
        .collect()
}
