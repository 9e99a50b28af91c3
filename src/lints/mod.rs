//! Python's asyncio mistakes as values (tokio-console `warnings.rs`: a check, one sentence
//! about one task): folded from the trace and the VM's facts by `Linter`, drawn elsewhere.
//!
//! Each kind has a plain sentence naming the task, a line, and a link to the asyncio docs.
//! The CLI prints them with `--lints`; the UI lists them and marks rows, lanes and lines.

mod check;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_unreferenced;

use std::rc::Rc;

pub use check::{check, Linter, SAME_PLACE_MAX};

use crate::runtime::TaskId;

/// The mistakes the linter knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LintKind {
    /// A coroutine object was created and dropped without being awaited.
    NeverAwaited,
    /// The result of `create_task` (or `ensure_future`) was thrown away.
    TaskDiscarded,
    /// A task caught `CancelledError` and finished without re-raising or `uncancel()`.
    CancelSwallowed,
    /// One task step ran too long without awaiting.
    BlockingStep,
    /// `time.sleep` inside a coroutine.
    BlockingSleep,
    /// A failed task's exception was never retrieved.
    ExceptionNeverRetrieved,
    /// A task waits on something nothing can complete (deadlock).
    AwaitedForever,
}

impl LintKind {
    /// Every kind, in the order the Lints panel groups them.
    pub const ALL: [LintKind; 7] = [
        LintKind::NeverAwaited,
        LintKind::TaskDiscarded,
        LintKind::CancelSwallowed,
        LintKind::BlockingStep,
        LintKind::BlockingSleep,
        LintKind::ExceptionNeverRetrieved,
        LintKind::AwaitedForever,
    ];

    /// The short name the CLI prints and CSS classes use: `never-awaited`...
    pub fn code(self) -> &'static str {
        match self {
            LintKind::NeverAwaited => "never-awaited",
            LintKind::TaskDiscarded => "task-discarded",
            LintKind::CancelSwallowed => "cancel-swallowed",
            LintKind::BlockingStep => "blocking-step",
            LintKind::BlockingSleep => "blocking-sleep",
            LintKind::ExceptionNeverRetrieved => "exception-never-retrieved",
            LintKind::AwaitedForever => "awaited-forever",
        }
    }

    /// A title for the panel: "Coroutine never awaited"...
    pub fn title(self) -> &'static str {
        match self {
            LintKind::NeverAwaited => "Coroutine never awaited",
            LintKind::TaskDiscarded => "Task reference discarded",
            LintKind::CancelSwallowed => "CancelledError swallowed",
            LintKind::BlockingStep => "Blocking the loop",
            LintKind::BlockingSleep => "time.sleep in a coroutine",
            LintKind::ExceptionNeverRetrieved => "Exception never retrieved",
            LintKind::AwaitedForever => "Awaited forever",
        }
    }

    /// The section of the Python docs that explains the mistake and its fix.
    pub fn docs_url(self) -> &'static str {
        const DEV: &str = "https://docs.python.org/3/library/asyncio-dev.html";
        match self {
            LintKind::NeverAwaited => {
                "https://docs.python.org/3/library/asyncio-dev.html#detect-never-awaited-coroutines"
            }
            LintKind::TaskDiscarded => {
                "https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task"
            }
            LintKind::CancelSwallowed => {
                "https://docs.python.org/3/library/asyncio-task.html#task-cancellation"
            }
            LintKind::BlockingStep | LintKind::BlockingSleep => {
                "https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code"
            }
            LintKind::ExceptionNeverRetrieved => {
                "https://docs.python.org/3/library/asyncio-dev.html#detect-never-retrieved-exceptions"
            }
            LintKind::AwaitedForever => DEV,
        }
    }
}

/// One mistake: what, which task, where, when, and one sentence that names the task.
#[derive(Clone, Debug, PartialEq)]
pub struct Lint {
    pub kind: LintKind,
    /// The task the sentence is about (the one at fault), when there is one.
    pub task: Option<TaskId>,
    pub task_name: Option<Rc<str>>,
    /// 1-based line in the program, when known.
    pub line: Option<u32>,
    /// Loop time and iteration when it was detected.
    pub time: f64,
    pub iteration: u64,
    /// One plain sentence, naming the task, saying what is wrong and how to fix it.
    pub message: String,
}

impl Lint {
    /// The link to the docs section about this mistake.
    pub fn docs_url(&self) -> &'static str {
        self.kind.docs_url()
    }

    /// The CLI's line: `main.py:12: never-awaited: coroutine 'work' was ...`.
    pub fn render(&self, filename: &str) -> String {
        let line = self
            .line
            .map(|l| l.to_string())
            .unwrap_or_else(|| "?".into());
        format!("{filename}:{line}: {}: {}", self.kind.code(), self.message)
    }
}

/// The lints about task `t` (the task at fault), in detection order.
pub fn of_task(lints: &[Lint], t: TaskId) -> impl Iterator<Item = &Lint> {
    lints.iter().filter(move |l| l.task == Some(t))
}

/// The lints grouped by line, lines ascending (for the editor's gutter); lints without a
/// line are left out.
pub fn by_line(lints: &[Lint]) -> Vec<(u32, Vec<&Lint>)> {
    let mut map: std::collections::BTreeMap<u32, Vec<&Lint>> = Default::default();
    for l in lints {
        if let Some(line) = l.line {
            map.entry(line).or_default().push(l);
        }
    }
    map.into_iter().collect()
}
