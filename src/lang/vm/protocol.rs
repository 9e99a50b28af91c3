//! The abstract object protocol: repr/str, hashing, comparison, truth, length,
//! attributes, items, containment, iteration (CPython `Objects/object.c`, `abstract.c`).

use std::rc::Rc;

use super::Vm;
use crate::lang::builtins::types;
use crate::lang::value::dict::simple_eq;
use crate::lang::value::iter::{self, DictPart, PyIter, SetRef};
use crate::lang::value::str::repr_str;
use crate::lang::value::{
    fake_address, float, int, Args, BoundMethod, Class, Descriptor, Instance, PyErr, PyResult,
    PyStr, TypeKind, Value,
};

/// A rich comparison operator (`Py_LT` ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The reflected operator (`_Py_SwappedOp`).
    fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    fn test(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
}

/// A user-level method found on an instance's class, skipping `object`'s and built-in
/// exception defaults (which the protocol implements natively).
pub(crate) fn user_method(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => match i.class.lookup_with_owner(name) {
            Some((f, owner)) if !owner.builtin => Some(f),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// Calls the user method `name` of instance `v` with `args` after the receiver.
    fn call_method_on(&mut self, f: &Value, recv: &Value, args: Vec<Value>) -> PyResult<Value> {
        let mut pos = Vec::with_capacity(args.len() + 1);
        pos.push(recv.clone());
        pos.extend(args);
        self.enter()?;
        let r = self.call(f, Args::new(pos));
        self.leave();
        r
    }

    /// Calls method `name` on any value (`obj.name(*args)`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let m = self.getattr(obj, name)?;
        self.call(&m, Args::new(args))
    }

    // ---- repr / str ----

    /// `repr(v)` (`PyObject_Repr`).
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => float::repr(*f),
            Value::Str(s) => repr_str(s.as_str()),
            Value::List(l) => {
                let items = l.snapshot();
                self.repr_seq(v, "[", "]", &items, false)?
            }
            Value::Tuple(t) => {
                let items = t.to_vec();
                self.repr_seq(v, "(", ")", &items, items.len() == 1)?
            }
            Value::Dict(_) => self.repr_dict(v)?,
            Value::Set(s) => {
                let items = s.borrow().values();
                if items.is_empty() {
                    "set()".into()
                } else {
                    self.repr_seq(v, "{", "}", &items, false)?
                }
            }
            Value::FrozenSet(s) => {
                let items = s.values();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({})", self.repr_seq(v, "{", "}", &items, false)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let [a, b, c] = &**s;
                format!(
                    "slice({}, {}, {})",
                    self.repr(a)?,
                    self.repr(b)?,
                    self.repr(c)?
                )
            }
            Value::Iter(it) => {
                let view = match &*it.borrow() {
                    PyIter::View { dict, part } => Some((dict.clone(), *part)),
                    _ => None,
                };
                match view {
                    Some((d, part)) => {
                        let items: Vec<Value> = {
                            let d = d.borrow();
                            match part {
                                DictPart::Keys => d.keys(),
                                DictPart::Values => d.values(),
                                DictPart::Items => d
                                    .iter()
                                    .map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()]))
                                    .collect(),
                            }
                        };
                        let name = it.borrow().type_name();
                        format!("{}({})", name, self.repr_seq(v, "[", "]", &items, false)?)
                    }
                    None => format!(
                        "<{} object at {}>",
                        v.type_name(),
                        fake_address(v.id() as u64 / 16)
                    ),
                }
            }
            Value::Builtin(b) => match b.owner {
                Some(o) => format!("<method '{}' of '{}' objects>", b.name, o),
                None => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => match &m.func {
                Value::Builtin(b) => {
                    let r = match &m.receiver {
                        Value::Class(c) => format!("<class '{}'>", c.display_name()),
                        other => format!(
                            "<{} object at {}>",
                            other.type_name(),
                            self.address_of(other)
                        ),
                    };
                    if matches!(m.receiver, Value::Class(_)) {
                        format!(
                            "<built-in method {} of type object at {}>",
                            b.name,
                            self.address_of(&m.receiver)
                        )
                    } else {
                        let _ = r;
                        format!(
                            "<built-in method {} of {} object at {}>",
                            b.name,
                            m.receiver.type_name(),
                            self.address_of(&m.receiver)
                        )
                    }
                }
                f => {
                    let q = self
                        .getattr(f, "__qualname__")
                        .ok()
                        .map(|q| self.to_str(&q))
                        .transpose()?
                        .unwrap_or_default();
                    format!("<bound method {} of {}>", q, self.repr(&m.receiver)?)
                }
            },
            Value::Function(f) => {
                format!("<function {} at {}>", f.qualname, fake_address(f.serial))
            }
            Value::Class(c) => format!("<class '{}'>", c.display_name()),
            Value::Instance(i) => return self.repr_instance(v, i),
            Value::Module(m) => format!("<module '{}'>", m.name.as_str()),
            Value::Descriptor(d) => match &**d {
                Descriptor::StaticMethod(f) => format!("<staticmethod({})>", self.repr(f)?),
                Descriptor::ClassMethod(f) => format!("<classmethod({})>", self.repr(f)?),
                Descriptor::Property { .. } => {
                    format!("<property object at {}>", self.address_of(v))
                }
            },
            Value::Coroutine(c) => format!(
                "<coroutine object {} at {}>",
                c.qualname,
                fake_address(c.serial)
            ),
            Value::Rt(h) => crate::lang::modules::asyncio::repr(self, *h)?,
            Value::Native(n) => format!("<coroutine object {} at {}>", n.name, self.address_of(v)),
        })
    }

    /// The fake address shown for `v` in default reprs.
    pub fn address_of(&self, v: &Value) -> String {
        match v {
            Value::Instance(i) => fake_address(i.serial),
            Value::Class(c) => fake_address(c.serial),
            Value::Function(f) => fake_address(f.serial),
            other => format!("0x{:x}", other.id()),
        }
    }

    fn repr_instance(&mut self, v: &Value, i: &Rc<Instance>) -> PyResult<String> {
        if let Some(f) = user_method(v, "__repr__") {
            let r = self.call_method_on(&f, v, vec![])?;
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(PyErr::type_error(format!(
                    "__repr__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        if let Some(exc) = &i.exc {
            let args = exc.borrow().args.clone();
            if let Some((msg, excs)) = exc.borrow().group.clone() {
                let m = self.repr(&msg)?;
                let l = self.repr(&Value::list(excs))?;
                return Ok(format!("{}({}, {})", i.class.name, m, l));
            }
            let inner = if args.len() == 1 {
                self.repr(&args[0])?
            } else {
                let t = self.repr(&Value::tuple(args))?;
                t[1..t.len() - 1].trim_end_matches(',').to_string()
            };
            return Ok(format!("{}({})", i.class.name, inner));
        }
        Ok(format!(
            "<{} object at {}>",
            i.class.display_name(),
            fake_address(i.serial)
        ))
    }

    fn repr_seq(
        &mut self,
        owner: &Value,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> PyResult<String> {
        let id = owner.id();
        if self.repr_active.contains(&id) {
            return Ok(format!("{open}...{close}"));
        }
        self.enter_native(" while getting the repr of an object")?;
        self.repr_active.push(id);
        let mut out = String::from(open);
        let mut result = Ok(());
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            match self.repr(x) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.repr_active.retain(|&x| x != id);
        self.leave_native();
        result?;
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    fn repr_dict(&mut self, v: &Value) -> PyResult<String> {
        let Value::Dict(d) = v else {
            return Ok(String::new());
        };
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        let id = v.id();
        if self.repr_active.contains(&id) {
            return Ok("{...}".into());
        }
        self.enter_native(" while getting the repr of an object")?;
        self.repr_active.push(id);
        let mut out = String::from("{");
        let mut result = Ok(());
        for (n, (k, val)) in entries.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            match self.repr(k).and_then(|ks| Ok((ks, self.repr(val)?))) {
                Ok((ks, vs)) => {
                    out.push_str(&ks);
                    out.push_str(": ");
                    out.push_str(&vs);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.repr_active.retain(|&x| x != id);
        self.leave_native();
        result?;
        out.push('}');
        Ok(out)
    }

    /// `str(v)` (`PyObject_Str`).
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(i) => {
                if let Some(f) = user_method(v, "__str__") {
                    let r = self.call_method_on(&f, v, vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if i.exc.is_none() {
                    return self.repr(v);
                }
                match &i.exc {
                    Some(exc) => {
                        let (args, group) = {
                            let e = exc.borrow();
                            (e.args.clone(), e.group.clone())
                        };
                        if let Some((msg, excs)) = group {
                            let m = self.to_str(&msg)?;
                            let n = excs.len();
                            return Ok(format!(
                                "{m} ({n} sub-exception{})",
                                if n == 1 { "" } else { "s" }
                            ));
                        }
                        let is_key_error = i.class.is_subclass(&types::exception("KeyError"));
                        match args.len() {
                            0 => Ok(String::new()),
                            1 if is_key_error => self.repr(&args[0]),
                            1 => self.to_str(&args[0]),
                            _ => self.repr(&Value::tuple(args)),
                        }
                    }
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a `str` value, reusing `v` when it already is one.
    pub fn to_pystr(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            _ => Ok(Rc::new(PyStr::from_string(self.to_str(v)?))),
        }
    }

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
    fn compare_builtin(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
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

    fn compare_seq(&mut self, p: &[Value], q: &[Value], op: CmpOp) -> PyResult<bool> {
        self.enter_native(" in comparison")?;
        let r = self.compare_seq_inner(p, q, op);
        self.leave_native();
        r
    }

    fn compare_seq_inner(&mut self, p: &[Value], q: &[Value], op: CmpOp) -> PyResult<bool> {
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

    fn dict_eq(
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

    // ---- truth and length ----

    /// `bool(v)` (`PyObject_IsTrue`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Iter(it) if it.borrow().is_view() => self.len(v)? > 0,
            Value::Instance(_) => {
                if let Some(f) = user_method(v, "__bool__") {
                    return match self.call_method_on(&f, v, vec![])? {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            other.type_name()
                        ))),
                    };
                }
                if user_method(v, "__len__").is_some() {
                    return Ok(self.len(v)? > 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `len(v)` (`PyObject_Size`).
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len() as usize,
            Value::Iter(it) if it.borrow().is_view() => match &*it.borrow() {
                PyIter::View { dict, .. } => dict.borrow().len(),
                _ => 0,
            },
            Value::Instance(_) => match user_method(v, "__len__") {
                Some(f) => {
                    let r = self.call_method_on(&f, v, vec![])?;
                    match int::int_of(&r) {
                        Some(n) if n.is_negative() => {
                            return Err(PyErr::value_error("__len__() should return >= 0"))
                        }
                        Some(n) => n.to_i64().unwrap_or(i64::MAX) as usize,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                r.type_name()
                            )))
                        }
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        v.type_name()
                    )))
                }
            },
            _ => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }

    /// An int usable as an index (`PyNumber_AsSsize_t` via `__index__`).
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        match int::int_of(v) {
            Some(i) => i.to_i64().ok_or_else(|| {
                PyErr::index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    v.type_name()
                ))
            }),
            None => {
                if let Some(f) = user_method(v, "__index__") {
                    let r = self.call_method_on(&f, v, vec![])?;
                    return self.index_i64(&r);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                )))
            }
        }
    }

    // ---- attributes ----

    /// `getattr(obj, name)` (`PyObject_GetAttr` with the generic lookup order: data
    /// descriptors on the type, the instance dict, then the type's attributes, bound).
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Instance(_) = obj {
                    if let Some(f) = user_method(obj, "__getattr__") {
                        return self.call_method_on(&f, obj, vec![Value::str(name)]);
                    }
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    /// The `AttributeError` for a missing attribute, in CPython's words.
    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        match obj {
            Value::Class(c) => PyErr::attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                c.name, name
            )),
            Value::Module(m) => PyErr::attribute_error(format!(
                "module '{}' has no attribute '{}'",
                m.name.as_str(),
                name
            )),
            _ => PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            )),
        }
    }

    /// Attribute lookup that reports absence as `None` instead of raising.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) if inst.class.kind == TypeKind::Super => {
                self.super_getattr(inst, name)
            }
            Value::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Some(Value::Class(inst.class.clone())));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::dict(inst.dict.borrow().clone())));
                }
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Descriptor(d)) = &class_attr {
                    if let Descriptor::Property { fget, .. } = &**d {
                        if fget.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no getter",
                                name, inst.class.name
                            )));
                        }
                        let f = fget.clone();
                        return self.call_method_on(&f, obj, vec![]).map(Some);
                    }
                }
                if let Some(exc) = &inst.exc {
                    if let Some(v) = crate::lang::value::exception::get_attr(exc, name) {
                        return Ok(Some(v));
                    }
                }
                if let Some(v) = inst.dict.borrow().get_str(name) {
                    return Ok(Some(v));
                }
                Ok(class_attr.map(|a| bind(a, obj, &inst.class)))
            }
            Value::Class(c) => {
                match name {
                    "__name__" => return Ok(Some(Value::str(&c.name))),
                    "__qualname__" => return Ok(Some(Value::str(&c.qualname))),
                    "__module__" => return Ok(Some(Value::str(&c.module))),
                    "__mro__" => {
                        return Ok(Some(Value::tuple(
                            c.full_mro().into_iter().map(Value::Class).collect(),
                        )))
                    }
                    "__bases__" => {
                        return Ok(Some(Value::tuple(
                            c.bases.iter().cloned().map(Value::Class).collect(),
                        )))
                    }
                    "__base__" => {
                        return Ok(Some(
                            c.bases
                                .first()
                                .cloned()
                                .map(Value::Class)
                                .unwrap_or(Value::None),
                        ))
                    }
                    "__dict__" => return Ok(Some(Value::dict(c.dict.borrow().clone()))),
                    "__class__" => return Ok(Some(Value::Class(types::with(|t| t.type_.clone())))),
                    "__doc__" if c.lookup("__doc__").is_none() => return Ok(Some(Value::None)),
                    _ => {}
                }
                Ok(c.lookup(name).map(|a| match a {
                    Value::Descriptor(d) => match &*d {
                        Descriptor::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                            receiver: obj.clone(),
                            func: f.clone(),
                        })),
                        Descriptor::StaticMethod(f) => f.clone(),
                        _ => Value::Descriptor(d.clone()),
                    },
                    other => other,
                }))
            }
            Value::Module(m) => {
                if name == "__name__" {
                    return Ok(Some(Value::Str(m.name.clone())));
                }
                if name == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                Ok(m.dict.borrow().get_str(name))
            }
            Value::Function(f) if f.dict.borrow().get_str(name).is_some() => {
                Ok(f.dict.borrow().get_str(name))
            }
            Value::Function(f) => Ok(match name {
                "__name__" => Some(Value::str(&f.name)),
                "__qualname__" => Some(Value::str(&f.qualname)),
                "__module__" => Some(Value::str(&f.module)),
                "__doc__" => Some(f.dict.borrow().get_str("__doc__").unwrap_or(Value::None)),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => f.dict.borrow().get_str(name),
            }),
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(b.name)),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => None,
            }),
            Value::BoundMethod(m) => Ok(match name {
                "__self__" => Some(m.receiver.clone()),
                "__func__" => Some(m.func.clone()),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => return self.getattr_opt(&m.func.clone(), name),
            }),
            Value::Coroutine(c) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(&c.qualname)),
                "__class__" => Some(Value::Class(types::type_of(obj))),
                _ => {
                    let cls = types::type_of(obj);
                    cls.lookup(name).map(|a| bind(a, obj, &cls))
                }
            }),
            _ => {
                let cls = types::type_of(obj);
                if name == "__class__" {
                    return Ok(Some(Value::Class(cls)));
                }
                if let (Value::Slice(s), "start" | "stop" | "step") = (obj, name) {
                    let i = ["start", "stop", "step"]
                        .iter()
                        .position(|n| *n == name)
                        .unwrap_or(0);
                    return Ok(Some(s[i].clone()));
                }
                if let (Value::Range(r), "start" | "stop" | "step") = (obj, name) {
                    return Ok(Some(Value::Int(match name {
                        "start" => r.start,
                        "stop" => r.stop,
                        _ => r.step,
                    })));
                }
                if let (Some(_), "real" | "numerator") = (int::int_of(obj), name) {
                    return Ok(Some(obj.clone()));
                }
                if let (Some(_), "imag") | (Some(_), "denominator") = (int::int_of(obj), name) {
                    return Ok(Some(Value::Int(if name == "imag" { 0 } else { 1 })));
                }
                if let (Value::Float(f), "real" | "imag") = (obj, name) {
                    return Ok(Some(Value::Float(if name == "real" { *f } else { 0.0 })));
                }
                Ok(cls.lookup(name).map(|a| bind(a, obj, &cls)))
            }
        }
    }

    /// Attribute lookup on a `super` proxy (`super_getattro`): the MRO of `__self__`'s
    /// type after `__thisclass__`, bound to `__self__`.
    fn super_getattr(&mut self, proxy: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
        let (this, obj) = {
            let d = proxy.dict.borrow();
            (d.get_str("__thisclass__"), d.get_str("__self__"))
        };
        let (Some(Value::Class(this)), Some(obj)) = (this, obj) else {
            return Ok(None);
        };
        let start = match &obj {
            Value::Class(c) => c.clone(),
            other => types::type_of(other),
        };
        let mro = start.full_mro();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &this))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = c.dict.borrow().get_str(name);
            if let Some(attr) = found {
                return Ok(Some(match (&obj, attr) {
                    (Value::Class(_), Value::Descriptor(d)) => match &*d {
                        Descriptor::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                            receiver: obj.clone(),
                            func: f.clone(),
                        })),
                        Descriptor::StaticMethod(f) => f.clone(),
                        _ => Value::Descriptor(d.clone()),
                    },
                    (Value::Class(_), other) => other,
                    (_, Value::Descriptor(d)) if matches!(&*d, Descriptor::Property { .. }) => {
                        if let Descriptor::Property { fget, .. } = &*d {
                            let f = fget.clone();
                            return self.call_method_on(&f, &obj, vec![]).map(Some);
                        }
                        Value::None
                    }
                    (_, attr) => bind(attr, &obj, &start),
                }));
            }
        }
        Ok(None)
    }

    /// `setattr(obj, name, value)` (`PyObject_SetAttr`).
    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Descriptor(d)) = inst.class.lookup(name) {
                    if let Descriptor::Property { fset, .. } = &*d {
                        if fset.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            )));
                        }
                        let f = fset.clone();
                        self.call_method_on(&f, obj, vec![value])?;
                        return Ok(());
                    }
                }
                if let Some(f) = user_method(obj, "__setattr__") {
                    self.call_method_on(&f, obj, vec![Value::str(name), value])?;
                    return Ok(());
                }
                if let Some(exc) = &inst.exc {
                    if crate::lang::value::exception::set_attr(exc, name, &value)? {
                        return Ok(());
                    }
                }
                inst.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Class(c) if !c.builtin => {
                c.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Class(c) => Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name, c.name
            ))),
            Value::Module(m) => {
                m.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().set_str(name, value);
                Ok(())
            }
            _ => {
                let has = types::type_of(obj).lookup(name).is_some();
                Err(PyErr::attribute_error(if has {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        obj.type_name(),
                        name
                    )
                } else {
                    format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes", obj.type_name(), name)
                }))
            }
        }
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(i) => i.dict.borrow_mut().del_str(name),
            Value::Class(c) if !c.builtin => c.dict.borrow_mut().del_str(name),
            Value::Module(m) => m.dict.borrow_mut().del_str(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    // ---- iteration ----

    /// `iter(v)` (`PyObject_GetIter`).
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(l) => PyIter::List {
                list: l.clone(),
                pos: 0,
            }
            .into_value(),
            Value::Tuple(t) => PyIter::Tuple {
                tuple: t.clone(),
                pos: 0,
            }
            .into_value(),
            Value::Str(s) => PyIter::Str {
                s: s.clone(),
                byte: 0,
            }
            .into_value(),
            Value::Range(r) => PyIter::Range {
                next: r.start,
                step: r.step,
                left: r.len(),
            }
            .into_value(),
            Value::Dict(d) => self.dict_iter(d, DictPart::Keys),
            Value::Set(s) => {
                let (version, len) = (s.borrow().version, s.borrow().len());
                PyIter::Set {
                    set: SetRef::Set(s.clone()),
                    pos: 0,
                    version,
                    len,
                }
                .into_value()
            }
            Value::FrozenSet(s) => PyIter::Set {
                set: SetRef::Frozen(s.clone()),
                pos: 0,
                version: 0,
                len: s.len(),
            }
            .into_value(),
            Value::Iter(it) => {
                let view = match &*it.borrow() {
                    PyIter::View { dict, part } => Some((dict.clone(), *part)),
                    _ => None,
                };
                match view {
                    Some((d, part)) => self.dict_iter(&d, part),
                    None => v.clone(),
                }
            }
            Value::Instance(_) => {
                if let Some(f) = user_method(v, "__iter__") {
                    let r = self.call_method_on(&f, v, vec![])?;
                    let ok = match &r {
                        Value::Instance(_) => user_method(&r, "__next__").is_some(),
                        Value::Iter(it) => !it.borrow().is_view(),
                        Value::Coroutine(_) => true,
                        _ => false,
                    };
                    if !ok {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            r.type_name()
                        )));
                    }
                    r
                } else if user_method(v, "__getitem__").is_some() {
                    PyIter::GetItem {
                        obj: v.clone(),
                        pos: 0,
                    }
                    .into_value()
                } else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not iterable",
                        v.type_name()
                    )));
                }
            }
            Value::Coroutine(c) if !c.is_coroutine && !c.is_async_gen => v.clone(),
            Value::Rt(_) if types::type_of(v).lookup("__iter__").is_some() => {
                self.call_method(v, "__iter__", vec![])?
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        })
    }

    fn dict_iter(
        &mut self,
        d: &Rc<std::cell::RefCell<crate::lang::value::PyDict>>,
        part: DictPart,
    ) -> Value {
        let (version, len) = (d.borrow().version, d.borrow().len());
        PyIter::Dict {
            dict: d.clone(),
            part,
            pos: 0,
            version,
            len,
        }
        .into_value()
    }

    /// `next(it)`: `Ok(None)` when exhausted (`StopIteration` from `__next__` included).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => iter::next(self, i),
            Value::Instance(_) => match user_method(it, "__next__") {
                Some(f) => match self.call_method_on(&f, it, vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.matches("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                ))),
            },
            Value::Coroutine(_) => self.generator_next(it),
            Value::Rt(_) => match self.call_method(it, "__next__", vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches("StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            ))),
        }
    }

    /// `next(generator)`.
    fn generator_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Coroutine(c) if !c.is_coroutine && !c.is_async_gen => {
                if c.frame.borrow().is_none() && !c.running.get() {
                    return Ok(None);
                }
                let c = c.clone();
                self.resume_generator(&c, super::eval::Resume::Send(Value::None))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            ))),
        }
    }

    /// Iterates `v` to the end into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.snapshot()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `x in container` (`PySequence_Contains`).
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match x {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    x.type_name()
                ))),
            },
            Value::Dict(d) => Ok(self.dict_get(d, x)?.is_some()),
            Value::Set(s) => {
                let h = self.hash_for_set(x)?;
                let s = s.clone();
                let r = s.borrow().contains(h, x, &mut |a, b| self.eq(a, b));
                r
            }
            Value::FrozenSet(s) => {
                let h = self.hash_for_set(x)?;
                s.contains(h, x, &mut |a, b| self.eq(a, b))
            }
            Value::Range(r) => match int::int_of(x) {
                Some(i) => Ok(i.to_i64().is_some_and(|i| r.contains(i))),
                None => {
                    for i in 0..r.len() {
                        if self.eq(&Value::Int(r.at(i)), x)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            },
            Value::Iter(it)
                if matches!(
                    &*it.borrow(),
                    PyIter::View {
                        part: DictPart::Keys,
                        ..
                    }
                ) =>
            {
                let d = match &*it.borrow() {
                    PyIter::View { dict, .. } => dict.clone(),
                    _ => return Ok(false),
                };
                Ok(self.dict_get(&d, x)?.is_some())
            }
            Value::Instance(_) if user_method(container, "__contains__").is_some() => {
                let f = user_method(container, "__contains__").unwrap_or(Value::None);
                let r = self.call_method_on(&f, container, vec![x.clone()])?;
                self.truthy(&r)
            }
            _ => {
                let it = match self.iter(container) {
                    Ok(it) => it,
                    Err(e) if e.matches("TypeError") => {
                        return Err(PyErr::type_error(format!(
                            "argument of type '{}' is not iterable",
                            container.type_name()
                        )))
                    }
                    Err(e) => return Err(e),
                };
                while let Some(y) = self.next(&it)? {
                    if x.is(&y) || self.eq(&y, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// The hash of a set member, converting a `set` probe to `frozenset` semantics
    /// (`x in s` with `x` a set is allowed).
    pub(crate) fn hash_for_set(&mut self, x: &Value) -> PyResult<i64> {
        match x {
            Value::Set(s) => {
                let f = s.borrow().clone();
                Ok(f.frozen_hash())
            }
            _ => self.hash(x),
        }
    }
}

/// Binds a class attribute found through an instance (`func.__get__(obj)`).
pub fn bind(attr: Value, obj: &Value, cls: &Rc<Class>) -> Value {
    match attr {
        Value::Function(_) | Value::Builtin(_) => Value::BoundMethod(Rc::new(BoundMethod {
            receiver: obj.clone(),
            func: attr,
        })),
        Value::Descriptor(d) => match &*d {
            Descriptor::StaticMethod(f) => f.clone(),
            Descriptor::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                receiver: Value::Class(cls.clone()),
                func: f.clone(),
            })),
            Descriptor::Property { .. } => Value::Descriptor(d.clone()),
        },
        other => other,
    }
}

/// Whether the class is `kind` or derives from it.
pub fn class_has_kind(c: &Class, kind: TypeKind) -> bool {
    c.kind == kind
}
