//! Loop, future and task basics.

use crate::runtime::testing::*;
use crate::runtime::*;

#[test]
fn sleep_returns_after_delay_on_virtual_clock() {
    let main = script().log("start").sleep(2.0).log("end").ret(Val::Int(7));
    let (r, lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::Int(7)));
    assert_eq!(host.log, vec!["0 Task-1: start", "2 Task-1: end"]);
    assert_eq!(lp.time(), 2.0);
}

/// tests/py/order1.py (CPython 3.11 and 3.14 agree):
/// worker(name, n): for i in range(n): print(name, i); await sleep(0)
/// main: loop.call_soon(print, "cb1"); t1 = create_task(worker("A", 2)); loop.call_soon(print, "cb2")
///   t2 = create_task(worker("B", 2)); print("main before"); await sleep(0); print("main after")
///   await t1; print("t1 done"); await t2; print("t2 done")
/// Output: main before, cb1, A 0, cb2, B 0, main after, A 1, B 1, t1 done, t2 done
#[test]
fn ready_queue_is_fifo_and_sleep_zero_goes_to_the_back() {
    let worker = |n: &'static str| {
        script()
            .log(&format!("{n} 0"))
            .yield_()
            .log(&format!("{n} 1"))
            .yield_()
    };
    let main = script()
        .run(move |cx| {
            cx.lp.call_soon(TCb::Log("cb1".into()));
            cx.spawn("A", worker("A"));
            cx.lp.call_soon(TCb::Log("cb2".into()));
            cx.spawn("B", worker("B"));
        })
        .log("main before")
        .sleep(0.0)
        .log("main after")
        .await_("A")
        .log("t1 done")
        .await_("B")
        .log("t2 done");
    let (r, _lp, host) = run_main(main);
    assert_eq!(r, Ok(Val::None));
    let log: Vec<&str> = host
        .log
        .iter()
        .map(|l| l.split_once(' ').unwrap().1)
        .collect();
    assert_eq!(
        log,
        [
            "Task-1: main before",
            "cb1",
            "A: A 0",
            "cb2",
            "B: B 0",
            "Task-1: main after",
            "A: A 1",
            "B: B 1",
            "Task-1: t1 done",
            "Task-1: t2 done"
        ]
    );
}

#[test]
fn one_iteration_runs_only_what_was_ready_when_it_began() {
    let (mut lp, mut host) = setup();
    let t = lp.create_task(script().log("a").yield_().log("b").coro(), None);
    assert_eq!(lp.task_state(t), TaskState::Created);
    lp.run_once(&mut host).unwrap();
    assert_eq!(host.log, ["0 Task-1: a"]);
    assert_eq!(lp.task_state(t), TaskState::Scheduled);
    assert_eq!(lp.iteration(), 1);
    lp.run_once(&mut host).unwrap();
    assert_eq!(host.log, ["0 Task-1: a", "0 Task-1: b"]);
    assert_eq!(lp.task_state(t), TaskState::Done);
    assert_eq!(lp.iteration(), 2);
}

#[test]
fn timers_fire_in_deadline_then_insertion_order_and_cancelled_ones_are_skipped() {
    let (mut lp, mut host) = setup();
    lp.call_later(2.0, TCb::Log("two".into()));
    lp.call_at(1.0, TCb::Log("one-a".into()));
    let h = lp.call_at(1.0, TCb::Log("cancelled".into()));
    lp.call_at(1.0, TCb::Log("one-b".into()));
    lp.call_soon(TCb::Log("soon".into()));
    lp.cancel_handle(h);
    assert!(lp.handle_cancelled(h));
    assert_eq!(lp.next_deadline(), Some(1.0));
    while lp.has_ready() || lp.next_deadline().is_some() {
        lp.run_once(&mut host).unwrap();
    }
    assert_eq!(host.log, ["0 soon", "1 one-a", "1 one-b", "2 two"]);
    assert_eq!(lp.iteration(), 3);
}

