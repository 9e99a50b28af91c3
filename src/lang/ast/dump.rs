//! A compact S-expression dump of the tree, for golden tests and debugging (spans omitted).
//!
//! Shapes: a loaded name is `x`, a stored one `x:S`, a deleted one `x:D`, and a node in
//! store/delete context carries the same suffix on its head (`(tuple:S a:S b:S)`).
//! Operators are heads (`(+ a b)`, `(cmp a < b)`), calls are `(call f args... (kw k v))`.

mod expr;

use super::*;

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
}
