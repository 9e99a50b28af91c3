//! Futures: pending/cancelled/finished, result or exception, done-callbacks scheduled with
//! `call_soon` on completion, in registration order. Follows CPython `asyncio/futures.py`.

use std::rc::Rc;

use super::event_loop::{Callback, Ready};
use super::host::{Host, RuntimeExc};
use super::trace::{Outcome, Reason, TaskState, WaitTarget, Waitable};
use super::{Loop, TaskId};

/// A future (or task's future) in the loop. Stale ids (a released future) are detected.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FutId {
    pub(crate) idx: u32,
    pub(crate) gen: u32,
}

impl std::fmt::Display for FutId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "fut#{}", self.idx)
    }
}

/// A look at a future's state (`Loop::future_peek`).
pub enum FuturePeek<'a, H: Host> {
    Pending,
    Cancelled,
    Result(&'a H::Value),
    Exception(&'a H::Exc),
}

/// `_state` plus `_result`/`_exception` (CPython keeps them apart; one enum cannot drift).
pub(crate) enum FutState<H: Host> {
    Pending,
    Cancelled,
    Finished(Result<H::Value, H::Exc>),
}

/// Which class the future is, for the methods CPython overrides (`Task.cancel`,
/// `_GatheringFuture.cancel`, `Task.set_result`). Not stored: derived by `Loop::fut_kind`
/// from what the future is (a task's future is `Waitable::Task`; a gather's outer future
/// is in the library's `gather_outers`), so every future is a word smaller (100,000
/// sleeping tasks hold two each, docs/performance.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FutKind {
    Plain,
    Task(TaskId),
    Gather(u32),
}

/// Done-callbacks, inline while there is at most one (the common case: one awaiting task),
/// so awaiting a fresh future does not allocate.
pub(crate) enum Callbacks<H: Host> {
    None,
    One(Callback<H>),
    Many(Vec<Callback<H>>),
}

impl<H: Host> Fut<H> {
    /// Is task `t`'s wakeup among the callbacks (the task invariant's check)?
    #[cfg(test)]
    pub(crate) fn has_wakeup_for(&self, t: TaskId) -> bool {
        let is = |c: &Callback<H>| matches!(c, Callback::TaskWakeup { task } if *task == t);
        match &self.callbacks {
            Callbacks::None => false,
            Callbacks::One(c) => is(c),
            Callbacks::Many(v) => v.iter().any(is),
        }
    }
}

/// A pending done-callback as a future's repr shows it (`cb=[...]`): CPython's name for
/// one of asyncio's own, or the program's callable.
pub enum CallbackName<C> {
    Lib(&'static str),
    Host(C),
}

impl<H: Host> Loop<H> {
    /// Is `f` the future `gather()` returns (a `_GatheringFuture`)?
    pub fn future_is_gather(&self, f: FutId) -> bool {
        matches!(self.fut_kind(f), Some(FutKind::Gather(_)))
    }

    /// The done-callbacks of future `f`, in order, for its repr.
    pub fn future_callback_names(&self, f: FutId) -> Vec<CallbackName<H::Callback>> {
        let Some(x) = self.fut(f) else {
            return Vec::new();
        };
        let name = |c: &Callback<H>| -> Option<CallbackName<H::Callback>> {
            Some(CallbackName::Lib(match c {
                Callback::Host(h) => return Some(CallbackName::Host((**h).clone())),
                Callback::TaskWakeup { .. } => "Task.task_wakeup()",
                Callback::StopLoop => {
                    "_run_until_complete_cb() at /lib/python314.zip/asyncio/base_events.py:181"
                }
                Callback::GatherChildDone { .. } => {
                    "gather.<locals>._done_callback() at /lib/python314.zip/asyncio/tasks.py:810"
                }
                Callback::TaskGroupTaskDone { .. } => "TaskGroup._on_task_done()",
                Callback::WaitCompletion { .. } => {
                    "_wait.<locals>._on_completion() at /lib/python314.zip/asyncio/tasks.py:503"
                }
                Callback::AsCompletedDone { .. } => "_AsCompletedIterator._handle_completion()",
                Callback::ShieldInnerDone { .. } => {
                    "shield.<locals>._inner_done_callback() at /lib/python314.zip/asyncio/tasks.py:978"
                }
                _ => return None,
            }))
        };
        let mut out = Vec::new();
        let mut push = |c: &Callback<H>| {
            if matches!(c, Callback::ShieldInnerDone { .. }) {
                // 3.14's shield adds `_clear_awaited_by_callback` just before it
                out.push(CallbackName::Lib(
                    "shield.<locals>._clear_awaited_by_callback() at /lib/python314.zip/asyncio/tasks.py:975",
                ));
            }
            out.extend(name(c));
        };
        match &x.callbacks {
            Callbacks::None => {}
            Callbacks::One(c) => push(c),
            Callbacks::Many(v) => v.iter().for_each(push),
        }
        out
    }
}

impl<H: Host> Callbacks<H> {
    fn push(&mut self, cb: Callback<H>) {
        *self = match std::mem::replace(self, Callbacks::None) {
            Callbacks::None => Callbacks::One(cb),
            Callbacks::One(a) => Callbacks::Many(vec![a, cb]),
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
        }
    }

