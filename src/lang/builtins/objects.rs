//! Methods of `object`, `int`, `float` and the exception base classes
//! (CPython `Objects/typeobject.c` `object_methods`, `exceptions.c`).

use std::rc::Rc;

use crate::lang::value::function::Coroutine;
use crate::lang::value::int::{self, int_of};
use crate::lang::value::{Args, BuiltinFn, Instance, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

fn recv(args: &Args) -> PyResult<Value> {
    args.pos
        .first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("descriptor needs an argument"))
}

fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}
fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = recv(&args)?;
    Ok(Value::string(match &v {
        Value::Instance(i) if i.exc.is_none() => {
            format!(
                "<{} object at {}>",
                i.class.display_name(),
                crate::lang::value::fake_address(i.serial)
            )
        }
        _ => vm.repr(&v)?,
    }))
}
fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = recv(&args)?;
    Ok(Value::string(vm.repr(&v)?))
}
fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("__eq__", 1, 1)?;
    Ok(if args.pos[0].is(&args.pos[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}
fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("__ne__", 1, 1)?;
    let r = vm.compare(
        &args.pos[0],
        &args.pos[1],
        crate::lang::vm::protocol::CmpOp::Eq,
    )?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}
fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = recv(&args)?;
    Ok(Value::Int(match &v {
        Value::Instance(i) => (i.serial as i64).rotate_right(4),
        _ => vm.hash(&v)?,
    }))
}
fn object_setattr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("__setattr__", 2, 2)?;
    match (&args.pos[0], &args.pos[1]) {
        (Value::Instance(i), Value::Str(name)) => {
            i.dict
                .borrow_mut()
                .set_pystr(name.clone(), args.pos[2].clone());
            Ok(Value::None)
        }
        _ => Err(PyErr::type_error("attribute name must be string")),
    }
}
fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("__getattribute__", 1, 1)?;
    let name = vm.to_str(&args.pos[1])?;
    vm.getattr(&args.pos[0], &name)
}

pub fn object_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
    ]
}

fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("bit_length", 0, 0)?;
    let i =
        int_of(&args.pos[0]).ok_or_else(|| PyErr::type_error("descriptor requires an 'int'"))?;
    Ok(Value::Int(i.to_big().bits() as i64))
}
fn int_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(&args)
}
fn int_is_integer(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}
fn int_bit_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = int_of(&recv(&args)?)
        .map(|i| i.to_big())
        .unwrap_or_default();
    let n: u64 = i
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

pub fn int_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("is_integer", int_is_integer),
    ]
}

fn float_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match recv(&args)? {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(PyErr::type_error("descriptor requires a 'float'")),
    }
}
fn float_as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Float(f) = recv(&args)? else {
        return Err(PyErr::type_error("descriptor requires a 'float'"));
    };
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let mut num = f;
    let mut den = num_bigint::BigInt::from(1);
    while num.fract() != 0.0 {
        num *= 2.0;
        den *= 2;
    }
    let n = int::float_to_bigint(num);
    let g = num_integer::Integer::gcd(&n, &den);
    Ok(Value::tuple(vec![
        int::from_bigint(&n / &g),
        int::from_bigint(&den / &g),
    ]))
}

pub fn float_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
    ]
}

fn exc_of(v: &Value) -> PyResult<Rc<Instance>> {
    match v {
        Value::Instance(i) if i.exc.is_some() => Ok(i.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'BaseException' object",
        )),
    }
}

fn exc_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let inst = exc_of(&recv(&args)?)?;
    if let Some(e) = &inst.exc {
        e.borrow_mut().args = args.pos[1..].to_vec();
    }
    os_error_fields(&inst);
    Ok(Value::None)
}

