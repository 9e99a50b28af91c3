//! The loop: ready queue, timers, `run_once`, slices for a browser driver, injected commands,
//! and the trace sink. Follows CPython `base_events.py` (`call_soon`, `call_at`, `_run_once`).

use std::rc::Rc;

use super::chunk_queue::ChunkQueue;
use super::chunked::ChunkVec;
use super::clock::{Clock, VirtualClock};
use super::future::Fut;
use super::host::{Host, Progress};
use super::lib_state::Library;
use super::slab::Slab;
use super::task::{Task, TaskCoro};
use super::timers::{Handle, Timers};
use super::trace::{CancelCause, Reason, Span, TaskState, Trace, TraceEvent};
use super::{FutId, TaskId};

/// Everything the loop can call. Callbacks are data, not boxed closures: the variant says
/// which CPython callback it stands for. Done-callbacks receive the completed future.
pub(crate) enum Callback<H: Host> {
    /// `Task.__step(exc)`, scheduled by `create_task`, a bare yield, or a bad await.
    TaskStep {
        task: TaskId,
        exc: Option<Box<H::Exc>>,
    },
    /// `Task.__wakeup(fut)`, the done-callback a task puts on what it awaits.
    TaskWakeup {
        task: TaskId,
    },
    /// `futures._set_result_unless_cancelled(fut, None)`: a sleep's timer.
    SleepDone {
        fut: FutId,
    },
    /// `tasks._release_waiter(waiter)`: set `None` unless done.
    ReleaseWaiter {
        fut: FutId,
    },
    /// `base_events._run_until_complete_cb`: stop the loop after this iteration.
    StopLoop,
    /// `gather`'s `_done_callback` (gather id).
    GatherChildDone {
        gather: u32,
    },
    /// `shield`'s `_inner_done_callback` / `_outer_done_callback` (shield id).
    ShieldInnerDone {
        shield: u32,
    },
    ShieldOuterDone {
        shield: u32,
    },
    /// `tasks._log_on_exception` (shielded inner finished after its outer was cancelled).
    LogOnException,
    /// `Timeout._on_timeout` (timeout id).
    TimeoutFire {
        timeout: u32,
    },
    /// `wait`'s `_on_completion` (wait id).
    WaitCompletion {
        wait: u32,
    },
    /// `_AsCompletedIterator._handle_completion` / `_handle_timeout` (iterator id).
    AsCompletedDone {
        iter: u32,
    },
    AsCompletedTimeout {
        iter: u32,
    },
    /// `TaskGroup._on_task_done` (group id).
    TaskGroupTaskDone {
        group: u32,
    },
    /// A command from outside the program (the UI), like `call_soon_threadsafe` (boxed,
    /// like `Host`: a cancel's message made every callback three words).
    Command(Box<Command>),
    /// A Python callable (boxed: rare, and the other variants are two words, so every
    /// future's callback, timer handle and ready entry is smaller).
    Host(Box<H::Callback>),
}

/// Commands a driver injects between callbacks (`Loop::inject`).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub enum Command {
    /// "Cancel task N" from the UI: `task.cancel(msg)` with cause `User`.
    CancelTask {
        task: TaskId,
        #[serde(serialize_with = "super::trace::opt_rc_str")]
        msg: Option<Rc<str>>,
    },
    /// Graceful shutdown: cancel every live task (cause `Shutdown`) and let them clean up.
    Shutdown,
}

/// Whether a callback ran to its end or the host paused inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Done,
    Paused,
}

/// A callback the host paused on its instruction budget: the loop is blocked in it.
pub(crate) enum PausedWork<H: Host> {
    /// A task's step (the task stays current).
    Step { task: TaskId, coro: TaskCoro<H> },
    /// A Python callback (`Host::continue_call`).
    Call,
}

pub(crate) enum Ready<H: Host> {
    /// An internal `call_soon` nobody can cancel (wakeups, done-callbacks).
    Now { cb: Callback<H>, arg: Option<FutId> },
    /// A cancellable handle (`call_soon` from code, or a due timer).
    Handle(Handle),
}

