//! `def` and `class` statements, and the defaults and `MakeFunction` that lambdas share
//! (CPython `compiler_function`, `compiler_class`, `compiler_default_arguments`).

use std::rc::Rc;

use super::{CodeKind, Compiler, Op};
use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::value::Value;

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
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

    pub(super) fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> R {
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

    pub(super) fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> R {
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
