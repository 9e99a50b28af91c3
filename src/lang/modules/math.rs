//! `math` (CPython `Modules/mathmodule.c`): the float functions programs use, with
//! CPython's domain errors, plus the integer ones (`gcd`, `factorial`, `comb`, `isqrt`).

use crate::lang::value::int::{self, int_of};
use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::Vm;

fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => match int_of(other) {
            Some(i) => i.to_f64(),
            None => Err(PyErr::type_error(format!(
                "must be real number, not {}",
                other.type_name()
            ))),
        },
    }
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

/// A one-argument float function; `None` from `f` is a domain error, worded as 3.14
/// words it for that function.
fn unary(args: &Args, name: &str, f: fn(f64) -> Option<f64>) -> PyResult<Value> {
    args.no_more_kw(name)?;
    args.check(name, 1, 1)?;
    let x = to_f64(&args.pos[0])?;
    let shown = crate::lang::value::float::repr(x);
    match f(x) {
        Some(r) if r.is_infinite() && x.is_finite() => {
            Err(PyErr::with_msg("OverflowError", "math range error"))
        }
        Some(r) => Ok(Value::Float(r)),
        None => Err(match name {
            "sqrt" => PyErr::value_error(format!("expected a nonnegative input, got {shown}")),
            "log2" | "log10" => PyErr::value_error("expected a positive input"),
            "asin" | "acos" => PyErr::value_error(format!(
                "expected a number in range from -1 up to 1, got {shown}"
            )),
            "sin" | "cos" | "tan" => {
                PyErr::value_error(format!("expected a finite input, got {shown}"))
            }
            _ => domain(),
        }),
    }
}

macro_rules! unary_fns {
    ($($name:ident => $body:expr;)*) => {
        $(fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(&args, stringify!($name), $body)
        })*
    };
}

unary_fns! {
    sqrt => |x| (x >= 0.0 || x.is_nan()).then(|| x.sqrt());
    exp => |x| Some(x.exp());
    log2 => |x| (x > 0.0).then(|| x.log2());
    log10 => |x| (x > 0.0).then(|| x.log10());
    sin => |x| (!x.is_infinite()).then(|| x.sin());
    cos => |x| (!x.is_infinite()).then(|| x.cos());
    tan => |x| (!x.is_infinite()).then(|| x.tan());
    asin => |x| (-1.0..=1.0).contains(&x).then(|| x.asin());
    acos => |x| (-1.0..=1.0).contains(&x).then(|| x.acos());
    atan => |x| Some(x.atan());
    fabs => |x| Some(x.abs());
    degrees => |x| Some(x.to_degrees());
    radians => |x| Some(x.to_radians());
}

/// `log(x[, base])`.
fn log(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("log", 1, 2)?;
    let x = to_f64(&args.pos[0])?;
    let positive = || PyErr::value_error("expected a positive input");
    if x <= 0.0 {
        return Err(positive());
    }
    match args.pos.get(1) {
        None => Ok(Value::Float(x.ln())),
        Some(b) => {
            let b = to_f64(b)?;
            if b <= 0.0 {
                return Err(positive());
            }
            if b == 1.0 {
                return Err(PyErr::with_msg("ZeroDivisionError", "division by zero"));
            }
            Ok(Value::Float(x.ln() / b.ln()))
        }
    }
}

