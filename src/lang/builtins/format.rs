//! `format(value, spec)` and `str.format` (CPython `Python/formatter_unicode.c`,
//! `Objects/stringlib/unicode_format.h`). f-strings compile to `format_value`.

use crate::lang::value::int::{self, int_of};
use crate::lang::value::{float, Args, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

/// A parsed format specification (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).
#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

/// Parses a spec (`parse_internal_render_format_spec`).
pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = Some(cs[0]);
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = cs[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?;
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
        if i < cs.len() && matches!(cs[i], ',' | '_') {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        s.precision = Some(
            cs[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < cs.len() {
        s.kind = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    if s.zero && s.fill.is_none() {
        s.fill = Some('0');
        if s.align.is_none() {
            s.align = Some('=');
        }
    }
    Ok(s)
}

/// Pads `body` (with its sign/prefix split off for `=` alignment) to the spec's width.
fn pad(spec: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        return format!("{prefix}{body}");
    }
    let fill = spec.fill.unwrap_or(' ').to_string();
    let n = spec.width - len;
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{prefix}{body}{}", fill.repeat(n)),
        '^' => format!(
            "{}{prefix}{body}{}",
            fill.repeat(n / 2),
            fill.repeat(n - n / 2)
        ),
        '=' => format!("{prefix}{}{body}", fill.repeat(n)),
        _ => format!("{}{prefix}{body}", fill.repeat(n)),
    }
}

/// Inserts a separator every `every` digits of the integer part of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) =
        match digits.find(|c: char| !c.is_ascii_alphanumeric() || c == 'e' || c == 'E') {
            Some(i) if digits[..i].chars().all(|c| c.is_ascii_hexdigit()) => {
                (&digits[..i], &digits[i..])
            }
            _ => (digits, ""),
        };
    let n = int_part.len();
    let mut out = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out + rest
}

fn sign_prefix(neg: bool, sign: Option<char>) -> &'static str {
    match (neg, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(v: &Value, spec: &Spec) -> PyResult<String> {
    let i = int_of(v).ok_or_else(|| PyErr::type_error("expected int"))?;
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(i.to_f64()?, spec);
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let big = i.to_big();
    let neg = big.sign() == num_bigint::Sign::Minus;
    let mag = if neg { -big } else { big };
    let (digits, prefix) = match kind {
        'd' | 'n' => (mag.to_string(), ""),
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            let c = i
                .to_i64()
                .and_then(|c| u32::try_from(c).ok())
                .and_then(char::from_u32);
            let c = c.ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
            return Ok(pad(spec, "", &c.to_string(), '>'));
        }
        k => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{k}' for object of type '{}'",
                v.type_name()
            )))
        }
    };
    let digits = match spec.grouping {
        Some(',') if kind == 'd' || kind == 'n' => group(&digits, ',', 3),
        Some(',') => {
            return Err(PyErr::value_error(format!(
                "Cannot specify ',' with '{kind}'."
            )))
        }
        Some(_) if kind == 'd' || kind == 'n' => group(&digits, '_', 3),
        Some(_) => group(&digits, '_', 4),
        None => digits,
    };
    let mut pre = sign_prefix(neg, spec.sign).to_string();
    if spec.alt {
        pre.push_str(prefix);
    }
    Ok(pad(spec, &pre, &digits, '>'))
}

fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let kind = spec.kind.unwrap_or('\0');
    if !matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n' | '\0') {
        return Err(PyErr::value_error(format!(
            "Unknown format code '{kind}' for object of type 'float'"
        )));
    }
    let neg = x.is_sign_negative() && !x.is_nan();
    let body = match (kind, spec.precision) {
        ('\0', None) => {
            let r = float::repr(x.abs());
            if spec.alt && !r.contains('.') {
                r + "."
            } else {
                r
            }
        }
        ('n', p) => float::format_abs(x, 'g', p, spec.alt),
        (k, p) => float::format_abs(x, k, p, spec.alt),
    };
    let body = match spec.grouping {
        Some(sep) if x.is_finite() => group(&body, sep, 3),
        _ => body,
    };
    Ok(pad(spec, sign_prefix(neg, spec.sign), &body, '>'))
}

fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    if let Some(k) = spec.kind {
        if k != 's' {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{k}' for object of type 'str'"
            )));
        }
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(spec, "", &body, '<'))
}

/// `format(v, spec)` (`PyObject_Format`): `__format__` for instances, else the built-in
/// rules per type; an empty spec is `str(v)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__format__") {
        let r = vm.call(&f, Args::new(vec![v.clone(), Value::str(spec)]))?;
        return match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            o => Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                o.type_name()
            ))),
        };
    }
    if spec.is_empty() {
        return vm.to_str(v);
    }
    let sp = parse_spec(spec)?;
    // Padding and digits are sized by the spec: `f'{1:>{10**10}}'` is a MemoryError.
    vm.reserve(sp.width.saturating_add(sp.precision.unwrap_or(0)))?;
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => format_int(v, &sp),
        Value::Float(f) => format_float(*f, &sp),
        Value::Str(s) => format_str(s.as_str(), &sp),
        _ => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            v.type_name()
        ))),
    }
}

