//! The `asyncio` module: functions and classes bound to the runtime's event loop
//! (CPython `Lib/asyncio/`: `runners.py`, `tasks.py`, `locks.py`, `queues.py`,
//! `taskgroups.py`, `timeouts.py`). Objects are ids into the loop (`RtHandle`); library
//! coroutines are the runtime's native state machines (`NativeAwait`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::value::{Args, BuiltinFn, PyErr, PyResult, Value};
use crate::lang::vm::host::TaskExec;
use crate::lang::vm::Vm;
use crate::runtime::{
    sleep, wait_for, Awaitable, FutId, Loop, Native, ResourceId, RunStatus, Runner, TaskCoro,
    TaskGroupId, TaskId, TimeoutId,
};

/// A runtime object as a Python value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RtHandle {
    Task(TaskId),
    Future(FutId),
    Lock(ResourceId),
    Event(ResourceId),
    Semaphore(ResourceId, bool),
    Queue(ResourceId),
    TaskGroup(TaskGroupId),
    Timeout(TimeoutId),
    /// The running loop (`asyncio.get_running_loop()`).
    Loop,
    Condition(ResourceId),
    /// The iterator `asyncio.as_completed(fs)` returns.
    AsCompleted(crate::runtime::AsCompletedId),
    /// A scheduled callback: `loop.call_soon`'s `Handle` (false) or
    /// `call_later`/`call_at`'s `TimerHandle` (true).
    Timer(crate::runtime::Handle, bool),
    /// `asyncio.Barrier(parties)`.
    Barrier(ResourceId),
}

impl RtHandle {
    pub fn type_name(&self) -> &'static str {
        match self {
            RtHandle::Task(_) => "Task",
            RtHandle::Future(_) => "Future",
            RtHandle::Lock(_) => "Lock",
            RtHandle::Event(_) => "Event",
            RtHandle::Semaphore(_, false) => "Semaphore",
            RtHandle::Semaphore(_, true) => "BoundedSemaphore",
            RtHandle::Queue(_) => "Queue",
            RtHandle::TaskGroup(_) => "TaskGroup",
            RtHandle::Timeout(_) => "Timeout",
            RtHandle::Loop => "_UnixSelectorEventLoop",
            RtHandle::Condition(_) => "Condition",
            RtHandle::AsCompleted(_) => "_AsCompletedIterator",
            RtHandle::Timer(_, false) => "Handle",
            RtHandle::Timer(_, true) => "TimerHandle",
            RtHandle::Barrier(_) => "Barrier",
        }
    }
    pub fn id_number(&self) -> u32 {
        match self {
            RtHandle::Task(t) => t.0,
            RtHandle::Future(_) => 0,
            RtHandle::Lock(r)
            | RtHandle::Event(r)
            | RtHandle::Semaphore(r, _)
            | RtHandle::Queue(r) => r.0 + 100_000,
            RtHandle::TaskGroup(g) => g.0 + 200_000,
            RtHandle::Timeout(t) => t.0 + 300_000,
            RtHandle::Loop => 400_000,
            RtHandle::Condition(r) => r.0 + 100_000,
            RtHandle::AsCompleted(a) => a.0 + 600_000,
            RtHandle::Timer(..) => 500_000,
            RtHandle::Barrier(r) => r.0 + 100_000,
        }
    }
    /// Tasks and futures can be awaited directly.
    pub fn is_awaitable(&self) -> bool {
        matches!(self, RtHandle::Task(_) | RtHandle::Future(_))
    }
}

/// What a library coroutine object holds until awaited.
pub enum NativeState {
    Native(Native<Vm>),
    /// Already finished (`TaskGroup.__aenter__`, `Lock.__aexit__`...).
    Ready(PyResult<Value>),
}

/// A library coroutine object (`asyncio.sleep(1)` before it is awaited). `name` is its
/// `__qualname__` in CPython (or an internal tag for `__aexit__`s).
pub struct NativeAwait {
    pub name: &'static str,
    pub state: RefCell<Option<NativeState>>,
}

impl Drop for NativeAwait {
    /// `RuntimeWarning: coroutine 'sleep' was never awaited` (reported by the eval loop).
    fn drop(&mut self) {
        if let Some(NativeState::Native(_)) = self.state.get_mut() {
            let shown = match self.name {
                "tg_aexit" => "TaskGroup.__aexit__",
                "_wait_for_one" => "as_completed.<locals>._wait_for_one",
                other => other,
            };
            crate::lang::value::function::note_unawaited(std::rc::Rc::from(shown));
        }
    }
}

