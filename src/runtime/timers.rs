//! Handles (`call_soon`/`call_at` results, cancellable) and the timer heap. Follows CPython
//! `events.Handle`/`TimerHandle` and the `_scheduled` heap of `base_events.py`.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashSet};

use super::event_loop::Callback;
use super::host::Host;
use super::slab::Slab;

/// A scheduled callback (`asyncio.Handle` / `TimerHandle`); `Loop::cancel_handle` cancels it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Handle {
    idx: u32,
    gen: u32,
}

pub(crate) struct HandleSlot<H: Host> {
    pub(crate) cb: Callback<H>,
    pub(crate) cancelled: bool,
    /// Still in the timer heap (CPython `TimerHandle._scheduled`).
    pub(crate) in_heap: bool,
    /// A timer (`call_at`), not a `call_soon` handle.
    timer: bool,
    /// The deadline of a timer (`TimerHandle.when()`; meaningless unless `timer`): with the
    /// flag beside the other flags, a word less than an `Option<f64>` in each of 100,000
    /// sleeps' handles.
    when: f64,
}

/// A heap entry. Ordered by (deadline, insertion seq). CPython's heap compares deadlines only
/// and is not stable, so for identical deadlines its order is arbitrary (on 3.11 seven
/// `call_at`s with one deadline fired A C G F B D E); we match CPython whenever deadlines
/// differ, which is always the case for `call_later`s made at different moments of real time.
/// 16 bytes (100,000 sleeps hold one each, docs/performance.md): the handle's slot index
/// without its generation (a slot stays live while its entry is in the heap: it is freed
/// only when the entry is popped or purged, so the slot's current generation is the
/// handle's), and a 32-bit sequence number (renumbered before it wraps, `renumber`).
struct TimerEntry {
    when: f64,
    seq: u32,
    idx: u32,
}

impl PartialEq for TimerEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for TimerEntry {}
impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for TimerEntry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.when
            .total_cmp(&other.when)
            .then(self.seq.cmp(&other.seq))
    }
}

/// CPython `_MIN_SCHEDULED_TIMER_HANDLES` and `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`.
const MIN_SCHEDULED: usize = 100;
const MIN_CANCELLED_FRACTION: f64 = 0.5;

pub(crate) struct Timers<H: Host> {
    heap: BinaryHeap<Reverse<TimerEntry>>,
    pub(crate) handles: Slab<HandleSlot<H>>,
    seq: u32,
    cancelled_in_heap: usize,
    /// Handles the program cancelled (`Handle.cancel()`), kept after their slot is freed so
    /// `cancelled()` stays True; a handle that ran and was not cancelled is not here (CPython:
    /// `cancelled()` is False after the callback ran). One entry per `cancel()` call.
    program_cancelled: HashSet<Handle>,
}

impl<H: Host> Default for Timers<H> {
    fn default() -> Self {
        Timers {
            heap: BinaryHeap::new(),
            handles: Slab::default(),
            seq: 0,
            cancelled_in_heap: 0,
            program_cancelled: HashSet::new(),
        }
    }
}

impl<H: Host> Timers<H> {
    pub(crate) fn new_handle(&mut self, cb: Callback<H>, when: Option<f64>) -> Handle {
        let (idx, gen) = self.handles.insert(HandleSlot {
            cb,
            cancelled: false,
            in_heap: when.is_some(),
            timer: when.is_some(),
            when: when.unwrap_or(0.0),
        });
        Handle { idx, gen }
    }

    pub(crate) fn push_timer(&mut self, when: f64, cb: Callback<H>) -> Handle {
        let handle = self.new_handle(cb, Some(when));
        if self.seq == u32::MAX {
            self.renumber();
        }
        self.seq += 1;
        self.heap.push(Reverse(TimerEntry {
            when,
            seq: self.seq,
            idx: handle.idx,
        }));
        handle
    }

    /// Numbers the heap's entries 1..=n in their order, so the sequence goes on from n
    /// (once per 2^32 timers; equal deadlines keep their order).
    fn renumber(&mut self) {
        // Ascending `Reverse`s: the latest entry first.
        let entries = std::mem::take(&mut self.heap).into_sorted_vec();
        let n = entries.len() as u32;
        for (i, Reverse(mut e)) in entries.into_iter().enumerate() {
            e.seq = n - i as u32;
            self.heap.push(Reverse(e));
        }
        self.seq = n;
    }

    /// The handle of a heap entry (its slot is live: see `TimerEntry`).
    fn entry_handle(&self, e: &TimerEntry) -> Handle {
        let gen = self.handles.gen(e.idx).unwrap_or(0);
        Handle { idx: e.idx, gen }
    }

    /// `Handle.cancel()`; a no-op on a handle that already ran or was cancelled.
    pub(crate) fn cancel(&mut self, h: Handle) {
        if let Some(slot) = self.handles.get_mut(h.idx, h.gen) {
            if !slot.cancelled {
                slot.cancelled = true;
                if slot.in_heap {
                    self.cancelled_in_heap += 1;
                }
            }
        }
    }

