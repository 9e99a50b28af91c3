//! Cancellation provenance in words: who asked for each cancel request and why, as a chain
//! ("cancelled because the gather(...) was cancelled" ← "Task-1 was cancelled because the
//! timeout at line 9 expired"). A pure fold of the trace's `CancelRequested` events.

use std::collections::{HashMap, HashSet};

use crate::lang::span::LineTable;
use crate::runtime::{CancelCause, CancelRequest, Reason, Span, TaskId, TraceEvent};

use super::words::Lookup;

/// One cancel request as the trace recorded it.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestInfo {
    pub req: CancelRequest,
    /// The task asked to cancel.
    pub task: TaskId,
    pub time: f64,
    pub iteration: u64,
    /// Where the program asked (the `.cancel()` call, the timeout's `async with` line...).
    pub span: Option<Span>,
}

/// Every cancel request of one loop, by id, with the task names needed to word them.
/// Fold it event by event (`note`); a `seq` of 0 (a new `asyncio.run` loop) starts over.
#[derive(Clone, Debug, Default)]
pub struct Requests {
    by_id: HashMap<u32, RequestInfo>,
    by_task: HashMap<u32, Vec<u32>>,
    lookup: Lookup,
}

impl Requests {
    pub fn from_events(events: &[TraceEvent]) -> Requests {
        let mut r = Requests::default();
        for ev in events {
            r.note(ev);
        }
        r
    }

    /// Learns from one more event.
    pub fn note(&mut self, ev: &TraceEvent) {
        if ev.seq == 0 {
            *self = Requests::default();
        }
        self.lookup.note(ev);
        if let Reason::CancelRequested(req) = &ev.reason {
            self.by_task.entry(ev.task.0).or_default().push(req.id);
            self.by_id.insert(
                req.id,
                RequestInfo {
                    req: req.clone(),
                    task: ev.task,
                    time: ev.time,
                    iteration: ev.iteration,
                    span: ev.span,
                },
            );
        }
    }

    pub fn get(&self, id: u32) -> Option<&RequestInfo> {
        self.by_id.get(&id)
    }

    /// The cancel requests task `t` received, oldest first.
    pub fn of_task(&self, t: TaskId) -> &[u32] {
        self.by_task.get(&t.0).map_or(&[], Vec::as_slice)
    }

    /// The names the words use.
    pub fn lookup(&self) -> &Lookup {
        &self.lookup
    }
}

/// What the words may mention beyond the trace: the program's lines, and how failed tasks
/// failed (`repr` of the exception, by task id) for "when Task-4 failed with ValueError".
#[derive(Clone, Copy, Default)]
pub struct Context<'a> {
    pub lines: Option<&'a LineTable>,
    pub failures: Option<&'a HashMap<u32, String>>,
}

impl Context<'_> {
    fn at_line(&self, span: Option<Span>) -> String {
        match (self.lines, span) {
            (Some(l), Some(s)) => format!(" at line {}", l.line_of(s.0)),
            _ => String::new(),
        }
    }

    fn failed_with(&self, t: TaskId) -> String {
        match self.failures.and_then(|f| f.get(&t.0)) {
            Some(exc) => format!(" with {}", exception_type(exc)),
            None => String::new(),
        }
    }
}

/// `ValueError('boom')` -> `ValueError`; anything else unchanged.
fn exception_type(repr: &str) -> &str {
    repr.split('(').next().unwrap_or(repr)
}

