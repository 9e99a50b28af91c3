//! Lock, Event, Semaphore, BoundedSemaphore, Condition: FIFO waiter futures, each object with
//! an id whose state and waiters can be inspected. Follows CPython `locks.py`.

use std::collections::VecDeque;

use super::future::FutKind;
use super::host::{ExcClass, Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::queue::QueueState;
use super::trace::{ResourceId, Waitable};
use super::{FutId, Loop, TaskId};

pub(crate) enum Resource<H: Host> {
    Lock(LockState),
    Event(EventState),
    Semaphore(SemState),
    Condition(CondState),
    Queue(QueueState<H>),
}

pub(crate) struct LockState {
    locked: bool,
    /// The task that last acquired it (asyncio locks have no owner; shown for diagnosis).
    holder: Option<TaskId>,
    waiters: VecDeque<FutId>,
}

pub(crate) struct EventState {
    value: bool,
    waiters: VecDeque<FutId>,
}

pub(crate) struct SemState {
    value: i64,
    /// BoundedSemaphore's `_bound_value`.
    bound: Option<i64>,
    waiters: VecDeque<FutId>,
}

pub(crate) struct CondState {
    lock: ResourceId,
    waiters: VecDeque<FutId>,
}

/// What the Resources panel shows for one object.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceView {
    pub id: ResourceId,
    pub kind: &'static str,
    /// Lock/Condition: locked; Event: set; Semaphore: value == 0; Queue: full.
    pub busy: bool,
    /// Semaphore value, or Queue size.
    pub value: i64,
    /// Lock: the task that last acquired it.
    pub holder: Option<TaskId>,
    /// Tasks blocked on it, in FIFO order.
    pub waiters: Vec<TaskId>,
}

impl<H: Host> Loop<H> {
    pub(crate) fn add_resource(&mut self, r: Resource<H>) -> ResourceId {
        self.lib.resources.push(r);
        ResourceId(self.lib.resources.len() as u32 - 1)
    }

    /// `asyncio.Lock()`.
    pub fn new_lock(&mut self) -> ResourceId {
        self.add_resource(Resource::Lock(LockState {
            locked: false,
            holder: None,
            waiters: VecDeque::new(),
        }))
    }

    /// `asyncio.Event()`.
    pub fn new_event(&mut self) -> ResourceId {
        self.add_resource(Resource::Event(EventState {
            value: false,
            waiters: VecDeque::new(),
        }))
    }

    /// `asyncio.Semaphore(value)` (`bounded`: `BoundedSemaphore`). ValueError if `value < 0`.
    pub fn new_semaphore(
        &mut self,
        host: &mut H,
        value: i64,
        bounded: bool,
    ) -> Result<ResourceId, H::Exc> {
        if value < 0 {
            return Err(host.new_exc(RuntimeExc::Value(
                "Semaphore initial value must be >= 0".into(),
            )));
        }
        let bound = bounded.then_some(value);
        Ok(self.add_resource(Resource::Semaphore(SemState {
            value,
            bound,
            waiters: VecDeque::new(),
        })))
    }

    /// `asyncio.Condition(lock)`: a new Lock when `lock` is None.
    pub fn new_condition(&mut self, lock: Option<ResourceId>) -> ResourceId {
        let lock = lock.unwrap_or_else(|| self.new_lock());
        self.add_resource(Resource::Condition(CondState {
            lock,
            waiters: VecDeque::new(),
        }))
    }