#[test]
fn slices_keep_iteration_boundaries() {
    let build = |lp: &mut Loop<TestHost>| {
        for name in ["a", "b", "c"] {
            lp.create_task(
                script().log("1").yield_().log("2").coro(),
                Some(name.into()),
            );
        }
    };
    let (mut lp1, mut h1) = setup();
    build(&mut lp1);
    while lp1.has_ready() {
        lp1.run_once(&mut h1).unwrap();
    }
    let (mut lp2, mut h2) = setup();
    build(&mut lp2);
    let mut slices = 0;
    while lp2.has_ready() {
        lp2.run_slice(&mut h2, 1).unwrap();
        slices += 1;
    }
    assert_eq!(h1.log, h2.log);
    assert_eq!(lp1.iteration(), lp2.iteration());
    assert_eq!(slices, 6);
}

#[test]
fn future_api_follows_cpython() {
    let (mut lp, mut host) = setup();
    let f = lp.create_future();
    let e = lp.future_result(&mut host, f).unwrap_err();
    assert_eq!(e.to_string(), "InvalidStateError('Result is not set.')");
    let e = lp.future_exception(&mut host, f).unwrap_err();
    assert_eq!(e.to_string(), "InvalidStateError('Exception is not set.')");
    lp.add_done_callback(f, TCb::Log("first".into()));
    lp.add_done_callback(f, TCb::Log("gone".into()));
    lp.add_done_callback(f, TCb::Log("second".into()));
    assert_eq!(lp.remove_done_callback(f, &TCb::Log("gone".into())), 1);
    lp.set_result(&mut host, f, Val::Int(1)).unwrap();
    let e = lp.set_result(&mut host, f, Val::Int(2)).unwrap_err();
    assert_eq!(e.kind, Kind::InvalidState);
    assert!(
        !lp.cancel_future(&mut host, f, None),
        "cancel() on a done future returns False"
    );
    lp.add_done_callback(f, TCb::Log("late".into()));
    lp.run_once(&mut host).unwrap();
    assert_eq!(host.log, ["0 first", "0 second", "0 late"]);
    assert_eq!(lp.future_result(&mut host, f), Ok(Val::Int(1)));

    let g = lp.create_future();
    assert!(lp.cancel_future(&mut host, g, Some("why".into())));
    assert!(lp.future_cancelled(g));
    assert_eq!(
        lp.future_result(&mut host, g).unwrap_err().to_string(),
        "CancelledError('why')"
    );
    let t = lp.create_task(script().coro(), None);
    let tf = lp.task_future(t).unwrap();
    let e = lp.set_result(&mut host, tf, Val::None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "RuntimeError('Task does not support set_result operation')"
    );
}

#[test]
fn task_names_count_in_creation_order_and_current_task_and_all_tasks() {
    let (mut lp, mut host) = setup();
    let a = lp.create_task(script().coro(), None);
    let b = lp.create_task(script().coro(), Some("worker".into()));
    let c = lp.create_task(
        script()
            .run(|cx| {
                let cur = cx.lp.current_task();
                cx.host.log.push(format!(
                    "current {:?}",
                    cur.map(|t| cx.lp.task_name(t).unwrap())
                ));
                cx.host.log.push(format!("all {}", cx.lp.all_tasks().len()));
            })
            .coro(),
        None,
    );
    assert_eq!(&*lp.task_name(a).unwrap(), "Task-1");
    assert_eq!(&*lp.task_name(b).unwrap(), "worker");
    assert_eq!(&*lp.task_name(c).unwrap(), "Task-2");
    assert_eq!(lp.all_tasks(), [a, b, c]);
    lp.run_once(&mut host).unwrap();
    assert_eq!(host.log, ["current Some(\"Task-2\")", "all 1"]);
    assert_eq!(lp.current_task(), None);
    assert!(lp.all_tasks().is_empty());
}

