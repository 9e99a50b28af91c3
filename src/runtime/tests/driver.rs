//! How a browser driver uses the loop: a clock it sets, slices with a budget, waiting for the
//! next deadline, commands injected between callbacks, traces drained in batches.

use crate::runtime::testing::*;
use crate::runtime::*;

#[test]
fn a_real_clock_driver_runs_slices_and_waits_for_deadlines() {
    let clock = ManualClock::default();
    let handle = clock.handle();
    let mut lp: Loop<TestHost> = Loop::new(Box::new(clock));
    lp.set_tracing(true);
    let mut host = TestHost::default();
    let worker = |n: &str| {
        script()
            .log(&format!("{n} a"))
            .sleep(0.5)
            .log(&format!("{n} b"))
            .sleep(0.5)
            .log(&format!("{n} c"))
    };
    let main = script()
        .run(move |cx| {
            for n in ["x", "y", "z"] {
                cx.spawn(n, worker(n));
            }
        })
        .sleep(10.0);
    let mut runner = Runner::new(&mut lp, main.coro(), None);
    let (mut now, mut injected, mut slices) = (0.0, false, 0);
    let mut batches = Vec::new();
    let outcome = 'frames: loop {
        handle.set(now);
        if now >= 0.75 && !injected {
            // The user presses "cancel" on task y, then "shutdown".
            injected = true;
            let y = lp.future_task(host.fut("y")).unwrap();
            lp.inject(Command::CancelTask {
                task: y,
                msg: Some("from UI".into()),
            });
            lp.inject(Command::Shutdown);
        }
        // Drain the work due now in slices of two callbacks (a frame's budget).
        while lp.has_work_now() {
            slices += 1;
            lp.check_task_invariant().unwrap();
            match runner.run_slice(&mut lp, &mut host, 2) {
                RunStatus::Running => {}
                RunStatus::Finished(r) => break 'frames r,
                RunStatus::Deadlocked => panic!("deadlock"),
            }
        }
        batches.push(lp.drain_trace().len());
        // Idle until the next timer (the browser would use setTimeout), or the next frame.
        now = lp.next_deadline().map_or(now + 0.25, |d| d.min(now + 0.25));
        assert!(now < 20.0, "runaway");
    };
    assert_eq!(outcome.unwrap_err().kind, Kind::Cancelled);
    assert_eq!(
        untimed(&host.log),
        ["x: x a", "y: y a", "z: z a", "x: x b", "y: y b", "z: z b"]
    );
    assert!(slices > 3);
    assert!(batches.iter().sum::<usize>() > 20);
}

