//! The VM as the runtime's `Host`: a task's coroutine is an execution stack (`TaskExec`)
//! resumed with send/throw; `await` on a runtime object yields it out of the eval loop
//! with the frames intact, and the host drives the object's native state machine
//! (CPython `Task.__step` + `Future.__await__`/`yield from` delegation).

use std::rc::Rc;

use super::eval::{Exec, Outcome, Resume as VmResume};
use super::Vm;
use crate::lang::builtins::types;
use crate::lang::modules::asyncio::{NativeAwait, NativeState, RtHandle};
use crate::lang::value::{Args, PyErr, PyResult, Value};
use crate::runtime::{
    await_future, ExcClass, FutId, Host, Loop, Progress, Report, Resume, RuntimeExc, Step, TaskId,
};

pub use super::task_exec::{Callback, Delegate, TaskExec};

impl Vm {
    /// Runs `f` with the running event loop (`asyncio.get_running_loop()`).
    pub(crate) fn with_loop<R>(
        &mut self,
        f: impl FnOnce(&mut Loop<Vm>, &mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        if self.lp.is_null() {
            return Err(PyErr::runtime_error("no running event loop"));
        }
        // SAFETY: `lp` is set by `Vm::enter_loop` from the `&mut Loop` the runtime lent to
        // `Host::resume`/`Host::call` (or that `asyncio.run` owns) and reset when that call
        // returns, so it points to a live loop. The loop is a separate object from the VM,
        // and nothing else touches it while the VM runs inside that call.
        let lp = unsafe { &mut *self.lp };
        // Trace events caused by this call carry the calling instruction's source offset.
        lp.set_span(Some(crate::runtime::Span(self.cur_offset)));
        f(lp, self)
    }

    /// Makes `lp` the running loop for the duration of `f`.
    pub(crate) fn enter_loop<R>(
        &mut self,
        lp: &mut Loop<Vm>,
        f: impl FnOnce(&mut Vm, &mut Loop<Vm>) -> R,
    ) -> R {
        let saved = self.lp;
        self.lp = lp as *mut Loop<Vm>;
        let r = f(self, lp);
        self.lp = saved;
        r
    }

    /// A Python value for a future id: the task's object when it is a task's future.
    pub(crate) fn fut_value(lp: &Loop<Vm>, f: FutId) -> Value {
        match lp.future_task(f) {
            Some(t) => Value::Rt(RtHandle::Task(t)),
            None => Value::Rt(RtHandle::Future(f)),
        }
    }

    /// The delegate for awaiting runtime object `v` (a task, a future, a library coroutine).
    fn delegate_for(&mut self, lp: &Loop<Vm>, v: &Value) -> Option<Delegate> {
        match v {
            Value::Rt(RtHandle::Task(t)) => lp
                .task_future(*t)
                .map(|f| Delegate::Native(await_future(f), "await")),
            Value::Rt(RtHandle::Future(f)) => Some(Delegate::Native(await_future(*f), "await")),
            Value::Native(n) => Some(take_native(n)),
            _ => None,
        }
    }
}

/// After `take_native`, the library coroutine object `[sub]` left on the awaiting frame's
/// stack is an empty shell that `Resume::Delegated` will replace: drop it now, so a task
/// sleeping in `asyncio.sleep` does not hold it (100,000 sleeping tasks, docs/performance.md).
/// Nothing reads `[sub]` while the delegate runs.
fn free_emptied_native(ex: &mut Exec, awaited: &Value) {
    let Value::Native(n) = awaited else { return };
    let top = ex.frames.last_mut().and_then(|f| f.stack.last_mut());
    if let Some(slot @ Value::Native(_)) = top {
        if matches!(slot, Value::Native(m) if Rc::ptr_eq(m, n)) {
            *slot = Value::None;
        }
    }
}

/// Takes the state machine out of a library coroutine object (awaiting it twice fails).
fn take_native(n: &Rc<NativeAwait>) -> Delegate {
    match n.state.borrow_mut().take() {
        Some(NativeState::Native(x)) => Delegate::Native(x, n.name),
        Some(NativeState::Ready(r)) => Delegate::Ready(r, n.name),
        None => Delegate::Ready(
            Err(PyErr::runtime_error(
                "cannot reuse already awaited coroutine",
            )),
            n.name,
        ),
    }
}

impl Host for Vm {
    type Value = Value;
    type Exc = PyErr;
    type Coro = TaskExec;
    type Callback = Callback;

