//! `float`: repr, hashing and the arithmetic CPython defines specially
//! (CPython `Objects/floatobject.c`, `Python/pystrtod.c`).

use super::int::HASH_MODULUS;
use super::{PyErr, PyResult};

/// The shortest round-trip digits of `x` (finite, non-zero, positive) and its decimal
/// point position: `x = 0.d1d2... * 10**decpt` (what `_Py_dg_dtoa` mode 0 returns).
fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{:e}", x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// Lays out `digits` with decimal point position `decpt` in fixed or exponent notation.
fn layout(neg: bool, digits: &str, decpt: i32, use_exp: bool, min_frac: usize) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if use_exp {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(digits);
    } else {
        let d = decpt as usize;
        if digits.len() <= d {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', d - digits.len()));
            if min_frac > 0 {
                out.push('.');
                out.extend(std::iter::repeat_n('0', min_frac));
            }
        } else {
            out.push_str(&digits[..d]);
            out.push('.');
            out.push_str(&digits[d..]);
        }
    }
    out
}

/// `repr(x)` / `str(x)`: shortest round-trip, exponent when `decpt` is outside (-4, 16]
/// (`float_repr` with `'r'` mode and `Py_DTSF_ADD_DOT_0`).
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, decpt) = shortest_digits(x.abs());
    let use_exp = !(-4 < decpt && decpt <= 16);
    layout(x < 0.0, &digits, decpt, use_exp, 1)
}

/// Fixed, exponent or general formatting with a precision, as `format(x, '.3e')` etc.
/// `kind` is one of `e E f F g G %`, or `r` (repr) / `n`-less none: `'\0'` means the empty
/// presentation type with a precision (`g` plus `.0` when needed). Sign not included.
pub fn format_abs(x: f64, kind: char, prec: Option<usize>, alt: bool) -> String {
    let x = x.abs();
    let upper = kind.is_ascii_uppercase();
    if x.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if x.is_infinite() {
        return if upper { "INF".into() } else { "inf".into() };
    }
    let s = match kind {
        'f' | 'F' => {
            let s = format!("{:.*}", prec.unwrap_or(6), x);
            if alt && !s.contains('.') {
                s + "."
            } else {
                s
            }
        }
        '%' => {
            let s = format!("{:.*}", prec.unwrap_or(6), x * 100.0);
            (if alt && !s.contains('.') { s + "." } else { s }) + "%"
        }
        'e' | 'E' => exp_format(x, prec.unwrap_or(6), alt),
        'g' | 'G' | '\0' => {
            let p = prec.unwrap_or(6).max(1);
            let flt = if x == 0.0 {
                0
            } else {
                let e = exp_format(x, p - 1, false);
                e.split_once('e')
                    .and_then(|(_, e)| e.parse::<i32>().ok())
                    .unwrap_or(0)
            };
            let s = if -4 <= flt && flt < p as i32 {
                let s = format!("{:.*}", (p as i32 - 1 - flt).max(0) as usize, x);
                if alt {
                    if s.contains('.') {
                        s
                    } else {
                        s + "."
                    }
                } else {
                    strip_zeros(&s)
                }
            } else {
                let s = exp_format(x, p - 1, alt);
                if alt {
                    s
                } else {
                    let (m, e) = s.split_once('e').unwrap_or((&s, ""));
                    format!("{}e{}", strip_zeros(m), e)
                }
            };
            if kind == '\0' && !s.contains(['.', 'e']) {
                s + ".0"
            } else {
                s
            }
        }
        _ => repr(x),
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `'%.{p}e'` with CPython's two-digit exponent.
fn exp_format(x: f64, p: usize, alt: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alt && !m.contains('.') {
        format!("{m}.")
    } else {
        m.to_string()
    };
    format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
}

/// `hash(x)` for floats (`_Py_HashDouble`); integral floats hash like the equal int.
pub fn hash(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    let x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `a // b` for floats (`float_floor_div`).
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(divmod_raw(a, b).0)
}

/// `a % b` for floats (`float_rem`): the sign of the divisor.
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(divmod_raw(a, b).1)
}

/// `divmod(a, b)` for floats (`float_divmod`).
pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(divmod_raw(a, b))
}

fn divmod_raw(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a ** b` for floats (`float_pow`), with CPython's errors.
pub fn pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(PyErr::zero_division("zero to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(PyErr::value_error(
            "complex numbers are not supported (negative number to a fractional power)",
        ));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// `round(x)` with no digits: round half to even, to an int value (still a float here).
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round_ties_even_compat()
    } else {
        r
    }
}

trait TiesEven {
    fn round_ties_even_compat(self) -> f64;
}
impl TiesEven for f64 {
    fn round_ties_even_compat(self) -> f64 {
        self.round_ties_even()
    }
}

/// `round(x, n)`: correctly rounded through the decimal string, like CPython's
/// `double_round` (which uses `_Py_dg_dtoa` mode 3).
pub fn round_digits(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 323 {
        return x;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        return s.parse().unwrap_or(x);
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    let p = 10f64.powi((-n) as i32);
    let y = x / p;
    let r = y.round_ties_even() * p;
    if r.is_finite() {
        r
    } else {
        x
    }
}

/// Parses `float(s)`: Python accepts surrounding whitespace, underscores between digits,
/// `inf`, `infinity`, `nan` in any case.
pub fn parse(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if body.len() + 1 < lower.len() {
        return None;
    }
    let neg = lower.starts_with('-');
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if body.is_empty()
                || body.starts_with('_')
                || body.ends_with('_')
                || body.contains("__")
                || body.contains("_.")
                || body.contains("._")
                || !body
                    .chars()
                    .all(|c| c.is_ascii_digit() || "._e+-".contains(c))
                || body.starts_with('.') && body.len() == 1
            {
                return None;
            }
            body.replace('_', "").parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn reprs_match_cpython() {
        let cases = [
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1.0 / 3.0, "0.3333333333333333"),
        ];
        for (x, want) in cases {
            assert_eq!(repr(x), want);
        }
    }
    #[test]
    fn formats() {
        assert_eq!(format_abs(1.23456, 'f', Some(2), false), "1.23");
        assert_eq!(format_abs(12345.678, 'e', Some(2), false), "1.23e+04");
        assert_eq!(format_abs(12345.678, 'g', None, false), "12345.7");
        assert_eq!(format_abs(0.00001234, 'g', None, false), "1.234e-05");
        assert_eq!(format_abs(1e20, '\0', Some(3), false), "1e+20");
        assert_eq!(format_abs(1.0, '\0', Some(3), false), "1.0");
        assert_eq!(format_abs(0.5, '%', Some(1), false), "50.0%");
        assert_eq!(format_abs(100.0, 'g', None, false), "100");
    }
    #[test]
    fn hashes_and_division() {
        assert_eq!(hash(1.0), 1);
        assert_eq!(hash(0.5), 1152921504606846976);
        assert_eq!(hash(-1.0), -2);
        assert_eq!(floordiv(-7.0, 2.0).unwrap(), -4.0);
        assert_eq!(modulo(-7.0, 2.0).unwrap(), 1.0);
        assert_eq!(modulo(7.0, -2.0).unwrap(), -1.0);
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(3.5), 4.0);
        assert_eq!(round_digits(2.675, 2), 2.67);
    }
}