pub(crate) fn native(name: &'static str, n: Native<Vm>) -> Value {
    Value::Native(Rc::new(NativeAwait {
        name,
        state: RefCell::new(Some(NativeState::Native(n))),
    }))
}
pub(crate) fn ready(name: &'static str, r: PyResult<Value>) -> Value {
    Value::Native(Rc::new(NativeAwait {
        name,
        state: RefCell::new(Some(NativeState::Ready(r))),
    }))
}

pub(crate) fn delay_arg(v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Float(f)) => Ok(Some(*f)),
        // CPython compares first (`if delay <= 0`, `if timeout <= 0`), so that names the type.
        Some(other) => match crate::lang::value::int::int_of(other) {
            Some(i) => Ok(Some(i.to_f64()?)),
            None => Err(PyErr::type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                other.type_name()
            ))),
        },
    }
}

/// `loop.call_later(delay, ...)`'s delay: CPython adds it to `self.time()` first.
pub(crate) fn later_arg(v: Option<&Value>) -> PyResult<f64> {
    match v {
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => match crate::lang::value::int::int_of(other) {
            Some(i) => i.to_f64(),
            None => Err(PyErr::type_error(format!(
                "unsupported operand type(s) for +: 'float' and '{}'",
                other.type_name()
            ))),
        },
        None => Err(PyErr::type_error(
            "call_later() missing required argument 'delay'",
        )),
    }
}

pub use super::asyncio_frames::*;
pub(crate) use super::asyncio_sync::*;
pub(crate) use super::asyncio_wait::*;

/// Ours: what `asyncio.run` raises when CPython would hang forever.
pub const DEADLOCK: &str =
    "the program can never finish: every task waits for something that nothing will do (deadlock)";

/// `asyncio.run(main)`: a fresh loop on the virtual clock, run to the end.
pub(crate) fn run(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("debug");
    args.no_more_kw("run")?;
    args.check("run", 1, 1)?;
    if !vm.lp.is_null() {
        return Err(PyErr::runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let main = &args.pos[0];
    // `Runner.run`: coroutines only (3.14 words it as a TypeError).
    if !matches!(main, Value::Coroutine(c) if c.is_coroutine) && !matches!(main, Value::Native(_)) {
        return Err(PyErr::type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        ));
    }
    let coro = task_coro(main)?;
    let mut lp = match vm.next_loop.take() {
        Some(lp) => *lp,
        None => fresh_loop(vm),
    };
    let runner = Runner::new(&mut lp, coro, None);
    register(vm, runner.main_task(), main)?;
    if vm.sliced && vm.native_depth == 0 {
        // Called from module code run by a `Session`: suspend the module; the session
        // runs the loop in slices and resumes it with the result.
        vm.pending_run = Some(crate::lang::vm::session::LoopRun { lp, runner });
        return Err(PyErr::Suspend);
    }
    let mut runner = runner;
    let status = vm.enter_loop(&mut lp, |vm, lp| loop {
        match runner.run_once(lp, vm) {
            RunStatus::Running => {}
            other => break other,
        }
    });
    loop_ended(vm, &lp);
    if matches!(status, RunStatus::Deadlocked) {
        vm.note_deadlock(&lp);
    }
    report_unretrieved(vm, &mut lp);
    match status {
        RunStatus::Finished(r) => r.inspect_err(|e| e.add_library_frames(&RUN_FRAMES)),
        RunStatus::Deadlocked => Err(PyErr::runtime_error(DEADLOCK)),
        RunStatus::Running => Ok(Value::None),
    }
}

pub(crate) fn sleep_fn(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let result = args.take_kw("result");
    args.no_more_kw("sleep")?;
    args.check("sleep", 1, 2)?;
    // `sleep(None)` fails at `delay <= 0` in CPython (None is only a valid timeout).
    let d = match args.pos.first() {
        Some(Value::None) => {
            return Err(PyErr::type_error(
                "'<=' not supported between instances of 'NoneType' and 'int'",
            ))
        }
        d => delay_arg(d)?.unwrap_or(0.0),
    };
    let result = result.or_else(|| args.pos.get(1).cloned());
    Ok(native("sleep", sleep(d, result)))
}

pub(crate) fn name_arg(args: &mut Args) -> PyResult<Option<Rc<str>>> {
    match args.take_kw("name") {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(Rc::from(s.as_str()))),
        Some(other) => Err(PyErr::type_error(format!(
            "name must be a str, not {}",
            other.type_name()
        ))),
    }
}

