//! One render per animation frame: what the driver's slices report (output, trace batches,
//! the loop view, the status) is collected here and dispatched to the reducer as a single
//! `Action::Frame` from a `requestAnimationFrame` callback, however many slices ran.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{Action, LoopView, Stream};
use crate::lang::vm::facts::Fact;
use crate::runtime::browser::DriverStatus;
use crate::runtime::TraceEvent;

/// Where actions go (the reducer's dispatcher; a counter in tests).
pub type Sink = Rc<dyn Fn(Action)>;

/// How many slices reported and how many frames were dispatched for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameStats {
    pub slices: u64,
    pub frames: u64,
}

/// What one slice reports.
pub struct SliceReport {
    pub output: Vec<(Stream, String)>,
    pub events: Vec<TraceEvent>,
    pub lines: Vec<Option<u32>>,
    pub outcomes: Vec<(u32, String)>,
    /// What the VM noticed for the lints.
    pub facts: Vec<Fact>,
    pub time: f64,
    pub iteration: u64,
    pub status: DriverStatus,
}

/// Reads the loop view (ready queue, timers, await tree) when a frame is drawn: only the
/// latest matters, so it is not computed per slice. `None`: the program cannot be read now.
pub type ViewSource = Box<dyn Fn() -> Option<Option<LoopView>>>;

/// Everything reported since the last frame, merged.
#[derive(Default)]
struct Pending {
    output: Vec<(Stream, String)>,
    events: Vec<TraceEvent>,
    lines: Vec<Option<u32>>,
    outcomes: Vec<(u32, String)>,
    facts: Vec<Fact>,
    /// Time, iteration and status of the latest slice (`None`: nothing pending).
    latest: Option<(f64, u64, DriverStatus)>,
}

impl Pending {
    /// The actions for one frame, in the order the reducer needs them.
    fn into_actions(self, view: Option<Option<LoopView>>) -> Vec<Action> {
        let mut actions: Vec<Action> = self
            .output
            .into_iter()
            .map(|(stream, text)| Action::Output { stream, text })
            .collect();
        if let Some((time, iteration, status)) = self.latest {
            actions.push(Action::Trace {
                events: Rc::new(self.events),
                lines: Rc::new(self.lines),
                outcomes: Rc::new(self.outcomes),
                time,
                iteration,
            });
            // After the trace, as the lints expect (a fact may name a task the trace made).
            if !self.facts.is_empty() {
                actions.push(Action::Facts {
                    facts: Rc::new(self.facts),
                });
            }
            if let Some(view) = view {
                actions.push(Action::Loop { view });
            }
            actions.push(match status {
                DriverStatus::Finished => Action::RunFinished,
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
        facts: r.facts,
        latest: Some((r.time, r.iteration, r.status)),
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
        for (stream, text) in r.output {
            match p.output.last_mut() {
                Some((s, t)) if *s == stream => t.push_str(&text),
                _ => p.output.push((stream, text)),
            }
        }
        p.events.extend(r.events);
        p.lines.extend(r.lines);
        p.outcomes.extend(r.outcomes);
        p.facts.extend(r.facts);
        p.latest = Some((r.time, r.iteration, r.status));
        if inner.request.is_none() {
            let window = web_sys::window();
            let id = match (window, inner.callback.as_ref()) {
                (Some(w), Some(cb)) => w.request_animation_frame(cb.as_ref().unchecked_ref()).ok(),
                _ => None,
            };
            inner.request = id;
            if id.is_none() {
                // No animation frames here (no window): deliver at once rather than never.
                drop(inner);
                self.flush();
            }
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
            let view = match (&pending.latest, &inner.view_source) {
                (Some(_), Some(source)) => source(),
                _ => None,
            };
            let actions = pending.into_actions(view);
            if actions.is_empty() {
                return;
            }
            inner.stats.frames += 1;
            (inner.sink.clone(), actions)
        };
        // Outside the borrow: the reducer may render, and rendering may call back in.
        sink(Action::Frame { actions });
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