    fn retain(&mut self, mut keep: impl FnMut(&Callback<H>) -> bool) -> usize {
        match std::mem::replace(self, Callbacks::None) {
            Callbacks::None => 0,
            Callbacks::One(a) => {
                if keep(&a) {
                    *self = Callbacks::One(a);
                    0
                } else {
                    1
                }
            }
            Callbacks::Many(mut v) => {
                let before = v.len();
                v.retain(|c| keep(c));
                let removed = before - v.len();
                *self = Callbacks::Many(v);
                removed
            }
        }
    }
}

pub(crate) struct Fut<H: Host> {
    pub(crate) state: FutState<H>,
    pub(crate) callbacks: Callbacks<H>,
    /// `_cancel_message` and `_cancelled_exc`, boxed: set only around a cancellation, so
    /// every other future is two words smaller (`cancel_msg()` and friends read them).
    cancel: Option<Box<FutCancel<H>>>,
    /// `__log_traceback`: an exception was set and nobody has retrieved it yet.
    pub(crate) log_traceback: bool,
    pub(crate) what: Waitable,
}

/// A future's cancellation details (`Fut::cancel`).
struct FutCancel<H: Host> {
    /// `_cancel_message`.
    msg: Option<Rc<str>>,
    /// `_cancelled_exc`: the `CancelledError` a task's coroutine raised, re-raised once.
    exc: Option<Box<H::Exc>>,
}

impl<H: Host> Fut<H> {
    /// The task whose future this is, if it is a task's future.
    pub(crate) fn task(&self) -> Option<TaskId> {
        match self.what {
            Waitable::Task(t) => Some(t),
            _ => None,
        }
    }

    /// `_cancel_message`.
    pub(crate) fn cancel_msg(&self) -> Option<Rc<str>> {
        self.cancel.as_ref().and_then(|c| c.msg.clone())
    }

    pub(crate) fn set_cancel_msg(&mut self, msg: Option<Rc<str>>) {
        match (&mut self.cancel, msg) {
            (Some(c), msg) => c.msg = msg,
            (None, None) => {}
            (None, msg) => self.cancel = Some(Box::new(FutCancel { msg, exc: None })),
        }
    }

    /// `_cancelled_exc`, if one is kept (read by the reachability walk, `held.rs`).
    pub(crate) fn cancelled_exc(&self) -> Option<&H::Exc> {
        self.cancel.as_ref().and_then(|c| c.exc.as_deref())
    }

    /// Takes `_cancelled_exc` (it is re-raised once).
    pub(crate) fn take_cancelled_exc(&mut self) -> Option<Box<H::Exc>> {
        self.cancel.as_mut().and_then(|c| c.exc.take())
    }

    /// `super().cancel()` of a task whose coroutine raised `e`: the exception is kept for
    /// `result()` and the message is reset.
    pub(crate) fn keep_cancelled_exc(&mut self, e: H::Exc) {
        self.cancel = Some(Box::new(FutCancel {
            msg: None,
            exc: Some(Box::new(e)),
        }));
    }
}

impl<H: Host> Loop<H> {
    /// `loop.create_future()`: a new pending future.
    pub fn create_future(&mut self) -> FutId {
        let f = self.new_future(Waitable::Future, FutKind::Plain);
        // Remembered for the Resources panel; finished ones are dropped now and then so
        // a program making many futures does not grow this list.
        if self.lib.user_futures.len() >= 256 && self.lib.user_futures.len().is_power_of_two() {
            let pending: Vec<_> = (self.lib.user_futures.iter())
                .filter(|(g, _)| !self.future_done(*g))
                .copied()
                .collect();
            self.lib.user_futures = pending;
        }
        let span = self.span();
        self.lib.user_futures.push((f, span));
        f
    }