/// Remembers which coroutine object task `t` runs (for its repr).
/// Records a new task's coroutine (for its repr and line) and counts it against the
/// live-task cap (`Limits::tasks`).
pub(crate) fn register(vm: &mut Vm, t: TaskId, coro: &Value) -> PyResult<()> {
    if let Value::Coroutine(c) = coro {
        vm.task_coros.insert(t.0, c.clone());
    }
    vm.task_created()
}

/// "Task exception was never retrieved" for each failed task nobody asked about, as
/// CPython's `Task.__del__` logs it when the task is collected.
pub(crate) fn report_unretrieved(vm: &mut Vm, lp: &mut Loop<Vm>) {
    let tasks = lp.unretrieved_exceptions();
    for t in tasks {
        let text = vm.enter_loop(lp, |vm, lp| {
            let r = repr(vm, RtHandle::Task(t)).unwrap_or_default();
            let f = lp.task_future(t)?;
            let e = lp.future_exception(vm, f).ok().flatten()?;
            // A limit stopped the whole program and its message already names the task:
            // it is not the task's exception to report (it would read "exception=None").
            if crate::lang::vm::host::is_limit(&e) {
                return None;
            }
            let exc = vm.repr(&e.to_value()).unwrap_or_default();
            let name = lp.task_name(t).unwrap_or_else(|| std::rc::Rc::from(""));
            let kind = crate::lang::vm::facts::FactKind::ExceptionNeverRetrieved {
                failed: t,
                name,
                exc,
            };
            vm.note_fact(kind, crate::lang::vm::facts::raise_offset(&e));
            if let Some(h) = vm.exception_handler.clone() {
                // `Future.__del__` calls the loop's handler with {message, exception, future}
                let pairs = vec![
                    (
                        Value::str("message"),
                        Value::str("Task exception was never retrieved"),
                    ),
                    (Value::str("exception"), e.to_value()),
                    (Value::str("future"), Value::Rt(RtHandle::Task(t))),
                ];
                let r = vm
                    .new_dict(pairs)
                    .and_then(|ctx| vm.call(&h, Args::new(vec![Value::Rt(RtHandle::Loop), ctx])));
                return r.err().map(|e| vm.format_exception(&e));
            }
            Some(format!(
                "Task exception was never retrieved\nfuture: {r}\n{}",
                vm.format_exception(&e)
            ))
        });
        if let Some(text) = text {
            vm.write(crate::lang::vm::Stream::Stderr, &text);
        }
    }
}

/// What a task runs for `v`: a coroutine object's frames, or a library coroutine.
pub(crate) fn task_coro(v: &Value) -> PyResult<TaskCoro<Vm>> {
    if let Value::Native(n) = v {
        return match n.state.borrow_mut().take() {
            Some(NativeState::Native(x)) => Ok(TaskCoro::Native(Box::new(x))),
            _ => Err(PyErr::runtime_error(
                "cannot reuse already awaited coroutine",
            )),
        };
    }
    Ok(TaskCoro::Host(TaskExec::new(v)?))
}

pub(crate) fn create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(&mut args)?;
    let _ = args.take_kw("context");
    args.no_more_kw("create_task")?;
    args.check("create_task", 1, 1)?;
    let coro = task_coro(&args.pos[0])?;
    let t = vm.with_loop(|lp, _| Ok(lp.create_task(coro, name)))?;
    register(vm, t, &args.pos[0])?;
    Ok(Value::Rt(RtHandle::Task(t)))
}

/// The future of an awaitable argument, wrapping coroutines in tasks (`ensure_future`).
pub(crate) fn ensure_future(vm: &mut Vm, lp: &mut Loop<Vm>, v: &Value) -> PyResult<FutId> {
    match v {
        Value::Rt(RtHandle::Task(t)) => lp
            .task_future(*t)
            .ok_or_else(|| PyErr::runtime_error("stale task")),
        Value::Rt(RtHandle::Future(f)) => Ok(*f),
        Value::Coroutine(_) => {
            let coro = TaskExec::new(v)?;
            let t = lp.create_task(TaskCoro::Host(coro), None);
            register(vm, t, v)?;
            lp.task_future(t)
                .ok_or_else(|| PyErr::runtime_error("stale task"))
        }
        Value::Native(n) => {
            let st = n.state.borrow_mut().take();
            match st {
                Some(NativeState::Native(nat)) => {
                    let t = lp.create_task(TaskCoro::Native(Box::new(nat)), None);
                    lp.task_future(t)
                        .ok_or_else(|| PyErr::runtime_error("stale task"))
                }
                _ => Err(PyErr::runtime_error(
                    "cannot reuse already awaited coroutine",
                )),
            }
        }
        // CPython's `ensure_future` names no type.
        _ => Err(PyErr::type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        )),
    }
}

