//! timeout/timeout_at and wait_for, mirroring tests/py programs run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::*;

fn tid(cx: &Cx, var: &str) -> TimeoutId {
    TimeoutId(cx.int(var))
}

/// tests/py/timeout1.py; CPython 3.14 prints:
/// inner timeout 0.1 True False 0 / outer timeout 0.5 True 0 / outer first 0.6 False True /
/// when None / cancelled inside True / rescheduled timeout 0.7 <Timeout [expired]> /
/// Cannot change state of expired Timeout / timeout(0) + sleep(0) 0.7 / victim: cancelled 1 /
/// v cancelled True / no expiry False <Timeout [finished]>
#[test]
fn nested_timeouts_reschedule_and_foreign_cancels() {
    let main = script()
        // 1. nested, the inner fires first: only the inner converts; the outer fires later
        .try_except(
            with_timeout(
                "outer",
                Some(0.5),
                script()
                    .try_except(
                        with_timeout("inner", Some(0.1), script().sleep(1.0)),
                        Catch::Only(Kind::Timeout),
                        script().run(|cx| {
                            let (i, o) = (tid(cx, "inner"), tid(cx, "outer"));
                            let line = format!(
                                "inner timeout {} {} {}",
                                cx.lp.timeout_expired(i),
                                cx.lp.timeout_expired(o),
                                cx.lp.cancelling(cx.task)
                            );
                            cx.log(&line);
                        }),
                    )
                    .sleep(1.0),
            ),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let o = tid(cx, "outer");
                let line = format!(
                    "outer timeout {} {}",
                    cx.lp.timeout_expired(o),
                    cx.lp.cancelling(cx.task)
                );
                cx.log(&line);
            }),
        )
        // 2. nested, the outer fires first: the inner lets CancelledError through
        .try_except(
            with_timeout(
                "outer",
                Some(0.1),
                script().try_except(
                    with_timeout("inner", Some(0.5), script().sleep(1.0)),
                    Catch::Only(Kind::Timeout),
                    script().log("wrong: inner"),
                ),
            ),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let (i, o) = (tid(cx, "inner"), tid(cx, "outer"));
                let line = format!(
                    "outer first {} {}",
                    cx.lp.timeout_expired(i),
                    cx.lp.timeout_expired(o)
                );
                cx.log(&line);
            }),
        )
        // 3. timeout(None), then reschedule
        .try_except(
            with_timeout(
                "cm",
                None,
                script()
                    .call(|cx| {
                        let id = tid(cx, "cm");
                        cx.log(&format!("when {:?}", cx.lp.timeout_when(id)));
                        let when = cx.lp.time() + 0.1;
                        cx.lp.timeout_reschedule(cx.host, id, Some(when))?;
                        Ok(None)
                    })
                    .try_except(
                        script().sleep(1.0),
                        Catch::Cancelled,
                        script()
                            .run(|cx| {
                                let e = cx.lp.timeout_expired(tid(cx, "cm"));
                                cx.log(&format!("cancelled inside {e}"));
                            })
                            .reraise(),
                    ),
            ),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let p = cx.lp.timeout_phase(tid(cx, "cm")).unwrap();
                cx.log(&format!("rescheduled timeout {}", p.value()));
            }),
        )
        .try_except(
            script().call(|cx| {
                let id = tid(cx, "cm");
                cx.lp.timeout_reschedule(cx.host, id, None)?;
                Ok(None)
            }),
            Catch::Only(Kind::Runtime),
            script().log_caught("reschedule:"),
        )
        // 4. timeout(0) with sleep(0): expires on the next iteration
        .try_except(
            with_timeout("z", Some(0.0), script().yield_()).log("wrong: no timeout"),
            Catch::Only(Kind::Timeout),
            script().log("timeout(0) + sleep(0)"),
        )
        // 5. a foreign cancel in the same iteration as the expiry wins
        .run(|cx| {
            let victim = script().try_except(
                script().try_except(
                    with_timeout("vt", Some(0.0), script().sleep(1.0)),
                    Catch::Only(Kind::Timeout),
                    script().log("victim: timeout (wrong)"),
                ),
                Catch::Cancelled,
                script()
                    .run(|cx| {
                        let n = cx.lp.cancelling(cx.task);
                        cx.log(&format!("victim: cancelled {n}"));
                    })
                    .reraise(),
            );
            cx.spawn("v", victim);
        })
        .yield_()
        .run(|cx| {
            let v = cx.task_of("v");
            cx.lp.cancel_task(cx.host, v, None);
        })
        .try_except(
            script().await_("v"),
            Catch::Cancelled,
            script().run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("v"));
                cx.log(&format!("v cancelled {c}"));
            }),
        )
        // 6. no expiry
        .then(with_timeout("cm2", Some(1.0), script().sleep(0.1)))
        .run(|cx| {
            let id = tid(cx, "cm2");
            let line = format!(
                "no expiry {} {}",
                cx.lp.timeout_expired(id),
                cx.lp.timeout_phase(id).unwrap().value()
            );
            cx.log(&line);
        });
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0.1 Task-1: inner timeout true false 0",
            "0.5 Task-1: outer timeout true 0",
            "0.6 Task-1: outer first false true",
            "0.6 Task-1: when None",
            "0.7 Task-1: cancelled inside true",
            "0.7 Task-1: rescheduled timeout expired",
            "0.7 Task-1: reschedule: RuntimeError('Cannot change state of expired Timeout')",
            "0.7 Task-1: timeout(0) + sleep(0)",
            "0.7 v: victim: cancelled 1",
            "0.7 Task-1: v cancelled true",
            "0.8 Task-1: no expiry false finished",
        ]
    );
}

