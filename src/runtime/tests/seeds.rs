//! The seed scenarios of issue 3, each mirroring a Python program whose CPython 3.14 output
//! is quoted; the programs are in `tests/py/seed*.py`.

use crate::runtime::testing::*;
use crate::runtime::*;

fn fetch(name: &'static str, d: f64) -> Script {
    script()
        .log("start")
        .sleep(d)
        .log("done")
        .ret(Val::Str(name.into()))
}

/// tests/py/seed1.py
/// async def fetch(name, d): print(f"{name} start"); await sleep(d); print(f"{name} done"); return name
/// r = await asyncio.gather(fetch("users", 2), fetch("posts", 1)); print(r, loop.time() - t0)
/// CPython: users start / posts start / posts done / users done / ['users', 'posts'] 2
#[test]
fn dashboard_gather_results_in_argument_order_after_two_seconds() {
    let main = script()
        .call(|cx| {
            let a = cx.spawn("users", fetch("users", 2.0));
            let b = cx.spawn("posts", fetch("posts", 1.0));
            let fa = cx.lp.task_future(a).unwrap();
            let fb = cx.lp.task_future(b).unwrap();
            Ok(Some(Val::Fut(cx.lp.gather(cx.host, vec![fa, fb], false))))
        })
        .store("g")
        .await_("g")
        .log_acc("result");
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed1", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 users: start",
            "0 posts: start",
            "1 posts: done",
            "2 users: done",
            "2 Task-1: result ['users', 'posts']"
        ]
    );
    assert_eq!(lp.time(), 2.0);
    let t = trace(&mut lp, &["Task-1"]);
    assert_eq!(
        t,
        [
            "0 Task-1 created Created->Created c=0",
            "0 Task-1 step Created->Running c=0",
            "0 Task-1 await Running->Awaiting(gather) c=0",
            "2 Task-1 woken(Result) Awaiting(gather)->Scheduled c=0",
            "2 Task-1 step Scheduled->Running c=0",
            "2 Task-1 returned Running->Done c=0",
        ]
    );
}

/// tests/py/seed2.py
/// worker: try: print("working"); await sleep(10) except CancelledError: print("cleanup");
///   await sleep(0.5); print("cleanup done"); raise
/// main: t = create_task(worker()); await sleep(1); print("cancel", t.cancel(), t.cancelling())
///   try: await t except CancelledError: print("main saw cancelled", t.cancelled(), current_task().cancelling())
///   print("cancel again", t.cancel())
/// CPython: working / cancel True 1 / cleanup / cleanup done / main saw cancelled True 0 / cancel again False
#[test]
fn cancel_after_one_second_with_cleanup_then_reraise() {
    let worker = script().try_except(
        script().log("working").sleep(10.0),
        Catch::Cancelled,
        script()
            .log("cleanup")
            .sleep(0.5)
            .log("cleanup done")
            .reraise(),
    );
    let main = script()
        .run(move |cx| {
            cx.spawn("worker", worker.clone());
        })
        .sleep(1.0)
        .run(|cx| {
            let t = cx.task_of("worker");
            let ok = cx.lp.cancel_task(cx.host, t, None);
            let n = cx.lp.cancelling(t);
            cx.host.log.push(format!("cancel {ok} {n}"));
        })
        .try_except(
            script().await_("worker"),
            Catch::Cancelled,
            script().run(|cx| {
                let t = cx.task_of("worker");
                let f = cx.fut("worker");
                let line = format!(
                    "main saw cancelled {} {}",
                    cx.lp.future_cancelled(f),
                    cx.lp.cancelling(cx.task)
                );
                cx.host.log.push(line);
                let again = cx.lp.cancel_task(cx.host, t, None);
                cx.host.log.push(format!("cancel again {again}"));
            }),
        );
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed2", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 worker: working",
            "cancel true 1",
            "1 worker: cleanup",
            "1.5 worker: cleanup done",
            "main saw cancelled true 0",
            "cancel again false"
        ]
    );
    assert_eq!(
        trace(&mut lp, &["worker"]),
        [
            "0 worker created Created->Created c=0",
            "0 worker step Created->Running c=0",
            "0 worker await Running->Awaiting(sleep) c=0",
            "1 worker cancel#1(by Task-1) Awaiting(sleep)->Awaiting(sleep) c=1",
            "1 worker woken(Cancelled<-#1) Awaiting(sleep)->Scheduled c=1",
            "1 worker cancelled-error Scheduled->Running c=1",
            "1 worker await Running->Awaiting(sleep) c=1",
            "1.5 worker woken(Result) Awaiting(sleep)->Scheduled c=1",
            "1.5 worker step Scheduled->Running c=1",
            "1.5 worker cancelled Running->Cancelled c=1",
        ]
    );
}