    fn resume(
        &mut self,
        lp: &mut Loop<Self>,
        task: TaskId,
        coro: &mut TaskExec,
        input: Resume<Self>,
    ) -> Step<Self> {
        // A paused step continues (`Resume::Continue`); anything else starts a new one.
        if !matches!(input, Resume::Continue) {
            let from = coro.ex.frames.last().and_then(super::facts::frame_offset);
            self.step_start = (lp.time(), self.steps, from);
        }
        let step = self.resume_step(lp, task, coro, input);
        if matches!(step, Step::Paused) {
            self.enter_loop(lp, |vm, _| vm.note_step_paused());
        } else {
            self.enter_loop(lp, |vm, _| vm.note_step_end());
        }
        step
    }

    fn int_value(&mut self, i: i64) -> Value {
        Value::Int(i)
    }

    fn call(&mut self, lp: &mut Loop<Self>, cb: Callback, fut: Option<FutId>) -> Progress {
        let mut args: Vec<Value> = cb.args.to_vec();
        if let Some(f) = fut {
            args.push(Vm::fut_value(lp, f));
        }
        let r = self.enter_loop(lp, |vm, _| vm.call(&cb.func, Args::new(args)));
        crate::lang::modules::asyncio::schedule_agen_finalizers(lp);
        if let Err(e) = r {
            // CPython's `Handle._run`: the loop's exception handler gets
            // {message, exception, handle}; the default one logs them.
            let label = crate::lang::modules::asyncio_loop::callback_label(self, &cb.func);
            e.add_library_frames(&[crate::lang::modules::asyncio::HANDLE_RUN_FRAME]);
            let message = format!("Exception in callback {label}");
            if let Some(h) = self.exception_handler.clone() {
                let pairs = vec![
                    (Value::str("message"), Value::str(&message)),
                    (Value::str("exception"), e.to_value()),
                    (
                        Value::str("handle"),
                        Value::str(&format!("<Handle {label}>")),
                    ),
                ];
                let r = self.enter_loop(lp, |vm, _| {
                    let ctx = vm.new_dict(pairs)?;
                    vm.call(&h, Args::new(vec![Value::Rt(RtHandle::Loop), ctx]))
                });
                if let Err(e) = r {
                    let text = self.format_exception(&e);
                    self.write(super::Stream::Stderr, &text);
                }
                return Progress::Done;
            }
            let text = format!(
                "{message}\nhandle: <Handle {label}>\n{}",
                self.format_exception(&e)
            );
            self.write(super::Stream::Stderr, &text);
        }
        Progress::Done
    }

