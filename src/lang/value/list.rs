//! `list` and its methods (CPython `Objects/listobject.c`; `sort` is stable and compares
//! with `<` only, as `list.sort` does).

use std::cell::RefCell;

use super::{Args, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// A mutable sequence. Borrows of `items` are never held across calls into user code.
pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A snapshot of the items (for iteration that may run user code).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        super::drop::drop_values(std::mem::take(self.items.get_mut()));
    }
}

fn this(args: &Args) -> PyResult<std::rc::Rc<PyList>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'list' object")),
    }
}

/// Normalises the optional `start, stop` arguments of `index` (args 2 and 3).
pub fn index_bounds(vm: &mut Vm, args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match args.pos.get(2) {
        Some(v) => norm(vm.index_i64(v)?),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => norm(vm.index_i64(v)?),
        None => len,
    };
    Ok((start, stop))
}

fn append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("append", 1, 1)?;
    let l = this(&args)?;
    l.items.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("extend", 1, 1)?;
    let l = this(&args)?;
    let items = vm.collect(&args.pos[1])?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("insert", 2, 2)?;
    let l = this(&args)?;
    let i = vm.index_i64(&args.pos[1])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    items.insert(at, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("pop", 0, 1)?;
    let l = this(&args)?;
    let i = match args.pos.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(items.remove(at as usize))
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("remove", 1, 1)?;
    let l = this(&args)?;
    for (i, v) in l.snapshot().iter().enumerate() {
        if vm.eq(v, &args.pos[1])? {
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("index", 1, 3)?;
    let l = this(&args)?;
    let items = l.snapshot();
    let (start, stop) = index_bounds(vm, &args, items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("list.index(x): x not in list"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("count", 1, 1)?;
    let l = this(&args)?;
    let mut n = 0;
    for v in l.snapshot().iter() {
        if vm.eq(v, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Stable sort of `items` by `key` (or the items) with `<`, as `list.sort` and `sorted`.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for v in &items {
            ks.push(vm.call(key, Args::new(vec![v.clone()]))?);
        }
        ks
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // Reverse keeps stability: CPython reverses, sorts, reverses back.
    if reverse {
        idx.reverse();
    }
    merge_sort(&mut idx, &mut |a, b| vm.lt(&keys[a], &keys[b]))?;
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_more_kw("sort")?;
    if args.pos.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let l = this(&args)?;
    let items = std::mem::take(&mut *l.items.borrow_mut());
    match sort_values(vm, items.clone(), &key, reverse) {
        Ok(sorted) => {
            *l.items.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.items.borrow_mut() = items;
            Err(e)
        }
    }
}

fn reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("reverse", 0, 0)?;
    this(&args)?.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("copy", 0, 0)?;
    Ok(Value::list(this(&args)?.snapshot()))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("clear", 0, 0)?;
    this(&args)?.items.borrow_mut().clear();
    Ok(Value::None)
}

pub fn methods() -> Vec<(&'static str, super::BuiltinFn)> {
    vec![
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
    ]
}

/// A stable merge sort that only asks "is `a` less than `b`" and stops at the first error.
/// (Rust's `sort_by` may panic on comparators that are not total orders; user `__lt__`
/// need not be one.)
fn merge_sort(
    v: &mut [usize],
    less: &mut dyn FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let n = v.len();
    // Insertion sort runs of 16, then merge bottom-up.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            buf.clear();
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                if less(v[j], v[i])? {
                    buf.push(v[j]);
                    j += 1;
                } else {
                    buf.push(v[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            v[lo..hi].copy_from_slice(&buf);
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}
