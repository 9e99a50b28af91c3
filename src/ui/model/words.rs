//! Words for states, reasons, cancel causes, waits and loop callbacks, in one place so the
//! event log, the tooltips, the timeline and the loop panel say the same thing.

use std::collections::HashMap;
use std::rc::Rc;

use crate::runtime::{
    CancelCause, Command, Outcome, Reason, Scheduled, TaskId, TaskState, TraceEvent, Waitable,
};

/// The seven lifecycle states without their payload (what a colour or a count is about).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StateKind {
    Created,
    Scheduled,
    Running,
    Awaiting,
    Done,
    Failed,
    Cancelled,
}

impl StateKind {
    /// Every state, in lifecycle order.
    pub const ALL: [StateKind; 7] = [
        StateKind::Created,
        StateKind::Scheduled,
        StateKind::Running,
        StateKind::Awaiting,
        StateKind::Done,
        StateKind::Failed,
        StateKind::Cancelled,
    ];

    pub fn of(s: &TaskState) -> Self {
        match s {
            TaskState::Created => StateKind::Created,
            TaskState::Scheduled => StateKind::Scheduled,
            TaskState::Running => StateKind::Running,
            TaskState::Awaiting(_) => StateKind::Awaiting,
            TaskState::Done => StateKind::Done,
            TaskState::Failed => StateKind::Failed,
            TaskState::Cancelled => StateKind::Cancelled,
        }
    }

    /// Position in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            StateKind::Created => "Created",
            StateKind::Scheduled => "Scheduled",
            StateKind::Running => "Running",
            StateKind::Awaiting => "Awaiting",
            StateKind::Done => "Done",
            StateKind::Failed => "Failed",
            StateKind::Cancelled => "Cancelled",
        }
    }

    /// The CSS class that colours it (`www/style.css`, `www/panels.css`).
    pub fn class(self) -> &'static str {
        match self {
            StateKind::Created => "state-created",
            StateKind::Scheduled => "state-scheduled",
            StateKind::Running => "state-running",
            StateKind::Awaiting => "state-awaiting",
            StateKind::Done => "state-done",
            StateKind::Failed => "state-failed",
            StateKind::Cancelled => "state-cancelled",
        }
    }

    /// Done, failed or cancelled: nothing follows.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            StateKind::Done | StateKind::Failed | StateKind::Cancelled
        )
    }
}

/// What the words need to know beyond one event: task names by id and the cause of each
/// cancel request (so "CancelledError delivered" can say whose request it was).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lookup {
    names: Vec<Rc<str>>,
    requests: HashMap<u32, CancelCause>,
}

impl Lookup {
    /// Learns names and cancel requests from a whole trace.
    pub fn from_events(events: &[TraceEvent]) -> Self {
        let mut l = Lookup::default();
        for ev in events {
            l.note(ev);
        }
        l
    }

    /// Names only (the loop panel gets them from the task rows).
    pub fn from_names(names: impl IntoIterator<Item = Rc<str>>) -> Self {
        Lookup {
            names: names.into_iter().collect(),
            requests: HashMap::new(),
        }
    }

    /// Learns from one more event.
    pub fn note(&mut self, ev: &TraceEvent) {
        let i = ev.task.0 as usize;
        if self.names.len() <= i {
            self.names.resize(i + 1, Rc::from(""));
        }
        self.names[i] = ev.name.clone();
        if let Reason::CancelRequested(req) = &ev.reason {
            self.requests.insert(req.id, req.cause.clone());
        }
    }

    /// The task's name, or `task #n` when no event named it yet.
    pub fn name(&self, t: TaskId) -> String {
        match self.names.get(t.0 as usize) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => format!("task #{}", t.0),
        }
    }

    /// Every named task, in creation order.
    pub fn tasks(&self) -> impl Iterator<Item = (TaskId, &str)> + '_ {
        self.names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .map(|(i, n)| (TaskId(i as u32), &**n))
    }

    /// The cause of cancel request `id`, when it is in the trace.
    pub fn request_cause(&self, id: u32) -> Option<&CancelCause> {
        self.requests.get(&id)
    }
}

