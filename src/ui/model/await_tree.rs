//! The await tree: live tasks nested by who awaits whom (a task awaiting a task, `gather`
//! and `shield` as nodes, a TaskGroup's `__aexit__` with its children), taken from a `Loop`
//! with its public queries (`task_state`, `awaits`, `future_task`, `task_group_*`).

use std::rc::Rc;

use super::await_cycles::{self, Cycle};
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
    /// Kept by a filter only because something under it passes (drawn dimmed).
    pub context: bool,
    /// A task on a wait-for cycle (`cycles`): it can never finish.
    pub in_cycle: bool,
}

impl AwaitNode {
    fn new(kind: NodeKind, children: Vec<AwaitNode>) -> Self {
        AwaitNode {
            kind,
            children,
            context: false,
            in_cycle: false,
        }
    }
}

/// The forest: one root per live task nobody awaits, in creation order, then one per
/// cycle of tasks waiting on each other that no other task awaits (its first task; the
/// path stops where it comes back round).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AwaitSnapshot {
    pub roots: Vec<AwaitNode>,
    /// Tasks waiting on each other (`await_cycles`), each cycle once.
    pub cycles: Vec<Cycle>,
    /// Each cycle in words, in the order of `cycles`.
    pub cycle_words: Vec<String>,
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
    let mut states = Vec::with_capacity(live.len());
    for &t in &live {
        let state = lp.task_state(t);
        if let TaskState::Awaiting(w) = &state {
            mark_awaited(lp, w.fut, &mut awaited, 0);
        }
        states.push((t, state));
    }
    let cycles = await_cycles::cycles_among(lp, &states);
    let mut on_cycle = vec![false; lp.task_count()];
    for c in &cycles {
        for (t, _) in &c.steps {
            if let Some(x) = on_cycle.get_mut(t.0 as usize) {
                *x = true;
            }
        }
    }
    let mut path = Vec::new();
    let mut roots: Vec<AwaitNode> = live
        .iter()
        .filter(|t| !awaited[t.0 as usize])
        .map(|&t| task_node(lp, t, &names, &on_cycle, &mut path))
        .collect();
    // Tasks that await each other in a ring are all awaited, so no root reaches them:
    // each such cycle gets a root of its own at its first task.
    let mut shown = vec![
        false;
        if cycles.is_empty() {
            0
        } else {
            lp.task_count()
        }
    ];
    if !cycles.is_empty() {
        for r in &roots {
            mark_shown(r, &mut shown);
        }
    }
    for c in &cycles {
        let first = c.steps[0].0;
        if !shown.get(first.0 as usize).copied().unwrap_or(true) {
            let node = task_node(lp, first, &names, &on_cycle, &mut path);
            mark_shown(&node, &mut shown);
            roots.push(node);
        }
    }
    let cycle_words = cycles
        .iter()
        .map(|c| c.words(|t| names.name(t), |r| format!("Lock #{}", r.0)))
        .collect();
    AwaitSnapshot {
        roots,
        cycles,
        cycle_words,
    }
}

fn mark_shown(n: &AwaitNode, shown: &mut [bool]) {
    if let NodeKind::Task { id, .. } = &n.kind {
        if let Some(x) = shown.get_mut(id.0 as usize) {
            *x = true;
        }
    }
    for c in &n.children {
        mark_shown(c, shown);
    }
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
    on_cycle: &[bool],
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    let in_cycle = on_cycle.get(t.0 as usize).copied().unwrap_or(false);
    let state = lp.task_state(t);
    let kind = NodeKind::Task {
        id: t,
        name: lp.task_name(t).unwrap_or_else(|| Rc::from("")),
        state: StateKind::of(&state),
        group: lp.task_group_of(t).map(|TaskGroupId(g)| g),
        cancelling: lp.cancelling(t),
    };
    // Tasks can await each other in a ring (A awaits B awaits A): the path stops where it
    // comes back round, at a node with no children.
    if path.contains(&t) || path.len() > MAX_DEPTH {
        return AwaitNode {
            in_cycle,
            ..AwaitNode::new(kind, Vec::new())
        };
    }
    path.push(t);
    let children = match &state {
        TaskState::Awaiting(w) => vec![awaited_node(lp, w.fut, &w.what, names, on_cycle, path)],
        _ => Vec::new(),
    };
    path.pop();
    AwaitNode {
        in_cycle,
        ..AwaitNode::new(kind, children)
    }
}

/// The node for a future a task awaits, knowing what it stands for.
fn awaited_node<H: Host>(
    lp: &Loop<H>,
    fut: FutId,
    what: &Waitable,
    names: &Lookup,
    on_cycle: &[bool],
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    let kind = match what {
        Waitable::Task(t) => return task_node(lp, *t, names, on_cycle, path),
        Waitable::Gather => NodeKind::Gather,
        Waitable::Shield { .. } => NodeKind::Shield,
        Waitable::TaskGroup(g) => NodeKind::TaskGroup { group: *g },
        Waitable::Wait => NodeKind::Wait,
        other => {
            return AwaitNode::new(
                NodeKind::Leaf {
                    what: words::wait(other, names),
                },
                Vec::new(),
            )
        }
    };
    let children = lp
        .awaits(fut)
        .into_iter()
        .map(|f| future_node(lp, f, names, on_cycle, path))
        .collect();
    AwaitNode::new(kind, children)
}

/// A child future of a gather/shield/group/wait: a task, or a nested combinator.
fn future_node<H: Host>(
    lp: &Loop<H>,
    fut: FutId,
    names: &Lookup,
    on_cycle: &[bool],
    path: &mut Vec<TaskId>,
) -> AwaitNode {
    if let Some(t) = lp.future_task(fut) {
        return task_node(lp, t, names, on_cycle, path);
    }
    let children: Vec<AwaitNode> = if path.len() > MAX_DEPTH {
        Vec::new()
    } else {
        lp.awaits(fut)
            .into_iter()
            .map(|f| future_node(lp, f, names, on_cycle, path))
            .collect()
    };
    let what = if lp.future_done(fut) {
        "a future (done)"
    } else {
        "a future"
    };
    AwaitNode::new(NodeKind::Leaf { what: what.into() }, children)
}
