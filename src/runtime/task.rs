//! Tasks: a coroutine driven by `__step`/`__wakeup`, cancellation requests (`_must_cancel`,
//! `_fut_waiter`, the cancel count), names, and the derived display state. Follows CPython
//! `asyncio/tasks.py` `class Task`.

use std::rc::Rc;

use super::event_loop::{Callback, Flow, PausedWork};
use super::future::{FutKind, FutState};
use super::host::{ExcClass, Host, Resume, RuntimeExc, Step};
use super::native::Native;
use super::trace::{CancelCause, CancelRequest, Reason, TaskState, WaitTarget, Waitable};
use super::{FutId, Loop};

/// A task, by creation order (`Task-1` is `TaskId(0)` unless named).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct TaskId(pub u32);

/// What a task runs: a host coroutine (a Python coroutine object) or a native library
/// coroutine (tests run those directly as tasks).
pub enum TaskCoro<H: Host> {
    Host(H::Coro),
    Native(Box<Native<H>>),
}

impl<H: Host> TaskCoro<H> {
    /// One `send`/`throw` into the coroutine.
    pub fn resume(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        match self {
            TaskCoro::Host(c) => host.resume(lp, task, c, input),
            TaskCoro::Native(n) => n.resume(lp, host, task, input),
        }
    }
}

// The invariant (CPython, top of `class Task`), while the task is not done:
// 1. `fut_waiter` is a pending future, one of whose callbacks is this task's wakeup, and no
//    step is scheduled: the task is Awaiting.
// 2. `fut_waiter` is None or done, and exactly one step (or wakeup) is scheduled: Scheduled
//    (Created before its first step).
// 3. `fut_waiter` is None, nothing is scheduled, and it is `Loop::current`: Running.
// Cancel requests never break it: `must_cancel` only says "throw CancelledError at the next
// step", and a cancelled waiter completes, which schedules the wakeup (1 -> 2).
/// A task's name: `Task-N` stays a number until someone reads it (formatting 100,000
/// names up front cost 2.4 MB of wasm memory, docs/performance.md). The same size as an
/// `Rc<str>` (the number sits in the pointer's niche).
pub(crate) enum TaskName {
    /// `Task-N`, N from the loop's counter.
    Numbered(u32),
    Named(Rc<str>),
}

impl TaskName {
    /// The name as a string (formats a numbered name; `Loop::emit` keeps the result).
    pub(crate) fn to_rc(&self) -> Rc<str> {
        match self {
            TaskName::Numbered(n) => format!("Task-{n}").into(),
            TaskName::Named(s) => s.clone(),
        }
    }
}

impl std::fmt::Display for TaskName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TaskName::Numbered(n) => write!(f, "Task-{n}"),
            TaskName::Named(s) => f.write_str(s),
        }
    }
}

pub(crate) struct Task<H: Host> {
    /// The task's own future (its result, callbacks, cancel message).
    pub(crate) fut: FutId,
    pub(crate) name: TaskName,
    /// Taken out while the coroutine runs; dropped once the task is done.
    pub(crate) coro: Option<TaskCoro<H>>,
    /// `_fut_waiter`.
    pub(crate) fut_waiter: Option<FutId>,
    /// `_must_cancel`.
    pub(crate) must_cancel: bool,
    /// `_num_cancels_requested`.
    pub(crate) num_cancels_requested: u32,
    /// Has `__step` run at least once (Created vs Scheduled).
    pub(crate) started: bool,
    /// The latest cancel request id, so the trace can say which one was delivered (ids
    /// start at 1: the niche keeps every task slot a word smaller; `last_cancel()`).
    last_cancel: Option<std::num::NonZeroU32>,
}

impl<H: Host> Task<H> {
    /// The latest cancel request id, if any.
    pub(crate) fn last_cancel(&self) -> Option<u32> {
        self.last_cancel.map(std::num::NonZeroU32::get)
    }
}

