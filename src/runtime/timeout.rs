//! `asyncio.timeout`/`timeout_at` (the `Timeout` context manager) and `wait_for`, which is
//! built on it since 3.12. Follows CPython `timeouts.py` and `tasks.wait_for`.

use super::event_loop::Callback;
use super::future::FutKind;
use super::host::{ExcClass, Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::task::TaskCoro;
use super::timers::Handle;
use super::trace::{CancelCause, Reason, Span, Waitable};
use super::{FutId, Loop, TaskId};

/// A `Timeout` object (index into the loop's timeouts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeoutId(pub u32);

/// `timeouts._State`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutPhase {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

impl TimeoutPhase {
    /// CPython's `_State.value` ("created", "active", "expiring", "expired", "finished").
    pub fn value(self) -> &'static str {
        match self {
            TimeoutPhase::Created => "created",
            TimeoutPhase::Entered => "active",
            TimeoutPhase::Expiring => "expiring",
            TimeoutPhase::Expired => "expired",
            TimeoutPhase::Exited => "finished",
        }
    }
}

pub(crate) struct TimeoutState {
    phase: TimeoutPhase,
    when: Option<f64>,
    handle: Option<Handle>,
    task: Option<TaskId>,
    /// `task.cancelling()` on entry.
    cancelling: u32,
    /// Created by `wait_for` (for the trace's cancel cause).
    for_wait_for: bool,
    /// Where the program created it: the span its `TimeoutFired` and cancel request carry.
    span: Option<Span>,
}

impl<H: Host> Loop<H> {
    /// Task `t` is inside an `asyncio.timeout`/`wait_for` that has not exited: it may be
    /// woken by that timeout rather than by what it awaits.
    pub fn under_timeout(&self, t: TaskId) -> bool {
        self.lib.timeouts.iter().any(|s| {
            s.task == Some(t) && matches!(s.phase, TimeoutPhase::Entered | TimeoutPhase::Expiring)
        })
    }

    /// `asyncio.timeout(delay)`: a Timeout due `delay` seconds from now (never if None).
    pub fn timeout(&mut self, delay: Option<f64>) -> TimeoutId {
        let when = delay.map(|d| self.time() + d);
        self.timeout_at(when)
    }

    /// `asyncio.timeout_at(when)`: a Timeout due at loop time `when` (never if None).
    pub fn timeout_at(&mut self, when: Option<f64>) -> TimeoutId {
        self.lib.timeouts.push(TimeoutState {
            phase: TimeoutPhase::Created,
            when,
            handle: None,
            task: None,
            cancelling: 0,
            for_wait_for: false,
            span: self.span(),
        });
        TimeoutId(self.lib.timeouts.len() as u32 - 1)
    }

    /// `Timeout.when()`.
    pub fn timeout_when(&self, id: TimeoutId) -> Option<f64> {
        self.lib.timeouts.get(id.0 as usize).and_then(|t| t.when)
    }

    /// `Timeout.expired()`: did it fire during the block?
    pub fn timeout_expired(&self, id: TimeoutId) -> bool {
        self.lib
            .timeouts
            .get(id.0 as usize)
            .is_some_and(|t| matches!(t.phase, TimeoutPhase::Expiring | TimeoutPhase::Expired))
    }

    /// The Timeout's phase (for `repr` and the UI).
    pub fn timeout_phase(&self, id: TimeoutId) -> Option<TimeoutPhase> {
        self.lib.timeouts.get(id.0 as usize).map(|t| t.phase)
    }

    /// `Timeout.reschedule(when)`: move the deadline (None: never). Raises RuntimeError
    /// unless the block is active.
    pub fn timeout_reschedule(
        &mut self,
        host: &mut H,
        id: TimeoutId,
        when: Option<f64>,
    ) -> Result<(), H::Exc> {
        let Some(t) = self.lib.timeouts.get(id.0 as usize) else {
            return Err(host.new_exc(RuntimeExc::Runtime("Timeout has not been entered".into())));
        };
        match t.phase {
            TimeoutPhase::Entered => {}
            TimeoutPhase::Created => {
                return Err(host.new_exc(RuntimeExc::Runtime("Timeout has not been entered".into())))
            }
            p => {
                let msg = format!("Cannot change state of {} Timeout", p.value());
                return Err(host.new_exc(RuntimeExc::Runtime(msg)));
            }
        }
        if let Some(h) = t.handle {
            self.cancel_handle(h);
        }
        let handle = when.map(|w| {
            let cb = Callback::TimeoutFire { timeout: id.0 };
            if w <= self.time() {
                self.call_soon_cb(cb)
            } else {
                self.call_at_cb(w, cb)
            }
        });
        let t = &mut self.lib.timeouts[id.0 as usize];
        t.when = when;
        t.handle = handle;
        Ok(())
    }