/// Why request `info` was made, starting with "cancelled": "cancelled by Task-2 at line 14
/// (task.cancel())", "cancelled because the timeout at line 9 expired".
pub fn link(info: &RequestInfo, r: &Requests, cx: Context<'_>) -> String {
    let lk = &r.lookup;
    let at = cx.at_line(info.span);
    match &info.req.cause {
        CancelCause::User => "cancelled by you (the playground's cancel command)".into(),
        CancelCause::Task { by } if *by == info.task => {
            format!("cancelled by itself{at} (task.cancel())")
        }
        CancelCause::Task { by } => format!("cancelled by {}{at} (task.cancel())", lk.name(*by)),
        CancelCause::Callback => format!("cancelled by a callback{at} (task.cancel())"),
        CancelCause::Timeout { .. } => format!("cancelled because the timeout{at} expired"),
        CancelCause::WaitFor { .. } => {
            format!("cancelled because the wait_for(){at} timed out")
        }
        CancelCause::TaskGroupAbort {
            failed: Some(t), ..
        } => format!(
            "cancelled because its TaskGroup aborted when {} failed{}",
            lk.name(*t),
            cx.failed_with(*t)
        ),
        CancelCause::TaskGroupAbort { failed: None, .. } => {
            "cancelled because its TaskGroup aborted (its body raised or was cancelled)".into()
        }
        CancelCause::Shutdown => {
            "cancelled by asyncio.run's shutdown (still running when main() ended)".into()
        }
        CancelCause::Gather { .. } => {
            "cancelled because the gather(...) it belongs to was cancelled".into()
        }
        CancelCause::Awaiter { task } => {
            format!(
                "cancelled because {}, which awaited it, was cancelled",
                lk.name(*task)
            )
        }
        CancelCause::WaitForZero => format!("cancelled by wait_for(timeout=0){at}"),
    }
}

/// The whole chain for request `id`: its own reason first, then each request that led to
/// it, named ("Task-1 was cancelled because ..."), up to the one nobody else caused.
/// Empty when `id` is not in the trace.
pub fn chain(r: &Requests, id: u32, cx: Context<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut next = Some(id);
    while let Some(id) = next {
        // A request's parent is always older, so a cycle means a broken trace: stop.
        if !seen.insert(id) {
            break;
        }
        let Some(info) = r.get(id) else { break };
        let words = link(info, r, cx);
        if out.is_empty() {
            out.push(words);
        } else {
            out.push(format!("{} was {words}", r.lookup.name(info.task)));
        }
        next = info.req.parent;
    }
    out
}

