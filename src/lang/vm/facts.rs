//! Facts for the lints (`crate::lints`) that the trace cannot carry because they happen
//! inside a step or outside any task: a coroutine dropped unawaited, a task reference thrown
//! away, `time.sleep` in a coroutine, a long step, an exception never retrieved, a deadlock.

use std::rc::Rc;

use serde::Serialize;

use super::frame::Frame;
use super::Vm;
use crate::runtime::{Loop, ResourceId, TaskId, TaskState, Waitable};

/// Instructions one task step may run before it counts as blocking the loop, for a clock
/// that does not move while code runs (the virtual clock: the CLI, "instant" speed): about
/// a loop of 100,000 iterations without an await. A stand-in for CPython's
/// `slow_callback_duration`, which is wall time.
pub const SLOW_STEP_INSTRUCTIONS: u64 = 1_000_000;

/// Loop time one task step may take before it counts as blocking the loop (CPython's
/// `loop.slow_callback_duration`, 0.1 s).
pub const SLOW_STEP_SECONDS: f64 = 0.1;

/// One observation, with where and when it was made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// The task running when it was made (`None`: module code or a plain callback).
    pub task: Option<TaskId>,
    /// That task's name when the fact was made.
    #[serde(serialize_with = "opt_rc_str")]
    pub task_name: Option<Rc<str>>,
    /// Byte offset in the program where it happened, when known (lines are computed at
    /// the edge, as for trace spans).
    pub offset: Option<u32>,
    /// Loop time and iteration (0 outside a loop).
    pub time: f64,
    pub iteration: u64,
}

/// What was observed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum FactKind {
    /// A coroutine object was dropped without ever being awaited (CPython's
    /// `RuntimeWarning: coroutine 'name' was never awaited`), once per line and name.
    NeverAwaited {
        #[serde(serialize_with = "rc_str")]
        coro: Rc<str>,
    },
    /// The task returned by a call (`asyncio.create_task`, `ensure_future`, a helper that
    /// returns one) was popped by an expression statement: no reference was kept. Tasks
    /// that a TaskGroup owns are not reported (the group keeps them).
    TaskDiscarded {
        dropped: TaskId,
        #[serde(serialize_with = "rc_str")]
        name: Rc<str>,
    },
    /// `time.sleep(seconds)` was called inside a task.
    TimeSleep { seconds: f64 },
    /// One step of the task ran `seconds` of loop time or `instructions` instructions
    /// without awaiting (at least one of them over its threshold). `offset` is where the
    /// step began (the await it resumed from, or the start of the coroutine).
    /// `ongoing`: the step has not ended yet (noted while it is paused mid-step, so a program
    /// that never awaits is diagnosed while it runs); a step is reported once either way.
    SlowStep {
        seconds: f64,
        instructions: u64,
        ongoing: bool,
    },
    /// A failed task's exception was never retrieved; the loop ended (CPython logs it when
    /// the task is collected). `exc` is the exception's repr.
    ExceptionNeverRetrieved {
        failed: TaskId,
        #[serde(serialize_with = "rc_str")]
        name: Rc<str>,
        exc: String,
    },
    /// The loop can never finish: every live task waits and nothing is ready or timed.
    /// One fact per waiting task (`task`), with what it waits on.
    /// `resource_at`: where the awaited Lock/Event/Queue... was created (for its name).
    AwaitedForever {
        what: Option<Waitable>,
        resource_at: Option<u32>,
    },
    /// The task waits on a Lock/Semaphore/Event/Condition/Queue or a future of its own
    /// that no other task, global, callback or stored value can reach, while the program
    /// goes on (`reach.rs`): nothing can ever complete the wait.
    Unreferenced {
        what: Waitable,
        resource_at: Option<u32>,
    },
}

