//! Methods and operators of `set` and `frozenset` (CPython `Objects/setobject.c`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, PySet, Value};
use crate::lang::vm::ops::BinOp;
use crate::lang::vm::Vm;

/// Adds `x` to `s`, hashing through the VM.
pub fn add_to(vm: &mut Vm, s: &mut PySet, x: Value) -> PyResult<()> {
    let h = vm
        .hash(&x)
        .map_err(|e| crate::lang::vm::items::unhashable_as(e, &x, "a set element"))?;
    s.add(h, x, &mut |a, b| vm.eq(a, b))?;
    Ok(())
}

fn build(vm: &mut Vm, items: Vec<Value>) -> PyResult<PySet> {
    let mut s = PySet::new();
    for x in items {
        add_to(vm, &mut s, x)?;
    }
    Ok(s)
}

fn wrap(frozen: bool, s: PySet) -> Value {
    if frozen {
        Value::FrozenSet(Rc::new(s))
    } else {
        Value::Set(Rc::new(RefCell::new(s)))
    }
}

fn contents(v: &Value) -> Option<PySet> {
    match v {
        Value::Set(s) => Some(s.borrow().clone()),
        Value::FrozenSet(s) => Some((**s).clone()),
        _ => None,
    }
}

fn member(vm: &mut Vm, s: &PySet, x: &Value) -> PyResult<bool> {
    let h = vm.hash_for_set(x)?;
    s.contains(h, x, &mut |a, b| vm.eq(a, b))
}

/// The set algebra shared by operators and methods; the result has `a`'s type.
fn algebra(vm: &mut Vm, op: BinOp, a: &PySet, b: &PySet, frozen: bool) -> PyResult<Value> {
    let r = match op {
        BinOp::Or => {
            let mut r = a.clone();
            for x in b.values() {
                add_to(vm, &mut r, x)?;
            }
            r
        }
        BinOp::And => {
            // CPython iterates the smaller set.
            let (small, big) = if b.len() < a.len() { (b, a) } else { (a, b) };
            let mut r = PySet::new();
            for x in small.values() {
                if member(vm, big, &x)? {
                    add_to(vm, &mut r, x)?;
                }
            }
            r
        }
        BinOp::Sub => {
            let mut r = PySet::new();
            for x in a.values() {
                if !member(vm, b, &x)? {
                    add_to(vm, &mut r, x)?;
                }
            }
            r
        }
        _ => {
            let mut r = a.clone();
            for x in b.values() {
                let h = vm.hash(&x)?;
                if !r.discard(h, &x, &mut |p, q| vm.eq(p, q))? {
                    r.add(h, x, &mut |p, q| vm.eq(p, q))?;
                }
            }
            r
        }
    };
    Ok(wrap(frozen, r))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets.
pub fn set_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (contents(a), contents(b)) else {
        return Err(PyErr::type_error("set operation on non-sets"));
    };
    algebra(vm, op, &x, &y, matches!(a, Value::FrozenSet(_)))
}

