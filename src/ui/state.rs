//! The app state and its reducer (as yew's `function_todomvc/src/state.rs`): every change
//! to what the UI shows goes through `Action`, so views stay pure functions of `State`.

use std::rc::Rc;
use yew::Reducible;

use super::bridge::Run;
use super::model::append_log::AppendLog;
use super::model::await_tree::AwaitSnapshot;
use super::model::lifecycle::{transitions, Transition};
use super::tasks::{fold, TaskRow};
use super::theme::Theme;
use crate::lang::vm::facts::Fact;
use crate::lints::Linter;
use crate::runtime::{Scheduled, TaskId, TraceEvent};

/// What the loop looked like after the latest slice (for the loop panel and await tree).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoopView {
    pub ready: Rc<Vec<Scheduled>>,
    pub timers: Rc<Vec<(f64, Scheduled)>>,
    pub tree: Rc<AwaitSnapshot>,
    /// `Loop::resources()`: every Lock/Event/Semaphore/Condition/Queue, holders, waiters.
    pub resources: Rc<Vec<crate::runtime::ResourceView>>,
    /// `Loop::pending_futures()`: the program's own futures still pending.
    pub futures: Rc<Vec<crate::runtime::FutureView>>,
}

/// The program shown when nothing is saved yet: two tasks running concurrently.
pub const DEFAULT_PROGRAM: &str = r#"import asyncio

async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")
    return name.upper()

async def main():
    a = asyncio.create_task(fetch("users", 2))
    b = asyncio.create_task(fetch("orders", 1))
    print(await asyncio.gather(a, b))

asyncio.run(main())
"#;

/// Where a run is in its life, as the toolbar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// Nothing has run since the last reset.
    Idle,
    /// The loop is running.
    Running,
    /// Paused by the user (Step runs one iteration).
    Paused,
    /// The program ended (normally or with an uncaught exception: `State::failed`).
    Finished,
}

impl RunStatus {
    /// The word the status bar shows.
    pub fn label(self) -> &'static str {
        match self {
            RunStatus::Idle => "Ready",
            RunStatus::Running => "Running",
            RunStatus::Paused => "Paused",
            RunStatus::Finished => "Finished",
        }
    }
}

impl State {
    /// The toolbar's status: the run status, and whether a finished run failed (a reader
    /// who missed the traceback in the console sees it here).
    pub fn status_label(&self) -> &'static str {
        match self.status {
            RunStatus::Finished if self.failed => "Finished: error",
            s => s.label(),
        }
    }
}

/// Which stream a console line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
    /// A message from the playground itself (not the program).
    System,
}

/// One block of console text: what one writer wrote in a row (it may hold several lines).
/// Text only: it is never interpreted as HTML.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub stream: Stream,
    /// The task that printed it (`None`: module code, a plain callback, the playground).
    pub task: Option<TaskId>,
    pub text: String,
}

/// A limit stopped the run (docs/limits.md): the toolbar shows `message`, the task's row
/// (if a task hit it) a mark with `label`.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitNotice {
    /// The task that hit the limit (creation index), if a task did.
    pub task: Option<u32>,
    /// The limit in a few words: `memory limit 256 MiB`.
    pub label: String,
    /// Where: `task 'Task-3'` or `module code`.
    pub place: String,
    /// The console's message: which task, which limit.
    pub message: String,
}

/// The banner of a page opened from a share link.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkNotice {
    /// The link's program is in the editor; the autosaved one is untouched (and edits are
    /// not saved) until the reader picks Keep or Restore my code.
    Opened,
    /// The link could not be read (the message says why); the reader's own program is open.
    Failed(Rc<str>),
}

