//! Lock, Semaphore, Event, Condition and Queue, mirroring tests/py/sync1.py and tests/py/queue1.py
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

/// tests/py/queue1.py; CPython 3.14 prints:
/// put 0 0.0 / put 1 0.0 / consumer 0 got 0 0.0 / consumer 1 got 1 0.0 / put 2 0.0 / put 3 0.0 /
/// consumer 0 got 2 0.1 / consumer 1 got 3 0.1 / put 4 0.1 / consumer 0 got 4 0.2 / joined 0.3 /
/// empty / full / ValueError('task_done() called too many times') / getter shutdown /
/// put shutdown / drain a / get shutdown / [2, 1, 0]
#[test]
fn queue_producer_consumers_join_errors_and_shutdown() {
    let main = script()
        .run(|cx| {
            let q = cx.lp.new_queue(cx.host, QueueKind::Fifo, 2);
            cx.set("q", Val::Int(q.0 as i64));
            let mut producer = script();
            for i in 0..5 {
                producer = producer
                    .native(move |cx| cx.lp.queue_put(res(cx, "q"), Val::Int(i)))
                    .log(&format!("put {i}"));
            }
            cx.spawn("producer", producer);
            for n in 0..2 {
                let consumer = script().forever(
                    script()
                        .native(|cx| cx.lp.queue_get(res(cx, "q")))
                        .log_acc("got")
                        .sleep(0.1)
                        .call(|cx| cx.lp.queue_task_done(cx.host, res(cx, "q")).map(|_| None)),
                );
                cx.spawn(&format!("consumer{n}"), consumer);
            }
        })
        .await_("producer")
        .native(|cx| cx.lp.queue_join(res(cx, "q")))
        .log("joined")
        .run(|cx| {
            for n in 0..2 {
                let t = cx.task_of(&format!("consumer{n}"));
                cx.lp.cancel_task(cx.host, t, None);
            }
        })
        .call(|cx| {
            let q2 = cx.lp.new_queue(cx.host, QueueKind::Fifo, 1);
            let e = cx.lp.queue_get_nowait(cx.host, q2).unwrap_err();
            cx.log(&e.to_string());
            cx.lp.queue_put_nowait(cx.host, q2, Val::Int(1))?;
            let e = cx
                .lp
                .queue_put_nowait(cx.host, q2, Val::Int(2))
                .unwrap_err();
            cx.log(&e.to_string());
            cx.lp.queue_task_done(cx.host, q2)?;
            let e = cx.lp.queue_task_done(cx.host, q2).unwrap_err();
            cx.log(&e.to_string());
            let q3 = cx.lp.new_queue(cx.host, QueueKind::Fifo, 0);
            cx.set("q3", Val::Int(q3.0 as i64));
            let getter = script().try_except(
                script().native(|cx| cx.lp.queue_get(res(cx, "q3"))),
                Catch::Only(Kind::QueueShutDown),
                script().log("getter shutdown"),
            );
            cx.spawn("getter", getter);
            Ok(None)
        })
        .yield_()
        .call(|cx| {
            let q3 = res(cx, "q3");
            cx.lp.queue_shutdown(cx.host, q3, false);
            Ok(None)
        })
        .await_("getter")
        .call(|cx| {
            let q3 = res(cx, "q3");
            let e = cx
                .lp
                .queue_put_nowait(cx.host, q3, Val::Int(1))
                .unwrap_err();
            cx.log(&e.to_string());
            let q4 = cx.lp.new_queue(cx.host, QueueKind::Fifo, 0);
            cx.lp.queue_put_nowait(cx.host, q4, Val::Str("a".into()))?;
            cx.lp.queue_shutdown(cx.host, q4, false);
            let v = cx.lp.queue_get_nowait(cx.host, q4)?;
            cx.log(&format!("drain {v}"));
            let e = cx.lp.queue_get_nowait(cx.host, q4).unwrap_err();
            cx.log(&e.to_string());
            let lq = cx.lp.new_queue(cx.host, QueueKind::Lifo, 0);
            for i in 0..3 {
                cx.lp.queue_put_nowait(cx.host, lq, Val::Int(i))?;
            }
            let got: Vec<Val> = (0..3)
                .map(|_| cx.lp.queue_get_nowait(cx.host, lq).unwrap())
                .collect();
            cx.log(&Val::List(got).to_string());
            Ok(None)
        });
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 producer: put 0",
            "0 producer: put 1",
            "0 consumer0: got 0",
            "0 consumer1: got 1",
            "0 producer: put 2",
            "0 producer: put 3",
            "0.1 consumer0: got 2",
            "0.1 consumer1: got 3",
            "0.1 producer: put 4",
            "0.2 consumer0: got 4",
            "0.3 Task-1: joined",
            "0.3 Task-1: QueueEmpty()",
            "0.3 Task-1: QueueFull()",
            "0.3 Task-1: ValueError('task_done() called too many times')",
            "0.3 getter: getter shutdown",
            "0.3 Task-1: QueueShutDown()",
            "0.3 Task-1: drain 'a'",
            "0.3 Task-1: QueueShutDown()",
            "0.3 Task-1: [2, 1, 0]",
        ]
    );
}

