//! Browser tests of the view panels, fed with traces recorded from the real runtime (a
//! scripted host on a virtual clock: two sleeps gathered, a task cancelled while sleeping, a
//! wait_for timing out), read back from the DOM; plus the pure folds behind them.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_playground::runtime::{CancelCause, Reason, Scheduled, TaskId, TaskState, Waitable};
use asyncio_playground::ui::model::await_tree::{snapshot, NodeKind};
use asyncio_playground::ui::model::event_log::{
    export_json, filtered, visible_range, EventKind, LogFilter,
};
use asyncio_playground::ui::model::lifecycle::{transitions, StateCounts, Transition};
use asyncio_playground::ui::model::timeline::{
    layout, layout_keeping, MarkerKind, Timeline, Window,
};
use asyncio_playground::ui::model::{words, Lookup, StateKind};
use asyncio_playground::ui::panels::await_tree::AwaitTreeProps;
use asyncio_playground::ui::panels::event_log::EventLogProps;
use asyncio_playground::ui::panels::event_loop::EventLoopProps;
use asyncio_playground::ui::panels::lifecycle::LifecycleProps;
use asyncio_playground::ui::panels::timeline::TimelineProps;
use asyncio_playground::ui::panels::{
    AwaitTreePanel, EventLogPanel, EventLoopPanel, LifecyclePanel, TimelinePanel,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

mod support;
use support::dom::{all, choose, class, click, find, mount, mount_handle, text, texts};
use support::scenario::{gather_cancel_timeout, Recorded};
use support::script_host::Op;

wasm_bindgen_test_configure!(run_in_browser);

fn finished() -> Recorded {
    let mut r = gather_cancel_timeout();
    r.run_to_end();
    r
}

// ---- the pure folds ----

#[wasm_bindgen_test]
fn timeline_fold_gives_one_lane_per_task_with_merged_segments_and_markers() {
    let r = finished();
    let tl = Timeline::from_events(&r.events);
    let names: Vec<&str> = tl.lanes.iter().map(|l| &*l.name).collect();
    assert_eq!(names, ["main", "sleep1", "sleep2", "victim", "timed"]);
    let states =
        |i: usize| -> Vec<StateKind> { tl.lanes[i].segments.iter().map(|s| s.state).collect() };
    use StateKind::*;
    // Consecutive segments never repeat a state.
    for lane in &tl.lanes {
        for w in lane.segments.windows(2) {
            assert_ne!(w[0].state, w[1].state, "{}", lane.name);
        }
    }
    assert_eq!(
        states(1),
        [Created, Running, Awaiting, Scheduled, Running, Done]
    );
    assert_eq!(*states(3).last().unwrap(), Cancelled);
    assert_eq!(*states(4).last().unwrap(), Failed);
    let sleep1 = &tl.lanes[1].segments;
    assert_eq!((sleep1[2].start, sleep1[2].end), (0.0, Some(1.0)));
    let marks =
        |i: usize| -> Vec<MarkerKind> { tl.lanes[i].markers.iter().map(|m| m.kind).collect() };
    assert_eq!(
        marks(3),
        [MarkerKind::CancelRequested, MarkerKind::CancelDelivered]
    );
    let timed = marks(4);
    assert!(timed.contains(&MarkerKind::TimeoutFired), "{timed:?}");
    assert!(timed.contains(&MarkerKind::Exception), "{timed:?}");
    assert_eq!(tl.lanes[3].markers[0].time, 0.5);
    assert_eq!(tl.lanes[4].markers[0].time, 1.5);
    assert_eq!(tl.last_time, 2.0);
}

#[wasm_bindgen_test]
fn timeline_layout_clips_to_the_window_and_caps_lanes() {
    let r = finished();
    let tl = Timeline::from_events(&r.events);
    let win = Window {
        start: 1.25,
        end: 2.0,
        width: 750.0,
    };
    let geo = layout(&tl, 2.0, win, 3);
    // Five lanes for three places: only tasks alive during the window compete (sleep1 ended
    // at t=1.0 and victim at t=0.5, before it).
    let names: Vec<&str> = geo.lanes.iter().map(|l| &*l.name).collect();
    assert_eq!(names, ["main", "sleep2", "timed"]);
    assert_eq!(geo.hidden, 2);
    // sleep2 awaits from the window's left edge until t=2, then its end cap.
    let r2 = &geo.lanes[1].rects;
    assert_eq!(r2[0].state, StateKind::Awaiting);
    assert_eq!(r2[0].x, 0.0);
    assert!((r2[0].w - 750.0).abs() < 1e-6, "{r2:?}");
    assert_eq!(r2.last().unwrap().state, StateKind::Done);
    // The selected task keeps its lane, in creation order, even outside its lifetime.
    let geo = layout_keeping(&tl, 2.0, win, 3, Some(TaskId(3)));
    let names: Vec<&str> = geo.lanes.iter().map(|l| &*l.name).collect();
    assert_eq!(names, ["main", "sleep2", "victim"]);
    assert!(geo.lanes[2].rects.is_empty());
    // With room for all, every lane is drawn (finished ones empty in this window).
    let geo = layout(&tl, 2.0, win, 10);
    assert_eq!(geo.lanes.len(), 5);
    assert!(geo.lanes[1].rects.is_empty(), "{:?}", geo.lanes[1].rects);
    // Everything at one pixel (t=0: Created, Running, Awaiting) collapses to the last run.
    let all = layout(
        &tl,
        2.0,
        Window {
            start: 0.0,
            end: 2.0,
            width: 800.0,
        },
        10,
    );
    let first = &all.lanes[1].rects[0];
    assert_eq!(first.state, StateKind::Awaiting);
}

#[wasm_bindgen_test]
fn words_name_who_cancelled_and_why() {
    let r = finished();
    let lk = Lookup::from_events(&r.events);
    let reasons: Vec<String> = r
        .events
        .iter()
        .filter(|e| matches!(e.reason, Reason::CancelRequested(_)))
        .map(|e| format!("{}: {}", e.name, words::reason(e, &lk)))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|s| s.starts_with("victim: cancel requested by main")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|s| s.starts_with("timed: cancel requested by wait_for timeout")),
        "{reasons:?}"
    );
    let delivered: Vec<String> = r
        .events
        .iter()
        .filter(|e| e.name.as_ref() == "victim")
        .filter(|e| matches!(e.reason, Reason::CancelledErrorDelivered { .. }))
        .map(|e| words::reason(e, &lk))
        .collect();
    assert_eq!(delivered.len(), 1);
    assert!(delivered[0].contains("by main"), "{delivered:?}");
    assert_eq!(words::cause(&CancelCause::User, &lk), "by you");
    assert_eq!(
        words::cause(
            &CancelCause::TaskGroupAbort {
                group: 0,
                failed: Some(TaskId(2))
            },
            &lk
        ),
        "by TaskGroup abort because sleep2 failed"
    );
    assert_eq!(
        words::wait(&Waitable::Sleep { until: 2.0 }, &lk),
        "sleep until t=2.000"
    );
}

