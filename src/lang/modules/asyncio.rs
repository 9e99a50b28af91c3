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
    sleep, wait_for, Awaitable, FutId, Loop, Native, QueueKind, ResourceId, RunStatus, Runner,
    TaskCoro, TaskGroupId, TaskId, TaskState, TimeoutId,
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
    /// A scheduled callback (`loop.call_soon` ...).
    Timer(crate::runtime::Handle),
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
            RtHandle::Timer(_) => "TimerHandle",
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
            RtHandle::Timer(_) => 500_000,
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

/// A library coroutine object (`asyncio.sleep(1)` before it is awaited).
pub struct NativeAwait {
    pub name: &'static str,
    pub state: RefCell<Option<NativeState>>,
}

fn native(name: &'static str, n: Native<Vm>) -> Value {
    Value::Native(Rc::new(NativeAwait {
        name,
        state: RefCell::new(Some(NativeState::Native(n))),
    }))
}
fn ready(name: &'static str, r: PyResult<Value>) -> Value {
    Value::Native(Rc::new(NativeAwait {
        name,
        state: RefCell::new(Some(NativeState::Ready(r))),
    }))
}

fn delay_arg(v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Float(f)) => Ok(Some(*f)),
        Some(other) => match crate::lang::value::int::int_of(other) {
            Some(i) => Ok(Some(i.to_f64()?)),
            None => Err(PyErr::type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                other.type_name()
            ))),
        },
    }
}

// Frames of CPython 3.14's asyncio code in tracebacks, as its reference build prints them
// (`node tools/python314/run.js`), innermost first.
const LIB: &str = "/lib/python314.zip/asyncio";
macro_rules! lib_frame {
    ($file:literal, $line:literal, $func:literal, $code:literal, $carets:literal) => {
        concat!(
            "  File \"/lib/python314.zip/asyncio/",
            $file,
            "\", line ",
            $line,
            ", in ",
            $func,
            "\n    ",
            $code,
            "\n",
            $carets
        )
    };
}
/// `asyncio.run` → `Runner.run` → `run_until_complete`.
pub const RUN_FRAMES: [&str; 3] = [
    lib_frame!(
        "base_events.py",
        "719",
        "run_until_complete",
        "return future.result()",
        "           ~~~~~~~~~~~~~^^\n"
    ),
    lib_frame!(
        "runners.py",
        "127",
        "run",
        "return self._loop.run_until_complete(task)",
        "           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n"
    ),
    lib_frame!(
        "runners.py",
        "204",
        "run",
        "return runner.run(main)",
        "           ~~~~~~~~~~^^^^^^\n"
    ),
];
/// `TaskGroup.__aexit__` raising the group.
pub const TASKGROUP_FRAMES: [&str; 2] = [
    lib_frame!(
        "taskgroups.py",
        "174",
        "_aexit",
        "raise BaseExceptionGroup(",
        "    ...<2 lines>...\n    ) from None\n"
    ),
    lib_frame!(
        "taskgroups.py",
        "72",
        "__aexit__",
        "return await self._aexit(et, exc)",
        "           ^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    ),
];
/// `Timeout.__aexit__` raising TimeoutError.
pub const TIMEOUT_FRAMES: [&str; 1] = [lib_frame!(
    "timeouts.py",
    "114",
    "__aexit__",
    "raise TimeoutError from exc_val",
    ""
)];
/// `asyncio.sleep` interrupted.
pub const SLEEP_FRAMES: [&str; 1] = [lib_frame!(
    "tasks.py",
    "702",
    "sleep",
    "return await future",
    "           ^^^^^^^^^^^^\n"
)];
/// `wait_for` timing out (the TimeoutError side).
pub const WAIT_FOR_FRAMES: [&str; 2] = [
    lib_frame!(
        "timeouts.py",
        "114",
        "__aexit__",
        "raise TimeoutError from exc_val",
        ""
    ),
    lib_frame!(
        "tasks.py",
        "487",
        "wait_for",
        "async with timeouts.timeout(timeout):",
        "               ~~~~~~~~~~~~~~~~^^^^^^^^^\n"
    ),
];
/// Inside `wait_for`, the awaited coroutine cancelled (the CancelledError side).
pub const WAIT_FOR_INNER_FRAMES: [&str; 1] = [lib_frame!(
    "tasks.py",
    "488",
    "wait_for",
    "return await fut",
    "           ^^^^^^^^^\n"
)];

/// The library frames an exception raised by library coroutine `name` shows.
pub fn frames_for(name: &str, e: &PyErr) -> &'static [&'static str] {
    let _ = LIB;
    match name {
        "sleep" => &SLEEP_FRAMES,
        "tg_aexit" => &TASKGROUP_FRAMES,
        "timeout_aexit" => &TIMEOUT_FRAMES,
        "wait_for" if e.matches("TimeoutError") => &WAIT_FOR_FRAMES,
        _ => &[],
    }
}