/// tests/py/seed3.py
/// save(): print("saving"); await sleep(3); print("saved"); return "ok"
/// t = create_task(save()); try: await wait_for(shield(t), 1) except TimeoutError as e:
///   print("timeout", now, type(e.__cause__).__name__); r = await t; print(r, now)
/// CPython: saving / timeout 1 CancelledError / saved / ok 3
#[test]
fn shielded_save_under_wait_for_completes_at_three() {
    let save = script()
        .log("saving")
        .sleep(3.0)
        .log("saved")
        .ret(Val::Str("ok".into()));
    let main = script()
        .run(move |cx| {
            cx.spawn("save", save.clone());
        })
        .try_except(
            script().native(|cx| {
                let inner = cx.shield_of("save");
                wait_for(Awaitable::Future(inner), Some(1.0))
            }),
            Catch::Exception,
            script().run(|cx| {
                let cause = cx.host.vars["_acc"].clone();
                let _ = cause;
                let t = cx.lp.time();
                cx.host.log.push(format!("{t} timeout"));
            }),
        )
        .await_("save")
        .log_acc("result");
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed3", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 save: saving",
            "1 timeout",
            "3 save: saved",
            "3 Task-1: result 'ok'"
        ]
    );
    let t = trace(&mut lp, &["save"]);
    assert!(
        t.iter().all(|l| !l.contains("cancel")),
        "the shielded task is never cancelled: {t:?}"
    );
    let main_trace = trace(&mut lp, &["Task-1"]);
    assert_eq!(
        main_trace,
        [
            "0 Task-1 created Created->Created c=0",
            "0 Task-1 step Created->Running c=0",
            "0 Task-1 await Running->Awaiting(shield) c=0",
            "1 Task-1 timeout-fired Awaiting(shield)->Awaiting(shield) c=0",
            "1 Task-1 cancel#1(wait_for) Awaiting(shield)->Awaiting(shield) c=1",
            "1 Task-1 woken(Cancelled<-#1) Awaiting(shield)->Scheduled c=1",
            "1 Task-1 cancelled-error Scheduled->Running c=1",
            "1 Task-1 uncancel Running->Running c=0",
            "1 Task-1 await Running->Awaiting(save) c=0",
            "3 Task-1 woken(Result) Awaiting(save)->Scheduled c=0",
            "3 Task-1 step Scheduled->Running c=0",
            "3 Task-1 returned Running->Done c=0",
        ]
    );
}

