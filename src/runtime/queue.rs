//! `asyncio.Queue` (and `LifoQueue`): put/get with FIFO getters and putters, `maxsize`,
//! `task_done`/`join`, and 3.13's `shutdown`. Follows CPython `queues.py`.

use std::collections::VecDeque;

use super::future::FutKind;
use super::host::{Host, Resume, RuntimeExc, Step};
use super::native::{wait_on, Native, Poll};
use super::resources::Resource;
use super::sync::EventWait;
use super::trace::{ResourceId, Waitable};
use super::{FutId, Loop, TaskId};

/// Which end `get` takes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueKind {
    /// `Queue`: first in, first out.
    Fifo,
    /// `LifoQueue`: last in, first out.
    Lifo,
    /// `PriorityQueue`: smallest first, by `Host::less_than`, with `heapq`'s exact order.
    Priority,
}

pub(crate) struct QueueState<H: Host> {
    kind: QueueKind,
    maxsize: i64,
    items: VecDeque<H::Value>,
    getters: VecDeque<FutId>,
    putters: VecDeque<FutId>,
    unfinished: u64,
    /// `self._finished`, an Event set when `unfinished` reaches 0.
    finished: ResourceId,
    is_shutdown: bool,
}

/// `Loop::queue_format_info`.
pub struct QueueInfo<H: Host> {
    pub kind: &'static str,
    pub maxsize: i64,
    pub items: Vec<H::Value>,
    pub getters: usize,
    pub putters: usize,
    pub unfinished: u64,
    pub shutdown: bool,
}

impl<H: Host> QueueState<H> {
    pub(crate) fn getters(&self) -> impl Iterator<Item = FutId> + '_ {
        self.getters.iter().copied()
    }
    pub(crate) fn putters(&self) -> impl Iterator<Item = FutId> + '_ {
        self.putters.iter().copied()
    }
    pub(crate) fn kind_name(&self) -> &'static str {
        match self.kind {
            QueueKind::Fifo => "Queue",
            QueueKind::Lifo => "LifoQueue",
            QueueKind::Priority => "PriorityQueue",
        }
    }
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
    /// `Queue.full()`: never with `maxsize <= 0`.
    pub(crate) fn is_full(&self) -> bool {
        self.maxsize > 0 && self.items.len() as i64 >= self.maxsize
    }
}

impl<H: Host> Loop<H> {
    /// `asyncio.Queue(maxsize)` / `LifoQueue(maxsize)`; `maxsize <= 0` is unbounded.
    pub fn new_queue(&mut self, host: &mut H, kind: QueueKind, maxsize: i64) -> ResourceId {
        let finished = self.new_event();
        self.event_set(host, finished);
        self.add_resource(Resource::Queue(QueueState {
            kind,
            maxsize,
            items: VecDeque::new(),
            getters: VecDeque::new(),
            putters: VecDeque::new(),
            unfinished: 0,
            finished,
            is_shutdown: false,
        }))
    }

    fn q(&mut self, id: ResourceId) -> Option<&mut QueueState<H>> {
        match self.lib.resources.get_mut(id.0 as usize)? {
            Resource::Queue(q) => Some(q),
            _ => None,
        }
    }

    fn not_a_queue(host: &mut H) -> H::Exc {
        host.new_exc(RuntimeExc::Runtime("not a Queue".into()))
    }

    /// `Queue.qsize()`.
    pub fn queue_size(&mut self, id: ResourceId) -> usize {
        self.q(id).map_or(0, |q| q.len())
    }

    /// `Queue.maxsize` as given (`<= 0`: unbounded).
    /// What CPython's `Queue._format` shows: the class name, `maxsize`, the items in
    /// storage order, the waiting getters and putters, unfinished tasks, shut down.
    pub fn queue_format_info(&mut self, id: ResourceId) -> Option<QueueInfo<H>> {
        let q = self.q(id)?;
        let (getters, putters): (Vec<FutId>, Vec<FutId>) =
            (q.getters().collect(), q.putters().collect());
        let info = QueueInfo {
            kind: q.kind_name(),
            maxsize: q.maxsize,
            items: q.items.iter().cloned().collect(),
            getters: 0,
            putters: 0,
            unfinished: q.unfinished,
            shutdown: q.is_shutdown,
        };
        Some(QueueInfo {
            getters: getters
                .into_iter()
                .filter(|f| !self.future_done(*f))
                .count(),
            putters: putters
                .into_iter()
                .filter(|f| !self.future_done(*f))
                .count(),
            ..info
        })
    }

