//! The filter bar's model: one `Filter` (task name, state, TaskGroup, free text) picks the
//! tasks every view shows: the task table's rows, the timeline's lanes, the await tree's
//! nodes and the event log's lines. Pure, so it is tested without a page.

use std::rc::Rc;

use super::await_tree::{AwaitNode, AwaitSnapshot, NodeKind};
use super::words::StateKind;
use crate::runtime::{TaskId, TaskState, TraceEvent};
use crate::ui::tasks::{describe_wait, TaskRow};

/// Which TaskGroup a task must belong to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupChoice {
    /// Any task, in a group or not.
    #[default]
    Any,
    /// Only tasks created outside every TaskGroup.
    Outside,
    /// Only tasks created by this TaskGroup (`tg.create_task`).
    In(u32),
}

impl GroupChoice {
    /// The `<select>` value: `""`, `"none"`, or the group's number.
    pub fn value(self) -> String {
        match self {
            GroupChoice::Any => String::new(),
            GroupChoice::Outside => "none".into(),
            GroupChoice::In(g) => g.to_string(),
        }
    }

    /// The choice a `<select>` value names (anything unknown is `Any`).
    pub fn from_value(v: &str) -> Self {
        match v {
            "none" => GroupChoice::Outside,
            _ => v.parse().map_or(GroupChoice::Any, GroupChoice::In),
        }
    }
}

/// What the filter bar asks for. The default lets every task through. Invariant: `name`
/// and `text` are kept as typed; matching lowercases both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of the task's name (case-insensitive).
    pub name: String,
    /// Only tasks in this lifecycle state now.
    pub state: Option<StateKind>,
    pub group: GroupChoice,
    /// Free text, found in any of the task's words: its name, state, what it awaits, its
    /// result, its TaskGroup ("TaskGroup #0") and its line ("line 12").
    pub text: String,
}

/// "TaskGroup #0": how the views name group `g` (as the await tree does).
pub fn group_label(g: u32) -> String {
    format!("TaskGroup #{g}")
}

impl Filter {
    /// Lets every task through.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.state.is_none()
            && self.group == GroupChoice::Any
            && self.text.trim().is_empty()
    }

    /// Does task `row` pass? `rows` names the tasks it awaits (for the free text).
    pub fn matches(&self, row: &TaskRow, rows: &[TaskRow]) -> bool {
        let name = self.name.trim().to_lowercase();
        let text = self.text.trim().to_lowercase();
        self.matches_lowered(row, rows, &name, &text)
    }

    fn matches_lowered(&self, row: &TaskRow, rows: &[TaskRow], name: &str, text: &str) -> bool {
        if !name.is_empty() && !row.name.to_lowercase().contains(name) {
            return false;
        }
        if self.state.is_some_and(|k| StateKind::of(&row.state) != k) {
            return false;
        }
        let group_ok = match self.group {
            GroupChoice::Any => true,
            GroupChoice::Outside => row.group.is_none(),
            GroupChoice::In(g) => row.group == Some(g),
        };
        group_ok && (text.is_empty() || task_words(row, rows).contains(text))
    }
}

/// Every word the free text searches for task `row`, lowercased and joined by newlines.
fn task_words(row: &TaskRow, rows: &[TaskRow]) -> String {
    let mut w = format!("{}\n{}", row.name, row.state_label());
    if let TaskState::Awaiting(t) = &row.state {
        w.push('\n');
        w.push_str(&describe_wait(&t.what, rows));
    }
    if let Some(o) = &row.outcome {
        w.push('\n');
        w.push_str(o);
    }
    if let Some(g) = row.group {
        w.push('\n');
        w.push_str(&group_label(g));
    }
    if let Some(l) = row.line {
        w.push_str(&format!("\nline {l}"));
    }
    w.to_lowercase()
}

/// Which tasks pass, by task index, and how many.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Passing {
    /// `None`: the filter is empty and every task passes (no per-task work at all).
    by_task: Option<Rc<Vec<bool>>>,
    /// How many of the run's tasks pass.
    pub count: usize,
    /// How many tasks the run has.
    pub total: usize,
}