impl<H: Host> Loop<H> {
    /// `loop.create_task(coro, name=name)`: wraps the coroutine in a task whose first step is
    /// scheduled with `call_soon`. Unnamed tasks are called `Task-1`, `Task-2`, ... in
    /// creation order.
    pub fn create_task(&mut self, coro: TaskCoro<H>, name: Option<Rc<str>>) -> TaskId {
        let name = match name {
            Some(s) => TaskName::Named(s),
            None => {
                self.task_counter += 1;
                match u32::try_from(self.task_counter) {
                    Ok(n) => TaskName::Numbered(n),
                    Err(_) => TaskName::Named(format!("Task-{}", self.task_counter).into()),
                }
            }
        };
        let id = TaskId(self.tasks.len() as u32);
        let fut = self.new_future(Waitable::Task(id), FutKind::Task(id));
        self.tasks.push(Task {
            fut,
            name,
            coro: Some(coro),
            fut_waiter: None,
            must_cancel: false,
            num_cancels_requested: 0,
            started: false,
            last_cancel: None,
        });
        self.schedule(Callback::TaskStep {
            task: id,
            exc: None,
        });
        self.emit(
            id,
            self.trace.enabled.then_some(TaskState::Created),
            Reason::Created,
        );
        id
    }

    pub(crate) fn task(&self, t: TaskId) -> Option<&Task<H>> {
        self.tasks.get(t.0 as usize)
    }

    fn task_mut(&mut self, t: TaskId) -> Option<&mut Task<H>> {
        self.tasks.get_mut(t.0 as usize)
    }

    /// The task's future (to await it, read its result, add callbacks).
    pub fn task_future(&self, t: TaskId) -> Option<FutId> {
        self.task(t).map(|x| x.fut)
    }

    /// `Task.get_name()`.
    pub fn task_name(&self, t: TaskId) -> Option<Rc<str>> {
        self.task(t).map(|x| x.name.to_rc())
    }

    /// `Task.set_name(value)`.
    pub fn set_task_name(&mut self, t: TaskId, name: Rc<str>) {
        if let Some(x) = self.task_mut(t) {
            x.name = TaskName::Named(name);
        }
    }

    /// `Task.cancelling()`: the number of pending cancellation requests.
    pub fn cancelling(&self, t: TaskId) -> u32 {
        self.task(t).map_or(0, |x| x.num_cancels_requested)
    }

    /// `task._fut_waiter`: the future task `t` is suspended on (kept while a cancellation
    /// of it is in flight), for the task's repr.
    pub fn task_fut_waiter(&self, t: TaskId) -> Option<FutId> {
        self.task(t).and_then(|x| x.fut_waiter)
    }

    /// `asyncio.current_task()`: the task whose step is running, if any.
    pub fn current_task(&self) -> Option<TaskId> {
        self.current
    }

    /// `asyncio.all_tasks()`: the tasks not yet done, in creation order (CPython returns a
    /// set, whose order is its hash order; we pick creation order).
    pub fn all_tasks(&self) -> Vec<TaskId> {
        (0..self.tasks.len() as u32)
            .map(TaskId)
            .filter(|&t| self.task(t).is_some_and(|x| !self.future_done(x.fut)))
            .collect()
    }

    /// Failed tasks whose exception nobody retrieved yet (CPython logs "Task exception was
    /// never retrieved" for these when they are garbage-collected): the lint's input.
    pub fn unretrieved_exceptions(&self) -> Vec<TaskId> {
        (0..self.tasks.len() as u32)
            .map(TaskId)
            .filter(|&t| {
                self.task(t)
                    .and_then(|x| self.fut(x.fut))
                    .is_some_and(|f| f.log_traceback)
            })
            .collect()
    }

    /// Every task ever created (done ones included), in creation order.
    pub fn task_count(&self) -> usize {
        self.tasks.len()
    }

