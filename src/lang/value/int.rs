//! `int`: inline `i64` with promotion to `BigInt` on overflow (CPython `Objects/longobject.c`).

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{PyErr, PyResult, Value};

/// A borrowed view of an int-like value (`int` or `bool`).
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

/// The int view of `v` if it is an `int` or a `bool`.
pub fn int_of(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::BigInt(b) => Some(IntRef::Big(b)),
        _ => None,
    }
}

impl IntRef<'_> {
    pub fn to_big(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.clone(),
        }
    }
    pub fn is_zero(self) -> bool {
        matches!(self, IntRef::Small(0))
    }
    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    /// Conversion to float (`int.__float__`), failing like CPython on huge values.
    pub fn to_f64(self) -> PyResult<f64> {
        match self {
            IntRef::Small(i) => Ok(i as f64),
            IntRef::Big(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => Err(PyErr::overflow("int too large to convert to float")),
            },
        }
    }
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
}

/// Normalises a `BigInt` result (see the module invariant in `value/mod.rs`).
pub fn from_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

macro_rules! checked_or_big {
    ($a:expr, $b:expr, $checked:ident, $op:tt) => {
        match ($a, $b) {
            (IntRef::Small(x), IntRef::Small(y)) => match x.$checked(y) {
                Some(r) => Value::Int(r),
                None => from_bigint(BigInt::from(x) $op BigInt::from(y)),
            },
            (a, b) => from_bigint(a.to_big() $op b.to_big()),
        }
    };
}

pub fn add(a: IntRef, b: IntRef) -> Value {
    checked_or_big!(a, b, checked_add, +)
}
pub fn sub(a: IntRef, b: IntRef) -> Value {
    checked_or_big!(a, b, checked_sub, -)
}
pub fn mul(a: IntRef, b: IntRef) -> Value {
    checked_or_big!(a, b, checked_mul, *)
}

pub fn neg(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => match x.checked_neg() {
            Some(r) => Value::Int(r),
            None => from_bigint(-BigInt::from(x)),
        },
        IntRef::Big(b) => from_bigint(-b.clone()),
    }
}

pub fn abs(a: IntRef) -> Value {
    if a.is_negative() {
        neg(a)
    } else {
        match a {
            IntRef::Small(x) => Value::Int(x),
            IntRef::Big(b) => Value::BigInt(Rc::new(b.clone())),
        }
    }
}

/// Floor division (`//`), rounding towards negative infinity.
pub fn floordiv(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) if !(x == i64::MIN && y == -1) => {
            Value::Int(Integer::div_floor(&x, &y))
        }
        (a, b) => from_bigint(a.to_big().div_floor(&b.to_big())),
    })
}

/// Modulo (`%`): the result has the sign of the divisor.
pub fn modulo(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok(match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) if y != -1 => Value::Int(x.mod_floor(&y)),
        (IntRef::Small(_), IntRef::Small(_)) => Value::Int(0),
        (a, b) => from_bigint(a.to_big().mod_floor(&b.to_big())),
    })
}

/// `divmod(a, b)` for ints.
pub fn divmod(a: IntRef, b: IntRef) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    Ok((floordiv(a, b)?, modulo(a, b)?))
}

/// True division (`/`) of two ints: always a float.
pub fn truediv(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(Value::Float(x as f64 / y as f64));
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    match (x.to_f64(), y.to_f64()) {
        (Some(p), Some(q)) if p.is_finite() && q.is_finite() => Ok(Value::Float(p / q)),
        _ => {
            // Scale down both operands so they fit a float; precision loss is acceptable here.
            let shift = x.bits().max(y.bits()).saturating_sub(1000);
            let p = (&x >> shift).to_f64().unwrap_or(f64::INFINITY);
            let q = (&y >> shift).to_f64().unwrap_or(f64::INFINITY);
            let r = p / q;
            if r.is_infinite() {
                Err(PyErr::overflow(
                    "integer division result too large for a float",
                ))
            } else {
                Ok(Value::Float(r))
            }
        }
    }
}

/// Largest exponent we compute exactly, to keep `2 ** huge` from eating the page.
const MAX_POW_BITS: u64 = 1 << 22;

