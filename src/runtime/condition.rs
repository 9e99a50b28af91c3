//! `asyncio.Condition`: a Lock plus FIFO notify waiters; `wait()` releases the lock, waits
//! for a notify and re-acquires it even through cancellations. Follows CPython `locks.py`.

use std::collections::VecDeque;

use super::future::FutKind;
use super::host::{ExcClass, Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::resources::Resource;
use super::sync::LockAcquire;
use super::trace::{ResourceId, Waitable};
use super::{FutId, Loop, TaskId};

pub(crate) struct CondState {
    pub(crate) lock: ResourceId,
    pub(crate) waiters: VecDeque<FutId>,
}

impl<H: Host> Loop<H> {
    /// `asyncio.Condition(lock)`: a new Lock when `lock` is None.
    pub fn new_condition(&mut self, lock: Option<ResourceId>) -> ResourceId {
        let lock = lock.unwrap_or_else(|| self.new_lock());
        self.add_resource(Resource::Condition(CondState {
            lock,
            waiters: VecDeque::new(),
        }))
    }

    fn cond(&mut self, id: ResourceId) -> Option<&mut CondState> {
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Condition(c) => Some(c),
            _ => None,
        }
    }

    /// `Condition.wait()`: release the lock, wait for a notify, re-acquire; returns True.
    /// RuntimeError('cannot wait on un-acquired lock') if the lock is not held.
    pub fn condition_wait(&mut self, id: ResourceId) -> Native<H> {
        Native::ConditionWait(Box::new(ConditionWait {
            cond: id,
            state: CondWaitState::Start,
        }))
    }

    /// `Condition.notify(n)`: wake up to `n` waiters. RuntimeError('cannot notify on
    /// un-acquired lock') if the lock is not held.
    pub fn condition_notify(
        &mut self,
        host: &mut H,
        id: ResourceId,
        n: usize,
    ) -> Result<(), H::Exc> {
        if !self.lock_locked(id) {
            return Err(host.new_exc(RuntimeExc::Runtime(
                "cannot notify on un-acquired lock".into(),
            )));
        }
        self.cond_notify(host, id, n);
        Ok(())
    }

    /// `Condition.notify_all()`.
    pub fn condition_notify_all(&mut self, host: &mut H, id: ResourceId) -> Result<(), H::Exc> {
        let n = self.cond(id).map_or(0, |c| c.waiters.len());
        self.condition_notify(host, id, n)
    }

    /// `Condition._notify(n)`.
    fn cond_notify(&mut self, host: &mut H, id: ResourceId, n: usize) {
        let Some(c) = self.cond(id) else { return };
        let waiters: Vec<FutId> = c.waiters.iter().copied().collect();
        let mut idx = 0;
        for f in waiters {
            if idx >= n {
                break;
            }
            if !self.future_done(f) {
                idx += 1;
                let v = host.bool_value(false);
                let _ = self.set_result(host, f, v);
            }
        }
    }
}

/// The `Condition.wait` coroutine.
pub struct ConditionWait<H: Host> {
    cond: ResourceId,
    state: CondWaitState<H>,
}

enum CondWaitState<H: Host> {
    Start,
    /// Waiting for a notify.
    Notify {
        fut: FutId,
        yielded: bool,
    },
    /// The `finally:` re-acquiring the lock: `outcome` of the wait so far, `err` the latest
    /// CancelledError received while re-acquiring.
    Reacquire {
        acquire: LockAcquire,
        outcome: Result<(), H::Exc>,
        err: Option<H::Exc>,
    },
    Done,
}

impl<H: Host> ConditionWait<H> {
    pub(crate) fn resume(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.cond;
        match std::mem::replace(&mut self.state, CondWaitState::Done) {
            CondWaitState::Start => {
                if let Resume::Throw(e) = input {
                    return Step::Raise(e);
                }
                if !lp.lock_locked(id) {
                    return Step::Raise(host.new_exc(RuntimeExc::Runtime(
                        "cannot wait on un-acquired lock".into(),
                    )));
                }
                let fut = lp.new_future(Waitable::Condition(id), FutKind::Plain);
                let _ = lp.lock_release(host, id);
                if let Some(c) = lp.cond(id) {
                    c.waiters.push_back(fut);
                }
                self.state = CondWaitState::Notify { fut, yielded: true };
                Step::Await(fut)
            }
            CondWaitState::Notify { fut, mut yielded } => {
                let r = wait_on(lp, host, fut, &mut yielded, input);
                if let Poll::Pending(step) = r {
                    self.state = CondWaitState::Notify { fut, yielded };
                    return step;
                }
                if let Some(c) = lp.cond(id) {
                    if let Some(i) = c.waiters.iter().position(|&w| w == fut) {
                        c.waiters.remove(i);
                    }
                }
                lp.release_future(fut);
                let outcome = match r {
                    Poll::Ready(Err(e)) => Err(e),
                    _ => Ok(()),
                };
                let lock = match lp.lib.resources.get(id.0 as usize) {
                    Some(Resource::Condition(c)) => c.lock,
                    _ => id,
                };
                let acquire = LockAcquire {
                    lock,
                    waiting: None,
                };
                self.state = CondWaitState::Reacquire {
                    acquire,
                    outcome,
                    err: None,
                };
                self.reacquire(lp, host, task, Resume::Send)
            }
            state @ CondWaitState::Reacquire { .. } => {
                self.state = state;
                self.reacquire(lp, host, task, input)
            }
            CondWaitState::Done => Step::Raise(host.new_exc(RuntimeExc::Runtime(
                "cannot reuse already awaited coroutine".into(),
            ))),
        }
    }

    /// The `finally:` block: re-acquire the lock, retrying through cancellations and
    /// re-raising the latest one; on any exception, `_notify(1)` passes the wakeup on.
    fn reacquire(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let CondWaitState::Reacquire {
            mut acquire,
            outcome,
            mut err,
        } = std::mem::replace(&mut self.state, CondWaitState::Done)
        else {
            return Step::Raise(
                host.new_exc(RuntimeExc::Runtime("Condition.wait in a bad state".into())),
            );
        };
        let mut input = input;
        let fin = loop {
            match acquire.resume(lp, host, task, input) {
                step @ (Step::Await(_) | Step::Yield | Step::Paused) => {
                    self.state = CondWaitState::Reacquire {
                        acquire,
                        outcome,
                        err,
                    };
                    return step;
                }
                Step::Return(_) => break err.map_or(outcome, Err),
                Step::Raise(e) if host.classify(&e) == ExcClass::Cancelled => {
                    err = Some(e);
                    acquire = LockAcquire {
                        lock: acquire.lock,
                        waiting: None,
                    };
                    input = Resume::Send;
                }
                Step::Raise(e) => break Err(e),
            }
        };
        match fin {
            Ok(()) => Step::Return(host.bool_value(true)),
            Err(e) => {
                lp.cond_notify(host, self.cond, 1);
                Step::Raise(e)
            }
        }
    }
}
