//! `tuple`: an immutable boxed slice (CPython `Objects/tupleobject.c`).

use super::{Args, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// An immutable sequence of values.
pub struct PyTuple {
    items: Box<[Value]>,
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        let items = std::mem::take(&mut self.items);
        super::drop::drop_values(items.into_vec());
    }
}

impl std::ops::Deref for PyTuple {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.items
    }
}

fn this(args: &Args) -> PyResult<&[Value]> {
    match args.pos.first() {
        Some(Value::Tuple(t)) => Ok(t),
        _ => Err(PyErr::type_error("descriptor requires a 'tuple' object")),
    }
}

/// `tuple.index(x[, start[, stop]])`.
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("index", 1, 3)?;
    let items = this(&args)?.to_vec();
    let (start, stop) = super::list::index_bounds(vm, &args, items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

/// `tuple.count(x)`.
fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("count", 1, 1)?;
    let items = this(&args)?.to_vec();
    let mut n = 0;
    for v in &items {
        if vm.eq(v, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn methods() -> Vec<(&'static str, super::BuiltinFn)> {
    vec![("index", index), ("count", count)]
}