/// An event loop with CPython 3.14 asyncio semantics, generic over the host that runs
/// coroutines. It owns futures, tasks, timers, library objects and the trace; it never owns
/// the host, which is lent to each call that may run code.
pub struct Loop<H: Host> {
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) ready: ChunkQueue<Ready<H>>,
    pub(crate) timers: Timers<H>,
    pub(crate) futs: Slab<Fut<H>>,
    /// Indexed by `TaskId` (creation order); chunked so 100,000 tasks never reallocate.
    pub(crate) tasks: ChunkVec<Task<H>>,
    pub(crate) current: Option<TaskId>,
    pub(crate) iteration: u64,
    /// Handles left to run in the current iteration (non-zero only between slices).
    iter_remaining: usize,
    /// Ready items taken off the queue since the loop began (cancelled handles included):
    /// with `iteration` and the VM's instruction count, where a replay must stop exactly.
    pub(crate) callbacks_taken: u64,
    stopping: bool,
    pub(crate) trace: Trace,
    span: Option<Span>,
    pub(crate) task_counter: u64,
    pub(crate) cancel_seq: u32,
    pub(crate) lib: Library<H>,
    /// A callback the host paused (instruction budget); resumed first by the next slice.
    pub(crate) paused: Option<PausedWork<H>>,
    /// The cancel request behind the plain future being cancelled right now (for the
    /// wakeups it causes).
    pub(crate) waking_request: Option<u32>,
    /// Tasks whose `cancel()` is passing the request down what they await, innermost
    /// last: tasks awaiting each other in a ring would otherwise recurse forever.
    pub(crate) cancel_chain: Vec<TaskId>,
}

impl<H: Host> Default for Loop<H> {
    fn default() -> Self {
        Self::new(Box::new(VirtualClock::default()))
    }
}

impl<H: Host> Loop<H> {
    /// A loop on the given clock (`Loop::default()` is a virtual clock at t=0).
    pub fn new(clock: Box<dyn Clock>) -> Self {
        Loop {
            clock,
            ready: ChunkQueue::default(),
            timers: Timers::default(),
            futs: Slab::default(),
            tasks: ChunkVec::default(),
            current: None,
            iteration: 0,
            iter_remaining: 0,
            callbacks_taken: 0,
            stopping: false,
            trace: Trace::default(),
            span: None,
            task_counter: 0,
            cancel_seq: 0,
            lib: Library::default(),
            paused: None,
            waking_request: None,
            cancel_chain: Vec::new(),
        }
    }

    /// `loop.time()`.
    pub fn time(&self) -> f64 {
        self.clock.now()
    }

    /// How many iterations (`_run_once` calls) have begun.
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// Internal `call_soon` of a callback nobody cancels.
    pub(crate) fn schedule(&mut self, cb: Callback<H>) {
        self.ready.push_back(Ready::Now { cb, arg: None });
    }

    /// `loop.call_soon(fn)`: run `fn` in a later iteration, FIFO; returns a cancellable handle.
    pub fn call_soon(&mut self, cb: H::Callback) -> Handle {
        self.call_soon_cb(Callback::Host(Box::new(cb)))
    }

    pub(crate) fn call_soon_cb(&mut self, cb: Callback<H>) -> Handle {
        let h = self.timers.new_handle(cb, None);
        self.ready.push_back(Ready::Handle(h));
        h
    }

    /// `loop.call_later(delay, fn)` = `call_at(time() + delay, fn)`.
    pub fn call_later(&mut self, delay: f64, cb: H::Callback) -> Handle {
        self.call_at(self.time() + delay, cb)
    }

    /// `loop.call_at(when, fn)`: run `fn` in the first iteration at or after loop time `when`.
    pub fn call_at(&mut self, when: f64, cb: H::Callback) -> Handle {
        self.timers.push_timer(when, Callback::Host(Box::new(cb)))
    }