/// `a ** b` for ints: a negative exponent gives a float (`long_pow`).
pub fn pow(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        let base = a.to_f64()?;
        let exp = b.to_f64()?;
        if base == 0.0 {
            return Err(PyErr::zero_division("zero to a negative power"));
        }
        return Ok(Value::Float(base.powf(exp)));
    }
    let base = a.to_big();
    if base.is_zero() || base.is_one() {
        return Ok(from_bigint(if b.is_zero() { BigInt::one() } else { base }));
    }
    if base == BigInt::from(-1) {
        let odd = match b {
            IntRef::Small(e) => e % 2 != 0,
            IntRef::Big(e) => e.is_odd(),
        };
        return Ok(Value::Int(if odd { -1 } else { 1 }));
    }
    let Some(exp) = b.to_i64().and_then(|e| u32::try_from(e).ok()) else {
        return Err(PyErr::new(
            &crate::lang::builtins::types::exception("MemoryError"),
            vec![],
        ));
    };
    if base.bits().saturating_mul(exp as u64) > MAX_POW_BITS {
        return Err(PyErr::new(
            &crate::lang::builtins::types::exception("MemoryError"),
            vec![],
        ));
    }
    if let (IntRef::Small(x), true) = (a, exp < 64) {
        if let Some(r) = x.checked_pow(exp) {
            return Ok(Value::Int(r));
        }
    }
    Ok(from_bigint(num_traits::pow::Pow::pow(&base, exp)))
}

/// `pow(a, b, m)` with a modulus.
pub fn pow_mod(a: IntRef, b: IntRef, m: IntRef) -> PyResult<Value> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let m = m.to_big();
    let mut base = a.to_big();
    let mut exp = b.to_big();
    if exp.is_negative() {
        // Modular inverse (Python 3.8+).
        let g = base.extended_gcd(&m);
        if !g.gcd.is_one() {
            return Err(PyErr::value_error(
                "base is not invertible for the given modulus",
            ));
        }
        base = g.x;
        exp = -exp;
    }
    let r = base.modpow(&exp, &m.abs());
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    Ok(from_bigint(r))
}

fn shift_count(b: IntRef) -> PyResult<u64> {
    if b.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    b.to_i64()
        .map(|v| v as u64)
        .ok_or_else(|| PyErr::overflow("too many digits in integer"))
}

pub fn lshift(a: IntRef, b: IntRef) -> PyResult<Value> {
    let n = shift_count(b)?;
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    if n > MAX_POW_BITS {
        return Err(PyErr::new(
            &crate::lang::builtins::types::exception("MemoryError"),
            vec![],
        ));
    }
    if let IntRef::Small(x) = a {
        if n < 63 && (x.unsigned_abs() >> (62 - n)) == 0 {
            return Ok(Value::Int(x << n));
        }
    }
    Ok(from_bigint(a.to_big() << n as usize))
}

pub fn rshift(a: IntRef, b: IntRef) -> PyResult<Value> {
    let n = shift_count(b)?;
    Ok(match a {
        IntRef::Small(x) => Value::Int(if n >= 64 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }),
        IntRef::Big(big) => from_bigint(big >> n as usize),
    })
}

pub fn bitand(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x & y),
        (a, b) => from_bigint(a.to_big() & b.to_big()),
    }
}
pub fn bitor(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x | y),
        (a, b) => from_bigint(a.to_big() | b.to_big()),
    }
}
pub fn bitxor(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x ^ y),
        (a, b) => from_bigint(a.to_big() ^ b.to_big()),
    }
}
pub fn invert(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(!x),
        IntRef::Big(b) => from_bigint(-(b + BigInt::one())),
    }
}

pub fn cmp(a: IntRef, b: IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        (a, b) => a.to_big().cmp(&b.to_big()),
    }
}

/// Exact comparison of an int with a float (`float_richcompare`); `None` if `f` is NaN.
pub fn cmp_float(a: IntRef, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        float_to_bigint(fl)
    };
    let ai = a.to_big();
    match ai.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// The integer part of a finite float as a BigInt (`PyLong_FromDouble`).
pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 {
        -r
    } else {
        r
    }
}

