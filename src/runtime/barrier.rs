//! `asyncio.Barrier(parties)`: tasks wait until `parties` of them arrived, then all pass; built
//! on a Condition, with abort/reset. Follows CPython `locks.py` `class Barrier`.

use super::condition::ConditionWait;
use super::host::{Host, Resume, RuntimeExc, Step};
use super::native::Native;
use super::resources::Resource;
use super::sync::LockAcquire;
use super::trace::ResourceId;
use super::{Loop, TaskId};

/// `_BarrierState`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BarrierPhase {
    Filling,
    Draining,
    Resetting,
    Broken,
}

pub(crate) struct BarrierState {
    /// `self._cond`, notified on every state change.
    pub(crate) cond: ResourceId,
    parties: usize,
    pub(crate) phase: BarrierPhase,
    /// `self._count`: tasks inside `wait()` past `_block()`.
    pub(crate) count: usize,
}

impl<H: Host> Loop<H> {
    /// `asyncio.Barrier(parties)`. ValueError('parties must be >= 1').
    pub fn new_barrier(&mut self, host: &mut H, parties: i64) -> Result<ResourceId, H::Exc> {
        if parties < 1 {
            return Err(host.new_exc(RuntimeExc::Value("parties must be >= 1".into())));
        }
        let cond = self.new_condition(None);
        let st = BarrierState {
            cond,
            parties: parties as usize,
            phase: BarrierPhase::Filling,
            count: 0,
        };
        Ok(self.add_resource(Resource::Barrier(st)))
    }

    pub(crate) fn barrier(&mut self, id: ResourceId) -> Option<&mut BarrierState> {
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Barrier(b) => Some(b),
            _ => None,
        }
    }

    /// `Barrier.parties`.
    pub fn barrier_parties(&mut self, id: ResourceId) -> usize {
        self.barrier(id).map_or(0, |b| b.parties)
    }

    /// `Barrier.n_waiting`: tasks waiting while it fills (0 while draining or reset).
    pub fn barrier_n_waiting(&mut self, id: ResourceId) -> usize {
        self.barrier(id).map_or(0, |b| {
            if b.phase == BarrierPhase::Filling {
                b.count
            } else {
                0
            }
        })
    }

    /// `Barrier._state.value` (`filling`, `draining`, `resetting`, `broken`), for its repr.
    pub fn barrier_state_name(&mut self, id: ResourceId) -> &'static str {
        match self.barrier(id).map(|b| b.phase) {
            Some(BarrierPhase::Draining) => "draining",
            Some(BarrierPhase::Resetting) => "resetting",
            Some(BarrierPhase::Broken) => "broken",
            _ => "filling",
        }
    }

    /// `Barrier.broken`.
    pub fn barrier_broken(&mut self, id: ResourceId) -> bool {
        self.barrier(id)
            .is_some_and(|b| b.phase == BarrierPhase::Broken)
    }

    /// `Barrier.wait()`: returns this task's arrival index (0..parties-1) once all arrived.
    /// BrokenBarrierError if the barrier is aborted or reset meanwhile.
    pub fn barrier_wait(&mut self, id: ResourceId) -> Native<H> {
        Native::BarrierWait(Box::new(BarrierWait {
            barrier: id,
            index: 0,
            state: WaitState::Start,
        }))
    }

    /// `Barrier.reset()`: back to empty; tasks waiting get BrokenBarrierError.
    pub fn barrier_reset(&mut self, id: ResourceId) -> Native<H> {
        Native::BarrierOp(BarrierOp {
            barrier: id,
            abort: false,
            acquire: None,
        })
    }

    /// `Barrier.abort()`: broken; waiting and future `wait()`s raise BrokenBarrierError.
    pub fn barrier_abort(&mut self, id: ResourceId) -> Native<H> {
        Native::BarrierOp(BarrierOp {
            barrier: id,
            abort: true,
            acquire: None,
        })
    }

    /// `Condition.notify_all()` with the lock held (cannot fail here).
    fn barrier_notify_all(&mut self, host: &mut H, cond: ResourceId) {
        let _ = self.condition_notify_all(host, cond);
    }

    /// `Barrier._exit()`: the last one out refills a draining/resetting barrier.
    fn barrier_exit(&mut self, host: &mut H, id: ResourceId) {
        let Some(b) = self.barrier(id) else { return };
        if b.count == 0 {
            if matches!(b.phase, BarrierPhase::Resetting | BarrierPhase::Draining) {
                b.phase = BarrierPhase::Filling;
            }
            let cond = b.cond;
            self.barrier_notify_all(host, cond);
        }
    }

    fn broken_barrier(host: &mut H, msg: &str) -> H::Exc {
        host.new_exc(RuntimeExc::BrokenBarrier(msg.into()))
    }
}

