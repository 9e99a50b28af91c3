//! The await tree: live tasks nested by who awaits whom (a task awaiting a task, `gather`
//! and `shield` as nodes, a TaskGroup's `__aexit__` with its children), taken from a `Loop`
//! with its public queries (`task_state`, `awaits`, `future_task`, `task_group_*`).

use std::rc::Rc;

use super::words::{self, Lookup, StateKind};
use crate::runtime::{FutId, Host, Loop, TaskGroupId, TaskId, TaskState, Waitable};

/// What a node of the tree is.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// A task, with its state and, when it was created in one, its TaskGroup.
    Task {
        id: TaskId,
        name: Rc<str>,
        state: StateKind,
        group: Option<u32>,
        /// `task.cancelling()`: cancel requests not yet done with.
        cancelling: u32,
    },
    /// A `gather(...)`: its children follow.
    Gather,
    /// A `shield(...)`: the shielded future follows.
    Shield,
    /// A TaskGroup's `__aexit__` waiting for its tasks.
    TaskGroup { group: u32 },
    /// `asyncio.wait(...)` over its futures.
    Wait,
    /// Something else awaited (a sleep, a lock, a queue, a plain future), in words.
    Leaf { what: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct AwaitNode {
    pub kind: NodeKind,
    pub children: Vec<AwaitNode>,
}

/// The forest: one root per live task nobody awaits, in creation order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AwaitSnapshot {
    pub roots: Vec<AwaitNode>,
}

impl AwaitSnapshot {
    /// Every node, depth first with its depth (for tests and flat rendering).
    pub fn walk(&self) -> Vec<(usize, &AwaitNode)> {
        fn go<'a>(n: &'a AwaitNode, d: usize, out: &mut Vec<(usize, &'a AwaitNode)>) {
            out.push((d, n));
            for c in &n.children {
                go(c, d + 1, out);
            }
        }
        let mut out = Vec::new();
        for r in &self.roots {
            go(r, 0, &mut out);
        }
        out
    }
}

/// Builds the tree from the loop as it is now. Cheap enough per slice for hundreds of live
/// tasks; every node is visited once per parent (a task awaited by two shows under both).
pub fn snapshot<H: Host>(lp: &Loop<H>) -> AwaitSnapshot {
    let live = lp.all_tasks();
    let names = Lookup::from_names(
        (0..lp.task_count() as u32)
            .map(|i| lp.task_name(TaskId(i)).unwrap_or_else(|| Rc::from(""))),
    );
    // A task is a root unless a live task reaches it through what it awaits.
    let mut awaited = vec![false; lp.task_count()];
    for &t in &live {
        if let TaskState::Awaiting(w) = lp.task_state(t) {
            mark_awaited(lp, w.fut, &mut awaited, 0);
        }
    }
    let mut path = Vec::new();
    let roots = live
        .iter()
        .filter(|t| !awaited[t.0 as usize])
        .map(|&t| task_node(lp, t, &names, &mut path))
        .collect();
    AwaitSnapshot { roots }
}

const MAX_DEPTH: usize = 64;

fn mark_awaited<H: Host>(lp: &Loop<H>, fut: FutId, awaited: &mut [bool], depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(t) = lp.future_task(fut) {
        if let Some(a) = awaited.get_mut(t.0 as usize) {
            *a = true;
        }
        return;
    }
    for f in lp.awaits(fut) {
        mark_awaited(lp, f, awaited, depth + 1);
    }
}

fn task_node<H: Host>(
    lp: &Loop<H>,
    t: TaskId,
    names: &Lookup,
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    let state = lp.task_state(t);
    let kind = NodeKind::Task {
        id: t,
        name: lp.task_name(t).unwrap_or_else(|| Rc::from("")),
        state: StateKind::of(&state),
        group: lp.task_group_of(t).map(|TaskGroupId(g)| g),
        cancelling: lp.cancelling(t),
    };
    // A cycle cannot happen in asyncio (a task awaiting itself raises), but stay safe.
    if path.contains(&t) || path.len() > MAX_DEPTH {
        return AwaitNode {
            kind,
            children: Vec::new(),
        };
    }
    path.push(t);
    let children = match &state {
        TaskState::Awaiting(w) => vec![awaited_node(lp, w.fut, &w.what, names, path)],
        _ => Vec::new(),
    };
    path.pop();
    AwaitNode { kind, children }
}

/// The node for a future a task awaits, knowing what it stands for.
fn awaited_node<H: Host>(
    lp: &Loop<H>,
    fut: FutId,
    what: &Waitable,
    names: &Lookup,
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    let kind = match what {
        Waitable::Task(t) => return task_node(lp, *t, names, path),
        Waitable::Gather => NodeKind::Gather,
        Waitable::Shield { .. } => NodeKind::Shield,
        Waitable::TaskGroup(g) => NodeKind::TaskGroup { group: *g },
        Waitable::Wait => NodeKind::Wait,
        other => {
            return AwaitNode {
                kind: NodeKind::Leaf {
                    what: words::wait(other, names),
                },
                children: Vec::new(),
            }
        }
    };
    let children = lp
        .awaits(fut)
        .into_iter()
        .map(|f| future_node(lp, f, names, path))
        .collect();
    AwaitNode { kind, children }
}

/// A child future of a gather/shield/group/wait: a task, or a nested combinator.
fn future_node<H: Host>(
    lp: &Loop<H>,
    fut: FutId,
    names: &Lookup,
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    if let Some(t) = lp.future_task(fut) {
        return task_node(lp, t, names, path);
    }
    let children: Vec<AwaitNode> = if path.len() > MAX_DEPTH {
        Vec::new()
    } else {
        lp.awaits(fut)
            .into_iter()
            .map(|f| future_node(lp, f, names, path))
            .collect()
    };
    let what = if lp.future_done(fut) {
        "a future (done)"
    } else {
        "a future"
    };
    AwaitNode {
        kind: NodeKind::Leaf { what: what.into() },
        children,
    }
}
