//! The expression half of the dump (see the parent module for the format).

use super::{ctx_suffix, Dumper};
use crate::lang::ast::*;
use std::fmt::Write;

impl Dumper {
    pub(super) fn comps(&mut self, gens: &[Comprehension]) {
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

    pub(super) fn expr(&mut self, e: &Expr) {
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
