//! Unit tests of the pure folds on hand-made events (no DOM). They run in the browser today
//! (`wasm-pack test --headless --chrome -- --lib`) and natively under `cargo test` once
//! `ui::model` compiles on native; `tests/browser_panels.rs` runs the same folds on traces
//! from the real runtime.

use std::rc::Rc;

use super::event_log::{filtered, visible_range, EventKind, LogFilter};
use super::lifecycle::{transitions, StateCounts, Transition};
use super::timeline::{layout, ticks, MarkerKind, Timeline, Window};
use super::words::{self, Lookup, StateKind};
use crate::runtime::{
    CancelCause, CancelRequest, FutId, Reason, TaskId, TaskState, TraceEvent, WaitTarget, Waitable,
};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn sleeping(until: f64) -> TaskState {
    TaskState::Awaiting(WaitTarget {
        fut: fut(),
        what: Waitable::Sleep { until },
    })
}

/// A `FutId` (only a loop makes them): the first future of a scratch loop.
fn fut() -> FutId {
    thread_local! {
        static FUT: FutId = {
            let mut lp = crate::runtime::Loop::<NoHost>::new(Box::new(
                crate::runtime::VirtualClock::default(),
            ));
            lp.create_future()
        };
    }
    FUT.with(|f| *f)
}

/// A host that is never asked to run anything (only `create_future` is used).
struct NoHost;
impl crate::runtime::Host for NoHost {
    type Value = ();
    type Exc = ();
    type Coro = ();
    type Callback = ();
    fn resume(
        &mut self,
        _: &mut crate::runtime::Loop<Self>,
        _: TaskId,
        _: &mut (),
        _: crate::runtime::Resume<Self>,
    ) -> crate::runtime::Step<Self> {
        crate::runtime::Step::Return(())
    }
    fn call(
        &mut self,
        _: &mut crate::runtime::Loop<Self>,
        _: (),
        _: Option<FutId>,
    ) -> crate::runtime::Progress {
        crate::runtime::Progress::Done
    }
    fn new_exc(&mut self, _: crate::runtime::RuntimeExc<Self>) {}
    fn classify(&self, _: &()) -> crate::runtime::ExcClass {
        crate::runtime::ExcClass::Exception
    }
    fn none(&mut self) {}
    fn bool_value(&mut self, _: bool) {}
    fn int_value(&mut self, _: i64) {}
    fn list(&mut self, _: Vec<()>) {}
    fn exc_value(&mut self, _: ()) {}
    fn future_value(&mut self, _: FutId) {}
}

/// Builds a trace: (time, task, old, new, reason), names `Task-<n+1>`, seq in order.
fn trace(steps: Vec<(f64, u32, TaskState, TaskState, Reason)>) -> Vec<TraceEvent> {
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (time, t, old, new, reason))| TraceEvent {
            seq: i as u64,
            time,
            iteration: i as u64,
            task: TaskId(t),
            name: Rc::from(format!("Task-{}", t + 1)),
            old,
            new,
            cancelling: 0,
            reason,
            span: None,
        })
        .collect()
}

