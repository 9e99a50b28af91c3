//! Browser tests of the understanding panels, fed with a run recorded from a real Python
//! program (the interpreter and loop on a virtual clock): the Lints panel, the task detail
//! view with its cancellation chains, and the timeline's lint mark and "why" tooltip.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lints::Linter;
use asyncio_playground::runtime::{TaskId, TaskState, TraceEvent};
use asyncio_playground::ui::model::append_log::AppendLog;
use asyncio_playground::ui::panels::lints::LintsProps;
use asyncio_playground::ui::panels::task_detail::TaskDetailProps;
use asyncio_playground::ui::panels::timeline::TimelineProps;
use asyncio_playground::ui::panels::{LintsPanel, TaskDetailPanel, TimelinePanel};
use asyncio_playground::ui::tasks::{fold, TaskRow};
use wasm_bindgen_test::*;
use yew::Callback;

mod support;
use support::dom::{all, click, find, mount, text, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Every mistake once: a dropped coroutine (line 14), a discarded task (15), a swallowed
/// cancellation (delivered at line 5), a failure nobody retrieves (raised at line 10).
const PROGRAM: &str = "import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return 'ignored'

async def boom():
    raise ValueError('lost')

async def main():
    s = asyncio.create_task(stubborn(), name='stubborn')
    boom()
    asyncio.create_task(boom(), name='forgotten')
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0.5)

asyncio.run(main())
";

struct Run {
    events: AppendLog<TraceEvent>,
    rows: Rc<Vec<TaskRow>>,
    lints: Rc<Linter>,
}

/// Runs `src` to the end the way the page does: trace and facts batch by batch.
fn record(src: &str) -> Run {
    let mut s = Session::new(src, "main.py");
    s.vm.tracing = true;
    let mut linter = Linter::new(src);
    let (mut events, mut rows) = (Vec::new(), Vec::new());
    loop {
        let status = s.step(1_000);
        let batch = s.take_trace();
        fold(&mut rows, &batch, |_| None);
        for ev in batch.iter().filter(|e| e.new == TaskState::Failed) {
            if let Some(row) = rows.get_mut(ev.task.0 as usize) {
                row.outcome = s.task_outcome_repr(ev.task);
            }
        }
        linter.feed_trace(&batch);
        linter.feed_facts(&s.vm.take_facts());
        events.extend(batch);
        if let Status::Finished { .. } = status {
            break;
        }
    }
    Run {
        events: AppendLog::from(events),
        rows: Rc::new(rows),
        lints: Rc::new(linter),
    }
}

