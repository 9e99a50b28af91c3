//! Native coroutines: the library's `async def`s (sleep, Lock.acquire, Queue.get, wait_for,
//! TaskGroup.__aexit__, ...) as Rust state machines. A task can run one directly, and the VM
//! delegates `await lock.acquire()` to one inside the same task, like `yield from`.

use super::barrier::{BarrierOp, BarrierWait};
use super::condition::ConditionWait;
use super::host::{Host, Resume, Step};
use super::queue::{QueueGet, QueueJoin, QueuePut};
use super::sleep::Sleep;
use super::sync::{EventWait, LockAcquire, SemaphoreAcquire};
use super::task_group::TaskGroupExit;
use super::timeout::WaitFor;
use super::wait::{AsCompletedNext, Wait};
use super::{FutId, Loop, TaskId};

/// A library coroutine. Drive it with `resume` exactly as a task drives a coroutine: the
/// first call with `Resume::Send`, then with whatever `__step` delivers after each `Await`.
/// Every task awaiting one holds it inline, so the big and rare ones are boxed (the enum is
/// `Sleep`'s size; 100,000 sleeping tasks, docs/performance.md).
pub enum Native<H: Host> {
    Sleep(Sleep<H>),
    AwaitFuture(AwaitFuture),
    WaitFor(Box<WaitFor<H>>),
    Wait(Box<Wait>),
    AsCompletedNext(AsCompletedNext),
    TaskGroupExit(Box<TaskGroupExit<H>>),
    LockAcquire(LockAcquire),
    SemaphoreAcquire(SemaphoreAcquire),
    EventWait(EventWait),
    ConditionWait(Box<ConditionWait<H>>),
    QueueGet(QueueGet),
    QueuePut(QueuePut<H>),
    QueueJoin(Box<QueueJoin>),
    BarrierWait(Box<BarrierWait<H>>),
    BarrierOp(BarrierOp),
}

impl<H: Host> Native<H> {
    /// One `send(None)`/`throw(exc)`; see `Host::resume` for the answer's meaning.
    pub fn resume(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        match self {
            Native::Sleep(c) => c.resume(lp, host, input),
            Native::AwaitFuture(c) => c.resume(lp, host, input),
            Native::WaitFor(c) => c.resume(lp, host, task, input),
            Native::Wait(c) => c.resume(lp, host, input),
            Native::AsCompletedNext(c) => c.resume(lp, host, task, input),
            Native::TaskGroupExit(c) => c.resume(lp, host, input),
            Native::LockAcquire(c) => c.resume(lp, host, task, input),
            Native::SemaphoreAcquire(c) => c.resume(lp, host, input),
            Native::EventWait(c) => c.resume(lp, host, input),
            Native::ConditionWait(c) => c.resume(lp, host, task, input),
            Native::QueueGet(c) => c.resume(lp, host, task, input),
            Native::QueuePut(c) => c.resume(lp, host, input),
            Native::QueueJoin(c) => c.resume(lp, host, input),
            Native::BarrierWait(c) => c.resume(lp, host, task, input),
            Native::BarrierOp(c) => c.resume(lp, host, task, input),
        }
    }
}

/// `await fut` (`Future.__await__`): yield it while pending, then return its result or raise.
pub struct AwaitFuture {
    fut: FutId,
    yielded: bool,
}

/// A coroutine awaiting `fut` (`await fut`).
pub fn await_future<H: Host>(fut: FutId) -> Native<H> {
    Native::AwaitFuture(AwaitFuture {
        fut,
        yielded: false,
    })
}

impl AwaitFuture {
    fn resume<H: Host>(&mut self, lp: &mut Loop<H>, host: &mut H, input: Resume<H>) -> Step<H> {
        match wait_on(lp, host, self.fut, &mut self.yielded, input) {
            Poll::Pending(step) => step,
            Poll::Ready(Ok(v)) => Step::Return(v),
            Poll::Ready(Err(e)) => Step::Raise(e),
        }
    }
}

pub(crate) enum Poll<H: Host> {
    Pending(Step<H>),
    Ready(Result<H::Value, H::Exc>),
}

/// The body of `Future.__await__` for a native coroutine suspended (or about to suspend) on
/// `fut`: a throw ends the await with that exception; else the result once done.
pub(crate) fn wait_on<H: Host>(
    lp: &mut Loop<H>,
    host: &mut H,
    fut: FutId,
    yielded: &mut bool,
    input: Resume<H>,
) -> Poll<H> {
    if let Resume::Throw(e) = input {
        return Poll::Ready(Err(e));
    }
    if !*yielded && !lp.future_done(fut) {
        *yielded = true;
        return Poll::Pending(Step::Await(fut));
    }
    Poll::Ready(lp.future_result(host, fut))
}
