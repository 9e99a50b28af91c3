//! Methods of `dict` (CPython `Objects/dictobject.c` `mapp_methods`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::iter::{DictPart, PyIter};
use crate::lang::value::{Args, BuiltinFn, PyDict, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

fn this(args: &Args) -> PyResult<Rc<RefCell<PyDict>>> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn view(args: &Args, part: DictPart) -> PyResult<Value> {
    Ok(PyIter::View {
        dict: this(args)?,
        part,
    }
    .into_value())
}
fn keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("keys", 0, 0)?;
    view(&args, DictPart::Keys)
}
fn values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("values", 0, 0)?;
    view(&args, DictPart::Values)
}
fn items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("items", 0, 0)?;
    view(&args, DictPart::Items)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("get", 1, 2)?;
    let d = this(&args)?;
    Ok(vm
        .dict_get(&d, &args.pos[1])?
        .unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("pop", 1, 2)?;
    let d = this(&args)?;
    match vm.dict_del(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => args
            .pos
            .get(2)
            .cloned()
            .ok_or_else(|| PyErr::key_error(args.pos[1].clone())),
    }
}

fn popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("popitem", 0, 0)?;
    let d = this(&args)?;
    let mut b = d.borrow_mut();
    let ix = b
        .last_index()
        .ok_or_else(|| PyErr::key_error(Value::str("popitem(): dictionary is empty")))?;
    let e = b
        .remove_found(ix)
        .ok_or_else(|| PyErr::runtime_error("dict changed"))?;
    Ok(Value::tuple(vec![e.key, e.value]))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("setdefault", 1, 2)?;
    let d = this(&args)?;
    if let Some(v) = vm.dict_get(&d, &args.pos[1])? {
        return Ok(v);
    }
    let v = args.pos.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args.pos[1].clone(), v.clone())?;
    Ok(v)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Some(other) = args.pos.get(1) {
        vm.dict_update(&d, other)?;
    }
    for (k, v) in args.kw {
        vm.dict_set(&d, Value::Str(k), v)?;
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("copy", 0, 0)?;
    Ok(Value::dict(this(&args)?.borrow().clone()))
}

fn clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("clear", 0, 0)?;
    this(&args)?.borrow_mut().clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`: a class method, so `args.pos[0]` is the class.
fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (keys, value) = match args.pos.first() {
        Some(Value::Class(_)) | Some(Value::Dict(_)) => (args.pos.get(1), args.pos.get(2)),
        _ => (args.pos.first(), args.pos.get(1)),
    };
    let keys =
        keys.ok_or_else(|| PyErr::type_error("fromkeys expected at least 1 argument, got 0"))?;
    let value = value.cloned().unwrap_or(Value::None);
    let d = Rc::new(RefCell::new(PyDict::new()));
    for k in vm.collect(keys)? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
        ("fromkeys", fromkeys),
    ]
}