/// Loop time as every panel shows it.
pub fn time(t: f64) -> String {
    format!("{t:.3}")
}

/// Who asked for a cancellation: "by Task-2", "by timeout", "by you"... (reads after
/// "cancel requested").
pub fn cause(c: &CancelCause, lk: &Lookup) -> String {
    match c {
        CancelCause::User => "by you".into(),
        CancelCause::Task { by } => format!("by {}", lk.name(*by)),
        CancelCause::Callback => "by a callback".into(),
        CancelCause::Timeout { .. } => "by timeout".into(),
        CancelCause::WaitFor { .. } => "by wait_for timeout".into(),
        CancelCause::TaskGroupAbort {
            failed: Some(t), ..
        } => format!("by TaskGroup abort because {} failed", lk.name(*t)),
        CancelCause::TaskGroupAbort { failed: None, .. } => "by TaskGroup abort".into(),
        CancelCause::Shutdown => "by shutdown".into(),
        CancelCause::Gather { .. } => "by gather(...) being cancelled".into(),
        CancelCause::Awaiter { task } => {
            format!("because {} was cancelled while awaiting it", lk.name(*task))
        }
        CancelCause::WaitForZero => "by wait_for(timeout=0)".into(),
    }
}

/// What a task waits on: `sleep until t=2.000`, `Task-3`, `gather(...)`, `Lock #1`...
pub fn wait(what: &Waitable, lk: &Lookup) -> String {
    match what {
        Waitable::Future => "a future".into(),
        Waitable::Task(t) => lk.name(*t),
        Waitable::Sleep { until } => format!("sleep until t={}", time(*until)),
        Waitable::Gather => "gather(...)".into(),
        Waitable::Shield { .. } => "shield(...)".into(),
        Waitable::Lock(r) => format!("Lock #{}", r.0),
        Waitable::Semaphore(r) => format!("Semaphore #{}", r.0),
        Waitable::Event(r) => format!("Event #{}", r.0),
        Waitable::Condition(r) => format!("Condition #{}", r.0),
        Waitable::QueueGet(r) => format!("Queue #{} (get)", r.0),
        Waitable::QueuePut(r) => format!("Queue #{} (put)", r.0),
        Waitable::QueueJoin(r) => format!("Queue #{} (join)", r.0),
        Waitable::Wait => "wait(...)".into(),
        Waitable::AsCompleted => "as_completed(...)".into(),
        Waitable::TaskGroup(g) => format!("TaskGroup #{g} children"),
        Waitable::CancelAndWait { .. } => "its cancelled inner future".into(),
    }
}

/// A state with what it awaits: `Awaiting sleep until t=1.000`, `Done`.
pub fn state(s: &TaskState, lk: &Lookup) -> String {
    match s {
        TaskState::Awaiting(w) => format!("Awaiting {}", wait(&w.what, lk)),
        other => StateKind::of(other).label().into(),
    }
}

fn request(id: Option<u32>, lk: &Lookup) -> String {
    match id.and_then(|id| lk.request_cause(id).map(|c| (id, c))) {
        Some((id, c)) => format!(" (cancel request #{id}, {})", cause(c, lk)),
        None => id
            .map(|id| format!(" (cancel request #{id})"))
            .unwrap_or_default(),
    }
}

