//! Built-ins over iterables: `sorted`, `min`, `max`, `sum`, `any`, `all`, `iter`, `next`
//! (CPython `Python/bltinmodule.c` `builtin_sorted`, `min_max`, `builtin_sum_impl`, ...).

use super::{Args, PyErr, PyResult, Value, Vm};
use crate::lang::value::int::int_of;
use crate::lang::vm::ops::BinOp;

pub(super) fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_more_kw("sorted")?;
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = vm.collect(&args.pos[0])?;
    Ok(Value::list(crate::lang::value::list::sort_values(
        vm, items, &key, reverse,
    )?))
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let default = args.take_kw("default");
    args.no_more_kw(name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.clone()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = if key.is_none() {
            v.clone()
        } else {
            vm.call(&key, Args::new(vec![v.clone()]))?
        };
        best = Some(match best {
            None => (v, k),
            Some((bv, bk)) => {
                let better = if want_less {
                    vm.lt(&k, &bk)?
                } else {
                    vm.lt(&bk, &k)?
                };
                if better {
                    (v, k)
                } else {
                    (bv, bk)
                }
            }
        });
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!(
            "{name}() iterable argument is empty"
        ))),
    }
}
pub(super) fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}
pub(super) fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

pub(super) fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    args.no_more_kw("sum")?;
    args.check("sum", 1, 2)?;
    let mut acc = start_kw
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = &acc {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.iter(&args.pos[0])?;
    // Floats are summed with compensation since CPython 3.12 (Neumaier).
    let mut comp = 0.0f64;
    let mut float_mode = matches!(acc, Value::Float(_));
    while let Some(v) = vm.next(&it)? {
        if let (true, Value::Float(a), Value::Float(x)) = (float_mode, &acc, &v) {
            acc = Value::Float(neumaier_add(*a, *x, &mut comp));
            continue;
        }
        if let (true, Value::Float(a)) = (float_mode, &acc) {
            if let Some(i) = int_of(&v) {
                let x = i.to_f64()?;
                acc = Value::Float(neumaier_add(*a, x, &mut comp));
                continue;
            }
        }
        if float_mode {
            if let Value::Float(a) = acc {
                acc = Value::Float(a + comp);
                comp = 0.0;
            }
            float_mode = false;
        }
        acc = vm.binary_op(BinOp::Add, &acc, &v)?;
        if matches!(acc, Value::Float(_)) && !float_mode {
            float_mode = true;
            comp = 0.0;
        }
    }
    if let (true, Value::Float(a)) = (float_mode, &acc) {
        if comp != 0.0 && comp.is_finite() {
            return Ok(Value::Float(a + comp));
        }
    }
    Ok(acc)
}

/// `a + x`, adding the rounding error to `comp` (Neumaier's step, as CPython's `sum`).
fn neumaier_add(a: f64, x: f64, comp: &mut f64) -> f64 {
    let t = a + x;
    if a.abs() >= x.abs() {
        *comp += (a - t) + x;
    } else {
        *comp += (x - t) + a;
    }
    t
}

pub(super) fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("any", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("all", 1, 1)?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub(super) fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iter", 1, 2)?;
    if args.pos.len() == 2 {
        return Err(PyErr::not_implemented(
            "iter(callable, sentinel) is not supported",
        ));
    }
    vm.iter(&args.pos[0])
}

pub(super) fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("next", 1, 2)?;
    let it = &args.pos[0];
    let is_iter = match it {
        Value::Iter(i) => !i.borrow().is_view(),
        Value::Instance(_) => crate::lang::vm::protocol::user_method(it, "__next__").is_some(),
        Value::Coroutine(_) => true,
        Value::Rt(h) => matches!(h, crate::lang::modules::asyncio::RtHandle::AsCompleted(_)),
        _ => false,
    };
    if !is_iter {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    if let (Value::Coroutine(c), None) = (it, args.pos.get(1)) {
        if !c.is_coroutine && !c.is_async_gen {
            return crate::lang::builtins::objects::gen_next(vm, c);
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration()),
        },
    }
}