fn rc_str<S: serde::Serializer>(s: &Rc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

fn opt_rc_str<S: serde::Serializer>(s: &Option<Rc<str>>, ser: S) -> Result<S::Ok, S::Error> {
    match s {
        Some(s) => ser.serialize_some(&**s),
        None => ser.serialize_none(),
    }
}

impl Vm {
    /// Records `kind` at byte `offset`, made by the running task (if a loop runs). A
    /// `time.sleep` or slow step already recorded for the same task and place is not
    /// recorded again (a loop calling `time.sleep` a million times is one mistake, and the
    /// facts must not grow with it).
    pub(crate) fn note_fact(&mut self, kind: FactKind, offset: Option<u32>) {
        let repeatable = match kind {
            FactKind::TimeSleep { .. } => Some(0u8),
            FactKind::SlowStep { .. } => Some(1),
            _ => None,
        };
        if let Some(k) = repeatable {
            // SAFETY: as in `with_loop`: non-null only while that loop is lent to this VM.
            let task = (!self.lp.is_null())
                .then(|| unsafe { &*self.lp }.current_task())
                .flatten();
            if !self.facts_seen.insert((k, task.map(|t| t.0), offset)) {
                return;
            }
        }
        let (task, task_name, time, iteration) = if self.lp.is_null() {
            (None, None, self.loop_time, 0)
        } else {
            // SAFETY: as in `with_loop`: `lp` is non-null only while the loop it points to
            // is lent to this VM, and nothing else touches it during this call.
            let lp = unsafe { &*self.lp };
            let task = lp.current_task();
            let name = task.and_then(|t| lp.task_name(t));
            (task, name, lp.time(), lp.iteration())
        };
        self.facts.push(Fact {
            kind,
            task,
            task_name,
            offset,
            time,
            iteration,
        });
    }

    /// An expression statement popped task `t`: when the value came straight from a call
    /// and no TaskGroup owns the task, nothing references it any more (CPython's docs:
    /// "Save a reference to the result of this function").
    pub(crate) fn note_discarded(&mut self, f: &Frame, t: TaskId) {
        use crate::lang::compiler::Op;
        let from_call =
            f.pc.checked_sub(2)
                .and_then(|i| f.code.ops.get(i))
                .is_some_and(|op| {
                    matches!(
                        op,
                        Op::Call(_) | Op::CallMethod(_) | Op::CallKw(_) | Op::CallEx(_)
                    )
                });
        if !from_call || self.lp.is_null() {
            return;
        }
        // SAFETY: see `note_fact`.
        let lp = unsafe { &*self.lp };
        // only a task this call just made (not `asyncio.current_task()` or an existing task
        // handed back by `ensure_future`)
        if lp.task_in_group(t) || !matches!(lp.task_state(t), crate::runtime::TaskState::Created) {
            return;
        }
        let name = lp.task_name(t).unwrap_or_else(|| Rc::from(""));
        self.note_fact(
            FactKind::TaskDiscarded { dropped: t, name },
            frame_offset(f),
        );
    }

    /// A task step ended (it awaited, yielded, returned or raised): records a `SlowStep`
    /// when it ran longer than `slow_step` in loop time or instructions. Runs inside the
    /// loop (`enter_loop`), after the step set the span where the task stopped.
    pub(crate) fn note_step_end(&mut self) {
        if self.lp.is_null() {
            return;
        }
        // SAFETY: see `note_fact`.
        let lp = unsafe { &*self.lp };
        if let (Some(t), Some(sp)) = (lp.current_task(), lp.span()) {
            self.stopped_at.insert(t.0, sp.0);
        }
        self.note_slow_step(false);
    }

    /// A task step paused mid-step on the instruction budget (the page's driver): records an
    /// ongoing `SlowStep` once it has run past the threshold, so a task that never awaits
    /// is diagnosed while it runs, not only when (if ever) it awaits. `note_fact` keeps one
    /// `SlowStep` per task and place, so the step's end adds no second one.
    pub(crate) fn note_step_paused(&mut self) {
        if !self.lp.is_null() {
            self.note_slow_step(true);
        }
    }

    fn note_slow_step(&mut self, ongoing: bool) {
        // SAFETY: see `note_fact` (callers checked that `lp` is set).
        let lp = unsafe { &*self.lp };
        let seconds = lp.time() - self.step_start.0;
        let instructions = self.steps.saturating_sub(self.step_start.1);
        if seconds > self.slow_step.0 || instructions > self.slow_step.1 {
            let offset = self.step_start.2;
            self.note_fact(
                FactKind::SlowStep {
                    seconds,
                    instructions,
                    ongoing,
                },
                offset,
            );
        }
    }

    /// `time.sleep(seconds)` was called: a fact when a task called it.
    pub(crate) fn note_time_sleep(&mut self, seconds: f64) {
        if self.lp.is_null() {
            return;
        }
        // SAFETY: see `note_fact`.
        if unsafe { &*self.lp }.current_task().is_some() {
            let offset = Some(self.cur_offset);
            self.note_fact(FactKind::TimeSleep { seconds }, offset);
        }
    }

    /// The loop can never finish (`RunStatus::Deadlocked`): one `AwaitedForever` per task
    /// still alive, with what it waits on and where it stopped.
    pub(crate) fn note_deadlock(&mut self, lp: &Loop<Vm>) {
        let resources = lp.resources();
        for t in lp.all_tasks() {
            // Already reported, while the program still ran, as waiting on an object
            // nothing else references.
            if self.unreferenced_seen.contains(&t.0) {
                continue;
            }
            let what = match lp.task_state(t) {
                TaskState::Awaiting(w) => Some(w.what),
                _ => None,
            };
            let resource_at = match &what {
                Some(Waitable::Future) => lp
                    .task(t)
                    .and_then(|x| x.fut_waiter)
                    .and_then(|f| lp.future_created_at(f)),
                w => w
                    .as_ref()
                    .and_then(resource_of)
                    .and_then(|r| resources.get(r.0 as usize))
                    .and_then(|v| v.created_at),
            }
            .map(|s| s.0);
            self.facts.push(Fact {
                kind: FactKind::AwaitedForever { what, resource_at },
                task: Some(t),
                task_name: lp.task_name(t),
                offset: self.stopped_at.get(t.0).copied(),
                time: lp.time(),
                iteration: lp.iteration(),
            });
        }
    }

    /// Takes the facts recorded since the last call.
    pub fn take_facts(&mut self) -> Vec<Fact> {
        std::mem::take(&mut self.facts)
    }
}

/// Where `f` is: the byte offset of the instruction it executed last.
pub(crate) fn frame_offset(f: &Frame) -> Option<u32> {
    f.code.spans.get(f.pc.saturating_sub(1)).map(|sp| sp.start)
}

/// Where `e` was raised: the innermost traceback entry in the program's own code.
pub(crate) fn raise_offset(e: &crate::lang::value::PyErr) -> Option<u32> {
    let crate::lang::value::PyErr::Exception(inst) = e else {
        return None;
    };
    let data = inst.exc.as_ref()?.borrow();
    data.traceback
        .iter()
        .rev()
        .find(|t| t.source.is_some() && t.library.is_none())
        .map(|t| t.span.0)
}

/// The Lock/Event/Semaphore/Condition/Queue a wait is on, if it is on one.
pub fn resource_of(w: &Waitable) -> Option<ResourceId> {
    match w {
        Waitable::Lock(r)
        | Waitable::Semaphore(r)
        | Waitable::Event(r)
        | Waitable::Condition(r)
        | Waitable::QueueGet(r)
        | Waitable::QueuePut(r)
        | Waitable::QueueJoin(r) => Some(*r),
        _ => None,
    }
}
