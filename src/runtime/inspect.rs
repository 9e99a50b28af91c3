//! Views of the loop itself for the UI's loop panel: what the ready queue holds, in order,
//! and the timers, earliest first. Read-only; computed on demand.

use super::event_loop::{Callback, Command, Ready};
use super::future::FutKind;
use super::host::Host;
use super::task_group::TaskGroupId;
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

/// Sleep futures and the task awaiting each, sorted by future.
struct SleepWaiters(Vec<(FutId, TaskId)>);

impl SleepWaiters {
    fn get(&self, fut: FutId) -> Option<TaskId> {
        let i = self.0.binary_search_by_key(&fut, |&(f, _)| f).ok()?;
        self.0.get(i).map(|&(_, t)| t)
    }
}

impl<H: Host> Loop<H> {
    /// `cb` in the user's words; `waiters` is `sleep_waiters()`, built once per view.
    fn describe(&self, cb: &Callback<H>, arg: Option<FutId>, waiters: &SleepWaiters) -> Scheduled {
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
                task: waiters.get(*fut),
            },
            Callback::TimeoutFire { timeout } => Scheduled::Timeout { timeout: *timeout },
            Callback::Command(c) => Scheduled::Command((**c).clone()),
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

    /// The task awaiting each sleep's future (a sleep's future has exactly one), sorted by
    /// future for `binary_search`. One pass over the tasks and a sort, so a view of n timers
    /// costs O((n + tasks) log tasks), not O(n * tasks); no hashing (it showed in profiles).
    fn sleep_waiters(&self) -> SleepWaiters {
        let mut v: Vec<(FutId, TaskId)> = self
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let fut = t.fut_waiter?;
                let f = self.fut(fut)?;
                matches!(f.what, Waitable::Sleep { .. }).then_some((fut, TaskId(i as u32)))
            })
            .collect();
        crate::sort::sort_by_key(&mut v, |&(f, _)| f);
        SleepWaiters(v)
    }

    /// The ready queue front to back (cancelled handles left out).
    pub fn ready_queue(&self) -> Vec<Scheduled> {
        let waiters = self.sleep_waiters();
        self.ready
            .iter()
            .filter_map(|r| match r {
                Ready::Now { cb, arg } => Some(self.describe(cb, *arg, &waiters)),
                Ready::Handle(h) => {
                    let slot = self.timers.slot(*h)?;
                    (!slot.cancelled).then(|| self.describe(&slot.cb, None, &waiters))
                }
            })
            .collect()
    }

    /// Live timers, earliest first, with their deadlines.
    pub fn timers(&self) -> Vec<(f64, Scheduled)> {
        let waiters = self.sleep_waiters();
        self.timers
            .live()
            .into_iter()
            .map(|(w, cb)| (w, self.describe(cb, None, &waiters)))
            .collect()
    }

    /// The await tree's edges out of `fut`: what it waits on. A task: the future it awaits
    /// (while pending); a gather: its children; a shield: its inner; a TaskGroup's exit: the
    /// group's running tasks; `wait()`: its futures; `wait_for(.., 0)`: the cancelled one.
    pub fn awaits(&self, fut: FutId) -> Vec<FutId> {
        let Some(f) = self.fut(fut) else {
            return Vec::new();
        };
        let kind = self.fut_kind(fut);
        if let Some(FutKind::Task(t)) = kind {
            let task = &self.tasks[t.0 as usize];
            return task
                .fut_waiter
                .filter(|_| !self.future_done(fut))
                .into_iter()
                .collect();
        }
        if let Some(FutKind::Gather(g)) = kind {
            let mut children = self.lib.gathers[g as usize].children.clone();
            let mut seen = std::collections::HashSet::new();
            children.retain(|c| seen.insert(*c));
            return children;
        }
        match &f.what {
            Waitable::Shield { inner } => vec![*inner],
            Waitable::CancelAndWait { fut } => vec![*fut],
            Waitable::TaskGroup(g) => self
                .task_group_tasks(TaskGroupId(*g))
                .into_iter()
                .filter_map(|t| self.task_future(t))
                .collect(),
            Waitable::Wait => self
                .lib
                .waits
                .iter()
                .find(|w| w.waiter == fut)
                .map(|w| w.fs.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// A TaskGroup's tasks still running, in creation order.
    pub fn task_group_tasks(&self, g: TaskGroupId) -> Vec<TaskId> {
        self.lib
            .groups
            .get(g.0 as usize)
            .map(|st| st.tasks.clone())
            .unwrap_or_default()
    }

    /// The TaskGroup a task was created in, if any.
    pub fn task_group_of(&self, t: TaskId) -> Option<TaskGroupId> {
        let i = self
            .lib
            .groups
            .iter()
            .position(|st| st.created.contains(&t))?;
        Some(TaskGroupId(i as u32))
    }
}

#[cfg(test)]
impl<H: Host> Loop<H> {
    /// Checks the task invariant (see `struct Task`) for every pending task that is not
    /// running: either it awaits a pending future that holds its wakeup and nothing of it is
    /// queued, or exactly one step/wakeup of it is queued.
    pub(crate) fn check_task_invariant(&self) -> Result<(), String> {
        let mut queued = vec![0usize; self.tasks.len()];
        for r in &self.ready {
            let cb = match r {
                Ready::Now { cb, .. } => cb,
                Ready::Handle(h) => match self.timers.slot(*h) {
                    Some(slot) if !slot.cancelled => &slot.cb,
                    _ => continue,
                },
            };
            if let Callback::TaskStep { task, .. } | Callback::TaskWakeup { task } = cb {
                queued[task.0 as usize] += 1;
            }
        }
        for (i, task) in self.tasks.iter().enumerate() {
            let t = TaskId(i as u32);
            if self.future_done(task.fut) || self.current == Some(t) {
                continue;
            }
            let awaiting = task
                .fut_waiter
                .and_then(|w| self.fut(w))
                .filter(|f| matches!(f.state, super::future::FutState::Pending));
            match (awaiting, queued[i]) {
                (Some(f), 0) => {
                    if !f.has_wakeup_for(t) {
                        return Err(format!("{} awaits a future without its wakeup", task.name));
                    }
                }
                (None, 1) => {}
                (a, n) => {
                    return Err(format!(
                        "{}: awaiting {} and {n} queued",
                        task.name,
                        a.is_some()
                    ));
                }
            }
        }
        Ok(())
    }
}
