//! The lifecycle diagram's model: how many tasks are in each state, and which transitions
//! (from, to, how many) the latest trace batch made.

use super::words::StateKind;
use crate::runtime::{TaskState, TraceEvent};

/// Tasks per state, indexed by `StateKind::index`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateCounts(pub [u32; 7]);

impl StateCounts {
    pub fn get(&self, k: StateKind) -> u32 {
        self.0[k.index()]
    }

    /// Counts current states (e.g. the task rows' `state`).
    pub fn from_states<'a>(states: impl IntoIterator<Item = &'a TaskState>) -> Self {
        let mut c = StateCounts::default();
        for s in states {
            c.0[StateKind::of(s).index()] += 1;
        }
        c
    }

    /// Counts each task's latest state in a trace.
    pub fn from_events(events: &[TraceEvent]) -> Self {
        let mut last: Vec<Option<StateKind>> = Vec::new();
        for ev in events {
            let i = ev.task.0 as usize;
            if last.len() <= i {
                last.resize(i + 1, None);
            }
            last[i] = Some(StateKind::of(&ev.new));
        }
        let mut c = StateCounts::default();
        for k in last.into_iter().flatten() {
            c.0[k.index()] += 1;
        }
        c
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}

/// `count` tasks went from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    pub from: StateKind,
    pub to: StateKind,
    pub count: u32,
}

/// The state changes in a batch (same-state events such as a cancel request while awaiting
/// are left out), in order of first occurrence.
pub fn transitions(batch: &[TraceEvent]) -> Vec<Transition> {
    let mut out: Vec<Transition> = Vec::new();
    for ev in batch {
        let (from, to) = (StateKind::of(&ev.old), StateKind::of(&ev.new));
        if from == to {
            continue;
        }
        match out.iter_mut().find(|t| t.from == from && t.to == to) {
            Some(t) => t.count += 1,
            None => out.push(Transition { from, to, count: 1 }),
        }
    }
    out
}

/// The arrows the diagram draws: the picture tutorials draw (Running ⇄ Awaiting through a
/// wakeup, Scheduled ⇄ Running for yields), with the runtime's own edges: a task's first
/// step starts from Created (Created already means "its first step is queued"), and a
/// woken task is Scheduled before it runs again.
pub const EDGES: [(StateKind, StateKind); 8] = [
    (StateKind::Created, StateKind::Running),
    (StateKind::Scheduled, StateKind::Running),
    (StateKind::Running, StateKind::Scheduled),
    (StateKind::Running, StateKind::Awaiting),
    (StateKind::Awaiting, StateKind::Scheduled),
    (StateKind::Running, StateKind::Done),
    (StateKind::Running, StateKind::Failed),
    (StateKind::Running, StateKind::Cancelled),
];
