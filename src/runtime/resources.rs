//! The Resources panel's view of every Lock/Event/Semaphore/Condition/Queue (state and
//! waiting tasks), and the deadlock check.

use super::barrier::{BarrierPhase, BarrierState};
use super::condition::CondState;
use super::host::Host;
use super::queue::QueueState;
use super::sync::{EventState, LockState, SemState};
use super::trace::ResourceId;
use super::{FutId, Loop, TaskId};

/// A Lock, Event, Semaphore, Condition or Queue owned by the loop (`ResourceId` = index).
pub(crate) enum Resource<H: Host> {
    Lock(LockState),
    Event(EventState),
    Semaphore(SemState),
    Condition(CondState),
    Queue(QueueState<H>),
    Barrier(BarrierState),
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
    /// Where the program created it (the constructor call), when known.
    pub created_at: Option<super::trace::Span>,
}

/// A `loop.create_future()` future that is still pending, for the Resources panel.
#[derive(Clone, Debug, PartialEq)]
pub struct FutureView {
    pub fut: FutId,
    /// Tasks awaiting it, in creation order.
    pub waiters: Vec<TaskId>,
    /// Where the program created it, when known.
    pub created_at: Option<super::trace::Span>,
}

impl<H: Host> Loop<H> {
    /// The program's own futures (`loop.create_future()`) still pending, oldest first.
    pub fn pending_futures(&self) -> Vec<FutureView> {
        let mut pending: Vec<FutureView> = (self.lib.user_futures.iter())
            .filter(|(f, _)| !self.future_done(*f))
            .map(|&(fut, created_at)| FutureView {
                fut,
                waiters: Vec::new(),
                created_at,
            })
            .collect();
        if pending.is_empty() {
            return pending;
        }
        // Who waits on which, in one pass over the tasks.
        let index: std::collections::HashMap<FutId, usize> = pending
            .iter()
            .enumerate()
            .map(|(i, v)| (v.fut, i))
            .collect();
        for (i, t) in self.tasks.iter().enumerate() {
            if let Some(&k) = t.fut_waiter.as_ref().and_then(|f| index.get(f)) {
                pending[k].waiters.push(TaskId(i as u32));
            }
        }
        pending
    }

    /// Where the program created future `f` with `loop.create_future()`, if it did.
    pub fn future_created_at(&self, f: FutId) -> Option<super::trace::Span> {
        self.lib
            .user_futures
            .iter()
            .find(|(g, _)| *g == f)
            .and_then(|(_, s)| *s)
    }

    /// Every Lock/Event/Semaphore/Condition/Queue with its state and the tasks waiting on it.
    pub fn resources(&self) -> Vec<ResourceView> {
        // Who waits on which future, in one pass over the tasks.
        let mut waiter_of = std::collections::HashMap::new();
        for (i, t) in self.tasks.iter().enumerate() {
            if let Some(f) = t.fut_waiter {
                waiter_of.insert(f, TaskId(i as u32));
            }
        }
        let waiting_task = |f: FutId| waiter_of.get(&f).copied().filter(|_| !self.future_done(f));
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
                    Resource::Barrier(b) => {
                        let waiting = match self.lib.resources.get(b.cond.0 as usize) {
                            Some(Resource::Condition(c)) => tasks_of(&mut c.waiters.iter().copied()),
                            _ => Vec::new(),
                        };
                        let n = if b.phase == BarrierPhase::Filling { b.count as i64 } else { 0 };
                        ("Barrier", b.phase == BarrierPhase::Broken, n, None, waiting)
                    }
                    Resource::Queue(q) => {
                        let mut ws = q.getters().chain(q.putters());
                        (q.kind_name(), q.is_full(), q.len() as i64, None, tasks_of(&mut ws))
                    }
                };
                let created_at = self.lib.resource_spans.get(i).copied().flatten();
                ResourceView { id, kind, busy, value, holder, waiters, created_at }
            })
            .collect()
    }

    /// Deadlock: tasks are alive, yet nothing is ready and no timer is pending, so nothing
    /// can ever wake them (CPython would block forever in `select`).
    pub fn is_deadlocked(&mut self) -> bool {
        !self.has_ready() && self.next_deadline().is_none() && !self.all_tasks().is_empty()
    }
}