    pub fn queue_maxsize(&mut self, id: ResourceId) -> i64 {
        self.q(id).map_or(0, |q| q.maxsize)
    }

    /// `Queue.full()`.
    pub fn queue_full(&mut self, id: ResourceId) -> bool {
        self.q(id).is_some_and(|q| q.is_full())
    }

    /// `Queue.empty()`.
    pub fn queue_empty(&mut self, id: ResourceId) -> bool {
        self.q(id).is_none_or(|q| q.items.is_empty())
    }

    /// `Queue._wakeup_next(waiters)`: wake the first waiter not done (dropping done ones).
    fn queue_wakeup_next(&mut self, host: &mut H, id: ResourceId, getters: bool) {
        loop {
            let Some(q) = self.q(id) else { return };
            let next = if getters {
                q.getters.pop_front()
            } else {
                q.putters.pop_front()
            };
            let Some(w) = next else { return };
            if !self.future_done(w) {
                let none = host.none();
                let _ = self.set_result(host, w, none);
                return;
            }
        }
    }

    /// `Queue.put_nowait(item)`: QueueFull if full, QueueShutDown after shutdown.
    pub fn queue_put_nowait(
        &mut self,
        host: &mut H,
        id: ResourceId,
        item: H::Value,
    ) -> Result<(), H::Exc> {
        let Some(q) = self.q(id) else {
            return Err(Self::not_a_queue(host));
        };
        if q.is_shutdown {
            return Err(host.new_exc(RuntimeExc::QueueShutDown));
        }
        if q.is_full() {
            return Err(host.new_exc(RuntimeExc::QueueFull));
        }
        q.items.push_back(item);
        if q.kind == QueueKind::Priority {
            let last = q.items.len() - 1;
            sift_down(host, &mut q.items, 0, last)?;
        }
        q.unfinished += 1;
        let finished = q.finished;
        self.event_clear(finished);
        self.queue_wakeup_next(host, id, true);
        Ok(())
    }

    /// `Queue.get_nowait()`: QueueEmpty if empty (QueueShutDown if also shut down).
    pub fn queue_get_nowait(&mut self, host: &mut H, id: ResourceId) -> Result<H::Value, H::Exc> {
        let Some(q) = self.q(id) else {
            return Err(Self::not_a_queue(host));
        };
        let item = match q.kind {
            QueueKind::Fifo => q.items.pop_front(),
            QueueKind::Lifo => q.items.pop_back(),
            QueueKind::Priority => heappop(host, &mut q.items)?,
        };
        let Some(item) = item else {
            let kind = if q.is_shutdown {
                RuntimeExc::QueueShutDown
            } else {
                RuntimeExc::QueueEmpty
            };
            return Err(host.new_exc(kind));
        };
        self.queue_wakeup_next(host, id, false);
        Ok(item)
    }

    /// `Queue.task_done()`: one fetched item is processed; at zero, `join()` returns.
    /// ValueError('task_done() called too many times').
    pub fn queue_task_done(&mut self, host: &mut H, id: ResourceId) -> Result<(), H::Exc> {
        let Some(q) = self.q(id) else {
            return Err(Self::not_a_queue(host));
        };
        if q.unfinished == 0 {
            return Err(host.new_exc(RuntimeExc::Value(
                "task_done() called too many times".into(),
            )));
        }
        q.unfinished -= 1;
        if q.unfinished == 0 {
            let finished = q.finished;
            self.event_set(host, finished);
        }
        Ok(())
    }

    /// `Queue.shutdown(immediate)`: puts raise QueueShutDown from now on, gets once empty
    /// (at once if `immediate`, which also drains the queue); blocked callers are woken.
    pub fn queue_shutdown(&mut self, host: &mut H, id: ResourceId, immediate: bool) {
        let Some(q) = self.q(id) else { return };
        q.is_shutdown = true;
        if immediate {
            while let Some(_item) = q.items.pop_front() {
                q.unfinished = q.unfinished.saturating_sub(1);
            }
            if q.unfinished == 0 {
                let finished = q.finished;
                self.event_set(host, finished);
            }
        }
        for getters in [true, false] {
            loop {
                let Some(q) = self.q(id) else { return };
                let next = if getters {
                    q.getters.pop_front()
                } else {
                    q.putters.pop_front()
                };
                let Some(w) = next else { break };
                if !self.future_done(w) {
                    let none = host.none();
                    let _ = self.set_result(host, w, none);
                }
            }
        }
    }