    /// The displayed state, derived from CPython's fields only (future state, `_fut_waiter`,
    /// the running task, whether it ever started): the one place states are computed.
    pub fn task_state(&self, t: TaskId) -> TaskState {
        let Some(task) = self.task(t) else {
            return TaskState::Done;
        };
        match self.fut(task.fut).map(|f| &f.state) {
            Some(FutState::Cancelled) => return TaskState::Cancelled,
            Some(FutState::Finished(Ok(_))) | None => return TaskState::Done,
            Some(FutState::Finished(Err(_))) => return TaskState::Failed,
            Some(FutState::Pending) => {}
        }
        if self.current == Some(t) {
            return TaskState::Running;
        }
        if let Some(w) = task.fut_waiter {
            if let Some(f) = self.fut(w).filter(|f| matches!(f.state, FutState::Pending)) {
                return TaskState::Awaiting(WaitTarget {
                    fut: w,
                    what: f.what.clone(),
                });
            }
        }
        if task.started {
            TaskState::Scheduled
        } else {
            TaskState::Created
        }
    }

    /// `Task.cancel(msg)`: request that the task be cancelled. A request, not a guarantee:
    /// `CancelledError` is thrown in at the next step and the coroutine may catch it. Returns
    /// False if the task is already done. Cancels what the task awaits (`_fut_waiter`) when
    /// that future accepts; else sets `_must_cancel`. Increments `cancelling()`.
    /// The cause recorded is the running task, or "a callback".
    pub fn cancel_task(&mut self, host: &mut H, t: TaskId, msg: Option<Rc<str>>) -> bool {
        let cause = self.caller_cause();
        self.cancel_task_with(host, t, msg, cause, None)
    }

    pub(crate) fn caller_cause(&self) -> CancelCause {
        match self.current {
            Some(by) => CancelCause::Task { by },
            None => CancelCause::Callback,
        }
    }

    /// `Task.cancel` with an explicit cause (and the request that led to this one).
    pub(crate) fn cancel_task_with(
        &mut self,
        host: &mut H,
        t: TaskId,
        msg: Option<Rc<str>>,
        cause: CancelCause,
        parent: Option<u32>,
    ) -> bool {
        let Some(task) = self.task(t) else {
            return false;
        };
        let fut = task.fut;
        if let Some(f) = self.fut_mut(fut) {
            f.log_traceback = false;
        }
        if self.future_done(fut) {
            return false;
        }
        let old = self.old_state(t);
        self.cancel_seq += 1;
        let req = CancelRequest {
            id: self.cancel_seq,
            cause,
            parent,
        };
        let req_id = req.id;
        let task = self.task_mut(t).expect("checked above");
        task.num_cancels_requested += 1;
        task.last_cancel = std::num::NonZeroU32::new(req_id);
        let waiter = task.fut_waiter;
        self.emit(t, old, Reason::CancelRequested(req));
        if let Some(w) = waiter {
            // Leave `fut_waiter`: it may be a task that ignores the cancellation. Tasks
            // awaiting each other in a ring would pass the request round forever (CPython
            // recurses until the stack gives out): the second visit of a task in one chain
            // refuses, and the task before it keeps the request as `must_cancel`.
            if self.cancel_chain.contains(&t) || self.cancel_chain.len() > 10_000 {
                return false;
            }
            self.cancel_chain.push(t);
            let passed = self.cancel_any(
                host,
                w,
                msg.clone(),
                CancelCause::Awaiter { task: t },
                Some(req_id),
            );
            self.cancel_chain.pop();
            if passed {
                return true;
            }
        }
        // Then a step must already be scheduled: it will throw CancelledError.
        self.task_mut(t).expect("checked above").must_cancel = true;
        if let Some(f) = self.fut_mut(fut) {
            f.set_cancel_msg(msg);
        }
        true
    }

