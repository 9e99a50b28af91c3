//! The timeline's model: one lane per task of merged state segments and markers, folded from
//! trace events (incrementally, `Timeline::apply`), and the pixel layout of a time window
//! (only what overlaps the window, sub-pixel runs collapsed, lanes capped).

use std::rc::Rc;

use super::words::StateKind;
use crate::runtime::{Reason, TaskId, TraceEvent};

/// A run of one state: from `start` until `end` (`None`: still in it).
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: f64,
    pub end: Option<f64>,
    pub state: StateKind,
    /// The event that began it (its tooltip).
    pub seq: u64,
}

/// What a marker on a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// `cancel()` accepted.
    CancelRequested,
    /// `CancelledError` thrown into the coroutine.
    CancelDelivered,
    /// A timeout or `wait_for` deadline fired for this task.
    TimeoutFired,
    /// The coroutine raised (not `CancelledError`).
    Exception,
    /// A cancel request stopped at a `shield` around this task.
    Shielded,
}

impl MarkerKind {
    /// The marker for an event, if it gets one.
    pub fn of(reason: &Reason) -> Option<Self> {
        Some(match reason {
            Reason::CancelRequested(_) => MarkerKind::CancelRequested,
            Reason::CancelledErrorDelivered { .. } => MarkerKind::CancelDelivered,
            Reason::TimeoutFired { .. } => MarkerKind::TimeoutFired,
            Reason::Raised => MarkerKind::Exception,
            Reason::ShieldedFromCancel { .. } => MarkerKind::Shielded,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            MarkerKind::CancelRequested => "cancel requested",
            MarkerKind::CancelDelivered => "CancelledError delivered",
            MarkerKind::TimeoutFired => "timeout fired",
            MarkerKind::Exception => "exception raised",
            MarkerKind::Shielded => "cancel stopped at shield",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            MarkerKind::CancelRequested => "marker-cancel-requested",
            MarkerKind::CancelDelivered => "marker-cancel-delivered",
            MarkerKind::TimeoutFired => "marker-timeout",
            MarkerKind::Exception => "marker-exception",
            MarkerKind::Shielded => "marker-shielded",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub time: f64,
    pub kind: MarkerKind,
    pub seq: u64,
}

/// One task's lane. Segments are in time order, and consecutive events in the same state
/// (a new wait target, a cancel request while awaiting) extend one segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub task: TaskId,
    pub name: Rc<str>,
    pub segments: Vec<Segment>,
    pub markers: Vec<Marker>,
}

/// Every lane, by task creation order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// The latest event time seen.
    pub last_time: f64,
}

impl Timeline {
    pub fn from_events(events: &[TraceEvent]) -> Self {
        let mut tl = Timeline::default();
        for ev in events {
            tl.apply(ev);
        }
        tl
    }

    /// Folds one more event in.
    pub fn apply(&mut self, ev: &TraceEvent) {
        let i = ev.task.0 as usize;
        while self.lanes.len() <= i {
            let id = self.lanes.len() as u32;
            self.lanes.push(Lane {
                task: TaskId(id),
                name: ev.name.clone(),
                segments: Vec::new(),
                markers: Vec::new(),
            });
        }
        self.last_time = self.last_time.max(ev.time);
        let lane = &mut self.lanes[i];
        lane.name = ev.name.clone();
        let state = StateKind::of(&ev.new);
        match lane.segments.last_mut() {
            Some(last) if last.state == state => {}
            last => {
                if let Some(last) = last {
                    last.end = Some(ev.time);
                }
                lane.segments.push(Segment {
                    start: ev.time,
                    end: state.is_finished().then_some(ev.time),
                    state,
                    seq: ev.seq,
                });
            }
        }
        if let Some(kind) = MarkerKind::of(&ev.reason) {
            lane.markers.push(Marker {
                time: ev.time,
                kind,
                seq: ev.seq,
            });
        }
    }
}

/// A time window mapped onto `width` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
    pub width: f64,
}

impl Window {
    pub fn x(&self, t: f64) -> f64 {
        let span = (self.end - self.start).max(1e-9);
        (t - self.start) / span * self.width
    }

    /// The loop time at pixel `x`.
    pub fn time_at(&self, x: f64) -> f64 {
        self.start + x / self.width.max(1.0) * (self.end - self.start)
    }
}

/// A drawn segment in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub w: f64,
    pub state: StateKind,
    pub seq: u64,
}

/// A drawn marker in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub kind: MarkerKind,
    pub seq: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout {
    pub task: TaskId,
    pub name: Rc<str>,
    pub rects: Vec<Rect>,
    pub marks: Vec<Mark>,
}

/// What the timeline draws for one window.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub lanes: Vec<LaneLayout>,
    /// Lanes not drawn because of the cap.
    pub hidden: usize,
}