    /// `Timeout.__aenter__`: binds the current task and schedules the deadline. Raises
    /// RuntimeError if entered twice or outside a task.
    pub fn timeout_enter(&mut self, host: &mut H, id: TimeoutId) -> Result<(), H::Exc> {
        let phase = self.lib.timeouts.get(id.0 as usize).map(|t| t.phase);
        if phase != Some(TimeoutPhase::Created) {
            return Err(host.new_exc(RuntimeExc::Runtime(
                "Timeout has already been entered".into(),
            )));
        }
        let Some(task) = self.current else {
            return Err(host.new_exc(RuntimeExc::Runtime(
                "Timeout should be used inside a task".into(),
            )));
        };
        let cancelling = self.cancelling(task);
        let t = &mut self.lib.timeouts[id.0 as usize];
        t.phase = TimeoutPhase::Entered;
        t.task = Some(task);
        t.cancelling = cancelling;
        let when = t.when;
        self.timeout_reschedule(host, id, when)
    }

    /// `Timeout.__aexit__(exc)`. `Err(e)`: raise `e` instead (the block's CancelledError
    /// became `TimeoutError` because this timeout fired and no other cancel is pending).
    /// `Ok(())`: the block's own exception, if any, propagates unchanged.
    pub fn timeout_exit(
        &mut self,
        host: &mut H,
        id: TimeoutId,
        exc: Option<&H::Exc>,
    ) -> Result<(), H::Exc> {
        let Some(t) = self.lib.timeouts.get_mut(id.0 as usize) else {
            return Ok(());
        };
        debug_assert!(matches!(
            t.phase,
            TimeoutPhase::Entered | TimeoutPhase::Expiring
        ));
        if let Some(h) = t.handle.take() {
            self.cancel_handle(h);
        }
        let t = &mut self.lib.timeouts[id.0 as usize];
        match t.phase {
            TimeoutPhase::Expiring => {
                t.phase = TimeoutPhase::Expired;
                let (task, cancelling) = (t.task, t.cancelling);
                let remaining = task.map_or(0, |task| self.uncancel(task));
                if let (true, Some(exc)) = (remaining <= cancelling, exc) {
                    // No new cancel requests since entry: the cancellation is ours.
                    if host.classify(exc) == ExcClass::Cancelled {
                        return Err(host.new_exc(RuntimeExc::Timeout {
                            cause: Some(exc.clone()),
                        }));
                    }
                    host.insert_timeout_error(exc);
                }
            }
            TimeoutPhase::Entered => t.phase = TimeoutPhase::Exited,
            _ => {}
        }
        Ok(())
    }

    /// `Timeout._on_timeout`: cancel the task, mark expiring.
    pub(crate) fn timeout_fire(&mut self, host: &mut H, id: u32) {
        let Some(t) = self.lib.timeouts.get_mut(id as usize) else {
            return;
        };
        if t.phase != TimeoutPhase::Entered {
            debug_assert!(false, "timeout fired while {:?}", t.phase);
            return;
        }
        t.phase = TimeoutPhase::Expiring;
        t.handle = None;
        let Some(task) = t.task else { return };
        let cause = if t.for_wait_for {
            CancelCause::WaitFor { timeout: id }
        } else {
            CancelCause::Timeout { timeout: id }
        };
        // Fired from a timer, so no code is running: the events point at the timeout.
        let span = t.span;
        self.set_span(span);
        let old = self.old_state(task);
        self.emit(task, old, Reason::TimeoutFired { timeout: id });
        self.cancel_task_with(host, task, None, cause, None);
    }
}

/// What `wait_for` awaits: a future (or task), or a coroutine it runs inline in the same
/// task (3.12+: no task is created unless `timeout <= 0`).
pub enum Awaitable<H: Host> {
    Future(FutId),
    Coro(Box<TaskCoro<H>>),
}

/// The `wait_for` coroutine.
pub struct WaitFor<H: Host> {
    inner: Option<Awaitable<H>>,
    timeout: Option<f64>,
    state: WaitForState,
}

impl<H: Host> WaitFor<H> {
    /// What it awaits, until it starts awaiting it.
    pub(crate) fn inner(&self) -> Option<&Awaitable<H>> {
        self.inner.as_ref()
    }
}

enum WaitForState {
    Start,
    /// `timeout <= 0`: `_cancel_and_wait(fut)`.
    CancelAndWait {
        fut: FutId,
        waiter: FutId,
        yielded: bool,
    },
    /// `async with timeout(t): return await inner`.
    Running {
        timeout: TimeoutId,
        yielded: bool,
    },
    Done,
}

/// `asyncio.wait_for(aw, timeout)`: the result of `aw`, or TimeoutError once `timeout`
/// seconds pass (`aw` is cancelled first and waited for). If `aw` suppresses the cancellation
/// and returns, that value is returned.
pub fn wait_for<H: Host>(aw: Awaitable<H>, timeout: Option<f64>) -> Native<H> {
    Native::WaitFor(Box::new(WaitFor {
        inner: Some(aw),
        timeout,
        state: WaitForState::Start,
    }))
}

