//! Hashing and rich comparison (CPython `PyObject_Hash`, `PyObject_RichCompare`,
//! `do_richcompare`, the types' `tp_richcompare`).
use std::rc::Rc;

use super::protocol::{user_method, CmpOp};
use super::Vm;
use crate::lang::value::dict::simple_eq;
use crate::lang::value::iter::{DictPart, PyIter};
use crate::lang::value::{float, int, PyErr, PyResult, Value};

impl Vm {
    // ---- hashing and comparison ----

    /// `hash(v)` (`PyObject_Hash`).
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::None => 0xFCA8_6420 >> 4,
            Value::Bool(b) => *b as i64,
            Value::Int(_) | Value::BigInt(_) => {
                int::hash(int::int_of(v).unwrap_or(int::IntRef::Small(0)))
            }
            Value::Float(f) => float::hash(*f),
            Value::Str(s) => s.hash(),
            Value::Tuple(t) => {
                // tuplehash (xxHash-based, CPython 3.8+).
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc = P5;
                self.enter_native("")?;
                let lanes: PyResult<Vec<i64>> = t.iter().map(|x| self.hash(x)).collect();
                self.leave_native();
                for lane in lanes? {
                    let lane = lane as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
                if acc as i64 == -1 {
                    1546275796
                } else {
                    acc as i64
                }
            }
            Value::FrozenSet(s) => s.frozen_hash(),
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )))
            }
            Value::Iter(it) if it.borrow().is_view() => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    v.type_name()
                )))
            }
            Value::Instance(i) => match i.class.lookup_with_owner("__hash__") {
                Some((Value::None, _)) => {
                    return Err(PyErr::type_error(format!(
                        "unhashable type: '{}'",
                        v.type_name()
                    )))
                }
                Some((f, owner)) if !owner.builtin => {
                    let r = self.call_method_on(&f, v, vec![])?;
                    return match int::int_of(&r) {
                        Some(n) => {
                            let h = int::hash(n);
                            Ok(h)
                        }
                        None => Err(PyErr::type_error(
                            "__hash__ method should return an integer",
                        )),
                    };
                }
                _ => (i.serial as i64).rotate_right(4),
            },
            other => other.id() >> 4,
        })
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = simple_eq(a, b) {
            if !matches!(a, Value::Tuple(_)) || r || a.is(b) {
                return Ok(r || a.is(b));
            }
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool.
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            _ => {
                let r = self.compare(a, b, CmpOp::Lt)?;
                self.truthy(&r)
            }
        }
    }

    /// Rich comparison (`PyObject_RichCompare`): the left operand's method, then the
    /// reflected one (first if the right operand's type is a subclass), then identity for
    /// `==`/`!=`, else `TypeError`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = self.compare_builtin(a, b, op)? {
            return Ok(Value::Bool(r));
        }
        let fa = user_method(a, op.dunder());
        let fb = user_method(b, op.swapped().dunder());
        let b_first = matches!((a, b), (Value::Instance(x), Value::Instance(y))
            if !Rc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class));
        let mut tries: Vec<(Value, Value, Value)> = Vec::new();
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
                tries.push((f, b.clone(), a.clone()));
            }
        }
        for (f, x, y) in tries {
            let r = self.call_method_on(&f, &x, vec![y])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if op == CmpOp::Ne {
            // `object.__ne__` inverts `__eq__` when that is defined.
            if user_method(a, "__eq__").is_some() || user_method(b, "__eq__").is_some() {
                let r = self.compare(a, b, CmpOp::Eq)?;
                let t = self.truthy(&r)?;
                return Ok(Value::Bool(!t));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// Comparisons between built-in types; `None` if no built-in rule applies.
    pub(crate) fn compare_builtin(
        &mut self,
        a: &Value,
        b: &Value,
        op: CmpOp,
    ) -> PyResult<Option<bool>> {
        use Value::*;
        if let (Some(x), Some(y)) = (int::int_of(a), int::int_of(b)) {
            return Ok(Some(op.test(int::cmp(x, y))));
        }
        match (a, b) {
            (Float(x), Float(y)) => {
                return Ok(Some(match x.partial_cmp(y) {
                    Some(o) => op.test(o),
                    Option::None => op == CmpOp::Ne,
                }))
            }
            (Float(f), other) | (other, Float(f)) if int::int_of(other).is_some() => {
                let i = int::int_of(other).unwrap_or(int::IntRef::Small(0));
                let o = int::cmp_float(i, *f);
                let o = if matches!(a, Float(_)) {
                    o.map(|o| o.reverse())
                } else {
                    o
                };
                return Ok(Some(match o {
                    Some(o) => op.test(o),
                    Option::None => op == CmpOp::Ne,
                }));
            }
            (Str(x), Str(y)) => return Ok(Some(op.test(x.as_str().cmp(y.as_str())))),
            (List(x), List(y)) => {
                let (p, q) = (x.snapshot(), y.snapshot());
                return self.compare_seq(&p, &q, op).map(Some);
            }
            (Tuple(x), Tuple(y)) => {
                let (p, q) = (x.to_vec(), y.to_vec());
                return self.compare_seq(&p, &q, op).map(Some);
            }
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.dict_eq(x, y)?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                let (p, q) = (self.set_items(a), self.set_items(b));
                let sub = |vm: &mut Vm, small: &[Value], big: &Value| -> PyResult<bool> {
                    for x in small {
                        if !vm.contains(big, x)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                let r = match op {
                    CmpOp::Eq => p.len() == q.len() && sub(self, &p, b)?,
                    CmpOp::Ne => !(p.len() == q.len() && sub(self, &p, b)?),
                    CmpOp::Le => p.len() <= q.len() && sub(self, &p, b)?,
                    CmpOp::Lt => p.len() < q.len() && sub(self, &p, b)?,
                    CmpOp::Ge => p.len() >= q.len() && sub(self, &q, a)?,
                    CmpOp::Gt => p.len() > q.len() && sub(self, &q, a)?,
                };
                return Ok(Some(r));
            }
            (Range(x), Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (Iter(x), Iter(y))
                if x.borrow().is_view()
                    && y.borrow().is_view()
                    && matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let l1 = self.collect(a)?;
                let l2 = self.collect(b)?;
                if let (
                    PyIter::View {
                        part: DictPart::Values,
                        ..
                    },
                    _,
                ) = (&*x.borrow(), ())
                {
                    return Ok(Some((Rc::ptr_eq(x, y)) == (op == CmpOp::Eq)));
                }
                let s1 = crate::lang::builtins::constructors::make_set(self, l1)?;
                let s2 = crate::lang::builtins::constructors::make_set(self, l2)?;
                return self.compare_builtin(&s1, &s2, op);
            }
            _ => {}
        }
        Ok(Option::None)
    }

    pub(crate) fn set_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::Set(s) => s.borrow().values(),
            Value::FrozenSet(s) => s.values(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn compare_seq(&mut self, p: &[Value], q: &[Value], op: CmpOp) -> PyResult<bool> {
        self.enter_native(" in comparison")?;
        let r = self.compare_seq_inner(p, q, op);
        self.leave_native();
        r
    }

    pub(crate) fn compare_seq_inner(
        &mut self,
        p: &[Value],
        q: &[Value],
        op: CmpOp,
    ) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && p.len() != q.len() {
            return Ok(op == CmpOp::Ne);
        }
        for (x, y) in p.iter().zip(q.iter()) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(x, y, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(op.test(p.len().cmp(&q.len())))
    }

    pub(crate) fn dict_eq(
        &mut self,
        x: &Rc<std::cell::RefCell<crate::lang::value::PyDict>>,
        y: &Rc<std::cell::RefCell<crate::lang::value::PyDict>>,
    ) -> PyResult<bool> {
        if x.borrow().len() != y.borrow().len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> = x
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in entries {
            match self.dict_get(y, &k)? {
                Some(w) => {
                    if !v.is(&w) && !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }
}