    /// `Task.uncancel()`: decrement the cancel count (clearing `_must_cancel` at zero);
    /// returns the remaining count.
    pub fn uncancel(&mut self, t: TaskId) -> u32 {
        let old = self.old_state(t);
        let Some(task) = self.task_mut(t) else {
            return 0;
        };
        if task.num_cancels_requested > 0 {
            task.num_cancels_requested -= 1;
            if task.num_cancels_requested == 0 {
                task.must_cancel = false;
            }
            let n = task.num_cancels_requested;
            self.emit(t, old, Reason::Uncancelled);
            return n;
        }
        0
    }

    /// `Task.__step(exc)`: one send/throw into the coroutine and what to do with its answer.
    /// Returns `Err` only for `SystemExit`/`KeyboardInterrupt`, which leave the loop.
    pub(crate) fn task_step(
        &mut self,
        host: &mut H,
        t: TaskId,
        exc: Option<H::Exc>,
    ) -> Result<Flow, H::Exc> {
        let Some(task) = self.task(t) else {
            return Ok(Flow::Done);
        };
        let fut = task.fut;
        if self.future_done(fut) {
            debug_assert!(false, "__step(): already done");
            return Ok(Flow::Done);
        }
        let old = self.old_state(t);
        // 1. A pending cancel request turns into CancelledError now.
        let mut exc = exc;
        if task.must_cancel {
            if !exc
                .as_ref()
                .is_some_and(|e| host.classify(e) == ExcClass::Cancelled)
            {
                exc = Some(self.make_cancelled_error(host, fut));
            }
            self.task_mut(t).expect("exists").must_cancel = false;
        }
        let task = self.task_mut(t).expect("exists");
        task.fut_waiter = None;
        task.started = true;
        let Some(mut coro) = task.coro.take() else {
            debug_assert!(false, "task has no coroutine");
            return Ok(Flow::Done);
        };
        // 2. Enter the task (`_enter_task`) and trace what is delivered.
        debug_assert!(
            self.current.is_none(),
            "Cannot enter into task while another task is being executed"
        );
        self.current = Some(t);
        let reason = match &exc {
            None => Reason::StepStarted,
            Some(e) if host.classify(e) == ExcClass::Cancelled => Reason::CancelledErrorDelivered {
                request: self.task(t).and_then(|x| x.last_cancel()),
            },
            Some(_) => Reason::ExceptionThrownIn,
        };
        self.emit(t, old, reason);
        // 3. Run the coroutine up to its next await (or its end).
        let input = match exc {
            None => Resume::Send,
            Some(e) => Resume::Throw(e),
        };
        let step = coro.resume(self, host, t, input);
        self.step_answer(host, t, coro, step)
    }

    /// Continues a step the host paused (`Step::Paused`), still as the current task.
    /// Neither this nor a further pause of the same step is traced: the step's one `Paused`
    /// event already says the loop is blocked until it yields, and a program that never
    /// awaits pauses thousands of times a second (the trace would grow without bound).
    pub(crate) fn continue_step(
        &mut self,
        host: &mut H,
        t: TaskId,
        mut coro: TaskCoro<H>,
    ) -> Result<Flow, H::Exc> {
        let step = coro.resume(self, host, t, Resume::Continue);
        self.step_answer_from(host, t, coro, step, true)
    }

    /// Steps 4 and 5 of `__step`: what to do with the coroutine's answer, then leave the task.
    fn step_answer(
        &mut self,
        host: &mut H,
        t: TaskId,
        coro: TaskCoro<H>,
        step: Step<H>,
    ) -> Result<Flow, H::Exc> {
        self.step_answer_from(host, t, coro, step, false)
    }