    fn lock_state(&mut self, id: ResourceId) -> Option<&mut LockState> {
        let id = match self.lib.resources.get(id.0 as usize)? {
            Resource::Condition(c) => c.lock,
            _ => id,
        };
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Lock(l) => Some(l),
            _ => None,
        }
    }

    /// `Lock.locked()` (also `Condition.locked()`).
    pub fn lock_locked(&mut self, id: ResourceId) -> bool {
        self.lock_state(id).is_some_and(|l| l.locked)
    }

    /// `Lock.acquire()` (also `Condition.acquire()`): the coroutine returning True once held.
    pub fn lock_acquire(&mut self, id: ResourceId) -> Native<H> {
        let id = match self.lib.resources.get(id.0 as usize) {
            Some(Resource::Condition(c)) => c.lock,
            _ => id,
        };
        Native::LockAcquire(LockAcquire {
            lock: id,
            waiting: None,
        })
    }

    /// `Lock.release()` (also `Condition.release()`): unlock and wake the first waiter.
    /// RuntimeError('Lock is not acquired.') if unlocked.
    pub fn lock_release(&mut self, host: &mut H, id: ResourceId) -> Result<(), H::Exc> {
        match self.lock_state(id) {
            Some(l) if l.locked => {
                l.locked = false;
                l.holder = None;
                self.lock_wake_up_first(host, id);
                Ok(())
            }
            _ => Err(host.new_exc(RuntimeExc::Runtime("Lock is not acquired.".into()))),
        }
    }

    /// `Lock._wake_up_first()`.
    fn lock_wake_up_first(&mut self, host: &mut H, id: ResourceId) {
        let Some(&first) = self.lock_state(id).and_then(|l| l.waiters.front()) else {
            return;
        };
        if !self.future_done(first) {
            let v = host.bool_value(true);
            let _ = self.set_result(host, first, v);
        }
    }

    /// `Event.is_set()`.
    pub fn event_is_set(&self, id: ResourceId) -> bool {
        matches!(self.lib.resources.get(id.0 as usize), Some(Resource::Event(e)) if e.value)
    }

    /// `Event.set()`: set the flag and wake every waiter.
    pub fn event_set(&mut self, host: &mut H, id: ResourceId) {
        let Some(Resource::Event(e)) = self.lib.resources.get_mut(id.0 as usize) else {
            return;
        };
        if e.value {
            return;
        }
        e.value = true;
        let waiters: Vec<FutId> = e.waiters.iter().copied().collect();
        for f in waiters {
            if !self.future_done(f) {
                let v = host.bool_value(true);
                let _ = self.set_result(host, f, v);
            }
        }
    }

    /// `Event.clear()`.
    pub fn event_clear(&mut self, id: ResourceId) {
        if let Some(Resource::Event(e)) = self.lib.resources.get_mut(id.0 as usize) {
            e.value = false;
        }
    }

    /// `Event.wait()`: the coroutine returning True once the flag is set.
    pub fn event_wait(&mut self, id: ResourceId) -> Native<H> {
        Native::EventWait(EventWait {
            event: id,
            role: Waitable::Event(id),
            waiting: None,
        })
    }

    pub(crate) fn event_wait_as(&mut self, id: ResourceId, role: Waitable) -> EventWait {
        EventWait {
            event: id,
            role,
            waiting: None,
        }
    }

    fn sem(&mut self, id: ResourceId) -> Option<&mut SemState> {
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Semaphore(s) => Some(s),
            _ => None,
        }
    }

    /// `Semaphore.locked()`: cannot be acquired immediately (value 0, or a live waiter ahead).
    pub fn semaphore_locked(&mut self, id: ResourceId) -> bool {
        let Some(s) = self.sem(id) else { return false };
        if s.value == 0 {
            return true;
        }
        let waiters: Vec<FutId> = s.waiters.iter().copied().collect();
        waiters.into_iter().any(|w| !self.future_cancelled(w))
    }

    /// `Semaphore.acquire()`: the coroutine returning True once a unit is taken.
    pub fn semaphore_acquire(&mut self, id: ResourceId) -> Native<H> {
        Native::SemaphoreAcquire(SemaphoreAcquire {
            sem: id,
            waiting: None,
        })
    }

    /// `Semaphore.release()`: add a unit and wake the next waiter. A BoundedSemaphore raises
    /// ValueError('BoundedSemaphore released too many times') past its initial value.
    pub fn semaphore_release(&mut self, host: &mut H, id: ResourceId) -> Result<(), H::Exc> {
        let Some(s) = self.sem(id) else { return Ok(()) };
        if s.bound.is_some_and(|b| s.value >= b) {
            return Err(host.new_exc(RuntimeExc::Value(
                "BoundedSemaphore released too many times".into(),
            )));
        }
        s.value += 1;
        self.sem_wake_up_next(host, id);
        Ok(())
    }

    /// `Semaphore._wake_up_next()`: wake the first waiter not done; false if none.
    fn sem_wake_up_next(&mut self, host: &mut H, id: ResourceId) -> bool {
        let Some(s) = self.sem(id) else { return false };
        let waiters: Vec<FutId> = s.waiters.iter().copied().collect();
        for f in waiters {
            if !self.future_done(f) {
                self.sem(id).expect("exists").value -= 1;
                let v = host.bool_value(true);
                let _ = self.set_result(host, f, v);
                return true;
            }
        }
        false
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

    /// Every Lock/Event/Semaphore/Condition/Queue with its state and the tasks waiting on it.
    pub fn resources(&self) -> Vec<ResourceView> {
        let waiting_task = |f: FutId| {
            (0..self.tasks.len() as u32)
                .map(TaskId)
                .find(|&t| self.tasks[t.0 as usize].fut_waiter == Some(f) && !self.future_done(f))
        };
        let tasks_of =
            |ws: &mut dyn Iterator<Item = FutId>| ws.filter_map(waiting_task).collect::<Vec<_>>();
        self.lib
            .resources
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let id = ResourceId(i as u32);
                let (kind, busy, value, holder, waiters) = match r {
                    Resource::Lock(l) => ("Lock", l.locked, 0, l.holder, tasks_of(&mut l.waiters.iter().copied())),
                    Resource::Event(e) => ("Event", e.value, 0, None, tasks_of(&mut e.waiters.iter().copied())),
                    Resource::Semaphore(s) => {
                        let kind = if s.bound.is_some() { "BoundedSemaphore" } else { "Semaphore" };
                        (kind, s.value == 0, s.value, None, tasks_of(&mut s.waiters.iter().copied()))
                    }
                    Resource::Condition(c) => {
                        let locked = matches!(self.lib.resources.get(c.lock.0 as usize), Some(Resource::Lock(l)) if l.locked);
                        ("Condition", locked, 0, None, tasks_of(&mut c.waiters.iter().copied()))
                    }
                    Resource::Queue(q) => {
                        let mut ws = q.getters().chain(q.putters());
                        (q.kind_name(), q.is_full(), q.len() as i64, None, tasks_of(&mut ws))
                    }
                };
                ResourceView { id, kind, busy, value, holder, waiters }
            })
            .collect()
    }

    /// Deadlock: tasks are alive, yet nothing is ready and no timer is pending, so nothing
    /// can ever wake them (CPython would block forever in `select`).
    pub fn is_deadlocked(&mut self) -> bool {
        !self.has_ready() && self.next_deadline().is_none() && !self.all_tasks().is_empty()
    }
}

