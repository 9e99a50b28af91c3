//! Callback and wakeup order against CPython 3.14 (`tests/py/order*.py`, outputs quoted there).

use crate::runtime::testing::*;

/// tests/py/order2.py: cancelling a task that awaits a shared future cancels that future, so
/// every waiter wakes cancelled; done-callbacks and wakeups run in registration order, before
/// what was `call_soon`ed after the cancel.
/// CPython: cancel t1 True True / set_result: InvalidStateError / main set / cb1 /
/// waiter 0 cancelled / waiter 1 cancelled / waiter 2 cancelled / cb2 / soon1 / soon2 /
/// main after 1 / main after 2 / [False, False, False]
#[test]
fn cancelling_a_waiter_cancels_the_shared_future() {
    let waiter = |n: i64| {
        script().try_except(
            script()
                .await_("fut")
                .log_acc(if n == 0 { "waiter 0 got" } else { "waiter got" }),
            Catch::Cancelled,
            script().log(&format!("waiter {n} cancelled")),
        )
    };
    let main = script()
        .run(move |cx| {
            let f = cx.lp.create_future();
            cx.set("fut", Val::Fut(f));
            for i in 0..3 {
                cx.spawn(&format!("w{i}"), waiter(i));
            }
            cx.lp.add_done_callback(f, TCb::Log("cb1".into()));
        })
        .yield_()
        .run(|cx| {
            let f = cx.fut("fut");
            cx.lp.add_done_callback(f, TCb::Log("cb2".into()));
            let t = cx.task_of("w1");
            let ok = cx.lp.cancel_task(cx.host, t, None);
            cx.log(&format!("cancel t1 {ok} {}", cx.lp.future_cancelled(f)));
            cx.lp.call_soon(TCb::Log("soon1".into()));
            let e = cx.lp.set_result(cx.host, f, Val::Int(42)).unwrap_err();
            cx.log(&format!("set_result: {:?}", e.kind));
            cx.lp.call_soon(TCb::Log("soon2".into()));
        })
        .log("main set")
        .yield_()
        .log("main after 1")
        .yield_()
        .log("main after 2")
        .call(|cx| {
            let fs = (0..3).map(|i| cx.fut(&format!("w{i}"))).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            let v: Vec<bool> = (0..3)
                .map(|i| cx.lp.future_cancelled(cx.fut(&format!("w{i}"))))
                .collect();
            cx.log(&format!("{v:?}"));
        });
    let (r, mut lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    // w0 and w2 were woken by w1's cancel request, which cancelled the future they share.
    let t = trace(&mut lp, &["w0", "w2"]);
    assert!(
        t.contains(&"0 w0 woken(Cancelled<-#1) Awaiting(future)->Scheduled c=0".to_string()),
        "{t:#?}"
    );
    assert!(
        t.contains(&"0 w2 woken(Cancelled<-#1) Awaiting(future)->Scheduled c=0".to_string()),
        "{t:#?}"
    );
    assert_eq!(
        untimed(&host.log),
        [
            "Task-1: cancel t1 true true",
            "Task-1: set_result: InvalidState",
            "Task-1: main set",
            "cb1",
            "w0: waiter 0 cancelled",
            "w1: waiter 1 cancelled",
            "w2: waiter 2 cancelled",
            "cb2",
            "soon1",
            "soon2",
            "Task-1: main after 1",
            "Task-1: main after 2",
            "Task-1: [false, false, false]",
        ]
    );
}

/// tests/py/order3.py: equal delays scheduled later fire later (CPython's clock moves between
/// them; our (deadline, seq) order gives the same), and a result set by one task reaches the
/// done-callback before the awaiting task runs.
/// CPython: timer A / timer B / main woke / t1 woke / reader waits / setter runs /
/// setter done / fut callback / reader got v
#[test]
fn equal_delays_fire_in_scheduling_order() {
    let main = script()
        .run(|cx| {
            cx.lp.call_later(0.1, TCb::Log("timer A".into()));
            cx.spawn("t1", script().sleep(0.1).log("t1 woke"));
            cx.lp.call_later(0.1, TCb::Log("timer B".into()));
        })
        .sleep(0.1)
        .log("main woke")
        .await_("t1")
        .run(|cx| {
            let f = cx.lp.create_future();
            cx.set("fut", Val::Fut(f));
            cx.spawn(
                "reader",
                script()
                    .log("reader waits")
                    .await_("fut")
                    .log_acc("reader got"),
            );
            cx.spawn(
                "setter",
                script()
                    .log("setter runs")
                    .call(|cx| {
                        cx.lp
                            .set_result(cx.host, cx.fut("fut"), Val::Str("v".into()))
                            .map(|_| None)
                    })
                    .log("setter done"),
            );
            cx.lp.add_done_callback(f, TCb::Log("fut callback".into()));
        })
        .call(|cx| {
            let fs = vec![cx.fut("reader"), cx.fut("setter")];
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g");
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        untimed(&host.log),
        [
            "timer A",
            "timer B",
            "Task-1: main woke",
            "t1: t1 woke",
            "reader: reader waits",
            "setter: setter runs",
            "setter: setter done",
            "fut callback",
            "reader: reader got 'v'",
        ]
    );
}
