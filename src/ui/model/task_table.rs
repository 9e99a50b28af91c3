//! The task table's filters: which rows to show (finished ones greyed or hidden, one state
//! only), as indices into the rows, so the table can virtualise over the result.

use super::words::StateKind;
use crate::ui::tasks::TaskRow;

/// What the task table shows. The default shows every task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskFilter {
    /// Keep rows of finished (done, failed, cancelled) tasks, greyed.
    pub show_finished: bool,
    /// Only tasks in this state. A finished state shows its rows even when
    /// `show_finished` is off (asking for Failed tasks means seeing them).
    pub state: Option<StateKind>,
}

impl Default for TaskFilter {
    fn default() -> Self {
        TaskFilter {
            show_finished: true,
            state: None,
        }
    }
}

impl TaskFilter {
    /// Does `row` pass?
    pub fn matches(&self, row: &TaskRow) -> bool {
        match self.state {
            Some(kind) => StateKind::of(&row.state) == kind,
            None => self.show_finished || !row.is_finished(),
        }
    }
}

/// Indices of the rows `f` lets through, in creation order.
pub fn shown(rows: &[TaskRow], f: &TaskFilter) -> Vec<u32> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| f.matches(r))
        .map(|(i, _)| i as u32)
        .collect()
}

/// The `<select>` value for a state filter (`""`: every state) and back.
pub fn state_value(kind: Option<StateKind>) -> &'static str {
    match kind {
        None => "",
        Some(StateKind::Created) => "created",
        Some(StateKind::Scheduled) => "scheduled",
        Some(StateKind::Running) => "running",
        Some(StateKind::Awaiting) => "awaiting",
        Some(StateKind::Done) => "done",
        Some(StateKind::Failed) => "failed",
        Some(StateKind::Cancelled) => "cancelled",
    }
}

/// The state a `<select>` value names (`None` for "every state" or anything unknown).
pub fn state_from_value(v: &str) -> Option<StateKind> {
    StateKind::ALL
        .into_iter()
        .find(|k| state_value(Some(*k)) == v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::TaskState;

    fn row(id: u32, state: TaskState) -> TaskRow {
        TaskRow {
            id,
            name: format!("t{id}").into(),
            state,
            cancelling: 0,
            created_at: 0.0,
            finished_at: None,
            line: None,
            outcome: None,
            step_started: None,
            paused: false,
            longest_step: 0.0,
            exception_retrieved: false,
            group: None,
        }
    }

    #[test]
    fn finished_rows_hide_and_a_state_filter_picks_one_state() {
        let rows = vec![
            row(0, TaskState::Running),
            row(1, TaskState::Done),
            row(2, TaskState::Scheduled),
            row(3, TaskState::Failed),
            row(4, TaskState::Cancelled),
        ];
        assert_eq!(shown(&rows, &TaskFilter::default()), vec![0, 1, 2, 3, 4]);
        let live = TaskFilter {
            show_finished: false,
            state: None,
        };
        assert_eq!(shown(&rows, &live), vec![0, 2]);
        let failed = TaskFilter {
            show_finished: false,
            state: Some(StateKind::Failed),
        };
        assert_eq!(shown(&rows, &failed), vec![3]);
        for k in StateKind::ALL {
            assert_eq!(state_from_value(state_value(Some(k))), Some(k));
        }
        assert_eq!(state_from_value(""), None);
        assert_eq!(state_from_value("bogus"), None);
    }
}
