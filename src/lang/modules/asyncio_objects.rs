//! Methods of asyncio's runtime objects (Task, Future, Lock, Event, Semaphore, Condition,
//! Queue, TaskGroup, Timeout, the loop, timer handles) (CPython `futures.py`, `tasks.py`,
//! `locks.py`, `queues.py`, `taskgroups.py`, `timeouts.py`); their reprs are in
//! `asyncio_repr.rs`, the primitives' methods in `asyncio_sync.rs`.

#![allow(unused_imports)]

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::builtins::types;
use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::host::TaskExec;
use crate::lang::vm::Vm;
use crate::runtime::{
    sleep, wait_for, Awaitable, FutId, Loop, Native, QueueKind, ResourceId, RunStatus, Runner,
    TaskCoro, TaskGroupId, TaskId, TaskState, TimeoutId,
};

use super::asyncio::*;
pub(crate) use super::asyncio_sync::*;

// ---- methods of runtime objects ----

pub(crate) fn this(args: &Args) -> PyResult<RtHandle> {
    match args.pos.first() {
        Some(Value::Rt(h)) => Ok(*h),
        _ => Err(PyErr::type_error("descriptor requires an asyncio object")),
    }
}

pub(crate) fn fut_of(lp: &Loop<Vm>, h: RtHandle) -> PyResult<FutId> {
    match h {
        RtHandle::Task(t) => lp
            .task_future(t)
            .ok_or_else(|| PyErr::runtime_error("stale task")),
        RtHandle::Future(f) => Ok(f),
        _ => Err(PyErr::type_error("not a future")),
    }
}

pub(crate) fn fut_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.future_done(fut_of(lp, h)?))))
}
pub(crate) fn fut_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.future_cancelled(fut_of(lp, h)?))))
}
pub(crate) fn fut_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        lp.future_result(vm, f)
    })
}
pub(crate) fn fut_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        Ok(lp
            .future_exception(vm, f)?
            .map(|e| e.to_value())
            .unwrap_or(Value::None))
    })
}
pub(crate) fn msg_arg(args: &mut Args) -> PyResult<Option<Rc<str>>> {
    match args.take_kw("msg").or_else(|| args.pos.get(1).cloned()) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(Rc::from(s.as_str()))),
        Some(other) => Ok(Some(Rc::from(format!("{}", other.type_name()).as_str()))),
    }
}
pub(crate) fn fut_cancel(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let msg = msg_arg(&mut args)?;
    vm.with_loop(|lp, vm| {
        Ok(Value::Bool(match h {
            RtHandle::Task(t) => lp.cancel_task(vm, t, msg),
            _ => {
                let f = fut_of(lp, h)?;
                lp.cancel_future(vm, f, msg)
            }
        }))
    })
}
pub(crate) fn fut_add_done_callback(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    let h = this(&args)?;
    let cb = args
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("add_done_callback() missing argument"))?;
    vm.with_loop(|lp, _| {
        let f = fut_of(lp, h)?;
        lp.add_done_callback(
            f,
            crate::lang::vm::host::Callback {
                func: cb,
                args: Rc::from(Vec::new()),
            },
        );
        Ok(Value::None)
    })
}
pub(crate) fn fut_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let cb = args
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("remove_done_callback() missing argument"))?;
    vm.with_loop(|lp, _| {
        let f = fut_of(lp, h)?;
        Ok(Value::Int(lp.remove_done_callback(
            f,
            &crate::lang::vm::host::Callback {
                func: cb,
                args: Rc::from(Vec::new()),
            },
        ) as i64))
    })
}
pub(crate) fn fut_set_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        lp.set_result(vm, f, v)?;
        Ok(Value::None)
    })
}
pub(crate) fn fut_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    let e = match e {
        Value::Class(_) => vm.call(&e, Args::default())?,
        other => other,
    };
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        // CPython's order (`_asyncio` `future_set_exception`): the state, then the type.
        let err = if lp.future_done(f) {
            crate::lang::vm::eval::as_err(e)
        } else {
            exception_for_future(e)?
        };
        lp.set_exception(vm, f, err)?;
        Ok(Value::None)
    })
}