#[wasm_bindgen_test]
fn lifecycle_fold_counts_states_and_batch_transitions() {
    let mut r = gather_cancel_timeout();
    r.steps(2);
    // Iteration 2: the four children take their first step and start sleeping.
    let t = transitions(&r.batch);
    assert_eq!(
        t,
        [
            Transition {
                from: StateKind::Created,
                to: StateKind::Running,
                count: 4
            },
            Transition {
                from: StateKind::Running,
                to: StateKind::Awaiting,
                count: 4
            },
        ]
    );
    let c = StateCounts::from_events(&r.events);
    assert_eq!(c.get(StateKind::Awaiting), 5);
    assert_eq!(c.total(), 5);
    r.run_to_end();
    let c = StateCounts::from_events(&r.events);
    assert_eq!(
        (
            c.get(StateKind::Done),
            c.get(StateKind::Failed),
            c.get(StateKind::Cancelled)
        ),
        (3, 1, 1)
    );
    let states: Vec<TaskState> = (0..5).map(|i| r.lp.task_state(TaskId(i))).collect();
    assert_eq!(StateCounts::from_states(&states), c);
}

#[wasm_bindgen_test]
fn event_log_fold_filters_and_virtualises_and_exports() {
    let r = finished();
    let all_rows = filtered(&r.events, &LogFilter::default());
    assert_eq!(all_rows.len(), r.events.len());
    let victim = TaskId(3);
    let f = LogFilter {
        task: Some(victim),
        kind: None,
    };
    let rows = filtered(&r.events, &f);
    assert!(!rows.is_empty() && rows.len() < r.events.len());
    assert!(rows.iter().all(|&i| r.events[i as usize].task == victim));
    let f = LogFilter {
        task: None,
        kind: Some(EventKind::Timeout),
    };
    assert_eq!(filtered(&r.events, &f).len(), 1);
    // Row 10 is first in view; 100 px show 5 rows (+1 partial); 2 rows overscan each side.
    assert_eq!(visible_range(1000, 240.0, 100.0, 24.0, 2), 8..18);
    assert_eq!(visible_range(3, 0.0, 100.0, 24.0, 2), 0..3);
    let json: serde_json::Value = serde_json::from_str(&export_json(&r.events)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), r.events.len());
    assert_eq!(json[0]["name"], "main");
}