    pub(crate) fn new_future(&mut self, what: Waitable, kind: FutKind) -> FutId {
        debug_assert_eq!(
            matches!(kind, FutKind::Task(_)),
            matches!(what, Waitable::Task(_)),
            "a task's future, and only it, is `Waitable::Task`"
        );
        let (idx, gen) = self.futs.insert(Fut {
            state: FutState::Pending,
            callbacks: Callbacks::None,
            cancel: None,
            log_traceback: false,
            what,
        });
        let f = FutId { idx, gen };
        if let FutKind::Gather(g) = kind {
            self.lib.gather_outers.insert(f, g);
        }
        f
    }

    /// The future's class (`FutKind`), derived from what it is.
    pub(crate) fn fut_kind(&self, f: FutId) -> Option<FutKind> {
        let x = self.fut(f)?;
        Some(match x.what {
            Waitable::Task(t) => FutKind::Task(t),
            Waitable::Gather => self
                .lib
                .gather_outers
                .get(&f)
                .map_or(FutKind::Plain, |&g| FutKind::Gather(g)),
            _ => FutKind::Plain,
        })
    }

    pub(crate) fn fut(&self, f: FutId) -> Option<&Fut<H>> {
        self.futs.get(f.idx, f.gen)
    }

    pub(crate) fn fut_mut(&mut self, f: FutId) -> Option<&mut Fut<H>> {
        self.futs.get_mut(f.idx, f.gen)
    }

    /// Forgets a done future nobody will touch again (the VM calls it when the Python object
    /// dies; internal futures are released by their owners). Returns false if it was pending.
    pub fn release_future(&mut self, f: FutId) -> bool {
        match self.fut(f) {
            Some(x) if !matches!(x.state, FutState::Pending) && x.task().is_none() => {
                self.futs.remove(f.idx, f.gen);
                self.lib.gather_outers.remove(&f);
                true
            }
            _ => false,
        }
    }

    /// How many futures (tasks' included) are alive in the slab.
    pub fn future_count(&self) -> usize {
        self.futs.len()
    }

    /// `Future.done()`: a result or exception is set, or it was cancelled. A released
    /// future counts as done.
    pub fn future_done(&self, f: FutId) -> bool {
        self.fut(f)
            .is_none_or(|x| !matches!(x.state, FutState::Pending))
    }

    /// `Future.cancelled()`.
    pub fn future_cancelled(&self, f: FutId) -> bool {
        self.fut(f)
            .is_some_and(|x| matches!(x.state, FutState::Cancelled))
    }

    /// The future's state without touching it (for `repr` and the UI): unlike `result()`
    /// and `exception()`, this does not count as retrieving an exception.
    pub fn future_peek(&self, f: FutId) -> Option<FuturePeek<'_, H>> {
        Some(match &self.fut(f)?.state {
            FutState::Pending => FuturePeek::Pending,
            FutState::Cancelled => FuturePeek::Cancelled,
            FutState::Finished(Ok(v)) => FuturePeek::Result(v),
            FutState::Finished(Err(e)) => FuturePeek::Exception(e),
        })
    }

    /// The task behind a future, if it is a task's future.
    pub fn future_task(&self, f: FutId) -> Option<TaskId> {
        self.fut(f)?.task()
    }

    fn stale(&mut self, host: &mut H) -> H::Exc {
        host.new_exc(RuntimeExc::Runtime(
            "Future object is not initialized.".into(),
        ))
    }

    /// `Future._make_cancelled_error()`: the saved `CancelledError` (once), else a new one
    /// carrying the cancel message.
    pub(crate) fn make_cancelled_error(&mut self, host: &mut H, f: FutId) -> H::Exc {
        let msg = match self.fut_mut(f) {
            Some(x) => {
                if let Some(e) = x.take_cancelled_exc() {
                    return *e;
                }
                x.cancel_msg()
            }
            None => None,
        };
        host.new_exc(RuntimeExc::Cancelled { msg })
    }