    fn new_exc(&mut self, kind: RuntimeExc<Self>) -> PyErr {
        match kind {
            RuntimeExc::Cancelled { msg } => {
                let args = msg.map(|m| vec![Value::str(&m)]).unwrap_or_default();
                PyErr::new(&types::exception("CancelledError"), args)
            }
            RuntimeExc::InvalidState(m) => PyErr::with_msg("InvalidStateError", m),
            RuntimeExc::Runtime(m) => PyErr::runtime_error(m),
            RuntimeExc::Value(m) => PyErr::value_error(m),
            RuntimeExc::Type(m) => PyErr::type_error(m),
            RuntimeExc::Timeout { cause } => {
                let e = PyErr::new(&types::exception("TimeoutError"), vec![]);
                if let (PyErr::Exception(i), Some(c)) = (&e, cause) {
                    if let Some(x) = &i.exc {
                        let mut x = x.borrow_mut();
                        x.cause = Some(c.to_value());
                        x.suppress_context = true;
                    }
                }
                e
            }
            RuntimeExc::QueueEmpty => PyErr::new(&types::exception("QueueEmpty"), vec![]),
            RuntimeExc::QueueFull => PyErr::new(&types::exception("QueueFull"), vec![]),
            RuntimeExc::QueueShutDown => PyErr::new(&types::exception("QueueShutDown"), vec![]),
            RuntimeExc::BrokenBarrier(m) => PyErr::with_msg("BrokenBarrierError", m),
            RuntimeExc::Group { msg, excs } => {
                let members = Value::list(excs.iter().map(|e| e.to_value()).collect());
                let base = types::exception("BaseExceptionGroup");
                match crate::lang::value::exception::new_group(
                    self,
                    &base,
                    Args::new(vec![Value::str(msg), members]),
                ) {
                    Ok(Value::Instance(i)) => {
                        if let Some(x) = &i.exc {
                            x.borrow_mut().suppress_context = true;
                        }
                        PyErr::Exception(i)
                    }
                    Ok(_) => PyErr::runtime_error(msg),
                    Err(e) => e,
                }
            }
        }
    }

    fn classify(&self, e: &PyErr) -> ExcClass {
        match e {
            PyErr::Limit(_) => ExcClass::ExitOrInterrupt,
            _ if e.matches("CancelledError") => ExcClass::Cancelled,
            _ if e.matches("SystemExit") || e.matches("KeyboardInterrupt") => {
                ExcClass::ExitOrInterrupt
            }
            _ => ExcClass::Exception,
        }
    }

    fn none(&mut self) -> Value {
        Value::None
    }
    fn bool_value(&mut self, b: bool) -> Value {
        Value::Bool(b)
    }
    fn list(&mut self, items: Vec<Value>) -> Value {
        Value::list(items)
    }
    fn exc_value(&mut self, e: PyErr) -> Value {
        e.to_value()
    }
    fn future_value(&mut self, fut: FutId) -> Value {
        if self.lp.is_null() {
            return Value::Rt(RtHandle::Future(fut));
        }
        self.with_loop(|lp, _| Ok(Vm::fut_value(lp, fut)))
            .unwrap_or(Value::None)
    }
    fn wait_result(&mut self, done: Vec<FutId>, pending: Vec<FutId>) -> Value {
        let mut sides = Vec::new();
        for side in [done, pending] {
            let vals: Vec<Value> = side.into_iter().map(|f| self.future_value(f)).collect();
            sides.push(crate::lang::builtins::sets::make(self, vals, false).unwrap_or(Value::None));
        }
        Value::tuple(sides)
    }

    fn shutdown_asyncgens(&mut self, lp: &mut Loop<Self>) -> Vec<FutId> {
        crate::lang::modules::asyncio::shutdown_asyncgens(self, lp)
    }