#[wasm_bindgen_test]
async fn lints_panel_lists_each_mistake_with_its_task_line_and_docs() {
    let r = record(PROGRAM);
    let picked = Rc::new(RefCell::new(Vec::<TaskId>::new()));
    let lines = Rc::new(RefCell::new(Vec::<u32>::new()));
    let (p, l) = (picked.clone(), lines.clone());
    let root = mount::<LintsPanel>(LintsProps {
        lints: r.lints.clone(),
        onselect: Callback::from(move |t| p.borrow_mut().push(t)),
        ongoto: Callback::from(move |n| l.borrow_mut().push(n)),
    })
    .await;
    let kinds: Vec<(String, String)> = all(&root, "li.lint")
        .iter()
        .map(|e| {
            let attr = |a: &str| e.get_attribute(a).unwrap_or_default();
            (attr("data-kind"), attr("data-line"))
        })
        .collect();
    let want = [
        ("never-awaited", "14"),
        ("task-discarded", "15"),
        ("cancel-swallowed", "5"),
        ("exception-never-retrieved", "10"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    assert_eq!(kinds, want);
    assert_eq!(text(&root, ".badge"), "4");
    assert_eq!(
        texts(&root, ".lint-kind"),
        [
            "Coroutine never awaited",
            "Task reference discarded",
            "CancelledError swallowed",
            "Exception never retrieved"
        ]
    );
    let swallowed = &all(&root, ".lint-message")[2];
    assert!(swallowed
        .text_content()
        .unwrap_or_default()
        .starts_with("stubborn caught the CancelledError"));
    let docs = find(&root, "li.lint-cancel-swallowed .lint-docs");
    assert_eq!(
        docs.get_attribute("href").as_deref(),
        Some("https://docs.python.org/3/library/asyncio-task.html#task-cancellation")
    );
    click(&root, "li.lint-cancel-swallowed .lint-task").await;
    click(&root, "li.lint-cancel-swallowed .lint-line").await;
    assert_eq!(*picked.borrow(), [TaskId(1)]);
    assert_eq!(*lines.borrow(), [5]);
}

#[wasm_bindgen_test]
async fn a_clean_run_shows_no_lints() {
    let r = record(
        "import asyncio\n\nasync def main():\n    t = asyncio.create_task(asyncio.sleep(0.1))\n    await t\n\nasyncio.run(main())\n",
    );
    let root = mount::<LintsPanel>(LintsProps {
        lints: r.lints,
        onselect: Callback::noop(),
        ongoto: Callback::noop(),
    })
    .await;
    assert!(all(&root, "li.lint").is_empty());
    assert_eq!(text(&root, ".badge"), "0");
    assert!(text(&root, ".empty").contains("No asyncio mistakes"));
}

#[wasm_bindgen_test]
async fn task_detail_says_who_cancelled_the_task_and_lists_its_lints() {
    let r = record(PROGRAM);
    let closed = Rc::new(RefCell::new(0));
    let c = closed.clone();
    let root = mount::<TaskDetailPanel>(TaskDetailProps {
        task: TaskId(1),
        rows: r.rows.clone(),
        events: r.events.clone(),
        lints: r.lints.clone(),
        code: Rc::from(PROGRAM),
        console: Default::default(),
        onclose: Callback::from(move |()| *c.borrow_mut() += 1),
    })
    .await;
    assert!(text(&root, ".panel-title").starts_with("stubborn"));
    assert_eq!(
        texts(&root, ".provenance-chain li"),
        ["cancelled by Task-1 at line 17 (task.cancel())"]
    );
    assert_eq!(
        all(&root, ".task-lints li")
            .iter()
            .map(|e| e.get_attribute("data-kind").unwrap_or_default())
            .collect::<Vec<_>>(),
        ["cancel-swallowed"]
    );
    assert!(texts(&root, ".task-facts dd").contains(&"Done".to_string()));
    click(&root, ".task-detail-close").await;
    assert_eq!(*closed.borrow(), 1);
}

#[wasm_bindgen_test]
async fn timeline_marks_lanes_with_lints_and_says_why_a_cancel_was_requested() {
    let r = record(PROGRAM);
    let root = mount::<TimelinePanel>(TimelineProps {
        run: 1,
        events: r.events.clone(),
        now: 0.5,
        onselect: Callback::noop(),
        selected: None,
        max_lanes: 40,
        lints: r.lints.clone(),
        code: Rc::from(PROGRAM),
        passing: Default::default(),
    })
    .await;
    let marked: Vec<String> = all(&root, "g.lane")
        .iter()
        .filter(|g| g.query_selector(".lane-lint").ok().flatten().is_some())
        .map(|g| g.get_attribute("data-task").unwrap_or_default())
        .collect();
    // main made the coroutine it dropped; the other two are the tasks at fault.
    assert_eq!(marked, ["Task-1", "stubborn", "forgotten"]);
    let tip = all(
        &root,
        "g.lane[data-task='stubborn'] path.marker-cancel-requested title",
    )
    .first()
    .and_then(|t| t.text_content())
    .unwrap_or_default();
    assert!(
        tip.contains("cancelled by Task-1 at line 17 (task.cancel())"),
        "{tip}"
    );
}

#[wasm_bindgen_test]
async fn resources_panel_names_each_resource_with_its_holder_and_waiters_in_order() {
    use asyncio_playground::ui::panels::resources::ResourcesProps;
    use asyncio_playground::ui::panels::ResourcesPanel;
    let src = "import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(1)

async def waiter(lock):
    async with lock:
        pass

async def wait_on(f):
    await f

async def main():
    fut = asyncio.get_running_loop().create_future()
    lock = asyncio.Lock()
    q = asyncio.Queue(maxsize=1)
    ev = asyncio.Event()
    tasks = [asyncio.create_task(holder(lock), name='holder'),
             asyncio.create_task(waiter(lock), name='w1'),
             asyncio.create_task(waiter(lock), name='w2')]
    f1 = asyncio.create_task(wait_on(fut), name='f1')
    await q.put(1)
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(*tasks)
    fut.set_result(None)
    await f1

asyncio.run(main())
";
    let mut s = Session::new(src, "main.py");
    s.vm.tracing = true;
    let mut rows = Vec::new();
    // Step until main has set the event (the lock is still held: holder sleeps 1 s).
    while s.running_loop().is_none_or(|lp| lp.time() < 0.5) {
        let status = s.step(1_000);
        fold(&mut rows, &s.take_trace(), |_| None);
        assert_eq!(status, Status::Running);
    }
    s.step(1_000);
    fold(&mut rows, &s.take_trace(), |_| None);
    let views = s
        .running_loop()
        .map(|lp| lp.resources())
        .unwrap_or_default();
    let futures = s
        .running_loop()
        .map(|lp| lp.pending_futures())
        .unwrap_or_default();
    let names: Vec<Rc<str>> = rows.iter().map(|r: &TaskRow| r.name.clone()).collect();
    let picked = Rc::new(RefCell::new(Vec::<TaskId>::new()));
    let p = picked.clone();
    let root = mount::<ResourcesPanel>(ResourcesProps {
        resources: Rc::new(views),
        futures: Rc::new(futures),
        names: Rc::new(names),
        code: Rc::from(src),
        onselect: Callback::from(move |t| p.borrow_mut().push(t)),
    })
    .await;
    // The Queue's inner Event is the runtime's, not the program's: not listed.
    assert_eq!(
        texts(&root, ".resource-label"),
        ["Lock lock", "Queue q", "Event ev", "Future fut"]
    );
    assert_eq!(
        texts(&root, ".resource-state"),
        ["locked by holder", "1 item, full", "set", "pending"]
    );
    assert_eq!(
        text(&root, "tr[data-label='Future fut'] .resource-waiters"),
        "f1"
    );
    let lock_row = &all(&root, "tr.resource-row")[0];
    let waiters: Vec<String> = all(lock_row, ".resource-waiters button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert_eq!(waiters, ["w1", "w2"]);
    click(lock_row, "td:nth-child(3) button").await;
    assert_eq!(*picked.borrow(), [TaskId(1)]);
}