#[test]
fn timeout_misuse_raises_runtime_errors() {
    let (mut lp, mut host) = setup();
    let id = lp.timeout(Some(1.0));
    let e = lp.timeout_reschedule(&mut host, id, Some(2.0)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RuntimeError('Timeout has not been entered')"
    );
    let e = lp.timeout_enter(&mut host, id).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RuntimeError('Timeout should be used inside a task')"
    );
    let at = lp.timeout_at(Some(5.0));
    assert_eq!(lp.timeout_when(at), Some(5.0));
}

/// tests/py/waitfor1.py; CPython 3.14 prints:
/// zero timeout False CancelledError / done fut 5 / stubborn suppressed 0 / in time v /
/// boom ValueError('b') / w cancelled 1 / t cancelled
#[test]
fn wait_for_semantics_since_3_12() {
    let main = script()
        // timeout <= 0 with a coroutine: wrapped in a task, cancelled before it starts
        .try_except(
            script().native(|_| {
                let f = script().log("started (wrong)").ret(Val::Int(1));
                wait_for(Awaitable::Coro(Box::new(f.coro())), Some(0.0))
            }),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let cause = cx
                    .host
                    .caught
                    .as_ref()
                    .and_then(|e| e.cause.as_ref())
                    .map(|c| c.to_string());
                cx.log(&format!("zero timeout {cause:?}"));
            }),
        )
        // timeout <= 0 with a done future: its result
        .native(|cx| {
            let f = cx.lp.create_future();
            cx.lp.set_result(cx.host, f, Val::Int(5)).unwrap();
            wait_for(Awaitable::Future(f), Some(0.0))
        })
        .log_acc("done fut")
        // the inner coroutine runs in this task, suppresses the cancellation and returns
        .native(|_| {
            let stubborn = script().try_except(
                script().sleep(1.0),
                Catch::Cancelled,
                script().ret(Val::Str("suppressed".into())),
            );
            wait_for(Awaitable::Coro(Box::new(stubborn.coro())), Some(0.1))
        })
        .log_acc("stubborn")
        .run(|cx| {
            let n = cx.lp.cancelling(cx.task);
            cx.log(&format!("cancelling {n}"));
        })
        .native(|_| {
            let s = TaskCoro::Native(Box::new(sleep(0.1, Some(Val::Str("v".into())))));
            wait_for(Awaitable::Coro(Box::new(s)), Some(1.0))
        })
        .log_acc("in time")
        .try_except(
            script().native(|_| {
                let boom = script().sleep(0.05).raise(exc(Kind::Value, "b"));
                wait_for(Awaitable::Coro(Box::new(boom.coro())), Some(1.0))
            }),
            Catch::Only(Kind::Value),
            script().log_caught("boom"),
        )
        // the task running wait_for is cancelled: CancelledError, not TimeoutError
        .run(|cx| {
            let w = script().try_except(
                script().native(|_| {
                    let s = TaskCoro::Native(Box::new(sleep(1.0, None)));
                    wait_for(Awaitable::Coro(Box::new(s)), Some(0.5))
                }),
                Catch::Cancelled,
                script()
                    .run(|cx| {
                        let n = cx.lp.cancelling(cx.task);
                        cx.log(&format!("w cancelled {n}"));
                    })
                    .reraise(),
            );
            cx.spawn("w", w);
        })
        .sleep(0.1)
        .run(|cx| {
            let t = cx.task_of("w");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .try_except(
            script().await_("w"),
            Catch::Cancelled,
            script().log("t cancelled"),
        );
    let (r, lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        untimed(&host.log),
        [
            "Task-1: zero timeout Some(\"CancelledError()\")",
            "Task-1: done fut 5",
            "Task-1: stubborn 'suppressed'",
            "Task-1: cancelling 0",
            "Task-1: in time 'v'",
            "Task-1: boom ValueError('b')",
            "w: w cancelled 1",
            "Task-1: t cancelled",
        ]
    );
    // wait_for(coro, 0) made one task (Task-2) that never started.
    assert_eq!(lp.task_count(), 3);
}
