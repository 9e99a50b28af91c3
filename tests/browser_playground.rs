//! Browser tests of the playground's own components and plumbing: one reducer dispatch per
//! animation frame (counted against the driver's slices), the reducer fed with a recorded
//! trace, the virtualised task table with 10,000 rows and its filters, the composer dialog,
//! the theme toggle, and traceback lines that move the editor.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_playground::lang::vm::session::{Session, Status};
use asyncio_playground::runtime::browser::Speed;
use asyncio_playground::runtime::TaskState;
use asyncio_playground::ui::bridge::Run;
use asyncio_playground::ui::hooks::Playground;
use asyncio_playground::ui::panels::TasksPanel;
use asyncio_playground::ui::state::{Action, State};
use asyncio_playground::ui::tasks::TaskRow;
use asyncio_playground::ui::App;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;
use yew::Reducible;

mod support;
use support::dom::{all, choose, click, find, mount, text};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (in 20 ms steps, at most `ms`) until `done` holds.
async fn until(ms: u32, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..ms / 20 {
        if done() {
            return true;
        }
        TimeoutFuture::new(20).await;
    }
    done()
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

// ---- one render per animation frame ----

type FrameCallback = Closure<dyn FnMut()>;

/// Many short slices at Instant speed: 400 tasks, each yielding 20 times.
const BUSY: &str = "import asyncio

async def spin(n):
    for _ in range(20):
        await asyncio.sleep(0)
    return n

async def main():
    print(sum(await asyncio.gather(*(spin(i) for i in range(400)))))

asyncio.run(main())
";

#[wasm_bindgen_test]
async fn slices_reach_the_reducer_at_most_once_per_animation_frame() {
    // Count animation frames while the program runs.
    let rafs = Rc::new(Cell::new(0u32));
    let running = Rc::new(Cell::new(true));
    let tick: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    {
        let (rafs, running, again) = (rafs.clone(), running.clone(), tick.clone());
        *tick.borrow_mut() = Some(Closure::new(move || {
            rafs.set(rafs.get() + 1);
            if running.get() {
                if let Some(cb) = again.borrow().as_ref() {
                    let _ = window().request_animation_frame(cb.as_ref().unchecked_ref());
                }
            }
        }));
    }
    if let Some(cb) = tick.borrow().as_ref() {
        window()
            .request_animation_frame(cb.as_ref().unchecked_ref())
            .unwrap();
    }
    let actions: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = {
        let actions = actions.clone();
        Rc::new(move |a: Action| actions.borrow_mut().push(a))
    };
    let run = Run::start_with(BUSY, Speed::Instant, sink).expect("compiles");
    run.set_slice_ms(1.0);
    let finished = until(20_000, || {
        actions.borrow().iter().any(|a| match a {
            Action::Frame { actions } => actions
                .iter()
                .any(|a| matches!(a, Action::RunFinished { .. })),
            _ => false,
        })
    })
    .await;
    running.set(false);
    assert!(finished, "the program did not finish");
    let stats = run.frame_stats();
    let frames = actions
        .borrow()
        .iter()
        .filter(|a| matches!(a, Action::Frame { .. }))
        .count() as u64;
    console_log!(
        "slices {}, frames dispatched {}, animation frames {}",
        stats.slices,
        frames,
        rafs.get()
    );
    assert_eq!(frames, stats.frames);
    assert!(
        stats.slices > 2 * frames,
        "{} slices, {} frames",
        stats.slices,
        frames
    );
    assert!(
        frames <= rafs.get() as u64 + 1,
        "{frames} frames, {} rAFs",
        rafs.get()
    );
    // Nothing is lost on the way: the output and every task's end arrive.
    let mut state = Rc::new(State::default());
    for a in actions.borrow().iter().cloned() {
        state = state.reduce(a);
    }
    assert_eq!(
        state.console.last().map(|l| l.text.as_str()),
        Some("79800\n")
    );
    assert_eq!(state.tasks.len(), 401);
    assert!(state.tasks.iter().all(|r| r.state == TaskState::Done));
    run.stop();
}

// ---- the reducer on a recorded trace ----

/// Runs `code` on the virtual clock, as the bridge would report it: one `Trace` per slice.
fn recorded(code: &str, instructions: u64) -> Vec<Action> {
    let mut s = Session::new(code, "main.py");
    s.vm.tracing = true;
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let status = s.step_with(64, instructions);
        let events = s.take_trace();
        let n = events.len();
        out.push(Action::Trace {
            events: Rc::new(events),
            lines: Rc::new(vec![None; n]),
            outcomes: Rc::new(Vec::new()),
            groups: Rc::new(Vec::new()),
            time: s.running_loop().map_or(0.0, |lp| lp.time()),
            iteration: s.iteration(),
        });
        if status != Status::Running {
            break;
        }
    }
    out
}

