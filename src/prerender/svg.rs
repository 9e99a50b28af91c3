//! A static timeline picture (SVG) of a finished run: a lane per task, coloured by state,
//! markers for cancellations, timeouts and exceptions, a time axis. Self-contained (colours
//! inline, text in `currentColor`), so it reads on light and dark pages without any CSS.

use std::fmt::Write;

use super::html::escape;
use crate::runtime::{Reason, TraceEvent};
use crate::ui::model::timeline::{layout, marker_path, ticks, Timeline, Window};
use crate::ui::model::words::StateKind;

const LABEL_W: f64 = 120.0;
const PLOT_W: f64 = 520.0;
const LANE_H: f64 = 14.0;
const LANE_GAP: f64 = 6.0;
const AXIS_H: f64 = 20.0;
/// At most this many lanes are drawn (the rest are counted in a note).
pub const MAX_LANES: usize = 24;

/// The fill of a state: mid-tones that read on white and on near-black.
fn fill(s: StateKind) -> &'static str {
    match s {
        StateKind::Created => "#8a8f98",
        StateKind::Scheduled => "#4f7be0",
        StateKind::Running => "#2e9d4f",
        StateKind::Awaiting => "#d89b1c",
        StateKind::Done => "#6b7078",
        StateKind::Failed => "#d64545",
        StateKind::Cancelled => "#b05fc9",
    }
}

fn n(x: f64) -> String {
    format!("{:.1}", x)
}

/// The events of the run's last event loop (each `asyncio.run` numbers its tasks from 0, so
/// a program that runs several loops, as a chain of blocks does, would mix them up).
fn last_loop(trace: &[TraceEvent]) -> &[TraceEvent] {
    let start = trace
        .iter()
        .rposition(|e| e.task.0 == 0 && e.reason == Reason::Created)
        .unwrap_or(0);
    trace.get(start..).unwrap_or(trace)
}

/// The SVG of the last event loop of `trace` (the events of one whole run), or `None` when
/// no task ever ran.
pub fn timeline_svg(trace: &[TraceEvent]) -> Option<String> {
    let trace = last_loop(trace);
    let t0 = trace.first().map_or(0.0, |e| e.time);
    let shifted: Vec<TraceEvent> = trace
        .iter()
        .map(|e| TraceEvent {
            time: e.time - t0,
            ..e.clone()
        })
        .collect();
    let tl = Timeline::from_events(&shifted);
    if tl.lanes.is_empty() {
        return None;
    }
    let end = tl.last_time.max(0.001);
    let win = Window {
        start: 0.0,
        end,
        width: PLOT_W,
    };
    let geo = layout(&tl, end, win, MAX_LANES);
    let rows = geo.lanes.len() + usize::from(geo.hidden > 0);
    let height = AXIS_H + rows as f64 * (LANE_H + LANE_GAP) + 4.0;
    let width = LABEL_W + PLOT_W + 28.0; // room for the last tick's label
    let mut s = String::new();
    let label = format!(
        "Timeline of the run: {} task(s) over {:.2} s of loop time",
        tl.lanes.len(),
        tl.last_time
    );
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"aiopg-timeline-svg\" role=\"img\" \
         aria-label=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"11\" fill=\"currentColor\">",
        escape(&label),
        n(width),
        n(height),
        n(width),
        n(height)
    );
    let _ = write!(s, "<title>{}</title>", escape(&label));
    for (t, text) in ticks(win, 6) {
        let x = LABEL_W + win.x(t);
        let _ = write!(
            s,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\".2\"/>\
             <text x=\"{}\" y=\"{}\" fill-opacity=\".7\">{}</text>",
            n(AXIS_H - 4.0),
            n(height),
            n(x + 2.0),
            n(AXIS_H - 8.0),
            escape(&text),
            x = n(x)
        );
    }
    for (i, lane) in geo.lanes.iter().enumerate() {
        let y = AXIS_H + i as f64 * (LANE_H + LANE_GAP);
        let _ = write!(
            s,
            "<g><text x=\"4\" y=\"{}\">{}</text>",
            n(y + LANE_H - 3.0),
            escape(&lane.name)
        );
        for r in &lane.rects {
            let _ = write!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}><title>{}</title></rect>",
                n(LABEL_W + r.x),
                n(y),
                n(r.w.max(0.5)),
                n(LANE_H),
                fill(r.state),
                if r.state == StateKind::Awaiting { " fill-opacity=\".75\"" } else { "" },
                escape(r.state.label())
            );
        }
        for m in &lane.marks {
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"currentColor\"><title>{}</title></path>",
                marker_path(m.kind, LABEL_W + m.x, y, LANE_H),
                escape(m.kind.label())
            );
        }
        s.push_str("</g>");
    }
    if geo.hidden > 0 {
        let y = AXIS_H + geo.lanes.len() as f64 * (LANE_H + LANE_GAP);
        let _ = write!(
            s,
            "<text x=\"4\" y=\"{}\" fill-opacity=\".7\">… and {} more task(s)</text>",
            n(y + LANE_H - 3.0),
            geo.hidden
        );
    }
    s.push_str("</svg>");
    Some(s)
}
