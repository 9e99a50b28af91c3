//! A compact S-expression dump of the tree, for golden tests and debugging (spans omitted).
//!
//! Shapes: a loaded name is `x`, a stored one `x:S`, a deleted one `x:D`, and a node in
//! store/delete context carries the same suffix on its head (`(tuple:S a:S b:S)`).
//! Operators are heads (`(+ a b)`, `(cmp a < b)`), calls are `(call f args... (kw k v))`.

use super::*;
use std::fmt::Write;

/// One line per top-level statement.
pub fn dump_module(m: &Module) -> String {
    let mut out = String::new();
    for s in &m.body {
        out.push_str(&dump_stmt(s));
        out.push('\n');
    }
    out
}

pub fn dump_stmt(s: &Stmt) -> String {
    let mut d = Dumper(String::new());
    d.stmt(s);
    d.0
}

pub fn dump_expr(e: &Expr) -> String {
    let mut d = Dumper(String::new());
    d.expr(e);
    d.0
}

struct Dumper(String);

fn ctx_suffix(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "",
        ExprContext::Store => ":S",
        ExprContext::Del => ":D",
    }
}

impl Dumper {
    fn w(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn open(&mut self, head: &str) {
        self.0.push('(');
        self.0.push_str(head);
    }

    fn close(&mut self) {
        self.0.push(')');
    }

    fn sp(&mut self) {
        self.0.push(' ');
    }

    fn block(&mut self, head: &str, body: &[Stmt]) {
        self.sp();
        self.open(head);
        for s in body {
            self.sp();
            self.stmt(s);
        }
        self.close();
    }

    fn opt(&mut self, e: &Option<Expr>) {
        self.sp();
        match e {
            Some(e) => self.expr(e),
            None => self.w("_"),
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.sp();
            self.expr(e);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.open(if f.is_async { "async-def " } else { "def " });
                self.w(&f.name.name);
                self.sp();
                self.params(&f.params);
                if let Some(r) = &f.returns {
                    self.w(" -> ");
                    self.expr(r);
                }
                if !f.decorators.is_empty() {
                    self.sp();
                    self.open("decorators");
                    self.exprs(&f.decorators);
                    self.close();
                }
                self.block("body", &f.body);
                self.close();
            }
            StmtKind::ClassDef(c) => {
                self.open("class ");
                self.w(&c.name.name);
                self.sp();
                self.open("bases");
                self.exprs(&c.bases);
                self.keywords(&c.keywords);
                self.close();
                if !c.decorators.is_empty() {
                    self.sp();
                    self.open("decorators");
                    self.exprs(&c.decorators);
                    self.close();
                }
                self.block("body", &c.body);
                self.close();
            }
            StmtKind::Return { value } => {
                self.open("return");
                if let Some(v) = value {
                    self.sp();
                    self.expr(v);
                }
                self.close();
            }
            StmtKind::Delete { targets } => {
                self.open("del");
                self.exprs(targets);
                self.close();
            }
            StmtKind::Assign { targets, value } => {
                self.open("=");
                self.exprs(targets);
                self.sp();
                self.expr(value);
                self.close();
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open(op.symbol());
                self.w("=");
                self.sp();
                self.expr(target);
                self.sp();
                self.expr(value);
                self.close();
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.open(if *simple { "ann" } else { "ann-complex" });
                self.sp();
                self.expr(target);
                self.sp();
                self.expr(annotation);
                if let Some(v) = value {
                    self.sp();
                    self.expr(v);
                }
                self.close();
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                self.open(if *is_async { "async-for" } else { "for" });
                self.sp();
                self.expr(target);
                self.sp();
                self.expr(iter);
                self.block("body", body);
                if !orelse.is_empty() {
                    self.block("else", orelse);
                }
                self.close();
            }
            StmtKind::While { test, body, orelse } => {
                self.open("while");
                self.sp();
                self.expr(test);
                self.block("body", body);
                if !orelse.is_empty() {
                    self.block("else", orelse);
                }
                self.close();
            }
            StmtKind::If { test, body, orelse } => {
                self.open("if");
                self.sp();
                self.expr(test);
                self.block("body", body);
                if !orelse.is_empty() {
                    self.block("else", orelse);
                }
                self.close();
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                self.open(if *is_async { "async-with" } else { "with" });
                for it in items {
                    self.sp();
                    self.open("item ");
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.sp();
                        self.expr(v);
                    }
                    self.close();
                }
                self.block("body", body);
                self.close();
            }
            StmtKind::Raise { exc, cause } => {
                self.open("raise");
                if exc.is_some() || cause.is_some() {
                    self.opt(exc);
                }
                if cause.is_some() {
                    self.opt(cause);
                }
                self.close();
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.open(if *is_star { "try*" } else { "try" });
                self.block("body", body);
                for h in handlers {
                    self.sp();
                    self.open("except");
                    self.opt(&h.type_);
                    if let Some(n) = &h.name {
                        self.w(" as ");
                        self.w(&n.name);
                    }
                    self.block("body", &h.body);
                    self.close();
                }
                if !orelse.is_empty() {
                    self.block("else", orelse);
                }
                if !finalbody.is_empty() {
                    self.block("finally", finalbody);
                }
                self.close();
            }
            StmtKind::Assert { test, msg } => {
                self.open("assert");
                self.sp();
                self.expr(test);
                if let Some(m) = msg {
                    self.sp();
                    self.expr(m);
                }
                self.close();
            }
            StmtKind::Import { names } => {
                self.open("import");
                self.aliases(names);
                self.close();
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("from ");
                self.w(&".".repeat(*level as usize));
                if let Some(m) = module {
                    self.w(&m.name);
                }
                self.aliases(names);
                self.close();
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let head = if matches!(s.kind, StmtKind::Global { .. }) {
                    "global"
                } else {
                    "nonlocal"
                };
                self.open(head);
                for n in names {
                    self.sp();
                    self.w(&n.name);
                }
                self.close();
            }
            StmtKind::Expr { value } => {
                self.open("expr ");
                self.expr(value);
                self.close();
            }
            StmtKind::Pass => self.w("pass"),
            StmtKind::Break => self.w("break"),
            StmtKind::Continue => self.w("continue"),
        }
    }

    fn aliases(&mut self, names: &[Alias]) {
        for a in names {
            self.sp();
            self.w(&a.name.name);
            if let Some(n) = &a.asname {
                self.w(" as ");
                self.w(&n.name);
            }
        }
    }

    fn keywords(&mut self, kws: &[Keyword]) {
        for k in kws {
            self.sp();
            self.open("kw ");
            match &k.arg {
                Some(a) => self.w(&a.name),
                None => self.w("**"),
            }
            self.sp();
            self.expr(&k.value);
            self.close();
        }
    }

    fn param(&mut self, prefix: &str, p: &Parameter) {
        self.sp();
        self.w(prefix);
        self.w(&p.name.name);
        if let Some(a) = &p.annotation {
            self.w(":");
            self.expr(a);
        }
        if let Some(d) = &p.default {
            self.w("=");
            self.expr(d);
        }
    }

    fn params(&mut self, p: &Parameters) {
        self.open("params");
        for a in &p.posonly {
            self.param("", a);
        }
        if !p.posonly.is_empty() {
            self.w(" /");
        }
        for a in &p.args {
            self.param("", a);
        }
        match &p.vararg {
            Some(v) => self.param("*", v),
            None if !p.kwonly.is_empty() => self.w(" *"),
            None => {}
        }
        for a in &p.kwonly {
            self.param("", a);
        }
        if let Some(k) = &p.kwarg {
            self.param("**", k);
        }
        self.close();
    }

    fn comps(&mut self, gens: &[Comprehension]) {
        for g in gens {
            self.sp();
            self.open(if g.is_async { "async-for " } else { "for " });
            self.expr(&g.target);
            self.sp();
            self.expr(&g.iter);
            for c in &g.ifs {
                self.w(" (if ");
                self.expr(c);
                self.close();
            }
            self.close();
        }
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            self.sp();
            match p {
                FStringPart::Literal { value, .. } => {
                    let _ = write!(self.0, "{value:?}");
                }
                FStringPart::Field(f) => {
                    self.open("fv ");
                    self.expr(&f.value);
                    match f.conversion {
                        Conversion::None => {}
                        Conversion::Str => self.w(" !s"),
                        Conversion::Repr => self.w(" !r"),
                        Conversion::Ascii => self.w(" !a"),
                    }
                    if let Some(spec) = &f.format_spec {
                        self.sp();
                        self.open("spec");
                        self.fparts(spec);
                        self.close();
                    }
                    self.close();
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.open(if *op == BoolOp::And { "and" } else { "or" });
                self.exprs(values);
                self.close();
            }
            ExprKind::NamedExpr { target, value } => {
                self.open(":= ");
                self.expr(target);
                self.sp();
                self.expr(value);
                self.close();
            }
            ExprKind::BinOp { left, op, right } => {
                self.open(op.symbol());
                self.sp();
                self.expr(left);
                self.sp();
                self.expr(right);
                self.close();
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open(match op {
                    UnaryOp::Invert => "~",
                    UnaryOp::Not => "not",
                    UnaryOp::UAdd => "u+",
                    UnaryOp::USub => "u-",
                });
                self.sp();
                self.expr(operand);
                self.close();
            }
            ExprKind::Lambda { params, body } => {
                self.open("lambda ");
                self.params(params);
                self.sp();
                self.expr(body);
                self.close();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("ifexp ");
                self.expr(test);
                self.sp();
                self.expr(body);
                self.sp();
                self.expr(orelse);
                self.close();
            }
            ExprKind::Dict { items } => {
                self.open("dict");
                for it in items {
                    self.sp();
                    match it {
                        DictItem::KeyValue { key, value } => {
                            self.w("(");
                            self.expr(key);
                            self.sp();
                            self.expr(value);
                            self.close();
                        }
                        DictItem::Unpack(v) => {
                            self.open("** ");
                            self.expr(v);
                            self.close();
                        }
                    }
                }
                self.close();
            }
            ExprKind::Set { elts } => {
                self.open("set");
                self.exprs(elts);
                self.close();
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.open(match &e.kind {
                    ExprKind::ListComp { .. } => "listcomp ",
                    ExprKind::SetComp { .. } => "setcomp ",
                    _ => "genexp ",
                });
                self.expr(elt);
                self.comps(generators);
                self.close();
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("dictcomp ");
                self.expr(key);
                self.sp();
                self.expr(value);
                self.comps(generators);
                self.close();
            }
            ExprKind::Await { value } => {
                self.open("await ");
                self.expr(value);
                self.close();
            }
            ExprKind::Yield { value } => {
                self.open("yield");
                if let Some(v) = value {
                    self.sp();
                    self.expr(v);
                }
                self.close();
            }
            ExprKind::YieldFrom { value } => {
                self.open("yield-from ");
                self.expr(value);
                self.close();
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("cmp ");
                self.expr(left);
                for (op, c) in ops.iter().zip(comparators) {
                    self.sp();
                    self.w(op.symbol());
                    self.sp();
                    self.expr(c);
                }
                self.close();
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.open("call ");
                self.expr(func);
                self.exprs(args);
                self.keywords(keywords);
                self.close();
            }
            ExprKind::FString { parts } => {
                self.open("f");
                self.fparts(parts);
                self.close();
            }
            ExprKind::Constant { value } => match value {
                Constant::None => self.w("None"),
                Constant::Bool(b) => self.w(if *b { "True" } else { "False" }),
                Constant::Int(i) => {
                    let _ = write!(self.0, "{i}");
                }
                Constant::Float(f) => {
                    let _ = write!(self.0, "{f:?}");
                }
                Constant::Str(s) => {
                    let _ = write!(self.0, "{s:?}");
                }
                Constant::Ellipsis => self.w("..."),
            },
            ExprKind::Attribute { value, attr, ctx } => {
                self.open(".");
                self.w(ctx_suffix(*ctx));
                self.sp();
                self.expr(value);
                self.sp();
                self.w(&attr.name);
                self.close();
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.open("[]");
                self.w(ctx_suffix(*ctx));
                self.sp();
                self.expr(value);
                self.sp();
                self.expr(slice);
                self.close();
            }
            ExprKind::Starred { value, ctx } => {
                self.open("*");
                self.w(ctx_suffix(*ctx));
                self.sp();
                self.expr(value);
                self.close();
            }
            ExprKind::Name { id, ctx } => {
                self.w(id);
                self.w(ctx_suffix(*ctx));
            }
            ExprKind::List { elts, ctx } => {
                self.open("list");
                self.w(ctx_suffix(*ctx));
                self.exprs(elts);
                self.close();
            }
            ExprKind::Tuple { elts, ctx } => {
                self.open("tuple");
                self.w(ctx_suffix(*ctx));
                self.exprs(elts);
                self.close();
            }
            ExprKind::Slice { lower, upper, step } => {
                self.open("slice");
                for part in [lower, upper, step] {
                    self.sp();
                    match part {
                        Some(p) => self.expr(p),
                        None => self.w("_"),
                    }
                }
                self.close();
            }
        }
    }
}
