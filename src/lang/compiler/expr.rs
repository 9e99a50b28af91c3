//! Expressions (CPython `Python/compile.c` `compiler_visit_expr` and friends).

use super::{CodeKind, Compiler, Op};
use crate::lang::ast::*;
use crate::lang::error::SyntaxError;
use crate::lang::value::{int, Value};
use crate::lang::vm::ops::BinOp as VmBinOp;

type R = Result<(), SyntaxError>;

/// The VM's code for an AST binary operator.
pub(super) fn binop_code(op: BinOp) -> u8 {
    (match op {
        BinOp::Add => VmBinOp::Add,
        BinOp::Sub => VmBinOp::Sub,
        BinOp::Mult => VmBinOp::Mul,
        BinOp::MatMult => VmBinOp::MatMul,
        BinOp::Div => VmBinOp::TrueDiv,
        BinOp::FloorDiv => VmBinOp::FloorDiv,
        BinOp::Mod => VmBinOp::Mod,
        BinOp::Pow => VmBinOp::Pow,
        BinOp::LShift => VmBinOp::LShift,
        BinOp::RShift => VmBinOp::RShift,
        BinOp::BitOr => VmBinOp::Or,
        BinOp::BitXor => VmBinOp::Xor,
        BinOp::BitAnd => VmBinOp::And,
    }) as u8
}

