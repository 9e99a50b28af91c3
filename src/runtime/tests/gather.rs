//! gather and shield, mirroring tests/py programs run on CPython 3.14 (quoted per test).

use crate::runtime::testing::*;

fn gather_of(cx: &mut Cx, names: &[&str], return_exceptions: bool) -> Option<Val> {
    let futs = names.iter().map(|n| cx.fut(n)).collect();
    Some(Val::Fut(cx.lp.gather(cx.host, futs, return_exceptions)))
}

/// tests/py/gather1.py; CPython 3.14 prints:
/// cancel True / child 1 cancelled ('stop!',) / child 2 cancelled ('stop!',) /
/// outer CancelledError('stop!') False / child 3 cancelled ('m2',) / child 4 cancelled ('m2',) /
/// outer2 CancelledError('m2') / child 5 cancelled ('only5',) / [CancelledError(''), 6] /
/// g4 ValueError('x') False / 7 / [8, 8] [] / child 9 cancelled ('from main',) /
/// child 10 cancelled ('from main',) / w CancelledError('from main') / child 11 cancelled ('c11',) /
/// g5 CancelledError('c11') False
#[test]
fn gather_results_failures_and_outer_cancel_messages() {
    let main = script()
        // 1. cancelling the gather future cancels the children with its message
        .call(|cx| {
            cx.spawn("c1", child(1, 1.0));
            cx.spawn("c2", child(2, 2.0));
            Ok(gather_of(cx, &["c1", "c2"], false))
        })
        .store("g")
        .sleep(0.1)
        .run(|cx| {
            let ok = cx
                .lp
                .cancel_future(cx.host, cx.fut("g"), Some("stop!".into()));
            cx.log(&format!("cancel {ok}"));
        })
        .try_except(
            script().await_("g"),
            Catch::Cancelled,
            script().log_caught("outer").run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("g"));
                cx.log(&format!("g cancelled {c}"));
            }),
        )
        // 2. ... even with return_exceptions=True
        .call(|cx| {
            cx.spawn("c3", child(3, 1.0));
            cx.spawn("c4", child(4, 2.0));
            Ok(gather_of(cx, &["c3", "c4"], true))
        })
        .store("g2")
        .sleep(0.1)
        .run(|cx| {
            cx.lp
                .cancel_future(cx.host, cx.fut("g2"), Some("m2".into()));
        })
        .try_except(
            script().await_("g2").log_acc("wrong"),
            Catch::Cancelled,
            script().log_caught("outer2"),
        )
        // 3. a child cancelled on its own, return_exceptions=True: CancelledError('') in the list
        .call(|cx| {
            cx.spawn("c5", child(5, 1.0));
            cx.spawn("c6", child(6, 0.2));
            Ok(gather_of(cx, &["c5", "c6"], true))
        })
        .store("g3")
        .sleep(0.1)
        .run(|cx| {
            let t = cx.task_of("c5");
            cx.lp.cancel_task(cx.host, t, Some("only5".into()));
        })
        .await_("g3")
        .log_acc("g3")
        // 4. first exception propagates at once; the other child keeps running
        .call(|cx| {
            cx.spawn("bad", script().sleep(0.1).raise(exc(Kind::Value, "x")));
            cx.spawn("c7", child(7, 0.3));
            Ok(gather_of(cx, &["bad", "c7"], false))
        })
        .store("g4")
        .try_except(
            script().await_("g4"),
            Catch::Only(Kind::Value),
            script().log_caught("g4").run(|cx| {
                let d = cx.lp.future_done(cx.fut("c7"));
                cx.log(&format!("c7 done {d}"));
            }),
        )
        .await_("c7")
        .log_acc("c7")
        // 5. duplicates and the empty gather
        .call(|cx| {
            cx.spawn("c8", child(8, 0.1));
            Ok(gather_of(cx, &["c8", "c8"], false))
        })
        .store("g5")
        .await_("g5")
        .log_acc("dup")
        .call(|cx| Ok(gather_of(cx, &[], false)))
        .store("g6")
        .await_("g6")
        .log_acc("empty")
        // 6. a task awaiting a gather is cancelled: the message reaches the children and back
        .run(|cx| {
            let waiter = script()
                .call(|cx| {
                    cx.spawn("c9", child(9, 1.0));
                    cx.spawn("c10", child(10, 1.0));
                    Ok(gather_of(cx, &["c9", "c10"], false))
                })
                .store("g7")
                .await_("g7");
            cx.spawn("w", waiter);
        })
        .sleep(0.1)
        .run(|cx| {
            let w = cx.task_of("w");
            cx.lp.cancel_task(cx.host, w, Some("from main".into()));
        })
        .try_except(
            script().await_("w"),
            Catch::Cancelled,
            script().log_caught("w"),
        )
        // 7. the only child cancelled, return_exceptions=False: the gather raises its error
        .call(|cx| {
            cx.spawn("c11", child(11, 1.0));
            Ok(gather_of(cx, &["c11"], false))
        })
        .store("g8")
        .sleep(0.1)
        .run(|cx| {
            let t = cx.task_of("c11");
            cx.lp.cancel_task(cx.host, t, Some("c11".into()));
        })
        .try_except(
            script().await_("g8"),
            Catch::Cancelled,
            script().log_caught("g8").run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("g8"));
                cx.log(&format!("g8 cancelled {c}"));
            }),
        );
    let (r, mut lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        untimed(&host.log),
        [
            "Task-1: cancel true",
            "c1: cancelled CancelledError('stop!')",
            "c2: cancelled CancelledError('stop!')",
            "Task-1: outer CancelledError('stop!')",
            "Task-1: g cancelled false",
            "c3: cancelled CancelledError('m2')",
            "c4: cancelled CancelledError('m2')",
            "Task-1: outer2 CancelledError('m2')",
            "c5: cancelled CancelledError('only5')",
            "Task-1: g3 [CancelledError(''), 6]",
            "Task-1: g4 ValueError('x')",
            "Task-1: c7 done false",
            "Task-1: c7 7",
            "Task-1: dup [8, 8]",
            "Task-1: empty []",
            "c9: cancelled CancelledError('from main')",
            "c10: cancelled CancelledError('from main')",
            "Task-1: w CancelledError('from main')",
            "c11: cancelled CancelledError('c11')",
            "Task-1: g8 CancelledError('c11')",
            "Task-1: g8 cancelled false",
        ]
    );
    // The children of a cancelled gather carry "gather" as cause, the waiter's request as parent.
    let t = trace(&mut lp, &["w", "c9"]);
    assert!(
        t.contains(&"0.9 w cancel#6(by Task-1) Awaiting(gather)->Awaiting(gather) c=1".to_string()),
        "{t:#?}"
    );
    assert!(
        t.contains(&"0.9 c9 cancel#7(gather)<-#6 Awaiting(sleep)->Awaiting(sleep) c=1".to_string()),
        "{t:#?}"
    );
}