/// A task cancelled before its first step never runs its body: CancelledError is thrown in
/// at the start. CPython: t = create_task(c()); t.cancel(); await sleep(0) -> t.cancelled().
#[test]
fn cancel_before_first_step_throws_at_start() {
    let (mut lp, mut host) = setup();
    let t = lp.create_task(script().log("never").coro(), None);
    assert!(lp.cancel_task(&mut host, t, Some("early".into())));
    assert_eq!(lp.cancelling(t), 1);
    lp.run_once(&mut host).unwrap();
    assert!(host.log.is_empty());
    let f = lp.task_future(t).unwrap();
    assert!(lp.future_cancelled(f));
    assert_eq!(
        lp.future_result(&mut host, f).unwrap_err().to_string(),
        "CancelledError('early')"
    );
    assert!(
        !lp.cancel_task(&mut host, t, None),
        "cancel() on a done task returns False"
    );
    assert_eq!(
        trace(&mut lp, &[]),
        [
            "0 Task-1 created Created->Created c=0",
            "0 Task-1 cancel#1(callback) Created->Created c=1",
            "0 Task-1 cancelled-error Created->Running c=1",
            "0 Task-1 cancelled Running->Cancelled c=1",
        ]
    );
}

/// try: await sleep(1) except CancelledError: current_task().uncancel(); return "swallowed"
#[test]
fn a_task_may_swallow_cancellation_and_uncancel() {
    let body = script().try_except(
        script().sleep(1.0),
        Catch::Cancelled,
        script().run(|cx| {
            let n = cx.lp.uncancel(cx.task);
            cx.host.log.push(format!("uncancel -> {n}"));
        }),
    );
    let (mut lp, mut host) = setup();
    let t = lp.create_task(body.ret(Val::Str("swallowed".into())).coro(), None);
    lp.run_once(&mut host).unwrap();
    assert!(lp.cancel_task(&mut host, t, None));
    assert!(
        lp.cancel_task(&mut host, t, None),
        "a second request is also accepted"
    );
    assert_eq!(lp.cancelling(t), 2);
    lp.run_once(&mut host).unwrap();
    let f = lp.task_future(t).unwrap();
    assert_eq!(host.log, ["uncancel -> 1"]);
    assert_eq!(
        lp.future_result(&mut host, f),
        Ok(Val::Str("swallowed".into()))
    );
    assert!(!lp.future_cancelled(f));
}

/// Cancelling a task that awaits another task cancels that one too (`_fut_waiter`), and the
/// trace links the inner request to the outer one.
#[test]
fn cancel_propagates_through_the_awaited_task() {
    let (mut lp, mut host) = setup();
    let inner = lp.create_task(script().sleep(5.0).coro(), Some("inner".into()));
    let inner_f = lp.task_future(inner).unwrap();
    host.vars.insert("inner".into(), Val::Fut(inner_f));
    let outer = lp.create_task(script().await_("inner").coro(), Some("outer".into()));
    lp.run_once(&mut host).unwrap();
    lp.inject(Command::CancelTask {
        task: outer,
        msg: Some("stop".into()),
    });
    lp.run_once(&mut host).unwrap();
    lp.run_once(&mut host).unwrap();
    lp.run_once(&mut host).unwrap();
    let of = lp.task_future(outer).unwrap();
    assert_eq!(
        lp.future_result(&mut host, of).unwrap_err().to_string(),
        "CancelledError('stop')"
    );
    let t = trace(&mut lp, &[]);
    assert!(
        t.contains(&"0 outer cancel#1(user) Awaiting(inner)->Awaiting(inner) c=1".to_string()),
        "{t:#?}"
    );
    assert!(
        t.contains(
            &"0 inner cancel#2(awaiter outer)<-#1 Awaiting(sleep)->Awaiting(sleep) c=1".to_string()
        ),
        "{t:#?}"
    );
    assert_eq!(lp.task_state(inner), TaskState::Cancelled);
}