/// q = asyncio.PriorityQueue(); put (3,'c') (1,'a') (2,'b') (1,'z') (0,'x'); get all
/// CPython: [(0, 'x'), (1, 'a'), (1, 'z'), (2, 'b'), (3, 'c')]; mixed types: TypeError.
#[test]
fn priority_queue_pops_smallest_first() {
    let (mut lp, mut host) = setup();
    let q = lp.new_queue(&mut host, QueueKind::Priority, 0);
    let item = |p: i64, s: &str| Val::List(vec![Val::Int(p), Val::Str(s.into())]);
    for (p, s) in [(3, "c"), (1, "a"), (2, "b"), (1, "z"), (0, "x")] {
        lp.queue_put_nowait(&mut host, q, item(p, s)).unwrap();
    }
    let got: Vec<String> = (0..5)
        .map(|_| lp.queue_get_nowait(&mut host, q).unwrap().to_string())
        .collect();
    assert_eq!(
        got,
        ["[0, 'x']", "[1, 'a']", "[1, 'z']", "[2, 'b']", "[3, 'c']"]
    );
    lp.queue_put_nowait(&mut host, q, Val::Int(1)).unwrap();
    let e = lp
        .queue_put_nowait(&mut host, q, Val::Str("a".into()))
        .unwrap_err();
    assert_eq!(e.kind, Kind::Type);
    assert_eq!(lp.resources().last().unwrap().kind, "PriorityQueue");
}