impl Passing {
    /// Applies `f` to every row (one pass; nothing when the filter is empty).
    pub fn of(rows: &[TaskRow], f: &Filter) -> Passing {
        if f.is_empty() {
            return Passing {
                by_task: None,
                count: rows.len(),
                total: rows.len(),
            };
        }
        let name = f.name.trim().to_lowercase();
        let text = f.text.trim().to_lowercase();
        let by: Vec<bool> = rows
            .iter()
            .map(|r| f.matches_lowered(r, rows, &name, &text))
            .collect();
        Passing {
            count: by.iter().filter(|b| **b).count(),
            total: rows.len(),
            by_task: Some(Rc::new(by)),
        }
    }

    /// Every task passes.
    pub fn all(&self) -> bool {
        self.by_task.is_none()
    }

    /// Does task `t` pass? A task the rows do not know yet (its events arrived this
    /// frame) passes only when the filter is empty.
    pub fn task(&self, t: TaskId) -> bool {
        match &self.by_task {
            None => true,
            Some(by) => by.get(t.0 as usize).copied().unwrap_or(false),
        }
    }

    /// Indices of the passing events, in order (the event log's lines).
    pub fn events(&self, events: &[TraceEvent]) -> Vec<u32> {
        events
            .iter()
            .enumerate()
            .filter(|(_, ev)| self.task(ev.task))
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// The await tree cut down to passing tasks: a node stays when its task passes or
    /// something under it does; a task kept only for what is under it is `context` (drawn
    /// dimmed). Everything a passing task awaits stays under it.
    pub fn tree(&self, snap: &AwaitSnapshot) -> AwaitSnapshot {
        if self.all() {
            return snap.clone();
        }
        AwaitSnapshot {
            roots: snap.roots.iter().filter_map(|n| self.prune(n)).collect(),
            cycles: snap.cycles.clone(),
            cycle_words: snap.cycle_words.clone(),
        }
    }

    fn prune(&self, n: &AwaitNode) -> Option<AwaitNode> {
        let own = match &n.kind {
            NodeKind::Task { id, .. } => Some(self.task(*id)),
            _ => None,
        };
        if own == Some(true) {
            return Some(n.clone());
        }
        let children: Vec<AwaitNode> = n.children.iter().filter_map(|c| self.prune(c)).collect();
        if children.is_empty() {
            return None;
        }
        Some(AwaitNode {
            kind: n.kind.clone(),
            children,
            context: own == Some(false),
            in_cycle: n.in_cycle,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{FutId, Reason, WaitTarget, Waitable};

    fn row(id: u32, name: &str, state: TaskState, group: Option<u32>) -> TaskRow {
        TaskRow {
            id,
            name: name.into(),
            state,
            cancelling: 0,
            created_at: 0.0,
            finished_at: None,
            line: Some(10 + id),
            outcome: None,
            step_started: None,
            paused: false,
            longest_step: 0.0,
            exception_retrieved: false,
            group,
        }
    }

    fn rows() -> Vec<TaskRow> {
        let waits_on_0 = TaskState::Awaiting(WaitTarget {
            fut: FutId { idx: 0, gen: 0 },
            what: Waitable::Task(TaskId(0)),
        });
        let mut failed = row(3, "parse-2", TaskState::Failed, Some(0));
        failed.outcome = Some("ValueError('bad header')".into());
        vec![
            row(0, "main", TaskState::Running, None),
            row(1, "fetch-users", waits_on_0, Some(0)),
            row(2, "fetch-orders", TaskState::Done, Some(1)),
            failed,
        ]
    }

    fn passing(f: &Filter) -> Vec<u32> {
        let rows = rows();
        let p = Passing::of(&rows, f);
        let ids: Vec<u32> = rows
            .iter()
            .filter(|r| p.task(TaskId(r.id)))
            .map(|r| r.id)
            .collect();
        assert_eq!(p.count, ids.len());
        assert_eq!(p.total, 4);
        ids
    }

    #[test]
    fn an_empty_filter_lets_everything_through_without_work() {
        let f = Filter {
            name: "  ".into(),
            text: " ".into(),
            ..Filter::default()
        };
        assert!(f.is_empty());
        let p = Passing::of(&rows(), &f);
        assert!(p.all());
        assert_eq!(passing(&f), vec![0, 1, 2, 3]);
        // A task the rows do not know yet passes only when nothing is filtered.
        assert!(p.task(TaskId(99)));
        let some = Passing::of(
            &rows(),
            &Filter {
                name: "x".into(),
                ..Filter::default()
            },
        );
        assert!(!some.task(TaskId(99)));
    }

    #[test]
    fn name_state_and_group_narrow_together() {
        let by_name = Filter {
            name: "FETCH".into(),
            ..Filter::default()
        };
        assert_eq!(passing(&by_name), vec![1, 2]);
        let done = Filter {
            state: Some(StateKind::Done),
            ..by_name.clone()
        };
        assert_eq!(passing(&done), vec![2]);
        let group0 = Filter {
            group: GroupChoice::In(0),
            ..Filter::default()
        };
        assert_eq!(passing(&group0), vec![1, 3]);
        let outside = Filter {
            group: GroupChoice::Outside,
            ..Filter::default()
        };
        assert_eq!(passing(&outside), vec![0]);
        for g in [GroupChoice::Any, GroupChoice::Outside, GroupChoice::In(7)] {
            assert_eq!(GroupChoice::from_value(&g.value()), g);
        }
        assert_eq!(GroupChoice::from_value("bogus"), GroupChoice::Any);
    }

    #[test]
    fn free_text_searches_every_word_of_the_task() {
        let text = |t: &str| {
            passing(&Filter {
                text: t.into(),
                ..Filter::default()
            })
        };
        // What it awaits, its result, its group, its line, its state.
        assert_eq!(text("awaiting"), vec![1]);
        assert_eq!(text("main"), vec![0, 1]);
        assert_eq!(text("bad header"), vec![3]);
        assert_eq!(text("taskgroup #1"), vec![2]);
        assert_eq!(text("line 12"), vec![2]);
        assert_eq!(text("failed"), vec![3]);
        assert_eq!(text("nothing like this"), Vec::<u32>::new());
    }

    fn ev(seq: u64, task: u32) -> TraceEvent {
        TraceEvent {
            seq,
            time: 0.0,
            iteration: 0,
            task: TaskId(task),
            name: "t".into(),
            old: TaskState::Created,
            new: TaskState::Scheduled,
            cancelling: 0,
            reason: Reason::StepStarted,
            span: None,
        }
    }

    #[test]
    fn the_log_keeps_the_events_of_passing_tasks() {
        let evs: Vec<TraceEvent> = [0, 1, 2, 1, 3, 0]
            .iter()
            .enumerate()
            .map(|(i, t)| ev(i as u64, *t))
            .collect();
        let p = Passing::of(
            &rows(),
            &Filter {
                name: "fetch".into(),
                ..Filter::default()
            },
        );
        assert_eq!(p.events(&evs), vec![1, 2, 3]);
        let all = Passing::of(&rows(), &Filter::default());
        assert_eq!(all.events(&evs).len(), 6);
    }

    fn task(id: u32, children: Vec<AwaitNode>) -> AwaitNode {
        AwaitNode {
            kind: NodeKind::Task {
                id: TaskId(id),
                name: format!("t{id}").into(),
                state: StateKind::Awaiting,
                group: None,
                cancelling: 0,
            },
            children,
            context: false,
            in_cycle: false,
        }
    }

    #[test]
    fn the_tree_keeps_passing_tasks_with_their_ancestors_as_context() {
        let leaf = AwaitNode {
            kind: NodeKind::Leaf {
                what: "sleep".into(),
            },
            children: vec![],
            context: false,
            in_cycle: false,
        };
        // main(0) awaits gather(users(1) -> sleep, orders(2)); 3 is a root of its own.
        let gather = AwaitNode {
            kind: NodeKind::Gather,
            children: vec![task(1, vec![leaf.clone()]), task(2, vec![])],
            context: false,
            in_cycle: false,
        };
        let snap = AwaitSnapshot {
            roots: vec![task(0, vec![gather]), task(3, vec![])],
            ..AwaitSnapshot::default()
        };
        let p = Passing::of(
            &rows(),
            &Filter {
                name: "users".into(),
                ..Filter::default()
            },
        );
        let cut = p.tree(&snap);
        let walked: Vec<(usize, String, bool)> = cut
            .walk()
            .into_iter()
            .map(|(d, n)| {
                let what = match &n.kind {
                    NodeKind::Task { name, .. } => name.to_string(),
                    NodeKind::Gather => "gather".into(),
                    NodeKind::Leaf { what } => what.clone(),
                    _ => "?".into(),
                };
                (d, what, n.context)
            })
            .collect();
        assert_eq!(
            walked,
            vec![
                (0, "t0".into(), true),
                (1, "gather".into(), false),
                (2, "t1".into(), false),
                (3, "sleep".into(), false),
            ]
        );
        assert_eq!(Passing::of(&rows(), &Filter::default()).tree(&snap), snap);
    }
}