/// tests/py/seed4.py
/// long(): try: await sleep(10) except CancelledError: print("long cancelled"); raise
/// try: async with timeout(3) as cm: await long()
/// except TimeoutError: print("timed out", now, cm.expired(), current_task().cancelling())
/// t = create_task(long()); try: await wait_for(t, 3) except TimeoutError: print(..., t.cancelled())
/// CPython: long cancelled / timed out 3 True 0 / long cancelled / wait_for timed out 6 True
#[test]
fn three_second_timeout_on_a_ten_second_task() {
    let long = script().try_except(
        script().sleep(10.0),
        Catch::Cancelled,
        script().log("long cancelled").reraise(),
    );
    let long2 = long.clone();
    let main = script()
        .try_except(
            with_timeout("cm", Some(3.0), long.clone()),
            Catch::Only(Kind::Timeout),
            script().run(|cx| {
                let id = TimeoutId(cx.int("cm"));
                let line = format!(
                    "{} timed out {} {}",
                    cx.lp.time(),
                    cx.lp.timeout_expired(id),
                    cx.lp.cancelling(cx.task)
                );
                cx.host.log.push(line);
            }),
        )
        .run(move |cx| {
            cx.spawn("long2", long2.clone());
        })
        .try_except(
            script().native(|cx| wait_for(Awaitable::Future(cx.fut("long2")), Some(3.0))),
            Catch::Exception,
            script().run(|cx| {
                let c = cx.lp.future_cancelled(cx.fut("long2"));
                let line = format!("{} wait_for timed out {c}", cx.lp.time());
                cx.host.log.push(line);
            }),
        );
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed4", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "3 Task-1: long cancelled",
            "3 timed out true 0",
            "6 long2: long cancelled",
            "6 wait_for timed out true"
        ]
    );
    assert_eq!(
        trace(&mut lp, &["Task-1"]),
        [
            "0 Task-1 created Created->Created c=0",
            "0 Task-1 step Created->Running c=0",
            "0 Task-1 await Running->Awaiting(sleep) c=0",
            "3 Task-1 timeout-fired Awaiting(sleep)->Awaiting(sleep) c=0",
            "3 Task-1 cancel#1(timeout) Awaiting(sleep)->Awaiting(sleep) c=1",
            "3 Task-1 woken(Cancelled<-#1) Awaiting(sleep)->Scheduled c=1",
            "3 Task-1 cancelled-error Scheduled->Running c=1",
            "3 Task-1 uncancel Running->Running c=0",
            "3 Task-1 await Running->Awaiting(long2) c=0",
            "6 Task-1 timeout-fired Awaiting(long2)->Awaiting(long2) c=0",
            "6 Task-1 cancel#2(wait_for) Awaiting(long2)->Awaiting(long2) c=1",
            "6 Task-1 woken(Cancelled) Awaiting(long2)->Scheduled c=1",
            "6 Task-1 cancelled-error Scheduled->Running c=1",
            "6 Task-1 uncancel Running->Running c=0",
            "6 Task-1 returned Running->Done c=0",
        ]
    );
    // The task awaited by wait_for is cancelled through `_fut_waiter`, request #2 its parent.
    let t2 = trace(&mut lp, &["long2"]);
    assert!(
        t2.contains(
            &"6 long2 cancel#3(awaiter Task-1)<-#2 Awaiting(sleep)->Awaiting(sleep) c=1"
                .to_string()
        ),
        "{t2:#?}"
    );
    assert_eq!(
        t2.last().unwrap(),
        "6 long2 cancelled Running->Cancelled c=1"
    );
}