impl<H: Host> WaitFor<H> {
    pub(crate) fn resume(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        match std::mem::replace(&mut self.state, WaitForState::Done) {
            WaitForState::Start => {
                if let Resume::Throw(e) = input {
                    return Step::Raise(e);
                }
                match self.timeout {
                    Some(t) if t <= 0.0 => self.start_zero(lp, host),
                    t => {
                        let id = lp.timeout(t);
                        lp.lib.timeouts[id.0 as usize].for_wait_for = true;
                        if let Err(e) = lp.timeout_enter(host, id) {
                            return Step::Raise(e);
                        }
                        self.state = WaitForState::Running {
                            timeout: id,
                            yielded: false,
                        };
                        self.drive(lp, host, task, Resume::Send)
                    }
                }
            }
            WaitForState::CancelAndWait {
                fut,
                waiter,
                mut yielded,
            } => {
                let r = wait_on(lp, host, waiter, &mut yielded, input);
                if let Poll::Pending(step) = r {
                    self.state = WaitForState::CancelAndWait {
                        fut,
                        waiter,
                        yielded,
                    };
                    return step;
                }
                // `finally: fut.remove_done_callback(cb)`
                lp.remove_callbacks(
                    fut,
                    |c| matches!(c, Callback::ReleaseWaiter { fut } if *fut == waiter),
                );
                lp.release_future(waiter);
                if let Poll::Ready(Err(e)) = r {
                    return Step::Raise(e);
                }
                match lp.future_result(host, fut) {
                    Ok(v) => Step::Return(v),
                    Err(e) if host.classify(&e) == ExcClass::Cancelled => {
                        Step::Raise(host.new_exc(RuntimeExc::Timeout { cause: Some(e) }))
                    }
                    Err(e) => Step::Raise(e),
                }
            }
            WaitForState::Running { timeout, yielded } => {
                self.state = WaitForState::Running { timeout, yielded };
                self.drive(lp, host, task, input)
            }
            WaitForState::Done => Step::Raise(host.new_exc(RuntimeExc::Runtime(
                "cannot reuse already awaited coroutine".into(),
            ))),
        }
    }

    /// `timeout <= 0`: ensure a future, return at once if done, else cancel it and wait.
    fn start_zero(&mut self, lp: &mut Loop<H>, host: &mut H) -> Step<H> {
        let fut = match self.inner.take() {
            Some(Awaitable::Future(f)) => f,
            Some(Awaitable::Coro(c)) => {
                let t = lp.create_task(*c, None);
                lp.task_future(t).expect("just created")
            }
            None => {
                return Step::Raise(
                    host.new_exc(RuntimeExc::Runtime("wait_for without awaitable".into())),
                )
            }
        };
        if lp.future_done(fut) {
            return match lp.future_result(host, fut) {
                Ok(v) => Step::Return(v),
                Err(e) => Step::Raise(e),
            };
        }
        let waiter = lp.new_future(Waitable::CancelAndWait { fut }, FutKind::Plain);
        lp.add_callback(fut, Callback::ReleaseWaiter { fut: waiter });
        lp.cancel_any(host, fut, None, CancelCause::WaitForZero, None);
        self.state = WaitForState::CancelAndWait {
            fut,
            waiter,
            yielded: true,
        };
        Step::Await(waiter)
    }

    /// Runs the inner awaitable inside the timeout block; on its end, `__aexit__`.
    fn drive(&mut self, lp: &mut Loop<H>, host: &mut H, task: TaskId, input: Resume<H>) -> Step<H> {
        let WaitForState::Running {
            timeout,
            mut yielded,
        } = self.state
        else {
            return Step::Raise(
                host.new_exc(RuntimeExc::Runtime("wait_for in a bad state".into())),
            );
        };
        let outcome = match self.inner.as_mut() {
            Some(Awaitable::Future(f)) => match wait_on(lp, host, *f, &mut yielded, input) {
                Poll::Pending(step) => {
                    self.state = WaitForState::Running { timeout, yielded };
                    return step;
                }
                Poll::Ready(r) => r,
            },
            Some(Awaitable::Coro(c)) => match c.resume(lp, host, task, input) {
                step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                    self.state = WaitForState::Running { timeout, yielded };
                    return step;
                }
                Step::Return(v) => Ok(v),
                Step::Raise(e) => Err(e),
            },
            None => Err(host.new_exc(RuntimeExc::Runtime("wait_for without awaitable".into()))),
        };
        self.state = WaitForState::Done;
        self.inner = None;
        match outcome {
            Ok(v) => match lp.timeout_exit(host, timeout, None) {
                Ok(()) => Step::Return(v),
                Err(e) => Step::Raise(e),
            },
            Err(e) => match lp.timeout_exit(host, timeout, Some(&e)) {
                Ok(()) => Step::Raise(e),
                Err(new) => Step::Raise(new),
            },
        }
    }
}