/// Ours: what `asyncio.run` raises when CPython would hang forever.
pub const DEADLOCK: &str =
    "the program can never finish: every task waits for something that nothing will do (deadlock)";

/// `asyncio.run(main)`: a fresh loop on the virtual clock, run to the end.
fn run(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("debug");
    args.no_more_kw("run")?;
    args.check("run", 1, 1)?;
    if !vm.lp.is_null() {
        return Err(PyErr::runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let main = &args.pos[0];
    if !matches!(main, Value::Coroutine(c) if c.is_coroutine) {
        return Err(PyErr::value_error(format!(
            "a coroutine was expected, got {}",
            vm.repr(main)?
        )));
    }
    let coro = TaskExec::new(main)?;
    let mut lp: Loop<Vm> = Loop::new(Box::new(vm.clock.clone()));
    lp.set_tracing(vm.tracing);
    let runner = Runner::new(&mut lp, TaskCoro::Host(coro), None);
    register(vm, runner.main_task(), main);
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
    vm.loop_time = lp.time();
    report_unretrieved(vm, &mut lp);
    match status {
        RunStatus::Finished(r) => r.inspect_err(|e| e.add_library_frames(&RUN_FRAMES)),
        RunStatus::Deadlocked => Err(PyErr::runtime_error(DEADLOCK)),
        RunStatus::Running => Ok(Value::None),
    }
}

fn sleep_fn(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let result = args.take_kw("result");
    args.no_more_kw("sleep")?;
    args.check("sleep", 1, 2)?;
    let d = delay_arg(args.pos.first())?.unwrap_or(0.0);
    let result = result.or_else(|| args.pos.get(1).cloned());
    Ok(native("sleep", sleep(d, result)))
}

fn name_arg(args: &mut Args) -> PyResult<Option<Rc<str>>> {
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
pub(crate) fn register(vm: &mut Vm, t: TaskId, coro: &Value) {
    if let Value::Coroutine(c) = coro {
        vm.task_coros.insert(t.0, c.clone());
    }
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

fn create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(&mut args)?;
    let _ = args.take_kw("context");
    args.no_more_kw("create_task")?;
    args.check("create_task", 1, 1)?;
    let coro = task_coro(&args.pos[0])?;
    let t = vm.with_loop(|lp, _| Ok(lp.create_task(coro, name)))?;
    register(vm, t, &args.pos[0]);
    Ok(Value::Rt(RtHandle::Task(t)))
}

/// The future of an awaitable argument, wrapping coroutines in tasks (`ensure_future`).
fn ensure_future(vm: &mut Vm, lp: &mut Loop<Vm>, v: &Value) -> PyResult<FutId> {
    match v {
        Value::Rt(RtHandle::Task(t)) => lp
            .task_future(*t)
            .ok_or_else(|| PyErr::runtime_error("stale task")),
        Value::Rt(RtHandle::Future(f)) => Ok(*f),
        Value::Coroutine(_) => {
            let coro = TaskExec::new(v)?;
            let t = lp.create_task(TaskCoro::Host(coro), None);
            register(vm, t, v);
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
        other => Err(PyErr::type_error(format!(
            "An asyncio.Future, a coroutine or an awaitable is required, not {}",
            other.type_name()
        ))),
    }
}

fn gather(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let re = match args.take_kw("return_exceptions") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    args.no_more_kw("gather")?;
    vm.with_loop(|lp, vm| {
        let mut futs = Vec::new();
        for a in &args.pos {
            futs.push(ensure_future(vm, lp, a)?);
        }
        let g = lp.gather(vm, futs, re);
        Ok(Value::Rt(RtHandle::Future(g)))
    })
}

fn wait_for_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = args.take_kw("timeout");
    args.no_more_kw("wait_for")?;
    args.check("wait_for", 1, 2)?;
    let timeout = delay_arg(t.as_ref().or(args.pos.get(1)))?;
    let aw = match &args.pos[0] {
        Value::Coroutine(_) => {
            Awaitable::Coro(Box::new(TaskCoro::Host(TaskExec::new(&args.pos[0])?)))
        }
        other => vm.with_loop(|lp, vm| Ok(Awaitable::Future(ensure_future(vm, lp, other)?)))?,
    };
    Ok(native("wait_for", wait_for(aw, timeout)))
}

fn shield(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("shield", 1, 1)?;
    vm.with_loop(|lp, vm| {
        let f = ensure_future(vm, lp, &args.pos[0])?;
        let s = lp.shield(f);
        Ok(Vm::fut_value(lp, s))
    })
}

fn current_task(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| {
        Ok(lp
            .current_task()
            .map(|t| Value::Rt(RtHandle::Task(t)))
            .unwrap_or(Value::None))
    })
}

fn all_tasks(vm: &mut Vm, _args: Args) -> PyResult<Value> {
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

fn iscoroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("iscoroutine", 1, 1)?;
    Ok(Value::Bool(
        matches!(&args.pos[0], Value::Coroutine(c) if c.is_coroutine)
            || matches!(args.pos[0], Value::Native(_)),
    ))
}

fn new_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("Lock", 0, 0)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Lock(lp.new_lock()))))
}
fn new_event(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("Event", 0, 0)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Event(lp.new_event()))))
}
fn semaphore_impl(vm: &mut Vm, mut args: Args, bounded: bool) -> PyResult<Value> {
    let v = args
        .take_kw("value")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::Int(1));
    let n = vm.index_i64(&v)?;
    vm.with_loop(|lp, vm| {
        Ok(Value::Rt(RtHandle::Semaphore(
            lp.new_semaphore(vm, n, bounded)?,
            bounded,
        )))
    })
}
fn new_semaphore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    semaphore_impl(vm, args, false)
}
fn new_bounded_semaphore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    semaphore_impl(vm, args, true)
}
fn queue_impl(vm: &mut Vm, mut args: Args, kind: QueueKind) -> PyResult<Value> {
    let v = args
        .take_kw("maxsize")
        .or_else(|| args.pos.first().cloned())
        .unwrap_or(Value::Int(0));
    let n = vm.index_i64(&v)?;
    vm.with_loop(|lp, vm| Ok(Value::Rt(RtHandle::Queue(lp.new_queue(vm, kind, n)))))
}
fn new_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Fifo)
}
fn new_lifo_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Lifo)
}
fn new_priority_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    queue_impl(vm, args, QueueKind::Priority)
}
fn new_task_group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("TaskGroup", 0, 0)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::TaskGroup(lp.task_group()))))
}
fn timeout_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("timeout", 1, 1)?;
    let d = delay_arg(args.pos.first())?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timeout(lp.timeout(d)))))
}
fn timeout_at_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("timeout_at", 1, 1)?;
    let d = delay_arg(args.pos.first())?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timeout(lp.timeout_at(d)))))
}