    /// `step_answer` for a step that `continued` after a pause or not: only a step's first
    /// pause is traced.
    fn step_answer_from(
        &mut self,
        host: &mut H,
        t: TaskId,
        coro: TaskCoro<H>,
        step: Step<H>,
        continued: bool,
    ) -> Result<Flow, H::Exc> {
        let Some(fut) = self.task(t).map(|x| x.fut) else {
            return Ok(Flow::Done);
        };
        if let Step::Paused = step {
            // The budget ran out: stay the current task, blocked, until `Continue`.
            self.paused = Some(PausedWork::Step { task: t, coro });
            if !continued {
                let old = self.old_state(t);
                self.emit(t, old, Reason::Paused);
            }
            return Ok(Flow::Paused);
        }
        // 4. Handle its answer (`__step_run_and_handle_result`), still as the current task.
        let mut fatal = None;
        let mut after: Option<Reason> = None;
        match step {
            Step::Return(v) => {
                let task = self.task_mut(t).expect("exists");
                if task.must_cancel {
                    // Cancelled right before the coroutine returned.
                    task.must_cancel = false;
                    self.complete(fut, FutState::Cancelled);
                } else {
                    self.complete(fut, FutState::Finished(Ok(v)));
                }
            }
            Step::Raise(e) => match host.classify(&e) {
                ExcClass::Cancelled => {
                    // `super().cancel()`: the message is reset, the exception kept for result().
                    if let Some(f) = self.fut_mut(fut) {
                        f.keep_cancelled_exc(e);
                    }
                    self.complete(fut, FutState::Cancelled);
                }
                ExcClass::Exception => self.complete(fut, FutState::Finished(Err(e))),
                ExcClass::ExitOrInterrupt => {
                    self.complete(fut, FutState::Finished(Err(e.clone())));
                    fatal = Some(e);
                }
            },
            Step::Await(w) if w == fut || self.fut(w).is_none() => {
                let msg = if w == fut {
                    format!("Task cannot await on itself: {}", host.task_repr(self, t))
                } else {
                    format!("Task got bad yield: {w}")
                };
                let e = host.new_exc(RuntimeExc::Runtime(msg));
                self.schedule(Callback::TaskStep {
                    task: t,
                    exc: Some(Box::new(e)),
                });
                after = Some(Reason::Yielded);
            }
            Step::Await(w) => {
                self.add_callback(w, Callback::TaskWakeup { task: t });
                let task = self.task_mut(t).expect("exists");
                task.fut_waiter = Some(w);
                after = Some(Reason::Awaiting);
                let (must_cancel, req) = (task.must_cancel, task.last_cancel());
                if must_cancel {
                    let msg = self.fut(fut).and_then(|f| f.cancel_msg());
                    if self.cancel_any(host, w, msg, CancelCause::Awaiter { task: t }, req) {
                        self.task_mut(t).expect("exists").must_cancel = false;
                    }
                }
            }
            Step::Yield => {
                // A bare yield gives up one iteration: back of the ready queue.
                self.schedule(Callback::TaskStep { task: t, exc: None });
                after = Some(Reason::Yielded);
            }
            Step::Paused => unreachable!("handled above"),
        }
        // 5. Leave the task; put the coroutine back unless it finished.
        self.current = None;
        if !self.future_done(fut) {
            self.task_mut(t).expect("exists").coro = Some(coro);
        }
        if let Some(reason) = after {
            self.emit(t, self.trace.enabled.then_some(TaskState::Running), reason);
        }
        match fatal {
            Some(e) => Err(e),
            None => Ok(Flow::Done),
        }
    }

    /// `Task.__wakeup(future)`: the awaited future is done; step with its exception, or with
    /// nothing (the coroutine reads the result itself, as `Future.__await__` does).
    pub(crate) fn task_wakeup(
        &mut self,
        host: &mut H,
        t: TaskId,
        fut: FutId,
    ) -> Result<Flow, H::Exc> {
        match self.future_result(host, fut) {
            Ok(_) => self.task_step(host, t, None),
            Err(e) => self.task_step(host, t, Some(e)),
        }
    }

    /// The trace's "old state" for `t`, computed only when tracing.
    pub(crate) fn old_state(&self, t: TaskId) -> Option<TaskState> {
        self.trace.enabled.then(|| self.task_state(t))
    }
}