/// What `Future.set_exception(e)` stores: an exception instance (else `TypeError`), with a
/// plain `StopIteration` replaced by a `RuntimeError` caused by it, as `futures.py` does.
fn exception_for_future(e: Value) -> PyResult<PyErr> {
    let is_exc = matches!(&e, Value::Instance(i) if i.exc.is_some());
    if !is_exc {
        return Err(PyErr::type_error("invalid exception object"));
    }
    let stop = types::exception("StopIteration");
    if let Value::Instance(i) = &e {
        if Rc::ptr_eq(&i.class, &stop) {
            let new = PyErr::new(
                &types::exception("RuntimeError"),
                vec![Value::str(
                    "StopIteration interacts badly with generators and cannot be raised into a Future",
                )],
            );
            if let PyErr::Exception(n) = &new {
                if let Some(x) = &n.exc {
                    let mut x = x.borrow_mut();
                    x.cause = Some(e.clone());
                    x.context = Some(e.clone());
                }
            }
            return Ok(new);
        }
    }
    Ok(crate::lang::vm::eval::as_err(e))
}
pub(crate) fn task_id(h: RtHandle) -> PyResult<TaskId> {
    match h {
        RtHandle::Task(t) => Ok(t),
        _ => Err(PyErr::type_error("not a task")),
    }
}
pub(crate) fn task_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| {
        Ok(lp
            .task_name(t)
            .map(|n| Value::str(&n))
            .unwrap_or(Value::None))
    })
}
/// `Task.get_coro()`: the coroutine object the task runs (None for asyncio's own
/// awaitables, which have no Python coroutine here).
pub(crate) fn task_get_coro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("get_coro", 0, 0)?;
    let t = task_id(this(&args)?)?;
    Ok(vm
        .task_coros
        .get(t.0)
        .map(|c| Value::Coroutine(c.clone()))
        .unwrap_or(Value::None))
}
pub(crate) fn task_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    let n = vm.to_str(args.pos.get(1).unwrap_or(&Value::None))?;
    vm.with_loop(|lp, _| {
        lp.set_task_name(t, Rc::from(n.as_str()));
        Ok(Value::None)
    })
}
pub(crate) fn task_cancelling(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.cancelling(t) as i64)))
}
pub(crate) fn task_uncancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.uncancel(t) as i64)))
}

pub(crate) fn group_of(args: &Args) -> PyResult<TaskGroupId> {
    match this(args)? {
        RtHandle::TaskGroup(g) => Ok(g),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'TaskGroup' object",
        )),
    }
}
pub(crate) fn tg_aenter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = group_of(&args)?;
    let me = args.pos[0].clone();
    let r = vm.with_loop(|lp, vm| lp.task_group_enter(vm, g));
    Ok(ready("__aenter__", r.map(|_| me)))
}
pub(crate) fn exc_arg(args: &Args) -> Option<PyErr> {
    match args.pos.get(2) {
        Some(Value::Instance(i)) if i.exc.is_some() => Some(PyErr::Exception(i.clone())),
        _ => None,
    }
}
pub(crate) fn tg_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = group_of(&args)?;
    let exc = exc_arg(&args);
    vm.with_loop(|lp, _| Ok(native("tg_aexit", lp.task_group_exit(g, exc))))
}
pub(crate) fn tg_create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(&mut args)?;
    let _ = args.take_kw("context");
    let g = group_of(&args)?;
    let coro_v = args
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("create_task() missing argument"))?;
    // A library coroutine (`tg.create_task(asyncio.wait_for(...))`) is a coroutine too.
    let coro = crate::lang::modules::asyncio::task_coro(&coro_v)?;
    let t = vm
        .with_loop(|lp, vm| lp.task_group_create_task(vm, g, coro, name))
        .inspect_err(|_| {
            // `taskgroups.py` closes the coroutine before raising, so it never warns.
            if let Value::Coroutine(c) = &coro_v {
                c.started.set(true);
            }
        })?;
    register(vm, t, &coro_v)?;
    vm.task_groups.insert(t.0, g.0);
    Ok(Value::Rt(RtHandle::Task(t)))
}
pub(crate) fn timeout_of(args: &Args) -> PyResult<TimeoutId> {
    match this(args)? {
        RtHandle::Timeout(t) => Ok(t),
        _ => Err(PyErr::type_error("descriptor requires a 'Timeout' object")),
    }
}
pub(crate) fn to_aenter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let me = args.pos[0].clone();
    let r = vm.with_loop(|lp, vm| lp.timeout_enter(vm, t));
    Ok(ready("__aenter__", r.map(|_| me)))
}
pub(crate) fn to_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let exc = exc_arg(&args);
    let r = vm.with_loop(|lp, vm| lp.timeout_exit(vm, t, exc.as_ref()));
    Ok(ready("timeout_aexit", r.map(|_| Value::None)))
}
pub(crate) fn to_when(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    vm.with_loop(|lp, _| Ok(lp.timeout_when(t).map(Value::Float).unwrap_or(Value::None)))
}
pub(crate) fn to_expired(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.timeout_expired(t))))
}
pub(crate) fn to_reschedule(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let when = delay_arg(args.pos.get(1))?;
    vm.with_loop(|lp, vm| {
        lp.timeout_reschedule(vm, t, when)?;
        Ok(Value::None)
    })
}