#[wasm_bindgen_test]
fn await_tree_snapshot_nests_gather_children_under_main() {
    let mut r = gather_cancel_timeout();
    // Until main awaits the gather (t=0.5).
    r.until(|r| {
        matches!(
            r.lp.task_state(r.runner.main_task()),
            TaskState::Awaiting(ref w) if w.what == Waitable::Gather
        )
    });
    let snap = snapshot(&r.lp);
    let flat: Vec<(usize, String)> = snap
        .walk()
        .into_iter()
        .map(|(d, n)| {
            let label = match &n.kind {
                NodeKind::Task { name, state, .. } => format!("{name} {}", state.label()),
                NodeKind::Gather => "gather".into(),
                NodeKind::Leaf { what } => what.clone(),
                other => format!("{other:?}"),
            };
            (d, label)
        })
        .collect();
    let want: Vec<(usize, String)> = [
        (0, "main Awaiting"),
        (1, "gather"),
        (2, "sleep1 Awaiting"),
        (3, "sleep until t=1.000"),
        (2, "sleep2 Awaiting"),
        (3, "sleep until t=2.000"),
    ]
    .into_iter()
    .map(|(d, s)| (d, s.to_string()))
    .collect();
    assert_eq!(flat[..6], want[..], "{flat:?}");
    // The victim was just cancelled: scheduled to receive CancelledError, marked as such.
    assert!(
        flat.contains(&(0, "victim Scheduled".to_string())),
        "{flat:?}"
    );
    assert!(snap.walk().iter().any(|(_, n)| matches!(
        &n.kind,
        NodeKind::Task { name, cancelling: 1, .. } if &**name == "victim"
    )));
    // timed is a root of its own, awaiting its sleep.
    assert!(
        flat.contains(&(0, "timed Awaiting".to_string())),
        "{flat:?}"
    );
    // One iteration later the victim is cancelled, so it leaves the tree.
    r.step();
    let snap = snapshot(&r.lp);
    assert!(!snap.walk().iter().any(|(_, n)| matches!(
        &n.kind,
        NodeKind::Task { name, .. } if &**name == "victim"
    )));
}

#[wasm_bindgen_test]
fn await_tree_shows_a_task_awaiting_a_task_and_a_shield() {
    let mut r = Recorded::new(vec![
        Op::Task {
            var: "inner",
            name: "inner",
            ops: vec![Op::Sleep(3.0)],
        },
        Op::Task {
            var: "outer",
            name: "outer",
            ops: vec![Op::Await("inner")],
        },
        Op::Shield {
            var: "outer",
            into: "s",
        },
        Op::Await("s"),
    ]);
    r.steps(2);
    let snap = snapshot(&r.lp);
    let flat: Vec<(usize, String)> = snap
        .walk()
        .into_iter()
        .map(|(d, n)| match &n.kind {
            NodeKind::Task { name, .. } => (d, name.to_string()),
            NodeKind::Shield => (d, "shield".into()),
            NodeKind::Leaf { what } => (d, what.clone()),
            other => (d, format!("{other:?}")),
        })
        .collect();
    let want: Vec<(usize, String)> = [
        (0, "main"),
        (1, "shield"),
        (2, "outer"),
        (3, "inner"),
        (4, "sleep until t=3.000"),
    ]
    .into_iter()
    .map(|(d, s)| (d, s.to_string()))
    .collect();
    assert_eq!(flat, want);
}

// ---- the panels, in the DOM ----