/// `OSError(errno, strerror[, filename])` (CPython `oserror_init`): sets `errno`,
/// `strerror` and `filename` from the args (None for other forms); with a filename, `args`
/// keeps only the first two. No-op for other exceptions.
pub(crate) fn os_error_fields(inst: &Instance) {
    let Some(e) = &inst.exc else { return };
    if !inst
        .class
        .is_subclass(&crate::lang::builtins::types::exception("OSError"))
    {
        return;
    }
    let mut e = e.borrow_mut();
    let a = &mut e.args;
    let (errno, strerror, filename) = match a.len() {
        2..=5 => (a[0].clone(), a[1].clone(), a.get(2).cloned()),
        _ => (Value::None, Value::None, None),
    };
    if filename.is_some() {
        a.truncate(2);
    }
    let mut d = inst.dict.borrow_mut();
    d.set_str("errno", errno);
    d.set_str("strerror", strerror);
    d.set_str("filename", filename.unwrap_or(Value::None));
}
fn exc_add_note(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("add_note", 1, 1)?;
    let inst = exc_of(&args.pos[0])?;
    if !matches!(args.pos[1], Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            args.pos[1].type_name()
        )));
    }
    if let Some(e) = &inst.exc {
        e.borrow_mut().notes.push(args.pos[1].clone());
    }
    Ok(Value::None)
}
fn exc_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(&args)
}
fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Reached through `super().__repr__()`: the default exception repr.
    let v = recv(&args)?;
    let inst = exc_of(&v)?;
    let a = inst
        .exc
        .as_ref()
        .map(|e| e.borrow().args.clone())
        .unwrap_or_default();
    let inner = if a.len() == 1 {
        vm.repr(&a[0])?
    } else {
        let t = vm.repr(&Value::tuple(a))?;
        t[1..t.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(Value::string(format!("{}({})", inst.class.name, inner)))
}
fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = recv(&args)?;
    let inst = exc_of(&v)?;
    let a = inst
        .exc
        .as_ref()
        .map(|e| e.borrow().args.clone())
        .unwrap_or_default();
    Ok(Value::string(match a.len() {
        0 => String::new(),
        1 => vm.to_str(&a[0])?,
        _ => vm.repr(&Value::tuple(a))?,
    }))
}

pub fn exception_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("__init__", exc_init),
        ("__repr__", exc_repr),
        ("__str__", exc_str),
        ("add_note", exc_add_note),
        ("with_traceback", exc_with_traceback),
    ]
}

/// Splits a group by a condition: an exception type, a tuple of types, or a predicate
/// (`BaseExceptionGroup.split`, `exceptiongroup_split_recursive`).
fn group_split_rec(
    vm: &mut Vm,
    exc: &Value,
    cond: &Value,
) -> PyResult<(Option<Value>, Option<Value>)> {
    split_by(vm, exc, &mut |vm, e| match cond {
        Value::Class(_) | Value::Tuple(_) => super::functions::isinstance_of(vm, e, cond),
        f => {
            let r = vm.call(f, Args::new(vec![e.clone()]))?;
            vm.truthy(&r)
        }
    })
}

/// `(match, rest)` of `exc` by a condition on the group and each nested member; derived
/// groups keep the original's `__cause__`, `__context__` and notes.
pub(crate) fn split_by(
    vm: &mut Vm,
    exc: &Value,
    cond: &mut dyn FnMut(&mut Vm, &Value) -> PyResult<bool>,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if cond(vm, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    let inst = exc_of(exc)?;
    let group = inst.exc.as_ref().and_then(|e| e.borrow().group.clone());
    let Some((_, members)) = group else {
        return Ok((None, Some(exc.clone())));
    };
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for m in &members {
        let (a, b) = split_by(vm, m, cond)?;
        yes.extend(a);
        no.extend(b);
    }
    let derive = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Option<Value>> {
        if items.is_empty() {
            return Ok(None);
        }
        // Every member unchanged: the group itself (`exceptiongroup_subset`), so an
        // unhandled group leaving `except*` is the same object with its traceback.
        if items.len() == members.len() && items.iter().zip(&members).all(|(a, b)| a.is(b)) {
            return Ok(Some(exc.clone()));
        }
        let g = vm.call_method(exc, "derive", vec![Value::list(items)])?;
        // Copy __cause__, __context__, __notes__ and the traceback, as CPython does.
        if let (Value::Instance(new), Some(old)) = (&g, &inst.exc) {
            if let Some(ne) = &new.exc {
                let o = old.borrow();
                let mut n = ne.borrow_mut();
                n.cause = o.cause.clone();
                n.context = o.context.clone();
                n.notes = o.notes.clone();
                n.suppress_context = o.suppress_context;
                n.traceback = o.traceback.clone();
            }
        }
        Ok(Some(g))
    };
    Ok((derive(vm, yes)?, derive(vm, no)?))
}

fn check_condition(cond: &Value) -> PyResult<()> {
    match cond {
        Value::Class(c) if c.kind == crate::lang::value::TypeKind::Exception => Ok(()),
        Value::Tuple(t) if t.iter().all(|x| matches!(x, Value::Class(c) if c.kind == crate::lang::value::TypeKind::Exception)) => Ok(()),
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) => Ok(()),
        _ => Err(PyErr::type_error(
            "expected an exception type, a tuple of exception types, or a callable (other than a class)",
        )),
    }
}