/// Everything the UI shows. Big parts sit behind `Rc` so an action does not clone the world.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub code: Rc<str>,
    pub status: RunStatus,
    /// The finished run ended with an uncaught exception or a syntax error (the status says
    /// so, not only the console).
    pub failed: bool,
    pub console: Rc<Vec<ConsoleLine>>,
    /// How many runs were started since the page loaded (names the run in the console).
    pub runs: u32,
    /// One row per task of the current run, by creation index.
    pub tasks: Rc<Vec<TaskRow>>,
    /// Loop time and completed iterations of the current run.
    pub time: f64,
    pub iteration: u64,
    /// The program running (or last run) in the page, for Stop and Cancel.
    pub run: Option<Run>,
    /// The limit that stopped the current run, if one did.
    pub limit: Option<LimitNotice>,
    /// The gallery example last loaded (its explanation is shown), if any.
    pub preset: Option<&'static str>,
    /// Loop seconds per wall second; `None`: instant (virtual time).
    pub speed: Option<f64>,
    /// Every trace event of the current run, in order (append-only and shared between
    /// states, so a frame's reduce appends its batch instead of copying the trace).
    pub trace: AppendLog<TraceEvent>,
    /// The state transitions of the latest batch (the lifecycle diagram lights them).
    pub transitions: Rc<Vec<Transition>>,
    /// The loop after the latest slice.
    pub view: LoopView,
    /// The task the user picked (highlighted in every panel).
    pub selected: Option<TaskId>,
    /// The program's syntax error (UTF-16 range in the editor, message), if the last run
    /// found one.
    pub syntax_error: Option<(u32, u32, String)>,
    /// Shown while the page holds a program opened from a share link (or a bad link).
    pub link: Option<LinkNotice>,
    /// The colour theme chosen with the toggle.
    pub theme: Theme,
    /// The composer dialog is open.
    pub composer_open: bool,
    /// The asyncio mistakes of the current run, folded from its trace and the VM's facts.
    pub lints: Rc<Linter>,
    /// A line another panel asked the editor to show, with a counter so asking for the
    /// same line twice moves the cursor twice.
    pub goto_line: Option<(u32, u32)>,
    /// Rewind, compare and imported runs (`rewind.rs`).
    pub history: super::rewind::History,
}

impl Default for State {
    fn default() -> Self {
        State {
            code: Rc::from(DEFAULT_PROGRAM),
            status: RunStatus::Idle,
            failed: false,
            console: Rc::new(Vec::new()),
            runs: 0,
            tasks: Rc::new(Vec::new()),
            time: 0.0,
            iteration: 0,
            run: None,
            limit: None,
            preset: None,
            speed: Some(1.0),
            trace: AppendLog::new(),
            transitions: Rc::new(Vec::new()),
            view: LoopView::default(),
            selected: None,
            syntax_error: None,
            link: None,
            theme: Theme::System,
            composer_open: false,
            lints: Rc::new(Linter::default()),
            goto_line: None,
            history: Default::default(),
        }
    }
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor's text changed.
    Edit { code: String },
    /// A gallery example replaces the program (the editor keeps an undo step).
    LoadPreset {
        id: &'static str,
        code: &'static str,
    },
    /// The composer (or another tool) replaced the program; the editor keeps an undo step.
    LoadCode { code: String },
    /// The composer dialog opens or closes.
    Composer { open: bool },
    /// The theme toggle was pressed.
    SetTheme { theme: Theme },
    /// Everything the running program reported since the last animation frame, applied in
    /// order as one change (one render per frame, see `frames.rs`).
    Frame { actions: Vec<Action> },
    /// A run starts: the console is cleared and says so.
    RunStarted { run: Option<Run> },
    /// The user stopped the run.
    Stopped,
    /// The speed changed (`None`: instant).
    SetSpeed { speed: Option<f64> },
    /// The program wrote output (`task`: the task that printed it, if one was running).
    Output {
        stream: Stream,
        task: Option<TaskId>,
        text: String,
    },
    /// A batch of lifecycle events (with the source line of each, when known) and where
    /// the loop stands after them.
    Trace {
        events: Rc<Vec<TraceEvent>>,
        lines: Rc<Vec<Option<u32>>>,
        /// `repr` of what tasks that finished in this batch returned or raised.
        outcomes: Rc<Vec<(u32, String)>>,
        /// The TaskGroup of each task created by one in this batch: (task, group).
        groups: Rc<Vec<(u32, u32)>>,
        time: f64,
        iteration: u64,
    },
    /// Facts the VM recorded during a slice (for the lints).
    Facts { facts: Rc<Vec<Fact>> },
    /// The loop's queues and await tree after a slice (`None` once no loop runs).
    Loop { view: Option<LoopView> },
    /// The driver paused or resumed.
    Paused { paused: bool },
    /// The last run's syntax error (or its absence).
    SyntaxError { error: Option<(u32, u32, String)> },
    /// Show this 1-based line in the editor (cursor there, editor focused).
    GoToLine { line: u32 },
    /// The user picked a task in some panel.
    Select { task: Option<TaskId> },
    /// A limit stopped the run.
    LimitHit { notice: LimitNotice },
    /// The run ended; `failed`: with an uncaught exception or a syntax error.
    RunFinished { failed: bool },
    /// Back to a clean slate (the code stays).
    Reset,
    /// The share-link banner was answered or closed.
    LinkDismissed,
    /// Rewind, compare, replay and import (`rewind.rs`).
    History {
        action: super::rewind::HistoryAction,
    },
}

/// The reducer is pure: effects on a run (start, stop, cancel) happen in `hooks.rs` before
/// an action is dispatched, never inside `reduce` (the driver reports back synchronously,
/// and dispatching from inside a reducer would re-enter it).
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        apply(&mut next, action);
        Rc::new(next)
    }
}

