//! TaskGroup, mirroring tests/py/tg1.py run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::TimeoutId;

/// tests/py/tg1.py; CPython 3.14 prints:
/// child cancelled 1 / 1: (KeyError('body'),) / child cancelled 2 / child cancelled 3 /
/// 2: parent cancelled True / child cancelled 4 / 3: (ValueError('v'),) /
/// 3: TaskGroup <TaskGroup cancelling> is finished / child done 6 / child done 7 / 4: 6 7 0
#[test]
fn task_group_body_error_outside_cancel_child_error_and_success() {
    let main = script()
        // 1. the body raises: children cancelled, the body's error in the group
        .try_except(
            with_task_group(
                "tg",
                script()
                    .call(|cx| {
                        tg_spawn(cx, "tg", "c1", child(1, 1.0))?;
                        Ok(None)
                    })
                    .sleep(0.1)
                    .raise(exc(Kind::Value, "body")),
            ),
            Catch::Only(Kind::ExceptionGroup),
            script().log_caught("1:"),
        )
        // 2. the parent is cancelled from outside while __aexit__ waits
        .run(|cx| {
            let parent = with_task_group(
                "tg2",
                script().call(|cx| {
                    tg_spawn(cx, "tg2", "c2", child(2, 1.0))?;
                    tg_spawn(cx, "tg2", "c3", child(3, 1.0))?;
                    Ok(None)
                }),
            )
            .log("never");
            cx.spawn("p", parent);
        })
        .sleep(0.1)
        .run(|cx| {
            let p = cx.task_of("p");
            cx.lp.cancel_task(cx.host, p, None);
        })
        .try_except(
            script().await_("p"),
            Catch::Cancelled,
            script().run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("p"));
                cx.log(&format!("2: parent cancelled {c}"));
            }),
        )
        // 3. a child fails while the body waits in __aexit__; the finished group refuses tasks
        .try_except(
            with_task_group(
                "tg3",
                script().call(|cx| {
                    tg_spawn(cx, "tg3", "c4", child(4, 1.0))?;
                    tg_spawn(
                        cx,
                        "tg3",
                        "bad",
                        script().sleep(0.1).raise(exc(Kind::Value, "v")),
                    )?;
                    Ok(None)
                }),
            ),
            Catch::Only(Kind::ExceptionGroup),
            script().log_caught("3:").try_except(
                script().call(|cx| tg_spawn(cx, "tg3", "c5", child(5, 1.0)).map(|_| None)),
                Catch::Only(Kind::Runtime),
                script().log_caught("3:"),
            ),
        )
        // 4. all succeed
        .then(with_task_group(
            "tg4",
            script().call(|cx| {
                tg_spawn(
                    cx,
                    "tg4",
                    "c6",
                    script().sleep(0.1).log("child done 6").ret(Val::Int(6)),
                )?;
                tg_spawn(
                    cx,
                    "tg4",
                    "c7",
                    script().sleep(0.2).log("child done 7").ret(Val::Int(7)),
                )?;
                Ok(None)
            }),
        ))
        .call(|cx| {
            let a = cx.lp.future_result(cx.host, cx.fut("c6"))?;
            let b = cx.lp.future_result(cx.host, cx.fut("c7"))?;
            let n = cx.lp.cancelling(cx.task);
            cx.log(&format!("4: {a} {b} {n}"));
            Ok(None)
        });
    let (r, mut lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0.1 c1: cancelled CancelledError()",
            "0.1 Task-1: 1: ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('body')])",
            "0.2 c2: cancelled CancelledError()",
            "0.2 c3: cancelled CancelledError()",
            "0.2 Task-1: 2: parent cancelled true",
            "0.3 c4: cancelled CancelledError()",
            "0.3 Task-1: 3: ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('v')])",
            "0.3 Task-1: 3: RuntimeError('TaskGroup <TaskGroup cancelling> is finished')",
            "0.4 c6: child done 6",
            "0.5 c7: child done 7",
            "0.5 Task-1: 4: 6 7 0",
        ]
    );
    let t = trace(&mut lp, &["c2", "c4"]);
    assert!(
        t.contains(
            &"0.2 c2 cancel#3(taskgroup)<-#2 Awaiting(sleep)->Awaiting(sleep) c=1".to_string()
        ),
        "{t:#?}"
    );
    assert!(
        t.contains(
            &"0.3 c4 cancel#5(taskgroup(bad failed)) Awaiting(sleep)->Awaiting(sleep) c=1"
                .to_string()
        ),
        "{t:#?}"
    );
    let t = trace(&mut lp, &["p"]);
    assert!(
        t.contains(&"0.1 p await Running->Awaiting(taskgroup) c=0".to_string()),
        "{t:#?}"
    );
}

#[test]
fn task_group_misuse() {
    let (mut lp, mut host) = setup();
    let g = lp.task_group();
    let e = lp
        .task_group_create_task(&mut host, g, script().coro(), None)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "RuntimeError('TaskGroup <TaskGroup> has not been entered')"
    );
    let e = lp.task_group_enter(&mut host, g).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RuntimeError('TaskGroup <TaskGroup> cannot determine the parent task')"
    );
}

fn bad(n: i64, d: f64) -> Script {
    script()
        .sleep(d)
        .log("bad raising")
        .raise(exc(Kind::Value, &n.to_string()))
}

