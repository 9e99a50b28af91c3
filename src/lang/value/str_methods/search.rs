//! `str` searching: `find`/`index` and their `r` twins, `count`, `startswith`/`endswith`,
//! `partition`, `removeprefix`/`removesuffix` (CPython `Objects/stringlib/find.h`, `partition.h`).

use super::{arg_str, this, Args, PyErr, PyResult, PyStr, Value, Vm};

/// Resolves optional `start, end` (args 2, 3) to a byte range of `s`.
fn byte_range(vm: &mut Vm, s: &PyStr, args: &Args, first: usize) -> PyResult<(usize, usize)> {
    let n = s.len() as i64;
    let norm = |i: i64| -> usize { (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize };
    let start = match args.pos.get(first) {
        Some(Value::None) | None => 0,
        Some(v) => norm(vm.index_i64(v)?),
    };
    let end = match args.pos.get(first + 1) {
        Some(Value::None) | None => s.len(),
        Some(v) => norm(vm.index_i64(v)?),
    };
    Ok((s.byte_offset(start), s.byte_offset(end.max(start))))
}

fn find_impl(vm: &mut Vm, args: &Args, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    args.method(fname, 1, 3)?;
    let s = this(args)?;
    let sub = arg_str(args, 1, fname)?;
    let (a, b) = byte_range(vm, &s, args, 2)?;
    if b < a {
        return Ok(None);
    }
    let hay = &s.as_str()[a..b];
    let r = if rev {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    Ok(r.map(|off| s.char_index(a + off)))
}
pub(super) fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
pub(super) fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
pub(super) fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
pub(super) fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
pub(super) fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("count", 1, 3)?;
    let s = this(&args)?;
    let sub = arg_str(&args, 1, "count")?;
    let (a, b) = byte_range(vm, &s, &args, 2)?;
    let hay = &s.as_str()[a..b.max(a)];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: &Args, fname: &str, end: bool) -> PyResult<Value> {
    args.method(fname, 1, 3)?;
    let s = this(args)?;
    let (a, b) = byte_range(vm, &s, args, 2)?;
    let hay = if b >= a { &s.as_str()[a..b] } else { "" };
    let test = |p: &str| {
        if end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    match &args.pos[1] {
        Value::Str(p) => Ok(Value::Bool(b >= a && test(p.as_str()))),
        Value::Tuple(t) => {
            for p in t.iter() {
                match p {
                    Value::Str(p) => {
                        if b >= a && test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    o => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {fname} must only contain str, not {}",
                            o.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        o => Err(PyErr::type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            o.type_name()
        ))),
    }
}
pub(super) fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", false)
}
pub(super) fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", true)
}

fn partition_impl(args: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    args.method(fname, 1, 1)?;
    let s = this(args)?;
    let sep = arg_str(args, 1, fname)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let st = s.as_str();
    let found = if rev {
        st.rfind(sep.as_str())
    } else {
        st.find(sep.as_str())
    };
    Ok(Value::tuple(match found {
        Some(i) => vec![
            Value::str(&st[..i]),
            Value::Str(sep.clone()),
            Value::str(&st[i + sep.as_str().len()..]),
        ],
        None if rev => vec![Value::str(""), Value::str(""), Value::Str(s.clone())],
        None => vec![Value::Str(s.clone()), Value::str(""), Value::str("")],
    }))
}
pub(super) fn partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "partition", false)
}
pub(super) fn rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "rpartition", true)
}

pub(super) fn removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("removeprefix", 1, 1)?;
    let s = this(&args)?;
    let p = arg_str(&args, 1, "removeprefix")?;
    Ok(Value::str(
        s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str()),
    ))
}
pub(super) fn removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("removesuffix", 1, 1)?;
    let s = this(&args)?;
    let p = arg_str(&args, 1, "removesuffix")?;
    Ok(Value::str(
        s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str()),
    ))
}
