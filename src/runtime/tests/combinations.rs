//! Cancellation combinations (after tokio's `task_combinations.rs`): when the cancel happens
//! × what the body does × who awaits the task, each checked against a model of CPython's
//! rules and against the trace.

use crate::runtime::testing::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum When {
    /// Right after `create_task`: CancelledError is thrown before the body starts.
    BeforeStart,
    /// While it sleeps: the sleep future is cancelled.
    WhileAwaiting,
    /// In the iteration its sleep completes, before its wakeup runs (`_must_cancel`).
    AfterWoken,
    /// After it finished: `cancel()` returns False.
    AfterDone,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Body {
    Propagate,
    CleanupReraise,
    Swallow,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Awaiter {
    Nobody,
    Await,
    Gather,
    TaskGroup,
}

fn body(b: Body) -> Script {
    let work = script().sleep(1.0).ret(Val::Str("done".into()));
    match b {
        Body::Propagate => work,
        Body::CleanupReraise => script().try_except(
            work,
            Catch::Cancelled,
            script().sleep(0.1).log("cleaned up").reraise(),
        ),
        Body::Swallow => script().try_except(
            work,
            Catch::Cancelled,
            script().ret(Val::Str("swallowed".into())),
        ),
    }
}

/// Schedules the cancel of var "t" (created just before) according to `when`.
fn schedule_cancel(cx: &mut Cx, when: When) {
    match when {
        When::BeforeStart => {
            let t = cx.task_of("t");
            cx.lp.cancel_task(cx.host, t, None);
        }
        When::WhileAwaiting => {
            cx.lp.call_at(0.5, TCb::Cancel("t".into()));
        }
        // Same deadline as the task's sleep, registered later: runs right after it.
        When::AfterWoken => {
            cx.lp.call_at(1.0, TCb::Cancel("t".into()));
        }
        When::AfterDone => {
            cx.lp.call_at(1.5, TCb::Cancel("t".into()));
        }
    }
}

fn expected(when: When, b: Body) -> Result<&'static str, ()> {
    match (when, b) {
        (When::AfterDone, _) => Ok("done"),
        (When::BeforeStart, _) => Err(()),
        (_, Body::Swallow) => Ok("swallowed"),
        _ => Err(()),
    }
}

fn main_script(when: When, b: Body, who: Awaiter) -> Script {
    let spawn = move |cx: &mut Cx| {
        cx.spawn("t", body(b));
        schedule_cancel(cx, when);
    };
    let observe = |s: Script| {
        script().try_except(
            s.log_acc("result"),
            Catch::Cancelled,
            script().log("saw CancelledError"),
        )
    };
    let idle = script().sleep(2.0);
    match who {
        Awaiter::Nobody => script().run(spawn).then(idle),
        Awaiter::Await => script()
            .run(spawn)
            .then(observe(script().await_("t")))
            .then(idle),
        Awaiter::Gather => script()
            .run(spawn)
            .call(|cx| {
                let f = cx.fut("t");
                Ok(Some(Val::Fut(cx.lp.gather(cx.host, vec![f], false))))
            })
            .store("g")
            .then(observe(script().await_("g")))
            .then(idle),
        Awaiter::TaskGroup => with_task_group(
            "tg",
            script().call(move |cx| {
                tg_spawn(cx, "tg", "t", body(b))?;
                schedule_cancel(cx, when);
                Ok(None)
            }),
        )
        .log("group ok")
        .then(idle),
    }
}

#[test]
fn cancellation_combinations() {
    let whens = [
        When::BeforeStart,
        When::WhileAwaiting,
        When::AfterWoken,
        When::AfterDone,
    ];
    let bodies = [Body::Propagate, Body::CleanupReraise, Body::Swallow];
    let awaiters = [
        Awaiter::Nobody,
        Awaiter::Await,
        Awaiter::Gather,
        Awaiter::TaskGroup,
    ];
    for when in whens {
        for b in bodies {
            for who in awaiters {
                let case = format!("{when:?} × {b:?} × {who:?}");
                let (r, mut lp, mut host) = run_main(main_script(when, b, who));
                assert_eq!(r, Ok(Val::None), "{case}");
                let t = host.fut("t");
                let want = expected(when, b);
                // 1. the task's own outcome
                match want {
                    Ok(v) => assert_eq!(
                        lp.future_result(&mut host, t),
                        Ok(Val::Str(v.into())),
                        "{case}"
                    ),
                    Err(()) => assert!(lp.future_cancelled(t), "{case}: {:?}", host.log),
                }
                // 2. what the awaiter saw
                let log = untimed(&host.log).join(" | ");
                match (who, want) {
                    (Awaiter::Nobody, _) => {}
                    (Awaiter::TaskGroup, _) => {
                        assert!(log.contains("Task-1: group ok"), "{case}: {log}")
                    }
                    (Awaiter::Gather, Ok(v)) => assert!(
                        log.contains(&format!("Task-1: result ['{v}']")),
                        "{case}: {log}"
                    ),
                    (_, Ok(v)) => assert!(
                        log.contains(&format!("Task-1: result '{v}'")),
                        "{case}: {log}"
                    ),
                    (_, Err(())) => {
                        assert!(log.contains("Task-1: saw CancelledError"), "{case}: {log}")
                    }
                }
                // 3. cleanup ran exactly when CancelledError reached the handler
                let delivered_in_body = matches!(when, When::WhileAwaiting | When::AfterWoken);
                assert_eq!(
                    log.contains("cleaned up"),
                    delivered_in_body && b == Body::CleanupReraise,
                    "{case}: {log}"
                );
                // 4. the trace: a request and a delivery, or neither (cancel refused)
                let tr = trace(&mut lp, &["t"]);
                let requested = tr.iter().any(|l| l.contains(" cancel#"));
                let delivered = tr.iter().any(|l| l.contains("cancelled-error"));
                assert_eq!(requested, when != When::AfterDone, "{case}: {tr:#?}");
                assert_eq!(delivered, when != When::AfterDone, "{case}: {tr:#?}");
                if when == When::AfterDone {
                    assert!(log.contains("cancel t false"), "{case}: {log}");
                }
                // 5. nothing is left waiting, and every task ended in a final state
                assert!(lp.all_tasks().is_empty(), "{case}");
                assert!(!lp.has_ready(), "{case}");
            }
        }
    }
}

/// `uncancel()` bookkeeping across nested timeouts and an outside cancel: the count returns
/// to what it was, and `timeout_at` with a past deadline fires on the next iteration.
#[test]
fn uncancel_bookkeeping_with_nested_timeouts() {
    let main = script()
        .then(with_timeout(
            "outer",
            Some(5.0),
            script().try_except(
                with_timeout_at("inner", Some(-1.0), script().sleep(1.0)),
                Catch::Only(Kind::Timeout),
                script().run(|cx| {
                    let n = cx.lp.cancelling(cx.task);
                    cx.log(&format!("inner expired, cancelling {n}"));
                }),
            ),
        ))
        .run(|cx| {
            let n = cx.lp.cancelling(cx.task);
            cx.log(&format!("after both, cancelling {n}"));
        })
        .ret_acc();
    let (r, mut lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 Task-1: inner expired, cancelling 0",
            "0 Task-1: after both, cancelling 0"
        ]
    );
    let t = trace(&mut lp, &["Task-1"]);
    assert_eq!(
        t.iter().filter(|l| l.contains("uncancel")).count(),
        1,
        "{t:#?}"
    );
}