    pub(crate) fn call_at_cb(&mut self, when: f64, cb: Callback<H>) -> Handle {
        self.timers.push_timer(when, cb)
    }

    /// `Handle.cancel()`: the callback will not run. No-op if it already ran.
    pub fn cancel_handle(&mut self, h: Handle) {
        self.timers.cancel(h);
    }

    /// `TimerHandle.when()` while the timer is pending (None once it ran or was purged).
    pub fn handle_when(&self, h: Handle) -> Option<f64> {
        self.timers.when(h)
    }

    /// `Handle.cancel()` called by the program (see `Timers::cancel_by_program`).
    pub fn cancel_program_handle(&mut self, h: Handle) {
        self.timers.cancel_by_program(h);
    }

    /// `Handle.cancelled()`: False once the callback ran, unless the program cancelled it.
    pub fn handle_cancelled(&self, h: Handle) -> bool {
        self.timers.program_sees_cancelled(h)
    }

    /// The program's callable behind handle `h` while its slot lives (for its repr).
    pub fn handle_host_callback(&self, h: Handle) -> Option<H::Callback> {
        match &self.timers.slot(h)?.cb {
            Callback::Host(c) => Some((**c).clone()),
            _ => None,
        }
    }

    /// `loop.stop()`: finish the current iteration, then `take_stop` reports it.
    pub fn stop(&mut self) {
        self.stopping = true;
    }

    /// Whether `stop()` was requested; clears the flag (end of `run_forever`).
    pub fn take_stop(&mut self) -> bool {
        std::mem::replace(&mut self.stopping, false)
    }

    /// Injects an external command as a scheduled callback (CPython `call_soon_threadsafe`):
    /// it runs in order with the other ready callbacks, never in the middle of one.
    pub fn inject(&mut self, cmd: Command) {
        self.schedule(Callback::Command(Box::new(cmd)));
    }

    /// Sets the source location the next trace events carry (the VM calls it before an
    /// await or a call into the runtime; each callback starts with none).
    pub fn set_span(&mut self, span: Option<Span>) {
        self.span = span;
    }

    /// The source location the next trace event will carry (the last `set_span`).
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// Turns the trace on or off (off: no event is built at all).
    pub fn set_tracing(&mut self, on: bool) {
        self.trace.enabled = on;
    }

    /// An iteration is under way (callbacks of it are left, or one is paused): the loop is
    /// not between iterations.
    pub fn mid_iteration(&self) -> bool {
        self.iter_remaining > 0 || self.paused.is_some()
    }

    /// The `seq` the next trace event will carry (how many this loop has emitted).
    pub fn next_trace_seq(&self) -> u64 {
        self.trace.seq
    }

    /// Takes the events recorded since the last drain.
    pub fn drain_trace(&mut self) -> Vec<TraceEvent> {
        std::mem::take(&mut self.trace.events)
    }

    /// The events recorded since the last drain, without taking them.
    pub fn trace_events(&self) -> &[TraceEvent] {
        &self.trace.events
    }

    /// Is something to run right now: a paused callback, an iteration in progress, or
    /// callbacks ready?
    pub fn has_ready(&self) -> bool {
        self.paused.is_some() || self.iter_remaining > 0 || !self.ready.is_empty()
    }

    /// Ready items taken off the queue so far (a replay's progress counter, `crate::replay`).
    pub fn callbacks_taken(&self) -> u64 {
        self.callbacks_taken
    }

    /// Is an iteration begun and not finished (callbacks left, or one paused inside)?
    pub fn in_iteration(&self) -> bool {
        self.paused.is_some() || self.iter_remaining > 0
    }

    /// Is the loop blocked inside a callback or step the host paused on its instruction
    /// budget? (The UI shows the running task as "blocking the loop".)
    pub fn is_paused(&self) -> bool {
        self.paused.is_some()
    }

