//! Built-in functions (CPython `Python/bltinmodule.c`).

use std::rc::Rc;

use crate::lang::value::int::{self, int_of};
use crate::lang::value::{float, Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::ops::{BinOp, UnaryOp};
use crate::lang::vm::{Stream, Vm};

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let opt_str = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(o) => Err(PyErr::type_error(format!(
                "{what} must be None or a string, not {}",
                o.type_name()
            ))),
        }
    };
    let sep = opt_str(args.take_kw("sep"), "sep", " ")?;
    let end = opt_str(args.take_kw("end"), "end", "\n")?;
    let file = args.take_kw("file").unwrap_or(Value::None);
    let _ = args.take_kw("flush");
    args.no_more_kw("print")?;
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.to_str(v)?);
    }
    text.push_str(&end);
    match stream_of(&file) {
        Some(s) => vm.write_checked(s, &text)?,
        None => {
            vm.call_method(&file, "write", vec![Value::string(text)])?;
        }
    }
    Ok(Value::None)
}

/// The console stream a `file=` argument names (`None` and `sys.stdout` are stdout).
pub fn stream_of(file: &Value) -> Option<Stream> {
    match file {
        Value::None => Some(Stream::Stdout),
        Value::Instance(i) => match i.dict.borrow().get_str("_fd") {
            Some(Value::Int(1)) => Some(Stream::Stdout),
            Some(Value::Int(2)) => Some(Stream::Stderr),
            _ => None,
        },
        _ => None,
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("repr", 1, 1)?;
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ascii", 1, 1)?;
    Ok(Value::string(super::format::ascii(&vm.repr(&args.pos[0])?)))
}

fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_more_kw("sorted")?;
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = vm.collect(&args.pos[0])?;
    Ok(Value::list(crate::lang::value::list::sort_values(
        vm, items, &key, reverse,
    )?))
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let default = args.take_kw("default");
    args.no_more_kw(name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.clone()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = if key.is_none() {
            v.clone()
        } else {
            vm.call(&key, Args::new(vec![v.clone()]))?
        };
        best = Some(match best {
            None => (v, k),
            Some((bv, bk)) => {
                let better = if want_less {
                    vm.lt(&k, &bk)?
                } else {
                    vm.lt(&bk, &k)?
                };
                if better {
                    (v, k)
                } else {
                    (bv, bk)
                }
            }
        });
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!(
            "{name}() iterable argument is empty"
        ))),
    }
}
fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}
fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    args.no_more_kw("sum")?;
    args.check("sum", 1, 2)?;
    let mut acc = start_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = &acc {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.iter(&args.pos[0])?;
    // Floats are summed with compensation since CPython 3.12 (Neumaier).
    let mut comp = 0.0f64;
    let mut float_mode = matches!(acc, Value::Float(_));
    while let Some(v) = vm.next(&it)? {
        if let (true, Value::Float(a), Value::Float(x)) = (float_mode, &acc, &v) {
            let t = a + x;
            if a.abs() >= x.abs() {
                comp += (a - t) + x;
            } else {
                comp += (x - t) + a;
            }
            acc = Value::Float(t);
            continue;
        }
        if let (true, Value::Float(a)) = (float_mode, &acc) {
            if let Some(i) = int_of(&v) {
                let x = i.to_f64()?;
                let t = a + x;
                if a.abs() >= x.abs() {
                    comp += (a - t) + x;
                } else {
                    comp += (x - t) + a;
                }
                acc = Value::Float(t);
                continue;
            }
        }
        if float_mode {
            if let Value::Float(a) = acc {
                acc = Value::Float(a + comp);
                comp = 0.0;
            }
            float_mode = false;
        }
        acc = vm.binary_op(BinOp::Add, &acc, &v)?;
        if matches!(acc, Value::Float(_)) && !float_mode {
            float_mode = true;
            comp = 0.0;
        }
    }
    if let (true, Value::Float(a)) = (float_mode, &acc) {
        if comp != 0.0 && comp.is_finite() {
            return Ok(Value::Float(a + comp));
        }
    }
    Ok(acc)
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("any", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("all", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("abs", 1, 1)?;
    let v = &args.pos[0];
    if let Some(i) = int_of(v) {
        return Ok(int::abs(i));
    }
    if let Value::Float(f) = v {
        return Ok(Value::Float(f.abs()));
    }
    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__abs__") {
        return vm.call(&f, Args::new(vec![v.clone()]));
    }
    Err(PyErr::type_error(format!(
        "bad operand type for abs(): '{}'",
        v.type_name()
    )))
}

fn round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd_kw = args.take_kw("ndigits");
    args.no_more_kw("round")?;
    args.check("round", 1, 2)?;
    let v = &args.pos[0];
    let nd = nd_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__round__") {
        let mut a = vec![v.clone()];
        if !nd.is_none() {
            a.push(nd);
        }
        return vm.call(&f, Args::new(a));
    }
    match v {
        Value::Float(x) => {
            if nd.is_none() {
                int::from_f64(x.round_ties_even())
            } else {
                let n = vm.index_i64(&nd)?;
                Ok(Value::Float(float::round_digits(*x, n)))
            }
        }
        _ if int_of(v).is_some() => {
            if nd.is_none() {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => v.clone(),
                });
            }
            let n = vm.index_i64(&nd)?;
            if n >= 0 {
                return Ok(v.clone());
            }
            // Round half to even at 10**-n.
            let p = int::pow(int::IntRef::Small(10), int::IntRef::Small(-n))?;
            let pi = int_of(&p).ok_or_else(|| PyErr::type_error("int expected"))?;
            let x = int_of(v).ok_or_else(|| PyErr::type_error("int expected"))?;
            let (q, r) = int::divmod(x, pi)?;
            let r2 = int::mul(
                int_of(&r).unwrap_or(int::IntRef::Small(0)),
                int::IntRef::Small(2),
            );
            let c = int::cmp(int_of(&r2).unwrap_or(int::IntRef::Small(0)), pi);
            let qi = int_of(&q).unwrap_or(int::IntRef::Small(0));
            let q_odd = int::to_string(qi).ends_with(['1', '3', '5', '7', '9']);
            let q = if c == std::cmp::Ordering::Greater || (c == std::cmp::Ordering::Equal && q_odd)
            {
                int::add(qi, int::IntRef::Small(1))
            } else {
                q.clone()
            };
            Ok(int::mul(int_of(&q).unwrap_or(int::IntRef::Small(0)), pi))
        }
        _ => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            v.type_name()
        ))),
    }
}

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

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &args.pos[0], &args.pos[1])?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iter", 1, 2)?;
    if args.pos.len() == 2 {
        return Err(PyErr::not_implemented(
            "iter(callable, sentinel) is not supported",
        ));
    }
    vm.iter(&args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("next", 1, 2)?;
    let it = &args.pos[0];
    let is_iter = match it {
        Value::Iter(i) => !i.borrow().is_view(),
        Value::Instance(_) => crate::lang::vm::protocol::user_method(it, "__next__").is_some(),
        Value::Coroutine(_) => true,
        Value::Rt(h) => matches!(h, crate::lang::modules::asyncio::RtHandle::AsCompleted(_)),
        _ => false,
    };
    if !is_iter {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration()),
        },
    }
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

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getattr", 2, 3)?;
    let name = attr_name(&args.pos[1])?;
    match vm.getattr(&args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches("AttributeError") && args.pos.len() == 3 => Ok(args.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hasattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    match vm.getattr(&args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.matches("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setattr", 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    vm.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("delattr", 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    vm.delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("callable", 1, 1)?;
    let v = &args.pos[0];
    Ok(Value::Bool(match v {
        Value::Builtin(_) | Value::BoundMethod(_) | Value::Function(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("id", 1, 1)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Instance(i) => 0x7f3a_1c00_0000 + i.serial as i64 * 0x40,
        Value::Function(f) => 0x7f3a_1c00_0000 + f.serial as i64 * 0x40,
        Value::Class(c) => 0x7f3a_1c00_0000 + c.serial as i64 * 0x40,
        other => other.id(),
    }))
}

fn divmod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("divmod", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        let (q, r) = int::divmod(x, y)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    let fa = match a {
        Value::Float(f) => Some(*f),
        _ => int_of(a).map(|i| i.to_f64()).transpose()?,
    };
    let fb = match b {
        Value::Float(f) => Some(*f),
        _ => int_of(b).map(|i| i.to_f64()).transpose()?,
    };
    if let (Some(x), Some(y)) = (fa, fb) {
        let (q, r) = float::divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

fn pow(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let m_kw = args.take_kw("mod");
    args.no_more_kw("pow")?;
    args.check("pow", 2, 3)?;
    let m = m_kw
        .or_else(|| args.pos.get(2).cloned())
        .unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(BinOp::Pow, &args.pos[0], &args.pos[1]);
    }
    match (int_of(&args.pos[0]), int_of(&args.pos[1]), int_of(&m)) {
        (Some(a), Some(b), Some(c)) => int::pow_mod(a, b, c),
        _ => Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )),
    }
}

fn chr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("chr", 1, 1)?;
    let i = int_of(&args.pos[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.pos[0].type_name()
        ))
    })?;
    let c = i
        .to_i64()
        .and_then(|c| u32::try_from(c).ok())
        .and_then(char::from_u32);
    c.map(|c| Value::string(c.to_string()))
        .ok_or_else(|| PyErr::value_error("chr() arg not in range(0x110000)"))
}

fn ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ord", 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) if s.len() == 1 => {
            Ok(Value::Int(s.char_at(0).map(|c| c as i64).unwrap_or(0)))
        }
        Value::Str(s) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.len()
        ))),
        o => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            o.type_name()
        ))),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    let v = &args.pos[0];
    let n = match int_of(v) {
        Some(_) => v.clone(),
        None => Value::Int(vm.index_i64(v)?),
    };
    let i = int_of(&n).ok_or_else(|| PyErr::type_error("int expected"))?;
    Ok(Value::string(int::to_radix(i, r, prefix)))
}
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("vars", 1, 1)?;
    vm.getattr(&args.pos[0], "__dict__")
        .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute"))
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn input(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::with_msg("EOFError", "EOF when reading a line"))
}

fn neg_helper(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.unary_op(UnaryOp::Neg, v)
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    let _ = neg_helper;
    vec![
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("sorted", sorted),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("any", any),
        ("all", all),
        ("abs", abs),
        ("round", round),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("getattr", getattr),
        ("hasattr", hasattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("callable", callable),
        ("hash", hash),
        ("id", id),
        ("divmod", divmod),
        ("pow", pow),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("vars", vars),
        ("dir", dir),
        ("input", input),
        ("format", super::format::builtin_format),
    ]
}
