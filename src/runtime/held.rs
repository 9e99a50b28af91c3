//! Everything the loop holds of the program's own objects (results, exceptions, queue
//! items, callbacks, task coroutines, library coroutines' values), for a reachability
//! check such as "nothing but the waiting task can reach this Queue" (`lang::vm::reach`).
//! A state this walk cannot see into is reported as `opaque`, so a check can give up
//! instead of concluding wrongly.

use super::event_loop::{Callback, PausedWork, Ready};
use super::future::{Callbacks, FutState};
use super::native::Native;
use super::resources::Resource;
use super::task::TaskCoro;
use super::timeout::Awaitable;
use super::{Host, Loop, ResourceId, TaskId};

/// What a walk over the loop's objects is shown.
pub trait Visit<H: Host> {
    fn value(&mut self, v: &H::Value);
    fn exc(&mut self, e: &H::Exc);
    fn callback(&mut self, c: &H::Callback);
    fn coro(&mut self, c: &H::Coro);
    /// Something holds objects the walk cannot list.
    fn opaque(&mut self);
}

impl<H: Host> Loop<H> {
    /// Shows `v` every object the loop holds, except what task `skip`'s own coroutine
    /// holds (its frames and the library coroutine it is suspended in).
    pub fn visit_held(&self, skip: TaskId, v: &mut dyn Visit<H>) {
        // Tasks' coroutines (finished tasks have none).
        for (i, t) in self.tasks.iter().enumerate() {
            if i as u32 == skip.0 {
                continue;
            }
            if let Some(c) = &t.coro {
                visit_task_coro(c, v);
            }
        }
        if let Some(PausedWork::Step { task, coro }) = &self.paused {
            if *task != skip {
                visit_task_coro(coro, v);
            }
        }
        // Futures' results, exceptions and done-callbacks.
        for f in self.futs.values() {
            match &f.state {
                FutState::Finished(Ok(x)) => v.value(x),
                FutState::Finished(Err(e)) => v.exc(e),
                FutState::Pending | FutState::Cancelled => {}
            }
            if let Some(e) = f.cancelled_exc() {
                v.exc(e);
            }
            match &f.callbacks {
                Callbacks::None => {}
                Callbacks::One(c) => visit_callback(c, v),
                Callbacks::Many(cs) => cs.iter().for_each(|c| visit_callback(c, v)),
            }
        }
        // The ready queue and the timers.
        for r in &self.ready {
            if let Ready::Now { cb, .. } = r {
                visit_callback(cb, v);
            }
        }
        for h in self.timers.handles.values() {
            if !h.cancelled {
                visit_callback(&h.cb, v);
            }
        }
        // Queue items; TaskGroups' collected errors.
        for r in &self.lib.resources {
            if let Resource::Queue(q) = r {
                q.items().for_each(|x| v.value(x));
            }
        }
        for g in &self.lib.groups {
            g.excs().for_each(|e| v.exc(e));
        }
    }

    /// The Condition, Queue or Barrier that resource `r` is an inner part of (a Condition's
    /// Lock, a Queue's finished Event, a Barrier's Condition), if any: holding the owner
    /// reaches the part.
    pub fn resource_owner(&self, r: ResourceId) -> Option<ResourceId> {
        self.lib.resources.iter().enumerate().find_map(|(i, x)| {
            let part = match x {
                Resource::Condition(c) => c.lock,
                Resource::Queue(q) => q.finished_event(),
                Resource::Barrier(b) => b.cond,
                _ => return None,
            };
            (part == r).then_some(ResourceId(i as u32))
        })
    }
}

fn visit_callback<H: Host>(c: &Callback<H>, v: &mut dyn Visit<H>) {
    match c {
        Callback::Host(h) => v.callback(h),
        Callback::TaskStep { exc: Some(e), .. } => v.exc(e),
        _ => {}
    }
}

fn visit_task_coro<H: Host>(c: &TaskCoro<H>, v: &mut dyn Visit<H>) {
    match c {
        TaskCoro::Host(h) => v.coro(h),
        TaskCoro::Native(n) => n.visit(v),
    }
}

impl<H: Host> Native<H> {
    /// Shows `v` the objects this library coroutine holds (a value to put, a coroutine
    /// `wait_for` runs inline, exceptions kept for later).
    pub fn visit(&self, v: &mut dyn Visit<H>) {
        match self {
            Native::Sleep(s) => s.result().into_iter().for_each(|x| v.value(x)),
            Native::QueuePut(p) => p.item().into_iter().for_each(|x| v.value(x)),
            Native::WaitFor(w) => match w.inner() {
                Some(Awaitable::Coro(c)) => visit_task_coro(c, v),
                Some(Awaitable::Future(_)) | None => {}
            },
            Native::TaskGroupExit(x) => x.excs().for_each(|e| v.exc(e)),
            // Exceptions held while re-acquiring a lock: not listed, so say so.
            Native::ConditionWait(_) | Native::BarrierWait(_) => v.opaque(),
            Native::AwaitFuture(_)
            | Native::Wait(_)
            | Native::AsCompletedNext(_)
            | Native::LockAcquire(_)
            | Native::SemaphoreAcquire(_)
            | Native::EventWait(_)
            | Native::QueueGet(_)
            | Native::QueueJoin(_)
            | Native::BarrierOp(_) => {}
        }
    }
}