const CRUNCH: &str = "import asyncio

async def crunch():
    total = 0
    for i in range(30000):
        total += i
    return total

async def bad():
    raise ValueError('bad')

async def main():
    c = asyncio.create_task(crunch(), name='crunch')
    b = asyncio.create_task(bad(), name='bad')
    await c
    await asyncio.sleep(0.1)

asyncio.run(main())
";

#[wasm_bindgen_test]
fn a_frame_of_actions_reduces_like_the_actions_one_by_one_and_marks_rows() {
    let actions = recorded(CRUNCH, 2_000);
    let mut one_by_one = Rc::new(State::default());
    let mut saw_blocking = false;
    for a in actions.iter().cloned() {
        one_by_one = one_by_one.reduce(a);
        saw_blocking |= one_by_one
            .tasks
            .iter()
            .any(|r| &*r.name == "crunch" && r.blocking(one_by_one.time));
    }
    assert!(
        saw_blocking,
        "the cruncher was never shown blocking the loop"
    );
    let framed = Rc::new(State::default()).reduce(Action::Frame { actions });
    assert_eq!(framed.tasks, one_by_one.tasks);
    assert_eq!(framed.trace, one_by_one.trace);
    let bad = framed.tasks.iter().find(|r| &*r.name == "bad").unwrap();
    assert_eq!(bad.state, TaskState::Failed);
    assert!(!bad.exception_retrieved, "nobody awaited bad");
}

// ---- components inside a playground context ----

#[derive(Properties, PartialEq)]
struct WithStateProps {
    state: Rc<State>,
}

/// Provides a playground (a reducer starting at `state`) to the task table.
#[component]
fn TasksWithState(props: &WithStateProps) -> Html {
    let init = props.state.clone();
    let handle = use_reducer(move || (*init).clone());
    html! {
        <ContextProvider<Playground> context={Playground::new(handle)}>
            <div style="height:400px;display:flex"><TasksPanel /></div>
        </ContextProvider<Playground>>
    }
}

fn row(id: u32, state: TaskState) -> TaskRow {
    TaskRow {
        id,
        name: format!("task-{id}").into(),
        state,
        cancelling: 0,
        created_at: id as f64 * 0.001,
        finished_at: None,
        line: Some(3),
        outcome: None,
        step_started: None,
        paused: false,
        longest_step: 0.0,
        exception_retrieved: false,
        group: None,
    }
}

fn ten_thousand() -> Rc<State> {
    let rows = (0..10_000)
        .map(|i| match i % 3 {
            0 => row(i, TaskState::Done),
            1 => row(i, TaskState::Scheduled),
            _ => row(i, TaskState::Failed),
        })
        .collect();
    Rc::new(State {
        tasks: Rc::new(rows),
        ..State::default()
    })
}

fn names(root: &Element) -> Vec<String> {
    all(root, ".tasks-spacer .task-row")
        .iter()
        .map(|r| r.get_attribute("data-task").unwrap_or_default())
        .collect()
}

/// The page's stylesheets, so layout (and so virtualisation) is as in the app.
fn load_css() {
    let doc = window().document().unwrap();
    if doc.get_element_by_id("app-css").is_some() {
        return;
    }
    let style = doc.create_element("style").unwrap();
    style.set_id("app-css");
    style.set_text_content(Some(concat!(
        include_str!("../www/style.css"),
        include_str!("../www/panels.css")
    )));
    doc.head().unwrap().append_child(&style).unwrap();
}

#[wasm_bindgen_test]
async fn ten_thousand_tasks_keep_a_few_rows_in_the_dom_while_scrolling_and_filtering() {
    load_css();
    let root = mount::<TasksWithState>(WithStateProps {
        state: ten_thousand(),
    })
    .await;
    TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    let shown = names(&root);
    assert!(
        !shown.is_empty() && shown.len() < 40,
        "{} rows",
        shown.len()
    );
    assert_eq!(shown[0], "task-0");
    assert_eq!(text(&root, ".tasks-count"), "10000 of 10000");
    let spacer = find(&root, ".tasks-spacer").unchecked_into::<HtmlElement>();
    assert_eq!(spacer.offset_height(), 300_000);

    // Scroll to the middle: other rows, still few.
    let vp = find(&root, ".tasks-viewport");
    vp.set_scroll_top(150_000);
    vp.dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let shown = names(&root);
    assert!(shown.len() < 40, "{} rows", shown.len());
    assert!(shown.iter().any(|n| n == "task-4995"), "{shown:?}");

    // Hide finished: only the Scheduled third stays.
    let check = find(&root, ".tasks-show-finished").unchecked_into::<HtmlInputElement>();
    check.click();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, ".tasks-count"), "3333 of 10000");
    assert!(all(&root, ".tasks-spacer .task-row.finished").is_empty());
    // Failed only (a finished state shows even with finished rows hidden), marked.
    choose(&root, ".tasks-filter-state", "failed").await;
    assert_eq!(text(&root, ".tasks-count"), "3333 of 10000");
    let vp = find(&root, ".tasks-viewport");
    vp.set_scroll_top(0);
    vp.dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(names(&root)[0], "task-2");
    assert_eq!(
        text(&root, ".tasks-spacer .task-row .mark-exception"),
        "unretrieved"
    );
}

