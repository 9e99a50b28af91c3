//! Tasks waiting on each other: the wait-for graph of live tasks (a task awaiting a task,
//! directly or through gather/wait/TaskGroup, or waiting on a Lock another task holds) and
//! its cycles, which can never resolve (A awaits B awaits A; or A holds Lock a and waits on
//! Lock b while B holds b and waits on a).

use crate::runtime::{FutId, Host, Loop, ResourceId, TaskId, TaskState, Waitable};

/// Why one task waits for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// It awaits the other task (directly, or through gather/wait/a TaskGroup).
    Awaits,
    /// It waits on a Lock (or a Condition's lock) the other task holds.
    Lock(ResourceId),
}

/// One cycle: `steps[i].0` waits for `steps[i + 1].0` (the last for the first) because of
/// `steps[i].1`. Invariant: at least one step; tasks are distinct; the first task has the
/// smallest id (so the same cycle is always written the same way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    pub steps: Vec<(TaskId, Via)>,
}

impl Cycle {
    pub fn contains(&self, t: TaskId) -> bool {
        self.steps.iter().any(|(s, _)| *s == t)
    }

    /// In words: "Task-1 awaits Task-2, which waits on Lock #0 held by Task-1: a cycle, so
    /// none of them can ever finish". `name` names a task, `lock` a resource.
    pub fn words(
        &self,
        name: impl Fn(TaskId) -> String,
        lock: impl Fn(ResourceId) -> String,
    ) -> String {
        let mut out = String::new();
        for (i, (t, via)) in self.steps.iter().enumerate() {
            let next = self.steps[(i + 1) % self.steps.len()].0;
            if i == 0 {
                out.push_str(&name(*t));
            } else {
                out.push_str(", which");
            }
            match via {
                Via::Awaits => out.push_str(&format!(" awaits {}", name(next))),
                Via::Lock(r) => {
                    out.push_str(&format!(" waits on {} held by {}", lock(*r), name(next)))
                }
            }
        }
        let end = if self.steps.len() == 1 {
            ": it waits for itself, so it can never finish"
        } else {
            ": a cycle, so none of them can ever finish"
        };
        out.push_str(end);
        out
    }
}

/// The tasks a task in `state` waits for, with why (empty unless it is awaiting).
pub fn waits_for<H: Host>(
    lp: &Loop<H>,
    holders: &[Option<TaskId>],
    state: &TaskState,
) -> Vec<(TaskId, Via)> {
    let TaskState::Awaiting(w) = state else {
        return Vec::new();
    };
    match &w.what {
        Waitable::Task(u) => vec![(*u, Via::Awaits)],
        Waitable::Lock(r) => holders
            .get(r.0 as usize)
            .copied()
            .flatten()
            .map(|h| vec![(h, Via::Lock(*r))])
            .unwrap_or_default(),
        Waitable::Gather | Waitable::Wait | Waitable::TaskGroup(_) | Waitable::Shield { .. } => {
            let mut out = Vec::new();
            tasks_under(lp, w.fut, &mut out, 0);
            out.into_iter().map(|u| (u, Via::Awaits)).collect()
        }
        _ => Vec::new(),
    }
}

/// The tasks a combinator future waits on (through nested combinators).
fn tasks_under<H: Host>(lp: &Loop<H>, fut: FutId, out: &mut Vec<TaskId>, depth: usize) {
    if depth > 64 {
        return;
    }
    for f in lp.awaits(fut) {
        match lp.future_task(f) {
            Some(u) => out.push(u),
            None => tasks_under(lp, f, out, depth + 1),
        }
    }
}

/// The holder of each Lock that is locked, by resource id (a Condition re-acquiring after
/// `notify` waits on its Lock, so it is covered too).
pub fn lock_holders<H: Host>(lp: &Loop<H>) -> Vec<Option<TaskId>> {
    lp.resources()
        .iter()
        .map(|v| v.holder.filter(|_| v.busy && v.kind == "Lock"))
        .collect()
}

/// Every cycle among the live tasks, each once, ordered by its first (smallest) task.
pub fn cycles<H: Host>(lp: &Loop<H>) -> Vec<Cycle> {
    let states: Vec<(TaskId, TaskState)> = lp
        .all_tasks()
        .into_iter()
        .map(|t| (t, lp.task_state(t)))
        .collect();
    cycles_among(lp, &states)
}

