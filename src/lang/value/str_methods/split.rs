//! `str` splitting and joining: `split`, `rsplit`, `splitlines`, `join`, `replace`
//! (CPython `Objects/stringlib/split.h`, `unicodeobject.c` `replace`).

use std::rc::Rc;

use super::{arg_str, this, Args, PyErr, PyResult, PyStr, Value, Vm};

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

pub(super) fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn splitlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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

pub(super) fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

pub(super) fn replace(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
