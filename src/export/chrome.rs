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
        crate::sort::sort_by_key(&mut open, |(t, _)| *t);
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

/// Checks that `v` has the shape `export` documents: `traceEvents` whose every event has a
/// `ph`, a numeric `ts`, `pid` and `tid`; a `thread_name` for every track used; `X` slices
/// with a `dur` that never overlap on one track; flows whose every `s` has one `f` with the
/// same id, not earlier. Used by the tests, and handy for anyone consuming the file.
pub fn check_shape(v: &Value) -> Result<(), String> {
    let events = v
        .get("traceEvents")
        .and_then(Value::as_array)
        .ok_or("no traceEvents array")?;
    let mut named = std::collections::HashSet::new();
    let mut used = std::collections::HashSet::new();
    let mut slices: HashMap<(u64, u64), Vec<(u64, u64)>> = HashMap::new();
    let mut flows: HashMap<u64, (Vec<u64>, Vec<u64>)> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let ph = e
            .get("ph")
            .and_then(Value::as_str)
            .ok_or(format!("event {i}: no ph"))?;
        let num = |k: &str| {
            e.get(k)
                .and_then(Value::as_u64)
                .ok_or(format!("event {i}: no {k}"))
        };
        let (ts, pid, tid) = (num("ts")?, num("pid")?, num("tid")?);
        match ph {
            "M" => {
                if e.get("name").and_then(Value::as_str) == Some("thread_name") {
                    named.insert((pid, tid));
                }
            }
            "X" => {
                slices
                    .entry((pid, tid))
                    .or_default()
                    .push((ts, num("dur")?));
                used.insert((pid, tid));
            }
            "i" | "s" | "f" => {
                used.insert((pid, tid));
                if ph != "i" {
                    let pair = flows.entry(num("id")?).or_default();
                    if ph == "s" { &mut pair.0 } else { &mut pair.1 }.push(ts);
                }
            }
            other => return Err(format!("event {i}: unexpected ph {other:?}")),
        }
    }
    if let Some(t) = used.difference(&named).next() {
        return Err(format!("track {t:?} has no thread_name"));
    }
    for (track, mut s) in slices {
        s.sort_unstable();
        for w in s.windows(2) {
            if w[0].0 + w[0].1 > w[1].0 {
                return Err(format!("slices overlap on track {track:?}: {w:?}"));
            }
        }
    }
    for (id, (s, f)) in flows {
        match (s.as_slice(), f.as_slice()) {
            ([s], [f]) if s <= f => {}
            _ => return Err(format!("flow {id} is not one s then one f: {s:?} {f:?}")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::vm::session::{Session, Status};

    fn trace_of(src: &str) -> Vec<TraceEvent> {
        let mut s = Session::new(src, "main.py");
        s.vm.tracing = true;
        let mut trace = Vec::new();
        loop {
            let status = s.step(100_000);
            trace.extend(s.take_trace());
            if let Status::Finished { .. } = status {
                return trace;
            }
        }
    }

    const PROGRAM: &str = "import asyncio

async def child(n):
    await asyncio.sleep(n)
    return n

async def boom():
    await asyncio.sleep(0.01)
    raise ValueError('x')

async def main():
    t = asyncio.create_task(child(1))
    print(await t)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.gather(child(1), child(2))
    except TimeoutError:
        pass
    try:
        await asyncio.create_task(boom())
    except ValueError:
        pass
    for _ in range(3):
        await asyncio.sleep(0)

asyncio.run(main())
asyncio.run(main())
";

    fn of_ph<'a>(v: &'a Value, ph: &str) -> Vec<&'a Value> {
        v["traceEvents"]
            .as_array()
            .map(|a| a.iter().filter(|e| e["ph"] == ph).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_run_exports_tracks_slices_instants_and_paired_flows() {
        let v = export(&trace_of(PROGRAM), Default::default());
        check_shape(&v).unwrap();
        // Two asyncio.run loops: two processes. Task names count across runs as in CPython
        // (`Task-N` is process-wide): the second main is Task-8 (after Task-1..5 and the two
        // names `Runner.close()` uses).
        let names: Vec<_> = of_ph(&v, "M")
            .into_iter()
            .filter(|e| e["name"] == "thread_name" && e["tid"] == 1)
            .map(|e| (e["pid"].as_u64(), e["args"]["name"].as_str()))
            .collect();
        assert_eq!(
            names,
            vec![(Some(1), Some("Task-1")), (Some(2), Some("Task-8"))]
        );
        assert!(of_ph(&v, "X").len() >= 10);
        let instants: Vec<_> = of_ph(&v, "i").iter().map(|e| e["name"].clone()).collect();
        for want in [
            "cancel requested",
            "timeout fired",
            "raised",
            "CancelledError delivered",
        ] {
            assert!(instants.iter().any(|n| n == want), "no {want} instant");
        }
        let why = of_ph(&v, "i")
            .into_iter()
            .find(|e| e["name"] == "cancel requested" && e["tid"] == 3)
            .map(|e| e["args"]["why"][1].clone());
        assert_eq!(
            why.as_ref().and_then(Value::as_str),
            Some("Task-1 was cancelled because the timeout expired")
        );
        // Task-2 (tid 2) finishing wakes main: an arrow from its last step to main's next.
        let starts = of_ph(&v, "s");
        assert!(
            starts.iter().any(|e| e["tid"] == 2 && e["pid"] == 1),
            "{starts:?}"
        );
        assert_eq!(starts.len(), of_ph(&v, "f").len());
    }

    #[test]
    fn zero_time_steps_stay_ordered_and_visible() {
        let v = export(&trace_of(PROGRAM), Default::default());
        let mut last = 0;
        for e in of_ph(&v, "X") {
            assert!(e["dur"].as_u64() >= Some(1), "{e}");
            let ts = e["ts"].as_u64().unwrap_or(0);
            if e["pid"] == 1 {
                assert!(ts >= last);
                last = ts;
            }
        }
    }

    #[test]
    fn check_shape_rejects_what_the_format_forbids() {
        let bad = [
            json!({}),
            json!({"traceEvents": [{"ph": "X", "ts": 0, "pid": 1}]}),
            json!({"traceEvents": [
                {"ph": "M", "name": "thread_name", "ts": 0, "pid": 1, "tid": 1},
                {"ph": "X", "ts": 0, "dur": 5, "pid": 1, "tid": 1},
                {"ph": "X", "ts": 3, "dur": 5, "pid": 1, "tid": 1}]}),
            json!({"traceEvents": [
                {"ph": "M", "name": "thread_name", "ts": 0, "pid": 1, "tid": 1},
                {"ph": "s", "id": 1, "ts": 0, "pid": 1, "tid": 1}]}),
            json!({"traceEvents": [{"ph": "i", "ts": 0, "pid": 1, "tid": 9}]}),
        ];
        for b in bad {
            assert!(check_shape(&b).is_err(), "{b}");
        }
    }
}
