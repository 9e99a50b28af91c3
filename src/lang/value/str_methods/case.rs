//! `str` case conversion, stripping and the `is*` predicates (CPython
//! `Objects/unicodeobject.c`: `do_upper`, `do_strip`, `unicode_isupper_impl`, ...).

use super::{this, Args, PyErr, PyResult, Value, Vm};

/// Optional chars argument of `strip` and friends: `None` means whitespace.
fn strip_chars(args: &Args, fname: &str) -> PyResult<Option<Vec<char>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().chars().collect())),
        Some(o) => Err(PyErr::type_error(format!(
            "{fname} arg must be None or str, not {}",
            o.type_name()
        ))),
    }
}

macro_rules! strip_fn {
    ($name:ident, $pyname:literal, $method_ws:ident, $method_chars:ident) => {
        pub(super) fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.method($pyname, 0, 1)?;
            let s = this(&args)?;
            Ok(match strip_chars(&args, $pyname)? {
                None => Value::str(s.as_str().$method_ws()),
                Some(cs) => Value::str(s.as_str().$method_chars(|c| cs.contains(&c))),
            })
        }
    };
}
strip_fn!(strip, "strip", trim, trim_matches);
strip_fn!(lstrip, "lstrip", trim_start, trim_start_matches);
strip_fn!(rstrip, "rstrip", trim_end, trim_end_matches);

macro_rules! map_fn {
    ($name:ident, $pyname:literal, $body:expr) => {
        pub(super) fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.method($pyname, 0, 0)?;
            let s = this(&args)?;
            let f: fn(&str) -> String = $body;
            Ok(Value::string(f(s.as_str())))
        }
    };
}
map_fn!(upper, "upper", |s| s.to_uppercase());
map_fn!(lower, "lower", |s| s.to_lowercase());
map_fn!(casefold, "casefold", |s| s.to_lowercase());
map_fn!(swapcase, "swapcase", |s| s
    .chars()
    .flat_map(|c| if c.is_uppercase() {
        c.to_lowercase().collect::<Vec<_>>()
    } else {
        c.to_uppercase().collect()
    })
    .collect());
map_fn!(capitalize, "capitalize", |s| {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f
            .to_uppercase()
            .chain(cs.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
});
map_fn!(title, "title", |s| {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
});

macro_rules! pred_fn {
    ($name:ident, $pyname:literal, $pred:expr) => {
        pub(super) fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.method($pyname, 0, 0)?;
            let s = this(&args)?;
            let p: fn(char) -> bool = $pred;
            Ok(Value::Bool(!s.is_empty() && s.as_str().chars().all(p)))
        }
    };
}
pred_fn!(isdigit, "isdigit", |c| c.is_ascii_digit()
    || ('\u{2070}'..='\u{2079}').contains(&c)
    || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}'));
pred_fn!(isdecimal, "isdecimal", |c| c.is_ascii_digit());
pred_fn!(isnumeric, "isnumeric", |c| c.is_numeric());
pred_fn!(isalpha, "isalpha", |c| c.is_alphabetic());
pred_fn!(isalnum, "isalnum", |c| c.is_alphanumeric());
pred_fn!(isspace, "isspace", |c| c.is_whitespace());
pred_fn!(isascii_nonempty, "isascii", |c| c.is_ascii());

pub(super) fn isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isascii", 0, 0)?;
    Ok(Value::Bool(this(&args)?.is_ascii()))
}
pub(super) fn isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isupper", 0, 0)?;
    let s = this(&args)?;
    let s = s.as_str();
    Ok(Value::Bool(
        s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()),
    ))
}
pub(super) fn islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("islower", 0, 0)?;
    let s = this(&args)?;
    let s = s.as_str();
    Ok(Value::Bool(
        s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()),
    ))
}
pub(super) fn istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("istitle", 0, 0)?;
    let s = this(&args)?;
    let (mut cased, mut prev) = (false, false);
    for c in s.as_str().chars() {
        if c.is_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}
pub(super) fn isidentifier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isidentifier", 0, 0)?;
    let s = this(&args)?;
    let mut cs = s.as_str().chars();
    Ok(Value::Bool(match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }))
}

pub(super) fn isprintable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isprintable", 0, 0)?;
    let s = this(&args)?;
    Ok(Value::Bool(s.as_str().chars().all(|c| {
        c == ' ' || (!c.is_whitespace() && crate::lang::value::str::is_printable(c))
    })))
}