    /// Is there work for `run_slice` at the current time: an iteration in progress, ready
    /// callbacks, or a timer due? (A real-clock driver waits for `next_deadline` otherwise.)
    pub fn has_work_now(&mut self) -> bool {
        if self.has_ready() {
            return true;
        }
        let end = self.clock.now() + self.clock.resolution();
        self.timers.next_deadline().is_some_and(|w| w < end)
    }

    /// The earliest live timer's deadline.
    pub fn next_deadline(&mut self) -> Option<f64> {
        self.timers.next_deadline()
    }

    /// Number of live (not cancelled) timers.
    pub fn timer_count(&self) -> usize {
        self.timers.live_count()
    }

    /// Number of callbacks in the ready queue.
    pub fn ready_len(&self) -> usize {
        self.ready.len()
    }

    /// One full iteration (CPython `_run_once`): finishes the iteration in progress if a slice
    /// left one open; else moves due timers to the ready queue (on a virtual clock, first
    /// jumping to the next timer when nothing is ready) and runs exactly the callbacks that
    /// were ready when it began. Returns early, iteration unfinished, if the host pauses
    /// (`is_paused`). `Err` is a `SystemExit`/`KeyboardInterrupt` leaving the loop.
    pub fn run_once(&mut self, host: &mut H) -> Result<(), H::Exc> {
        self.run_slice(host, usize::MAX).map(|_| ())
    }

    /// Runs at most `budget` callbacks of the current iteration (beginning one if none is in
    /// progress). Returns true when the iteration is complete. A driver calls this until its
    /// time slice is used, then yields to the page and resumes later: iteration boundaries
    /// (what ran together) stay exactly those of `run_once`. A paused callback is continued
    /// first; if the host pauses again, this returns false at once.
    pub fn run_slice(&mut self, host: &mut H, budget: usize) -> Result<bool, H::Exc> {
        if let Some(work) = self.paused.take() {
            match self.continue_paused(host, work) {
                Ok(Flow::Paused) => return Ok(false),
                Ok(Flow::Done) if self.iter_remaining == 0 => return Ok(true),
                Ok(Flow::Done) => {}
                Err(e) => {
                    self.iter_remaining = 0;
                    return Err(e);
                }
            }
        } else if self.iter_remaining == 0 {
            self.begin_iteration();
        }
        let mut ran = 0;
        // The only place callbacks are called; everything else appends to `ready`.
        while self.iter_remaining > 0 && ran < budget {
            self.iter_remaining -= 1;
            self.callbacks_taken += 1;
            ran += 1;
            let Some(item) = self.ready.pop_front() else {
                self.iter_remaining = 0;
                break;
            };
            let (cb, arg) = match item {
                Ready::Now { cb, arg } => (cb, arg),
                Ready::Handle(h) => match self.timers.take(h) {
                    Some(cb) => (cb, None),
                    None => continue, // cancelled
                },
            };
            self.span = None;
            match self.dispatch(host, cb, arg) {
                Ok(Flow::Done) => {}
                Ok(Flow::Paused) => return Ok(false),
                Err(e) => {
                    // Like CPython, the rest of this iteration stays queued for the next one.
                    self.iter_remaining = 0;
                    return Err(e);
                }
            }
        }
        Ok(self.iter_remaining == 0)
    }

    fn continue_paused(&mut self, host: &mut H, work: PausedWork<H>) -> Result<Flow, H::Exc> {
        match work {
            PausedWork::Step { task, coro } => self.continue_step(host, task, coro),
            PausedWork::Call => match host.continue_call(self) {
                Progress::Done => Ok(Flow::Done),
                Progress::Paused => {
                    self.paused = Some(PausedWork::Call);
                    Ok(Flow::Paused)
                }
            },
        }
    }

    fn begin_iteration(&mut self) {
        self.timers.purge_cancelled();
        // Nothing to do now: a virtual clock jumps to the next deadline.
        if self.ready.is_empty() && !self.stopping {
            if let Some(when) = self.timers.next_deadline() {
                self.clock.idle_until(when);
            }
        }
        let end = self.clock.now() + self.clock.resolution();
        while let Some(h) = self.timers.pop_due(end) {
            self.ready.push_back(Ready::Handle(h));
        }
        self.iteration += 1;
        self.iter_remaining = self.ready.len();
    }