    fn report(&mut self, lp: &Loop<Self>, mut report: Report<Self>) {
        if report.message == "exception in shielded future" {
            // CPython: f'{exc.__class__.__name__} exception in shielded future'.
            if let Some(PyErr::Exception(e)) = &report.exc {
                report.message = format!("{} {}", e.class.name, report.message);
            }
        }
        if let Some(h) = self.exception_handler.clone() {
            // `loop.set_exception_handler(handler)`: handler(loop, context).
            let mut pairs = vec![(Value::str("message"), Value::str(&report.message))];
            if let Some(e) = &report.exc {
                pairs.push((Value::str("exception"), e.to_value()));
            }
            // CPython's contexts: shield's has `future`, the others `task`.
            let shielded = report.message.ends_with("exception in shielded future");
            match (report.task, report.fut) {
                (Some(t), _) if !shielded => {
                    pairs.push((Value::str("task"), Value::Rt(RtHandle::Task(t))))
                }
                (_, Some(f)) => pairs.push((Value::str("future"), Vm::fut_value(lp, f))),
                _ => {}
            }
            if let Ok(ctx) = self.new_dict(pairs) {
                let saved = self.lp;
                self.lp = lp as *const Loop<Vm> as *mut Loop<Vm>;
                let r = self.call(&h, Args::new(vec![Value::Rt(RtHandle::Loop), ctx]));
                self.lp = saved;
                if let Err(e) = r {
                    let text = self.format_exception(&e);
                    self.write(super::Stream::Stderr, &text);
                }
            }
            return;
        }
        // CPython's default exception handler logs `message`, the future, and the traceback.
        let mut report = report;
        if report.message == "exception in shielded future" {
            // CPython: f'{exc.__class__.__name__} exception in shielded future'.
            if let Some(PyErr::Exception(e)) = &report.exc {
                report.message = format!("{} {}", e.class.name, report.message);
            }
        }
        // The context's other keys, sorted, with reprs: `future` (shield's context) or
        // `task` (the others).
        let mut text = format!("{}\n", report.message);
        let shielded = report.message.ends_with("exception in shielded future");
        let subject = match (report.task, report.fut) {
            (Some(t), _) if !shielded => Some(("task", RtHandle::Task(t))),
            (Some(t), _) => Some(("future", RtHandle::Task(t))),
            (None, Some(f)) => Some(("future", RtHandle::Future(f))),
            (None, None) => None,
        };
        if let Some((key, h)) = subject {
            let saved = self.lp;
            self.lp = lp as *const Loop<Vm> as *mut Loop<Vm>;
            let r = crate::lang::modules::asyncio::repr(self, h).unwrap_or_default();
            self.lp = saved;
            text.push_str(&format!("{key}: {r}\n"));
        }
        if let Some(e) = &report.exc {
            text.push_str(&self.format_exception(e));
        }
        self.write(super::Stream::Stderr, &text);
    }

    fn less_than(&mut self, a: &Value, b: &Value) -> Result<bool, PyErr> {
        self.lt(a, b)
    }