/// The `Lock.acquire` coroutine.
pub struct LockAcquire {
    lock: ResourceId,
    waiting: Option<(FutId, bool)>,
}

impl LockAcquire {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.lock;
        let Some((fut, mut yielded)) = self.waiting.take() else {
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            let Some(l) = lp.lock_state(id) else {
                return Step::Raise(host.new_exc(RuntimeExc::Runtime("not a Lock".into())));
            };
            let waiters: Vec<FutId> = l.waiters.iter().copied().collect();
            let locked = l.locked;
            if !locked && waiters.iter().all(|&w| lp.future_cancelled(w)) {
                let l = lp.lock_state(id).expect("exists");
                l.locked = true;
                l.holder = Some(task);
                return Step::Return(host.bool_value(true));
            }
            let fut = lp.new_future(Waitable::Lock(id), FutKind::Plain);
            lp.lock_state(id).expect("exists").waiters.push_back(fut);
            self.waiting = Some((fut, true));
            return Step::Await(fut);
        };
        let r = wait_on(lp, host, fut, &mut yielded, input);
        if let Poll::Pending(step) = r {
            self.waiting = Some((fut, yielded));
            return step;
        }
        // `finally: self._waiters.remove(fut)`
        if let Some(l) = lp.lock_state(id) {
            if let Some(i) = l.waiters.iter().position(|&w| w == fut) {
                l.waiters.remove(i);
            }
        }
        lp.release_future(fut);
        match r {
            Poll::Ready(Err(e)) => {
                if host.classify(&e) == ExcClass::Cancelled && !lp.lock_locked(id) {
                    // Pass the wakeup on, or it would be lost.
                    lp.lock_wake_up_first(host, id);
                }
                Step::Raise(e)
            }
            _ => {
                let l = lp.lock_state(id).expect("exists");
                l.locked = true;
                l.holder = Some(task);
                Step::Return(host.bool_value(true))
            }
        }
    }
}

