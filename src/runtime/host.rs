//! What the runtime needs from whoever runs the coroutines (the Python VM, or the scripted
//! test host): the `Host` trait and the values that cross the boundary.

use std::rc::Rc;

use super::{FutId, Loop, TaskId};

/// The program side of the runtime. The VM implements it; `testing.rs` implements it with
/// scripted coroutines. The loop never owns the host: `lp.run_once(&mut host)` lends it, so
/// `resume` can get `&mut Loop` without a double borrow.
pub trait Host: Sized {
    /// A Python object (results, callback arguments, queue items).
    type Value: Clone;
    /// A Python exception instance.
    type Exc: Clone;
    /// A coroutine object the host knows how to run (a VM frame stack).
    type Coro;
    /// A Python callable the loop calls back (`call_soon(fn)`, `add_done_callback(fn)`);
    /// equality is Python's `==`, used by `remove_done_callback`.
    type Callback: Clone + PartialEq;

    /// One `coro.send(None)` / `coro.throw(exc)` of a task's coroutine (CPython `Task.__step`
    /// calls exactly this). The coroutine answers with the future it blocks on (only when
    /// that future is pending, as `Future.__await__` does), a bare yield, or its outcome.
    fn resume(
        &mut self,
        lp: &mut Loop<Self>,
        task: TaskId,
        coro: &mut Self::Coro,
        input: Resume<Self>,
    ) -> Step<Self>;

    /// Calls a Python callback scheduled with `call_soon`/`call_at` (`fut` is `None`) or
    /// registered with `add_done_callback` (`fut` is the completed future). An exception it
    /// raises is the host's to report (CPython logs "Exception in callback ...").
    /// `Progress::Paused`: the instruction budget ran out inside the callback; the loop stays
    /// blocked in it and calls `continue_call` on the next slice.
    fn call(&mut self, lp: &mut Loop<Self>, cb: Self::Callback, fut: Option<FutId>) -> Progress;

    /// Continues the callback that returned `Progress::Paused`.
    fn continue_call(&mut self, _lp: &mut Loop<Self>) -> Progress {
        Progress::Done
    }

    /// Builds the Python exception the runtime raises (`InvalidStateError`, `TimeoutError`, ...).
    fn new_exc(&mut self, kind: RuntimeExc<Self>) -> Self::Exc;

    /// Which of the runtime's three exception families `e` belongs to.
    fn classify(&self, e: &Self::Exc) -> ExcClass;

    /// `None`.
    fn none(&mut self) -> Self::Value;
    /// `True` / `False`.
    fn bool_value(&mut self, b: bool) -> Self::Value;
    /// An `int` (Barrier.wait's index).
    fn int_value(&mut self, i: i64) -> Self::Value;
    /// A `list` (gather's results).
    fn list(&mut self, items: Vec<Self::Value>) -> Self::Value;
    /// An exception as a value (gather with `return_exceptions=True`).
    fn exc_value(&mut self, e: Self::Exc) -> Self::Value;
    /// A future or task as a Python object (as_completed, wait).
    fn future_value(&mut self, fut: FutId) -> Self::Value;
    /// `asyncio.wait`'s `(done, pending)` tuple of two sets.
    fn wait_result(&mut self, done: Vec<FutId>, pending: Vec<FutId>) -> Self::Value {
        let mut items: Vec<Self::Value> = Vec::with_capacity(2);
        for side in [done, pending] {
            let vals = side.into_iter().map(|f| self.future_value(f)).collect();
            items.push(self.list(vals));
        }
        self.list(items)
    }

    /// CPython's `loop.call_exception_handler(context)`: "exception never retrieved",
    /// "unhandled exception during asyncio.run() shutdown", ... Default: ignore.
    fn report(&mut self, _lp: &Loop<Self>, _report: Report<Self>) {}

    /// `repr(task)` for the runtime's messages ("Task cannot await on itself: <repr>").
    /// Default: `<Task pending name='...'>`.
    fn task_repr(&self, lp: &Loop<Self>, task: TaskId) -> String {
        format!(
            "<Task pending name='{}'>",
            lp.task_name(task).unwrap_or_default()
        )
    }

