//! Statements (CPython `Python/compile.c` `compiler_visit_stmt` and friends).

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
}