fn this(args: &Args) -> PyResult<PySet> {
    args.pos
        .first()
        .and_then(contents)
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'set' object"))
}
fn this_mut(args: &Args) -> PyResult<Rc<RefCell<PySet>>> {
    match args.pos.first() {
        Some(Value::Set(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'set' object")),
    }
}
fn is_frozen(args: &Args) -> bool {
    matches!(args.pos.first(), Some(Value::FrozenSet(_)))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("add", 1, 1)?;
    let s = this_mut(&args)?;
    let x = args.pos[1].clone();
    let h = vm
        .hash(&x)
        .map_err(|e| crate::lang::vm::items::unhashable_as(e, &x, "a set element"))?;
    mutate(vm, &s, &x, |set, eq| set.add(h, x.clone(), eq).map(|_| ()))?;
    Ok(Value::None)
}

/// Runs `f` on the set in place. Keys that are instances may run user `__eq__`, which
/// could touch this set, so they work on a copy that is stored back afterwards.
fn mutate(
    vm: &mut Vm,
    s: &Rc<RefCell<PySet>>,
    key: &Value,
    f: impl FnOnce(&mut PySet, &mut crate::lang::value::dict::KeyEq) -> PyResult<()>,
) -> PyResult<()> {
    if matches!(key, Value::Instance(_)) {
        let mut tmp = s.borrow().clone();
        f(&mut tmp, &mut |a, b| vm.eq(a, b))?;
        *s.borrow_mut() = tmp;
        return Ok(());
    }
    let mut b = s
        .try_borrow_mut()
        .map_err(|_| PyErr::runtime_error("Set changed size during iteration"))?;
    f(&mut b, &mut |a, k| {
        Ok(crate::lang::value::dict::simple_eq(a, k).unwrap_or(false))
    })
}

fn discard_impl(vm: &mut Vm, args: &Args, strict: bool) -> PyResult<Value> {
    let s = this_mut(args)?;
    let x = args.pos[1].clone();
    let h = vm.hash_for_set(&x)?;
    let mut found = false;
    mutate(vm, &s, &x, |set, eq| {
        found = set.discard(h, &x, eq)?;
        Ok(())
    })?;
    if strict && !found {
        return Err(PyErr::key_error(x));
    }
    Ok(Value::None)
}
fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("discard", 1, 1)?;
    discard_impl(vm, &args, false)
}
fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("remove", 1, 1)?;
    discard_impl(vm, &args, true)
}
fn pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("pop", 0, 0)?;
    let s = this_mut(&args)?;
    let r = s.borrow_mut().pop();
    r.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}
fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("clear", 0, 0)?;
    this_mut(&args)?.borrow_mut().clear();
    Ok(Value::None)
}
fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("copy", 0, 0)?;
    Ok(wrap(is_frozen(&args), this(&args)?))
}

/// Methods taking any number of iterables (`union(*others)` ...).
fn multi(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Value> {
    let mut acc = this(args)?;
    let frozen = is_frozen(args);
    for other in &args.pos[1..] {
        let o = match contents(other) {
            Some(s) => s,
            None => {
                let items = vm.collect(other)?;
                build(vm, items)?
            }
        };
        acc = match algebra(vm, op, &acc, &o, false)? {
            Value::Set(s) => s.borrow().clone(),
            _ => acc,
        };
    }
    Ok(wrap(frozen, acc))
}
fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, &args, BinOp::Or)
}
fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, &args, BinOp::And)
}
fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    multi(vm, &args, BinOp::Sub)
}
fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("symmetric_difference", 1, 1)?;
    multi(vm, &args, BinOp::Xor)
}

fn in_place(vm: &mut Vm, args: Args, op: BinOp) -> PyResult<Value> {
    let s = this_mut(&args)?;
    let r = multi(vm, &args, op)?;
    if let Value::Set(n) = r {
        let n = n.borrow().clone();
        *s.borrow_mut() = n;
    }
    Ok(Value::None)
}
fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    in_place(vm, args, BinOp::Or)
}
fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    in_place(vm, args, BinOp::And)
}
fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    in_place(vm, args, BinOp::Sub)
}
fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    in_place(vm, args, BinOp::Xor)
}

fn other_set(vm: &mut Vm, args: &Args) -> PyResult<PySet> {
    match args.pos.get(1).and_then(contents) {
        Some(s) => Ok(s),
        None => {
            let items = vm.collect(args.pos.get(1).unwrap_or(&Value::None))?;
            build(vm, items)
        }
    }
}
fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("issubset", 1, 1)?;
    let (a, b) = (this(&args)?, other_set(vm, &args)?);
    for x in a.values() {
        if !member(vm, &b, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("issuperset", 1, 1)?;
    let (a, b) = (this(&args)?, other_set(vm, &args)?);
    for x in b.values() {
        if !member(vm, &a, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isdisjoint", 1, 1)?;
    let (a, b) = (this(&args)?, other_set(vm, &args)?);
    for x in a.values() {
        if member(vm, &b, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The method table of `set` (`mutable`) or `frozenset`.
pub fn methods(mutable: bool) -> Vec<(&'static str, BuiltinFn)> {
    let mut m: Vec<(&'static str, BuiltinFn)> = vec![
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    if mutable {
        m.extend([
            ("add", add as BuiltinFn),
            ("discard", discard),
            ("remove", remove),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
        ]);
    }
    m
}

/// A `set` built from values (used by constructors and comprehensions).
pub fn make(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    Ok(wrap(frozen, build(vm, items)?))
}
