//! The task table's model: one row per task, folded from the runtime's trace events.
//! Pure data (no DOM), so the reducer stays a plain function of events.

use std::rc::Rc;

use crate::runtime::{Reason, TaskState, TraceEvent, Waitable};

/// One task as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRow {
    /// Creation index (`TaskId`).
    pub id: u32,
    pub name: Rc<str>,
    pub state: TaskState,
    /// `task.cancelling()`: pending cancel requests not yet undone by `uncancel()`.
    pub cancelling: u32,
    /// Loop time of creation and of the end.
    pub created_at: f64,
    pub finished_at: Option<f64>,
    /// 1-based source line where the task is (or last was), when known.
    pub line: Option<u32>,
    /// What it returned or raised (`repr`), once finished.
    pub outcome: Option<String>,
    /// Loop time its current step began (`None` between steps).
    pub step_started: Option<f64>,
    /// The current step was paused on the instruction budget: the loop is blocked in it.
    pub paused: bool,
    /// The longest step so far in loop seconds (a blocking call such as `time.sleep`
    /// advances loop time inside a step).
    pub longest_step: f64,
    /// A failed task's exception was read (`result()`, `exception()`, an awaiter).
    pub exception_retrieved: bool,
    /// The TaskGroup (id) that created it, if one did.
    pub group: Option<u32>,
}

/// A step longer than this (loop seconds) blocks the loop, as CPython's debug mode warns
/// about callbacks over `slow_callback_duration` (0.1 s).
pub const SLOW_STEP: f64 = 0.1;

impl TaskRow {
    /// The state chip's word (the seven lifecycle states).
    pub fn state_label(&self) -> &'static str {
        match self.state {
            TaskState::Created => "Created",
            TaskState::Scheduled => "Scheduled",
            TaskState::Running => "Running",
            TaskState::Awaiting(_) => "Awaiting",
            TaskState::Done => "Done",
            TaskState::Failed => "Failed",
            TaskState::Cancelled => "Cancelled",
        }
    }

    /// Finished: done, failed or cancelled.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.state,
            TaskState::Done | TaskState::Failed | TaskState::Cancelled
        )
    }

    /// `cancel()` was accepted but `CancelledError` has not ended the task yet.
    pub fn cancel_requested(&self) -> bool {
        self.cancelling > 0 && !self.is_finished()
    }

    /// Running right now without awaiting for too long: its step was paused by the
    /// instruction budget, or has lasted more than `SLOW_STEP` loop seconds by `now`.
    pub fn blocking(&self, now: f64) -> bool {
        matches!(self.state, TaskState::Running)
            && (self.paused || self.step_started.is_some_and(|t0| now - t0 > SLOW_STEP))
    }

    /// Some finished step of this task blocked the loop for longer than `SLOW_STEP`.
    pub fn blocked_before(&self) -> bool {
        self.longest_step > SLOW_STEP
    }
}

/// Says what a task waits on, in the user's words (`sleep until t=2.000`, `Task-3`).
pub fn describe_wait(what: &Waitable, rows: &[TaskRow]) -> String {
    match what {
        Waitable::Future => "a future".into(),
        Waitable::Task(t) => rows
            .get(t.0 as usize)
            .map_or_else(|| format!("task #{}", t.0), |r| r.name.to_string()),
        Waitable::Sleep { until } => format!("sleep until t={until:.3}"),
        Waitable::Gather => "gather(...)".into(),
        Waitable::Shield { .. } => "shield(...)".into(),
        Waitable::Lock(r) => format!("Lock #{}", r.0),
        Waitable::Semaphore(r) => format!("Semaphore #{}", r.0),
        Waitable::Event(r) => format!("Event #{}", r.0),
        Waitable::Condition(r) => format!("Condition #{}", r.0),
        Waitable::QueueGet(r) => format!("Queue #{} (get)", r.0),
        Waitable::QueuePut(r) => format!("Queue #{} (put)", r.0),
        Waitable::QueueJoin(r) => format!("Queue #{} (join)", r.0),
        Waitable::Wait => "wait(...)".into(),
        Waitable::AsCompleted => "as_completed(...)".into(),
        Waitable::TaskGroup(_) => "TaskGroup children".into(),
        Waitable::CancelAndWait { .. } => "its cancelled inner future".into(),
    }
}

