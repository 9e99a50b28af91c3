//! The trace as Chrome trace-event JSON (the "JSON Object Format" that Perfetto and
//! chrome://tracing open): a track per task, running steps as slices, instants for cancel
//! requests, timeouts and exceptions, flow arrows from the task that woke another to it.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::runtime::{Reason, TaskState, TraceEvent};
use crate::ui::model::{provenance, words};

/// Chrome's thread id for task `t` (0 is left for the loop's own track).
fn tid(t: crate::runtime::TaskId) -> u64 {
    u64::from(t.0) + 1
}

/// Builds `{"traceEvents": [...], "displayTimeUnit": "ms"}` from a whole trace.
///
/// Shape (what the tests check): every event has `ph`, `ts` (µs), `pid` and `tid`; `pid`
/// is the `asyncio.run` loop (1 for the first; a `seq` of 0 starts the next) and `tid` the
/// task id + 1; each track gets `M` `thread_name`; `X` slices (running steps) never overlap
/// on a track; every flow start `s` has exactly one finish `f` with the same `id`.
///
/// Time: `ts` is loop time in µs, except that events at one loop time are spread 1 µs
/// apart in trace order (so steps that take no loop time on the virtual clock stay visible
/// and in order): each event's `ts` is `max(time × 10⁶, previous ts + 1)`.
pub fn export(trace: &[TraceEvent], cx: provenance::Context<'_>) -> Value {
    let mut x = Exporter {
        cx,
        ..Exporter::default()
    };
    for ev in trace {
        x.event(ev);
    }
    x.finish()
}

#[derive(Default)]
struct Exporter<'a> {
    cx: provenance::Context<'a>,
    out: Vec<Value>,
    pid: u64,
    last_ts: Option<u64>,
    requests: provenance::Requests,
    /// Open running slice per task: (start ts, name of how it started).
    open: HashMap<u32, (u64, String)>,
    /// The task whose step ran last in this iteration and its slice's span (start, end;
    /// `None` while open): who woke the tasks woken now.
    waker: Option<(crate::runtime::TaskId, u64, u64, Option<u64>)>,
    /// Flows started, waiting for the woken task's next step: task -> (id, ts, waker tid).
    pending_flows: HashMap<u32, Vec<(u64, u64, u64)>>,
    next_flow: u64,
    named: std::collections::HashSet<u32>,
}

