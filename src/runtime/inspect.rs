//! Views of the loop itself for the UI's loop panel: what the ready queue holds, in order,
//! and the timers, earliest first. Read-only; computed on demand.

use super::event_loop::{Callback, Command, Ready};
use super::host::Host;
use super::trace::Waitable;
use super::{FutId, Loop, TaskId};

/// One entry of the ready queue or the timer heap, in the user's words.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub enum Scheduled {
    /// A task's next step (first step, after a bare yield, or to deliver an error).
    Step { task: TaskId },
    /// A task waking up because `fut` is done.
    Wakeup { task: TaskId, fut: FutId },
    /// A sleep's timer (it completes the future the task awaits).
    SleepTimer { task: Option<TaskId> },
    /// A timeout's deadline (timeout id).
    Timeout { timeout: u32 },
    /// A command from the UI.
    Command(Command),
    /// A Python callback (`call_soon`, `call_later`, `add_done_callback`).
    Callback,
    /// The library's own bookkeeping (gather, shield, wait, TaskGroup, run...).
    Internal(&'static str),
}

impl<H: Host> Loop<H> {
    fn describe(&self, cb: &Callback<H>, arg: Option<FutId>) -> Scheduled {
        match cb {
            Callback::TaskStep { task, .. } => Scheduled::Step { task: *task },
            Callback::TaskWakeup { task } => Scheduled::Wakeup {
                task: *task,
                fut: arg.unwrap_or(FutId {
                    idx: u32::MAX,
                    gen: u32::MAX,
                }),
            },
            Callback::SleepDone { fut } => Scheduled::SleepTimer {
                task: self.waiter_of(*fut),
            },
            Callback::TimeoutFire { timeout } => Scheduled::Timeout { timeout: *timeout },
            Callback::Command(c) => Scheduled::Command(c.clone()),
            Callback::Host(_) => Scheduled::Callback,
            Callback::ReleaseWaiter { .. } => Scheduled::Internal("release waiter"),
            Callback::StopLoop => Scheduled::Internal("stop loop"),
            Callback::GatherChildDone { .. } => Scheduled::Internal("gather"),
            Callback::ShieldInnerDone { .. }
            | Callback::ShieldOuterDone { .. }
            | Callback::LogOnException => Scheduled::Internal("shield"),
            Callback::WaitCompletion { .. } => Scheduled::Internal("wait"),
            Callback::AsCompletedDone { .. } | Callback::AsCompletedTimeout { .. } => {
                Scheduled::Internal("as_completed")
            }
            Callback::TaskGroupTaskDone { .. } => Scheduled::Internal("TaskGroup"),
        }
    }

    /// The task awaiting `fut` (a sleep's future has exactly one).
    fn waiter_of(&self, fut: FutId) -> Option<TaskId> {
        let f = self.fut(fut)?;
        if !matches!(f.what, Waitable::Sleep { .. }) {
            return None;
        }
        (0..self.tasks.len() as u32)
            .map(TaskId)
            .find(|&t| self.tasks[t.0 as usize].fut_waiter == Some(fut))
    }

    /// The ready queue front to back (cancelled handles left out).
    pub fn ready_queue(&self) -> Vec<Scheduled> {
        self.ready
            .iter()
            .filter_map(|r| match r {
                Ready::Now { cb, arg } => Some(self.describe(cb, *arg)),
                Ready::Handle(h) => {
                    let slot = self.timers.slot(*h)?;
                    (!slot.cancelled).then(|| self.describe(&slot.cb, None))
                }
            })
            .collect()
    }

    /// Live timers, earliest first, with their deadlines.
    pub fn timers(&self) -> Vec<(f64, Scheduled)> {
        self.timers
            .live()
            .into_iter()
            .map(|(w, cb)| (w, self.describe(cb, None)))
            .collect()
    }
}
