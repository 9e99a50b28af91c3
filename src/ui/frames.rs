//! One render per animation frame: what the driver's slices report (output, trace batches,
//! the loop view, the status) is collected here and dispatched to the reducer as a single
//! `Action::Frame` from a `requestAnimationFrame` callback, however many slices ran.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{Action, LimitNotice, LoopView, Stream};
use crate::lang::vm::facts::Fact;
use crate::runtime::browser::DriverStatus;
use crate::runtime::{TaskId, TraceEvent};

/// The share of page time the loop view may take while a program runs (see `view_due_ms`).
const VIEW_DUTY: f64 = 0.1;

/// `performance.now()` in milliseconds (0 without a page clock: the view is then read at
/// every frame).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Where actions go (the reducer's dispatcher; a counter in tests).
pub type Sink = Rc<dyn Fn(Action)>;

/// How many slices reported and how many frames were dispatched for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameStats {
    pub slices: u64,
    pub frames: u64,
}

/// A console chunk: its stream, the task that printed it, the text.
pub type Printed = (Stream, Option<TaskId>, String);

/// What one slice reports.
pub struct SliceReport {
    pub output: Vec<Printed>,
    pub events: Vec<TraceEvent>,
    pub lines: Vec<Option<u32>>,
    pub outcomes: Vec<(u32, String)>,
    /// The TaskGroup (id) of each task created in this slice by one: (task, group).
    pub groups: Vec<(u32, u32)>,
    /// What the VM noticed for the lints.
    pub facts: Vec<Fact>,
    /// The limit that stopped the run, reported once.
    pub limit: Option<LimitNotice>,
    pub time: f64,
    pub iteration: u64,
    pub status: DriverStatus,
    /// The program has ended with an uncaught exception or a syntax error (already printed).
    pub failed: bool,
}

/// Reads the loop view (ready queue, timers, await tree) when a frame is drawn: only the
/// latest matters, so it is not computed per slice. `None`: the program cannot be read now.
pub type ViewSource = Box<dyn Fn() -> Option<Option<LoopView>>>;

/// Everything reported since the last frame, merged.
#[derive(Default)]
struct Pending {
    output: Vec<Printed>,
    events: Vec<TraceEvent>,
    lines: Vec<Option<u32>>,
    outcomes: Vec<(u32, String)>,
    groups: Vec<(u32, u32)>,
    facts: Vec<Fact>,
    limit: Option<LimitNotice>,
    /// Time, iteration and status of the latest slice (`None`: nothing pending).
    latest: Option<(f64, u64, DriverStatus)>,
    /// The latest slice's `SliceReport::failed`.
    failed: bool,
}

impl Pending {
    /// The actions for one frame, in the order the reducer needs them.
    fn into_actions(self, view: Option<Option<LoopView>>) -> Vec<Action> {
        let mut actions: Vec<Action> = self
            .output
            .into_iter()
            .map(|(stream, task, text)| Action::Output { stream, task, text })
            .collect();
        if let Some((time, iteration, status)) = self.latest {
            actions.push(Action::Trace {
                events: Rc::new(self.events),
                lines: Rc::new(self.lines),
                outcomes: Rc::new(self.outcomes),
                groups: Rc::new(self.groups),
                time,
                iteration,
            });
            // After the trace, as the lints expect (a fact may name a task the trace made).
            if !self.facts.is_empty() {
                actions.push(Action::Facts {
                    facts: Rc::new(self.facts),
                });
            }
            if let Some(notice) = self.limit {
                actions.push(Action::LimitHit { notice });
            }
            if let Some(view) = view {
                actions.push(Action::Loop { view });
            }
            actions.push(match status {
                DriverStatus::Finished => Action::RunFinished {
                    failed: self.failed,
                },
                DriverStatus::Paused => Action::Paused { paused: true },
                DriverStatus::Running | DriverStatus::Stuck => Action::Paused { paused: false },
            });
        }
        actions
    }
}

/// The actions for one report on its own, as a frame would dispatch them (a rewind folds
/// a replay's reports this way, so it shows exactly what the live run showed).
pub(crate) fn report_actions(r: SliceReport, view: Option<Option<LoopView>>) -> Vec<Action> {
    Pending {
        output: r.output,
        events: r.events,
        lines: r.lines,
        outcomes: r.outcomes,
        groups: r.groups,
        facts: r.facts,
        limit: r.limit,
        latest: Some((r.time, r.iteration, r.status)),
        failed: r.failed,
    }
    .into_actions(view)
}

struct Inner {
    sink: Sink,
    pending: Pending,
    /// The requested animation frame, while one is pending.
    request: Option<i32>,
    callback: Option<Closure<dyn FnMut()>>,
    view_source: Option<ViewSource>,
    /// Page time (ms) before which the loop view is not read again while the program runs:
    /// reading it costs time proportional to the tasks (an await tree of 20,000 tasks takes
    /// milliseconds), so it is read at most `VIEW_DUTY` of the time (`flush`).
    view_due_ms: f64,
    /// A frame skipped the view: a later frame reads it.
    view_stale: bool,
    /// After `close`, reports are dropped (a stopped run must not touch the next one).
    closed: bool,
    stats: FrameStats,
}