#[test]
fn trace_events_serialize_to_json() {
    let (r, lp, _host) = run_main(script().sleep(1.0));
    assert_eq!(r, Ok(Val::None));
    let json = serde_json::to_string(&lp.trace_events()[..3]).unwrap();
    assert!(json.starts_with(r#"[{"seq":0,"time":0.0,"iteration":0,"task":0,"name":"Task-1","old":"Created","new":"Created","cancelling":0,"reason":"Created","span":null}"#), "{json}");
    assert!(json.contains(r#""new":{"Awaiting":{"fut":"#), "{json}");
}

#[test]
fn tracing_off_records_nothing() {
    let (mut lp, mut host) = setup();
    lp.set_tracing(false);
    let r = run(&mut lp, &mut host, script().sleep(1.0).coro()).unwrap();
    assert_eq!(r, Ok(Val::None));
    assert!(lp.drain_trace().is_empty());
}

#[test]
fn spans_set_by_the_host_are_carried_by_events() {
    let main = script().run(|cx| cx.lp.set_span(Some(Span(42)))).sleep(1.0);
    let (_, lp, _) = run_main(main);
    let ev = lp
        .trace_events()
        .iter()
        .find(|e| e.reason == Reason::Awaiting)
        .unwrap();
    assert_eq!(ev.span, Some(Span(42)));
}

#[test]
fn the_loop_panel_sees_the_ready_queue_and_timers() {
    let (mut lp, mut host) = setup();
    let a = lp.create_task(script().sleep(2.0).coro(), Some("a".into()));
    let b = lp.create_task(script().sleep(1.0).coro(), Some("b".into()));
    lp.call_soon(TCb::Log("x".into()));
    assert_eq!(
        lp.ready_queue(),
        [
            Scheduled::Step { task: a },
            Scheduled::Step { task: b },
            Scheduled::Callback
        ]
    );
    lp.run_once(&mut host).unwrap();
    assert!(lp.ready_queue().is_empty());
    assert_eq!(
        lp.timers(),
        [
            (1.0, Scheduled::SleepTimer { task: Some(b) }),
            (2.0, Scheduled::SleepTimer { task: Some(a) })
        ]
    );
    lp.inject(Command::CancelTask { task: a, msg: None });
    assert_eq!(
        lp.ready_queue(),
        [Scheduled::Command(Command::CancelTask {
            task: a,
            msg: None
        })]
    );
}

#[test]
fn the_await_tree_follows_gathers_shields_groups_and_waits() {
    let (mut lp, mut host) = setup();
    let main = script()
        .run(|cx| {
            cx.spawn("a", script().sleep(5.0));
            cx.spawn("b", script().sleep(5.0));
            let (fa, fb) = (cx.fut("a"), cx.fut("b"));
            let g = cx.lp.gather(cx.host, vec![fa, fb, fa], false);
            cx.set("g", Val::Fut(g));
            let s = cx.lp.shield(g);
            cx.set("s", Val::Fut(s));
        })
        .await_("s");
    let m = lp.create_task(main.coro(), None);
    lp.run_once(&mut host).unwrap();
    let (mf, s, g) = (lp.task_future(m).unwrap(), host.fut("s"), host.fut("g"));
    assert_eq!(lp.awaits(mf), [s]);
    assert_eq!(lp.awaits(s), [g]);
    assert_eq!(lp.awaits(g), [host.fut("a"), host.fut("b")]);
    let w = lp.create_task(
        TaskCoro::Native(Box::new(wait(
            vec![host.fut("a")],
            None,
            ReturnWhen::AllCompleted,
        ))),
        None,
    );
    lp.run_once(&mut host).unwrap();
    let wf = lp.awaits(lp.task_future(w).unwrap());
    assert_eq!(lp.awaits(wf[0]), [host.fut("a")]);
    assert_eq!(lp.task_group_of(m), None);
}

/// The VM's instruction budget may run out mid-step (`Step::Paused`) or inside a callback
/// (`Progress::Paused`): the loop stays blocked there, runs nothing else, and continues it
/// first on the next slice. The program's order is the same as without pauses.
#[test]
fn host_pauses_block_the_loop_and_keep_the_order() {
    let program = |pauses: bool| {
        let p = move |s: Script| if pauses { s.pause() } else { s };
        let worker = move |n: &str| {
            p(script().log(&format!("{n} a")))
                .yield_()
                .then(p(script().log(&format!("{n} b"))))
                .sleep(0.5)
                .then(p(script().log(&format!("{n} c"))))
        };
        let inner = p(script().sleep(0.1).log("inner")).ret(Val::Int(3));
        script()
            .run(move |cx| {
                cx.spawn("x", worker("x"));
                cx.spawn("y", worker("y"));
                let cb = if pauses {
                    TCb::PauseThenLog("cb".into())
                } else {
                    TCb::Log("cb (paused)".into())
                };
                cx.lp.call_soon(cb);
            })
            .then(p(script().log("main")))
            .native(move |_| wait_for(Awaitable::Coro(Box::new(inner.clone().coro())), Some(1.0)))
            .log_acc("wait_for")
            .await_("x")
            .await_("y")
    };
    let run_it = |pauses: bool| {
        let (mut lp, mut host) = setup();
        let mut runner = Runner::new(&mut lp, program(pauses).coro(), None);
        let mut paused_slices = 0;
        let r = loop {
            match runner.run_slice(&mut lp, &mut host, usize::MAX) {
                RunStatus::Running => {
                    lp.check_task_invariant().unwrap();
                    if lp.is_paused() {
                        paused_slices += 1;
                        // Blocked: the running task is shown Running, nothing else moved.
                        if let Some(t) = lp.current_task() {
                            assert_eq!(lp.task_state(t), TaskState::Running);
                        }
                        assert!(lp.has_ready() && lp.has_work_now());
                    }
                }
                RunStatus::Finished(r) => break r,
                RunStatus::Deadlocked => panic!("deadlock"),
            }
        };
        assert_eq!(r, Ok(Val::None));
        let untimed_log = host
            .log
            .iter()
            .map(|l| l.replace(" (continued)", ""))
            .collect::<Vec<_>>();
        (
            host.log,
            untimed_log,
            paused_slices,
            lp.iteration(),
            trace(&mut lp, &["x"]),
        )
    };
    let (plain, _, none, iterations, _) = run_it(false);
    let (paused, _, n, paused_iterations, x_trace) = run_it(true);
    assert_eq!(none, 0);
    assert_eq!(
        n, 9,
        "six worker pauses, main, the callback, the wait_for inner"
    );
    assert_eq!(
        iterations, paused_iterations,
        "pauses do not add iterations"
    );
    let without_continued: Vec<&String> = paused
        .iter()
        .filter(|l| !l.ends_with("(continued)"))
        .collect();
    assert_eq!(without_continued, plain.iter().collect::<Vec<_>>());
    assert!(paused.contains(&"0 cb (continued)".to_string()));
    assert!(
        x_trace.contains(&"0 x paused Running->Running c=0".to_string()),
        "{x_trace:#?}"
    );
    assert!(
        !x_trace.iter().any(|l| l.contains("resumed")),
        "a continued step is not traced: {x_trace:#?}"
    );
}