/// The `Barrier.wait` coroutine.
pub struct BarrierWait<H: Host> {
    barrier: ResourceId,
    index: usize,
    state: WaitState<H>,
}

enum WaitState<H: Host> {
    Start,
    /// `async with self._cond:` acquiring the lock.
    Acquire(LockAcquire),
    /// `_block()`: waiting while the barrier drains or resets.
    Block(Box<ConditionWait<H>>),
    /// `_wait()`: waiting while it fills.
    Wait(Box<ConditionWait<H>>),
    Done,
}

impl<H: Host> BarrierWait<H> {
    pub(crate) fn resume(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.barrier;
        let Some(cond) = lp.barrier(id).map(|b| b.cond) else {
            return Step::Raise(host.new_exc(RuntimeExc::Runtime("not a Barrier".into())));
        };
        let mut input = input;
        loop {
            match std::mem::replace(&mut self.state, WaitState::Done) {
                WaitState::Start => {
                    if let Resume::Throw(e) = input {
                        return Step::Raise(e);
                    }
                    let Native::LockAcquire(acq) = lp.lock_acquire(cond) else {
                        unreachable!()
                    };
                    self.state = WaitState::Acquire(acq);
                    input = Resume::Send;
                }
                WaitState::Acquire(mut acq) => match acq.resume(lp, host, task, input) {
                    step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                        self.state = WaitState::Acquire(acq);
                        return step;
                    }
                    Step::Raise(e) => return Step::Raise(e),
                    Step::Return(_) => {
                        if let Some(step) = self.block_check(lp, host, cond) {
                            return step;
                        }
                        input = Resume::Send;
                    }
                },
                WaitState::Block(mut cw) => match cw.resume(lp, host, task, input) {
                    step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                        self.state = WaitState::Block(cw);
                        return step;
                    }
                    Step::Raise(e) => return self.release(lp, host, cond, Err(e)),
                    Step::Return(_) => {
                        if let Some(step) = self.block_check(lp, host, cond) {
                            return step;
                        }
                        input = Resume::Send;
                    }
                },
                WaitState::Wait(mut cw) => match cw.resume(lp, host, task, input) {
                    step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                        self.state = WaitState::Wait(cw);
                        return step;
                    }
                    Step::Raise(e) => return self.finish(lp, host, cond, Err(e)),
                    Step::Return(_) => {
                        if let Some(step) = self.wait_check(lp, host, cond) {
                            return step;
                        }
                        input = Resume::Send;
                    }
                },
                WaitState::Done => {
                    return Step::Raise(host.new_exc(RuntimeExc::Runtime(
                        "cannot reuse already awaited coroutine".into(),
                    )))
                }
            }
        }
    }

    /// `_block()`'s predicate, then entering: `Some(step)` to return, None to keep waiting.
    fn block_check(&mut self, lp: &mut Loop<H>, host: &mut H, cond: ResourceId) -> Option<Step<H>> {
        let id = self.barrier;
        let b = lp.barrier(id)?;
        match b.phase {
            BarrierPhase::Draining | BarrierPhase::Resetting => {
                let Native::ConditionWait(cw) = lp.condition_wait(cond) else {
                    unreachable!()
                };
                self.state = WaitState::Block(cw);
                return None;
            }
            BarrierPhase::Broken => {
                let e = Loop::<H>::broken_barrier(host, "Barrier aborted");
                return Some(self.release(lp, host, cond, Err(e)));
            }
            BarrierPhase::Filling => {}
        }
        self.index = b.count;
        b.count += 1;
        if self.index + 1 == b.parties {
            // `_release()`: everyone may pass.
            b.phase = BarrierPhase::Draining;
            lp.barrier_notify_all(host, cond);
            return Some(self.finish(lp, host, cond, Ok(())));
        }
        self.wait_check(lp, host, cond)
    }

    /// `_wait()`'s predicate: `Some(step)` to return, None to keep waiting.
    fn wait_check(&mut self, lp: &mut Loop<H>, host: &mut H, cond: ResourceId) -> Option<Step<H>> {
        let phase = lp.barrier(self.barrier)?.phase;
        match phase {
            BarrierPhase::Filling => {
                let Native::ConditionWait(cw) = lp.condition_wait(cond) else {
                    unreachable!()
                };
                self.state = WaitState::Wait(cw);
                None
            }
            BarrierPhase::Broken | BarrierPhase::Resetting => {
                let e = Loop::<H>::broken_barrier(host, "Abort or reset of barrier");
                Some(self.finish(lp, host, cond, Err(e)))
            }
            BarrierPhase::Draining => Some(self.finish(lp, host, cond, Ok(()))),
        }
    }

    /// The `try`'s `finally: self._count -= 1; self._exit()`, then leaving `async with`.
    fn finish(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        cond: ResourceId,
        r: Result<(), H::Exc>,
    ) -> Step<H> {
        if let Some(b) = lp.barrier(self.barrier) {
            b.count = b.count.saturating_sub(1);
        }
        lp.barrier_exit(host, self.barrier);
        self.release(lp, host, cond, r)
    }

    /// `__aexit__` of `async with self._cond`: release the lock; return the index or raise.
    fn release(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        cond: ResourceId,
        r: Result<(), H::Exc>,
    ) -> Step<H> {
        self.state = WaitState::Done;
        let released = lp.lock_release(host, cond);
        match (r, released) {
            (Err(e), _) | (Ok(()), Err(e)) => Step::Raise(e),
            (Ok(()), Ok(())) => Step::Return(host.int_value(self.index as i64)),
        }
    }
}

