//! Calling a built-in type: `int(x)`, `str(x)`, `list(it)`, `range(...)`, `enumerate(...)`
//! ... (each type's `tp_new` in CPython `Objects/*object.c`, `Python/bltinmodule.c`).

use std::rc::Rc;

use crate::lang::value::int::{self, int_of};
use crate::lang::value::iter::PyIter;
use crate::lang::value::{float, Args, Class, Descriptor, PyErr, PyResult, Range, TypeKind, Value};
use crate::lang::vm::Vm;

/// A `set` from values.
pub fn make_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    super::sets::make(vm, items, false)
}

/// Dispatches a call of built-in class `cls`.
pub fn construct(vm: &mut Vm, cls: &Rc<Class>, mut args: Args) -> PyResult<Value> {
    let name: &str = &cls.name;
    match cls.kind {
        TypeKind::Int => {
            let base = args.take_kw("base");
            args.no_more_kw("int")?;
            args.check("int", 0, 2)?;
            let base = base.or_else(|| args.pos.get(1).cloned());
            new_int(vm, args.pos.first(), base.as_ref())
        }
        TypeKind::Bool => {
            args.no_more_kw("bool")?;
            args.check("bool", 0, 1)?;
            Ok(Value::Bool(match args.pos.first() {
                Some(v) => vm.truthy(v)?,
                None => false,
            }))
        }
        TypeKind::Float => {
            args.no_more_kw("float")?;
            args.check("float", 0, 1)?;
            new_float(vm, args.pos.first())
        }
        TypeKind::Str => {
            let _ = args.take_kw("encoding");
            args.no_more_kw("str")?;
            args.check("str", 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::Str(vm.to_pystr(v)?)),
                None => Ok(Value::str("")),
            }
        }
        TypeKind::List => {
            args.no_more_kw("list")?;
            args.check("list", 0, 1)?;
            Ok(Value::list(match args.pos.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            }))
        }
        TypeKind::Tuple => {
            args.no_more_kw("tuple")?;
            args.check("tuple", 0, 1)?;
            match args.pos.first() {
                Some(t @ Value::Tuple(_)) => Ok(t.clone()),
                Some(v) => Ok(Value::tuple(vm.collect(v)?)),
                None => Ok(Value::tuple(Vec::new())),
            }
        }
        TypeKind::Dict => {
            args.check("dict", 0, 1)?;
            let d = Rc::new(std::cell::RefCell::new(crate::lang::value::PyDict::new()));
            if let Some(v) = args.pos.first() {
                vm.dict_update(&d, v)?;
            }
            for (k, v) in args.kw {
                vm.dict_set(&d, Value::Str(k), v)?;
            }
            Ok(Value::Dict(d))
        }
        TypeKind::Set | TypeKind::FrozenSet => {
            args.no_more_kw(name)?;
            args.check(name, 0, 1)?;
            let items = match args.pos.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            };
            super::sets::make(vm, items, cls.kind == TypeKind::FrozenSet)
        }
        TypeKind::Range => {
            args.no_more_kw("range")?;
            if args.pos.is_empty() {
                return Err(PyErr::type_error(
                    "range expected at least 1 argument, got 0",
                ));
            }
            args.check("range", 1, 3)?;
            let mut n = Vec::new();
            for v in &args.pos {
                n.push(range_arg(vm, v)?);
            }
            let r = match n.len() {
                1 => Range::new(0, n[0], 1)?,
                2 => Range::new(n[0], n[1], 1)?,
                _ => Range::new(n[0], n[1], n[2])?,
            };
            Ok(Value::Range(Rc::new(r)))
        }
        TypeKind::Slice => {
            args.check("slice", 1, 3)?;
            let p = &args.pos;
            let s = match p.len() {
                1 => [Value::None, p[0].clone(), Value::None],
                2 => [p[0].clone(), p[1].clone(), Value::None],
                _ => [p[0].clone(), p[1].clone(), p[2].clone()],
            };
            Ok(Value::Slice(Rc::new(s)))
        }
        TypeKind::Type => {
            args.check("type", 1, 3)?;
            if args.pos.len() == 1 {
                return Ok(Value::Class(vm.type_of(&args.pos[0])));
            }
            Err(PyErr::not_implemented(
                "type() with 3 arguments is not supported",
            ))
        }
        TypeKind::Descriptor => {
            let f = args.pos.first().cloned().unwrap_or(Value::None);
            Ok(Value::Descriptor(Rc::new(match name {
                "staticmethod" => Descriptor::StaticMethod(f),
                "classmethod" => Descriptor::ClassMethod(f),
                _ => {
                    let fset = args
                        .take_kw("fset")
                        .or_else(|| args.pos.get(1).cloned())
                        .unwrap_or(Value::None);
                    let fget = args.take_kw("fget").unwrap_or(f);
                    Descriptor::Property {
                        fget,
                        fset,
                        fdel: Value::None,
                    }
                }
            })))
        }
        TypeKind::Iterator => iterator(vm, name, args),
        TypeKind::Super => {
            args.check("super", 2, 2)?;
            let Value::Class(this) = &args.pos[0] else {
                return Err(PyErr::type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    args.pos[0].type_name()
                )));
            };
            let obj = &args.pos[1];
            let ok = match obj {
                Value::Class(c) => c.is_subclass(this),
                other => vm.type_of(other).is_subclass(this),
            };
            if !ok {
                return Err(PyErr::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            let inst = crate::lang::value::Instance::new(cls.clone());
            inst.dict
                .borrow_mut()
                .set_str("__thisclass__", args.pos[0].clone());
            inst.dict.borrow_mut().set_str("__self__", obj.clone());
            Ok(Value::Instance(inst))
        }
        TypeKind::NoneType => Ok(Value::None),
        _ => Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            cls.name
        ))),
    }
}

