//! Browser tests of the filter bar and per-task output, fed with a run recorded from a real
//! Python program (interpreter and loop on a virtual clock): the bar's fields, one filter
//! narrowing the timeline, the event log and the await tree at once, and the task detail
//! showing only the output and events of its task.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::lang::vm::Stream as VmStream;
use asyncio_playground::lints::Linter;
use asyncio_playground::runtime::{TaskId, TraceEvent};
use asyncio_playground::ui::model::append_log::AppendLog;
use asyncio_playground::ui::model::await_tree::{snapshot, AwaitSnapshot};
use asyncio_playground::ui::model::filter::{Filter, GroupChoice, Passing};
use asyncio_playground::ui::model::StateKind;
use asyncio_playground::ui::panels::await_tree::AwaitTreeProps;
use asyncio_playground::ui::panels::event_log::EventLogProps;
use asyncio_playground::ui::panels::filter_bar::FilterBarProps;
use asyncio_playground::ui::panels::task_detail::TaskDetailProps;
use asyncio_playground::ui::panels::timeline::TimelineProps;
use asyncio_playground::ui::panels::{
    AwaitTreePanel, EventLogPanel, FilterBar, TaskDetailPanel, TimelinePanel,
};
use asyncio_playground::ui::state::{Action, ConsoleLine, State, Stream};
use asyncio_playground::ui::tasks::{fold, TaskRow};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::{Callback, Reducible};

