//! The event loop with CPython 3.14 asyncio semantics, generic over a `Host` that runs
//! coroutines; it knows nothing of Python syntax or the DOM.
//!
//! # The big picture
//!
//! A [`Loop`] owns everything: futures (a slab of [`FutId`]s), tasks ([`TaskId`]s in creation
//! order), the ready queue (a `VecDeque` of `event_loop::Callback`s, which are data, not
//! closures), the timer heap, the library's objects (gathers, timeouts, task groups, locks,
//! queues...) and the trace. It never owns the host: every call that may run program code
//! borrows it (`lp.run_once(&mut host)`), so `Host::resume` receives `&mut Loop` and can call
//! back into the runtime (create tasks, cancel, await) without a double borrow. No globals.
//!
//! ## One iteration (CPython `BaseEventLoop._run_once`)
//! `run_once` drops cancelled timers at the heap's head; if nothing is ready a virtual clock
//! jumps to the next deadline; timers due by `now + resolution` move to the ready queue; then
//! exactly the callbacks that were ready at that moment run, in FIFO order. Callbacks queued
//! meanwhile wait for the next iteration. `run_slice(budget)` runs the same iteration in
//! pieces so a browser driver can stop after a few milliseconds and resume after painting.
//! `dispatch` in `event_loop.rs` is the only place callbacks are called.
//!
//! ## A task (CPython `Task`), and its invariant
//! While not done, a task is either Awaiting (its `fut_waiter` is a pending future whose
//! callbacks include the task's wakeup, and no step is scheduled), or Scheduled (exactly one
//! step or wakeup is in the ready queue, and `fut_waiter` is None or done), or Running (it is
//! `Loop::current_task`). One step start to end (`task.rs`, `task_step`):
//! 1. a pending `must_cancel` becomes a `CancelledError` to throw in;
//! 2. `fut_waiter` is cleared and the task becomes current;
//! 3. the coroutine is resumed (`Host::resume`, or a native coroutine) with send/throw;
//! 4. its answer is handled: `Return` → result (or cancelled if a cancel arrived meanwhile),
//!    `Raise` → exception, or cancelled for `CancelledError`; `Await(fut)` → the task's wakeup
//!    is added to `fut`, which becomes `fut_waiter` (and is cancelled at once if a cancel is
//!    pending); `Yield` → the step is queued again at the back;
//! 5. the task stops being current.
//!
//! When `fut` completes (`future.rs`, `complete`), its callbacks are queued in registration
//! order; the wakeup reads the result and steps the task, throwing the exception in if any.
//! `Task.cancel` cancels `fut_waiter` if that accepts, else sets `must_cancel`.
//!
//! ## How coroutines await
//! A coroutine answers each resume with a [`Step`]: `Await(fut)` (only for a pending
//! future, as `Future.__await__` yields), `Yield`, `Return(v)` or `Raise(e)`. After the
//! wakeup it reads the future's result itself (`Loop::future_result`). Library coroutines
//! (`sleep`, `Lock.acquire`, `Queue.get`, `wait_for`, `TaskGroup.__aexit__`...) are
//! [`Native`] state machines with the same `resume`: the VM delegates `await lock.acquire()`
//! to one inside the same task (like `yield from`), passing each resume input through until
//! it returns or raises. Things that return futures (`gather`, `shield`, `create_task`,
//! `create_future`) return ids the coroutine awaits directly.
//!
//! ## Where trace events come from
//! Every change of a task's displayed [`TaskState`] (derived in one function,
//! `Loop::task_state`, from CPython's fields) and of its cancel count is emitted by the
//! transition that causes it: `create_task` (Created), `task_step` (step started / error
//! delivered, then Awaiting / Yielded), `complete` (the owner's end; the awaiters' wakeups),
//! `cancel_task_with` (cancel requested, with a [`CancelCause`] and parent request),
//! `uncancel`, timeouts firing, and exception retrieval. Events go to a sink that is off
//! unless `set_tracing(true)`, and are taken in batches with `drain_trace`. A cancel that
//! stops at a `shield` is traced on the shielded task (`ShieldedFromCancel`).
//!
//! ## Driving it
//! - Virtual time (tests, CLI, "instant"): `run(&mut lp, &mut host, main)` = `asyncio.run`,
//!   or `Runner::new` + `run_once` per iteration to step through it.
//! - A browser driver, real time: a `Clock` it controls (e.g. `ManualClock`, or its own impl
//!   over `performance.now()`), then per frame: set the time;
//!   `while lp.has_work_now() { runner.run_slice(&mut lp, &mut host, budget) }` (stop early
//!   when the frame's time is used: the iteration resumes where it stopped); drain the
//!   trace; sleep until `lp.next_deadline()`. Instant speed: a `VirtualClock` and
//!   `run_slice` until `Finished` (the clock jumps inside `run_slice`). UI commands go in with `lp.inject(..)` and
//!   run between callbacks. `Runner` reports `Deadlocked` when tasks wait and nothing can
//!   wake them; `ready_queue()`, `timers()` and `resources()` feed the loop and resource panels.
//!
//! ## For the VM (implementing `Host`)
//! `resume` runs the Python coroutine until it awaits. `await fut` on a pending future:
//! return `Step::Await(fut)`; when resumed with `Send`, read `lp.future_result(host, fut)`;
//! with `Throw(e)`, raise `e` at the await. `await asyncio.sleep(1)` / `lock.acquire()` /
//! `q.get()`...: build the `Native` (`sleep(1.0, None)`, `lp.lock_acquire(id)`,
//! `lp.queue_get(id)`), keep it in the frame, and forward every resume input to
//! `native.resume(lp, self, task, input)` until it returns `Return`/`Raise`, returning its
//! `Await`/`Yield` as your own. `async with timeout/TaskGroup`: `timeout_enter/exit` are
//! plain calls; `task_group_exit` is a native coroutine whose `Return` means "not
//! suppressed" (re-raise the body's exception, if any). Call `lp.set_span(..)` before a
//! runtime call or an await so the trace points at the source.
//!
//! The instruction budget: when it runs out mid-step, `resume` returns `Step::Paused` (and
//! `call` returns `Progress::Paused`); the loop stays blocked in that task (shown Running,
//! traced `Paused`), `run_slice` returns, and the next slice resumes it with
//! `Resume::Continue` (or `continue_call`) before anything else, so pauses change neither
//! the order nor the iteration count. A native coroutine that runs host code (`wait_for`
//! on a coroutine) passes both through.