/// tests/py/tg2.py; CPython 3.14 prints:
/// child cancelled 1 / child cancelled 2 / A: timeout 0.1 0 / bad raising 5 / child cancelled 4 /
/// child cancelled 3 / B: ExceptionGroup(.., [ExceptionGroup(.., [ValueError(5)])]) 0.2 /
/// bad raising 7 / child cancelled 6 / C: parent caught ExceptionGroup(.., [ValueError(7)]) 1 /
/// C: parent raised ExceptionGroup(.., [ValueError(7)]) / D: swallowed 0.4 / D: expired True 0 /
/// E: Task cannot await on itself
#[test]
fn task_group_under_timeout_nested_groups_outside_cancel_with_failure() {
    let main = script()
        // A. a timeout around a TaskGroup
        .try_except(
            with_timeout(
                "to",
                Some(0.1),
                with_task_group(
                    "tg",
                    script().call(|cx| {
                        tg_spawn(cx, "tg", "c1", child(1, 1.0))?;
                        tg_spawn(cx, "tg", "c2", child(2, 1.0))?;
                        Ok(None)
                    }),
                ),
            ),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let n = cx.lp.cancelling(cx.task);
                cx.log(&format!("A: timeout {n}"));
            }),
        )
        // B. nested groups: the inner group's error inside the outer group's
        .try_except(
            with_task_group(
                "outer",
                script().call(|cx| {
                    tg_spawn(cx, "outer", "c3", child(3, 1.0))?;
                    let inner = with_task_group(
                        "inner",
                        script().call(|cx| {
                            tg_spawn(cx, "inner", "c4", child(4, 1.0))?;
                            tg_spawn(cx, "inner", "bad5", bad(5, 0.1))?;
                            Ok(None)
                        }),
                    );
                    tg_spawn(cx, "outer", "ig", inner)?;
                    Ok(None)
                }),
            ),
            Catch::Only(Kind::ExceptionGroup),
            script().log_caught("B:"),
        )
        // C. the parent is cancelled from outside as a child fails
        .run(|cx| {
            let parent = script().try_except(
                with_task_group(
                    "tg3",
                    script()
                        .call(|cx| {
                            tg_spawn(cx, "tg3", "c6", child(6, 1.0))?;
                            tg_spawn(cx, "tg3", "bad7", bad(7, 0.1))?;
                            Ok(None)
                        })
                        .sleep(1.0),
                ),
                Catch::Only(Kind::ExceptionGroup),
                script()
                    .run(|cx| {
                        let e = cx.host.caught.clone().unwrap();
                        let n = cx.lp.cancelling(cx.task);
                        cx.log(&format!("C: parent caught {e} {n}"));
                    })
                    .reraise(),
            );
            cx.spawn("p", parent);
        })
        .sleep(0.1)
        .run(|cx| {
            let p = cx.task_of("p");
            cx.lp.cancel_task(cx.host, p, None);
        })
        .try_except(
            script().try_except(
                script().await_("p"),
                Catch::Cancelled,
                script().log("C: parent cancelled"),
            ),
            Catch::Any,
            script().log_caught("C: parent raised"),
        )
        // D. swallowing the timeout's CancelledError
        .then(with_timeout(
            "cm",
            Some(0.1),
            script().try_except(
                script().sleep(1.0),
                Catch::Cancelled,
                script().log("D: swallowed"),
            ),
        ))
        .run(|cx| {
            let id = TimeoutId(cx.int("cm"));
            let line = format!(
                "D: expired {} {}",
                cx.lp.timeout_expired(id),
                cx.lp.cancelling(cx.task)
            );
            cx.log(&line);
        })
        // E. a task awaiting itself
        .run(|cx| {
            let selfish = script()
                .call(|cx| {
                    let me = cx.lp.task_future(cx.task).unwrap();
                    cx.set("me", Val::Fut(me));
                    Ok(None)
                })
                .await_("me");
            cx.spawn("selfish", selfish);
        })
        .try_except(
            script().await_("selfish"),
            Catch::Only(Kind::Runtime),
            script().log_caught("E:"),
        );
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    let g = "ExceptionGroup('unhandled errors in a TaskGroup'";
    assert_eq!(
        host.log,
        [
            "0.1 c1: cancelled CancelledError()".to_string(),
            "0.1 c2: cancelled CancelledError()".into(),
            "0.1 Task-1: A: timeout 0".into(),
            "0.2 bad5: bad raising".into(),
            "0.2 c4: cancelled CancelledError()".into(),
            "0.2 c3: cancelled CancelledError()".into(),
            format!("0.2 Task-1: B: {g}, [{g}, [ValueError('5')])])"),
            "0.3 bad7: bad raising".into(),
            "0.3 c6: cancelled CancelledError()".into(),
            format!("0.3 p: C: parent caught {g}, [ValueError('7')]) 1"),
            format!("0.3 Task-1: C: parent raised {g}, [ValueError('7')])"),
            "0.4 Task-1: D: swallowed".into(),
            "0.4 Task-1: D: expired true 0".into(),
            "0.4 Task-1: E: RuntimeError('Task cannot await on itself: <Task pending name='selfish'>')"
                .into(),
        ]
    );
}