fn group_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("split", 1, 1)?;
    check_condition(&args.pos[1])?;
    let (a, b) = group_split_rec(vm, &args.pos[0], &args.pos[1])?;
    Ok(Value::tuple(vec![
        a.unwrap_or(Value::None),
        b.unwrap_or(Value::None),
    ]))
}
fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("subgroup", 1, 1)?;
    check_condition(&args.pos[1])?;
    let (a, _) = group_split_rec(vm, &args.pos[0], &args.pos[1])?;
    Ok(a.unwrap_or(Value::None))
}
fn group_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("derive", 1, 1)?;
    let inst = exc_of(&args.pos[0])?;
    let msg = inst
        .exc
        .as_ref()
        .and_then(|e| e.borrow().group.as_ref().map(|g| g.0.clone()))
        .unwrap_or(Value::None);
    let base = super::types::exception("BaseExceptionGroup");
    crate::lang::value::exception::new_group(vm, &base, Args::new(vec![msg, args.pos[1].clone()]))
}

pub fn group_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("split", group_split),
        ("subgroup", group_subgroup),
        ("derive", group_derive),
    ]
}

fn property_with(args: &Args, which: usize) -> PyResult<Value> {
    use crate::lang::value::Descriptor;
    args.method("setter", 1, 1)?;
    let Value::Descriptor(d) = &args.pos[0] else {
        return Err(PyErr::type_error("descriptor requires a 'property' object"));
    };
    let Descriptor::Property { fget, fset, fdel } = &**d else {
        return Err(PyErr::type_error("descriptor requires a 'property' object"));
    };
    let f = args.pos[1].clone();
    let (g, s, dl) = match which {
        0 => (f, fset.clone(), fdel.clone()),
        1 => (fget.clone(), f, fdel.clone()),
        _ => (fget.clone(), fset.clone(), f),
    };
    Ok(Value::Descriptor(Rc::new(Descriptor::Property {
        fget: g,
        fset: s,
        fdel: dl,
    })))
}
fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 0)
}
fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 1)
}
fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 2)
}

pub fn property_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("getter", property_getter),
        ("setter", property_setter),
        ("deleter", property_deleter),
    ]
}

fn gen_of(args: &Args) -> PyResult<Rc<Coroutine>> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) => Ok(c.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'generator' object",
        )),
    }
}
fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("send", 1, 1)?;
    gen_resume_send(vm, &gen_of(&args)?, args.pos[1].clone())
}
/// `next(gen)` without a default: `send(None)`, so a returned value reaches `e.value`.
pub(crate) fn gen_next(vm: &mut Vm, c: &Rc<Coroutine>) -> PyResult<Value> {
    gen_resume_send(vm, c, Value::None)
}
fn gen_resume_send(vm: &mut Vm, c: &Rc<Coroutine>, v: Value) -> PyResult<Value> {
    if c.frame.borrow().is_none() && !c.running.get() {
        return Err(PyErr::stop_iteration());
    }
    let r = vm.resume_generator_full(c, crate::lang::vm::eval::Resume::Send(v))?;
    r.map_err(stop_with)
}
fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("throw", 1, 3)?;
    let c = gen_of(&args)?;
    let e = match &args.pos[1] {
        Value::Class(_) => vm.call(&args.pos[1], Args::default())?,
        other => other.clone(),
    };
    if c.frame.borrow().is_none() {
        return Err(crate::lang::vm::eval::as_err(e));
    }
    let r = vm.resume_generator_full(
        &c,
        crate::lang::vm::eval::Resume::Throw(crate::lang::vm::eval::as_err(e)),
    )?;
    r.map_err(stop_with)
}
/// `StopIteration(value)` for a generator that returned `value` (no args for None).
fn stop_with(ret: Value) -> PyErr {
    let args = if ret.is_none() { vec![] } else { vec![ret] };
    PyErr::new(
        &crate::lang::builtins::types::exception("StopIteration"),
        args,
    )
}
/// `close()` (CPython `gen_close`): a suspended generator gets GeneratorExit at its
/// `yield` (its `finally` runs); one that never started is just marked finished (a
/// coroutine closed this way is not reported as never awaited).
fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("close", 0, 0)?;
    if let Some(Value::Native(n)) = args.pos.first() {
        // A library coroutine (`asyncio.sleep(0)`) closed before it was awaited.
        n.state.borrow_mut().take();
        return Ok(Value::None);
    }
    let c = gen_of(&args)?;
    if c.running.get() {
        let what = if c.is_coroutine {
            "coroutine"
        } else {
            "generator"
        };
        return Err(PyErr::value_error(format!("{what} already executing")));
    }
    if !c.started.get() || c.frame.borrow().is_none() {
        *c.frame.borrow_mut() = None;
        c.started.set(true);
        return Ok(Value::None);
    }
    let exit = PyErr::new(
        &crate::lang::builtins::types::exception("GeneratorExit"),
        vec![],
    );
    match vm.resume_generator(&c, crate::lang::vm::eval::Resume::Throw(exit)) {
        Ok(Some(_)) => {
            *c.frame.borrow_mut() = None;
            let what = if c.is_coroutine {
                "coroutine"
            } else {
                "generator"
            };
            Err(PyErr::runtime_error(format!(
                "{what} ignored GeneratorExit"
            )))
        }
        Ok(None) => Ok(Value::None),
        Err(e) if e.matches("GeneratorExit") || e.matches("StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}

pub fn generator_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
    ]
}