mod barrier;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub(crate) mod chunk_queue;
pub(crate) mod chunked;
mod clock;
mod condition;
mod event_loop;
mod future;
mod gather;
mod held;
mod host;
mod inspect;
mod lib_state;
mod native;
mod queue;
mod resources;
mod run;
mod shield;
mod slab;
mod sleep;
mod sync;
mod task;
mod task_group;
mod timeout;
mod timers;
mod trace;
mod wait;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use clock::{Clock, ManualClock, VirtualClock};
pub use event_loop::{Command, Loop};
pub use future::{CallbackName, FutId, FuturePeek};
pub use held::Visit;
pub use host::{ExcClass, Host, Progress, Report, Resume, RuntimeExc, Step};
pub use inspect::Scheduled;
pub use native::{await_future, Native};
pub use queue::{QueueInfo, QueueKind};
pub use resources::{FutureView, ResourceView};
pub use run::{run, Deadlock, RunStatus, Runner};
pub use sleep::sleep;
pub use task::{TaskCoro, TaskId};
pub use task_group::TaskGroupId;
pub use timeout::{wait_for, Awaitable, TimeoutId, TimeoutPhase};
pub use timers::Handle;
pub use trace::{
    CancelCause, CancelRequest, Outcome, Reason, ResourceId, Span, TaskState, TraceEvent,
    WaitTarget, Waitable,
};
pub use wait::{wait, AsCompletedId, ReturnWhen};