/// The runtime value of a literal.
pub(super) fn constant(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => int::from_bigint(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Ellipsis => Value::Ellipsis,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> R {
        self.with_span(e.span, |c| c.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Constant { value } => self.load_const(constant(value)),
            ExprKind::Name { id, ctx } => self.name_op(id, *ctx),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit_anchored(
                    Op::BinaryOp(binop_code(*op)),
                    (left.span.end, right.span.start),
                );
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Op::UnaryOp(match op {
                    UnaryOp::USub => 0,
                    UnaryOp::UAdd => 1,
                    UnaryOp::Invert => 2,
                    UnaryOp::Not => 3,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Op::JumpIfFalseOrPop(0),
                            BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.compare_op(ops[0]);
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, rhs)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(rhs)?;
                        if i + 1 < ops.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.compare_op(*op);
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.compare_op(*op);
                        }
                    }
                    let end = self.emit(Op::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.patch(end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let je = self.emit(Op::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(je);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store(target)?;
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                let i = self.name_index(&attr.name);
                self.emit(match ctx {
                    ExprContext::Load => Op::LoadAttr(i),
                    ExprContext::Store => Op::StoreAttr(i),
                    ExprContext::Del => Op::DeleteAttr(i),
                });
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit_anchored(Op::BinarySubscr, (value.span.end, e.span.end));
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple { elts, .. } => {
                if elts
                    .iter()
                    .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
                {
                    self.starred_list(elts)?;
                    self.emit(Op::ListToTuple);
                } else {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildTuple(elts.len() as u32));
                }
            }
            ExprKind::List { elts, .. } => {
                if elts
                    .iter()
                    .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
                {
                    self.starred_list(elts)?;
                } else {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildList(elts.len() as u32));
                }
            }
            ExprKind::Set { elts } => {
                self.emit(Op::BuildSet(0));
                for x in elts {
                    match &x.kind {
                        ExprKind::Starred { value, .. } => {
                            self.expr(value)?;
                            self.emit(Op::SetUpdate(1));
                        }
                        _ => {
                            self.expr(x)?;
                            self.emit(Op::SetAdd(1));
                        }
                    }
                }
            }
            ExprKind::Dict { items } => {
                if items.iter().all(|i| matches!(i, DictItem::KeyValue { .. })) {
                    for it in items {
                        if let DictItem::KeyValue { key, value } = it {
                            self.expr(key)?;
                            self.expr(value)?;
                        }
                    }
                    self.emit(Op::BuildMap(items.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for it in items {
                        match it {
                            DictItem::KeyValue { key, value } => {
                                self.expr(key)?;
                                self.expr(value)?;
                                self.emit(Op::MapAdd(1));
                            }
                            DictItem::Unpack(m) => {
                                self.expr(m)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FString { parts } => {
                let n = self.fstring_parts(parts)?;
                if n != 1 || !matches!(parts.first(), Some(FStringPart::Field(_))) {
                    self.emit(Op::BuildString(n));
                }
            }
            ExprKind::Lambda { params, body } => {
                let (n, kw) = self.defaults(params)?;
                let qual = self.qualname_for("<lambda>");
                self.push_unit("<lambda>", &qual, CodeKind::Function, e.span);
                self.const_index(Value::None);
                self.expr(body)?;
                self.emit(Op::ReturnValue);
                self.make_function(params, n, kw);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", 0, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", 1, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", 2, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", 3, generators, elt, None)?
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.emit(Op::GetAwaitable);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.emit(Op::GetIter);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        use crate::lang::vm::protocol::CmpOp as V;
        self.emit(match op {
            CmpOp::Eq => Op::Compare(V::Eq as u8),
            CmpOp::NotEq => Op::Compare(V::Ne as u8),
            CmpOp::Lt => Op::Compare(V::Lt as u8),
            CmpOp::LtE => Op::Compare(V::Le as u8),
            CmpOp::Gt => Op::Compare(V::Gt as u8),
            CmpOp::GtE => Op::Compare(V::Ge as u8),
            CmpOp::Is => Op::IsOp(0),
            CmpOp::IsNot => Op::IsOp(1),
            CmpOp::In => Op::ContainsOp(0),
            CmpOp::NotIn => Op::ContainsOp(1),
        });
    }

    /// A list display with `*x` items (left on the stack as a list).
    fn starred_list(&mut self, elts: &'a [Expr]) -> R {
        self.emit(Op::BuildList(0));
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(x)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    /// Pushes each part of an f-string; returns how many strings were pushed.
    fn fstring_parts(&mut self, parts: &'a [FStringPart]) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal { value, .. } => self.load_const(Value::str(value)),
                FStringPart::Field(f) => {
                    self.expr(&f.value)?;
                    let conv = match f.conversion {
                        Conversion::None => 0,
                        Conversion::Str => 1,
                        Conversion::Repr => 2,
                        Conversion::Ascii => 3,
                    };
                    let mut flags = conv;
                    if let Some(spec) = &f.format_spec {
                        let k = self.fstring_parts(spec)?;
                        if k != 1 {
                            self.emit(Op::BuildString(k));
                        }
                        flags |= 4;
                    }
                    self.with_span(f.span, |c| c.emit(Op::FormatValue(flags)));
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Value::str(""));
            n = 1;
        }
        Ok(n)
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        let call_end = self.unit().span.end;
        let anchor = (func.span.end, call_end);
        // Zero-argument super(): pass __class__ and the first argument (CPython does the
        // same at run time from the frame).
        if let (ExprKind::Name { id, .. }, true, true) =
            (&func.kind, args.is_empty(), keywords.is_empty())
        {
            if id == "super" {
                let sc = self.scope();
                let first = sc.varnames.first().cloned();
                if sc.freevars.iter().any(|f| f == "__class__") {
                    if let Some(first) = first {
                        self.expr(func)?;
                        self.name_op("__class__", ExprContext::Load);
                        self.name_op(&first, ExprContext::Load);
                        self.emit_anchored(Op::Call(2), anchor);
                        return Ok(());
                    }
                }
            }
        }
        self.expr(func)?;
        let starred = args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }));
        let dstar = keywords.iter().any(|k| k.arg.is_none());
        if starred || dstar {
            self.starred_list(args)?;
            self.emit(Op::ListToTuple);
            if keywords.is_empty() {
                self.emit_anchored(Op::CallEx(0), anchor);
                return Ok(());
            }
            self.emit(Op::BuildMap(0));
            let mut merged = false;
            for k in keywords {
                match &k.arg {
                    // after a `**`, a named keyword is merged too (it may repeat a key)
                    Some(name) if merged => {
                        self.emit(Op::BuildMap(0));
                        self.load_const(Value::str(&name.name));
                        self.expr(&k.value)?;
                        self.emit(Op::MapAdd(1));
                        self.emit(Op::DictMerge(1));
                    }
                    Some(name) => {
                        self.load_const(Value::str(&name.name));
                        self.expr(&k.value)?;
                        self.emit(Op::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictMerge(1));
                        merged = true;
                    }
                }
            }
            self.emit_anchored(Op::CallEx(1), anchor);
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.emit_anchored(Op::Call(args.len() as u32), anchor);
            return Ok(());
        }
        let mut names = Vec::new();
        for k in keywords {
            self.expr(&k.value)?;
            names.push(Value::str(
                k.arg.as_ref().map(|a| a.name.as_str()).unwrap_or(""),
            ));
        }
        self.load_const(Value::tuple(names));
        self.emit_anchored(Op::CallKw((args.len() + keywords.len()) as u32), anchor);
        Ok(())
    }

    /// A comprehension as a nested function called with the first iterator
    /// (`compiler_comprehension`). `kind`: 0 list, 1 set, 2 dict, 3 generator.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        kind: u8,
        gens: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let qual = self.qualname_for(name);
        self.push_unit(name, &qual, CodeKind::Comprehension, e.span);
        self.const_index(Value::None);
        match kind {
            0 => {
                self.emit(Op::BuildList(0));
            }
            1 => {
                self.emit(Op::BuildSet(0));
            }
            2 => {
                self.emit(Op::BuildMap(0));
            }
            _ => {}
        }
        self.comp_generator(gens, 0, kind, elt, value)?;
        if kind == 3 {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let mut params = Parameters::default();
        params.args.push(Parameter {
            name: Ident {
                name: ".0".into(),
                span: e.span,
            },
            annotation: None,
            default: None,
            span: e.span,
        });
        let code_params = params.clone();
        self.make_function(&code_params, 0, false);
        if let Some(g) = gens.first() {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.emit(Op::Call(1));
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [Comprehension],
        i: usize,
        kind: u8,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let g = &gens[i];
        if i == 0 {
            self.name_op(".0", ExprContext::Load);
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        let head = self.here();
        let fi = if g.is_async {
            // `async for` in a comprehension: await `__anext__()` until StopAsyncIteration.
            let setup = self.emit(Op::SetupFinally(0));
            self.emit(Op::GetANext);
            self.emit(Op::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
            setup
        } else {
            self.emit(Op::ForIter(0))
        };
        self.store(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Op::PopJumpIfFalse(head as u32)));
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, kind, elt, value)?;
        } else {
            let depth = (gens.len() + 1) as u32;
            match kind {
                0 => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
                1 => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                2 => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd(depth));
                }
                _ => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(head as u32));
        self.patch(fi);
        if g.is_async {
            self.emit(Op::EndAsyncFor);
        }
        let _ = skips;
        Ok(())
    }
}