fn range_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match int_of(v) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t")),
        None => {
            if crate::lang::vm::protocol::user_method(v, "__index__").is_some() {
                return vm.index_i64(v);
            }
            Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )))
        }
    }
}

fn new_int(vm: &mut Vm, x: Option<&Value>, base: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else { return Ok(Value::Int(0)) };
    if let Some(b) = base {
        let b = vm.index_i64(b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match x {
            Value::Str(s) => int::parse(s.as_str(), b as u32),
            _ => Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Float(f) => int::from_f64(*f),
        Value::Str(s) => int::parse(s.as_str(), 10),
        Value::Instance(_) => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = crate::lang::vm::protocol::user_method(x, m) {
                    let r = vm.call(&f, Args::new(vec![x.clone()]))?;
                    if int_of(&r).is_some() {
                        return Ok(r);
                    }
                    return Err(PyErr::type_error(format!(
                        "{m} returned non-int (type {})",
                        r.type_name()
                    )));
                }
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                x.type_name()
            )))
        }
        _ => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            x.type_name()
        ))),
    }
}

fn new_float(vm: &mut Vm, x: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Str(s) => float::parse(s.as_str()).map(Value::Float).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                crate::lang::value::str::repr_str(s.as_str())
            ))
        }),
        other => match int_of(other) {
            Some(i) => Ok(Value::Float(i.to_f64()?)),
            None => {
                if let Some(f) = crate::lang::vm::protocol::user_method(x, "__float__") {
                    return vm.call(&f, Args::new(vec![x.clone()]));
                }
                Err(PyErr::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    x.type_name()
                )))
            }
        },
    }
}

fn iterator(vm: &mut Vm, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "enumerate" => {
            let start = args.take_kw("start");
            let iterable = args.take_kw("iterable");
            args.no_more_kw("enumerate")?;
            let mut pos = args.pos.into_iter();
            let it = iterable.or_else(|| pos.next()).ok_or_else(|| {
                PyErr::type_error("enumerate() missing required argument 'iterable'")
            })?;
            let count = start.or_else(|| pos.next()).unwrap_or(Value::Int(0));
            if int_of(&count).is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    count.type_name()
                )));
            }
            let inner = vm.iter(&it)?;
            Ok(PyIter::Enumerate { inner, count }.into_value())
        }
        "zip" => {
            let strict = match args.take_kw("strict") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            args.no_more_kw("zip")?;
            let mut iters = Vec::new();
            for a in &args.pos {
                iters.push(vm.iter(a)?);
            }
            if iters.is_empty() {
                return Ok(PyIter::Exhausted.into_value());
            }
            Ok(PyIter::Zip { iters, strict }.into_value())
        }
        "map" => {
            args.no_more_kw("map")?;
            if args.pos.len() < 2 {
                return Err(PyErr::type_error("map() must have at least two arguments."));
            }
            let func = args.pos[0].clone();
            let mut iters = Vec::new();
            for a in &args.pos[1..] {
                iters.push(vm.iter(a)?);
            }
            Ok(PyIter::Map { func, iters }.into_value())
        }
        "filter" => {
            args.no_more_kw("filter")?;
            args.check("filter", 2, 2)?;
            let inner = vm.iter(&args.pos[1])?;
            Ok(PyIter::Filter {
                func: args.pos[0].clone(),
                inner,
            }
            .into_value())
        }
        "reversed" => {
            args.no_more_kw("reversed")?;
            args.check("reversed", 1, 1)?;
            let v = &args.pos[0];
            match v {
                Value::List(l) => Ok(PyIter::ListReversed {
                    list: l.clone(),
                    pos: l.len(),
                }
                .into_value()),
                Value::Tuple(_) | Value::Str(_) | Value::Range(_) => {
                    let mut items = vm.collect(v)?;
                    items.reverse();
                    Ok(PyIter::Values { items, pos: 0 }.into_value())
                }
                Value::Dict(_) => {
                    let mut items = vm.collect(v)?;
                    items.reverse();
                    Ok(PyIter::Values { items, pos: 0 }.into_value())
                }
                Value::Iter(it) if it.borrow().is_view() => {
                    let mut items = vm.collect(v)?;
                    items.reverse();
                    Ok(PyIter::Values { items, pos: 0 }.into_value())
                }
                Value::Instance(_) => {
                    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__reversed__") {
                        return vm.call(&f, Args::new(vec![v.clone()]));
                    }
                    if crate::lang::vm::protocol::user_method(v, "__getitem__").is_some()
                        && crate::lang::vm::protocol::user_method(v, "__len__").is_some()
                    {
                        let n = vm.len(v)?;
                        let mut items = Vec::with_capacity(n);
                        for i in (0..n).rev() {
                            items.push(vm.getitem(v, &Value::Int(i as i64))?);
                        }
                        return Ok(PyIter::Values { items, pos: 0 }.into_value());
                    }
                    Err(PyErr::type_error(format!(
                        "'{}' object is not reversible",
                        v.type_name()
                    )))
                }
                _ => Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    v.type_name()
                ))),
            }
        }
        _ => Err(PyErr::type_error(format!(
            "cannot create '{name}' instances"
        ))),
    }
}
