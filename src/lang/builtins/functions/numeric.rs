//! Numeric built-ins: `abs`, `round`, `divmod`, `pow`, `chr`, `ord`, `hex`, `oct`, `bin`
//! (CPython `Python/bltinmodule.c` `builtin_round_impl`, `builtin_divmod_impl`, ...).

use super::{Args, PyErr, PyResult, Value, Vm};
use crate::lang::value::float;
use crate::lang::value::int::{self, int_of};
use crate::lang::vm::ops::{BinOp, UnaryOp};

pub(super) fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("abs", 1, 1)?;
    let v = &args.pos[0];
    if let Some(i) = int_of(v) {
        return Ok(int::abs(i));
    }
    if let Value::Float(f) = v {
        return Ok(Value::Float(f.abs()));
    }
    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__abs__") {
        return vm.call(&f, Args::new(vec![v.clone()]));
    }
    Err(PyErr::type_error(format!(
        "bad operand type for abs(): '{}'",
        v.type_name()
    )))
}

pub(super) fn round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd_kw = args.take_kw("ndigits");
    args.no_more_kw("round")?;
    args.check("round", 1, 2)?;
    let v = &args.pos[0];
    let nd = nd_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    if let Some(f) = crate::lang::vm::protocol::user_method(v, "__round__") {
        let mut a = vec![v.clone()];
        if !nd.is_none() {
            a.push(nd);
        }
        return vm.call(&f, Args::new(a));
    }
    match v {
        Value::Float(x) => {
            if nd.is_none() {
                int::from_f64(x.round_ties_even())
            } else {
                let n = vm.index_i64(&nd)?;
                Ok(Value::Float(float::round_digits(*x, n)))
            }
        }
        _ if int_of(v).is_some() => {
            if nd.is_none() {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => v.clone(),
                });
            }
            let n = vm.index_i64(&nd)?;
            if n >= 0 {
                return Ok(v.clone());
            }
            // Round half to even at 10**-n.
            let p = int::pow(int::IntRef::Small(10), int::IntRef::Small(-n))?;
            let pi = int_of(&p).ok_or_else(|| PyErr::type_error("int expected"))?;
            let x = int_of(v).ok_or_else(|| PyErr::type_error("int expected"))?;
            let (q, r) = int::divmod(x, pi)?;
            let r2 = int::mul(
                int_of(&r).unwrap_or(int::IntRef::Small(0)),
                int::IntRef::Small(2),
            );
            let c = int::cmp(int_of(&r2).unwrap_or(int::IntRef::Small(0)), pi);
            let qi = int_of(&q).unwrap_or(int::IntRef::Small(0));
            let q_odd = int::to_string(qi).ends_with(['1', '3', '5', '7', '9']);
            let q = if c == std::cmp::Ordering::Greater || (c == std::cmp::Ordering::Equal && q_odd)
            {
                int::add(qi, int::IntRef::Small(1))
            } else {
                q.clone()
            };
            Ok(int::mul(int_of(&q).unwrap_or(int::IntRef::Small(0)), pi))
        }
        _ => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            v.type_name()
        ))),
    }
}

pub(super) fn divmod(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("divmod", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        let (q, r) = int::divmod(x, y)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    let fa = match a {
        Value::Float(f) => Some(*f),
        _ => int_of(a).map(|i| i.to_f64()).transpose()?,
    };
    let fb = match b {
        Value::Float(f) => Some(*f),
        _ => int_of(b).map(|i| i.to_f64()).transpose()?,
    };
    if let (Some(x), Some(y)) = (fa, fb) {
        let (q, r) = float::divmod(x, y)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

pub(super) fn pow(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let m_kw = args.take_kw("mod");
    args.no_more_kw("pow")?;
    args.check("pow", 2, 3)?;
    let m = m_kw
        .or_else(|| args.pos.get(2).cloned())
        .unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(BinOp::Pow, &args.pos[0], &args.pos[1]);
    }
    match (int_of(&args.pos[0]), int_of(&args.pos[1]), int_of(&m)) {
        (Some(a), Some(b), Some(c)) => int::pow_mod(a, b, c),
        _ => Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )),
    }
}

pub(super) fn chr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("chr", 1, 1)?;
    let i = int_of(&args.pos[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.pos[0].type_name()
        ))
    })?;
    let c = i
        .to_i64()
        .and_then(|c| u32::try_from(c).ok())
        .and_then(char::from_u32);
    c.map(|c| Value::string(c.to_string()))
        .ok_or_else(|| PyErr::value_error("chr() arg not in range(0x110000)"))
}

pub(super) fn ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("ord", 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) if s.len() == 1 => {
            Ok(Value::Int(s.char_at(0).map(|c| c as i64).unwrap_or(0)))
        }
        Value::Str(s) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.len()
        ))),
        o => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            o.type_name()
        ))),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    args.check(name, 1, 1)?;
    let v = &args.pos[0];
    let n = match int_of(v) {
        Some(_) => v.clone(),
        None => Value::Int(vm.index_i64(v)?),
    };
    let i = int_of(&n).ok_or_else(|| PyErr::type_error("int expected"))?;
    Ok(Value::string(int::to_radix(i, r, prefix)))
}
pub(super) fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}
pub(super) fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}
pub(super) fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

pub(super) fn neg_helper(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.unary_op(UnaryOp::Neg, v)
}
