//! `str % args` (printf-style formatting, CPython `Objects/unicodeobject.c`
//! `PyUnicode_Format`).

use crate::lang::value::int::{self, int_of};
use crate::lang::value::{float, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// Formats `fmt % args`.
pub fn format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut next = 0usize;
    let mut take = |_vm: &mut Vm| -> PyResult<Value> {
        let v = items
            .get(next)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        next += 1;
        Ok(v)
    };
    let mut used_mapping = false;
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '%' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // %(name)
        let mut keyed: Option<Value> = None;
        if cs.get(i) == Some(&'(') {
            let mut depth = 1;
            let mut j = i + 1;
            while j < cs.len() && depth > 0 {
                match cs[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = cs[i + 1..j - 1].iter().collect();
            let m = mapping
                .clone()
                .ok_or_else(|| PyErr::type_error("format requires a mapping"))?;
            keyed = Some(vm.getitem(&m, &Value::string(key))?);
            used_mapping = true;
            i = j;
        }
        let (mut left, mut plus, mut space, mut alt, mut zero) =
            (false, false, false, false, false);
        while let Some(&c) = cs.get(i) {
            match c {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = 0usize;
        if cs.get(i) == Some(&'*') {
            let w = take(vm)?;
            let w = vm.index_i64(&w)?;
            if w < 0 {
                left = true;
            }
            width = w.unsigned_abs() as usize;
            vm.reserve(width)?;
            i += 1;
        } else {
            while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d as usize))
                    .filter(|&w| w <= isize::MAX as usize)
                    .ok_or_else(|| PyErr::value_error("width too big"))?;
                i += 1;
            }
        }
        vm.reserve(width)?;
        let mut prec: Option<usize> = None;
        if cs.get(i) == Some(&'.') {
            i += 1;
            if cs.get(i) == Some(&'*') {
                let p = take(vm)?;
                let p = vm.index_i64(&p)?.max(0) as usize;
                vm.reserve(p)?;
                prec = Some(p);
                i += 1;
            } else {
                let mut p = 0usize;
                while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(d as usize))
                        .filter(|&w| w <= isize::MAX as usize)
                        .ok_or_else(|| PyErr::value_error("precision too big"))?;
                    i += 1;
                }
                vm.reserve(p)?;
                prec = Some(p);
            }
        }
        while matches!(cs.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = cs.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match keyed.take() {
            Some(v) => v,
            None => take(vm)?,
        };
        let (mut sign, mut body, numeric) = match conv {
            's' => (String::new(), vm.to_str(&v)?, false),
            'r' => (String::new(), vm.repr(&v)?, false),
            'a' => (String::new(), super::format::ascii(&vm.repr(&v)?), false),
            'c' => {
                let c = match &v {
                    Value::Str(s) if s.len() == 1 => s.as_str().to_string(),
                    _ => match int_of(&v)
                        .and_then(|i| i.to_i64())
                        .and_then(|i| u32::try_from(i).ok())
                        .and_then(char::from_u32)
                    {
                        Some(c) => c.to_string(),
                        None => {
                            return Err(PyErr::type_error(
                                "%c requires an int or a unicode character, not ".to_string()
                                    + &v.type_name(),
                            ))
                        }
                    },
                };
                (String::new(), c, false)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let iv = match &v {
                    Value::Float(f) => int::from_f64(*f)?,
                    other if int_of(other).is_some() => other.clone(),
                    other => {
                        let what = if conv == 'd' || conv == 'i' || conv == 'u' {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return Err(PyErr::type_error(format!(
                            "%{conv} format: {what} is required, not {}",
                            other.type_name()
                        )));
                    }
                };
                let n = int_of(&iv).ok_or_else(|| PyErr::type_error("int expected"))?;
                let neg = n.is_negative();
                let mag = int::abs(n);
                let m = int_of(&mag).ok_or_else(|| PyErr::type_error("int expected"))?;
                let digits = match conv {
                    'o' => int::to_radix(m, 8, if alt { "0o" } else { "" }),
                    'x' => int::to_radix(m, 16, if alt { "0x" } else { "" }),
                    'X' => int::to_radix(m, 16, if alt { "0X" } else { "" }).to_uppercase(),
                    _ => int::to_string(m),
                };
                let digits = match prec {
                    Some(p) if digits.len() < p => "0".repeat(p - digits.len()) + &digits,
                    _ => digits,
                };
                (if neg { "-".into() } else { String::new() }, digits, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match &v {
                    Value::Float(f) => *f,
                    other => match int_of(other) {
                        Some(n) => n.to_f64()?,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "must be real number, not {}",
                                other.type_name()
                            )))
                        }
                    },
                };
                let neg = x.is_sign_negative() && !x.is_nan();
                let body = float::format_abs(x, conv, Some(prec.unwrap_or(6)), alt);
                (if neg { "-".into() } else { String::new() }, body, true)
            }
            c => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    c,
                    c as u32,
                    i - 1
                )))
            }
        };
        if !numeric {
            if let Some(p) = prec {
                body = body.chars().take(p).collect();
            }
        } else if sign.is_empty() {
            if plus {
                sign = "+".into();
            } else if space {
                sign = " ".into();
            }
        }
        let len = sign.chars().count() + body.chars().count();
        let padn = width.saturating_sub(len);
        if left {
            out.push_str(&sign);
            out.push_str(&body);
            out.push_str(&" ".repeat(padn));
        } else if zero && numeric {
            out.push_str(&sign);
            out.push_str(&"0".repeat(padn));
            out.push_str(&body);
        } else {
            out.push_str(&" ".repeat(padn));
            out.push_str(&sign);
            out.push_str(&body);
        }
        let _ = start;
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}
