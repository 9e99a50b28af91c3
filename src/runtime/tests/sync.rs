//! Lock, Semaphore, Event and Condition, mirroring tests/py/sync1.py
//! run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::*;

fn res(cx: &Cx, var: &str) -> ResourceId {
    ResourceId(cx.int(var))
}

/// `async with <var>:` for a Lock, Condition or Semaphore.
fn with_lock(var: &'static str, sem: bool, body: Script) -> Script {
    let release = move |cx: &mut Cx| -> Result<Option<Val>, TExc> {
        let id = res(cx, var);
        if sem {
            cx.lp.semaphore_release(cx.host, id)?;
        } else {
            cx.lp.lock_release(cx.host, id)?;
        }
        Ok(None)
    };
    script()
        .native(move |cx| {
            let id = res(cx, var);
            if sem {
                cx.lp.semaphore_acquire(id)
            } else {
                cx.lp.lock_acquire(id)
            }
        })
        .try_except(body, Catch::Any, script().call(release).reraise())
        .call(release)
}

fn user(n: i64) -> Script {
    with_lock("lock", false, script().log(&format!("got {n}")).sleep(0.1))
}

fn cancelled_flags(cx: &Cx, names: &[&str]) -> String {
    let v: Vec<bool> = names
        .iter()
        .map(|n| cx.lp.future_cancelled(cx.fut(n)))
        .collect();
    format!("{v:?}")
}

