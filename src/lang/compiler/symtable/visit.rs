//! The collecting pass: walks the AST once, noting in each scope the names it binds, uses,
//! declares `global`/`nonlocal`, and the child scopes it opens (CPython `symtable_visit_*`).

use std::collections::HashMap;

use super::{key, Scope, ScopeKind};
use crate::lang::ast::*;
use crate::lang::error::{ErrorKind, SyntaxError};
use crate::lang::span::Span;

pub(super) struct Builder {
    pub(super) scopes: HashMap<(u32, u32), Scope>,
    pub(super) stack: Vec<(u32, u32)>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let k = *self.stack.last().unwrap_or(&(0, 0));
        self.scopes.entry(k).or_default()
    }
    fn assign(&mut self, name: &str) {
        self.cur().assigned.insert(name.to_string());
    }
    fn use_name(&mut self, name: &str) {
        self.cur().used.insert(name.to_string());
    }
    fn open(&mut self, span: Span, kind: ScopeKind) {
        let k = key(span);
        self.cur().children.push(span);
        self.scopes.insert(
            k,
            Scope {
                kind: Some(kind),
                ..Scope::default()
            },
        );
        self.stack.push(k);
    }
    fn close(&mut self) {
        self.stack.pop();
    }

    pub(super) fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params_defaults(&mut self, p: &Parameters) -> Result<(), SyntaxError> {
        for prm in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &prm.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn param_names(p: &Parameters) -> Vec<String> {
        let mut v: Vec<String> = p
            .posonly
            .iter()
            .chain(&p.args)
            .map(|x| x.name.name.clone())
            .collect();
        if let Some(a) = &p.vararg {
            v.push(a.name.name.clone());
        }
        v.extend(p.kwonly.iter().map(|x| x.name.name.clone()));
        if let Some(a) = &p.kwarg {
            v.push(a.name.name.clone());
        }
        v
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.params_defaults(&f.params)?;
                self.assign(&f.name.name);
                self.open(s.span, ScopeKind::Function);
                let names = Self::param_names(&f.params);
                self.cur().params = names.clone();
                for n in &names {
                    self.assign(n);
                }
                self.cur().is_coroutine = f.is_async;
                self.stmts(&f.body)?;
                self.close();
            }
            StmtKind::ClassDef(c) => {
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.assign(&c.name.name);
                self.open(s.span, ScopeKind::Class);
                self.stmts(&c.body)?;
                self.close();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.expr(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.use_name(id);
                }
                self.expr(target)?;
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.expr(target)?;
                } else if let ExprKind::Name { id, .. } = &target.kind {
                    // `x: int` alone makes x local without assigning it.
                    self.assign(id);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.expr(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.assign(&n.name);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    let bound = match &a.asname {
                        Some(n) => n.name.clone(),
                        None => a.name.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.assign(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name.name != "*" {
                        let bound = a.asname.as_ref().unwrap_or(&a.name);
                        self.assign(&bound.name);
                    }
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let sc = self.cur();
                    if sc.assigned.contains(&n.name) || sc.used.contains(&n.name) {
                        let template = if sc.assigned.contains(&n.name) {
                            "name '{}' is assigned to before global declaration"
                        } else {
                            "name '{}' is used prior to global declaration"
                        };
                        return Err(SyntaxError::new(
                            ErrorKind::Named {
                                template,
                                name: n.name.clone(),
                            },
                            n.span,
                        ));
                    }
                    sc.globals.insert(n.name.clone());
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let sc = self.cur();
                    if sc.kind == Some(ScopeKind::Module) {
                        return Err(SyntaxError::new(
                            ErrorKind::OutsideContext(crate::lang::error::MSG_NONLOCAL_MODULE),
                            n.span,
                        ));
                    }
                    if sc.assigned.contains(&n.name) || sc.used.contains(&n.name) {
                        let template = if sc.assigned.contains(&n.name) {
                            "name '{}' is assigned to before nonlocal declaration"
                        } else {
                            "name '{}' is used prior to nonlocal declaration"
                        };
                        return Err(SyntaxError::new(
                            ErrorKind::Named {
                                template,
                                name: n.name.clone(),
                            },
                            n.span,
                        ));
                    }
                    sc.nonlocals.push((n.name.clone(), n.span));
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        span: Span,
        generators: &[Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        self.open(span, ScopeKind::Comprehension);
        self.cur().params = vec![".0".into()];
        self.assign(".0");
        self.cur().is_generator = is_gen;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.expr(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
            // List/set/dict comprehensions run inline in the caller's frame stack, so their
            // awaits suspend the caller; only an async generator expression is an object.
            if g.is_async && is_gen {
                self.cur().is_coroutine = true;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.close();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name { id, ctx } => match ctx {
                ExprContext::Load => self.use_name(id),
                _ => self.assign(id),
            },
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // The walrus binds in the nearest non-comprehension scope.
                if let ExprKind::Name { id, .. } = &target.kind {
                    let mut idx = self.stack.len();
                    while idx > 1 {
                        let k = self.stack[idx - 1];
                        if self.scopes.get(&k).and_then(|s| s.kind)
                            != Some(ScopeKind::Comprehension)
                        {
                            break;
                        }
                        idx -= 1;
                    }
                    let target_key = self.stack[idx.saturating_sub(1).min(self.stack.len() - 1)];
                    if let Some(sc) = self.scopes.get_mut(&target_key) {
                        sc.assigned.insert(id.clone());
                    }
                    if idx < self.stack.len() {
                        // Inside a comprehension: a nonlocal-like reference to the outer binding.
                        for k in &self.stack[idx..] {
                            if let Some(sc) = self.scopes.get_mut(k) {
                                sc.used.insert(id.clone());
                            }
                        }
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params)?;
                self.open(e.span, ScopeKind::Function);
                let names = Self::param_names(params);
                self.cur().params = names.clone();
                for n in &names {
                    self.assign(n);
                }
                self.expr(body)?;
                self.close();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { items } => {
                for it in items {
                    match it {
                        DictItem::KeyValue { key, value } => {
                            self.expr(key)?;
                            self.expr(value)?;
                        }
                        DictItem::Unpack(v) => self.expr(v)?,
                    }
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.expr(x)?;
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.span, generators, &[elt], false)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.span, generators, &[elt], true)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e.span, generators, &[key, value], false)?,
            ExprKind::Await { value } => {
                // `(await f(x) for x in xs)` is an async generator expression
                let sc = self.cur();
                if sc.kind == Some(ScopeKind::Comprehension) && sc.is_generator {
                    sc.is_coroutine = true;
                }
                self.expr(value)?
            }
            ExprKind::Yield { value } => {
                self.cur().is_generator = true;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                self.cur().is_generator = true;
                self.expr(value)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FString { parts } => self.fstring(parts)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FStringPart::Field(f) = p {
                self.expr(&f.value)?;
                if let Some(spec) = &f.format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }
}