/// tests/py/shield1.py; CPython 3.14 prints:
/// outer cancelled False / handler: ValueError exception in shielded future ValueError('late') /
/// t True / s2 cancelled True / wt cancelled / r3
#[test]
fn shield_keeps_the_inner_running_and_reports_its_late_exception() {
    let main = script()
        .run(|cx| {
            cx.spawn("inner", script().sleep(0.2).raise(exc(Kind::Value, "late")));
            let s = cx.shield_of("inner");
            cx.set("s", Val::Fut(s));
        })
        .sleep(0.1)
        .run(|cx| {
            cx.lp.cancel_future(cx.host, cx.fut("s"), None);
        })
        .try_except(
            script().await_("s"),
            Catch::Cancelled,
            script().run(|cx| {
                let d = cx.lp.future_done(cx.fut("inner"));
                cx.log(&format!("outer cancelled {d}"));
            }),
        )
        .sleep(0.2)
        .run(|cx| {
            let d = cx.lp.future_done(cx.fut("inner"));
            cx.log(&format!("t {d}"));
        })
        // the inner cancelled by other means cancels the outer
        .run(|cx| {
            cx.spawn("t2", script().sleep(1.0));
            let s = cx.shield_of("t2");
            cx.set("s2", Val::Fut(s));
        })
        .sleep(0.1)
        .run(|cx| {
            let t = cx.task_of("t2");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .try_except(
            script().await_("s2"),
            Catch::Cancelled,
            script().run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("s2"));
                cx.log(&format!("s2 cancelled {c}"));
            }),
        )
        // a task awaiting a shield is cancelled; the inner completes
        .run(|cx| {
            cx.spawn("t3", script().sleep(0.3).ret(Val::Str("r3".into())));
            cx.spawn(
                "wt",
                script()
                    .run(|cx| {
                        let s = cx.shield_of("t3");
                        cx.set("s3", Val::Fut(s));
                    })
                    .await_("s3"),
            );
        })
        .sleep(0.1)
        .run(|cx| {
            let t = cx.task_of("wt");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .try_except(
            script().await_("wt"),
            Catch::Cancelled,
            script().log("wt cancelled"),
        )
        .await_("t3")
        .log_acc("t3");
    let (r, mut lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        untimed(&host.log),
        [
            "Task-1: outer cancelled false",
            "Task-1: t true",
            "Task-1: s2 cancelled true",
            "Task-1: wt cancelled",
            "Task-1: t3 'r3'"
        ]
    );
    assert_eq!(
        host.reports,
        ["exception in shielded future: ValueError('late')"]
    );
    let t = trace(&mut lp, &["t3"]);
    assert!(t.iter().all(|l| !l.contains("cancel#")), "{t:#?}");
    assert!(
        t.contains(&"0.5 t3 shielded<-#2 Awaiting(sleep)->Awaiting(sleep) c=0".to_string()),
        "{t:#?}"
    );
    let t = trace(&mut lp, &["inner"]);
    assert!(t.last().unwrap().contains("retrieved"), "{t:#?}");
}
