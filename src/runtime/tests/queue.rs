//! Queue, LifoQueue, PriorityQueue, mirroring tests/py/queue1.py run on CPython 3.14.

use crate::runtime::testing::*;
use crate::runtime::*;

fn res(cx: &Cx, var: &str) -> ResourceId {
    ResourceId(cx.int(var))
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

/// tests/py/queue2.py; CPython 3.14 prints: timeout 0 / 1 / putter cancelled 0 / a 0
#[test]
fn wait_for_on_get_and_cancelled_putters_leave_no_waiters() {
    let waiters = |cx: &mut Cx, var: &str| {
        let id = res(cx, var);
        cx.lp
            .resources()
            .into_iter()
            .find(|r| r.id == id)
            .map_or(0, |r| r.waiters.len())
    };
    let main = script()
        .run(|cx| {
            let q = cx.lp.new_queue(cx.host, QueueKind::Fifo, 0);
            cx.set("q", Val::Int(q.0 as i64));
        })
        .try_except(
            script().native(|cx| {
                let get = cx.lp.queue_get(res(cx, "q"));
                wait_for(
                    Awaitable::Coro(Box::new(TaskCoro::Native(Box::new(get)))),
                    Some(0.1),
                )
            }),
            Catch::Only(Kind::Timeout),
            script().run(move |cx| {
                let n = waiters(cx, "q");
                cx.log(&format!("timeout {n}"));
            }),
        )
        .call(|cx| {
            cx.lp
                .queue_put_nowait(cx.host, res(cx, "q"), Val::Int(1))
                .map(|_| None)
        })
        .native(|cx| cx.lp.queue_get(res(cx, "q")))
        .log_acc("got")
        .call(|cx| {
            let full = cx.lp.new_queue(cx.host, QueueKind::Fifo, 1);
            cx.set("full", Val::Int(full.0 as i64));
            cx.lp
                .queue_put_nowait(cx.host, full, Val::Str("a".into()))?;
            let putter = script()
                .native(|cx| cx.lp.queue_put(res(cx, "full"), Val::Str("b".into())))
                .log("put b");
            cx.spawn("p", putter);
            Ok(None)
        })
        .yield_()
        .run(|cx| {
            let p = cx.task_of("p");
            cx.lp.cancel_task(cx.host, p, None);
        })
        .try_except(
            script().await_("p"),
            Catch::Cancelled,
            script().run(move |cx| {
                let n = waiters(cx, "full");
                cx.log(&format!("putter cancelled {n}"));
            }),
        )
        .call(|cx| {
            let full = res(cx, "full");
            let v = cx.lp.queue_get_nowait(cx.host, full)?;
            let n = cx.lp.queue_size(full);
            cx.log(&format!("{v} {n}"));
            Ok(None)
        });
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        untimed(&host.log),
        [
            "Task-1: timeout 0",
            "Task-1: got 1",
            "Task-1: putter cancelled 0",
            "Task-1: 'a' 0"
        ]
    );
}