    /// `Queue.get()`: the coroutine returning the next item, waiting while empty.
    pub fn queue_get(&mut self, id: ResourceId) -> Native<H> {
        Native::QueueGet(QueueGet {
            queue: id,
            waiting: None,
        })
    }

    /// `Queue.put(item)`: the coroutine adding `item`, waiting while full.
    pub fn queue_put(&mut self, id: ResourceId, item: H::Value) -> Native<H> {
        Native::QueuePut(QueuePut {
            queue: id,
            item: Some(item),
            waiting: None,
        })
    }

    /// `Queue.join()`: the coroutine waiting until every item put was `task_done()`.
    pub fn queue_join(&mut self, id: ResourceId) -> Native<H> {
        Native::QueueJoin(Box::new(QueueJoin {
            queue: id,
            wait: None,
        }))
    }

    /// `put`/`get`'s bare `except:` after a failed wait: cancel the waiter, drop it from the
    /// list, and pass a wakeup on if one was consumed.
    fn queue_abandon(&mut self, host: &mut H, id: ResourceId, w: FutId, getters: bool) {
        self.cancel_plain(w, None);
        let Some(q) = self.q(id) else { return };
        let list = if getters {
            &mut q.getters
        } else {
            &mut q.putters
        };
        if let Some(i) = list.iter().position(|&x| x == w) {
            list.remove(i);
        }
        let can = if getters {
            !q.items.is_empty()
        } else {
            !q.is_full()
        };
        if can && !self.future_cancelled(w) {
            self.queue_wakeup_next(host, id, getters);
        }
    }
}

/// `heapq.heappop`: the smallest item (None if empty).
fn heappop<H: Host>(
    host: &mut H,
    heap: &mut VecDeque<H::Value>,
) -> Result<Option<H::Value>, H::Exc> {
    let Some(last) = heap.pop_back() else {
        return Ok(None);
    };
    if heap.is_empty() {
        return Ok(Some(last));
    }
    let top = std::mem::replace(&mut heap[0], last);
    sift_up(host, heap, 0)?;
    Ok(Some(top))
}

/// `heapq._siftdown(heap, startpos, pos)`: move `heap[pos]` up towards the root.
fn sift_down<H: Host>(
    host: &mut H,
    heap: &mut VecDeque<H::Value>,
    start: usize,
    mut pos: usize,
) -> Result<(), H::Exc> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !host.less_than(&heap[pos], &heap[parent])? {
            break;
        }
        heap.swap(pos, parent);
        pos = parent;
    }
    Ok(())
}

/// `heapq._siftup(heap, pos)`: sink to a leaf by the smaller child, then `_siftdown`.
fn sift_up<H: Host>(
    host: &mut H,
    heap: &mut VecDeque<H::Value>,
    mut pos: usize,
) -> Result<(), H::Exc> {
    let (end, start) = (heap.len(), pos);
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !host.less_than(&heap[child], &heap[right])? {
            child = right;
        }
        heap.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(host, heap, start, pos)
}

/// The `Queue.get` coroutine.
pub struct QueueGet {
    queue: ResourceId,
    waiting: Option<(FutId, bool)>,
}

impl QueueGet {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        _task: TaskId,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.queue;
        let mut input = Some(input);
        loop {
            if let Some((w, mut yielded)) = self.waiting.take() {
                let r = wait_on(
                    lp,
                    host,
                    w,
                    &mut yielded,
                    input.take().unwrap_or(Resume::Send),
                );
                match r {
                    Poll::Pending(step) => {
                        self.waiting = Some((w, yielded));
                        return step;
                    }
                    Poll::Ready(Err(e)) => {
                        lp.queue_abandon(host, id, w, true);
                        lp.release_future(w);
                        return Step::Raise(e);
                    }
                    Poll::Ready(Ok(_)) => {
                        lp.release_future(w);
                    }
                }
            } else if let Some(Resume::Throw(e)) = input.take() {
                return Step::Raise(e);
            }
            // `while self.empty():`
            let Some(q) = lp.q(id) else {
                return Step::Raise(Loop::<H>::not_a_queue(host));
            };
            if !q.items.is_empty() {
                break;
            }
            if q.is_shutdown {
                return Step::Raise(host.new_exc(RuntimeExc::QueueShutDown));
            }
            let w = lp.new_future(Waitable::QueueGet(id), FutKind::Plain);
            lp.q(id).expect("exists").getters.push_back(w);
            self.waiting = Some((w, false));
        }
        match lp.queue_get_nowait(host, id) {
            Ok(v) => Step::Return(v),
            Err(e) => Step::Raise(e),
        }
    }
}