/// Applies a conversion flag (`!r`, `!s`, `!a`) as in f-strings and `str.format`.
pub fn convert(vm: &mut Vm, v: &Value, conv: char) -> PyResult<Value> {
    Ok(match conv {
        'r' => Value::string(vm.repr(v)?),
        's' => Value::string(vm.to_str(v)?),
        'a' => Value::string(ascii(&vm.repr(v)?)),
        _ => v.clone(),
    })
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// `str.format(*args, **kwargs)` (`MarkupIterator` + `get_field_object`).
pub fn str_format(vm: &mut Vm, fmt: &str, args: &Args) -> PyResult<String> {
    let mut auto_idx: Option<usize> = Some(0);
    let mut manual = false;
    str_format_inner(vm, fmt, args, &mut auto_idx, &mut manual, 0)
}

fn str_format_inner(
    vm: &mut Vm,
    fmt: &str,
    args: &Args,
    auto: &mut Option<usize>,
    manual: &mut bool,
    depth: usize,
) -> PyResult<String> {
    if depth > 2 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '{' {
            if cs.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace, allowing nested braces in the spec.
            let mut level = 1;
            let mut j = i + 1;
            while j < cs.len() {
                match cs[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= cs.len() {
                return Err(PyErr::value_error("expected '}' before end of string"));
            }
            let field: String = cs[i + 1..j].iter().collect();
            out.push_str(&render_field(vm, &field, args, auto, manual, depth)?);
            i = j + 1;
        } else if c == '}' {
            if cs.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(
    vm: &mut Vm,
    field: &str,
    args: &Args,
    auto: &mut Option<usize>,
    manual: &mut bool,
    depth: usize,
) -> PyResult<String> {
    // Split "name!conv:spec" (the spec may itself contain '!' or ':').
    let (head, spec) = match field.find(':') {
        Some(k) => (&field[..k], &field[k + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match head.find('!') {
        Some(k) => {
            let conv = &head[k + 1..];
            if conv.chars().count() != 1 {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
            (&head[..k], conv.chars().next())
        }
        None => (head, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if *manual {
            return Err(PyErr::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let idx = auto.unwrap_or(0);
        *auto = Some(idx + 1);
        args.pos.get(idx).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {idx} out of range for positional args tuple"
            ))
        })?
    } else if let Ok(idx) = first.parse::<usize>() {
        if auto.is_some_and(|a| a > 0) {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        args.pos.get(idx).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {idx} out of range for positional args tuple"
            ))
        })?
    } else {
        args.kw
            .iter()
            .find(|(k, _)| k.as_str() == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| PyErr::key_error(Value::str(first)))?
    };
    // Attribute and index lookups.
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = vm.getattr(&value, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            value = vm.getitem(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    if let Some(c) = conv {
        if !matches!(c, 'r' | 's' | 'a') {
            return Err(PyErr::value_error(format!(
                "Unknown conversion specifier {c}"
            )));
        }
        value = convert(vm, &value, c)?;
    }
    let spec = if spec.contains('{') {
        str_format_inner(vm, spec, args, auto, manual, depth + 1)?
    } else {
        spec.to_string()
    };
    format_value(vm, &value, &spec)
}

/// `format(value, spec='')`.
pub fn builtin_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("format", 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                o.type_name()
            )))
        }
        None => String::new(),
    };
    Ok(Value::string(format_value(vm, &args.pos[0], &spec)?))
}

/// `int.__format__` helper for `%`-formatting (`%d`, `%x`, ...).
pub fn int_text(v: &Value, radix: u32, upper: bool) -> Option<String> {
    let i = int_of(v)?;
    let s = match radix {
        10 => int::to_string(i),
        _ => int::to_radix(i, radix, ""),
    };
    Some(if upper { s.to_uppercase() } else { s })
}

#[cfg(test)]
mod tests {
    use super::*;
    fn f(v: Value, spec: &str) -> String {
        let mut vm = Vm::new();
        format_value(&mut vm, &v, spec).unwrap_or_else(|e| format!("ERR {e:?}"))
    }
    #[test]
    fn specs_match_cpython() {
        assert_eq!(f(Value::Int(1234567), ","), "1,234,567");
        assert_eq!(f(Value::Int(1234567), "_"), "1_234_567");
        assert_eq!(f(Value::Int(255), "#x"), "0xff");
        assert_eq!(f(Value::Int(255), "08b"), "11111111");
        assert_eq!(f(Value::Int(-42), "08d"), "-0000042");
        assert_eq!(f(Value::Int(42), "^9"), "   42    ");
        assert_eq!(f(Value::Int(42), "*<6"), "42****");
        assert_eq!(f(Value::Int(42), "+d"), "+42");
        assert_eq!(f(Value::Int(65535), "_x"), "ffff");
        assert_eq!(f(Value::Int(655350), "_x"), "9_fff6");
        assert_eq!(f(Value::Float(1.23456), ".2f"), "1.23");
        assert_eq!(f(Value::Float(1.23456), "10.3f"), "     1.235");
        assert_eq!(f(Value::Float(1234567.891), ",.2f"), "1,234,567.89");
        assert_eq!(f(Value::Float(0.25), ".1%"), "25.0%");
        assert_eq!(f(Value::Float(1e-7), ""), "1e-07");
        assert_eq!(f(Value::Float(2.0), "e"), "2.000000e+00");
        assert_eq!(f(Value::Int(3), ".2f"), "3.00");
        assert_eq!(f(Value::str("ab"), ">5"), "   ab");
        assert_eq!(f(Value::str("abcdef"), ".3"), "abc");
        assert_eq!(f(Value::str("ab"), "^6"), "  ab  ");
        assert_eq!(f(Value::Bool(true), ">5"), "    1");
        assert_eq!(f(Value::Float(-0.0), ".1f"), "-0.0");
    }
}
