//! Browser tests of the runtime's browser driver, with a tiny scripted host: ordering against
//! real microtasks and timers, slices that respect their budget while 100,000 callbacks
//! drain, speed scaling, pause and step, and a cancel command from outside.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_playground::runtime::browser::{Driver, DriverStatus, RunnerProgram, SliceInfo, Speed};
use asyncio_playground::runtime::{Command, ManualClock, TaskCoro};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/script_host.rs"]
mod script_host;
use script_host::{Op, Script, TestHost};

type Slices = Rc<RefCell<Vec<SliceInfo>>>;

type TestDriver = Driver<RunnerProgram<TestHost>>;

/// Builds a driver for `ops` as the main coroutine, recording every slice.
fn driver(ops: Vec<Op>, speed: Speed) -> (TestDriver, Slices, Rc<RefCell<Vec<String>>>) {
    let host = TestHost::default();
    let log = host.log.clone();
    let slices: Slices = Rc::default();
    let seen = slices.clone();
    let main = TaskCoro::Host(Script::new(ops));
    let clock = ManualClock::default();
    let program = RunnerProgram::new(host, main, &clock);
    let observer = Box::new(move |p: &mut RunnerProgram<TestHost>, info: SliceInfo| {
        // Like the UI, take the trace batch every slice (so it never piles up).
        drop(p.lp.drain_trace());
        seen.borrow_mut().push(info)
    });
    let d = Driver::new(program, clock, speed, observer).unwrap();
    (d, slices, log)
}

fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Waits a macrotask (a real `setTimeout`), letting queued slices run.
async fn tick(ms: i32) {
    gloo_timers::future::TimeoutFuture::new(ms as u32).await;
}

async fn until_finished(slices: &Slices, max_ms: f64) {
    let t0 = now_ms();
    while slices.borrow().last().map(|s| s.status) != Some(DriverStatus::Finished) {
        assert!(
            now_ms() - t0 < max_ms,
            "not finished after {max_ms} ms: {:?}",
            slices.borrow().last()
        );
        tick(5).await;
    }
}

#[wasm_bindgen_test]
async fn first_slice_runs_in_a_microtask_before_timers_and_after_earlier_microtasks() {
    let order = Rc::new(RefCell::new(Vec::<String>::new()));
    let (d, slices, log) = driver(vec![Op::Log("main ran")], Speed::Instant);
    // A promise reaction queued before start() runs first; a timer queued before runs after.
    let o = order.clone();
    let timer =
        gloo_timers::callback::Timeout::new(0, move || o.borrow_mut().push("timeout".into()));
    let o = order.clone();
    let early = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        o.borrow_mut().push("earlier microtask".into())
    });
    let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&early);
    d.start();
    let o = order.clone();
    let after_start =
        Closure::<dyn FnMut(JsValue)>::new(move |_| o.borrow_mut().push("later microtask".into()));
    let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&after_start);
    let s = slices.clone();
    let l = log.clone();
    let o = order.clone();
    // Record when the driver's first slice is observed relative to the others.
    JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    tick(20).await;
    drop(timer);
    assert_eq!(l.borrow().as_slice(), ["main ran"]);
    assert!(!s.borrow().is_empty());
    // The driver ran inside the microtask checkpoint: before the 0 ms timeout.
    let order = o.borrow().clone();
    assert_eq!(
        order.first().map(String::as_str),
        Some("earlier microtask"),
        "{order:?}"
    );
    assert!(
        order.iter().position(|x| x == "timeout")
            > order.iter().position(|x| x == "later microtask"),
        "{order:?}"
    );
}

