//! The event log's model: kinds of events to filter by, the filter itself, the row text,
//! the visible slice of a fixed-row-height list, and the JSON export.

use super::words::{self, Lookup};
use crate::runtime::{Reason, TaskId, TraceEvent};

/// A family of reasons, for the kind filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// Created, returned.
    Lifecycle,
    /// A step started, yielded, paused, resumed.
    Step,
    /// Began awaiting, woken up.
    Await,
    /// Cancel requested/delivered, uncancel, ended cancelled, stopped at a shield.
    Cancel,
    /// A timeout fired.
    Timeout,
    /// Raised, thrown in, retrieved.
    Exception,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Lifecycle,
        EventKind::Step,
        EventKind::Await,
        EventKind::Cancel,
        EventKind::Timeout,
        EventKind::Exception,
    ];

    pub fn of(r: &Reason) -> Self {
        match r {
            Reason::Created | Reason::Returned => EventKind::Lifecycle,
            Reason::StepStarted | Reason::Yielded | Reason::Paused => EventKind::Step,
            Reason::Awaiting | Reason::WokenBy { .. } => EventKind::Await,
            Reason::CancelRequested(_)
            | Reason::CancelledErrorDelivered { .. }
            | Reason::Uncancelled
            | Reason::Cancelled
            | Reason::ShieldedFromCancel { .. } => EventKind::Cancel,
            Reason::TimeoutFired { .. } => EventKind::Timeout,
            Reason::Raised | Reason::ExceptionThrownIn | Reason::ExceptionRetrieved => {
                EventKind::Exception
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Lifecycle => "created / returned",
            EventKind::Step => "steps",
            EventKind::Await => "awaits and wakeups",
            EventKind::Cancel => "cancellation",
            EventKind::Timeout => "timeouts",
            EventKind::Exception => "exceptions",
        }
    }

    /// A stable value for a `<select>` option.
    pub fn value(self) -> &'static str {
        match self {
            EventKind::Lifecycle => "lifecycle",
            EventKind::Step => "step",
            EventKind::Await => "await",
            EventKind::Cancel => "cancel",
            EventKind::Timeout => "timeout",
            EventKind::Exception => "exception",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        EventKind::ALL.into_iter().find(|k| k.value() == v)
    }
}

/// Which events the log shows (`None`: all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub task: Option<TaskId>,
    pub kind: Option<EventKind>,
}

impl LogFilter {
    pub fn matches(&self, ev: &TraceEvent) -> bool {
        self.task.is_none_or(|t| ev.task == t)
            && self.kind.is_none_or(|k| EventKind::of(&ev.reason) == k)
    }
}

/// Indices of the events the filter keeps, in order.
pub fn filtered(events: &[TraceEvent], f: &LogFilter) -> Vec<u32> {
    if *f == LogFilter::default() {
        return (0..events.len() as u32).collect();
    }
    events
        .iter()
        .enumerate()
        .filter(|(_, ev)| f.matches(ev))
        .map(|(i, _)| i as u32)
        .collect()
}

/// One row of the log, as text.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRow {
    pub seq: u64,
    pub time: String,
    pub iteration: u64,
    pub task: String,
    pub change: String,
    pub reason: String,
    pub kind: EventKind,
}

pub fn row(ev: &TraceEvent, lk: &Lookup) -> LogRow {
    LogRow {
        seq: ev.seq,
        time: words::time(ev.time),
        iteration: ev.iteration,
        task: ev.name.to_string(),
        change: words::change(ev),
        reason: words::reason(ev, lk),
        kind: EventKind::of(&ev.reason),
    }
}

/// The rows of a `len`-row list with fixed `row_height` that a viewport of `height` scrolled
/// to `scroll_top` shows, plus `overscan` rows on each side.
pub fn visible_range(
    len: usize,
    scroll_top: f64,
    height: f64,
    row_height: f64,
    overscan: usize,
) -> std::ops::Range<usize> {
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let count = (height / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(len);
    let end = (first + count + overscan).min(len);
    start..end
}

/// The events as JSON (an array of `TraceEvent`), for the export button.
pub fn export_json(events: &[TraceEvent]) -> String {
    serde_json::to_string_pretty(events).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