#[test]
fn exception_retrieval_is_traced_once() {
    let (mut lp, mut host) = setup();
    let t = lp.create_task(script().raise(exc(Kind::Value, "bad")).coro(), None);
    lp.run_once(&mut host).unwrap();
    let f = lp.task_future(t).unwrap();
    assert_eq!(lp.task_state(t), TaskState::Failed);
    assert_eq!(lp.unretrieved_exceptions(), [t]);
    assert!(matches!(lp.future_peek(f), Some(FuturePeek::Exception(e)) if e.kind == Kind::Value));
    assert_eq!(
        lp.unretrieved_exceptions(),
        [t],
        "peeking is not retrieving"
    );
    assert_eq!(
        lp.future_exception(&mut host, f)
            .unwrap()
            .unwrap()
            .to_string(),
        "ValueError('bad')"
    );
    assert!(lp.future_result(&mut host, f).is_err());
    assert!(lp.unretrieved_exceptions().is_empty());
    let t = trace(&mut lp, &[]);
    assert_eq!(
        t.iter().filter(|l| l.contains("retrieved")).count(),
        1,
        "{t:#?}"
    );
}

#[test]
fn deadlock_is_reported_instead_of_hanging() {
    let (mut lp, mut host) = setup();
    let main = script()
        .call(|cx| Ok(Some(Val::Fut(cx.lp.create_future()))))
        .store("f")
        .await_("f");
    assert_eq!(run(&mut lp, &mut host, main.coro()), Err(Deadlock));
    assert!(lp.is_deadlocked());
}

#[test]
fn shutdown_command_cancels_every_live_task() {
    let (mut lp, mut host) = setup();
    let main = script()
        .run(|cx| {
            cx.spawn(
                "w",
                script().try_except(
                    script().sleep(100.0),
                    Catch::Cancelled,
                    script().log("w cleanup").reraise(),
                ),
            );
        })
        .try_except(
            script().sleep(100.0),
            Catch::Cancelled,
            script().log("main cleanup").sleep(1.0).reraise(),
        );
    let mut runner = Runner::new(&mut lp, main.coro(), None);
    runner.run_once(&mut lp, &mut host);
    lp.inject(Command::Shutdown);
    let r = runner.run_to_end(&mut lp, &mut host).unwrap();
    assert_eq!(r.unwrap_err().kind, Kind::Cancelled);
    assert_eq!(host.log, ["0 Task-1: main cleanup", "0 w: w cleanup"]);
    assert_eq!(lp.time(), 1.0);
    let t = trace(&mut lp, &[]);
    assert!(t.iter().any(|l| l.contains("cancel#1(shutdown)")), "{t:#?}");
}

/// A `KeyboardInterrupt` leaves the loop at once; run() still cancels what remains, then
/// raises it.
#[test]
fn keyboard_interrupt_leaves_the_loop() {
    let main = script()
        .run(|cx| {
            cx.spawn(
                "w",
                script().try_except(
                    script().sleep(100.0),
                    Catch::Cancelled,
                    script().log("w cleanup").reraise(),
                ),
            );
        })
        .sleep(1.0)
        .raise(exc(Kind::KeyboardInterrupt, "^C"));
    let (r, _lp, host) = run_main(main);
    assert_eq!(r.unwrap_err().kind, Kind::KeyboardInterrupt);
    assert_eq!(host.log, ["1 w: w cleanup"]);
}

/// 100,000 tasks sleeping at once: the slab and heap stay compact.
#[test]
fn hundred_thousand_sleeping_tasks() {
    let (mut lp, mut host) = setup();
    lp.set_tracing(false);
    for i in 0..100_000 {
        lp.create_task(
            TaskCoro::Native(Box::new(sleep(1.0 + (i % 7) as f64, None))),
            None,
        );
    }
    lp.run_once(&mut host).unwrap();
    assert_eq!(lp.timer_count(), 100_000);
    assert_eq!(lp.future_count(), 200_000);
    while lp.has_ready() || lp.next_deadline().is_some() {
        lp.run_once(&mut host).unwrap();
    }
    assert!(lp.all_tasks().is_empty());
    assert_eq!(lp.future_count(), 100_000, "sleep futures are released");
    // Per sleeping task: the task, its future, the sleep's future and timer, the coroutine.
    let per_task = std::mem::size_of::<crate::runtime::task::Task<TestHost>>()
        + 2 * std::mem::size_of::<crate::runtime::future::Fut<TestHost>>()
        + std::mem::size_of::<crate::runtime::timers::HandleSlot<TestHost>>()
        + std::mem::size_of::<Native<TestHost>>();
    eprintln!("bytes per sleeping task: {per_task}");
    assert!(per_task * 100_000 < 64 << 20, "{per_task} bytes per task");
}