fn new_condition(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let lock = match args.take_kw("lock").or_else(|| args.pos.first().cloned()) {
        Some(Value::Rt(RtHandle::Lock(r))) => Some(r),
        _ => None,
    };
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Condition(lp.new_condition(lock)))))
}
fn cond_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("wait", lp.condition_wait(r))))
}
fn cond_notify(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
fn cond_notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.condition_notify_all(vm, r)?;
        Ok(Value::None)
    })
}

fn futures_arg(vm: &mut Vm, lp: &mut Loop<Vm>, v: &Value) -> PyResult<Vec<FutId>> {
    let items = vm.collect(v)?;
    let mut futs = Vec::new();
    for it in &items {
        if let Value::Coroutine(_) = it {
            return Err(PyErr::type_error(
                "Passing coroutines is forbidden, use tasks explicitly.",
            ));
        }
        futs.push(ensure_future(vm, lp, it)?);
    }
    Ok(futs)
}

fn wait_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
    let futs = vm.with_loop(|lp, vm| futures_arg(vm, lp, &args.pos[0]))?;
    Ok(native("wait", crate::runtime::wait(futs, timeout, when)))
}

fn as_completed_fn(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = args.take_kw("timeout");
    args.no_more_kw("as_completed")?;
    args.check("as_completed", 1, 1)?;
    let timeout = delay_arg(t.as_ref())?;
    vm.with_loop(|lp, vm| {
        let futs = futures_arg(vm, lp, &args.pos[0])?;
        Ok(Value::Rt(RtHandle::AsCompleted(
            lp.as_completed(futs, timeout),
        )))
    })
}
fn ac_id(args: &Args) -> PyResult<crate::runtime::AsCompletedId> {
    match this(args)? {
        RtHandle::AsCompleted(a) => Ok(a),
        _ => Err(PyErr::type_error(
            "descriptor requires an as_completed iterator",
        )),
    }
}
fn ac_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos[0].clone())
}
fn ac_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = ac_id(&args)?;
    match vm.with_loop(|lp, _| Ok(lp.as_completed_next(id, true)))? {
        Some(n) => Ok(native("_wait_for_one", n)),
        None => Err(PyErr::stop_iteration()),
    }
}
fn ac_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

