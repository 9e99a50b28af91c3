//! The no-code composer's model: tasks built from blocks (name, duration, outcome, a
//! `wait_for`/`shield` wrapper) grouped by `gather`, a `TaskGroup` or plain awaits, and the
//! readable Python it writes into the editor. Pure code generation, tested natively.

mod python;

pub use python::generate;

/// What a composed task does once its duration has passed.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// `return VALUE`: a number, `True`/`False`/`None` as written, anything else as a string.
    Return { value: String },
    /// `raise KIND(message)`.
    Raise { kind: ExcKind, message: String },
    /// Ticks every `duration` seconds until it is cancelled.
    Forever,
}

/// The exception classes the composer offers for `raise`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    RuntimeError,
    ConnectionError,
    KeyError,
}

impl ExcKind {
    /// Every kind, in the order the composer lists them.
    pub const ALL: [ExcKind; 4] = [
        ExcKind::ValueError,
        ExcKind::RuntimeError,
        ExcKind::ConnectionError,
        ExcKind::KeyError,
    ];

    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::ConnectionError => "ConnectionError",
            ExcKind::KeyError => "KeyError",
        }
    }

    /// The kind named `name` (as `name()` gives it).
    pub fn by_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How the task is awaited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wrap {
    /// Awaited as it is.
    Plain,
    /// `asyncio.wait_for(task, timeout=…)`: cancelled and `TimeoutError` after `timeout` s.
    WaitFor { timeout: f64 },
    /// `asyncio.shield(task)`: cancelling the waiter leaves the task running.
    Shield,
}

/// One task block.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskSpec {
    /// The task's name (`create_task(..., name=…)`); the coroutine function is named after it.
    pub name: String,
    /// Seconds of `asyncio.sleep` before the outcome (the tick for `Forever`).
    pub duration: f64,
    pub outcome: Outcome,
    pub wrap: Wrap,
}

impl TaskSpec {
    /// A task that sleeps `duration` seconds and returns `value`.
    pub fn returning(name: &str, duration: f64, value: &str) -> TaskSpec {
        TaskSpec {
            name: name.into(),
            duration,
            outcome: Outcome::Return {
                value: value.into(),
            },
            wrap: Wrap::Plain,
        }
    }
}

/// How `main()` runs the tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `create_task` each, then `await` them one after another.
    Sequential,
    /// `await asyncio.gather(...)`, optionally with `return_exceptions=True`.
    Gather { return_exceptions: bool },
    /// `async with asyncio.TaskGroup() as tg:` and `tg.create_task(...)`.
    TaskGroup,
}

/// A whole composed program.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    pub tasks: Vec<TaskSpec>,
    pub grouping: Grouping,
}

impl Default for Composition {
    /// Two tasks gathered: the composer's starting point.
    fn default() -> Self {
        Composition {
            tasks: vec![
                TaskSpec::returning("fetch", 1.0, "42"),
                TaskSpec::returning("upload", 2.0, "done"),
            ],
            grouping: Grouping::Gather {
                return_exceptions: false,
            },
        }
    }
}

/// Why a composition cannot be written out; the message names the block and the fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposeError(pub String);

impl std::fmt::Display for ComposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The most tasks and the longest duration the composer accepts (a program to watch, not
/// a stress test).
pub const MAX_TASKS: usize = 12;
pub const MAX_SECONDS: f64 = 3600.0;

#[cfg(test)]
mod tests;
