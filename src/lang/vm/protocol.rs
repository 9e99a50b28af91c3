//! The abstract object protocol: repr/str, hashing, comparison, truth, length,
//! attributes, items, containment, iteration (CPython `Objects/object.c`, `abstract.c`).

use std::rc::Rc;

use super::Vm;
use crate::lang::builtins::types;
use crate::lang::value::iter::{self, DictPart, PyIter, SetRef};
use crate::lang::value::{
    int, Args, BoundMethod, Class, Descriptor, PyErr, PyResult, TypeKind, Value,
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
    pub(crate) fn dunder(self) -> &'static str {
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
    pub(crate) fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub(crate) fn test(self, o: std::cmp::Ordering) -> bool {
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
    pub(crate) fn call_method_on(
        &mut self,
        f: &Value,
        recv: &Value,
        args: Vec<Value>,
    ) -> PyResult<Value> {
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
            Value::Class(c) if crate::lang::modules::enums::is_enum(c) => {
                crate::lang::modules::enums::members(c).len()
            }
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

    // ---- iteration ----

    /// `iter(v)` (`PyObject_GetIter`).
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Class(c) if crate::lang::modules::enums::is_enum(c) => {
                return self.iter(&Value::list(crate::lang::modules::enums::members(c)));
            }
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

    pub(crate) fn dict_iter(
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
    /// Each item counts as a step, so builtins that drain an iterator (`sum`, `list`,
    /// `sorted`, ...) obey Stop and the memory and unpausable limits.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.tick_native()?;
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
    pub(crate) fn generator_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
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
            Value::Class(c) if crate::lang::modules::enums::is_enum(c) => {
                crate::lang::modules::enums::contains(self, c, x)
            }
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