/// 10,000 tasks × 100 bare yields and 10 sleeps each: a smoke test of the hot path.
#[test]
fn many_steps_smoke() {
    let (mut lp, mut host) = setup();
    lp.set_tracing(false);
    let mut body = script();
    for i in 0..100 {
        body = body.yield_();
        if i % 10 == 0 {
            body = body.sleep(0.01);
        }
    }
    for _ in 0..10_000 {
        lp.create_task(body.clone().coro(), None);
    }
    let start = std::time::Instant::now();
    while lp.has_ready() || lp.next_deadline().is_some() {
        lp.run_once(&mut host).unwrap();
    }
    eprintln!(
        "1.1M steps in {:?}, {} iterations",
        start.elapsed(),
        lp.iteration()
    );
    assert!(lp.all_tasks().is_empty());
}

/// tests/py/names.py: `asyncio.run(main())` twice; CPython 3.14 prints
/// "Task-1 Task-2" then "Task-5 Task-6" (the first run's close() used two names).
#[test]
fn a_second_run_on_the_same_loop_continues_task_names() {
    let (mut lp, mut host) = setup();
    let main = || {
        script().run(|cx| {
            let me = cx.lp.task_name(cx.task).unwrap();
            let t = cx
                .lp
                .create_task(TaskCoro::Native(Box::new(sleep(0.0, None))), None);
            let other = cx.lp.task_name(t).unwrap();
            cx.host.log.push(format!("{me} {other}"));
        })
    };
    run(&mut lp, &mut host, main().coro()).unwrap().unwrap();
    run(&mut lp, &mut host, main().coro()).unwrap().unwrap();
    assert_eq!(host.log, ["Task-1 Task-2", "Task-5 Task-6"]);
}

/// Sizes with a lean host (pointer-sized values and exceptions, as a VM would have).
#[test]
fn slot_sizes_with_a_lean_host() {
    struct Lean;
    impl Host for Lean {
        type Value = std::rc::Rc<()>;
        type Exc = std::rc::Rc<()>;
        type Coro = Box<()>;
        type Callback = std::rc::Rc<()>;
        fn resume(
            &mut self,
            _: &mut Loop<Self>,
            _: TaskId,
            _: &mut Box<()>,
            _: Resume<Self>,
        ) -> Step<Self> {
            Step::Yield
        }
        fn call(&mut self, _: &mut Loop<Self>, _: Self::Callback, _: Option<FutId>) -> Progress {
            Progress::Done
        }
        fn new_exc(&mut self, _: RuntimeExc<Self>) -> Self::Exc {
            Default::default()
        }
        fn classify(&self, _: &Self::Exc) -> ExcClass {
            ExcClass::Exception
        }
        fn none(&mut self) -> Self::Value {
            Default::default()
        }
        fn bool_value(&mut self, _: bool) -> Self::Value {
            Default::default()
        }
        fn int_value(&mut self, _: i64) -> Self::Value {
            Default::default()
        }
        fn list(&mut self, _: Vec<Self::Value>) -> Self::Value {
            Default::default()
        }
        fn exc_value(&mut self, _: Self::Exc) -> Self::Value {
            Default::default()
        }
        fn future_value(&mut self, _: FutId) -> Self::Value {
            Default::default()
        }
    }
    let task = std::mem::size_of::<crate::runtime::task::Task<Lean>>();
    let fut = std::mem::size_of::<crate::runtime::future::Fut<Lean>>();
    let handle = std::mem::size_of::<crate::runtime::timers::HandleSlot<Lean>>();
    let native = std::mem::size_of::<Native<Lean>>();
    eprintln!("lean host: task {task} fut {fut} handle {handle} native {native}");
    // A sleeping task: its task, its future, the sleep future and timer, the sleep coroutine.
    assert!(task + 2 * fut + handle + native < 400);
}
