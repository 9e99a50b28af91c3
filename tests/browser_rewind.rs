//! Rewind and replay in the browser, with the real driver: a run at a wall-clock speed with
//! a cancel click replays from its recorded script to the very same state; rewinding to
//! iteration k equals stepping to k; a recorded CLI trace folds into the panels' rows.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_playground::replay::{file, Imported};
use asyncio_playground::runtime::browser::Speed;
use asyncio_playground::ui::bridge::Run;
use asyncio_playground::ui::rewind::{folded, last_iteration, replayed, rewound};
use asyncio_playground::ui::state::{Action, RunStatus, State};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const WORKERS: &str = "import asyncio\n\nasync def worker(name, n):\n    try:\n        for i in range(n):\n            await asyncio.sleep(0.05)\n        print(name, 'finished')\n    except asyncio.CancelledError:\n        print(name, 'cancelled')\n        raise\n\nasync def main():\n    a = asyncio.create_task(worker('a', 3), name='a')\n    b = asyncio.create_task(worker('b', 40), name='b')\n    print(await asyncio.gather(a, b, return_exceptions=True))\n\nasyncio.run(main())\n";

/// A state the reports of a run are folded into, as the page's reducer does.
fn page() -> (Rc<RefCell<Rc<State>>>, Rc<dyn Fn(Action)>) {
    let st = Rc::new(RefCell::new(Rc::new(State {
        code: Rc::from(WORKERS),
        ..State::default()
    })));
    let sink = {
        let st = st.clone();
        Rc::new(move |a: Action| {
            let cur = st.borrow().clone();
            *st.borrow_mut() = cur.reduce(a);
        })
    };
    (st, sink)
}

fn start(st: &Rc<RefCell<Rc<State>>>, run: Option<Run>) {
    let cur = st.borrow().clone();
    *st.borrow_mut() = cur.reduce(Action::RunStarted { run });
}

async fn until(st: &Rc<RefCell<Rc<State>>>, what: impl Fn(&State) -> bool) {
    for _ in 0..400 {
        if what(&st.borrow()) {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting");
}

#[wasm_bindgen_test]
async fn a_wall_clock_run_with_a_cancel_click_replays_to_the_same_state() {
    let (st, sink) = page();
    let run = Run::start_with(WORKERS, Speed::Scaled(2.0), sink).expect("starts");
    start(&st, Some(run.clone()));
    until(&st, |s| {
        s.console.iter().any(|l| l.text.contains("a finished"))
    })
    .await;
    run.cancel(2);
    until(&st, |s| s.status == RunStatus::Finished).await;
    let live = st.borrow().clone();
    assert!(live.console.iter().any(|l| l.text.contains("b cancelled")));
    let script = run.script();
    assert_eq!(script.user_actions().count(), 1);
    let (again, last, late) = replayed(WORKERS, &script, live.runs - 1, &live);
    assert_eq!(late, 0, "every recorded input applied at its point");
    assert_eq!(last, run.iterations());
    assert_eq!(*again.trace.items(), *live.trace.items());
    assert_eq!(again.tasks, live.tasks);
    // The same text (how it is split into lines follows the frames it arrived in).
    let text = |s: &State| s.console.iter().map(|l| l.text.clone()).collect::<String>();
    assert_eq!(text(&again), text(&live));
    assert_eq!(again.lints.lints(), live.lints.lints());
}

#[wasm_bindgen_test]
async fn rewinding_to_an_iteration_equals_stepping_to_it() {
    let (st, sink) = page();
    let run = Run::prepare_with(WORKERS, Speed::Instant, sink).expect("compiles");
    start(&st, Some(run.clone()));
    for k in 0..6u64 {
        run.step();
        until(&st, |s| s.iteration == k && s.status == RunStatus::Paused).await;
        let stepped = st.borrow().clone();
        let past = rewound(&Rc::from(WORKERS), &run.script(), k, stepped.runs, &stepped);
        assert_eq!(past.tasks, stepped.tasks, "tasks at iteration {k}");
        assert_eq!(*past.trace.items(), *stepped.trace.items(), "trace at {k}");
        assert_eq!(past.console, stepped.console, "console at {k}");
        assert_eq!(past.view, stepped.view, "loop view at {k}");
        assert_eq!(past.time, stepped.time);
    }
    // Back from the cache, then forward again: the same states.
    let again = rewound(
        &Rc::from(WORKERS),
        &run.script(),
        2,
        st.borrow().runs,
        &st.borrow(),
    );
    assert_eq!(again.iteration, 2);
    run.stop();
}

#[wasm_bindgen_test]
fn a_recorded_cli_trace_folds_into_rows_and_rewinds_by_prefix() {
    let bytes = include_bytes!("e2e/fixtures/cli-trace.json");
    let Ok(Imported::Trace(events)) = file::parse(bytes) else {
        panic!("the CLI's trace imports");
    };
    let base = State::default();
    let all = folded(&events, None, 1, &base);
    let rows: Vec<(String, &str)> = all
        .tasks
        .iter()
        .map(|r| (r.name.to_string(), r.state_label()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Task-1".to_string(), "Done"),
            ("saver".to_string(), "Done")
        ]
    );
    assert_eq!(all.status, RunStatus::Finished);
    let last = last_iteration(&events);
    assert!(last > 2);
    let early = folded(&events, Some(1), 1, &base);
    assert_eq!(early.tasks.len(), 2);
    assert_eq!(early.tasks[1].state_label(), "Created");
    assert!(early.trace.len() < all.trace.len());
}