/// The `Queue.put` coroutine.
pub struct QueuePut<H: Host> {
    queue: ResourceId,
    item: Option<H::Value>,
    waiting: Option<(FutId, bool)>,
}

impl<H: Host> QueuePut<H> {
    /// The item waiting to be put.
    pub(crate) fn item(&self) -> Option<&H::Value> {
        self.item.as_ref()
    }
}

impl<H: Host> QueueState<H> {
    /// The items in the queue.
    pub(crate) fn items(&self) -> impl Iterator<Item = &H::Value> + '_ {
        self.items.iter()
    }

    /// `self._finished`, the Event `join()` waits on.
    pub(crate) fn finished_event(&self) -> ResourceId {
        self.finished
    }
}

impl<H: Host> QueuePut<H> {
    pub(crate) fn resume(&mut self, lp: &mut Loop<H>, host: &mut H, input: Resume<H>) -> Step<H> {
        let id = self.queue;
        let mut input = Some(input);
        loop {
            if let Some((w, mut yielded)) = self.waiting.take() {
                let r = wait_on(
                    lp,
                    host,
                    w,
                    &mut yielded,
                    input.take().unwrap_or(Resume::Send),
                );
                match r {
                    Poll::Pending(step) => {
                        self.waiting = Some((w, yielded));
                        return step;
                    }
                    Poll::Ready(Err(e)) => {
                        lp.queue_abandon(host, id, w, false);
                        lp.release_future(w);
                        return Step::Raise(e);
                    }
                    Poll::Ready(Ok(_)) => {
                        lp.release_future(w);
                    }
                }
            } else if let Some(Resume::Throw(e)) = input.take() {
                return Step::Raise(e);
            }
            // `while self.full():`
            let Some(q) = lp.q(id) else {
                return Step::Raise(Loop::<H>::not_a_queue(host));
            };
            if !q.is_full() {
                break;
            }
            if q.is_shutdown {
                return Step::Raise(host.new_exc(RuntimeExc::QueueShutDown));
            }
            let w = lp.new_future(Waitable::QueuePut(id), FutKind::Plain);
            lp.q(id).expect("exists").putters.push_back(w);
            self.waiting = Some((w, false));
        }
        let item = match self.item.take() {
            Some(v) => v,
            None => {
                return Step::Raise(host.new_exc(RuntimeExc::Runtime(
                    "cannot reuse already awaited coroutine".into(),
                )))
            }
        };
        match lp.queue_put_nowait(host, id, item) {
            Ok(()) => Step::Return(host.none()),
            Err(e) => Step::Raise(e),
        }
    }
}

/// The `Queue.join` coroutine: `if unfinished > 0: await self._finished.wait()`.
pub struct QueueJoin {
    queue: ResourceId,
    wait: Option<EventWait>,
}

impl QueueJoin {
    pub(crate) fn resume<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        input: Resume<H>,
    ) -> Step<H> {
        let id = self.queue;
        if self.wait.is_none() {
            if let Resume::Throw(e) = input {
                return Step::Raise(e);
            }
            let Some(q) = lp.q(id) else {
                return Step::Raise(Loop::<H>::not_a_queue(host));
            };
            if q.unfinished == 0 {
                return Step::Return(host.none());
            }
            let finished = q.finished;
            self.wait = Some(lp.event_wait_as(finished, Waitable::QueueJoin(id)));
            return self.resume_wait(lp, host, Resume::Send);
        }
        self.resume_wait(lp, host, input)
    }

    fn resume_wait<H: Host>(
        &mut self,
        lp: &mut Loop<H>,
        host: &mut H,
        input: Resume<H>,
    ) -> Step<H> {
        let Some(w) = self.wait.as_mut() else {
            return Step::Return(host.none());
        };
        match w.resume(lp, host, input) {
            Step::Return(_) => Step::Return(host.none()),
            step => step,
        }
    }
}