/// `cycles`, given each live task's state (the await tree has them already). Only tasks
/// awaiting a task, a combinator or a Lock can be on a cycle; the others cost nothing.
pub fn cycles_among<H: Host>(lp: &Loop<H>, states: &[(TaskId, TaskState)]) -> Vec<Cycle> {
    let what = |s: &TaskState| match s {
        TaskState::Awaiting(w) => Some(w.what.clone()),
        _ => None,
    };
    let on_lock = |s: &TaskState| matches!(what(s), Some(Waitable::Lock(_)));
    let candidates: Vec<&(TaskId, TaskState)> = states
        .iter()
        .filter(|(_, s)| {
            matches!(
                what(s),
                Some(
                    Waitable::Task(_)
                        | Waitable::Lock(_)
                        | Waitable::Gather
                        | Waitable::Wait
                        | Waitable::TaskGroup(_)
                        | Waitable::Shield { .. }
                )
            )
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let holders = if candidates.iter().any(|(_, s)| on_lock(s)) {
        lock_holders(lp)
    } else {
        Vec::new()
    };
    let live: Vec<TaskId> = candidates.iter().map(|(t, _)| *t).collect();
    let n = lp.task_count();
    let mut edges: Vec<Vec<(TaskId, Via)>> = vec![Vec::new(); n];
    for (t, s) in &candidates {
        if let Some(e) = edges.get_mut(t.0 as usize) {
            *e = waits_for(lp, &holders, s);
        }
    }
    // Follow paths from each task that waits for someone, smallest first, and keep a cycle
    // when it returns to its start through larger ids only (so it is found once, from its
    // smallest task). Depth and total work are bounded (a per-frame view must stay cheap
    // with 10,000 tasks; a cycle beyond the bounds is simply not marked).
    let mut out = Vec::new();
    let mut budget = WORK_BUDGET;
    for &start in &live {
        if edges.get(start.0 as usize).is_none_or(|e| e.is_empty()) {
            continue;
        }
        let mut path: Vec<(TaskId, Via)> = Vec::new();
        find(&edges, start, start, &mut path, &mut out, &mut budget);
        if budget == 0 {
            break;
        }
    }
    out
}

/// Edges followed at most per `cycles` call.
const WORK_BUDGET: usize = 200_000;

fn find(
    edges: &[Vec<(TaskId, Via)>],
    start: TaskId,
    at: TaskId,
    path: &mut Vec<(TaskId, Via)>,
    out: &mut Vec<Cycle>,
    budget: &mut usize,
) {
    if path.len() > 32 || out.len() > 64 {
        return;
    }
    for &(next, via) in edges.get(at.0 as usize).map_or(&[][..], |v| v.as_slice()) {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        path.push((at, via));
        if next == start {
            let c = Cycle {
                steps: path.clone(),
            };
            if !out.contains(&c) {
                out.push(c);
            }
        } else if next > start && !path.iter().any(|(t, _)| *t == next) {
            find(edges, start, next, path, out, budget);
        }
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::vm::session::{Session, Status};
    use crate::ui::model::await_tree::{snapshot, AwaitSnapshot, NodeKind};

    /// Runs `code` until loop time passes `t`, then takes the await tree.
    fn tree_at(code: &str, t: f64) -> AwaitSnapshot {
        let mut s = Session::new(code, "main.py");
        for _ in 0..10_000 {
            if s.running_loop().is_some_and(|lp| lp.time() >= t) {
                break;
            }
            if let Status::Finished { .. } = s.step(1) {
                break;
            }
        }
        snapshot(s.running_loop().expect("the loop still runs"))
    }

    /// Names of the tasks in the tree marked as on a cycle, depth first.
    fn marked(snap: &AwaitSnapshot) -> Vec<String> {
        snap.walk()
            .into_iter()
            .filter(|(_, n)| n.in_cycle)
            .filter_map(|(_, n)| match &n.kind {
                NodeKind::Task { name, .. } => Some(name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tasks_awaiting_each_other_are_a_marked_cycle_with_a_root_of_their_own() {
        let code = "import asyncio

async def a():
    await asyncio.sleep(0.1)
    await tb

async def b():
    await asyncio.sleep(0.1)
    await ta

async def main():
    global ta, tb
    ta = asyncio.create_task(a(), name='A')
    tb = asyncio.create_task(b(), name='B')
    await asyncio.sleep(5)

asyncio.run(main())
";
        let snap = tree_at(code, 1.0);
        assert_eq!(
            snap.cycle_words,
            vec![
                "A awaits B, which awaits A: a cycle, so none of them can ever finish".to_string()
            ]
        );
        // Neither is a root by the await relation (each is awaited), yet both are shown:
        // A, under it B, under it A again (where the path comes back round).
        assert_eq!(marked(&snap), vec!["A", "B", "A"]);
        assert_eq!(snap.roots.len(), 2, "main and the cycle");
    }

    #[test]
    fn two_locks_taken_in_opposite_orders_are_a_cycle_through_their_holders() {
        let code = "import asyncio

async def one(x, y):
    async with x:
        await asyncio.sleep(0.1)
        async with y:
            pass

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    t1 = asyncio.create_task(one(a, b), name='first')
    t2 = asyncio.create_task(one(b, a), name='second')
    await asyncio.sleep(5)

asyncio.run(main())
";
        let snap = tree_at(code, 1.0);
        assert_eq!(
            snap.cycle_words,
            vec!["first waits on Lock #1 held by second, which waits on Lock #0 held by first: a cycle, so none of them can ever finish".to_string()]
        );
        assert_eq!(marked(&snap), vec!["first", "second"]);
    }

    #[test]
    fn an_ordinary_await_chain_is_no_cycle() {
        let code = "import asyncio

async def leaf():
    await asyncio.sleep(3)

async def main():
    await asyncio.gather(asyncio.create_task(leaf()), leaf())

asyncio.run(main())
";
        let snap = tree_at(code, 1.0);
        assert!(snap.cycles.is_empty());
        assert!(marked(&snap).is_empty());
    }

    #[test]
    fn a_cycle_is_worded_from_its_first_task() {
        let c = Cycle {
            steps: vec![
                (TaskId(1), Via::Awaits),
                (TaskId(2), Via::Lock(ResourceId(0))),
            ],
        };
        let w = c.words(|t| format!("Task-{}", t.0), |r| format!("Lock #{}", r.0));
        assert_eq!(
            w,
            "Task-1 awaits Task-2, which waits on Lock #0 held by Task-1: a cycle, so none \
             of them can ever finish"
        );
        let own = Cycle {
            steps: vec![(TaskId(3), Via::Lock(ResourceId(2)))],
        };
        assert!(own
            .words(|t| format!("T{}", t.0), |_| "Lock l".into())
            .contains("waits for itself"));
        assert!(c.contains(TaskId(2)) && !c.contains(TaskId(3)));
    }
}