fn two(args: &Args, name: &str) -> PyResult<(f64, f64)> {
    args.check(name, 2, 2)?;
    Ok((to_f64(&args.pos[0])?, to_f64(&args.pos[1])?))
}
fn pow(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "pow")?;
    if x == 0.0 && y < 0.0 || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return Err(domain());
    }
    Ok(Value::Float(x.powf(y)))
}
fn atan2(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two(&args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}
fn copysign(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(&args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}
fn hypot(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for a in &args.pos {
        acc = acc.hypot(to_f64(a)?);
    }
    Ok(Value::Float(acc))
}
fn isclose(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let rel = args
        .take_kw("rel_tol")
        .map(|v| to_f64(&v))
        .transpose()?
        .unwrap_or(1e-9);
    let abs = args
        .take_kw("abs_tol")
        .map(|v| to_f64(&v))
        .transpose()?
        .unwrap_or(0.0);
    args.no_more_kw("isclose")?;
    let (a, b) = two(&args, "isclose")?;
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}
fn check_f(name: &str, args: &Args, f: fn(f64) -> bool) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    Ok(Value::Bool(f(to_f64(&args.pos[0])?)))
}
fn isfinite(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_f("isfinite", &args, f64::is_finite)
}
fn isinf(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_f("isinf", &args, f64::is_infinite)
}
fn isnan(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_f("isnan", &args, f64::is_nan)
}
/// `floor`/`ceil`/`trunc`: ints stay ints; floats give ints.
fn rounding(args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    if int_of(&args.pos[0]).is_some() {
        return Ok(args.pos[0].clone());
    }
    let x = to_f64(&args.pos[0])?;
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::with_msg(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    int::from_f64(f(x))
}
fn floor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "floor", f64::floor)
}
fn ceil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "ceil", f64::ceil)
}
fn trunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(&args, "trunc", f64::trunc)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    vm.index_i64(v)
}
fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut g: i64 = 0;
    for a in &args.pos {
        let mut x = int_arg(vm, a)?.unsigned_abs();
        let mut y = g.unsigned_abs();
        while y != 0 {
            (x, y) = (y, x % y);
        }
        g = x as i64;
    }
    Ok(Value::Int(g))
}
/// Exact products as Python ints (they may be big).
fn product(vm: &mut Vm, from: i64, to: i64) -> PyResult<Value> {
    let mut acc = Value::Int(1);
    for k in from..=to {
        acc = vm.binary_op(crate::lang::vm::ops::BinOp::Mul, &acc, &Value::Int(k))?;
    }
    Ok(acc)
}
fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("factorial", 1, 1)?;
    let n = int_arg(vm, &args.pos[0])?;
    if n < 0 {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    if n > 5000 {
        return Err(PyErr::not_implemented(
            "factorial() above 5000 is not supported in the playground",
        ));
    }
    product(vm, 2, n)
}
fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("comb", 2, 2)?;
    let n = int_arg(vm, &args.pos[0])?;
    let k = int_arg(vm, &args.pos[1])?;
    if n < 0 || k < 0 {
        return Err(PyErr::value_error(if n < 0 {
            "n must be a non-negative integer"
        } else {
            "k must be a non-negative integer"
        }));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    if k > 5000 {
        return Err(PyErr::not_implemented(
            "comb() with k above 5000 is not supported in the playground",
        ));
    }
    let top = product(vm, n - k + 1, n)?;
    let bottom = product(vm, 2, k)?;
    vm.binary_op(crate::lang::vm::ops::BinOp::FloorDiv, &top, &bottom)
}
fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isqrt", 1, 1)?;
    let n = int_arg(vm, &args.pos[0])?;
    if n < 0 {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    let mut r = (n as f64).sqrt() as i64;
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    Ok(Value::Int(r))
}
fn prod(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    args.no_more_kw("prod")?;
    args.check("prod", 1, 1)?;
    let mut acc = start;
    for x in vm.collect(&args.pos[0])? {
        acc = vm.binary_op(crate::lang::vm::ops::BinOp::Mul, &acc, &x)?;
    }
    Ok(acc)
}
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fsum", 1, 1)?;
    // Neumaier's compensated sum (CPython's is exact; they agree on ordinary inputs).
    let (mut sum, mut c) = (0.0f64, 0.0f64);
    for x in vm.collect(&args.pos[0])? {
        let x = to_f64(&x)?;
        let t = sum + x;
        c += if sum.abs() >= x.abs() {
            (sum - t) + x
        } else {
            (x - t) + sum
        };
        sum = t;
    }
    Ok(Value::Float(sum + c))
}
fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("dist", 2, 2)?;
    let p = vm.collect(&args.pos[0])?;
    let q = vm.collect(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(&q) {
        acc = acc.hypot(to_f64(a)? - to_f64(b)?);
    }
    Ok(Value::Float(acc))
}

pub fn functions() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("copysign", copysign),
        ("hypot", hypot),
        ("dist", dist),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("gcd", gcd),
        ("factorial", factorial),
        ("comb", comb),
        ("isqrt", isqrt),
        ("prod", prod),
        ("fsum", fsum),
    ]
}

#[cfg(test)]
mod tests {
    fn run(src: &str) -> String {
        crate::lang::vm::tests::run(src)
    }

    #[test]
    fn float_and_integer_functions_match_cpython() {
        assert_eq!(
            run("import math\nprint(math.gcd(12, 18), math.factorial(5), math.comb(5, 2), math.isqrt(17))\n"),
            "6 120 10 4\n"
        );
        assert_eq!(
            run("import math\nprint(math.hypot(3, 4), math.log(8, 2), math.isclose(0.1 + 0.2, 0.3), math.floor(-2.5))\n"),
            "5.0 3.0 True -3\n"
        );
        assert!(run("import math\nmath.sqrt(-1)\n")
            .ends_with("ValueError: expected a nonnegative input, got -1.0\n"));
        assert!(
            run("import math\nmath.log(0)\n").ends_with("ValueError: expected a positive input\n")
        );
        assert!(run("import math\nmath.pow(0, -1)\n").ends_with("ValueError: math domain error\n"));
        assert!(run("import math\nmath.exp(1000)\n").ends_with("OverflowError: math range error\n"));
    }
}