// ---- the whole app: composer, theme, traceback links ----

fn mount_root() -> Element {
    let doc = window().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn the_composer_writes_its_program_into_the_editor() {
    storage().remove_item("asyncio-playground.code").unwrap();
    let root = mount_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let dialog = find(&root, "dialog#composer");
    assert!(!dialog.has_attribute("open"));
    click(&root, "#compose").await;
    assert!(dialog.has_attribute("open"));
    choose(&root, "#composer-grouping", "taskgroup").await;
    choose(&root, "#composer-1-outcome", "raise").await;
    let preview = text(&root, ".composer-preview");
    assert!(
        preview.contains("async with asyncio.TaskGroup() as tg:"),
        "{preview}"
    );
    assert!(
        preview.contains("raise ValueError(\"upload failed\")"),
        "{preview}"
    );
    // A bad number: an error instead of code, and no writing.
    let d = find(&root, "#composer-0-duration").unchecked_into::<HtmlInputElement>();
    d.set_value("soon");
    d.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(text(&root, ".composer-error").contains("duration"));
    assert!(find(&root, ".composer-write").has_attribute("disabled"));
    d.set_value("0.5");
    d.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let preview = text(&root, ".composer-preview");
    click(&root, ".composer-write").await;
    assert!(!dialog.has_attribute("open"));
    // The editor is a preview until CodeMirror takes over once the page is idle.
    let upgraded = until(5_000, || !all(&root, "#code .cm-content").is_empty()).await;
    assert!(upgraded, "the editor never became CodeMirror");
    let editor = all(&root, "#code .cm-line")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(editor, preview);
    assert_eq!(
        storage()
            .get_item("asyncio-playground.code")
            .unwrap()
            .as_deref(),
        Some(preview.as_str())
    );
}

#[wasm_bindgen_test]
async fn the_theme_toggle_cycles_and_is_remembered() {
    storage().remove_item("asyncio-playground.theme").unwrap();
    let html_el = window().document().unwrap().document_element().unwrap();
    let root = mount_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let theme = || html_el.get_attribute("data-theme");
    assert_eq!(theme(), None);
    click(&root, "#theme").await;
    assert_eq!(theme().as_deref(), Some("light"));
    click(&root, "#theme").await;
    assert_eq!(theme().as_deref(), Some("dark"));
    assert_eq!(
        storage()
            .get_item("asyncio-playground.theme")
            .unwrap()
            .as_deref(),
        Some("dark")
    );
    assert!(find(&root, "#theme")
        .get_attribute("title")
        .unwrap()
        .contains("Alt+T"));
    // A second app (a reload) starts dark.
    let again = mount_root();
    yew::Renderer::<App>::with_root(again.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(
        find(&again, "#theme")
            .get_attribute("data-theme-choice")
            .as_deref(),
        Some("dark")
    );
    click(&root, "#theme").await;
    assert_eq!(theme(), None);
    storage().remove_item("asyncio-playground.theme").unwrap();
}

#[wasm_bindgen_test]
async fn a_traceback_line_moves_the_editor_to_that_line() {
    let code = "import asyncio\n\nasync def main():\n    x = 1\n    raise RuntimeError('boom')\n\nasyncio.run(main())\n";
    storage().set_item("asyncio-playground.code", code).unwrap();
    let root = mount_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    click(&root, "#run").await;
    let linked = until(5_000, || !all(&root, "#console .tb-link").is_empty()).await;
    assert!(linked, "console: {}", text(&root, "#console"));
    let links = all(&root, "#console .tb-link");
    let last = links.last().unwrap();
    assert_eq!(last.text_content().unwrap(), "File \"main.py\", line 5");
    // Output stays text: the traceback's code line is a text node, not markup.
    assert!(text(&root, "#console").contains("raise RuntimeError('boom')"));
    last.unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    TimeoutFuture::new(0).await;
    assert_eq!(
        text(&root, "#code .cm-activeLine"),
        "    raise RuntimeError('boom')"
    );
    storage().remove_item("asyncio-playground.code").unwrap();
}