/// tests/py/sync1.py; CPython 3.14 prints:
/// got 0 / got 2 / got 3 / [0, 2, 3] [False, True, False, False] / got 1 / got 2 /
/// [1, 2] [True, False, False] / sem in 0..4 (two at a time) /
/// ValueError('BoundedSemaphore released too many times') / wait 0 1 2 / woke 0 1 2 /
/// cw wait 0 1 2 / cw woke 0 1 2 / Lock is not acquired.
#[test]
fn lock_fairness_with_cancelled_waiters_semaphores_events_conditions() {
    let main = script()
        .run(|cx| {
            let l = cx.lp.new_lock();
            cx.set("lock", Val::Int(l.0 as i64));
        })
        .native(|cx| cx.lp.lock_acquire(res(cx, "lock")))
        .run(|cx| {
            for i in 0..4 {
                cx.spawn(&format!("u{i}"), user(i));
            }
        })
        .yield_()
        // a cancelled waiter is skipped; FIFO order otherwise
        .run(|cx| {
            let t = cx.task_of("u1");
            cx.lp.cancel_task(cx.host, t, None);
            let views = cx.lp.resources();
            let waiters: Vec<String> = views[0]
                .waiters
                .iter()
                .map(|t| cx.lp.task_name(*t).unwrap().to_string())
                .collect();
            cx.log(&format!(
                "lock waiters {waiters:?} locked {}",
                views[0].busy
            ));
        })
        .yield_()
        .call(|cx| cx.lp.lock_release(cx.host, res(cx, "lock")).map(|_| None))
        .call(|cx| {
            let fs = ["u0", "u1", "u2", "u3"].iter().map(|n| cx.fut(n)).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, true))))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            let s = cancelled_flags(cx, &["u0", "u1", "u2", "u3"]);
            cx.log(&s);
        })
        // the woken waiter is cancelled before it runs: the wakeup passes on
        .native(|cx| cx.lp.lock_acquire(res(cx, "lock")))
        .run(|cx| {
            for i in 0..3 {
                cx.spawn(&format!("v{i}"), user(i + 10));
            }
        })
        .yield_()
        .call(|cx| {
            cx.lp.lock_release(cx.host, res(cx, "lock"))?;
            let t = cx.task_of("v0");
            cx.lp.cancel_task(cx.host, t, None);
            let fs = ["v0", "v1", "v2"].iter().map(|n| cx.fut(n)).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, true))))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            let s = cancelled_flags(cx, &["v0", "v1", "v2"]);
            cx.log(&s);
        })
        // Semaphore(2) with five users
        .call(|cx| {
            let s = cx.lp.new_semaphore(cx.host, 2, false)?;
            cx.set("sem", Val::Int(s.0 as i64));
            for i in 0..5 {
                cx.spawn(
                    &format!("s{i}"),
                    with_lock("sem", true, script().log("sem in").sleep(0.1)),
                );
            }
            let fs = (0..5).map(|i| cx.fut(&format!("s{i}"))).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .try_except(
            script().call(|cx| {
                let b = cx.lp.new_semaphore(cx.host, 1, true)?;
                cx.lp.semaphore_release(cx.host, b)?;
                Ok(None)
            }),
            Catch::Only(Kind::Value),
            script().log_caught("bounded"),
        )
        // Event
        .call(|cx| {
            let ev = cx.lp.new_event();
            cx.set("ev", Val::Int(ev.0 as i64));
            for i in 0..3 {
                let w = script()
                    .log("wait")
                    .native(|cx| cx.lp.event_wait(res(cx, "ev")))
                    .log("woke");
                cx.spawn(&format!("e{i}"), w);
            }
            Ok(None)
        })
        .sleep(0.1)
        .call(|cx| {
            cx.lp.event_set(cx.host, res(cx, "ev"));
            let fs = (0..3).map(|i| cx.fut(&format!("e{i}"))).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        // Condition: notify(2), then notify_all()
        .run(|cx| {
            let c = cx.lp.new_condition(None);
            cx.set("cond", Val::Int(c.0 as i64));
            for i in 0..3 {
                let cw = with_lock(
                    "cond",
                    false,
                    script()
                        .log("cw wait")
                        .native(|cx| cx.lp.condition_wait(res(cx, "cond")))
                        .log("cw woke"),
                );
                cx.spawn(&format!("w{i}"), cw);
            }
        })
        .sleep(0.1)
        .then(with_lock(
            "cond",
            false,
            script().call(|cx| {
                cx.lp
                    .condition_notify(cx.host, res(cx, "cond"), 2)
                    .map(|_| None)
            }),
        ))
        .sleep(0.1)
        .then(with_lock(
            "cond",
            false,
            script().call(|cx| {
                cx.lp
                    .condition_notify_all(cx.host, res(cx, "cond"))
                    .map(|_| None)
            }),
        ))
        .call(|cx| {
            let fs = (0..3).map(|i| cx.fut(&format!("w{i}"))).collect();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .try_except(
            script().call(|cx| cx.lp.lock_release(cx.host, res(cx, "lock")).map(|_| None)),
            Catch::Only(Kind::Runtime),
            script().log_caught("release"),
        );
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 Task-1: lock waiters [\"u0\", \"u2\", \"u3\"] locked true",
            "0 u0: got 0",
            "0.1 u2: got 2",
            "0.2 u3: got 3",
            "0.3 Task-1: [false, true, false, false]",
            "0.3 v1: got 11",
            "0.4 v2: got 12",
            "0.5 Task-1: [true, false, false]",
            "0.5 s0: sem in",
            "0.5 s1: sem in",
            "0.6 s2: sem in",
            "0.6 s3: sem in",
            "0.7 s4: sem in",
            "0.8 Task-1: bounded ValueError('BoundedSemaphore released too many times')",
            "0.8 e0: wait",
            "0.8 e1: wait",
            "0.8 e2: wait",
            "0.9 e0: woke",
            "0.9 e1: woke",
            "0.9 e2: woke",
            "0.9 w0: cw wait",
            "0.9 w1: cw wait",
            "0.9 w2: cw wait",
            "1 w0: cw woke",
            "1 w1: cw woke",
            "1.1 w2: cw woke",
            "1.1 Task-1: release RuntimeError('Lock is not acquired.')",
        ]
    );
}

/// A waiter cancelled while re-acquiring the Condition's lock still re-acquires it before
/// CancelledError leaves `wait()` (CPython's retry loop in `Condition.wait`).
#[test]
fn condition_wait_reacquires_the_lock_even_when_cancelled() {
    let main = script()
        .run(|cx| {
            let c = cx.lp.new_condition(None);
            cx.set("cond", Val::Int(c.0 as i64));
            let w = with_lock(
                "cond",
                false,
                script().try_except(
                    script().native(|cx| cx.lp.condition_wait(res(cx, "cond"))),
                    Catch::Cancelled,
                    script()
                        .run(|cx| {
                            let locked = cx.lp.lock_locked(res(cx, "cond"));
                            cx.log(&format!("cancelled, holding the lock: {locked}"));
                        })
                        .reraise(),
                ),
            );
            cx.spawn("w", w);
        })
        .sleep(0.1)
        .native(|cx| cx.lp.lock_acquire(res(cx, "cond")))
        .call(|cx| {
            cx.lp.condition_notify(cx.host, res(cx, "cond"), 1)?;
            let t = cx.task_of("w");
            cx.lp.cancel_task(cx.host, t, None);
            Ok(None)
        })
        .sleep(0.1)
        .call(|cx| cx.lp.lock_release(cx.host, res(cx, "cond")).map(|_| None))
        .try_except(
            script().await_("w"),
            Catch::Cancelled,
            script().log("w cancelled"),
        );
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0.2 w: cancelled, holding the lock: true",
            "0.2 Task-1: w cancelled"
        ]
    );
}
