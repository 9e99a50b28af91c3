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
}

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
                });
            }
        }
        let row = &mut rows[idx];
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