/// `asyncio.ensure_future(x)`: a task or future is returned as it is; a coroutine is
/// wrapped in a new task; anything else is a TypeError.
pub(crate) fn ensure_future_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("loop");
    args.no_more_kw("ensure_future")?;
    args.check("ensure_future", 1, 1)?;
    match &args.pos[0] {
        v @ Value::Rt(h) if h.is_awaitable() => Ok(v.clone()),
        Value::Coroutine(c) if c.is_coroutine => create_task(vm, args),
        Value::Native(_) => create_task(vm, args),
        _ => Err(PyErr::type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        )),
    }
}

/// `asyncio.isfuture(x)`: tasks and futures.
pub(crate) fn isfuture(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("isfuture", 1, 1)?;
    Ok(Value::Bool(
        matches!(&args.pos[0], Value::Rt(h) if h.is_awaitable()),
    ))
}

pub(crate) fn gather(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let re = match args.take_kw("return_exceptions") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_more_kw("gather")?;
    vm.with_loop(|lp, vm| {
        // `arg_to_fut`: the same awaitable given twice is wrapped (and run) once. Tasks and
        // futures map to their own future with no wrapping, so only coroutines are looked up
        // (a scan per argument made `gather(*tasks)` quadratic: 0.2 s for 10,000 tasks).
        let mut seen: Vec<(&Value, FutId)> = Vec::new();
        let mut futs = Vec::with_capacity(args.pos.len());
        for a in &args.pos {
            if let Value::Rt(RtHandle::Task(_) | RtHandle::Future(_)) = a {
                futs.push(ensure_future(vm, lp, a)?);
                continue;
            }
            let f = match seen.iter().find(|(v, _)| v.is(a)) {
                Some((_, f)) => *f,
                None => {
                    let f = ensure_future(vm, lp, a)?;
                    seen.push((a, f));
                    f
                }
            };
            futs.push(f);
        }
        let g = lp.gather(vm, futs, re);
        Ok(Value::Rt(RtHandle::Future(g)))
    })
}

pub(crate) fn wait_for_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = args.take_kw("timeout");
    args.no_more_kw("wait_for")?;
    args.check("wait_for", 1, 2)?;
    let timeout = delay_arg(t.as_ref().or(args.pos.get(1)))?;
    let aw = match &args.pos[0] {
        Value::Coroutine(_) => {
            Awaitable::Coro(Box::new(TaskCoro::Host(TaskExec::new(&args.pos[0])?)))
        }
        other @ (Value::Rt(_) | Value::Native(_)) => {
            vm.with_loop(|lp, vm| Ok(Awaitable::Future(ensure_future(vm, lp, other)?)))?
        }
        // 3.12+: `async with timeout(t): return await fut`.
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object can't be awaited",
                other.type_name()
            )))
        }
    };
    Ok(native("wait_for", wait_for(aw, timeout)))
}

pub(crate) fn shield(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("shield", 1, 1)?;
    vm.with_loop(|lp, vm| {
        let f = ensure_future(vm, lp, &args.pos[0])?;
        let s = lp.shield(f);
        Ok(Vm::fut_value(lp, s))
    })
}

pub(crate) fn current_task(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| {
        Ok(lp
            .current_task()
            .map(|t| Value::Rt(RtHandle::Task(t)))
            .unwrap_or(Value::None))
    })
}

pub(crate) fn all_tasks(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let tasks = vm.with_loop(|lp, _| Ok(lp.all_tasks()))?;
    crate::lang::builtins::sets::make(
        vm,
        tasks
            .into_iter()
            .map(|t| Value::Rt(RtHandle::Task(t)))
            .collect(),
        false,
    )
}

pub(crate) fn iscoroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iscoroutine", 1, 1)?;
    Ok(Value::Bool(
        matches!(&args.pos[0], Value::Coroutine(c) if c.is_coroutine)
            || matches!(args.pos[0], Value::Native(_)),
    ))
}

