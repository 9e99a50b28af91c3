//! Iterators of built-in types and the lazy builtins (`enumerate`, `zip`, `map`, `filter`,
//! `reversed`), plus dict views (CPython `Objects/iterobject.c`, `enumobject.c`,
//! `bltinmodule.c`, `dictobject.c` views).

use std::cell::RefCell;
use std::rc::Rc;

use super::{Args, PyDict, PyErr, PyList, PyResult, PySet, PyStr, PyTuple, Value};
use crate::lang::vm::Vm;

/// Which part of a dict a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// A built-in iterator's state, or a dict view (views are iterable, not iterators).
pub enum PyIter {
    List {
        list: Rc<PyList>,
        pos: usize,
    },
    ListReversed {
        list: Rc<PyList>,
        pos: usize,
    },
    Tuple {
        tuple: Rc<PyTuple>,
        pos: usize,
    },
    Str {
        s: Rc<PyStr>,
        byte: usize,
    },
    Range {
        next: i64,
        step: i64,
        left: i64,
    },
    Dict {
        dict: Rc<RefCell<PyDict>>,
        part: DictPart,
        pos: usize,
        version: u64,
        len: usize,
    },
    Set {
        set: SetRef,
        pos: usize,
        version: u64,
        len: usize,
    },
    /// Items precomputed into a list (used by `reversed` of other sequences etc).
    Values {
        items: Vec<Value>,
        pos: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// Old-style sequence iteration through `__getitem__`.
    GetItem {
        obj: Value,
        pos: i64,
    },
    View {
        dict: Rc<RefCell<PyDict>>,
        part: DictPart,
    },
    Exhausted,
}

/// A set or frozenset being iterated.
pub enum SetRef {
    Set(Rc<RefCell<PySet>>),
    Frozen(Rc<PySet>),
}

impl PyIter {
    pub fn type_name(&self) -> &'static str {
        match self {
            PyIter::List { .. } => "list_iterator",
            PyIter::ListReversed { .. } => "list_reverseiterator",
            PyIter::Tuple { .. } => "tuple_iterator",
            PyIter::Str { .. } => "str_ascii_iterator",
            PyIter::Range { .. } => "range_iterator",
            PyIter::Dict {
                part: DictPart::Keys,
                ..
            } => "dict_keyiterator",
            PyIter::Dict {
                part: DictPart::Values,
                ..
            } => "dict_valueiterator",
            PyIter::Dict {
                part: DictPart::Items,
                ..
            } => "dict_itemiterator",
            PyIter::Set { .. } => "set_iterator",
            PyIter::Values { .. } => "reversed",
            PyIter::Enumerate { .. } => "enumerate",
            PyIter::Zip { .. } => "zip",
            PyIter::Map { .. } => "map",
            PyIter::Filter { .. } => "filter",
            PyIter::GetItem { .. } => "iterator",
            PyIter::View {
                part: DictPart::Keys,
                ..
            } => "dict_keys",
            PyIter::View {
                part: DictPart::Values,
                ..
            } => "dict_values",
            PyIter::View {
                part: DictPart::Items,
                ..
            } => "dict_items",
            PyIter::Exhausted => "iterator",
        }
    }
    pub fn is_view(&self) -> bool {
        matches!(self, PyIter::View { .. })
    }
    pub fn into_value(self) -> Value {
        Value::Iter(Rc::new(RefCell::new(self)))
    }
}