    /// `Future.result()`: the result; raises the exception if one was set, `CancelledError`
    /// if cancelled, `InvalidStateError('Result is not set.')` if pending (the C `_asyncio` wording).
    pub fn future_result(&mut self, host: &mut H, f: FutId) -> Result<H::Value, H::Exc> {
        let Some(x) = self.fut(f) else {
            return Err(self.stale(host));
        };
        match &x.state {
            FutState::Cancelled => Err(self.make_cancelled_error(host, f)),
            FutState::Pending => {
                Err(host.new_exc(RuntimeExc::InvalidState("Result is not set.".into())))
            }
            FutState::Finished(r) => {
                let r = r.clone();
                self.mark_retrieved(f);
                r
            }
        }
    }

    /// `Future.exception()`: the exception or `None`; raises `CancelledError` if cancelled,
    /// `InvalidStateError('Exception is not set.')` if pending.
    pub fn future_exception(&mut self, host: &mut H, f: FutId) -> Result<Option<H::Exc>, H::Exc> {
        let Some(x) = self.fut(f) else {
            return Err(self.stale(host));
        };
        match &x.state {
            FutState::Cancelled => Err(self.make_cancelled_error(host, f)),
            FutState::Pending => {
                Err(host.new_exc(RuntimeExc::InvalidState("Exception is not set.".into())))
            }
            FutState::Finished(r) => {
                let e = r.as_ref().err().cloned();
                self.mark_retrieved(f);
                Ok(e)
            }
        }
    }

    /// Clears `__log_traceback`; for a failed task this is the "exception retrieved" moment.
    fn mark_retrieved(&mut self, f: FutId) {
        let Some(x) = self.fut_mut(f) else { return };
        if !std::mem::replace(&mut x.log_traceback, false) {
            return;
        }
        if let Some(t) = x.task() {
            let old = self.old_state(t);
            self.emit(t, old, Reason::ExceptionRetrieved);
        }
    }

    /// `Future.set_result(result)`: marks it done and schedules the callbacks. Raises
    /// `InvalidStateError` if already done; a task raises `RuntimeError` (Task does not
    /// support set_result operation).
    pub fn set_result(&mut self, host: &mut H, f: FutId, v: H::Value) -> Result<(), H::Exc> {
        self.check_settable(host, f, "set_result")?;
        self.complete(f, FutState::Finished(Ok(v)));
        Ok(())
    }

    /// `Future.set_exception(exc)`: like `set_result` with an exception.
    pub fn set_exception(&mut self, host: &mut H, f: FutId, e: H::Exc) -> Result<(), H::Exc> {
        self.check_settable(host, f, "set_exception")?;
        self.complete(f, FutState::Finished(Err(e)));
        Ok(())
    }

    fn check_settable(&mut self, host: &mut H, f: FutId, op: &str) -> Result<(), H::Exc> {
        let Some(x) = self.fut(f) else {
            return Err(self.stale(host));
        };
        if x.task().is_some() {
            return Err(host.new_exc(RuntimeExc::Runtime(format!(
                "Task does not support {op} operation"
            ))));
        }
        if let FutState::Pending = x.state {
            return Ok(());
        }
        // The C `_asyncio.Future` (what CPython runs) says just this; the pure-Python
        // `futures.py` would say "FINISHED: <Future ...>".
        Err(host.new_exc(RuntimeExc::InvalidState("invalid state".into())))
    }

    /// `Future.cancel(msg)`, `Task.cancel(msg)` or `_GatheringFuture.cancel(msg)` depending on
    /// what `f` is; returns whether the cancellation was accepted. The cause recorded is the
    /// running task (or "a callback" outside tasks).
    pub fn cancel_future(&mut self, host: &mut H, f: FutId, msg: Option<Rc<str>>) -> bool {
        let cause = self.caller_cause();
        self.cancel_any(host, f, msg, cause, None)
    }

    pub(crate) fn cancel_any(
        &mut self,
        host: &mut H,
        f: FutId,
        msg: Option<Rc<str>>,
        cause: super::trace::CancelCause,
        parent: Option<u32>,
    ) -> bool {
        let (Some(x), Some(kind)) = (self.fut(f), self.fut_kind(f)) else {
            return false;
        };
        match kind {
            FutKind::Plain => {
                let inner = match x.what {
                    Waitable::Shield { inner } => self.future_task(inner),
                    _ => None,
                };
                let outer_request = std::mem::replace(&mut self.waking_request, parent);
                let accepted = self.cancel_plain(f, msg);
                self.waking_request = outer_request;
                if let (true, Some(t)) = (accepted, inner) {
                    // The request stops here: trace it on the shielded task.
                    let old = self.old_state(t);
                    self.emit(
                        t,
                        old,
                        Reason::ShieldedFromCancel {
                            shield: f,
                            request: parent,
                        },
                    );
                }
                accepted
            }
            FutKind::Task(t) => self.cancel_task_with(host, t, msg, cause, parent),
            FutKind::Gather(g) => self.gather_cancel(host, g, msg, cause, parent),
        }
    }