fn get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|_, _| Ok(Value::Rt(RtHandle::Loop)))
}

fn loop_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| Ok(Value::Float(lp.time())))
}

fn callback_of(args: &Args, first: usize) -> PyResult<crate::lang::vm::host::Callback> {
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

fn loop_call_soon(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    let cb = callback_of(&args, 1)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_soon(cb)))))
}
fn loop_call_later(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    let d = delay_arg(args.pos.get(1))?.unwrap_or(0.0);
    let cb = callback_of(&args, 2)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_later(d, cb)))))
}
fn loop_call_at(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("context");
    let w = delay_arg(args.pos.get(1))?.unwrap_or(0.0);
    let cb = callback_of(&args, 2)?;
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Timer(lp.call_at(w, cb)))))
}
fn loop_create_future(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.with_loop(|lp, _| Ok(Value::Rt(RtHandle::Future(lp.create_future()))))
}
fn loop_create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    args.pos.remove(0);
    create_task(vm, args)
}
fn loop_set_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.exception_handler = args.pos.get(1).cloned().filter(|v| !v.is_none());
    Ok(Value::None)
}
fn timer_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let RtHandle::Timer(h) = this(&args)? {
        vm.with_loop(|lp, _| {
            lp.cancel_handle(h);
            Ok(())
        })?;
    }
    Ok(Value::None)
}
fn timer_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match this(&args)? {
        RtHandle::Timer(h) => vm.with_loop(|lp, _| Ok(Value::Bool(lp.handle_cancelled(h)))),
        _ => Ok(Value::Bool(false)),
    }
}

/// The asyncio module object.
pub fn module(vm: &mut Vm) -> Value {
    let funcs: Vec<(&'static str, BuiltinFn)> = vec![
        ("run", run),
        ("sleep", sleep_fn),
        ("create_task", create_task),
        ("ensure_future", create_task),
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
        ("get_event_loop", get_running_loop),
        ("Lock", new_lock),
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

// ---- methods of runtime objects ----

fn this(args: &Args) -> PyResult<RtHandle> {
    match args.pos.first() {
        Some(Value::Rt(h)) => Ok(*h),
        _ => Err(PyErr::type_error("descriptor requires an asyncio object")),
    }
}

fn fut_of(lp: &Loop<Vm>, h: RtHandle) -> PyResult<FutId> {
    match h {
        RtHandle::Task(t) => lp
            .task_future(t)
            .ok_or_else(|| PyErr::runtime_error("stale task")),
        RtHandle::Future(f) => Ok(f),
        _ => Err(PyErr::type_error("not a future")),
    }
}

fn fut_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.future_done(fut_of(lp, h)?))))
}
fn fut_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.future_cancelled(fut_of(lp, h)?))))
}
fn fut_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        lp.future_result(vm, f)
    })
}
fn fut_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        Ok(lp
            .future_exception(vm, f)?
            .map(|e| e.to_value())
            .unwrap_or(Value::None))
    })
}
fn msg_arg(args: &mut Args) -> PyResult<Option<Rc<str>>> {
    match args.take_kw("msg").or_else(|| args.pos.get(1).cloned()) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(Rc::from(s.as_str()))),
        Some(other) => Ok(Some(Rc::from(format!("{}", other.type_name()).as_str()))),
    }
}
fn fut_cancel(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
fn fut_add_done_callback(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
fn fut_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
fn fut_set_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        lp.set_result(vm, f, v)?;
        Ok(Value::None)
    })
}
fn fut_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let e = args.pos.get(1).cloned().unwrap_or(Value::None);
    let e = match e {
        Value::Class(_) => vm.call(&e, Args::default())?,
        other => other,
    };
    let err = crate::lang::vm::eval::as_err(e);
    vm.with_loop(|lp, vm| {
        let f = fut_of(lp, h)?;
        lp.set_exception(vm, f, err)?;
        Ok(Value::None)
    })
}
fn task_id(h: RtHandle) -> PyResult<TaskId> {
    match h {
        RtHandle::Task(t) => Ok(t),
        _ => Err(PyErr::type_error("not a task")),
    }
}
fn task_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| {
        Ok(lp
            .task_name(t)
            .map(|n| Value::str(&n))
            .unwrap_or(Value::None))
    })
}
fn task_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    let n = vm.to_str(args.pos.get(1).unwrap_or(&Value::None))?;
    vm.with_loop(|lp, _| {
        lp.set_task_name(t, Rc::from(n.as_str()));
        Ok(Value::None)
    })
}
fn task_cancelling(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.cancelling(t) as i64)))
}
fn task_uncancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = task_id(this(&args)?)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.uncancel(t) as i64)))
}