    fn dispatch(
        &mut self,
        host: &mut H,
        cb: Callback<H>,
        arg: Option<FutId>,
    ) -> Result<Flow, H::Exc> {
        let arg_or_dummy = arg.unwrap_or(FutId {
            idx: u32::MAX,
            gen: u32::MAX,
        });
        match cb {
            Callback::TaskStep { task, exc } => return self.task_step(host, task, exc.map(|e| *e)),
            Callback::TaskWakeup { task } => return self.task_wakeup(host, task, arg_or_dummy),
            Callback::SleepDone { fut } | Callback::ReleaseWaiter { fut } => {
                if !self.future_done(fut) {
                    let none = host.none();
                    let _ = self.set_result(host, fut, none);
                }
            }
            Callback::StopLoop => {
                // `_run_until_complete_cb`: reads the exception (marking it retrieved); a
                // SystemExit/KeyboardInterrupt already left the loop on its own.
                if let Some(f) = arg.filter(|&f| !self.future_cancelled(f)) {
                    if let Ok(Some(e)) = self.future_exception(host, f) {
                        if host.classify(&e) == super::host::ExcClass::ExitOrInterrupt {
                            return Ok(Flow::Done);
                        }
                    }
                }
                self.stop();
            }
            Callback::GatherChildDone { gather } => {
                self.gather_child_done(host, gather, arg_or_dummy)
            }
            Callback::ShieldInnerDone { shield } => self.shield_inner_done(host, shield),
            Callback::ShieldOuterDone { shield } => self.shield_outer_done(shield),
            Callback::LogOnException => self.log_on_exception(host, arg_or_dummy),
            Callback::TimeoutFire { timeout } => self.timeout_fire(host, timeout),
            Callback::WaitCompletion { wait } => self.wait_completion(host, wait, arg_or_dummy),
            Callback::AsCompletedDone { iter } => self.as_completed_done(host, iter, arg_or_dummy),
            Callback::AsCompletedTimeout { iter } => self.as_completed_timeout(host, iter),
            Callback::TaskGroupTaskDone { group } => {
                self.task_group_task_done(host, group, arg_or_dummy)
            }
            Callback::Command(cmd) => match *cmd {
                Command::CancelTask { task, msg } => {
                    self.cancel_task_with(host, task, msg, CancelCause::User, None);
                }
                Command::Shutdown => {
                    for t in self.all_tasks() {
                        self.cancel_task_with(host, t, None, CancelCause::Shutdown, None);
                    }
                }
            },
            Callback::Host(cb) => {
                if host.call(self, *cb, arg) == Progress::Paused {
                    self.paused = Some(PausedWork::Call);
                    return Ok(Flow::Paused);
                }
            }
        }
        Ok(Flow::Done)
    }

    /// Appends one trace event for `task` (a no-op when `old` is None, i.e. tracing is off).
    pub(crate) fn emit(&mut self, task: TaskId, old: Option<TaskState>, reason: Reason) {
        let Some(old) = old else { return };
        let new = self.task_state(task);
        let Some(t) = self.tasks.get_mut(task.0 as usize) else {
            return;
        };
        // Traced tasks keep their formatted name, so events share one string.
        if let super::task::TaskName::Numbered(_) = t.name {
            t.name = super::task::TaskName::Named(t.name.to_rc());
        }
        let t = &*t;
        let ev = TraceEvent {
            seq: self.trace.seq,
            time: self.clock.now(),
            iteration: self.iteration,
            task,
            name: t.name.to_rc(),
            old,
            new,
            cancelling: t.num_cancels_requested,
            reason,
            span: self.span,
        };
        self.trace.seq += 1;
        self.trace.events.push(ev);
    }
}