/// Width of the cap drawn where a task finished.
pub const END_CAP: f64 = 6.0;

/// Lays out the window: segments overlapping it clipped to it (open ones run to `now`),
/// runs shorter than a pixel that the next segment overdraws left out, finished states as an
/// end cap, markers in the window (one per kind and pixel), at most `max_lanes` lanes. When
/// there are more lanes than that, only tasks alive during the window compete for them
/// (and `keep`, the selected task, first), in creation order.
pub fn layout(tl: &Timeline, now: f64, win: Window, max_lanes: usize) -> Layout {
    layout_keeping(tl, now, win, max_lanes, None)
}

/// `layout`, making sure the lane of `keep` is among those drawn.
pub fn layout_keeping(
    tl: &Timeline,
    now: f64,
    win: Window,
    max_lanes: usize,
    keep: Option<TaskId>,
) -> Layout {
    layout_filtered(tl, now, win, max_lanes, keep, |_| true)
}

/// `layout_keeping` over the lanes of the tasks `pass` lets through only (the filter
/// bar); `hidden` counts the passing lanes left out. `keep` is drawn only if it passes.
pub fn layout_filtered(
    tl: &Timeline,
    now: f64,
    win: Window,
    max_lanes: usize,
    keep: Option<TaskId>,
    pass: impl Fn(TaskId) -> bool,
) -> Layout {
    let passing = tl.lanes.iter().filter(|l| pass(l.task)).count();
    let crowded = passing > max_lanes;
    let kept = keep.filter(|t| crowded && (t.0 as usize) < tl.lanes.len() && pass(*t));
    let slots = max_lanes.saturating_sub(kept.is_some() as usize);
    let mut chosen: Vec<&Lane> = tl
        .lanes
        .iter()
        .filter(|l| pass(l.task))
        .filter(|l| !crowded || (alive_in(l, win) && Some(l.task) != kept))
        .take(slots)
        .collect();
    if let Some(k) = kept {
        let at = chosen.partition_point(|l| l.task < k);
        chosen.insert(at, &tl.lanes[k.0 as usize]);
    }
    Layout {
        hidden: passing - chosen.len(),
        lanes: chosen.into_iter().map(|l| lay_lane(l, now, win)).collect(),
    }
}

/// Whether the task existed during part of the window (created before its end, not
/// finished before its start).
fn alive_in(lane: &Lane, win: Window) -> bool {
    let Some(first) = lane.segments.first() else {
        return false;
    };
    let finished_before = lane
        .segments
        .last()
        .is_some_and(|s| s.state.is_finished() && s.start < win.start);
    first.start <= win.end && !finished_before
}

fn lay_lane(lane: &Lane, now: f64, win: Window) -> LaneLayout {
    // Segments are sorted by start: skip those that end before the window.
    let first = lane
        .segments
        .partition_point(|s| s.end.is_some_and(|e| e < win.start) && !s.state.is_finished());
    let mut rects: Vec<Rect> = Vec::new();
    for s in &lane.segments[first..] {
        if s.start > win.end {
            break;
        }
        let (x, w) = if s.state.is_finished() {
            if s.start < win.start {
                continue;
            }
            (win.x(s.start), END_CAP)
        } else {
            let end = s.end.unwrap_or(now.max(s.start)).min(win.end);
            if end < win.start {
                continue;
            }
            let x0 = win.x(s.start.max(win.start));
            (x0, (win.x(end) - x0).max(0.0))
        };
        // A sub-pixel run at the same pixel as the next one is overdrawn: keep the later.
        if let Some(last) = rects.last() {
            if last.w < 1.0 && (x - last.x) < 1.0 {
                rects.pop();
            }
        }
        match rects.last_mut() {
            Some(last) if last.state == s.state && (x - (last.x + last.w)).abs() < 0.5 => {
                last.w = x + w - last.x;
            }
            _ => rects.push(Rect {
                x,
                w,
                state: s.state,
                seq: s.seq,
            }),
        }
    }
    for r in &mut rects {
        r.w = r.w.max(1.0);
    }
    let mut marks: Vec<Mark> = Vec::new();
    let from = lane.markers.partition_point(|m| m.time < win.start);
    for m in &lane.markers[from..] {
        if m.time > win.end {
            break;
        }
        let x = win.x(m.time);
        if marks
            .iter()
            .rev()
            .take_while(|k| (x - k.x).abs() < 1.0)
            .any(|k| k.kind == m.kind)
        {
            continue;
        }
        marks.push(Mark {
            x,
            kind: m.kind,
            seq: m.seq,
        });
    }
    LaneLayout {
        task: lane.task,
        name: lane.name.clone(),
        rects,
        marks,
    }
}

