//! Wakeups that must not be lost when the woken task is cancelled before it runs, and
//! wait_for on a task that answers its cancellation late (tests/py/fair1.py, CPython 3.14).

use crate::runtime::testing::*;
use crate::runtime::*;

fn res(cx: &Cx, var: &str) -> ResourceId {
    ResourceId(cx.int(var))
}

fn gather_all(cx: &mut Cx, names: &[String]) -> Option<Val> {
    let fs = names.iter().map(|n| cx.fut(n)).collect();
    Some(Val::Fut(cx.lp.gather(cx.host, fs, true)))
}

/// CPython: A: inner got cancel 0.1 / A: wait_for returned late value 0.3 / B: getter 0 cancelled /
/// B: getter 1 got x / B: getter 2 got y / B: 0 [True, False, False] / C: cancelled 0 /
/// C: acquired 1 / C: True [True, True, False] / C: cancelled 2 / D: [ValueError('boom'), 1] /
/// E: True / E: timed out 0.45
#[test]
fn cancelled_wakeups_pass_on_and_late_answers_win() {
    let names = |p: &str, n: usize| (0..n).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
    let main = script()
        // A. wait_for returns the value of a task that answers its cancellation late
        .run(|cx| {
            let slow = script().try_except(
                script().sleep(1.0),
                Catch::Cancelled,
                script()
                    .log("A: inner got cancel")
                    .sleep(0.2)
                    .ret(Val::Str("late value".into())),
            );
            cx.spawn("slow", slow);
        })
        .try_except(
            script()
                .native(|cx| wait_for(Awaitable::Future(cx.fut("slow")), Some(0.1)))
                .log_acc("A: wait_for returned"),
            Catch::Only(Kind::Timeout),
            script().log("A: timeout"),
        )
        // B. a woken Queue getter cancelled before it runs: the item goes to the next getter
        .run(move |cx| {
            let q = cx.lp.new_queue(cx.host, QueueKind::Fifo, 0);
            cx.set("q", Val::Int(q.0 as i64));
            for i in 0..3 {
                let g = script().try_except(
                    script()
                        .native(|cx| cx.lp.queue_get(res(cx, "q")))
                        .log_acc("B: got"),
                    Catch::Cancelled,
                    script().log("B: cancelled").reraise(),
                );
                cx.spawn(&format!("g{i}"), g);
            }
        })
        .yield_()
        .call(|cx| {
            cx.lp
                .queue_put_nowait(cx.host, res(cx, "q"), Val::Str("x".into()))?;
            let t = cx.task_of("g0");
            cx.lp.cancel_task(cx.host, t, None);
            Ok(None)
        })
        .yield_()
        .yield_()
        .call(move |cx| {
            cx.lp
                .queue_put_nowait(cx.host, res(cx, "q"), Val::Str("y".into()))?;
            Ok(gather_all(cx, &names("g", 3)))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            let size = cx.lp.queue_size(res(cx, "q"));
            let c: Vec<bool> = (0..3)
                .map(|i| cx.lp.future_cancelled(cx.fut(&format!("g{i}"))))
                .collect();
            cx.log(&format!("B: {size} {c:?}"));
        })
        // C. a woken Semaphore waiter cancelled before it runs: the unit passes on
        .call(|cx| {
            let s = cx.lp.new_semaphore(cx.host, 0, false)?;
            cx.set("sem", Val::Int(s.0 as i64));
            for i in 0..3 {
                let w = script().try_except(
                    script()
                        .native(|cx| cx.lp.semaphore_acquire(res(cx, "sem")))
                        .log("C: acquired"),
                    Catch::Cancelled,
                    script().log("C: cancelled").reraise(),
                );
                cx.spawn(&format!("s{i}"), w);
            }
            Ok(None)
        })
        .yield_()
        .call(|cx| {
            cx.lp.semaphore_release(cx.host, res(cx, "sem"))?;
            let t = cx.task_of("s0");
            cx.lp.cancel_task(cx.host, t, None);
            Ok(gather_all(cx, &["s0".into(), "s1".into()]))
        })
        .store("g")
        .await_("g")
        .run(|cx| {
            let locked = cx.lp.semaphore_locked(res(cx, "sem"));
            let d: Vec<bool> = (0..3)
                .map(|i| cx.lp.future_done(cx.fut(&format!("s{i}"))))
                .collect();
            cx.log(&format!("C: {locked} {d:?}"));
            let t = cx.task_of("s2");
            cx.lp.cancel_task(cx.host, t, None);
        })
        .call(|cx| Ok(gather_all(cx, &["s2".into()])))
        .store("g")
        .await_("g")
        // D. gather with return_exceptions and a failure
        .call(|cx| {
            cx.spawn("boom", script().raise(exc(Kind::Value, "boom")));
            cx.spawn("ok", script().sleep(0.1).ret(Val::Int(1)));
            Ok(gather_all(cx, &["boom".into(), "ok".into()]))
        })
        .store("g")
        .await_("g")
        .log_acc("D:")
        // E. an Event set before waiting, then cleared and waited with a timeout
        .run(|cx| {
            let ev = cx.lp.new_event();
            cx.lp.event_set(cx.host, ev);
            cx.set("ev", Val::Int(ev.0 as i64));
        })
        .native(|cx| cx.lp.event_wait(res(cx, "ev")))
        .log_acc("E:")
        .run(|cx| cx.lp.event_clear(res(cx, "ev")))
        .try_except(
            script().native(|cx| {
                let w = cx.lp.event_wait(res(cx, "ev"));
                wait_for(
                    Awaitable::Coro(Box::new(TaskCoro::Native(Box::new(w)))),
                    Some(0.05),
                )
            }),
            Catch::Only(Kind::Timeout),
            script().log("E: timed out"),
        );
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0.1 slow: A: inner got cancel",
            "0.3 Task-1: A: wait_for returned 'late value'",
            "0.3 g0: B: cancelled",
            "0.3 g1: B: got 'x'",
            "0.3 g2: B: got 'y'",
            "0.3 Task-1: B: 0 [true, false, false]",
            "0.3 s0: C: cancelled",
            "0.3 s1: C: acquired",
            "0.3 Task-1: C: true [true, true, false]",
            "0.3 s2: C: cancelled",
            "0.4 Task-1: D: [ValueError('boom'), 1]",
            "0.4 Task-1: E: True",
            "0.45 Task-1: E: timed out",
        ]
    );
}