/// Data attributes (CPython properties) of runtime objects: `Queue.maxsize`,
/// `Barrier.parties`/`n_waiting`/`broken`. `None`: not one of them.
pub(crate) fn rt_attr(vm: &mut Vm, h: RtHandle, name: &str) -> PyResult<Option<Value>> {
    match (h, name) {
        (RtHandle::Queue(r), "maxsize") => {
            with_loop_or_next(vm, |lp, _| Ok(Some(Value::Int(lp.queue_maxsize(r)))))
        }
        (RtHandle::Barrier(r), "parties" | "n_waiting" | "broken") => {
            with_loop_or_next(vm, |lp, _| {
                Ok(Some(match name {
                    "parties" => Value::Int(lp.barrier_parties(r) as i64),
                    "n_waiting" => Value::Int(lp.barrier_n_waiting(r) as i64),
                    _ => Value::Bool(lp.barrier_broken(r)),
                }))
            })
        }
        _ => Ok(None),
    }
}

/// Method tables of asyncio's object classes.
pub fn class_methods() -> Vec<(&'static str, Vec<(&'static str, BuiltinFn)>)> {
    let future: Vec<(&'static str, BuiltinFn)> = vec![
        ("done", fut_done),
        ("cancelled", fut_cancelled),
        ("result", fut_result),
        ("exception", fut_exception),
        ("cancel", fut_cancel),
        ("add_done_callback", fut_add_done_callback),
        ("remove_done_callback", fut_remove_done_callback),
        ("set_result", fut_set_result),
        ("set_exception", fut_set_exception),
    ];
    let mut task = future.clone();
    task.extend([
        ("get_name", task_get_name as BuiltinFn),
        ("set_name", task_set_name),
        ("get_coro", task_get_coro),
        ("cancelling", task_cancelling),
        ("uncancel", task_uncancel),
    ]);
    let lock: Vec<(&'static str, BuiltinFn)> = vec![
        ("acquire", lock_acquire),
        ("release", lock_release),
        ("locked", lock_locked),
        ("__aenter__", lock_acquire),
        ("__aexit__", lock_aexit),
    ];
    vec![
        (
            "_UnixSelectorEventLoop",
            vec![
                ("time", loop_time as BuiltinFn),
                ("call_soon", loop_call_soon),
                ("call_later", loop_call_later),
                ("call_at", loop_call_at),
                ("create_future", loop_create_future),
                ("create_task", loop_create_task),
                ("set_exception_handler", loop_set_exception_handler),
                ("get_exception_handler", loop_get_exception_handler),
                ("call_exception_handler", loop_call_exception_handler),
            ],
        ),
        (
            "Condition",
            vec![
                ("acquire", lock_acquire as BuiltinFn),
                ("release", lock_release),
                ("locked", lock_locked),
                ("__aenter__", lock_acquire),
                ("__aexit__", lock_aexit),
                ("wait", cond_wait),
                ("notify", cond_notify),
                ("notify_all", cond_notify_all),
                ("wait_for", cond_wait_for),
            ],
        ),
        (
            "_AsCompletedIterator",
            vec![
                ("__iter__", ac_iter as BuiltinFn),
                ("__next__", ac_next),
                ("__aiter__", ac_iter),
                ("__anext__", ac_anext),
            ],
        ),
        (
            "Handle",
            vec![
                ("cancel", timer_cancel as BuiltinFn),
                ("cancelled", timer_cancelled),
            ],
        ),
        (
            "TimerHandle",
            vec![
                ("cancel", timer_cancel as BuiltinFn),
                ("cancelled", timer_cancelled),
                ("when", timer_when),
            ],
        ),
        (
            "Barrier",
            vec![
                ("wait", barrier_wait as BuiltinFn),
                ("reset", barrier_reset),
                ("abort", barrier_abort),
                ("__aenter__", barrier_wait),
                ("__aexit__", barrier_aexit),
            ],
        ),
        ("Task", task),
        ("Future", future),
        ("Lock", lock.clone()),
        ("Semaphore", lock.clone()),
        ("BoundedSemaphore", lock),
        (
            "Event",
            vec![
                ("set", event_set as BuiltinFn),
                ("clear", event_clear),
                ("is_set", event_is_set),
                ("wait", event_wait),
            ],
        ),
        (
            "Queue",
            vec![
                ("put", queue_put as BuiltinFn),
                ("get", queue_get),
                ("join", queue_join),
                ("put_nowait", queue_put_nowait),
                ("get_nowait", queue_get_nowait),
                ("task_done", queue_task_done),
                ("qsize", queue_qsize),
                ("empty", queue_empty),
                ("full", queue_full),
                ("shutdown", queue_shutdown),
            ],
        ),
        (
            "TaskGroup",
            vec![
                ("__aenter__", tg_aenter as BuiltinFn),
                ("__aexit__", tg_aexit),
                ("create_task", tg_create_task),
            ],
        ),
        (
            "Timeout",
            vec![
                ("__aenter__", to_aenter as BuiltinFn),
                ("__aexit__", to_aexit),
                ("when", to_when),
                ("expired", to_expired),
                ("reschedule", to_reschedule),
            ],
        ),
    ]
}
