//! `str` layout and formatting: padding (`ljust`, `rjust`, `center`, `zfill`),
//! `expandtabs`, `format`/`format_map`, and `encode` (not supported here).

use super::{this, Args, PyErr, PyResult, Value, Vm};

fn fill_char(args: &Args, i: usize, fname: &str) -> PyResult<char> {
    match args.pos.get(i) {
        None => Ok(' '),
        Some(Value::Str(s)) if s.len() == 1 => Ok(s.char_at(0).unwrap_or(' ')),
        Some(Value::Str(_)) => Err(PyErr::type_error(
            "The fill character must be exactly one character long",
        )),
        Some(o) => Err(PyErr::type_error(format!(
            "{fname}() argument 2 must be str of length 1, not {}",
            o.type_name()
        ))),
    }
}

fn pad(vm: &mut Vm, args: Args, fname: &str, align: char) -> PyResult<Value> {
    args.method(fname, 1, 2)?;
    let s = this(&args)?;
    let width = vm.index_i64(&args.pos[1])?;
    let fill = fill_char(&args, 2, fname)?;
    let n = s.len() as i64;
    if width <= n {
        return Ok(Value::Str(s));
    }
    let total = (width - n) as usize;
    vm.reserve(total.saturating_mul(fill.len_utf8()))?;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        // str.center puts the extra char on the left when the string length is odd.
        _ => {
            let left = total / 2 + (total & (n as usize) & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    Ok(Value::string(format!(
        "{}{}{}",
        f.repeat(left),
        s.as_str(),
        f.repeat(right)
    )))
}
pub(super) fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}
pub(super) fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}
pub(super) fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}

pub(super) fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("zfill", 1, 1)?;
    let s = this(&args)?;
    let width = vm.index_i64(&args.pos[1])?;
    let n = s.len() as i64;
    if width <= n {
        return Ok(Value::Str(s));
    }
    vm.reserve((width - n) as usize)?;
    let zeros = "0".repeat((width - n) as usize);
    let st = s.as_str();
    Ok(Value::string(match st.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &st[1..]),
        _ => format!("{zeros}{st}"),
    }))
}

pub(super) fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let size = match args.pos.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    vm.reserve(out.len().saturating_add(n as usize))?;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

pub(super) fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: args.kw.clone(),
    };
    Ok(Value::string(crate::lang::builtins::format::str_format(
        vm,
        s.as_str(),
        &rest,
    )?))
}

pub(super) fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("format_map", 1, 1)?;
    let s = this(&args)?;
    let mut kw = Vec::new();
    let view = vm.call_method(&args.pos[1], "items", vec![])?;
    let items = vm.collect(&view)?;
    for it in items {
        if let Value::Tuple(t) = &it {
            if let (Some(Value::Str(k)), Some(v)) = (t.first(), t.get(1)) {
                kw.push((k.clone(), v.clone()));
            }
        }
    }
    let rest = Args {
        pos: Vec::new(),
        kw,
    };
    Ok(Value::string(crate::lang::builtins::format::str_format(
        vm,
        s.as_str(),
        &rest,
    )?))
}

pub(super) fn encode(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::not_implemented(
        "bytes are not supported in this playground",
    ))
}