/// tests/py/barrier1.py; CPython 3.14 prints:
/// arrive 0 0 / arrive 1 1 / arrive 2 2 / pass 2 2 / pass 0 0 / pass 1 1 / after round 1 0 False /
/// arrive 3 0 / arrive 4 1 / arrive 5 2 / pass 5 2 / pass 3 0 / pass 4 1 /
/// broken 0 Abort or reset of barrier / broken 1 Abort or reset of barrier / aborted True /
/// wait on broken: Barrier aborted / reset False 0 / n_waiting 1 / cancelled waiter 0 /
/// broken 0 Abort or reset of barrier / broken 1 Abort or reset of barrier / after reset False 0
#[test]
fn barrier_rounds_abort_reset_and_cancel() {
    fn w(n: i64, d: f64) -> Script {
        script()
            .sleep(d)
            .run(move |cx| {
                let k = cx.lp.barrier_n_waiting(res(cx, "b"));
                cx.log(&format!("arrive {n} {k}"));
            })
            .native(|cx| cx.lp.barrier_wait(res(cx, "b")))
            .log_acc(["pass 0", "pass 1", "pass 2", "pass 3", "pass 4", "pass 5"][n as usize])
    }
    fn waiter() -> Script {
        script().try_except(
            script().native(|cx| cx.lp.barrier_wait(res(cx, "b"))),
            Catch::Only(Kind::BrokenBarrier),
            script().log_caught("broken"),
        )
    }
    fn round(cx: &mut Cx, names: &[(&str, Script)]) -> Option<Val> {
        for (n, s) in names {
            cx.spawn(n, s.clone());
        }
        let fs = names.iter().map(|(n, _)| cx.fut(n)).collect();
        Some(Val::Fut(cx.lp.gather(cx.host, fs, false)))
    }
    let state = |label: &'static str| {
        script().run(move |cx| {
            let b = res(cx, "b");
            let line = format!(
                "{label} {} {}",
                cx.lp.barrier_broken(b),
                cx.lp.barrier_n_waiting(b)
            );
            cx.log(&line);
        })
    };
    let main = script()
        .call(|cx| {
            let b = cx.lp.new_barrier(cx.host, 3)?;
            cx.set("b", Val::Int(b.0 as i64));
            Ok(round(
                cx,
                &[("w0", w(0, 0.1)), ("w1", w(1, 0.2)), ("w2", w(2, 0.3))],
            ))
        })
        .store("g")
        .await_("g")
        .then(state("after round 1"))
        .call(|cx| {
            Ok(round(
                cx,
                &[("w3", w(3, 0.1)), ("w4", w(4, 0.1)), ("w5", w(5, 0.1))],
            ))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            cx.spawn("x0", waiter());
            cx.spawn("x1", waiter());
        })
        .sleep(0.1)
        .native(|cx| cx.lp.barrier_abort(res(cx, "b")))
        .call(|cx| {
            let fs = vec![cx.fut("x0"), cx.fut("x1")];
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .then(state("aborted"))
        .try_except(
            script().native(|cx| cx.lp.barrier_wait(res(cx, "b"))),
            Catch::Only(Kind::BrokenBarrier),
            script().log_caught("wait on broken:"),
        )
        .native(|cx| cx.lp.barrier_reset(res(cx, "b")))
        .then(state("reset"))
        // a cancelled waiter leaves the count as it was
        .call(|cx| {
            let b2 = cx.lp.new_barrier(cx.host, 2)?;
            cx.set("b2", Val::Int(b2.0 as i64));
            cx.spawn("t", script().native(|cx| cx.lp.barrier_wait(res(cx, "b2"))));
            Ok(None)
        })
        .sleep(0.1)
        .run(|cx| {
            let k = cx.lp.barrier_n_waiting(res(cx, "b2"));
            cx.log(&format!("n_waiting {k}"));
            let t = cx.task_of("t");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .try_except(
            script().await_("t"),
            Catch::Cancelled,
            script().run(|cx| {
                let k = cx.lp.barrier_n_waiting(res(cx, "b2"));
                cx.log(&format!("cancelled waiter {k}"));
            }),
        )
        // reset while two wait
        .run(|cx| {
            cx.spawn("y0", waiter());
            cx.spawn("y1", waiter());
        })
        .sleep(0.1)
        .native(|cx| cx.lp.barrier_reset(res(cx, "b")))
        .call(|cx| {
            let fs = vec![cx.fut("y0"), cx.fut("y1")];
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, fs, false))))
        })
        .store("g")
        .await_("g")
        .then(state("after reset"));
    let (r, lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    let broken = "broken BrokenBarrierError('Abort or reset of barrier')";
    assert_eq!(
        untimed(&host.log),
        [
            "w0: arrive 0 0".to_string(),
            "w1: arrive 1 1".into(),
            "w2: arrive 2 2".into(),
            "w2: pass 2 2".into(),
            "w0: pass 0 0".into(),
            "w1: pass 1 1".into(),
            "Task-1: after round 1 false 0".into(),
            "w3: arrive 3 0".into(),
            "w4: arrive 4 1".into(),
            "w5: arrive 5 2".into(),
            "w5: pass 5 2".into(),
            "w3: pass 3 0".into(),
            "w4: pass 4 1".into(),
            format!("x0: {broken}"),
            format!("x1: {broken}"),
            "Task-1: aborted true 0".into(),
            "Task-1: wait on broken: BrokenBarrierError('Barrier aborted')".into(),
            "Task-1: reset false 0".into(),
            "Task-1: n_waiting 1".into(),
            "Task-1: cancelled waiter 0".into(),
            format!("y0: {broken}"),
            format!("y1: {broken}"),
            "Task-1: after reset false 0".into(),
        ]
    );
    assert_eq!(
        lp.resources()
            .iter()
            .filter(|r| r.kind == "Barrier")
            .count(),
        2
    );
}
