//! The running loop as Python sees it (`asyncio.get_running_loop()`, `loop.call_later`
//! and its handles, CPython `base_events.py`/`events.py`) and the loop's hooks for async
//! generators (`_asyncgen_finalizer_hook`, `shutdown_asyncgens`).

use std::rc::Rc;

use super::asyncio::*;
use super::asyncio_objects::this;
use crate::lang::value::{Args, PyErr, PyResult, Value};
use crate::lang::vm::host::TaskExec;
use crate::lang::vm::Vm;
use crate::runtime::{FutId, Loop, TaskCoro};

/// Primes async generator `c` for `aclose()` (see `AgenOp`).
fn prime_aclose(c: &crate::lang::value::function::Coroutine) {
    let exit = PyErr::new(
        &crate::lang::builtins::types::exception("GeneratorExit"),
        vec![],
    );
    c.agen_op
        .set(Some(Box::new(crate::lang::value::function::AgenOp::Throw(
            exit,
        ))));
    c.closing.set(true);
}

/// `_asyncgen_finalizer_hook`: for each async generator dropped while suspended,
/// `loop.call_soon(loop.create_task, agen.aclose())`.
pub(crate) fn schedule_agen_finalizers(lp: &mut Loop<Vm>) {
    for c in crate::lang::value::function::take_finalized() {
        prime_aclose(&c);
        let create = Value::Builtin(Rc::new(crate::lang::value::Builtin {
            name: "create_task",
            func: create_task,
            owner: None,
        }));
        lp.call_soon(crate::lang::vm::host::Callback {
            func: create,
            args: Rc::from(vec![Value::Coroutine(c)]),
        });
    }
}

/// `loop.shutdown_asyncgens()`: a task closing each async generator first iterated in this
/// loop and still suspended (`gather(*[ag.aclose() ...])`).
pub(crate) fn shutdown_asyncgens(vm: &mut Vm, lp: &mut Loop<Vm>) -> Vec<FutId> {
    let gens: Vec<_> = std::mem::take(&mut vm.asyncgens)
        .into_iter()
        .filter_map(|w| w.upgrade())
        .filter(|c| c.started.get() && !c.running.get() && c.frame.borrow().is_some())
        .collect();
    let mut futs = Vec::new();
    for c in gens {
        prime_aclose(&c);
        let Ok(exec) = TaskExec::new(&Value::Coroutine(c)) else {
            continue;
        };
        let t = lp.create_task(TaskCoro::Host(exec), None);
        futs.extend(lp.task_future(t));
    }
    futs
}

pub(crate) fn get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|_, _| Ok(Value::Rt(RtHandle::Loop)))
}

/// `asyncio.get_event_loop()`: the running loop; outside one, 3.14 raises (programs here
/// never set a current loop: `new_event_loop`/`set_event_loop` are not supported).
pub(crate) fn get_event_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_event_loop", 0, 0)?;
    if vm.lp.is_null() {
        return Err(PyErr::runtime_error(
            "There is no current event loop in thread 'MainThread'.",
        ));
    }
    Ok(Value::Rt(RtHandle::Loop))
}

pub(crate) fn loop_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| Ok(Value::Float(lp.time())))
}

pub(crate) fn callback_of(args: &Args, first: usize) -> PyResult<crate::lang::vm::host::Callback> {
    let func = args
        .pos
        .get(first)
        .cloned()
        .ok_or_else(|| PyErr::type_error("a callback is required"))?;
    Ok(crate::lang::vm::host::Callback {
        func,
        args: args.pos[first + 1..].to_vec().into(),
    })
}