/// Why an event happened, in words: "cancel requested by Task-2", "woken: the awaited
/// future was cancelled", "awaits sleep until t=2.000".
pub fn reason(ev: &TraceEvent, lk: &Lookup) -> String {
    match &ev.reason {
        Reason::Created => "created".into(),
        Reason::StepStarted => "step started".into(),
        Reason::CancelledErrorDelivered { request: r } => {
            format!("CancelledError delivered{}", request(*r, lk))
        }
        Reason::ExceptionThrownIn => "the awaited future's exception thrown in".into(),
        Reason::Awaiting => match &ev.new {
            TaskState::Awaiting(w) => format!("awaits {}", wait(&w.what, lk)),
            _ => "awaits".into(),
        },
        Reason::Yielded => "yielded (sleep(0)): back of the ready queue".into(),
        Reason::WokenBy {
            outcome,
            request: r,
            ..
        } => {
            let how = match outcome {
                Outcome::Result => "returned a result",
                Outcome::Exception => "raised",
                Outcome::Cancelled => "was cancelled",
            };
            format!("woken: the awaited future {how}{}", request(*r, lk))
        }
        Reason::CancelRequested(req) => {
            format!(
                "cancel requested {} (request #{})",
                cause(&req.cause, lk),
                req.id
            )
        }
        Reason::Uncancelled => format!("uncancel(): {} cancel requests left", ev.cancelling),
        Reason::TimeoutFired { timeout } => format!("timeout #{timeout} fired"),
        Reason::Returned => "returned".into(),
        Reason::Raised => "raised an exception".into(),
        Reason::Cancelled => "ended cancelled".into(),
        Reason::ExceptionRetrieved => "its exception was retrieved".into(),
        Reason::Paused => "runs on without awaiting: the loop is blocked until it does".into(),
        Reason::ShieldedFromCancel { request: r, .. } => {
            format!("cancel stopped at shield(...){}", request(*r, lk))
        }
    }
}

/// "Running → Awaiting", or just the state when it did not change.
pub fn change(ev: &TraceEvent) -> String {
    let (old, new) = (StateKind::of(&ev.old), StateKind::of(&ev.new));
    if old == new && !matches!(ev.reason, Reason::Created) {
        old.label().into()
    } else if matches!(ev.reason, Reason::Created) {
        new.label().into()
    } else {
        format!("{} → {}", old.label(), new.label())
    }
}

/// One line for a tooltip: "t=1.000 · it 3 · Task-2: Running → Awaiting: awaits ...".
pub fn event(ev: &TraceEvent, lk: &Lookup) -> String {
    format!(
        "t={} · iteration {} · {}: {} · {}",
        time(ev.time),
        ev.iteration,
        ev.name,
        change(ev),
        reason(ev, lk)
    )
}

/// A ready-queue or timer-heap entry: "step of Task-2", "wake up Task-1", "sleep timer of
/// Task-3", "cancel Task-2 (from you)".
pub fn scheduled(s: &Scheduled, lk: &Lookup) -> String {
    match s {
        Scheduled::Step { task } => format!("step of {}", lk.name(*task)),
        Scheduled::Wakeup { task, .. } => format!("wake up {}", lk.name(*task)),
        Scheduled::SleepTimer { task: Some(t) } => format!("sleep timer of {}", lk.name(*t)),
        Scheduled::SleepTimer { task: None } => "sleep timer".into(),
        Scheduled::Timeout { timeout } => format!("timeout #{timeout} deadline"),
        Scheduled::Command(Command::CancelTask { task, .. }) => {
            format!("cancel {} (from you)", lk.name(*task))
        }
        Scheduled::Command(Command::Shutdown) => "shutdown (from you)".into(),
        Scheduled::Callback => "a Python callback".into(),
        Scheduled::Internal(what) => format!("{what} bookkeeping"),
    }
}

/// The task a ready-queue or timer entry is about, when there is one.
pub fn scheduled_task(s: &Scheduled) -> Option<TaskId> {
    match s {
        Scheduled::Step { task } | Scheduled::Wakeup { task, .. } => Some(*task),
        Scheduled::SleepTimer { task } => *task,
        Scheduled::Command(Command::CancelTask { task, .. }) => Some(*task),
        _ => None,
    }
}

/// A short word for the kind of entry (a CSS class suffix and a chip): step, wakeup, timer...
pub fn scheduled_kind(s: &Scheduled) -> &'static str {
    match s {
        Scheduled::Step { .. } => "step",
        Scheduled::Wakeup { .. } => "wakeup",
        Scheduled::SleepTimer { .. } => "sleep",
        Scheduled::Timeout { .. } => "timeout",
        Scheduled::Command(_) => "command",
        Scheduled::Callback => "callback",
        Scheduled::Internal(_) => "internal",
    }
}