/// tests/py/seed5.py
/// ok(): try: print("ok start"); await sleep(5); print("ok end")
///       except CancelledError: print("ok cancelled"); raise
/// bad(): await sleep(1); print("bad raising"); raise ValueError("boom")
/// try: async with TaskGroup() as tg: t1 = tg.create_task(ok()); t2 = tg.create_task(bad());
///        print("body waiting"); await sleep(10); print("body never")
/// except* ValueError as eg: print("caught", repr(eg.exceptions), now)
/// print(t1.cancelled(), t2.done(), current_task().cancelling())
/// CPython: body waiting / ok start / bad raising / ok cancelled /
///          caught (ValueError('boom'),) 1 / True True 0
#[test]
fn task_group_one_child_fails_the_other_is_cancelled() {
    let ok = script().try_except(
        script().log("ok start").sleep(5.0).log("ok end"),
        Catch::Cancelled,
        script().log("ok cancelled").reraise(),
    );
    let bad = script()
        .sleep(1.0)
        .log("bad raising")
        .raise(exc(Kind::Value, "boom"));
    let body = script()
        .call(move |cx| {
            tg_spawn(cx, "tg", "ok", ok.clone())?;
            tg_spawn(cx, "tg", "bad", bad.clone())?;
            Ok(None)
        })
        .log("body waiting")
        .sleep(10.0)
        .log("body never");
    let main = script()
        .try_except(
            with_task_group("tg", body),
            Catch::Exception,
            script().run(|cx| {
                let e = cx.host.caught.clone().unwrap();
                cx.host.log.push(format!("{} caught {e}", cx.lp.time()));
            }),
        )
        .run(|cx| {
            let (t1, t2) = (cx.fut("ok"), cx.fut("bad"));
            let line = format!(
                "{} {} {}",
                cx.lp.future_cancelled(t1),
                cx.lp.future_done(t2),
                cx.lp.cancelling(cx.task)
            );
            cx.host.log.push(line);
        });
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed5", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 Task-1: body waiting",
            "0 ok: ok start",
            "1 bad: bad raising",
            "1 ok: ok cancelled",
            "1 caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('boom')])",
            "true true 0"
        ]
    );
    let ok_task = lp.future_task(host.fut("ok")).unwrap();
    assert_eq!(lp.task_group_of(ok_task), Some(TaskGroupId(0)));
    assert!(lp.task_group_tasks(TaskGroupId(0)).is_empty());
    let ok_trace = trace(&mut lp, &["ok"]);
    assert!(
        ok_trace.contains(
            &"1 ok cancel#1(taskgroup(bad failed)) Awaiting(sleep)->Awaiting(sleep) c=1"
                .to_string()
        ),
        "{ok_trace:#?}"
    );
    let main_trace = trace(&mut lp, &["Task-1"]);
    assert!(
        main_trace.contains(
            &"1 Task-1 cancel#2(taskgroup(bad failed)) Awaiting(sleep)->Awaiting(sleep) c=1"
                .to_string()
        ),
        "{main_trace:#?}"
    );
    assert!(
        main_trace.contains(&"1 Task-1 await Running->Awaiting(taskgroup) c=1".to_string()),
        "{main_trace:#?}"
    );
    assert!(
        main_trace.contains(&"1 Task-1 uncancel Running->Running c=0".to_string()),
        "{main_trace:#?}"
    );
    let bad_trace = trace(&mut lp, &["bad"]);
    assert_eq!(
        &bad_trace[bad_trace.len() - 2..],
        [
            "1 bad raised Running->Failed c=0",
            "1 bad retrieved Failed->Failed c=0"
        ]
    );
}

/// tests/py/seed6.py
/// worker(): try: while True: print("tick", now); await sleep(1)
///           except CancelledError: print("cleanup", now); await sleep(1); print("cleanup done", now); raise
/// main(): create_task(worker()); await sleep(2.5); print("main done")
/// asyncio.run(main()); print("after run")
/// CPython: tick 0 / tick 1 / tick 2 / main done / cleanup 2.5 / cleanup done 3.5 / after run
#[test]
fn run_shuts_down_an_infinite_worker_gracefully() {
    let worker = script().try_except(
        script().forever(script().log("tick").sleep(1.0)),
        Catch::Cancelled,
        script()
            .log("cleanup")
            .sleep(1.0)
            .log("cleanup done")
            .reraise(),
    );
    let main = script()
        .run(move |cx| {
            cx.spawn("worker", worker.clone());
        })
        .sleep(2.5)
        .log("main done");
    let (r, mut lp, host) = run_main(main);
    assert_golden("seed6", &trace(&mut lp, &[]));
    assert_eq!(r, Ok(Val::None));
    assert_eq!(
        host.log,
        [
            "0 worker: tick",
            "1 worker: tick",
            "2 worker: tick",
            "2.5 Task-1: main done",
            "2.5 worker: cleanup",
            "3.5 worker: cleanup done"
        ]
    );
    assert_eq!(lp.time(), 3.5);
    let t = trace(&mut lp, &["worker"]);
    assert!(
        t.contains(
            &"2.5 worker cancel#1(shutdown) Awaiting(sleep)->Awaiting(sleep) c=1".to_string()
        ),
        "{t:#?}"
    );
    assert_eq!(
        t.last().unwrap(),
        "3.5 worker cancelled Running->Cancelled c=1"
    );
}