pub(crate) fn loop_call_soon(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    args.no_more_kw("BaseEventLoop.call_soon")?;
    let cb = callback_of(&args, 1)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_soon(cb), false))))
}
pub(crate) fn loop_call_later(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    args.no_more_kw("BaseEventLoop.call_later")?;
    let d = later_arg(args.pos.get(1))?;
    let cb = callback_of(&args, 2)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_later(d, cb), true))))
}
pub(crate) fn loop_call_at(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    args.no_more_kw("BaseEventLoop.call_at")?;
    let w = match args.pos.get(1) {
        None | Some(Value::None) => return Err(PyErr::type_error("when cannot be None")),
        w => delay_arg(w)?.unwrap_or(0.0),
    };
    let cb = callback_of(&args, 2)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_at(w, cb), true))))
}
pub(crate) fn loop_create_future(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Future(lp.create_future()))))
}
pub(crate) fn loop_create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    args.pos.remove(0);
    create_task(vm, args)
}
pub(crate) fn loop_set_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.exception_handler = args.pos.get(1).cloned().filter(|v| !v.is_none());
    Ok(Value::None)
}
pub(crate) fn loop_get_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("get_exception_handler", 0, 0)?;
    Ok(vm.exception_handler.clone().unwrap_or(Value::None))
}
/// `loop.call_exception_handler(context)`: the handler set, or CPython's default handler
/// (the message, the other keys sorted as `key: repr`, then the exception's traceback).
pub(crate) fn loop_call_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("call_exception_handler", 1, 1)?;
    let ctx = args.pos[1].clone();
    if let Some(h) = vm.exception_handler.clone() {
        if let Err(e) = vm.call(&h, Args::new(vec![Value::Rt(RtHandle::Loop), ctx])) {
            let text = vm.format_exception(&e);
            vm.write(crate::lang::vm::Stream::Stderr, &text);
        }
        return Ok(Value::None);
    }
    let Value::Dict(d) = &ctx else {
        return Err(PyErr::type_error("context must be a dict"));
    };
    let pairs: Vec<(Value, Value)> = {
        let d = d.borrow();
        d.keys().into_iter().zip(d.values()).collect()
    };
    let mut message = String::from("Unhandled exception in event loop");
    let mut exc = None;
    let mut rest = Vec::new();
    for (k, v) in pairs {
        let key = vm.to_str(&k)?;
        match key.as_str() {
            "message" if vm.truthy(&v)? => message = vm.to_str(&v)?,
            "message" => {}
            "exception" => exc = Some(v),
            _ => rest.push((key, vm.repr(&v)?)),
        }
    }
    rest.sort();
    let mut text = message;
    for (k, v) in rest {
        text.push_str(&format!("\n{k}: {v}"));
    }
    text.push('\n');
    if let Some(e) = exc.filter(|e| !e.is_none()) {
        text.push_str(&vm.format_exception(&crate::lang::vm::eval::as_err(e)));
    }
    vm.write(crate::lang::vm::Stream::Stderr, &text);
    Ok(Value::None)
}
pub(crate) fn timer_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let RtHandle::Timer(h, _) = this(&args)? {
        vm.with_loop(|lp, _| {
            lp.cancel_program_handle(h);
            Ok(())
        })?;
    }
    Ok(Value::None)
}
pub(crate) fn timer_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match this(&args)? {
        RtHandle::Timer(h, _) => vm.with_loop(|lp, _| Ok(Value::Bool(lp.handle_cancelled(h)))),
        _ => Ok(Value::Bool(false)),
    }
}
/// `TimerHandle.when()`: the loop time it is scheduled for.
/// Known while the timer is pending: the handle's slot goes once it ran (a limitation
/// documented in docs/language.md).
pub(crate) fn timer_when(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("when", 0, 0)?;
    let RtHandle::Timer(h, true) = this(&args)? else {
        return Err(PyErr::type_error(
            "descriptor 'when' requires a 'TimerHandle' object",
        ));
    };
    vm.with_loop(|lp, _| match lp.handle_when(h) {
        Some(w) => Ok(Value::Float(w)),
        None => Err(PyErr::not_implemented(
            "TimerHandle.when() after the timer ran or was cancelled is not supported in the playground",
        )),
    })
}

/// How CPython's `format_helpers._format_callback_source` names a callback (without debug
/// mode, so without its arguments): `tick() at main.py:4` for a function (its `def` line),
/// `Obj.method()` for a bound method, a `functools.partial` by the function it wraps.
pub(crate) fn callback_label(vm: &mut Vm, func: &Value) -> String {
    let mut f = func.clone();
    // `functools.partial` (a Python class here): the wrapped function, and one more `()`
    // per partial (`_format_callback` appends its arguments as a suffix)
    let mut suffix = String::new();
    for _ in 0..8 {
        let is_partial = matches!(&f, Value::Instance(i) if &*i.class.name == "partial"
            && &*i.class.module == "functools");
        if !is_partial {
            break;
        }
        match vm.getattr(&f, "func") {
            Ok(inner) => {
                f = inner;
                suffix.push_str("()");
            }
            Err(_) => break,
        }
    }
    match &f {
        Value::Function(func) => format!(
            "{}(){suffix} at {}:{}",
            func.qualname, func.code.source.filename, func.code.first_line
        ),
        other => match vm
            .getattr(other, "__qualname__")
            .or_else(|_| vm.getattr(other, "__name__"))
        {
            Ok(Value::Str(q)) => format!("{}(){suffix}", q.as_str()),
            _ => vm.repr(other).unwrap_or_default(),
        },
    }
}