/// Collects slice reports and dispatches them once per animation frame.
#[derive(Clone)]
pub struct Frames {
    inner: Rc<RefCell<Inner>>,
}

impl Frames {
    /// A collector dispatching to `sink`.
    pub fn new(sink: Sink) -> Frames {
        let inner = Rc::new(RefCell::new(Inner {
            sink,
            pending: Pending::default(),
            request: None,
            callback: None,
            view_source: None,
            view_due_ms: 0.0,
            view_stale: false,
            closed: false,
            stats: FrameStats::default(),
        }));
        // The frame callback holds a weak reference, so dropping every `Frames` frees it.
        let weak = Rc::downgrade(&inner);
        let cb = Closure::<dyn FnMut()>::new(move || {
            if let Some(inner) = weak.upgrade() {
                Frames { inner }.flush();
            }
        });
        inner.borrow_mut().callback = Some(cb);
        Frames { inner }
    }

    /// Adds a slice's report; asks for an animation frame unless one is already pending.
    pub fn report(&self, r: SliceReport) {
        let mut inner = self.inner.borrow_mut();
        if inner.closed {
            return;
        }
        inner.stats.slices += 1;
        let p = &mut inner.pending;
        for (stream, task, text) in r.output {
            match p.output.last_mut() {
                Some((s, by, t)) if *s == stream && *by == task => t.push_str(&text),
                _ => p.output.push((stream, task, text)),
            }
        }
        p.events.extend(r.events);
        p.lines.extend(r.lines);
        p.outcomes.extend(r.outcomes);
        p.groups.extend(r.groups);
        p.facts.extend(r.facts);
        if r.limit.is_some() {
            p.limit = r.limit;
        }
        p.latest = Some((r.time, r.iteration, r.status));
        p.failed = r.failed;
        if !self.request_frame(&mut inner) {
            // No animation frames here (no window): deliver at once rather than never.
            drop(inner);
            self.flush();
        }
    }

    /// Dispatches everything pending now, as one `Action::Frame` (nothing if empty).
    pub fn flush(&self) {
        let (sink, actions) = {
            let mut inner = self.inner.borrow_mut();
            if let (Some(id), Some(w)) = (inner.request.take(), web_sys::window()) {
                let _ = w.cancel_animation_frame(id);
            }
            let pending = std::mem::take(&mut inner.pending);
            // A running program's view is refreshed when due; a paused, stuck or finished
            // one's always (it is what stays on screen). A skipped view is read at a later
            // frame even if the program reports nothing more (it may sleep on a timer).
            let settled = matches!(
                pending.latest,
                Some((
                    _,
                    _,
                    DriverStatus::Paused | DriverStatus::Stuck | DriverStatus::Finished
                ))
            );
            let wanted = pending.latest.is_some() || inner.view_stale;
            let now = now_ms();
            let view = match &inner.view_source {
                Some(source) if wanted && (settled || now >= inner.view_due_ms) => {
                    let view = source();
                    inner.view_due_ms = now + (now_ms() - now) / VIEW_DUTY;
                    inner.view_stale = false;
                    view
                }
                Some(_) if wanted => {
                    inner.view_stale = true;
                    None
                }
                _ => None,
            };
            let stale = inner.view_stale && !inner.closed;
            let mut actions = match (pending.latest.is_some(), view) {
                (true, view) => pending.into_actions(view),
                (false, Some(view)) => vec![Action::Loop { view }],
                (false, None) => Vec::new(),
            };
            if stale {
                self.request_frame(&mut inner);
            }
            if actions.is_empty() {
                return;
            }
            inner.stats.frames += 1;
            (inner.sink.clone(), std::mem::take(&mut actions))
        };
        // Outside the borrow: the reducer may render, and rendering may call back in.
        sink(Action::Frame { actions });
    }

    /// Asks for an animation frame unless one is pending (`false`: this page has none).
    fn request_frame(&self, inner: &mut Inner) -> bool {
        if inner.request.is_some() {
            return true;
        }
        let id = match (web_sys::window(), inner.callback.as_ref()) {
            (Some(w), Some(cb)) => w.request_animation_frame(cb.as_ref().unchecked_ref()).ok(),
            _ => None,
        };
        inner.request = id;
        id.is_some()
    }

    /// Where the loop view is read from at each frame (the source may hold the driver:
    /// `close` drops it, breaking that cycle).
    pub fn set_view_source(&self, source: ViewSource) {
        self.inner.borrow_mut().view_source = Some(source);
    }

    /// Delivers what is pending and ignores every later report.
    pub fn close(&self) {
        self.flush();
        let mut inner = self.inner.borrow_mut();
        inner.closed = true;
        inner.view_source = None;
    }

    /// Slices reported and frames dispatched so far.
    pub fn stats(&self) -> FrameStats {
        self.inner.borrow().stats
    }
}
