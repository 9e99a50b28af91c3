//! `asyncio`'s synchronisation primitives and queues as Python objects (CPython `locks.py`,
//! `queues.py`): the constructors (each makes a runtime object and returns its handle; also
//! TaskGroup's and the timeouts') and the methods of locks, events, conditions, queues and
//! barriers.

use super::asyncio::*;
use super::asyncio_objects::this;
use crate::lang::value::{Args, PyErr, PyResult, Value};
use crate::lang::vm::Vm;
use crate::runtime::{QueueKind, ResourceId};

pub(crate) fn new_barrier(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let v = args
        .take_kw("parties")
        .or_else(|| args.pos.first().cloned())
        .ok_or_else(|| {
            PyErr::type_error(
                "Barrier.__init__() missing 1 required positional argument: 'parties'",
            )
        })?;
    args.no_more_kw("Barrier")?;
    let n = vm.index_i64(&v)?;
    with_loop_or_next(vm, |lp, vm| {
        Ok(Value::Rt(RtHandle::Barrier(lp.new_barrier(vm, n)?)))
    })
}
pub(crate) fn new_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("Lock", 0, 0)?;
    with_loop_or_next(vm, |lp, _| Ok(Value::Rt(RtHandle::Lock(lp.new_lock()))))
}
pub(crate) fn new_event(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("Event", 0, 0)?;
    with_loop_or_next(vm, |lp, _| Ok(Value::Rt(RtHandle::Event(lp.new_event()))))
}
pub(crate) fn semaphore_impl(vm: &mut Vm, mut args: Args, bounded: bool) -> PyResult<Value> {
    let v = args
        .take_kw("value")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::Int(1));
    let n = vm.index_i64(&v)?;
    with_loop_or_next(vm, |lp, vm| {
        Ok(Value::Rt(RtHandle::Semaphore(
            lp.new_semaphore(vm, n, bounded)?,
            bounded,
        )))
    })
}
pub(crate) fn new_semaphore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    semaphore_impl(vm, args, false)
}
pub(crate) fn new_bounded_semaphore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    semaphore_impl(vm, args, true)
}
pub(crate) fn queue_impl(vm: &mut Vm, mut args: Args, kind: QueueKind) -> PyResult<Value> {
    let v = args
        .take_kw("maxsize")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::Int(0));
    let n = vm.index_i64(&v)?;
    with_loop_or_next(vm, |lp, vm| {
        Ok(Value::Rt(RtHandle::Queue(lp.new_queue(vm, kind, n))))
    })
}
pub(crate) fn new_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Fifo)
}
pub(crate) fn new_lifo_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Lifo)
}
pub(crate) fn new_priority_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Priority)
}
pub(crate) fn new_task_group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("TaskGroup", 0, 0)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::TaskGroup(lp.task_group()))))
}
pub(crate) fn timeout_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("timeout", 1, 1)?;
    let d = delay_arg(args.pos.first())?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timeout(lp.timeout(d)))))
}
pub(crate) fn timeout_at_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("timeout_at", 1, 1)?;
    let d = delay_arg(args.pos.first())?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timeout(lp.timeout_at(d)))))
}

pub(crate) fn new_condition(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let lock = match args.take_kw("lock").or_else(|| args.pos.first().cloned()) {
        Some(Value::Rt(RtHandle::Lock(r))) => Some(r),
        _ => None,
    };
    with_loop_or_next(vm, |lp, _| {
        Ok(Value::Rt(RtHandle::Condition(lp.new_condition(lock))))
    })
}
pub(crate) fn cond_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("Condition.wait", lp.condition_wait(r))))
}
/// `Condition.wait_for(predicate)`: a coroutine written in Python (`py/asyncio_helpers.py`),
/// since its loop calls the Python predicate between waits.
pub(crate) fn cond_wait_for(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("wait_for", 2, 2)?;
    let helpers = vm.import_module("_asyncio_py")?;
    let f = vm.getattr(&helpers, "condition_wait_for")?;
    vm.call(&f, Args::new(args.pos.clone()))
}
pub(crate) fn cond_notify(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    let n = args
        .take_kw("n")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(1));
    let n = vm.index_i64(&n)?.max(0) as usize;
    vm.with_loop(|lp, vm| {
        lp.condition_notify(vm, r, n)?;
        Ok(Value::None)
    })
}
pub(crate) fn cond_notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.condition_notify_all(vm, r)?;
        Ok(Value::None)
    })
}