    /// A pending timer's deadline (None once it ran or was dropped after a cancel).
    pub(crate) fn when(&self, h: Handle) -> Option<f64> {
        self.handles
            .get(h.idx, h.gen)
            .filter(|s| s.timer)
            .map(|s| s.when)
    }

    /// `Handle.cancel()` called by the program: remembered beyond the slot's life, and a
    /// handle that already ran reads as cancelled from then on, as in CPython.
    pub(crate) fn cancel_by_program(&mut self, h: Handle) {
        self.cancel(h);
        self.program_cancelled.insert(h);
    }

    /// `Handle.cancelled()`: cancelled by the program, or (an internal timer) while its
    /// slot lives; False for a handle that ran.
    pub(crate) fn program_sees_cancelled(&self, h: Handle) -> bool {
        self.program_cancelled.contains(&h)
            || self.handles.get(h.idx, h.gen).is_some_and(|s| s.cancelled)
    }

    pub(crate) fn is_cancelled(&self, h: Handle) -> bool {
        self.handles.get(h.idx, h.gen).is_none_or(|s| s.cancelled)
    }

    /// Takes a handle's callback as it is run (None if cancelled); frees the slot.
    pub(crate) fn take(&mut self, h: Handle) -> Option<Callback<H>> {
        let slot = self.handles.remove(h.idx, h.gen)?;
        (!slot.cancelled).then_some(slot.cb)
    }

    /// The start of `_run_once`: drop cancelled timers (all of them when they are most of the
    /// heap, else those at its head).
    pub(crate) fn purge_cancelled(&mut self) {
        let n = self.heap.len();
        if n > MIN_SCHEDULED && self.cancelled_in_heap as f64 / n as f64 > MIN_CANCELLED_FRACTION {
            let entries = std::mem::take(&mut self.heap).into_vec();
            for Reverse(e) in entries {
                let h = self.entry_handle(&e);
                if self.is_cancelled(h) {
                    self.handles.remove(h.idx, h.gen);
                } else {
                    self.heap.push(Reverse(e));
                }
            }
            self.cancelled_in_heap = 0;
        } else {
            self.purge_head();
        }
    }

    fn purge_head(&mut self) {
        while let Some(Reverse(e)) = self.heap.peek() {
            let h = self.entry_handle(e);
            if !self.is_cancelled(h) {
                break;
            }
            self.heap.pop();
            self.handles.remove(h.idx, h.gen);
            self.cancelled_in_heap = self.cancelled_in_heap.saturating_sub(1);
        }
    }

    /// The earliest deadline among live timers (drops cancelled ones at the head first).
    pub(crate) fn next_deadline(&mut self) -> Option<f64> {
        self.purge_head();
        self.heap.peek().map(|Reverse(e)| e.when)
    }

    /// Pops the head if it is due before `end` (CPython: `handle._when >= end_time: break`).
    pub(crate) fn pop_due(&mut self, end: f64) -> Option<Handle> {
        let Reverse(e) = self.heap.peek()?;
        if e.when >= end {
            return None;
        }
        let Reverse(e) = self.heap.pop()?;
        let h = self.entry_handle(&e);
        if let Some(slot) = self.handles.get_mut(h.idx, h.gen) {
            slot.in_heap = false;
            if slot.cancelled {
                self.cancelled_in_heap = self.cancelled_in_heap.saturating_sub(1);
            }
        }
        Some(h)
    }

    /// Live timers as (deadline, callback), earliest first (for the loop panel).
    pub(crate) fn live(&self) -> Vec<(f64, &Callback<H>)> {
        let mut v: Vec<(f64, u32, &Callback<H>)> = self
            .heap
            .iter()
            .filter_map(|Reverse(e)| {
                let h = self.entry_handle(e);
                let slot = self.handles.get(h.idx, h.gen)?;
                (!slot.cancelled).then_some((e.when, e.seq, &slot.cb))
            })
            .collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v.into_iter().map(|(w, _, cb)| (w, cb)).collect()
    }

    pub(crate) fn slot(&self, h: Handle) -> Option<&HandleSlot<H>> {
        self.handles.get(h.idx, h.gen)
    }

    /// Live (not cancelled) timers in the heap.
    pub(crate) fn live_count(&self) -> usize {
        self.heap.len() - self.cancelled_in_heap.min(self.heap.len())
    }
}

#[cfg(test)]
mod tests {
    use super::Timers;
    use crate::runtime::event_loop::Callback;
    use crate::runtime::testing::TestHost;

    #[test]
    fn equal_deadlines_keep_their_order_across_the_sequence_wrapping() {
        let mut t = Timers::<TestHost> {
            seq: u32::MAX - 2,
            ..Timers::default()
        };
        let late = t.push_timer(2.0, Callback::StopLoop);
        let pushed: Vec<_> = (0..5)
            .map(|_| t.push_timer(1.0, Callback::StopLoop))
            .collect();
        assert!(t.seq < 10, "renumbered: {}", t.seq);
        let popped: Vec<_> = std::iter::from_fn(|| t.pop_due(1.5)).collect();
        assert_eq!(popped, pushed);
        assert_eq!(t.pop_due(3.0), Some(late));
    }
}