impl Exporter<'_> {
    fn ts(&mut self, time: f64) -> u64 {
        let t = if time.is_finite() && time > 0.0 {
            (time * 1e6).round() as u64
        } else {
            0
        };
        let ts = match self.last_ts {
            Some(last) => t.max(last + 1),
            None => t,
        };
        self.last_ts = Some(ts);
        ts
    }

    fn new_loop(&mut self) {
        self.pid += 1;
        self.open.clear();
        self.waker = None;
        self.pending_flows.clear();
        self.named.clear();
        self.out.push(json!({
            "name": "process_name", "ph": "M", "ts": 0, "pid": self.pid, "tid": 0,
            "args": {"name": format!("asyncio.run #{}", self.pid)},
        }));
    }

    fn event(&mut self, ev: &TraceEvent) {
        if ev.seq == 0 || self.pid == 0 {
            self.new_loop();
        }
        self.requests.note(ev);
        let ts = self.ts(ev.time);
        let (pid, track) = (self.pid, tid(ev.task));
        if self.named.insert(ev.task.0) {
            self.out.push(json!({
                "name": "thread_name", "ph": "M", "ts": 0, "pid": pid, "tid": track,
                "args": {"name": &*ev.name},
            }));
            self.out.push(json!({
                "name": "thread_sort_index", "ph": "M", "ts": 0, "pid": pid, "tid": track,
                "args": {"sort_index": ev.task.0},
            }));
        }
        if matches!(self.waker, Some((_, _, _, Some(_)))) {
            // A finished step only wakes tasks within its own iteration.
            if let Some((_, it, _, _)) = self.waker {
                if it != ev.iteration {
                    self.waker = None;
                }
            }
        }
        let running = |s: &TaskState| matches!(s, TaskState::Running);
        // A step starts: open its slice, and finish the flows that point at it.
        if running(&ev.new) && !running(&ev.old) {
            self.open
                .insert(ev.task.0, (ts, words::reason(ev, self.requests.lookup())));
            self.waker = Some((ev.task, ev.iteration, ts, None));
            // Both ends at once, so every `s` has its `f` (a task woken but never run
            // again, because the run stopped, gets no arrow).
            for (id, at, by) in self.pending_flows.remove(&ev.task.0).unwrap_or_default() {
                self.out.push(json!({
                    "name": "wakeup", "cat": "await", "ph": "s", "id": id,
                    "ts": at, "pid": pid, "tid": by,
                }));
                self.out.push(json!({
                    "name": "wakeup", "cat": "await", "ph": "f", "bp": "e", "id": id,
                    "ts": ts, "pid": pid, "tid": track,
                }));
            }
        }
        // A step ends: close its slice.
        if running(&ev.old) && !running(&ev.new) {
            if let Some((start, began)) = self.open.remove(&ev.task.0) {
                self.out.push(json!({
                    "name": "step", "cat": "task", "ph": "X", "ts": start, "dur": ts - start,
                    "pid": pid, "tid": track,
                    "args": {"began": began, "ended": words::reason(ev, self.requests.lookup()),
                             "iteration": ev.iteration},
                }));
                if let Some((t, it, s, None)) = self.waker {
                    if t == ev.task {
                        self.waker = Some((t, it, s, Some(ts)));
                    }
                }
            }
        }
        self.instant(ev, ts);
        // Woken by another task's step: an arrow from that step to this task's next one.
        if let Reason::WokenBy { .. } = ev.reason {
            if let Some((by, _, start, end)) = self.waker {
                if by != ev.task {
                    // Inside the waker's slice: now if it is open, else its last µs.
                    let at = end.map_or(ts, |e| e.saturating_sub(1).max(start));
                    let id = self.next_flow;
                    self.next_flow += 1;
                    self.pending_flows
                        .entry(ev.task.0)
                        .or_default()
                        .push((id, at, tid(by)));
                }
            }
        }
    }

    /// Instant events: cancel requests (with their provenance), timeouts, exceptions.
    fn instant(&mut self, ev: &TraceEvent, ts: u64) {
        let (name, args) = match &ev.reason {
            Reason::CancelRequested(req) => {
                let chain = provenance::chain(&self.requests, req.id, self.cx);
                ("cancel requested", json!({"request": req.id, "why": chain}))
            }
            Reason::TimeoutFired { timeout } => ("timeout fired", json!({"timeout": timeout})),
            Reason::Raised => ("raised", json!({})),
            Reason::ExceptionThrownIn => ("exception thrown in", json!({})),
            Reason::CancelledErrorDelivered { request } => {
                ("CancelledError delivered", json!({"request": request}))
            }
            _ => return,
        };
        self.out.push(json!({
            "name": name, "cat": "lifecycle", "ph": "i", "s": "t", "ts": ts,
            "pid": self.pid, "tid": tid(ev.task), "args": args,
        }));
    }

    fn finish(mut self) -> Value {
        // Steps still running at the end (a run stopped mid-step) end at the last event.
        let end = self.last_ts.unwrap_or(0);
        let mut open: Vec<_> = self.open.drain().collect();
        open.sort_by_key(|(t, _)| *t);
        for (t, (start, began)) in open {
            self.out.push(json!({
                "name": "step", "cat": "task", "ph": "X", "ts": start, "dur": end - start,
                "pid": self.pid, "tid": u64::from(t) + 1,
                "args": {"began": began, "ended": "the trace ends here"},
            }));
        }
        json!({"traceEvents": self.out, "displayTimeUnit": "ms"})
    }
}