/// Applies one action to the state (the body of `reduce`, so a `Frame` can apply many).
pub(crate) fn apply(next: &mut State, action: Action) {
    {
        match action {
            Action::LoadCode { code } => {
                next.code = Rc::from(code);
                next.preset = None;
                next.syntax_error = None;
            }
            Action::SetTheme { theme } => next.theme = theme,
            Action::Composer { open } => next.composer_open = open,
            Action::Frame { actions } => {
                for a in actions {
                    apply(next, a);
                }
            }
            Action::Edit { code } => {
                next.code = Rc::from(code);
                next.syntax_error = None;
            }
            Action::LoadPreset { id, code } => {
                next.code = Rc::from(code);
                next.preset = Some(id);
            }
            Action::RunStarted { run } => {
                next.history.on_new_run();
                next.run = run;
                next.limit = None;
                next.runs += 1;
                next.lints = Rc::new(Linter::new(&next.code));
                next.tasks = Rc::new(Vec::new());
                next.trace = AppendLog::new();
                next.transitions = Rc::new(Vec::new());
                next.view = LoopView::default();
                next.selected = None;
                next.time = 0.0;
                next.iteration = 0;
                next.status = RunStatus::Running;
                next.failed = false;
                next.console = Rc::new(vec![ConsoleLine {
                    stream: Stream::System,
                    task: None,
                    text: format!("--- run {}: main.py ---", next.runs),
                }]);
            }
            Action::Output { stream, task, text } => {
                // Text continues the last line of the same stream and task (output arrives
                // per slice); a finished line or another writer starts a new block (the
                // console tags a block whose task differs from the one above it).
                let console = Rc::make_mut(&mut next.console);
                match console.last_mut() {
                    Some(last)
                        if last.stream == stream
                            && last.task == task
                            && !last.text.ends_with('\n') =>
                    {
                        last.text.push_str(&text)
                    }
                    _ => console.push(ConsoleLine { stream, task, text }),
                }
            }
            Action::SetSpeed { speed } => next.speed = speed,
            Action::Stopped => {
                next.status = RunStatus::Finished;
                Rc::make_mut(&mut next.console).push(ConsoleLine {
                    stream: Stream::System,
                    task: None,
                    text: "--- stopped ---".into(),
                });
            }
            Action::Trace {
                events,
                lines,
                outcomes,
                groups,
                time,
                iteration,
            } => {
                let rows = Rc::make_mut(&mut next.tasks);
                let mut line_iter = lines.iter();
                fold(rows, &events, |_| line_iter.next().copied().flatten());
                for (task, text) in outcomes.iter() {
                    if let Some(row) = rows.get_mut(*task as usize) {
                        row.outcome = Some(text.clone());
                    }
                }
                for &(task, group) in groups.iter() {
                    if let Some(row) = rows.get_mut(task as usize) {
                        row.group = Some(group);
                    }
                }
                // A frame with no events (time moved on) keeps the last transitions lit.
                if !events.is_empty() {
                    next.transitions = Rc::new(transitions(&events));
                    Rc::make_mut(&mut next.lints).feed_trace(&events);
                }
                next.trace.extend(events.iter().cloned());
                next.time = time;
                // After `asyncio.run` returns there is no loop to ask: keep the last count.
                if iteration > 0 {
                    next.iteration = iteration;
                }
            }
            Action::Facts { facts } => Rc::make_mut(&mut next.lints).feed_facts(&facts),
            Action::Loop { view } => next.view = view.unwrap_or_default(),
            Action::Select { task } => next.selected = task,
            Action::GoToLine { line } => {
                let n = next.goto_line.map_or(0, |(_, n)| n.wrapping_add(1));
                next.goto_line = Some((line, n));
            }
            Action::SyntaxError { error } => next.syntax_error = error,
            Action::Paused { paused } => {
                if matches!(next.status, RunStatus::Running | RunStatus::Paused) {
                    next.status = if paused {
                        RunStatus::Paused
                    } else {
                        RunStatus::Running
                    };
                }
            }
            Action::LimitHit { notice } => next.limit = Some(notice),
            Action::RunFinished { failed } => {
                next.status = RunStatus::Finished;
                next.failed = failed;
            }
            Action::LinkDismissed => next.link = None,
            Action::History { action } => super::rewind::reduce(next, action),
            Action::Reset => {
                next.history.on_new_run();
                next.run = None;
                next.limit = None;
                next.status = RunStatus::Idle;
                next.failed = false;
                next.tasks = Rc::new(Vec::new());
                next.trace = AppendLog::new();
                next.transitions = Rc::new(Vec::new());
                next.view = LoopView::default();
                next.selected = None;
                next.time = 0.0;
                next.iteration = 0;
                next.console = Rc::new(Vec::new());
                next.lints = Rc::new(Linter::default());
            }
        }
    }
}
