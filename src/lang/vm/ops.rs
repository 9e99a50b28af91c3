//! Operators: binary, in-place and unary arithmetic with CPython's dispatch
//! (`binary_op1` in `Objects/abstract.c`: left `__op__`, right `__rop__`, subclass first).

use std::rc::Rc;

use super::protocol::user_method;
use super::Vm;
use crate::lang::value::int::{self, int_of};
use crate::lang::value::{float, Args, PyErr, PyResult, Value};

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::MatMul => "matmul",
            BinOp::TrueDiv => "truediv",
            BinOp::FloorDiv => "floordiv",
            BinOp::Mod => "mod",
            BinOp::Pow => "pow",
            BinOp::LShift => "lshift",
            BinOp::RShift => "rshift",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

fn num_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

impl Vm {
    /// `a op b`.
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.binary_builtin(op, a, b)? {
            return Ok(r);
        }
        self.binary_dunder(op, a, b)?
            .ok_or_else(|| self.binary_type_error(op, a, b, false))
    }

    /// `a op= b`: `__iop__` first, then the list's in-place extend, then `a op b`.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Value::Instance(_) = a {
            if let Some(f) = user_method(a, &format!("__i{}__", op.name())) {
                let r = self.call(&f, Args::new(vec![a.clone(), b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b)?;
                self.check_alloc(l.len().saturating_add(items.len()))?;
                l.items.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l)) => {
                if let Some(n) = int_of(b) {
                    let n = n.to_i64().unwrap_or(i64::MAX).max(0) as usize;
                    let items = l.snapshot();
                    self.check_alloc(items.len().saturating_mul(n))?;
                    *l.items.borrow_mut() = items
                        .iter()
                        .cloned()
                        .cycle()
                        .take(items.len() * n)
                        .collect();
                    return Ok(a.clone());
                }
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(s))
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
            {
                let r = self.binary_op(op, a, b)?;
                let new = match &r {
                    Value::Set(n) => n.borrow().clone(),
                    _ => return Ok(r),
                };
                *s.borrow_mut() = new;
                return Ok(a.clone());
            }
            (BinOp::Or, Value::Dict(d)) => {
                self.dict_update(d, b)?;
                return Ok(a.clone());
            }
            _ => {}
        }
        if let Some(r) = self.binary_builtin(op, a, b)? {
            return Ok(r);
        }
        match self.binary_dunder(op, a, b)? {
            Some(r) => Ok(r),
            None => Err(self.binary_type_error(op, a, b, true)),
        }
    }

    /// Guards allocations driven by user data (`[0] * 10**9`): a catchable `MemoryError`
    /// when `items` values would not fit in what is left of the memory budget.
    pub fn check_alloc(&self, items: usize) -> PyResult<()> {
        self.reserve(items.saturating_mul(std::mem::size_of::<Value>()))
    }

    fn binary_type_error(&self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyErr {
        match (op, a) {
            (BinOp::Add, Value::Str(_)) => PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            )),
            (BinOp::Add, Value::List(_)) => PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            )),
            (BinOp::Add, Value::Tuple(_)) => PyErr::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            )),
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                if !matches!(b, Value::Instance(_)) =>
            {
                PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.type_name()
                ))
            }
            (BinOp::Mul, _) if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
                PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    a.type_name()
                ))
            }
            _ => PyErr::type_error(format!(
                "unsupported operand type(s) for {}{}: '{}' and '{}'",
                if inplace {
                    op.symbol().trim_end_matches(" or pow()")
                } else {
                    op.symbol()
                },
                if inplace { "=" } else { "" },
                a.type_name(),
                b.type_name()
            )),
        }
    }

    fn binary_dunder(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let fa = user_method(a, &format!("__{}__", op.name()));
        let rname = format!("__r{}__", op.name());
        let fb = user_method(b, &rname);
        // the right operand's subclass goes first only if it overrides `__rop__`
        // (`method_is_overloaded` in `Objects/typeobject.c`)
        let b_first = matches!((a, b), (Value::Instance(x), Value::Instance(y))
        if !Rc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class)
            && match (x.class.lookup(&rname), y.class.lookup(&rname)) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(p), Some(q)) => !p.is(&q),
            });
        let mut tries = Vec::new();
        if b_first {
            if let Some(f) = &fb {
                tries.push((f.clone(), b.clone(), a.clone()));
            }
        }
        if let Some(f) = fa {
            tries.push((f, a.clone(), b.clone()));
        }
        if !b_first {
            if let Some(f) = fb {
                let same_class = matches!((a, b), (Value::Instance(x), Value::Instance(y)) if Rc::ptr_eq(&x.class, &y.class));
                if !same_class {
                    tries.push((f, b.clone(), a.clone()));
                }
            }
        }
        for (f, x, y) in tries {
            self.enter()?;
            let r = self.call(&f, Args::new(vec![x, y]));
            self.leave();
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Built-in operand types; `None` when no built-in rule applies.
    fn binary_builtin(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        // int op int
        if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
            if let (Value::Bool(p), Value::Bool(q), BinOp::And | BinOp::Or | BinOp::Xor) =
                (a, b, op)
            {
                return Ok(Some(Value::Bool(match op {
                    BinOp::And => p & q,
                    BinOp::Or => p | q,
                    _ => p ^ q,
                })));
            }
            return Ok(Some(match op {
                BinOp::Add => int::add(x, y),
                BinOp::Sub => int::sub(x, y),
                BinOp::Mul => int::mul(x, y),
                BinOp::TrueDiv => int::truediv(x, y)?,
                BinOp::FloorDiv => int::floordiv(x, y)?,
                BinOp::Mod => int::modulo(x, y)?,
                BinOp::Pow => int::pow(x, y)?,
                BinOp::LShift => int::lshift(x, y)?,
                BinOp::RShift => int::rshift(x, y)?,
                BinOp::And => int::bitand(x, y),
                BinOp::Or => int::bitor(x, y),
                BinOp::Xor => int::bitxor(x, y),
                BinOp::MatMul => return Ok(None),
            }));
        }
        // float mixes
        let fa = num_f64(a).map(Ok).or_else(|| int_of(a).map(|i| i.to_f64()));
        let fb = num_f64(b).map(Ok).or_else(|| int_of(b).map(|i| i.to_f64()));
        if let (Some(x), Some(y)) = (fa, fb) {
            if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
                let (x, y) = (x?, y?);
                return Ok(Some(Value::Float(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::TrueDiv => {
                        if y == 0.0 {
                            return Err(PyErr::zero_division("division by zero"));
                        }
                        x / y
                    }
                    BinOp::FloorDiv => float::floordiv(x, y)?,
                    BinOp::Mod => float::modulo(x, y)?,
                    BinOp::Pow => float::pow(x, y)?,
                    _ => return Ok(None),
                })));
            }
        }
        Ok(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.reserve(x.as_str().len().saturating_add(y.as_str().len()))?;
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::string(s))
            }
            (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s))
                if int_of(n).is_some() =>
            {
                let k = int_of(n)
                    .and_then(|i| i.to_i64())
                    .unwrap_or(i64::MAX)
                    .max(0) as usize;
                self.reserve(s.as_str().len().saturating_mul(k))?;
                Some(Value::string(s.as_str().repeat(k)))
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                self.check_alloc(x.len().saturating_add(y.len()))?;
                let mut v = x.snapshot();
                v.extend(y.snapshot());
                Some(Value::list(v))
            }
            (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l))
                if int_of(n).is_some() =>
            {
                let k = int_of(n)
                    .and_then(|i| i.to_i64())
                    .unwrap_or(i64::MAX)
                    .max(0) as usize;
                let items = l.snapshot();
                self.check_alloc(items.len().saturating_mul(k))?;
                Some(Value::list(
                    items
                        .iter()
                        .cloned()
                        .cycle()
                        .take(items.len() * k)
                        .collect(),
                ))
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                self.check_alloc(x.len().saturating_add(y.len()))?;
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t))
                if int_of(n).is_some() =>
            {
                let k = int_of(n)
                    .and_then(|i| i.to_i64())
                    .unwrap_or(i64::MAX)
                    .max(0) as usize;
                self.check_alloc(t.len().saturating_mul(k))?;
                Some(Value::tuple(
                    t.iter().cloned().cycle().take(t.len() * k).collect(),
                ))
            }
            (BinOp::Mod, Value::Str(s), args) => Some(Value::string(
                crate::lang::builtins::percent::format(self, s.as_str(), args)?,
            )),
            (BinOp::Or, Value::Dict(x), Value::Dict(_)) => {
                let d = Rc::new(std::cell::RefCell::new(x.borrow().clone()));
                self.dict_update(&d, b)?;
                Some(Value::Dict(d))
            }
            (
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => Some(crate::lang::builtins::sets::set_op(self, op, a, b)?),
            // Dict key and item views act as sets (`d.keys() & other`).
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Iter(it), _)
                if is_set_like_view(it) =>
            {
                let x = self.collect(a)?;
                let x = crate::lang::builtins::sets::make(self, x, false)?;
                let y = self.collect(b)?;
                let y = crate::lang::builtins::sets::make(self, y, false)?;
                Some(crate::lang::builtins::sets::set_op(self, op, &x, &y)?)
            }
            _ => None,
        })
    }

    /// `op a`.
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(a)?));
        }
        if let Some(x) = int_of(a) {
            return Ok(match op {
                UnaryOp::Neg => int::neg(x),
                UnaryOp::Pos => match a {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => a.clone(),
                },
                _ => int::invert(x),
            });
        }
        if let Value::Float(f) = a {
            match op {
                UnaryOp::Neg => return Ok(Value::Float(-f)),
                UnaryOp::Pos => return Ok(a.clone()),
                _ => {}
            }
        }
        let (name, sym) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        if let Some(f) = user_method(a, name) {
            return self.call(&f, Args::new(vec![a.clone()]));
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            a.type_name()
        )))
    }

    /// `d.update(other)` / `d |= other`: a mapping or an iterable of pairs.
    pub fn dict_update(
        &mut self,
        d: &Rc<std::cell::RefCell<crate::lang::value::PyDict>>,
        other: &Value,
    ) -> PyResult<()> {
        if let Value::Dict(o) = other {
            let pairs: Vec<(Value, Value)> = o
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in pairs {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if let Value::Instance(_) = other {
            if let Some(keys) = self.getattr_opt(other, "keys")? {
                let ks = self.call(&keys, Args::default())?;
                for k in self.collect(&ks)? {
                    let v = self.getitem(other, &k)?;
                    self.dict_set(d, k, v)?;
                }
                return Ok(());
            }
        }
        let items = self.collect(other).map_err(|e| {
            if e.matches("TypeError") {
                PyErr::type_error(format!("'{}' object is not iterable", other.type_name()))
            } else {
                e
            }
        })?;
        for (n, item) in items.iter().enumerate() {
            let pair = self.collect(item).map_err(|_| {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                ))
            })?;
            if pair.len() != 2 {
                return Err(PyErr::value_error(format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut it = pair.into_iter();
            let (k, v) = (
                it.next().unwrap_or(Value::None),
                it.next().unwrap_or(Value::None),
            );
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}

/// `dict.keys()` and `dict.items()` support set operators; `values()` does not.
fn is_set_like_view(it: &std::cell::RefCell<crate::lang::value::PyIter>) -> bool {
    use crate::lang::value::iter::{DictPart, PyIter};
    matches!(&*it.borrow(), PyIter::View { part, .. } if *part != DictPart::Values)
}