/// Tick marks for an axis over the window: about `n` round times (1, 2 or 5 × 10^k apart),
/// each with its label printed to the step's precision.
pub fn ticks(win: Window, n: usize) -> Vec<(f64, String)> {
    let span = (win.end - win.start).max(1e-9);
    let raw = span / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * mag);
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let first = (win.start / step).ceil() as i64;
    (0..50)
        .map(|i| (first + i) as f64 * step)
        .take_while(|t| *t <= win.end + step * 1e-6)
        .map(|t| (t, format!("{t:.decimals$}")))
        .collect()
}

/// Which part of loop time the timeline shows: the panel's view-only state, and the zoom
/// and pan arithmetic on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Keep the right edge at the present.
    pub follow: bool,
    /// Seconds shown; `None`: everything so far.
    pub span: Option<f64>,
    /// Left edge when not following.
    pub start: f64,
}

impl Default for Viewport {
    /// Everything so far, following the present.
    fn default() -> Self {
        Viewport {
            follow: true,
            span: None,
            start: 0.0,
        }
    }
}

impl Viewport {
    /// `[start, end]` in loop time, given how far time has got (`total`).
    pub fn window(self, total: f64) -> (f64, f64) {
        let total = total.max(1e-3);
        match (self.follow, self.span) {
            (true, None) => (0.0, total),
            (true, Some(s)) => ((total - s).max(0.0), total.max(s)),
            (false, span) => (self.start, self.start + span.unwrap_or(total)),
        }
    }

    /// Zoomed by `factor` (0.5: twice as close) around loop time `at`; without `at`, around
    /// the centre, or the present while following (which then goes on).
    pub fn zoomed(self, factor: f64, at: Option<f64>, total: f64) -> Self {
        let (s, e) = self.window(total);
        let span = ((e - s) * factor).clamp(1e-4, 1e7);
        if self.follow && at.is_none() {
            return Viewport {
                span: Some(span),
                ..self
            };
        }
        let at = at.unwrap_or((s + e) / 2.0);
        let frac = (at - s) / (e - s).max(1e-9);
        Viewport {
            follow: false,
            span: Some(span),
            start: (at - frac * span).max(0.0),
        }
    }

    /// Moved by `fraction` of the window (negative: earlier); stops following.
    pub fn panned(self, fraction: f64, total: f64) -> Self {
        let (s, e) = self.window(total);
        self.dragged_to(s + fraction * (e - s), total)
    }

    /// The left edge put at `start` (not before 0), same span; stops following.
    pub fn dragged_to(self, start: f64, total: f64) -> Self {
        let (s, e) = self.window(total);
        Viewport {
            follow: false,
            span: Some(e - s),
            start: start.max(0.0),
        }
    }

    /// Following switched on or off, the window staying where it is.
    pub fn toggled_follow(self, total: f64) -> Self {
        Viewport {
            follow: !self.follow,
            start: self.window(total).0,
            ..self
        }
    }
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The SVG path of a marker at `x` on a lane whose top is `y` and height `h`: a flag for a
/// cancel request, a cross for CancelledError, a diamond for a timeout, a spike for an
/// exception, a bar for a shield.
pub fn marker_path(kind: MarkerKind, x: f64, y: f64, h: f64) -> String {
    match kind {
        // A flag dropping onto the lane.
        MarkerKind::CancelRequested => format!(
            "M{} {} L{} {} L{} {} Z",
            n(x - 4.0),
            n(y - 2.0),
            n(x + 4.0),
            n(y - 2.0),
            n(x),
            n(y + 5.0)
        ),
        // A cross.
        MarkerKind::CancelDelivered => format!(
            "M{} {} L{} {} M{} {} L{} {}",
            n(x - 4.0),
            n(y + 2.0),
            n(x + 4.0),
            n(y + h - 2.0),
            n(x + 4.0),
            n(y + 2.0),
            n(x - 4.0),
            n(y + h - 2.0)
        ),
        // A diamond.
        MarkerKind::TimeoutFired => format!(
            "M{} {} L{} {} L{} {} L{} {} Z",
            n(x),
            n(y + 1.0),
            n(x + 5.0),
            n(y + h / 2.0),
            n(x),
            n(y + h - 1.0),
            n(x - 5.0),
            n(y + h / 2.0)
        ),
        // A bolt-like triangle pointing up from the bottom.
        MarkerKind::Exception => format!(
            "M{} {} L{} {} L{} {} Z",
            n(x - 5.0),
            n(y + h + 2.0),
            n(x + 5.0),
            n(y + h + 2.0),
            n(x),
            n(y + h - 6.0)
        ),
        // A bar across the lane.
        MarkerKind::Shielded => format!(
            "M{} {} L{} {} L{} {} L{} {} Z",
            n(x - 2.0),
            n(y - 2.0),
            n(x + 2.0),
            n(y - 2.0),
            n(x + 2.0),
            n(y + h + 2.0),
            n(x - 2.0),
            n(y + h + 2.0)
        ),
    }
}