/// Applies one batch of trace events to the rows (`line_of` maps an event to its line).
pub fn fold(
    rows: &mut Vec<TaskRow>,
    events: &[TraceEvent],
    mut line_of: impl FnMut(&TraceEvent) -> Option<u32>,
) {
    for ev in events {
        let idx = ev.task.0 as usize;
        if idx >= rows.len() {
            // Tasks are numbered in creation order, so a new one is always the next index;
            // fill any gap defensively rather than index out of bounds.
            while rows.len() <= idx {
                let id = rows.len() as u32;
                rows.push(TaskRow {
                    id,
                    name: ev.name.clone(),
                    state: TaskState::Created,
                    cancelling: 0,
                    created_at: ev.time,
                    finished_at: None,
                    line: None,
                    outcome: None,
                    step_started: None,
                    paused: false,
                    longest_step: 0.0,
                    exception_retrieved: false,
                    group: None,
                });
            }
        }
        let Some(row) = rows.get_mut(idx) else {
            continue;
        };
        // A step begins when the task enters Running, ends when it leaves it.
        let running = matches!(ev.new, TaskState::Running);
        match (row.step_started, running) {
            (None, true) => {
                row.step_started = Some(ev.time);
                row.paused = false;
            }
            (Some(t0), false) => {
                row.longest_step = row.longest_step.max(ev.time - t0);
                row.step_started = None;
                row.paused = false;
            }
            _ => {}
        }
        match ev.reason {
            Reason::Paused => row.paused = true,
            Reason::ExceptionRetrieved => row.exception_retrieved = true,
            _ => {}
        }
        row.name = ev.name.clone();
        row.state = ev.new.clone();
        row.cancelling = ev.cancelling;
        if let Some(line) = line_of(ev) {
            row.line = Some(line);
        }
        if matches!(ev.reason, Reason::Created) {
            row.created_at = ev.time;
        }
        if row.is_finished() && row.finished_at.is_none() {
            row.finished_at = Some(ev.time);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::vm::session::{Session, Status};

    /// Runs `code` with `instructions` per step, folding every batch; returns the rows
    /// after each slice.
    fn rows_per_slice(code: &str, instructions: u64) -> Vec<Vec<TaskRow>> {
        let mut s = Session::new(code, "main.py");
        s.vm.tracing = true;
        let mut rows = Vec::new();
        let mut seen = Vec::new();
        for _ in 0..10_000 {
            let status = s.step_with(64, instructions);
            fold(&mut rows, &s.take_trace(), |_| None);
            seen.push(rows.clone());
            if status != Status::Running {
                break;
            }
        }
        seen
    }

    const BLOCKING: &str = "import asyncio, time

async def sleeper():
    time.sleep(0.5)
    await asyncio.sleep(0.01)
    raise ValueError('late')

async def cruncher():
    total = 0
    for i in range(20000):
        total += i
    return total

async def main():
    a = asyncio.create_task(sleeper(), name='sleeper')
    b = asyncio.create_task(cruncher(), name='cruncher')
    await b
    try:
        await a
    except ValueError:
        pass

asyncio.run(main())
";

    #[test]
    fn a_step_paused_on_the_budget_is_blocking_the_loop_until_it_ends() {
        let slices = rows_per_slice(BLOCKING, 1_000);
        let cruncher = |rows: &Vec<TaskRow>| rows.iter().find(|r| &*r.name == "cruncher").cloned();
        // Some slice ends with the cruncher paused mid-step: blocking, even at the same time.
        let paused = slices
            .iter()
            .filter_map(cruncher)
            .find(|r| r.paused)
            .expect("the cruncher pauses on a 1,000-instruction budget");
        assert_eq!(paused.state, TaskState::Running);
        assert!(paused.blocking(paused.step_started.unwrap_or_default()));
        let last = cruncher(slices.last().expect("slices")).expect("cruncher row");
        assert_eq!(last.state, TaskState::Done);
        assert!(!last.paused && !last.blocking(100.0));
    }

    #[test]
    fn a_blocking_call_inside_a_step_is_remembered_and_failures_are_marked() {
        let slices = rows_per_slice(BLOCKING, 1_000_000);
        let rows = slices.last().expect("slices");
        let sleeper = rows.iter().find(|r| &*r.name == "sleeper").expect("row");
        assert!((sleeper.longest_step - 0.5).abs() < 1e-9, "{sleeper:?}");
        assert!(sleeper.blocked_before());
        assert_eq!(sleeper.state, TaskState::Failed);
        assert!(sleeper.exception_retrieved, "main awaited it");
        let main = rows.iter().find(|r| r.id == 0).expect("main");
        assert!(!main.blocked_before());
        assert!(!main.blocking(10.0));
    }

    #[test]
    fn a_running_step_blocks_once_it_passes_the_slow_step_threshold() {
        let mut row = TaskRow {
            id: 1,
            name: "t".into(),
            state: TaskState::Running,
            cancelling: 0,
            created_at: 0.0,
            finished_at: None,
            line: None,
            outcome: None,
            step_started: Some(1.0),
            paused: false,
            longest_step: 0.0,
            exception_retrieved: false,
            group: None,
        };
        assert!(!row.blocking(1.05));
        assert!(row.blocking(1.2));
        row.state = TaskState::Done;
        assert!(!row.blocking(1.2));
    }
}