// ---- methods ----

pub(crate) fn res(args: &Args) -> PyResult<ResourceId> {
    match this(args)? {
        RtHandle::Lock(r)
        | RtHandle::Event(r)
        | RtHandle::Semaphore(r, _)
        | RtHandle::Queue(r)
        | RtHandle::Condition(r) => Ok(r),
        _ => Err(PyErr::type_error("descriptor requires an asyncio object")),
    }
}
pub(crate) fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        Ok(match h {
            RtHandle::Semaphore(..) => native("Semaphore.acquire", lp.semaphore_acquire(r)),
            RtHandle::Condition(_) => native("Condition.acquire", lp.lock_acquire(r)),
            _ => native("Lock.acquire", lp.lock_acquire(r)),
        })
    })
}
pub(crate) fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        match h {
            RtHandle::Semaphore(..) => lp.semaphore_release(vm, r)?,
            _ => lp.lock_release(vm, r)?,
        }
        Ok(Value::None)
    })
}
pub(crate) fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        Ok(Value::Bool(match h {
            RtHandle::Semaphore(..) => lp.semaphore_locked(r),
            _ => lp.lock_locked(r),
        }))
    })
}
pub(crate) fn lock_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = lock_release(vm, Args::new(vec![args.pos[0].clone()]));
    Ok(ready("__aexit__", r.map(|_| Value::None)))
}
pub(crate) fn event_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.event_set(vm, r);
        Ok(Value::None)
    })
}
pub(crate) fn event_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        lp.event_clear(r);
        Ok(Value::None)
    })
}
pub(crate) fn event_is_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.event_is_set(r))))
}
pub(crate) fn event_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("Event.wait", lp.event_wait(r))))
}
pub(crate) fn queue_put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, _| Ok(native("Queue.put", lp.queue_put(r, v))))
}
pub(crate) fn queue_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("Queue.get", lp.queue_get(r))))
}
pub(crate) fn queue_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("Queue.join", lp.queue_join(r))))
}
pub(crate) fn queue_put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, vm| {
        lp.queue_put_nowait(vm, r, v)?;
        Ok(Value::None)
    })
    .map_err(|e| with_queue_frame("put_nowait", e))
}
pub(crate) fn queue_get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| lp.queue_get_nowait(vm, r))
        .map_err(|e| with_queue_frame("get_nowait", e))
}
pub(crate) fn queue_task_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.queue_task_done(vm, r)?;
        Ok(Value::None)
    })
    .map_err(|e| with_queue_frame("task_done", e))
}
/// The error of a `Queue` method, with the `queues.py` frame CPython's traceback shows.
fn with_queue_frame(method: &str, e: PyErr) -> PyErr {
    if let Some(f) = super::asyncio_frames::queue_frame(method, &e) {
        e.add_library_frames(&[f]);
    }
    e
}
pub(crate) fn queue_qsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.queue_size(r) as i64)))
}
pub(crate) fn queue_empty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.queue_empty(r))))
}
pub(crate) fn queue_full(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.queue_full(r))))
}
pub(crate) fn queue_shutdown(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let imm = args
        .take_kw("immediate")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Bool(false));
    let imm = vm.truthy(&imm)?;
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.queue_shutdown(vm, r, imm);
        Ok(Value::None)
    })
}

pub(crate) fn barrier_of(args: &Args) -> PyResult<ResourceId> {
    match this(args)? {
        RtHandle::Barrier(r) => Ok(r),
        _ => Err(PyErr::type_error("descriptor requires a 'Barrier' object")),
    }
}
pub(crate) fn barrier_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("wait", 0, 0)?;
    let r = barrier_of(&args)?;
    vm.with_loop(|lp, _| Ok(native("Barrier.wait", lp.barrier_wait(r))))
}
pub(crate) fn barrier_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("reset", 0, 0)?;
    let r = barrier_of(&args)?;
    vm.with_loop(|lp, _| Ok(native("Barrier.reset", lp.barrier_reset(r))))
}
pub(crate) fn barrier_abort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method("abort", 0, 0)?;
    let r = barrier_of(&args)?;
    vm.with_loop(|lp, _| Ok(native("Barrier.abort", lp.barrier_abort(r))))
}
/// `async with barrier:` enters with `wait()` and its index; leaving does nothing.
pub(crate) fn barrier_aexit(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(ready("__aexit__", Ok(Value::None)))
}