/// The `Barrier.reset()` / `Barrier.abort()` coroutines.
pub struct BarrierOp {
    barrier: ResourceId,
    abort: bool,
    acquire: Option<LockAcquire>,
}

impl BarrierOp {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let Some(cond) = lp.barrier(self.barrier).map(|b| b.cond) else {
            return Step::Raise(host.new_exc(RuntimeExc::Runtime("not a Barrier".into())));
        };
        let mut acq = match self.acquire.take() {
            Some(a) => a,
            None => {
                if let Resume::Throw(e) = input {
                    return Step::Raise(e);
                }
                let Native::LockAcquire(a) = lp.lock_acquire(cond) else {
                    unreachable!()
                };
                a
            }
        };
        match acq.resume(lp, host, task, input) {
            step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                self.acquire = Some(acq);
                return step;
            }
            Step::Raise(e) => return Step::Raise(e),
            Step::Return(_) => {}
        }
        let b = lp.barrier(self.barrier).expect("checked above");
        b.phase = if self.abort {
            BarrierPhase::Broken
        } else if b.count > 0 {
            BarrierPhase::Resetting
        } else {
            BarrierPhase::Filling
        };
        lp.barrier_notify_all(host, cond);
        match lp.lock_release(host, cond) {
            Ok(()) => Step::Return(host.none()),
            Err(e) => Step::Raise(e),
        }
    }
}
