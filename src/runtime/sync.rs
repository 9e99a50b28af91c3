//! Lock, Event, Semaphore, BoundedSemaphore: FIFO waiter futures, each object with an id
//! (see `resources.rs`). Follows CPython `locks.py`.

use std::collections::VecDeque;

use super::future::FutKind;
use super::host::{ExcClass, Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::resources::Resource;
use super::trace::{ResourceId, Waitable};
use super::{FutId, Loop, TaskId};

pub(crate) struct LockState {
    pub(crate) locked: bool,
    /// The task that last acquired it (asyncio locks have no owner; shown for diagnosis).
    pub(crate) holder: Option<TaskId>,
    pub(crate) waiters: VecDeque<FutId>,
}

pub(crate) struct EventState {
    pub(crate) value: bool,
    pub(crate) waiters: VecDeque<FutId>,
}

pub(crate) struct SemState {
    pub(crate) value: i64,
    /// BoundedSemaphore's `_bound_value`.
    pub(crate) bound: Option<i64>,
    pub(crate) waiters: VecDeque<FutId>,
}

impl<H: Host> Loop<H> {
    pub(crate) fn add_resource(&mut self, r: Resource<H>) -> ResourceId {
        self.lib.resources.push(r);
        let span = self.span();
        self.lib.resource_spans.push(span);
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

    pub(crate) fn lock_state(&mut self, id: ResourceId) -> Option<&mut LockState> {
        let id = match self.lib.resources.get(id.0 as usize)? {
            Resource::Condition(c) => c.lock,
            _ => id,
        };
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Lock(l) => Some(l),
            _ => None,
        }
    }

    /// The bracketed state in CPython's `repr()` of a Lock, Event, Semaphore or Condition:
    /// `unlocked`, `set, waiters:2`, `unlocked, value:1`. None for other resources.
    pub fn sync_repr_state(&mut self, id: ResourceId) -> Option<String> {
        let (text, waiters): (String, Vec<FutId>) = match self.lib.resources.get(id.0 as usize)? {
            Resource::Lock(l) => (
                if l.locked { "locked" } else { "unlocked" }.into(),
                l.waiters.iter().copied().collect(),
            ),
            Resource::Event(e) => (
                if e.value { "set" } else { "unset" }.into(),
                e.waiters.iter().copied().collect(),
            ),
            Resource::Semaphore(s) => (
                format!("unlocked, value:{}", s.value),
                s.waiters.iter().copied().collect(),
            ),
            Resource::Condition(c) => (String::new(), c.waiters.iter().copied().collect()),
            _ => return None,
        };
        let kind = match self.lib.resources.get(id.0 as usize)? {
            Resource::Semaphore(_) => 1,
            Resource::Condition(_) => 2,
            _ => 0,
        };
        let text = match kind {
            1 if self.semaphore_locked(id) => "locked".to_string(),
            2 if self.lock_locked(id) => "locked".to_string(),
            2 => "unlocked".to_string(),
            _ => text,
        };
        let n = waiters
            .into_iter()
            .filter(|f| !self.future_done(*f))
            .count();
        Some(if n > 0 {
            format!("{text}, waiters:{n}")
        } else {
            text
        })
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
    pub(crate) fn lock_wake_up_first(&mut self, host: &mut H, id: ResourceId) {
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
}

/// The `Lock.acquire` coroutine.
pub struct LockAcquire {
    pub(crate) lock: ResourceId,
    pub(crate) waiting: Option<(FutId, bool)>,
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