    /// CPython `Future.cancel`: pending -> cancelled, schedule callbacks.
    pub(crate) fn cancel_plain(&mut self, f: FutId, msg: Option<Rc<str>>) -> bool {
        let Some(x) = self.fut_mut(f) else {
            return false;
        };
        x.log_traceback = false;
        if !matches!(x.state, FutState::Pending) {
            return false;
        }
        x.set_cancel_msg(msg);
        self.complete(f, FutState::Cancelled);
        true
    }

    /// `Future.add_done_callback(fn)`: called with the future once done (via `call_soon`, even
    /// if already done).
    pub fn add_done_callback(&mut self, f: FutId, cb: H::Callback) {
        self.add_callback(f, Callback::Host(Box::new(cb)));
    }

    /// `Future.remove_done_callback(fn)`: removes every registration equal to `fn`; returns
    /// how many.
    pub fn remove_done_callback(&mut self, f: FutId, cb: &H::Callback) -> usize {
        self.remove_callbacks(f, |c| matches!(c, Callback::Host(h) if **h == *cb))
    }

    pub(crate) fn add_callback(&mut self, f: FutId, cb: Callback<H>) {
        match self.fut_mut(f) {
            Some(x) if matches!(x.state, FutState::Pending) => x.callbacks.push(cb),
            // Done (or released, which only happens once done): call soon, as CPython does.
            _ => self.ready.push_back(Ready::Now { cb, arg: Some(f) }),
        }
    }

    pub(crate) fn remove_callbacks(
        &mut self,
        f: FutId,
        pred: impl Fn(&Callback<H>) -> bool,
    ) -> usize {
        match self.fut_mut(f) {
            Some(x) => x.callbacks.retain(|c| !pred(c)),
            None => 0,
        }
    }

    /// The one place a future becomes done (`__schedule_callbacks`): set the state, trace the
    /// owning task's end and the wakeups, queue every callback in registration order.
    pub(crate) fn complete(&mut self, f: FutId, state: FutState<H>) {
        let tracing = self.trace.enabled;
        let Some(x) = self.fut(f) else { return };
        debug_assert!(matches!(x.state, FutState::Pending));
        let owner = match x.task() {
            Some(t) if tracing => Some((t, self.task_state(t))),
            _ => None,
        };
        let what = x.what.clone();
        let (outcome, reason) = match &state {
            FutState::Finished(Ok(_)) => (Outcome::Result, Reason::Returned),
            FutState::Finished(Err(_)) => (Outcome::Exception, Reason::Raised),
            FutState::Cancelled => (Outcome::Cancelled, Reason::Cancelled),
            FutState::Pending => return,
        };
        let x = self.fut_mut(f).expect("checked above");
        x.log_traceback = matches!(state, FutState::Finished(Err(_)));
        x.state = state;
        let cbs = std::mem::replace(&mut x.callbacks, Callbacks::None);
        if let Some((t, old)) = owner {
            self.emit(t, Some(old), reason);
        }
        let schedule = |lp: &mut Self, cb: Callback<H>| {
            if let (true, Callback::TaskWakeup { task }) = (tracing, &cb) {
                let task = *task;
                if lp
                    .tasks
                    .get(task.0 as usize)
                    .is_some_and(|t| t.fut_waiter == Some(f))
                {
                    let old = TaskState::Awaiting(WaitTarget {
                        fut: f,
                        what: what.clone(),
                    });
                    let request = if outcome == Outcome::Cancelled {
                        lp.waking_request
                    } else {
                        None
                    };
                    lp.emit(
                        task,
                        Some(old),
                        Reason::WokenBy {
                            fut: f,
                            outcome,
                            request,
                        },
                    );
                }
            }
            lp.ready.push_back(Ready::Now { cb, arg: Some(f) });
        };
        match cbs {
            Callbacks::None => {}
            Callbacks::One(cb) => schedule(self, cb),
            Callbacks::Many(v) => {
                for cb in v {
                    schedule(self, cb);
                }
            }
        }
    }
}
