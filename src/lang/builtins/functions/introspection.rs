//! Built-ins that look at objects: `isinstance`, `issubclass`, `getattr` and friends,
//! `callable`, `hash`, `id`, `vars`, `dir` (CPython `Python/bltinmodule.c`).

use std::rc::Rc;

use super::{Args, PyErr, PyResult, Value, Vm};

/// Whether `v` is an instance of the class or tuple of classes `spec`.
pub fn isinstance_of(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(vm.type_of(v).is_subclass(c)),
        Value::Tuple(t) => {
            for s in t.iter() {
                if isinstance_of(vm, v, s)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::None => Ok(matches!(v, Value::None)),
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

pub(super) fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &args.pos[0], &args.pos[1])?))
}

pub(super) fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("issubclass", 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    fn sub(c: &Rc<crate::lang::value::Class>, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(d) => Ok(c.is_subclass(d)),
            Value::Tuple(t) => {
                for s in t.iter() {
                    if sub(c, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    let _ = vm;
    Ok(Value::Bool(sub(c, &args.pos[1])?))
}

fn attr_name(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        o => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            o.type_name()
        ))),
    }
}

pub(super) fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getattr", 2, 3)?;
    let name = attr_name(&args.pos[1])?;
    match vm.getattr(&args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches("AttributeError") && args.pos.len() == 3 => Ok(args.pos[2].clone()),
        Err(e) => Err(e),
    }
}

pub(super) fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hasattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    match vm.getattr(&args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.matches("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub(super) fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setattr", 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    vm.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

pub(super) fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("delattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    vm.delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

pub(super) fn callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("callable", 1, 1)?;
    let v = &args.pos[0];
    Ok(Value::Bool(match v {
        Value::Builtin(_) | Value::BoundMethod(_) | Value::Function(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }))
}

pub(super) fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

pub(super) fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("id", 1, 1)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Instance(i) => 0x7f3a_1c00_0000 + i.serial as i64 * 0x40,
        Value::Function(f) => 0x7f3a_1c00_0000 + f.serial as i64 * 0x40,
        Value::Class(c) => 0x7f3a_1c00_0000 + c.serial as i64 * 0x40,
        other => other.id(),
    }))
}

pub(super) fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("vars", 1, 1)?;
    vm.getattr(&args.pos[0], "__dict__")
        .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute"))
}

pub(super) fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dir", 1, 1)?;
    let v = &args.pos[0];
    let mut names: Vec<String> = Vec::new();
    let cls = vm.type_of(v);
    if let Value::Instance(i) = v {
        names.extend(
            i.dict
                .borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_pystr().map(|s| s.as_str().to_string())),
        );
    }
    let classes = match v {
        Value::Class(c) => c.full_mro(),
        _ => cls.full_mro(),
    };
    for c in classes {
        names.extend(
            c.dict
                .borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_pystr().map(|s| s.as_str().to_string())),
        );
    }
    crate::sort::sort(&mut names);
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}