    /// `a < b`, for PriorityQueue's heap (CPython `heapq`); may raise. Default: a TypeError.
    fn less_than(&mut self, _a: &Self::Value, _b: &Self::Value) -> Result<bool, Self::Exc> {
        Err(self.new_exc(RuntimeExc::Type(
            "'<' not supported between these values".into(),
        )))
    }

    /// `loop.shutdown_asyncgens()` at the end of `asyncio.run`: start closing the host's
    /// suspended async generators; the runner awaits the returned futures (gathered, their
    /// exceptions ignored). Default: there are none.
    fn shutdown_asyncgens(&mut self, _lp: &mut Loop<Self>) -> Vec<FutId> {
        Vec::new()
    }

    /// `Timeout._insert_timeout_error(exc)`: chain a `TimeoutError` into `exc.__context__`
    /// where a `CancelledError` sits. Default: do nothing (the host owns exception chains).
    fn insert_timeout_error(&mut self, _exc: &Self::Exc) {}
}

/// What `__step` sends into a coroutine: `send(None)` or `throw(exc)`; or `Continue` for a
/// coroutine that answered `Step::Paused` (go on where the budget stopped you).
pub enum Resume<H: Host> {
    Send,
    Throw(H::Exc),
    Continue,
}

/// Whether a host callback finished or paused on its instruction budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Done,
    Paused,
}

/// What a coroutine answers to one resume.
pub enum Step<H: Host> {
    /// Blocked on this pending future (`yield fut` from `Future.__await__`).
    Await(FutId),
    /// A bare `yield` (`asyncio.sleep(0)`): run again next iteration.
    Yield,
    /// `StopIteration(value)`: the coroutine returned.
    Return(H::Value),
    /// The coroutine raised.
    Raise(H::Exc),
    /// The host's instruction budget ran out mid-step: the step is not over. The loop stays
    /// (semantically) blocked in this task, returns from `run_slice`, and on the next slice
    /// resumes it with `Resume::Continue` before anything else.
    Paused,
}

/// How `Task.__step` treats an exception (its three `except` clauses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcClass {
    /// `asyncio.CancelledError`.
    Cancelled,
    /// Everything else `__step` stores with `set_exception` (any `Exception`, and
    /// `BaseException`s other than the two below).
    Exception,
    /// `SystemExit` / `KeyboardInterrupt`: stored, then re-raised out of the loop.
    ExitOrInterrupt,
}

/// The exceptions the runtime itself raises, with CPython's messages.
pub enum RuntimeExc<H: Host> {
    /// `CancelledError(msg)` (no args when `msg` is `None`).
    Cancelled { msg: Option<Rc<str>> },
    /// `asyncio.InvalidStateError(msg)`.
    InvalidState(String),
    /// `RuntimeError(msg)`.
    Runtime(String),
    /// `ValueError(msg)`.
    Value(String),
    /// `TypeError(msg)`.
    Type(String),
    /// `TimeoutError()`, raised `from cause` when there is one.
    Timeout { cause: Option<H::Exc> },
    /// `asyncio.QueueEmpty()`.
    QueueEmpty,
    /// `asyncio.QueueFull()`.
    QueueFull,
    /// `asyncio.QueueShutDown()`.
    QueueShutDown,
    /// `asyncio.BrokenBarrierError(msg)`.
    BrokenBarrier(String),
    /// `BaseExceptionGroup(msg, excs) from None` (which Python turns into an
    /// `ExceptionGroup` when every member is an `Exception`).
    Group {
        msg: &'static str,
        excs: Vec<H::Exc>,
    },
}

/// A message for `loop.call_exception_handler`. Where CPython's message embeds a repr, the
/// host completes it: "exception in shielded future" is prefixed with the exception's class
/// name; "has errored out but its parent task is already completed" with `Task <repr>`.
/// "unhandled exception during asyncio.run() shutdown" is complete as is.
pub struct Report<H: Host> {
    pub message: String,
    pub exc: Option<H::Exc>,
    pub task: Option<TaskId>,
    pub fut: Option<FutId>,
}