    fn insert_timeout_error(&mut self, exc: &PyErr) {
        // `Timeout._insert_timeout_error`: put a TimeoutError between the exception and the
        // CancelledError in its context chain.
        let PyErr::Exception(mut cur) = exc.clone() else {
            return;
        };
        loop {
            let ctx = cur.exc.as_ref().and_then(|x| x.borrow().context.clone());
            let Some(Value::Instance(c)) = ctx else {
                return;
            };
            if c.class.is_subclass(&types::exception("CancelledError")) {
                let te = PyErr::new(&types::exception("TimeoutError"), vec![]);
                if let PyErr::Exception(ti) = &te {
                    if let Some(x) = &ti.exc {
                        let mut x = x.borrow_mut();
                        x.context = Some(Value::Instance(c.clone()));
                        x.cause = Some(Value::Instance(c.clone()));
                    }
                }
                if let Some(x) = &cur.exc {
                    x.borrow_mut().context = Some(te.to_value());
                }
                return;
            }
            cur = c;
        }
    }
}

/// Whether an error is the uncatchable kind (used by the asyncio module).
pub fn is_limit(e: &PyErr) -> bool {
    matches!(e, PyErr::Limit(_))
}

impl Vm {
    /// One task step (`Host::resume` without the step accounting).
    fn resume_step(
        &mut self,
        lp: &mut Loop<Self>,
        task: TaskId,
        coro: &mut TaskExec,
        input: Resume<Self>,
    ) -> Step<Self> {
        let mut input = Some(input);
        loop {
            // 1. A pending delegate gets the input first (like `yield from`).
            let vm_input = match coro.delegate.take() {
                Some(Delegate::Native(mut n, name)) => {
                    let step = n.resume(lp, self, task, input.take().unwrap_or(Resume::Send));
                    match step {
                        Step::Await(f) => {
                            coro.delegate = Some(Delegate::Native(n, name));
                            return Step::Await(f);
                        }
                        Step::Yield => {
                            coro.delegate = Some(Delegate::Native(n, name));
                            return Step::Yield;
                        }
                        Step::Paused => {
                            coro.delegate = Some(Delegate::Native(n, name));
                            return Step::Paused;
                        }
                        Step::Return(v) => VmResume::Delegated(Ok(v)),
                        Step::Raise(e) => {
                            e.add_library_frames(crate::lang::modules::asyncio::frames_for(
                                name, &e,
                            ));
                            VmResume::Delegated(Err(e))
                        }
                    }
                }
                Some(Delegate::Ready(r, name)) => match input.take() {
                    Some(Resume::Throw(e)) => VmResume::Delegated(Err(e)),
                    _ => {
                        if let Err(e) = &r {
                            e.add_library_frames(crate::lang::modules::asyncio::frames_for(
                                name, e,
                            ));
                        }
                        VmResume::Delegated(r)
                    }
                },
                None => match input.take() {
                    Some(Resume::Throw(e)) => VmResume::Throw(e),
                    Some(Resume::Continue) => VmResume::Continue,
                    _ if !coro.started => match coro.initial_throw.take() {
                        Some(e) => VmResume::Throw(*e),
                        None => VmResume::Continue,
                    },
                    _ => VmResume::Send(Value::None),
                },
            };
            coro.started = true;
            self.task_coros
                .insert_if_absent(task.0, || coro.coro.clone());
            // 2. Run the frames until they finish or await something.
            let depth = coro.ex.frames.len();
            self.depth += depth;
            let mut budget = self.step_budget.take();
            let r = self.enter_loop(lp, |vm, _| vm.run(&mut coro.ex, vm_input, budget.as_mut()));
            self.step_budget = budget;
            self.depth = self.depth.saturating_sub(coro.ex.frames.len());
            if let Some(f) = coro.ex.frames.first() {
                coro.coro.line.set(f.line());
            }
            // The await the task stops at (for the trace and the editor's gutter).
            if let Some(top) = coro.ex.frames.last() {
                let pc = top.pc.saturating_sub(1);
                if let Some(sp) = top.code.spans.get(pc) {
                    lp.set_span(Some(crate::runtime::Span(sp.start)));
                }
            }
            // Async generators dropped while suspended: the loop closes them.
            crate::lang::modules::asyncio::schedule_agen_finalizers(lp);
            if matches!(r, Ok(Outcome::Return(_)) | Err(_)) {
                // The coroutine ended: its frames are gone, and the span is whatever call
                // into the loop ran last, maybe in a helper function (`loop.time()` inside a
                // `now()` helper); the end carries no span, so the task keeps the line of
                // its last await.
                lp.set_span(None);
            }
            match r {
                Ok(Outcome::Return(v)) => {
                    coro.coro.running.set(false);
                    self.task_finished();
                    self.task_outcome.insert(task.0, Ok(v.clone()));
                    return Step::Return(v);
                }
                Err(e) => {
                    coro.coro.running.set(false);
                    self.task_finished();
                    self.task_outcome.insert(task.0, Err(e.clone()));
                    return Step::Raise(e);
                }
                // The loop stays blocked in this task; the next slice sends `Continue`.
                Ok(Outcome::OutOfBudget) => return Step::Paused,
                Ok(Outcome::Yield(v)) => match self.delegate_for(lp, &v) {
                    Some(d) => {
                        free_emptied_native(&mut coro.ex, &v);
                        coro.delegate = Some(d);
                        input = Some(Resume::Send);
                    }
                    None if v.is_none() => return Step::Yield,
                    None => {
                        let msg =
                            format!("Task got bad yield: {}", self.repr(&v).unwrap_or_default());
                        coro.delegate =
                            Some(Delegate::Ready(Err(PyErr::runtime_error(msg)), "bad yield"));
                        input = Some(Resume::Send);
                    }
                },
            }
        }
    }
}