/// One step of a built-in iterator: `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, it: &Rc<RefCell<PyIter>>) -> PyResult<Option<Value>> {
    // Steps that run user code clone what they need and release the borrow first.
    let deferred = {
        let mut st = it.borrow_mut();
        match &mut *st {
            PyIter::List { list, pos } => {
                let v = list.get(*pos);
                *pos += 1;
                return Ok(v);
            }
            PyIter::ListReversed { list, pos } => {
                if *pos == 0 {
                    return Ok(None);
                }
                *pos -= 1;
                return Ok(list.get(*pos));
            }
            PyIter::Tuple { tuple, pos } => {
                let v = tuple.get(*pos).cloned();
                *pos += 1;
                return Ok(v);
            }
            PyIter::Str { s, byte } => {
                let rest = &s.as_str()[*byte..];
                return Ok(rest.chars().next().map(|c| {
                    *byte += c.len_utf8();
                    Value::string(c.to_string())
                }));
            }
            PyIter::Range { next, step, left } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                return Ok(Some(Value::Int(v)));
            }
            PyIter::Dict {
                dict,
                part,
                pos,
                version,
                len,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                if d.version != *version && *len == usize::MAX {
                    return Ok(None);
                }
                return Ok(match d.entry_from(*pos) {
                    Some((np, e)) => {
                        *pos = np;
                        Some(match part {
                            DictPart::Keys => e.key.clone(),
                            DictPart::Values => e.value.clone(),
                            DictPart::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        })
                    }
                    None => None,
                });
            }
            PyIter::Set {
                set,
                pos,
                version: _,
                len,
            } => {
                let step =
                    |s: &PySet, pos: &mut usize, len: &mut usize| -> PyResult<Option<Value>> {
                        if s.len() != *len {
                            return Err(PyErr::runtime_error("Set changed size during iteration"));
                        }
                        Ok(s.entry_from(*pos).map(|(np, v)| {
                            *pos = np;
                            v.clone()
                        }))
                    };
                return match set {
                    SetRef::Set(s) => step(&s.borrow(), pos, len),
                    SetRef::Frozen(s) => step(s, pos, len),
                };
            }
            PyIter::Values { items, pos } => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                return Ok(v);
            }
            PyIter::Exhausted => return Ok(None),
            PyIter::View { .. } => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    st.type_name()
                )))
            }
            PyIter::Enumerate { inner, count } => Deferred::Enumerate(inner.clone(), count.clone()),
            PyIter::Zip { iters, strict } => Deferred::Zip(iters.clone(), *strict),
            PyIter::Map { func, iters } => Deferred::Map(func.clone(), iters.clone()),
            PyIter::Filter { func, inner } => Deferred::Filter(func.clone(), inner.clone()),
            PyIter::GetItem { obj, pos } => {
                *pos += 1;
                Deferred::GetItem(obj.clone(), *pos - 1)
            }
        }
    };
    match deferred {
        Deferred::Enumerate(inner, count) => {
            let Some(v) = vm.next(&inner)? else {
                return Ok(None);
            };
            let n = vm.binary_op(crate::lang::vm::ops::BinOp::Add, &count, &Value::Int(1))?;
            if let PyIter::Enumerate { count, .. } = &mut *it.borrow_mut() {
                *count = n;
            }
            Ok(Some(Value::tuple(vec![count, v])))
        }
        Deferred::Zip(iters, strict) => {
            let mut out = Vec::with_capacity(iters.len());
            for (i, x) in iters.iter().enumerate() {
                match vm.next(x)? {
                    Some(v) => out.push(v),
                    None => {
                        *it.borrow_mut() = PyIter::Exhausted;
                        if strict {
                            if i > 0 {
                                return Err(PyErr::value_error(format!(
                                    "zip() argument {} is shorter than argument{}",
                                    i + 1,
                                    if i == 1 {
                                        " 1".to_string()
                                    } else {
                                        format!("s 1-{i}")
                                    }
                                )));
                            }
                            for (j, y) in iters.iter().enumerate().skip(1) {
                                if vm.next(y)?.is_some() {
                                    return Err(PyErr::value_error(format!(
                                        "zip() argument {} is longer than argument{}",
                                        j + 1,
                                        if j == 1 {
                                            " 1".to_string()
                                        } else {
                                            format!("s 1-{j}")
                                        }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        Deferred::Map(func, iters) => {
            let mut args = Vec::with_capacity(iters.len());
            for x in &iters {
                match vm.next(x)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::new(args)).map(Some)
        }
        Deferred::Filter(func, inner) => loop {
            let Some(v) = vm.next(&inner)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                v.clone()
            } else {
                vm.call(&func, Args::new(vec![v.clone()]))?
            };
            if vm.truthy(&keep)? {
                return Ok(Some(v));
            }
        },
        Deferred::GetItem(obj, pos) => match vm.getitem(&obj, &Value::Int(pos)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches("IndexError") || e.matches("StopIteration") => {
                *it.borrow_mut() = PyIter::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

enum Deferred {
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    GetItem(Value, i64),
}
