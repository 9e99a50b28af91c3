//! `asyncio.wait` and `asyncio.as_completed` (CPython `tasks.py`): the futures of their
//! iterable argument, and the runtime's waiters as Python objects.

use super::asyncio::*;
use super::asyncio_objects::this;
use crate::lang::value::{Args, PyErr, PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::{FutId, Loop};

/// The futures of an iterable of awaitables (`wait` forbids bare coroutines, as CPython
/// does; `as_completed` wraps them in tasks).
pub(crate) fn futures_arg(vm: &mut Vm, lp: &mut Loop<Vm>, v: &Value) -> PyResult<Vec<FutId>> {
    futures_of(vm, lp, v, false)
}

fn futures_of(
    vm: &mut Vm,
    lp: &mut Loop<Vm>,
    v: &Value,
    allow_coroutines: bool,
) -> PyResult<Vec<FutId>> {
    let items = vm.collect(v)?;
    let mut futs = Vec::new();
    for it in &items {
        if matches!(it, Value::Coroutine(_)) && !allow_coroutines {
            return Err(PyErr::type_error(
                "Passing coroutines is forbidden, use tasks explicitly.",
            ));
        }
        futs.push(ensure_future(vm, lp, it)?);
    }
    Ok(futs)
}

pub(crate) fn wait_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = args.take_kw("timeout");
    let rw = args.take_kw("return_when");
    args.no_more_kw("wait")?;
    args.check("wait", 1, 1)?;
    let timeout = delay_arg(t.as_ref())?;
    let when = match rw {
        Some(Value::Str(s)) => match s.as_str() {
            "FIRST_COMPLETED" => crate::runtime::ReturnWhen::FirstCompleted,
            "FIRST_EXCEPTION" => crate::runtime::ReturnWhen::FirstException,
            "ALL_COMPLETED" => crate::runtime::ReturnWhen::AllCompleted,
            other => {
                return Err(PyErr::value_error(format!(
                    "Invalid return_when value: {other}"
                )))
            }
        },
        _ => crate::runtime::ReturnWhen::AllCompleted,
    };
    if matches!(
        &args.pos[0],
        Value::Coroutine(_) | Value::Native(_) | Value::Rt(_)
    ) {
        // `if futures.isfuture(fs) or coroutines.iscoroutine(fs)`.
        return Err(PyErr::type_error(format!(
            "expect a list of futures, not {}",
            args.pos[0].type_name()
        )));
    }
    let futs = vm.with_loop(|lp, vm| futures_arg(vm, lp, &args.pos[0]))?;
    Ok(native("wait", crate::runtime::wait(futs, timeout, when)))
}

pub(crate) fn as_completed_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = args.take_kw("timeout");
    args.no_more_kw("as_completed")?;
    args.check("as_completed", 1, 1)?;
    let timeout = delay_arg(t.as_ref())?;
    if matches!(
        &args.pos[0],
        Value::Coroutine(_) | Value::Rt(RtHandle::Task(_) | RtHandle::Future(_))
    ) {
        // `if futures.isfuture(fs) or coroutines.iscoroutine(fs)`
        return Err(PyErr::type_error(format!(
            "expects an iterable of awaitables, not {}",
            args.pos[0].type_name()
        )));
    }
    vm.with_loop(|lp, vm| {
        let futs = futures_of(vm, lp, &args.pos[0], true)?;
        Ok(Value::Rt(RtHandle::AsCompleted(
            lp.as_completed(futs, timeout),
        )))
    })
}
pub(crate) fn ac_id(args: &Args) -> PyResult<crate::runtime::AsCompletedId> {
    match this(args)? {
        RtHandle::AsCompleted(a) => Ok(a),
        _ => Err(PyErr::type_error(
            "descriptor requires an as_completed iterator",
        )),
    }
}
pub(crate) fn ac_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos[0].clone())
}
pub(crate) fn ac_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = ac_id(&args)?;
    match vm.with_loop(|lp, _| Ok(lp.as_completed_next(id, true)))? {
        Some(n) => Ok(native("_wait_for_one", n)),
        None => Err(PyErr::stop_iteration()),
    }
}
pub(crate) fn ac_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = ac_id(&args)?;
    match vm.with_loop(|lp, _| Ok(lp.as_completed_next(id, false)))? {
        Some(n) => Ok(native("_wait_for_one", n)),
        None => Ok(ready(
            "__anext__",
            Err(PyErr::new(
                &crate::lang::builtins::types::exception("StopAsyncIteration"),
                vec![],
            )),
        )),
    }
}
