//! Methods of `str` (CPython `Objects/unicodeobject.c` `unicode_methods`). Indices are
//! code points; searching works on UTF-8 and converts byte offsets back.

use std::rc::Rc;

use super::{Args, BuiltinFn, PyErr, PyResult, PyStr, Value};
use crate::lang::vm::Vm;

fn this(args: &Args) -> PyResult<Rc<PyStr>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'str' object")),
    }
}

fn arg_str<'a>(args: &'a Args, i: usize, fname: &str) -> PyResult<&'a Rc<PyStr>> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument {} must be str, not {}",
            i,
            other.type_name()
        ))),
        None => Err(PyErr::type_error(format!("{fname}() missing argument"))),
    }
}

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
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isascii", 0, 0)?;
    Ok(Value::Bool(this(&args)?.is_ascii()))
}
fn isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isupper", 0, 0)?;
    let s = this(&args)?;
    let s = s.as_str();
    Ok(Value::Bool(
        s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()),
    ))
}
fn islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("islower", 0, 0)?;
    let s = this(&args)?;
    let s = s.as_str();
    Ok(Value::Bool(
        s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()),
    ))
}
fn istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
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
fn isidentifier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isidentifier", 0, 0)?;
    let s = this(&args)?;
    let mut cs = s.as_str().chars();
    Ok(Value::Bool(match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }))
}

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
fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, &args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}
fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", true)
}

fn split_args(
    vm: &mut Vm,
    mut args: Args,
    fname: &str,
) -> PyResult<(Rc<PyStr>, Option<Rc<PyStr>>, i64)> {
    let sep_kw = args.take_kw("sep");
    let max_kw = args.take_kw("maxsplit");
    args.no_more_kw(fname)?;
    let s = this(&args)?;
    let sep = match sep_kw.or_else(|| args.pos.get(1).cloned()) {
        None | Some(Value::None) => None,
        Some(Value::Str(p)) => {
            if p.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(p)
        }
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                o.type_name()
            )))
        }
    };
    let max = match max_kw.or_else(|| args.pos.get(2).cloned()) {
        None => -1,
        Some(v) => vm.index_i64(&v)?,
    };
    Ok((s, sep, max))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, args, "split")?;
    let s = s.as_str();
    let mut out = Vec::new();
    match sep {
        Some(p) => {
            let mut rest = s;
            while max < 0 || (out.len() as i64) < max {
                match rest.find(p.as_str()) {
                    Some(i) => {
                        out.push(Value::str(&rest[..i]));
                        rest = &rest[i + p.as_str().len()..];
                    }
                    None => break,
                }
            }
            out.push(Value::str(rest));
        }
        None => {
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 >= max {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
        }
    }
    Ok(Value::list(out))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, args, "rsplit")?;
    let s = s.as_str();
    let mut out = Vec::new();
    match sep {
        Some(p) => {
            let mut rest = s;
            while max < 0 || (out.len() as i64) < max {
                match rest.rfind(p.as_str()) {
                    Some(i) => {
                        out.push(Value::str(&rest[i + p.as_str().len()..]));
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            out.push(Value::str(rest));
        }
        None => {
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 >= max {
                    out.push(Value::str(rest));
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
                    .unwrap_or(0);
                out.push(Value::str(&rest[start..]));
                rest = rest[..start].trim_end();
            }
        }
    }
    out.reverse();
    Ok(Value::list(out))
}

fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let keep_kw = args.take_kw("keepends");
    let keep = match keep_kw.or_else(|| args.pos.get(1).cloned()) {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let s = this(&args)?;
    let s = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(&s[start..if keep { end } else { i }]));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("join", 1, 1)?;
    let sep = this(&args)?;
    let items = vm.collect(&args.pos[1])?;
    let total = items.iter().fold(
        sep.as_str().len().saturating_mul(items.len()),
        |n, x| match x {
            Value::Str(s) => n.saturating_add(s.as_str().len()),
            _ => n,
        },
    );
    vm.reserve(total)?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match x {
            Value::Str(s) => out.push_str(s.as_str()),
            o => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    o.type_name()
                )))
            }
        }
    }
    Ok(Value::string(out))
}

fn replace(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let count_kw = args.take_kw("count");
    args.method("replace", 2, 3)?;
    let s = this(&args)?;
    let old = arg_str(&args, 1, "replace")?.clone();
    let new = arg_str(&args, 2, "replace")?.clone();
    let count = match count_kw.or_else(|| args.pos.get(3).cloned()) {
        Some(v) => vm.index_i64(&v)?,
        None => -1,
    };
    // The result's size, known before building it (`''.replace('', 'x' * 10**6)` grows fast).
    let hits = if old.is_empty() {
        s.as_str().chars().count().saturating_add(1)
    } else {
        s.as_str().matches(old.as_str()).count()
    };
    let hits = if count < 0 {
        hits
    } else {
        hits.min(count as usize)
    };
    vm.reserve(
        s.as_str()
            .len()
            .saturating_add(hits.saturating_mul(new.as_str().len())),
    )?;
    if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new.as_str());
            for c in s.as_str().chars() {
                out.push(c);
                out.push_str(new.as_str());
            }
            return Ok(Value::string(out));
        }
        return Ok(Value::string(
            s.as_str().replace(old.as_str(), new.as_str()),
        ));
    }
    Ok(Value::string(s.as_str().replacen(
        old.as_str(),
        new.as_str(),
        count as usize,
    )))
}

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
fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}
fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
fn partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "partition", false)
}
fn rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "rpartition", true)
}

fn removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("removeprefix", 1, 1)?;
    let s = this(&args)?;
    let p = arg_str(&args, 1, "removeprefix")?;
    Ok(Value::str(
        s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str()),
    ))
}
fn removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("removesuffix", 1, 1)?;
    let s = this(&args)?;
    let p = arg_str(&args, 1, "removesuffix")?;
    Ok(Value::str(
        s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str()),
    ))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn isprintable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("isprintable", 0, 0)?;
    let s = this(&args)?;
    Ok(Value::Bool(s.as_str().chars().all(|c| {
        c == ' ' || (!c.is_whitespace() && super::str::is_printable(c))
    })))
}

fn encode(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::not_implemented(
        "bytes are not supported in this playground",
    ))
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    let _ = isascii_nonempty;
    vec![
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("expandtabs", expandtabs),
        ("format", format),
        ("format_map", format_map),
        ("isprintable", isprintable),
        ("encode", encode),
    ]
}