/// A new loop for `asyncio.run`: on the driver's clock if one is set, else on the VM's
/// (virtual) clock; traced when the VM traces.
fn fresh_loop(vm: &Vm) -> Loop<Vm> {
    let clock: Box<dyn crate::runtime::Clock> = match &vm.loop_clock {
        Some(c) => Box::new(c.handle()),
        None => Box::new(vm.clock.clone()),
    };
    let mut lp: Loop<Vm> = Loop::new(clock);
    lp.set_tracing(vm.tracing);
    lp.task_counter = vm.task_counter;
    lp
}

/// Bookkeeping when an `asyncio.run` loop ends: the clock, and the `Task-N` counter, which
/// is global to the process in CPython (`tasks._task_name_counter`).
pub(crate) fn loop_ended(vm: &mut Vm, lp: &Loop<Vm>) {
    vm.loop_time = lp.time();
    vm.task_counter = lp.task_counter;
    // Async generators dropped after the loop stopped: a closed loop closes nothing
    // (`_asyncgen_finalizer_hook` checks `is_closed()`).
    drop(crate::lang::value::function::take_finalized());
    vm.asyncgens.clear();
    if let Some(next) = vm.next_loop.as_mut() {
        next.task_counter = next.task_counter.max(lp.task_counter);
    }
}

/// Runs `f` with the running loop or, outside any loop, with the loop the next
/// `asyncio.run` will use: `lock = asyncio.Lock()` at module level works, as in CPython.
pub(crate) fn with_loop_or_next<R>(
    vm: &mut Vm,
    f: impl FnOnce(&mut Loop<Vm>, &mut Vm) -> PyResult<R>,
) -> PyResult<R> {
    if !vm.lp.is_null() {
        return vm.with_loop(f);
    }
    let mut lp = match vm.next_loop.take() {
        Some(lp) => lp,
        None => Box::new(fresh_loop(vm)),
    };
    // As `with_loop` does: what this call creates remembers where the program made it.
    lp.set_span(Some(crate::runtime::Span(vm.cur_offset)));
    let r = f(&mut lp, vm);
    vm.next_loop = Some(lp);
    r
}

/// The asyncio module object.
pub fn module(vm: &mut Vm) -> Value {
    let funcs: Vec<(&'static str, BuiltinFn)> = vec![
        ("run", run),
        ("sleep", sleep_fn),
        ("create_task", create_task),
        ("ensure_future", ensure_future_fn),
        ("isfuture", isfuture),
        ("gather", gather),
        ("wait_for", wait_for_fn),
        ("shield", shield),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("iscoroutine", iscoroutine),
        ("get_running_loop", get_running_loop),
        ("Condition", new_condition),
        ("wait", wait_fn),
        ("as_completed", as_completed_fn),
        ("get_event_loop", get_event_loop),
        ("Lock", new_lock),
        ("Barrier", new_barrier),
        ("Event", new_event),
        ("Semaphore", new_semaphore),
        ("BoundedSemaphore", new_bounded_semaphore),
        ("Queue", new_queue),
        ("LifoQueue", new_lifo_queue),
        ("PriorityQueue", new_priority_queue),
        ("TaskGroup", new_task_group),
        ("timeout", timeout_fn),
        ("timeout_at", timeout_at_fn),
    ];
    let (d, m) = super::module("asyncio", funcs);
    for c in ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"] {
        d.borrow_mut().set_str(c, Value::str(c));
    }
    crate::lang::builtins::types::with(|t| {
        for name in crate::lang::value::exception::ASYNCIO_EXCEPTIONS {
            if let Some(c) = t.exceptions.get(name) {
                d.borrow_mut().set_str(name, Value::Class(c.clone()));
            }
        }
        if let Some(c) = t.exceptions.get("TimeoutError") {
            d.borrow_mut()
                .set_str("TimeoutError", Value::Class(c.clone()));
        }
        for name in ["Task", "Future"] {
            if let Some(c) = t.asyncio.get(name) {
                d.borrow_mut().set_str(name, Value::Class(c.clone()));
            }
        }
    });
    let _ = vm;
    m
}

pub(crate) use super::asyncio_loop::*;
pub use super::asyncio_objects::class_methods;
pub(crate) use super::asyncio_objects::rt_attr;
#[allow(unused_imports)]
use super::asyncio_objects::*;
pub use super::asyncio_repr::{queue_repr, repr};