/// The chains of every request task `t` received, oldest first.
pub fn of_task(r: &Requests, t: TaskId, cx: Context<'_>) -> Vec<Vec<String>> {
    r.of_task(t).iter().map(|&id| chain(r, id, cx)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::vm::session::{Session, Status};

    /// Runs `src` to the end; returns the trace and how each failed task failed.
    fn run(src: &str) -> (Vec<TraceEvent>, HashMap<u32, String>) {
        let mut s = Session::new(src, "main.py");
        s.vm.tracing = true;
        let (mut trace, mut failures) = (Vec::new(), HashMap::new());
        loop {
            let status = s.step(100_000);
            for ev in s.take_trace() {
                if ev.new == crate::runtime::TaskState::Failed {
                    if let Some(exc) = s.task_outcome_repr(ev.task) {
                        failures.insert(ev.task.0, exc);
                    }
                }
                trace.push(ev);
            }
            if let Status::Finished { .. } = status {
                return (trace, failures);
            }
        }
    }

    /// Every request's chain, as `(task name, chain)`, in trace order.
    fn chains(src: &str) -> Vec<(String, Vec<String>)> {
        let (trace, failures) = run(src);
        let lines = LineTable::new(src);
        let cx = Context {
            lines: Some(&lines),
            failures: Some(&failures),
        };
        let mut r = Requests::default();
        let mut out = Vec::new();
        for ev in &trace {
            r.note(ev);
            if let Reason::CancelRequested(req) = &ev.reason {
                out.push((ev.name.to_string(), chain(&r, req.id, cx)));
            }
        }
        out
    }

    fn one(name: &str, words: &[&str]) -> (String, Vec<String>) {
        (name.into(), words.iter().map(|w| w.to_string()).collect())
    }

    const CHILD: &str = "import asyncio\n\nasync def child(n):\n    await asyncio.sleep(n)\n\n";

    #[test]
    fn a_task_cancel_names_the_caller_and_its_line() {
        let src = format!(
            "{CHILD}async def main():\n    t = asyncio.create_task(child(1))\n    \
             await asyncio.sleep(0)\n    t.cancel()\n\nasyncio.run(main())\n"
        );
        assert_eq!(
            chains(&src),
            vec![one(
                "Task-2",
                &["cancelled by Task-1 at line 9 (task.cancel())"]
            )]
        );
    }

    #[test]
    fn a_timeout_through_gather_is_a_chain_to_the_timeout_line() {
        let src = format!(
            "{CHILD}async def main():\n    try:\n        async with asyncio.timeout(0.05):\n            \
             await asyncio.gather(child(1), child(2))\n    except TimeoutError:\n        \
             pass\n\nasyncio.run(main())\n"
        );
        let timeout = "cancelled because the timeout at line 8 expired";
        let via_gather = [
            "cancelled because the gather(...) it belongs to was cancelled",
            "Task-1 was cancelled because the timeout at line 8 expired",
        ];
        assert_eq!(
            chains(&src),
            vec![
                one("Task-1", &[timeout]),
                one("Task-2", &via_gather),
                one("Task-3", &via_gather)
            ]
        );
    }

    #[test]
    fn a_task_group_abort_names_the_failed_sibling_and_its_exception() {
        let src = format!(
            "{CHILD}async def boom():\n    await asyncio.sleep(0.01)\n    raise ValueError('x')\n\n\
             async def main():\n    try:\n        async with asyncio.TaskGroup() as tg:\n            \
             tg.create_task(boom())\n            tg.create_task(child(1))\n    except* ValueError:\n        \
             pass\n\nasyncio.run(main())\n"
        );
        let abort = "cancelled because its TaskGroup aborted when Task-2 failed with ValueError";
        // The sibling, then the parent (`_on_task_done` cancels the parent task too).
        assert_eq!(
            chains(&src),
            vec![one("Task-3", &[abort]), one("Task-1", &[abort])]
        );
    }

    #[test]
    fn wait_for_and_shutdown_and_awaiters_are_worded() {
        let src = format!(
            "{CHILD}async def outer():\n    await asyncio.create_task(child(5), name='inner')\n\n\
             async def main():\n    try:\n        await asyncio.wait_for(child(1), 0.01)\n    \
             except TimeoutError:\n        pass\n    o = asyncio.create_task(outer(), name='outer')\n    \
             await asyncio.sleep(0)\n    o.cancel()\n    asyncio.create_task(child(10), name='left')\n\n\
             asyncio.run(main())\n"
        );
        assert_eq!(
            chains(&src),
            vec![
                one(
                    "Task-1",
                    &["cancelled because the wait_for() at line 11 timed out"]
                ),
                one("outer", &["cancelled by Task-1 at line 16 (task.cancel())"]),
                one(
                    "inner",
                    &[
                        "cancelled because outer, which awaited it, was cancelled",
                        "outer was cancelled by Task-1 at line 16 (task.cancel())",
                    ]
                ),
                // Still waiting for inner when main() returned.
                one(
                    "outer",
                    &["cancelled by asyncio.run's shutdown (still running when main() ended)"]
                ),
                one(
                    "left",
                    &["cancelled by asyncio.run's shutdown (still running when main() ended)"]
                ),
            ]
        );
    }

    #[test]
    fn unknown_requests_and_cycles_end_the_chain() {
        let r = Requests::default();
        assert!(chain(&r, 7, Context::default()).is_empty());
        let mut r = Requests::default();
        let ev = |seq, id, parent| TraceEvent {
            seq,
            time: 0.0,
            iteration: 0,
            task: TaskId(0),
            name: "Task-1".into(),
            old: crate::runtime::TaskState::Scheduled,
            new: crate::runtime::TaskState::Scheduled,
            cancelling: 1,
            reason: Reason::CancelRequested(CancelRequest {
                id,
                cause: CancelCause::User,
                parent,
            }),
            span: None,
        };
        r.note(&ev(0, 1, Some(2)));
        r.note(&ev(1, 2, Some(1)));
        assert_eq!(chain(&r, 1, Context::default()).len(), 2);
        assert_eq!(r.of_task(TaskId(0)), &[1, 2]);
    }
}