#[wasm_bindgen_test]
async fn timeline_panel_draws_lanes_segments_and_markers() {
    let r = finished();
    let picked = Rc::new(RefCell::new(Vec::<TaskId>::new()));
    let p = picked.clone();
    let root = mount::<TimelinePanel>(TimelineProps {
        run: 1,
        events: r.events_rc(),
        now: r.lp.time(),
        onselect: Callback::from(move |t| p.borrow_mut().push(t)),
        selected: None,
        max_lanes: 40,
        lints: Default::default(),
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    assert_eq!(
        find(&root, "section")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Timeline")
    );
    assert_eq!(text(&root, "h2.panel-title"), "Timeline");
    let lanes = all(&root, "g.lane");
    let names: Vec<String> = lanes
        .iter()
        .map(|g| g.get_attribute("data-task").unwrap())
        .collect();
    assert_eq!(names, ["main", "sleep1", "sleep2", "victim", "timed"]);
    let seg_classes = |g: &web_sys::Element| -> Vec<String> {
        all(g, "rect.seg")
            .iter()
            .map(|e| {
                class(e)
                    .split(' ')
                    .find(|c| c.starts_with("state-"))
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    // sleep1: (created, running at t=0 collapse) awaiting 0..1, then done (the wakeup's
    // scheduled/running at t=1 collapse into the end cap).
    assert_eq!(seg_classes(&lanes[1]), ["state-awaiting", "state-done"]);
    let victim = seg_classes(&lanes[3]);
    assert_eq!(victim.first().map(String::as_str), Some("state-awaiting"));
    assert_eq!(victim.last().map(String::as_str), Some("state-cancelled"));
    assert_eq!(
        seg_classes(&lanes[4]).last().map(String::as_str),
        Some("state-failed")
    );
    assert_eq!(all(&lanes[3], "path.marker-cancel-requested").len(), 1);
    assert_eq!(all(&lanes[3], "path.marker-cancel-delivered").len(), 1);
    assert_eq!(all(&lanes[4], "path.marker-timeout").len(), 1);
    assert_eq!(all(&lanes[4], "path.marker-exception").len(), 1);
    // Hover text names the event.
    let tip = text(&lanes[3], "path.marker-cancel-requested title");
    assert!(tip.contains("cancel requested by main"), "{tip}");
    let seg_tip = text(&lanes[1], "rect.state-awaiting title");
    assert!(seg_tip.contains("awaits sleep until t=1.000"), "{seg_tip}");
    // Clicking a lane selects its task.
    lanes[2]
        .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
        .unwrap();
    assert_eq!(picked.borrow().as_slice(), [TaskId(2)]);
}

#[wasm_bindgen_test]
async fn timeline_zooms_pans_follows_and_caps_lanes() {
    let r = finished();
    let root = mount::<TimelinePanel>(TimelineProps {
        run: 1,
        events: r.events_rc(),
        now: 2.0,
        onselect: Callback::noop(),
        selected: None,
        max_lanes: 2,
        lints: Default::default(),
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    assert_eq!(all(&root, "g.lane").len(), 2);
    assert_eq!(text(&root, ".timeline-more"), "+3 more tasks");
    assert_eq!(text(&root, ".timeline-window"), "t = 0.000 … 2.000");
    click(&root, "button[aria-label='Zoom in']").await;
    // Following: the right edge stays at now.
    assert_eq!(text(&root, ".timeline-window"), "t = 1.000 … 2.000");
    click(&root, "button[aria-label='Pan earlier']").await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.750 … 1.750");
    assert_eq!(
        find(&root, "button.follow")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    click(&root, "button[aria-label='Show everything']").await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.000 … 2.000");
    assert_eq!(
        find(&root, "button.follow")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // Every icon button has an accessible name.
    for b in all(&root, "button") {
        assert!(b.get_attribute("aria-label").is_some() || !b.text_content().unwrap().is_empty());
    }
}

#[wasm_bindgen_test]
async fn lifecycle_panel_counts_states_and_lights_the_latest_transitions() {
    let mut r = gather_cancel_timeout();
    r.steps(2);
    let root = mount::<LifecyclePanel>(LifecycleProps {
        counts: StateCounts::from_events(&r.events),
        transitions: Rc::new(transitions(&r.batch)),
    })
    .await;
    let count = |state: &str| text(&root, &format!("g.lc-node[data-state='{state}'] .lc-count"));
    assert_eq!(count("Awaiting"), "5");
    assert_eq!(count("Done"), "0");
    let lit: Vec<(String, String)> = all(&root, "g.lc-edge.lit")
        .iter()
        .map(|g| {
            (
                g.get_attribute("data-from").unwrap(),
                g.get_attribute("data-to").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lit,
        [
            ("Created".to_string(), "Running".to_string()),
            ("Running".to_string(), "Awaiting".to_string())
        ]
    );
    assert_eq!(
        texts(&root, ".lc-transition"),
        ["Created → Running ×4", "Running → Awaiting ×4"]
    );
    assert!(class(&find(&root, "g.lc-node[data-state='Awaiting']")).contains("lit"));

    r.run_to_end();
    let root = mount::<LifecyclePanel>(LifecycleProps {
        counts: StateCounts::from_events(&r.events),
        transitions: Rc::new(Vec::new()),
    })
    .await;
    let count = |state: &str| text(&root, &format!("g.lc-node[data-state='{state}'] .lc-count"));
    assert_eq!(
        (
            count("Done"),
            count("Failed"),
            count("Cancelled"),
            count("Awaiting")
        ),
        ("3".into(), "1".into(), "1".into(), "0".into())
    );
    assert!(all(&root, "g.lc-edge.lit").is_empty());
}

#[wasm_bindgen_test]
async fn event_loop_panel_lists_the_ready_queue_and_timers_after_stepping() {
    let mut r = gather_cancel_timeout();
    r.steps(1);
    // After iteration 1 main has created four tasks and sleeps: their first steps are
    // queued in creation order, and main's sleep timer is the only timer.
    assert_eq!(
        r.lp.ready_queue(),
        (1..=4)
            .map(|i| Scheduled::Step { task: TaskId(i) })
            .collect::<Vec<_>>()
    );
    let root = mount::<EventLoopPanel>(EventLoopProps {
        time: r.lp.time(),
        iteration: r.lp.iteration(),
        ready: Rc::new(r.lp.ready_queue()),
        timers: Rc::new(r.lp.timers()),
        names: r.names(),
        onselect: Callback::noop(),
        max_rows: 200,
    })
    .await;
    assert_eq!(text(&root, ".loop-iteration"), "1");
    assert_eq!(text(&root, ".loop-time"), "0.000");
    let ready: Vec<String> = all(&root, ".ready-entry")
        .iter()
        .map(|li| li.text_content().unwrap())
        .collect();
    assert_eq!(
        ready,
        [
            "1.stepstep of sleep1",
            "2.stepstep of sleep2",
            "3.stepstep of victim",
            "4.stepstep of timed"
        ]
    );
    assert_eq!(
        texts(&root, ".timer-entry"),
        ["t=0.500sleepsleep timer of main"]
    );

    // One more iteration: the children sleep, so the heap holds every deadline in order.
    r.steps(1);
    let root = mount::<EventLoopPanel>(EventLoopProps {
        time: r.lp.time(),
        iteration: r.lp.iteration(),
        ready: Rc::new(r.lp.ready_queue()),
        timers: Rc::new(r.lp.timers()),
        names: r.names(),
        onselect: Callback::noop(),
        max_rows: 200,
    })
    .await;
    assert_eq!(text(&root, ".loop-iteration"), "2");
    assert!(all(&root, ".ready-entry").is_empty());
    assert_eq!(text(&root, ".loop-queue .empty"), "Nothing ready.");
    let deadlines: Vec<String> = texts(&root, ".timer-entry .deadline");
    assert_eq!(
        deadlines,
        ["t=0.500", "t=1.000", "t=1.500", "t=2.000", "t=5.000", "t=10.000"]
    );
    let timers = texts(&root, ".timer-entry");
    assert!(timers[2].contains("timeout #"), "{timers:?}");
    assert!(timers[5].ends_with("sleep timer of victim"), "{timers:?}");
}

#[wasm_bindgen_test]
async fn await_tree_panel_renders_the_nesting() {
    let mut r = gather_cancel_timeout();
    r.until(|r| r.lp.time() >= 0.5 && r.lp.ready_queue().is_empty());
    let root = mount::<AwaitTreePanel>(AwaitTreeProps {
        snapshot: Rc::new(snapshot(&r.lp)),
        onselect: Callback::noop(),
        selected: None,
        max_nodes: 400,
    })
    .await;
    assert_eq!(text(&root, "h2.panel-title"), "Await tree");
    let kids = all(
        &root,
        "ul.await-tree > li[data-name='main'] > ul > li.node-gather > ul > li.node-task",
    );
    let names: Vec<String> = kids
        .iter()
        .map(|e| e.get_attribute("data-name").unwrap())
        .collect();
    assert_eq!(names, ["sleep1", "sleep2"]);
    assert_eq!(
        text(&root, "li[data-name='sleep1'] > .node-head .chip"),
        "Awaiting"
    );
    assert_eq!(
        text(&root, "li[data-name='sleep1'] li.node-leaf .node-label"),
        "awaits sleep until t=1.000"
    );
    let roots: Vec<String> = all(&root, "ul.await-tree > li")
        .iter()
        .map(|e| e.get_attribute("data-name").unwrap())
        .collect();
    assert_eq!(roots, ["main", "timed"]);
}

#[wasm_bindgen_test]
async fn event_log_filters_by_task_and_kind_and_exports_json() {
    let r = finished();
    let exported = Rc::new(RefCell::new(None::<String>));
    let e = exported.clone();
    let picked = Rc::new(RefCell::new(Vec::<TaskId>::new()));
    let p = picked.clone();
    let n = r.events.len();
    let root = mount::<EventLogPanel>(EventLogProps {
        events: r.events_rc(),
        onexport: Callback::from(move |json| *e.borrow_mut() = Some(json)),
        onselect: Callback::from(move |t| p.borrow_mut().push(t)),
        height: 2000.0,
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    assert_eq!(all(&root, ".log-spacer .log-row").len(), n);
    assert_eq!(
        text(&root, "h2.panel-title"),
        format!("Event log ({n} of {n})")
    );
    // Filter to the victim (TaskId 3).
    choose(&root, "select.log-filter-task", "3").await;
    let rows = all(&root, ".log-spacer .log-row");
    assert!(!rows.is_empty() && rows.len() < n, "{} of {n}", rows.len());
    assert!(texts(&root, ".log-spacer .log-task")
        .iter()
        .all(|t| t == "victim"));
    let reasons = texts(&root, ".log-spacer .log-reason");
    assert!(
        reasons
            .iter()
            .any(|s| s.starts_with("cancel requested by main")),
        "{reasons:?}"
    );
    // And to cancellation events only.
    choose(&root, "select.log-filter-kind", "cancel").await;
    let changes = texts(&root, ".log-spacer .log-change");
    assert!(
        changes.len() < rows.len() && !changes.is_empty(),
        "{changes:?}"
    );
    assert_eq!(
        changes.last().map(String::as_str),
        Some("Running → Cancelled")
    );
    // Back to all tasks, timeouts only: one row, on `timed`.
    choose(&root, "select.log-filter-task", "").await;
    choose(&root, "select.log-filter-kind", "timeout").await;
    assert_eq!(texts(&root, ".log-spacer .log-task"), ["timed"]);
    click(&root, ".log-spacer .log-task button").await;
    assert_eq!(picked.borrow().as_slice(), [TaskId(4)]);

    // Watch URL.createObjectURL to catch the Blob the download is made from.
    let blobs = Rc::new(RefCell::new(Vec::<web_sys::Blob>::new()));
    let url = js_sys::Reflect::get(&web_sys::window().unwrap(), &"URL".into()).unwrap();
    let original: js_sys::Function = js_sys::Reflect::get(&url, &"createObjectURL".into())
        .unwrap()
        .unchecked_into();
    let hook = {
        let (blobs, url, original) = (blobs.clone(), url.clone(), original.clone());
        Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |b: JsValue| {
            blobs.borrow_mut().push(b.clone().unchecked_into());
            original.call1(&url, &b).unwrap()
        })
    };
    js_sys::Reflect::set(&url, &"createObjectURL".into(), hook.as_ref()).unwrap();
    click(&root, "button.log-export").await;
    js_sys::Reflect::set(&url, &"createObjectURL".into(), &original).unwrap();
    let blob = blobs.borrow().first().cloned().expect("a Blob was offered");
    assert_eq!(blob.type_(), "application/json");
    let downloaded = wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let json = exported.borrow().clone().expect("export ran");
    assert_eq!(downloaded, json, "the download holds the exported JSON");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let arr = v.as_array().unwrap();
    assert_eq!(
        arr.len(),
        n,
        "the export holds every event, not just the filtered ones"
    );
    assert_eq!(arr[0]["seq"], 0);
    assert!(arr
        .iter()
        .any(|e| e["reason"].get("TimeoutFired").is_some()));
}

#[wasm_bindgen_test]
async fn event_log_renders_only_the_visible_rows() {
    // 300 tasks that each yield once: well over a thousand events.
    let mut r = Recorded::new(vec![Op::Spawn(300), Op::Yield]);
    r.run_to_end();
    let n = r.events.len();
    assert!(n > 1000, "{n}");
    let root = mount::<EventLogPanel>(EventLogProps {
        events: r.events_rc(),
        onexport: Callback::noop(),
        onselect: Callback::noop(),
        height: 240.0,
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    let seqs = |root: &web_sys::Element| -> Vec<u64> {
        all(root, ".log-spacer .log-row")
            .iter()
            .map(|e| e.get_attribute("data-seq").unwrap().parse().unwrap())
            .collect()
    };
    // The list opens at its newest rows (it sticks to the bottom while events arrive):
    // 240 px / 24 px = 10 rows, plus one partial and the overscan above.
    let shown = seqs(&root);
    assert!(shown.len() <= 20, "{} rows rendered", shown.len());
    assert!(shown.contains(&(n as u64 - 1)), "{shown:?}");
    let spacer = find(&root, ".log-spacer");
    assert!(spacer
        .get_attribute("style")
        .unwrap()
        .contains(&format!("height:{}px", n * 24)),);
    let viewport = find(&root, ".log-viewport");
    let scroll_to = |row: i32| {
        viewport.set_scroll_top(row * 24);
        viewport
            .dispatch_event(&web_sys::Event::new("scroll").unwrap())
            .unwrap();
    };
    scroll_to(0);
    yew::scheduler::flush().await;
    assert_eq!(seqs(&root).first(), Some(&0));
    // Scroll to row 500: the rows around it are rendered instead.
    scroll_to(500);
    yew::scheduler::flush().await;
    let seqs = seqs(&root);
    assert!(seqs.len() <= 30, "{}", seqs.len());
    assert!(seqs.contains(&500) && !seqs.contains(&0), "{seqs:?}");
}

#[wasm_bindgen_test]
async fn timeline_follows_the_present_and_zooms_with_ctrl_wheel_and_keys() {
    let mut r = gather_cancel_timeout();
    r.until(|r| r.lp.time() >= 1.0);
    let props = |r: &Recorded| TimelineProps {
        run: 1,
        events: r.events_rc(),
        now: r.lp.time(),
        onselect: Callback::noop(),
        selected: None,
        max_lanes: 40,
        lints: Default::default(),
        code: Default::default(),
        passing: Default::default(),
    };
    let (root, mut handle) = mount_handle::<TimelinePanel>(props(&r)).await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.000 … 1.000");
    click(&root, "button[aria-label='Zoom in']").await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.500 … 1.000");
    // The loop moves on: the window follows with the same span.
    r.run_to_end();
    handle.update(props(&r));
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".timeline-window"), "t = 1.500 … 2.000");
    // ctrl+wheel up zooms in around the pointer (here the plot's left edge: t=1.5 stays).
    let svg = find(&root, "svg.timeline");
    let rect = svg.get_bounding_client_rect();
    let init = web_sys::WheelEventInit::new();
    init.set_delta_y(-100.0);
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x((rect.left() + rect.width() * 120.0 / 930.0) as i32);
    init.set_client_y((rect.top() + 30.0) as i32);
    let wheel = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
    svg.dispatch_event(&wheel).unwrap();
    yew::scheduler::flush().await;
    assert!(
        wheel.default_prevented(),
        "ctrl+wheel must not zoom the page"
    );
    let w = text(&root, ".timeline-window");
    assert!(w.starts_with("t = 1.50") && !w.ends_with("2.000"), "{w}");
    // Keys on the focusable plot: - zooms out, arrows pan.
    let scroll = find(&root, ".timeline-scroll");
    assert_eq!(scroll.get_attribute("tabindex").as_deref(), Some("0"));
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    click(&root, "button[aria-label='Show everything']").await;
    scroll.dispatch_event(&key("-")).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.000 … 4.000");
    scroll.dispatch_event(&key("ArrowRight")).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.400 … 4.400");
    // Dragging right by a tenth of the plot's width shows earlier times.
    let mouse = |kind: &str, x: f64, buttons: u16| {
        let init = web_sys::MouseEventInit::new();
        init.set_client_x(x as i32);
        init.set_client_y((rect.top() + 30.0) as i32);
        init.set_buttons(buttons);
        init.set_bubbles(true);
        web_sys::MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap()
    };
    let plot_px = rect.width() * 800.0 / 930.0;
    let x0 = rect.left() + rect.width() * 500.0 / 930.0;
    svg.dispatch_event(&mouse("mousedown", x0, 1)).unwrap();
    svg.dispatch_event(&mouse("mousemove", x0 + plot_px / 10.0, 1))
        .unwrap();
    svg.dispatch_event(&mouse("mouseup", x0 + plot_px / 10.0, 0))
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".timeline-window"), "t = 0.000 … 4.000");
}

#[wasm_bindgen_test]
async fn await_tree_shows_a_task_group_and_the_log_names_the_failed_child() {
    let mut r = Recorded::new(vec![Op::TaskGroup {
        tasks: vec![
            ("ok", vec![Op::Sleep(2.0)]),
            ("bad", vec![Op::Sleep(0.5), Op::Raise("boom")]),
        ],
    }]);
    r.steps(2);
    let root = mount::<AwaitTreePanel>(AwaitTreeProps {
        snapshot: Rc::new(snapshot(&r.lp)),
        onselect: Callback::noop(),
        selected: None,
        max_nodes: 400,
    })
    .await;
    let kids: Vec<String> = all(
        &root,
        "ul.await-tree > li[data-name='main'] > ul > li.node-group > ul > li.node-task",
    )
    .iter()
    .map(|e| e.get_attribute("data-name").unwrap())
    .collect();
    assert_eq!(kids, ["ok", "bad"]);
    assert_eq!(
        text(&root, "li[data-name='ok'] .group-chip"),
        "in TaskGroup #0"
    );
    // bad raises at t=0.5: the group aborts and cancels ok, naming bad as the cause.
    r.run_to_end();
    let root = mount::<EventLogPanel>(EventLogProps {
        events: r.events_rc(),
        onexport: Callback::noop(),
        onselect: Callback::noop(),
        height: 2000.0,
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    choose(&root, "select.log-filter-kind", "cancel").await;
    let reasons = texts(&root, ".log-spacer .log-reason");
    assert!(
        reasons
            .iter()
            .any(|s| s.starts_with("cancel requested by TaskGroup abort because bad failed")),
        "{reasons:?}"
    );
    let tl = Timeline::from_events(&r.events);
    let bad = tl.lanes.iter().find(|l| &*l.name == "bad").unwrap();
    assert_eq!(bad.segments.last().unwrap().state, StateKind::Failed);
    assert_eq!(bad.markers.last().unwrap().kind, MarkerKind::Exception);
}

#[wasm_bindgen_test]
async fn panels_stay_small_with_thousands_of_tasks() {
    // 3,000 tasks that each yield once (about 12,000 events).
    let mut r = Recorded::new(vec![Op::Spawn(3_000), Op::Yield]);
    r.run_to_end();
    let events = r.events_rc();
    let n = events.len();
    let root = mount::<TimelinePanel>(TimelineProps {
        run: 1,
        events: events.clone(),
        now: r.lp.time(),
        onselect: Callback::noop(),
        selected: None,
        max_lanes: 40,
        lints: Default::default(),
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    assert_eq!(all(&root, "g.lane").len(), 40);
    assert_eq!(text(&root, ".timeline-more"), "+2961 more tasks");
    let drawn = all(&root, "svg *").len();
    assert!(drawn < 2_000, "{drawn} SVG elements for {n} events");
    let root = mount::<EventLogPanel>(EventLogProps {
        events,
        onexport: Callback::noop(),
        onselect: Callback::noop(),
        height: 320.0,
        code: Default::default(),
        passing: Default::default(),
    })
    .await;
    let rows = all(&root, ".log-spacer .log-row").len();
    assert!(rows <= 30, "{rows} rows in the DOM for {n} events");
}

#[wasm_bindgen_test]
async fn await_tree_draws_at_most_its_budget_of_nodes() {
    // main gathers 1,000 sleeping tasks.
    let mut ops: Vec<Op> = Vec::new();
    let vars: Vec<&'static str> = (0..1000)
        .map(|i| &*Box::leak(format!("t{i}").into_boxed_str()))
        .collect();
    for v in &vars {
        ops.push(Op::Task {
            var: v,
            name: v,
            ops: vec![Op::Sleep(1.0)],
        });
    }
    ops.push(Op::Gather {
        vars: vars.clone(),
        into: "g",
    });
    ops.push(Op::Await("g"));
    let mut r = Recorded::new(ops);
    r.steps(2);
    let snap = snapshot(&r.lp);
    // main, gather, and per child the task and its sleep.
    assert_eq!(snap.walk().len(), 2 + 2 * 1000);
    let root = mount::<AwaitTreePanel>(AwaitTreeProps {
        snapshot: Rc::new(snap),
        onselect: Callback::noop(),
        selected: None,
        max_nodes: 100,
    })
    .await;
    assert_eq!(all(&root, "li.node:not(.more)").len(), 100);
    let more = texts(&root, "li.more");
    assert!(!more.is_empty(), "{more:?}");
    let hidden: usize = more
        .iter()
        .map(|m| {
            m.trim_start_matches('+')
                .trim_end_matches(" more")
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(hidden, 2002 - 100);
}