/// `coroutine.__await__()`: the object itself, which `yield from` drives (so a class's
/// `__await__` can delegate: `return coro.__await__()` or `yield from coro.__await__()`).
fn coro_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("__await__", 0, 0)?;
    Ok(args.pos[0].clone())
}

/// Coroutines: the generator methods plus `__await__`.
pub fn coroutine_methods() -> Vec<(&'static str, BuiltinFn)> {
    let mut m = generator_methods();
    m.push(("__await__", coro_await));
    m
}

use crate::lang::value::function::AgenOp;

fn agen_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.pos
        .first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("descriptor requires an 'async_generator' object"))
}

fn agen_of(args: &Args) -> PyResult<Rc<Coroutine>> {
    match args.pos.first() {
        Some(Value::Coroutine(c)) if c.is_async_gen => Ok(c.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires an 'async_generator' object",
        )),
    }
}
/// The exception `athrow(typ[, val])` throws: a class is instantiated.
fn thrown(vm: &mut Vm, v: &Value) -> PyResult<PyErr> {
    let e = match v {
        Value::Class(_) => vm.call(v, Args::default())?,
        other => other.clone(),
    };
    Ok(crate::lang::vm::eval::as_err(e))
}
/// `agen.asend(value)`: the awaitable (the generator itself, primed) that sends `value`.
fn agen_asend(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("asend", 1, 1)?;
    let c = agen_of(&args)?;
    c.agen_op
        .set(Some(Box::new(AgenOp::Send(args.pos[1].clone()))));
    Ok(args.pos[0].clone())
}
/// `agen.athrow(exc)`: the awaitable that raises `exc` at the generator's `yield`.
fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("athrow", 1, 3)?;
    let c = agen_of(&args)?;
    let e = thrown(vm, &args.pos[1])?;
    c.agen_op.set(Some(Box::new(AgenOp::Throw(e))));
    Ok(args.pos[0].clone())
}
/// `agen.aclose()`: the awaitable that raises GeneratorExit at the generator's `yield`;
/// awaiting it gives None once the generator has finished.
fn agen_aclose(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("aclose", 0, 0)?;
    let c = agen_of(&args)?;
    let exit = PyErr::new(
        &crate::lang::builtins::types::exception("GeneratorExit"),
        vec![],
    );
    c.agen_op.set(Some(Box::new(AgenOp::Throw(exit))));
    c.closing.set(true);
    Ok(args.pos[0].clone())
}

/// `__aiter__` returns the generator; `__anext__` returns it too, as the awaitable that
/// runs it to its next `yield` (see `Flow::AsyncGenYield`); `asend`/`athrow`/`aclose`
/// prime it with what the next `await` does (see `AgenOp`).
pub fn async_gen_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("__aiter__", agen_self),
        ("__anext__", agen_self),
        ("asend", agen_asend),
        ("athrow", agen_athrow),
        ("aclose", agen_aclose),
    ]
}