mod support;
use support::dom::{all, choose, click, find, mount, text, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Two tasks in a TaskGroup (#0), one outside it; each prints when it starts and ends.
const PROGRAM: &str = "import asyncio

async def fetch(name, delay):
    print(f'{name}: start')
    await asyncio.sleep(delay)
    print(f'{name}: done')

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch('users', 0.2), name='fetch-users')
        tg.create_task(fetch('orders', 0.1), name='fetch-orders')
    asyncio.create_task(fetch('audit', 0.05), name='audit')
    await asyncio.sleep(0.3)
    print('main: done')

asyncio.run(main())
";

struct Recorded {
    events: AppendLog<TraceEvent>,
    rows: Rc<Vec<TaskRow>>,
    console: Rc<Vec<ConsoleLine>>,
    /// The await tree at t = 0.15 (fetch-users sleeps, main waits in the TaskGroup).
    tree: AwaitSnapshot,
}

/// Runs the program to the end as the page does: rows folded batch by batch, each task's
/// TaskGroup, the console through the reducer (so its blocks are the page's).
fn record() -> Recorded {
    let mut s = Session::new(PROGRAM, "main.py");
    s.vm.tracing = true;
    let (mut events, mut rows) = (Vec::new(), Vec::new());
    let mut state = Rc::new(State::default());
    let mut tree = None;
    loop {
        let status = s.step(1);
        let batch = s.take_trace();
        fold(&mut rows, &batch, |_| None);
        for ev in &batch {
            if let (Some(g), Some(row)) = (s.task_group(ev.task), rows.get_mut(ev.task.0 as usize))
            {
                row.group = Some(g);
            }
        }
        for o in s.take_output() {
            let stream = match o.stream {
                VmStream::Stdout => Stream::Stdout,
                VmStream::Stderr => Stream::Stderr,
            };
            state = state.reduce(Action::Output {
                stream,
                task: o.task,
                text: o.text,
            });
        }
        if tree.is_none() && s.running_loop().is_some_and(|lp| lp.time() >= 0.15) {
            tree = s.running_loop().map(snapshot);
        }
        events.extend(batch);
        if let Status::Finished { .. } = status {
            break;
        }
    }
    Recorded {
        events: AppendLog::from(events),
        rows: Rc::new(rows),
        console: state.console.clone(),
        tree: tree.expect("the loop reached t=0.15"),
    }
}

fn id_of(r: &Recorded, name: &str) -> TaskId {
    TaskId(r.rows.iter().find(|row| &*row.name == name).expect(name).id)
}

/// Types `value` into the input `selector` (fires `input`).
async fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

async fn press(root: &web_sys::Element, selector: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(root, selector).dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_filter_bar_reports_each_field_counts_and_clears() {
    let seen: Rc<RefCell<Vec<Filter>>> = Rc::default();
    let s = seen.clone();
    let current = Filter {
        name: "fetch".into(),
        ..Filter::default()
    };
    let root = mount::<FilterBar>(FilterBarProps {
        filter: Rc::new(current.clone()),
        count: 2,
        total: 4,
        groups: Rc::new(vec![0]),
        onchange: Callback::from(move |f| s.borrow_mut().push(f)),
    })
    .await;
    assert_eq!(text(&root, "#filter-count"), "2 of 4 tasks");
    assert!(find(&root, ".filter-bar").class_name().contains("active"));
    type_into(&root, "#filter-name", "users").await;
    choose(&root, "#filter-state", "done").await;
    choose(&root, "#filter-group", "0").await;
    type_into(&root, "#filter-text", "sleep").await;
    press(&root, "#filter-text", "Escape").await;
    click(&root, "#filter-clear").await;
    let got = seen.borrow().clone();
    assert_eq!(
        got,
        vec![
            Filter {
                name: "users".into(),
                ..Filter::default()
            },
            Filter {
                state: Some(StateKind::Done),
                ..current.clone()
            },
            Filter {
                group: GroupChoice::In(0),
                ..current.clone()
            },
            Filter {
                text: "sleep".into(),
                ..current.clone()
            },
            Filter::default(),
            Filter::default(),
        ]
    );
    // The TaskGroup choices: any, none, each group the run has.
    let groups: Vec<String> = all(&root, "#filter-group option")
        .iter()
        .map(|o| o.get_attribute("value").unwrap_or_default())
        .collect();
    assert_eq!(groups, ["", "none", "0"]);
}

#[wasm_bindgen_test]
async fn one_filter_narrows_the_timeline_the_log_and_the_await_tree() {
    let r = record();
    let f = Filter {
        group: GroupChoice::In(0),
        ..Filter::default()
    };
    let passing = Rc::new(Passing::of(&r.rows, &f));
    assert_eq!((passing.count, passing.total), (2, 4));
    let timeline = mount::<TimelinePanel>(TimelineProps {
        run: 1,
        events: r.events.clone(),
        now: 0.3,
        onselect: Callback::noop(),
        selected: None,
        max_lanes: 40,
        lints: Rc::new(Linter::default()),
        code: Rc::from(PROGRAM),
        passing: passing.clone(),
    })
    .await;
    let lanes: Vec<String> = all(&timeline, "g.lane")
        .iter()
        .map(|g| g.get_attribute("data-task").unwrap_or_default())
        .collect();
    assert_eq!(lanes, ["fetch-users", "fetch-orders"]);

    let log = mount::<EventLogPanel>(EventLogProps {
        events: r.events.clone(),
        onexport: Callback::noop(),
        onselect: Callback::noop(),
        height: 100_000.0,
        code: Default::default(),
        passing: passing.clone(),
    })
    .await;
    let tasks = texts(&log, ".log-row:not(.log-head) .log-task");
    let expected = r
        .events
        .items()
        .iter()
        .filter(|e| &*e.name == "fetch-users" || &*e.name == "fetch-orders")
        .count();
    assert_eq!(tasks.len(), expected);
    assert!(tasks.iter().all(|t| t.starts_with("fetch-")), "{tasks:?}");

    // The tree at t=0.15: main (kept dimmed, as context) > TaskGroup > fetch-users.
    let names = Filter {
        name: "users".into(),
        ..Filter::default()
    };
    let by_name = Passing::of(&r.rows, &names);
    let tree = mount::<AwaitTreePanel>(AwaitTreeProps {
        snapshot: Rc::new(by_name.tree(&r.tree)),
        onselect: Callback::noop(),
        selected: None,
        max_nodes: 400,
    })
    .await;
    let shown: Vec<(String, bool)> = all(&tree, "li.node-task")
        .iter()
        .map(|li| {
            (
                li.get_attribute("data-name").unwrap_or_default(),
                li.class_name().contains("context"),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Task-1".to_string(), true),
            ("fetch-users".to_string(), false)
        ]
    );
}

#[wasm_bindgen_test]
async fn the_console_keeps_who_printed_and_the_task_detail_shows_only_its_own() {
    let r = record();
    let users = id_of(&r, "fetch-users");
    // Blocks change with the writer: module code writes none here, main and each task do.
    let by: Vec<(Option<TaskId>, &str)> = r
        .console
        .iter()
        .map(|l| (l.task, l.text.as_str()))
        .collect();
    assert!(by.contains(&(Some(users), "users: start\n")), "{by:?}");
    assert!(by.contains(&(Some(TaskId(0)), "main: done\n")), "{by:?}");
    let root = mount::<TaskDetailPanel>(TaskDetailProps {
        task: users,
        rows: r.rows.clone(),
        events: r.events.clone(),
        lints: Rc::new(Linter::default()),
        code: Rc::from(PROGRAM),
        console: r.console.clone(),
        onclose: Callback::noop(),
    })
    .await;
    assert_eq!(
        texts(&root, ".task-output .line"),
        ["users: start\n", "users: done\n"]
    );
    let seqs: Vec<u64> = all(&root, ".task-events li")
        .iter()
        .filter_map(|li| li.get_attribute("data-seq")?.parse().ok())
        .collect();
    let own: Vec<u64> = r
        .events
        .items()
        .iter()
        .filter(|e| e.task == users)
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, own);
    assert!(text(&root, ".task-detail").contains(&format!("Events ({})", own.len())));
}