#[wasm_bindgen_test]
async fn slices_stay_near_budget_while_100k_callbacks_drain() {
    // One step creating 100,000 tasks is one callback and cannot be split; create them
    // 100 per step, so 100,000 child steps (and 1,000 main steps) drain through slices.
    let mut ops: Vec<Op> = (0..1_000)
        .flat_map(|_| [Op::Spawn(100), Op::Yield])
        .collect();
    ops.extend([Op::Sleep(1.0), Op::Log("main done")]);
    let (d, slices, log) = driver(ops, Speed::Instant);
    d.set_slice_ms(8.0);
    d.start();
    until_finished(&slices, 60_000.0).await;
    let s = slices.borrow();
    assert!(
        s.len() > 3,
        "expected several slices (yields to the page), got {}",
        s.len()
    );
    // The driver checks the clock every 16 callbacks, so a slice overshoots by at most a
    // few callbacks; a single long callback (here a step creating 100 tasks, in a debug
    // build, sometimes growing a 100,000-entry Vec) cannot be split. The bounds leave room
    // for a loaded 2-core machine: the median says slices end near the budget.
    let mut ms: Vec<f64> = s.iter().map(|i| i.wall_ms).collect();
    ms.sort_by(f64::total_cmp);
    let (median, p95, worst) = (ms[ms.len() / 2], ms[ms.len() * 95 / 100], ms[ms.len() - 1]);
    let report = format!(
        "median {median} ms, p95 {p95} ms, worst {worst} ms over {} slices",
        ms.len()
    );
    assert!(median < 12.0, "slices overshoot an 8 ms budget: {report}");
    assert!(p95 < 30.0, "slices overshoot an 8 ms budget: {report}");
    assert!(
        worst < 150.0,
        "a slice ran far past an 8 ms budget: {report}"
    );
    assert_eq!(log.borrow().last().map(String::as_str), Some("main done"));
    assert!(s.last().unwrap().time >= 1.0);
}

#[wasm_bindgen_test]
async fn speed_scales_loop_time_against_wall_time() {
    let (d, slices, _log) = driver(vec![Op::Sleep(1.0), Op::Log("woke")], Speed::Scaled(10.0));
    let t0 = now_ms();
    d.start();
    until_finished(&slices, 5_000.0).await;
    let wall = now_ms() - t0;
    // 1 s of loop time at 10x is 100 ms of wall time (timers never fire early).
    assert!(wall >= 95.0, "finished after {wall} ms: too early for 10x");
    assert!(
        wall < 2_000.0,
        "finished after {wall} ms: far too slow for 10x"
    );
}

#[wasm_bindgen_test]
async fn pause_freezes_and_step_runs_exactly_one_iteration() {
    let (d, slices, log) = driver(
        vec![Op::Yield, Op::Sleep(5.0), Op::Log("after sleep")],
        Speed::Scaled(1.0),
    );
    // Not started: step through by hand.
    d.step(); // iteration 1: main's first step, yields
    d.step(); // iteration 2: main's second step, starts the sleep
    let last = *slices.borrow().last().unwrap();
    assert_eq!(last.iteration, 2);
    assert_eq!(last.status, DriverStatus::Paused);
    assert_eq!(last.time, 0.0);
    // Nothing ready: the next step sleeps until the timer, as `_run_once` would.
    d.step();
    let last = *slices.borrow().last().unwrap();
    assert_eq!(last.iteration, 3);
    assert_eq!(last.time, 5.0);
    d.step(); // the wakeup steps main: it logs and returns
    assert_eq!(log.borrow().as_slice(), ["after sleep"]);
    // Paused: a real-time wait changes nothing.
    let before = slices.borrow().len();
    tick(30).await;
    assert_eq!(slices.borrow().len(), before);
    d.start();
    until_finished(&slices, 2_000.0).await;
}

#[wasm_bindgen_test]
async fn cancel_command_from_outside_reaches_a_sleeping_task() {
    let (d, slices, log) = driver(
        vec![Op::Sleep(1000.0), Op::Log("never")],
        Speed::Scaled(1.0),
    );
    d.start();
    tick(20).await;
    assert_eq!(
        slices.borrow().last().unwrap().status,
        DriverStatus::Running
    );
    let main = d.with(|p| p.lp.all_tasks()[0]).unwrap();
    d.command(Command::CancelTask {
        task: main,
        msg: None,
    });
    until_finished(&slices, 2_000.0).await;
    assert!(
        log.borrow().is_empty(),
        "the cancelled task ran on: {:?}",
        log.borrow()
    );
}