/// `int(x)` of a float: truncation, with CPython's errors for inf and nan.
pub fn from_f64(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(from_bigint(float_to_bigint(f.trunc())))
}

/// The modulus of CPython's numeric hash (`_PyHASH_MODULUS`, 2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(n)` for ints (`long_hash`).
pub fn hash(a: IntRef) -> i64 {
    let h = match a {
        IntRef::Small(x) => {
            let m = (x.unsigned_abs() % HASH_MODULUS) as i64;
            if x < 0 {
                -m
            } else {
                m
            }
        }
        IntRef::Big(b) => {
            let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
            if b.sign() == Sign::Minus {
                -m
            } else {
                m
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `str(n)` / `repr(n)`.
pub fn to_string(a: IntRef) -> String {
    match a {
        IntRef::Small(x) => x.to_string(),
        IntRef::Big(b) => b.to_string(),
    }
}

/// `int(s, base)`: parses with CPython's rules (whitespace, sign, underscores between
/// digits, `0x`/`0o`/`0b` prefixes when the base is 0 or matches).
pub fn parse(s: &str, base: u32) -> PyResult<Value> {
    let err = || {
        PyErr::value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            super::str::repr_str(s)
        ))
    };
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let (mut radix, mut digits) = (base, lower.as_str());
    for (p, r) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == 0 || base == r) && digits.starts_with(p) {
            radix = r;
            digits = &digits[2..];
            digits = digits.strip_prefix('_').unwrap_or(digits);
            break;
        }
    }
    if radix == 0 {
        radix = 10;
        if digits.len() > 1
            && digits.starts_with('0')
            && digits.trim_start_matches(['0', '_']).is_empty()
        {
            // "00" and "0_0" are fine in base 0.
        } else if digits.len() > 1 && digits.starts_with('0') {
            return Err(err());
        }
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(err());
    }
    let clean: String = digits
        .chars()
        .filter(|&c| c != '_')
        .map(|c| {
            c.to_digit(10)
                .map(|d| char::from(b'0' + d as u8))
                .unwrap_or(c)
        })
        .collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(err());
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(err)?;
    Ok(from_bigint(if neg { -v } else { v }))
}

/// Formats `a` in base 2, 8 or 16 with a prefix (`bin`, `oct`, `hex`).
pub fn to_radix(a: IntRef, radix: u32, prefix: &str) -> String {
    let b = a.to_big();
    let digits = b.abs().to_str_radix(radix);
    if b.is_negative() {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn s(v: Value) -> String {
        match v {
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => format!("f{f}"),
            _ => "?".into(),
        }
    }
    #[test]
    fn floor_semantics() {
        let f = |a, b| s(floordiv(IntRef::Small(a), IntRef::Small(b)).unwrap());
        let m = |a, b| s(modulo(IntRef::Small(a), IntRef::Small(b)).unwrap());
        assert_eq!(f(-7, 2), "-4");
        assert_eq!(m(-7, 2), "1");
        assert_eq!(m(7, -2), "-1");
        assert_eq!(f(i64::MIN, -1), "9223372036854775808");
    }
    #[test]
    fn overflow_promotes() {
        assert_eq!(
            s(add(IntRef::Small(i64::MAX), IntRef::Small(1))),
            "9223372036854775808"
        );
        assert_eq!(
            s(pow(IntRef::Small(2), IntRef::Small(100)).unwrap()),
            "1267650600228229401496703205376"
        );
        assert_eq!(s(pow(IntRef::Small(2), IntRef::Small(-1)).unwrap()), "f0.5");
    }
    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash(IntRef::Small(-1)), -2);
        assert_eq!(hash(IntRef::Small(1 << 61)), 1);
        assert_eq!(hash(IntRef::Small(-(1 << 62))), -2);
    }
    #[test]
    fn parse_bases() {
        assert_eq!(s(parse(" -0x1F ", 0).unwrap()), "-31");
        assert_eq!(s(parse("1_000", 10).unwrap()), "1000");
        assert_eq!(s(parse("z", 36).unwrap()), "35");
        assert!(parse("010", 0).is_err());
        assert!(parse("1__0", 10).is_err());
    }
}