/// The `Event.wait` coroutine.
pub struct EventWait {
    event: ResourceId,
    role: Waitable,
    waiting: Option<(FutId, bool)>,
}

impl EventWait {
    fn waiters<H: Host>(lp: &mut Loop<H>, id: ResourceId) -> Option<&mut VecDeque<FutId>> {
        match lp.lib.resources.get_mut(id.0 as usize)? {
            Resource::Event(e) => Some(&mut e.waiters),
            _ => None,
        }
    }

    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.event;
        let Some((fut, mut yielded)) = self.waiting.take() else {
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            if lp.event_is_set(id) {
                return Step::Return(host.bool_value(true));
            }
            let fut = lp.new_future(self.role.clone(), FutKind::Plain);
            let Some(ws) = Self::waiters(lp, id) else {
                return Step::Raise(host.new_exc(RuntimeExc::Runtime("not an Event".into())));
            };
            ws.push_back(fut);
            self.waiting = Some((fut, true));
            return Step::Await(fut);
        };
        let r = wait_on(lp, host, fut, &mut yielded, input);
        if let Poll::Pending(step) = r {
            self.waiting = Some((fut, yielded));
            return step;
        }
        if let Some(ws) = Self::waiters(lp, id) {
            if let Some(i) = ws.iter().position(|&w| w == fut) {
                ws.remove(i);
            }
        }
        lp.release_future(fut);
        match r {
            Poll::Ready(Err(e)) => Step::Raise(e),
            _ => Step::Return(host.bool_value(true)),
        }
    }
}

/// The `Semaphore.acquire` coroutine.
pub struct SemaphoreAcquire {
    sem: ResourceId,
    waiting: Option<(FutId, bool)>,
}

impl SemaphoreAcquire {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.sem;
        let Some((fut, mut yielded)) = self.waiting.take() else {
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            if lp.sem(id).is_none() {
                return Step::Raise(host.new_exc(RuntimeExc::Runtime("not a Semaphore".into())));
            }
            if !lp.semaphore_locked(id) {
                lp.sem(id).expect("exists").value -= 1;
                return Step::Return(host.bool_value(true));
            }
            let fut = lp.new_future(Waitable::Semaphore(id), FutKind::Plain);
            lp.sem(id).expect("exists").waiters.push_back(fut);
            self.waiting = Some((fut, true));
            return Step::Await(fut);
        };
        let r = wait_on(lp, host, fut, &mut yielded, input);
        if let Poll::Pending(step) = r {
            self.waiting = Some((fut, yielded));
            return step;
        }
        let s = lp.sem(id).expect("exists");
        if let Some(i) = s.waiters.iter().position(|&w| w == fut) {
            s.waiters.remove(i);
        }
        if let Poll::Ready(Err(e)) = &r {
            // Woken (a unit was reserved for us) but cancelled before running: give it back.
            if host.classify(e) == ExcClass::Cancelled
                && lp.future_done(fut)
                && !lp.future_cancelled(fut)
            {
                lp.sem(id).expect("exists").value += 1;
            }
        }
        // `finally: while self._value > 0: if not self._wake_up_next(): break`
        while lp.sem(id).is_some_and(|s| s.value > 0) {
            if !lp.sem_wake_up_next(host, id) {
                break;
            }
        }
        lp.release_future(fut);
        match r {
            Poll::Ready(Err(e)) => Step::Raise(e),
            _ => Step::Return(host.bool_value(true)),
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
                step @ (Step::Await(_) | Step::Yield) => {
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