fn res(args: &Args) -> PyResult<ResourceId> {
    match this(args)? {
        RtHandle::Lock(r)
        | RtHandle::Event(r)
        | RtHandle::Semaphore(r, _)
        | RtHandle::Queue(r)
        | RtHandle::Condition(r) => Ok(r),
        _ => Err(PyErr::type_error("descriptor requires an asyncio object")),
    }
}
fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        Ok(match h {
            RtHandle::Semaphore(..) => native("acquire", lp.semaphore_acquire(r)),
            _ => native("acquire", lp.lock_acquire(r)),
        })
    })
}
fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(&args)?;
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        Ok(Value::Bool(match h {
            RtHandle::Semaphore(..) => lp.semaphore_locked(r),
            _ => lp.lock_locked(r),
        }))
    })
}
fn lock_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = lock_release(vm, Args::new(vec![args.pos[0].clone()]));
    Ok(ready("__aexit__", r.map(|_| Value::None)))
}
fn event_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.event_set(vm, r);
        Ok(Value::None)
    })
}
fn event_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| {
        lp.event_clear(r);
        Ok(Value::None)
    })
}
fn event_is_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.event_is_set(r))))
}
fn event_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("wait", lp.event_wait(r))))
}
fn queue_put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, _| Ok(native("put", lp.queue_put(r, v))))
}
fn queue_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("get", lp.queue_get(r))))
}
fn queue_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(native("join", lp.queue_join(r))))
}
fn queue_put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.with_loop(|lp, vm| {
        lp.queue_put_nowait(vm, r, v)?;
        Ok(Value::None)
    })
}
fn queue_get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| lp.queue_get_nowait(vm, r))
}
fn queue_task_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, vm| {
        lp.queue_task_done(vm, r)?;
        Ok(Value::None)
    })
}
fn queue_qsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Int(lp.queue_size(r) as i64)))
}
fn queue_empty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.queue_empty(r))))
}
fn queue_full(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = res(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.queue_full(r))))
}
fn queue_shutdown(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
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
fn group_of(args: &Args) -> PyResult<TaskGroupId> {
    match this(args)? {
        RtHandle::TaskGroup(g) => Ok(g),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'TaskGroup' object",
        )),
    }
}
fn tg_aenter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = group_of(&args)?;
    let me = args.pos[0].clone();
    let r = vm.with_loop(|lp, vm| lp.task_group_enter(vm, g));
    Ok(ready("__aenter__", r.map(|_| me)))
}
fn exc_arg(args: &Args) -> Option<PyErr> {
    match args.pos.get(2) {
        Some(Value::Instance(i)) if i.exc.is_some() => Some(PyErr::Exception(i.clone())),
        _ => None,
    }
}
fn tg_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = group_of(&args)?;
    let exc = exc_arg(&args);
    vm.with_loop(|lp, _| Ok(native("tg_aexit", lp.task_group_exit(g, exc))))
}
fn tg_create_task(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let name = name_arg(&mut args)?;
    let _ = args.take_kw("context");
    let g = group_of(&args)?;
    let coro_v = args
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("create_task() missing argument"))?;
    let coro = TaskExec::new(&coro_v)?;
    let t = vm.with_loop(|lp, vm| lp.task_group_create_task(vm, g, TaskCoro::Host(coro), name))?;
    register(vm, t, &coro_v);
    Ok(Value::Rt(RtHandle::Task(t)))
}
fn timeout_of(args: &Args) -> PyResult<TimeoutId> {
    match this(args)? {
        RtHandle::Timeout(t) => Ok(t),
        _ => Err(PyErr::type_error("descriptor requires a 'Timeout' object")),
    }
}
fn to_aenter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let me = args.pos[0].clone();
    let r = vm.with_loop(|lp, vm| lp.timeout_enter(vm, t));
    Ok(ready("__aenter__", r.map(|_| me)))
}
fn to_aexit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let exc = exc_arg(&args);
    let r = vm.with_loop(|lp, vm| lp.timeout_exit(vm, t, exc.as_ref()));
    Ok(ready("timeout_aexit", r.map(|_| Value::None)))
}
fn to_when(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    vm.with_loop(|lp, _| Ok(lp.timeout_when(t).map(Value::Float).unwrap_or(Value::None)))
}
fn to_expired(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    vm.with_loop(|lp, _| Ok(Value::Bool(lp.timeout_expired(t))))
}
fn to_reschedule(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = timeout_of(&args)?;
    let when = delay_arg(args.pos.get(1))?;
    vm.with_loop(|lp, vm| {
        lp.timeout_reschedule(vm, t, when)?;
        Ok(Value::None)
    })
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
            "TimerHandle",
            vec![
                ("cancel", timer_cancel as BuiltinFn),
                ("cancelled", timer_cancelled),
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

/// `repr()` of a runtime object (CPython `_task_repr`, `_future_repr`; shortened).
pub fn repr(vm: &mut Vm, h: RtHandle) -> PyResult<String> {
    if vm.lp.is_null() {
        return Ok(format!("<{} object>", h.type_name()));
    }
    vm.with_loop(|lp, vm| {
        Ok(match h {
            RtHandle::Task(t) => {
                let name = lp.task_name(t).map(|n| n.to_string()).unwrap_or_default();
                // `coro=<work() running at main.py:3>` / `done, defined at ...`.
                let coro = vm.task_coros.get(&t.0).cloned();
                let file = |c: &crate::lang::value::function::Coroutine| {
                    c.frame_file.clone()
                };
                let done = matches!(lp.task_state(t), TaskState::Done | TaskState::Failed | TaskState::Cancelled);
                let coro_txt = match &coro {
                    Some(c) if done => format!(" coro=<{}() done, defined at {}:{}>", c.qualname, file(c), c.def_line),
                    Some(c) => format!(" coro=<{}() running at {}:{}>", c.qualname, file(c), c.line.get()),
                    None => String::new(),
                };
                let outcome = vm.task_outcome.get(&t.0).cloned();
                let state = match lp.task_state(t) {
                    TaskState::Done => {
                        let r = match outcome {
                            Some(Ok(v)) => v,
                            _ => Value::None,
                        };
                        format!("finished name='{name}'{coro_txt} result={}", vm.repr(&r)?)
                    }
                    TaskState::Failed => {
                        let e = match outcome {
                            Some(Err(e)) => e.to_value(),
                            _ => Value::None,
                        };
                        format!("finished name='{name}'{coro_txt} exception={}", vm.repr(&e)?)
                    }
                    TaskState::Cancelled => format!("cancelled name='{name}'{coro_txt}"),
                    TaskState::Awaiting(_) => {
                        format!("pending name='{name}'{coro_txt} wait_for=<Future pending cb=[Task.task_wakeup()]>")
                    }
                    _ => format!("pending name='{name}'{coro_txt}"),
                };
                format!("<Task {state}>")
            }
            RtHandle::Future(f) => {
                let st = if lp.future_cancelled(f) {
                    "cancelled"
                } else if lp.future_done(f) {
                    "finished"
                } else {
                    "pending"
                };
                format!("<Future {st}>")
            }
            RtHandle::TaskGroup(g) => lp.task_group_repr(g),
            RtHandle::Timeout(t) => {
                let phase = lp.timeout_phase(t).map(|p| p.value()).unwrap_or("created");
                match (phase, lp.timeout_when(t)) {
                    ("active", Some(w)) => format!(
                        "<Timeout [active] when={}>",
                        crate::lang::value::float::repr(w)
                    ),
                    (p, _) => format!("<Timeout [{p}]>"),
                }
            }
            other => format!("<asyncio.locks.{} object>", other.type_name()),
        })
    })
}