/// Task-1 sleeps 0..1 and finishes; Task-2 sleeps from 0, is cancelled by Task-1 at 0.5.
pub(super) fn sample() -> Vec<TraceEvent> {
    use TaskState::*;
    let cancel = Reason::CancelRequested(CancelRequest {
        id: 7,
        cause: CancelCause::Task { by: TaskId(0) },
        parent: None,
    });
    trace(vec![
        (0.0, 0, Created, Created, Reason::Created),
        (0.0, 1, Created, Created, Reason::Created),
        (0.0, 0, Created, Running, Reason::StepStarted),
        (0.0, 0, Running, sleeping(1.0), Reason::Awaiting),
        (0.0, 1, Created, Running, Reason::StepStarted),
        (0.0, 1, Running, sleeping(9.0), Reason::Awaiting),
        (0.5, 1, sleeping(9.0), sleeping(9.0), cancel),
        (0.5, 1, sleeping(9.0), Scheduled, Reason::Awaiting),
        (
            0.5,
            1,
            Scheduled,
            Running,
            Reason::CancelledErrorDelivered { request: Some(7) },
        ),
        (0.5, 1, Running, Cancelled, Reason::Cancelled),
        (1.0, 0, sleeping(1.0), Scheduled, Reason::Awaiting),
        (1.0, 0, Scheduled, Running, Reason::StepStarted),
        (1.0, 0, Running, Done, Reason::Returned),
    ])
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn timeline_merges_same_state_events_and_marks_cancels() {
    let tl = Timeline::from_events(&sample());
    let states: Vec<StateKind> = tl.lanes[1].segments.iter().map(|s| s.state).collect();
    use StateKind::*;
    // The cancel request while awaiting extends the Awaiting run.
    assert_eq!(
        states,
        [Created, Running, Awaiting, Scheduled, Running, Cancelled]
    );
    let kinds: Vec<MarkerKind> = tl.lanes[1].markers.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [MarkerKind::CancelRequested, MarkerKind::CancelDelivered]
    );
    assert_eq!(tl.lanes[1].segments[2].end, Some(0.5));
    assert_eq!(tl.last_time, 1.0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn layout_collapses_runs_at_one_pixel_and_caps_finished_lanes() {
    let tl = Timeline::from_events(&sample());
    let win = Window {
        start: 0.0,
        end: 1.0,
        width: 100.0,
    };
    let geo = layout(&tl, 1.0, win, 10);
    let lane0: Vec<(StateKind, f64, f64)> = geo.lanes[0]
        .rects
        .iter()
        .map(|r| (r.state, r.x, r.w))
        .collect();
    // Created and Running at t=0 are overdrawn by Awaiting; at t=1 Scheduled and Running
    // are overdrawn by the Done cap.
    assert_eq!(
        lane0,
        [
            (StateKind::Awaiting, 0.0, 100.0),
            (StateKind::Done, 100.0, 6.0)
        ]
    );
    let marks: Vec<f64> = geo.lanes[1].marks.iter().map(|m| m.x).collect();
    assert_eq!(marks, [50.0, 50.0]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn ticks_are_round_and_labelled_to_their_precision() {
    let win = Window {
        start: 0.0,
        end: 1.5,
        width: 800.0,
    };
    let labels: Vec<String> = ticks(win, 8).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        labels,
        ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4"]
    );
    let win = Window {
        start: 10.0,
        end: 100.0,
        width: 800.0,
    };
    // 90 s in about 4 steps: 22.5 rounds up to 50.
    let labels: Vec<String> = ticks(win, 4).into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["50", "100"]);
    let labels: Vec<String> = ticks(win, 5).into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["20", "40", "60", "80", "100"]);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn lifecycle_counts_latest_states_and_groups_transitions() {
    let ev = sample();
    let c = StateCounts::from_events(&ev);
    assert_eq!(c.get(StateKind::Done), 1);
    assert_eq!(c.get(StateKind::Cancelled), 1);
    assert_eq!(c.total(), 2);
    let t = transitions(&ev[2..6]);
    assert_eq!(
        t,
        [
            Transition {
                from: StateKind::Created,
                to: StateKind::Running,
                count: 2
            },
            Transition {
                from: StateKind::Running,
                to: StateKind::Awaiting,
                count: 2
            },
        ]
    );
    // A same-state event (a cancel request while awaiting) is not a transition.
    assert!(transitions(&ev[6..7]).is_empty());
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn log_filter_and_visible_rows() {
    let ev = sample();
    let f = LogFilter {
        task: Some(TaskId(1)),
        kind: Some(EventKind::Cancel),
    };
    assert_eq!(filtered(&ev, &f), [6, 8, 9]);
    assert_eq!(filtered(&ev, &LogFilter::default()).len(), ev.len());
    assert_eq!(visible_range(100, 0.0, 48.0, 24.0, 0), 0..3);
    assert_eq!(visible_range(100, 2400.0, 48.0, 24.0, 5), 95..100);
    assert_eq!(EventKind::from_value("timeout"), Some(EventKind::Timeout));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn words_say_who_cancelled_and_whose_request_was_delivered() {
    let ev = sample();
    let lk = Lookup::from_events(&ev);
    assert_eq!(
        words::reason(&ev[6], &lk),
        "cancel requested by Task-1 (request #7)"
    );
    assert_eq!(
        words::reason(&ev[8], &lk),
        "CancelledError delivered (cancel request #7, by Task-1)"
    );
    assert_eq!(words::reason(&ev[3], &lk), "awaits sleep until t=1.000");
    assert_eq!(words::change(&ev[3]), "Running → Awaiting");
    assert_eq!(words::change(&ev[0]), "Created");
    for (cause, want) in [
        (CancelCause::User, "by you"),
        (CancelCause::Timeout { timeout: 0 }, "by timeout"),
        (
            CancelCause::TaskGroupAbort {
                group: 0,
                failed: Some(TaskId(1)),
            },
            "by TaskGroup abort because Task-2 failed",
        ),
        (CancelCause::Shutdown, "by shutdown"),
    ] {
        assert_eq!(words::cause(&cause, &lk), want);
    }
    assert_eq!(lk.name(TaskId(9)), "task #9");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn viewport_zooms_pans_and_follows() {
    use super::timeline::Viewport;
    let v = Viewport::default();
    assert_eq!(v.window(2.0), (0.0, 2.0));
    // Following: zooming keeps the present at the right edge, also as time goes on.
    let v = v.zoomed(0.5, None, 2.0);
    assert_eq!(v.window(2.0), (1.0, 2.0));
    assert_eq!(v.window(5.0), (4.0, 5.0));
    // Zooming around a point keeps it at the same place and stops following.
    let v = v.zoomed(0.5, Some(4.5), 5.0);
    assert!(!v.follow);
    assert_eq!(v.window(9.0), (4.25, 4.75));
    // Panning moves by a fraction of the window, never before 0.
    assert_eq!(v.panned(1.0, 9.0).window(9.0), (4.75, 5.25));
    assert_eq!(v.panned(-100.0, 9.0).window(9.0), (0.0, 0.5));
    // Following again: the window jumps to the present.
    let v = v.toggled_follow(9.0);
    assert_eq!(v.window(9.0), (8.5, 9.0));
    assert_eq!(Viewport::default().window(0.0), (0.0, 1e-3));
}
