//! The timeline: one lane per task over loop time, coloured by state, with markers for
//! cancel requests, CancelledError delivery, timeouts and exceptions. SVG of only what the
//! window shows (`model::timeline::layout`); zoom, pan, and following the present.

use std::rc::Rc;

use crate::runtime::{Reason, TaskId, TraceEvent};
use crate::ui::model::append_log::AppendLog;
use crate::ui::model::filter::Passing;
use crate::ui::model::provenance;
use crate::ui::model::timeline::{
    layout_filtered, marker_path, ticks, Layout, Viewport, Window, END_CAP,
};
use crate::ui::model::trace_folds::TraceFolds;
use crate::ui::model::words;
use crate::ui::model::StateKind;
use web_sys::{Element, KeyboardEvent, WheelEvent};
use yew::prelude::*;

/// Props compare the trace by pointer and length (not element by element): the app
/// extends its `AppendLog` when a batch arrives (or starts a new one).
#[derive(Properties)]
pub struct TimelineProps {
    /// The whole trace of the run so far.
    pub events: AppendLog<TraceEvent>,
    /// Which run the trace belongs to (`State::runs`): a new run folds from scratch.
    #[prop_or_default]
    pub run: u32,
    /// Current loop time (open segments run to it).
    pub now: f64,
    /// A lane was clicked (or chosen with Enter).
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
    /// The task to highlight.
    #[prop_or_default]
    pub selected: Option<TaskId>,
    /// Lanes drawn at most; the rest are counted in a "+N more" note.
    #[prop_or(40)]
    pub max_lanes: usize,
    /// The run's lints: a lane whose task has some gets a warning mark.
    #[prop_or_default]
    pub lints: Rc<crate::lints::Linter>,
    /// The program (for line numbers in cancel-request tooltips).
    #[prop_or_default]
    pub code: Rc<str>,
    /// The filter bar's verdict per task: only passing tasks get a lane.
    #[prop_or_default]
    pub passing: Rc<Passing>,
}

impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        self.events.key() == other.events.key()
            && self.run == other.run
            && self.now == other.now
            && self.onselect == other.onselect
            && self.selected == other.selected
            && self.max_lanes == other.max_lanes
            && Rc::ptr_eq(&self.lints, &other.lints)
            && self.code == other.code
            && Rc::ptr_eq(&self.passing, &other.passing)
    }
}

/// A drag in progress (view-only, no re-render of its own).
#[derive(Default)]
struct Drag {
    from: Option<(f64, f64)>,
    moved: bool,
}

const LABEL_W: f64 = 120.0;
const PLOT_W: f64 = 800.0;
/// Room right of the plot so markers at the present are not cut off.
const PAD_R: f64 = 10.0;
const AXIS_H: f64 = 20.0;
const LANE_H: f64 = 16.0;
const LANE_GAP: f64 = 6.0;

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The event with sequence number `seq`, in a trace that is contiguous by `seq`.
fn event_at(events: &[TraceEvent], seq: u64) -> Option<&TraceEvent> {
    let first = events.first()?.seq;
    let ev = events.get(seq.checked_sub(first)? as usize)?;
    (ev.seq == seq).then_some(ev)
}

/// What each lane colour means: a swatch per task state, in lifecycle order.
fn legend() -> Html {
    html! {
        <span class="timeline-legend" aria-label="Lane colours">
            { for StateKind::ALL.iter().map(|k| html! {
                <span class="legend-item">
                    <span class={classes!("legend-swatch", k.class())}></span>{ k.label() }
                </span>
            }) }
        </span>
    }
}

#[component]
pub fn TimelinePanel(props: &TimelineProps) -> Html {
    let view = use_state(Viewport::default);
    let svg_ref = use_node_ref();
    let drag = use_mut_ref(Drag::default);
    // Lanes, names and cancel requests are folded incrementally: a frame folds only the
    // events its batch added (re-folding the whole trace
    // each frame cost a 10,000-task run tens of ms per frame, growing with the run).
    let folds = use_mut_ref(TraceFolds::default);
    let source = (props.run, props.events.key().0);
    folds.borrow_mut().catch_up(source, &props.events.items());
    let key = (source, props.events.len());
    let lines = {
        let code = props.code.clone();
        use_memo(code, |code| crate::lang::span::LineTable::new(code))
    };
    // A marker's tooltip; a cancel request's also says why, as its provenance chain.
    let marker_tip = |ev: &TraceEvent| {
        let f = folds.borrow();
        let mut tip = words::event(ev, &f.lookup);
        if let Reason::CancelRequested(req) = &ev.reason {
            let cx = provenance::Context {
                lines: Some(&lines),
                failures: None,
            };
            for (i, why) in provenance::chain(&f.requests, req.id, cx)
                .iter()
                .enumerate()
            {
                tip.push_str(if i == 0 { "\n" } else { "\n  \u{2190} " });
                tip.push_str(why);
            }
        }
        tip
    };
    let last_time = folds.borrow().timeline.last_time;
    let total = props.now.max(last_time);
    let (start, end) = view.window(total);
    let geo: Rc<Layout> = {
        let folds = folds.clone();
        let (now, max, keep) = (props.now, props.max_lanes, props.selected);
        let passing = props.passing.clone();
        // Keyed by the run and how much of its trace is folded (not by an address: a freed
        // one can be reused, which left lanes stale while stepping at t=0).
        let filter_key = Rc::as_ptr(&passing) as usize;
        use_memo((key, now, start, end, max, keep, filter_key), move |_| {
            let win = Window {
                start,
                end,
                width: PLOT_W,
            };
            layout_filtered(&folds.borrow().timeline, now, win, max, keep, |t| {
                passing.task(t)
            })
        })
    };

    // Zoom by `factor` around loop time `at` (the centre, or the pointer); pan by a
    // fraction of the window.
    let zoom = {
        let view = view.clone();
        move |factor: f64, at: Option<f64>| view.set(view.zoomed(factor, at, total))
    };
    let pan = {
        let view = view.clone();
        move |fraction: f64| view.set(view.panned(fraction, total))
    };
    // The tooltip names the keys that do the same on the focused timeline.
    let button = |label: &'static str,
                  keys: &'static str,
                  text: &'static str,
                  action: Callback<MouseEvent>| {
        html! {
            <button type="button" class="icon-button" aria-label={label} title={format!("{label} ({keys})")} onclick={action}>
                { text }
            </button>
        }
    };
    let z = zoom.clone();
    let zoom_in = Callback::from(move |_| z(0.5, None));
    let z = zoom.clone();
    let zoom_out = Callback::from(move |_| z(2.0, None));
    let p = pan.clone();
    let pan_left = Callback::from(move |_| p(-0.25));
    let p = pan.clone();
    let pan_right = Callback::from(move |_| p(0.25));
    let fit = {
        let view = view.clone();
        Callback::from(move |_| view.set(Viewport::default()))
    };
    let toggle_follow = {
        let view = view.clone();
        Callback::from(move |_| view.set(view.toggled_follow(total)))
    };
    let onwheel = {
        let (z, p, svg_ref) = (zoom.clone(), pan.clone(), svg_ref.clone());
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let at = svg_ref.cast::<Element>().map(|el| {
                    let r = el.get_bounding_client_rect();
                    let x = (e.client_x() as f64 - r.left()) / r.width().max(1.0)
                        * (LABEL_W + PLOT_W + PAD_R)
                        - LABEL_W;
                    start + x.clamp(0.0, PLOT_W) / PLOT_W * (end - start)
                });
                z(if e.delta_y() < 0.0 { 0.8 } else { 1.25 }, at);
            } else if e.shift_key() || e.delta_x().abs() > e.delta_y().abs() {
                e.prevent_default();
                let d = if e.delta_x() != 0.0 {
                    e.delta_x()
                } else {
                    e.delta_y()
                };
                p(d.signum() * 0.1);
            }
        })
    };
    // Drag to pan: where the drag started (pointer x, window start), and whether it moved
    // (then the click that ends it selects nothing).
    let onmousedown = {
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 {
                *drag.borrow_mut() = Drag {
                    from: Some((e.client_x() as f64, start)),
                    moved: false,
                };
            }
        })
    };
    let onmousemove = {
        let (drag, view, svg_ref) = (drag.clone(), view.clone(), svg_ref.clone());
        Callback::from(move |e: MouseEvent| {
            let Some((x0, t0)) = drag.borrow().from else {
                return;
            };
            if e.buttons() & 1 == 0 {
                drag.borrow_mut().from = None;
                return;
            }
            let dx = e.client_x() as f64 - x0;
            if dx.abs() < 3.0 && !drag.borrow().moved {
                return;
            }
            drag.borrow_mut().moved = true;
            let px = svg_ref
                .cast::<Element>()
                .map_or(PLOT_W, |el| el.get_bounding_client_rect().width())
                .max(1.0);
            let per_px = (LABEL_W + PLOT_W + PAD_R) / px / PLOT_W * (end - start);
            view.set(view.dragged_to(t0 - dx * per_px, total));
        })
    };
    let onmouseup = {
        let drag = drag.clone();
        Callback::from(move |_: MouseEvent| drag.borrow_mut().from = None)
    };
    let onkeydown = {
        let (z, p) = (zoom.clone(), pan.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowLeft" => {
                e.prevent_default();
                p(-0.1)
            }
            "ArrowRight" => {
                e.prevent_default();
                p(0.1)
            }
            "+" | "=" => z(0.5, None),
            "-" | "_" => z(2.0, None),
            _ => {}
        })
    };

    let win = Window {
        start,
        end,
        width: PLOT_W,
    };
    let height = AXIS_H + geo.lanes.len() as f64 * (LANE_H + LANE_GAP) + 4.0;
    let axis = ticks(win, 8).into_iter().map(|(t, label)| {
        let x = LABEL_W + win.x(t);
        html! {
            <g class="tick">
                <line x1={n(x)} x2={n(x)} y1={n(AXIS_H - 4.0)} y2={n(height)} />
                <text x={n(x + 2.0)} y={n(AXIS_H - 8.0)}>{ label }</text>
            </g>
        }
    });
    let events = &*props.events.items();
    let lanes = geo.lanes.iter().enumerate().map(|(i, lane)| {
        let y = AXIS_H + i as f64 * (LANE_H + LANE_GAP);
        let task = lane.task;
        let onclick = {
            let (onselect, drag) = (props.onselect.clone(), drag.clone());
            Callback::from(move |_: MouseEvent| {
                if !std::mem::take(&mut drag.borrow_mut().moved) {
                    onselect.emit(task);
                }
            })
        };
        let onkey = {
            let onselect = props.onselect.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    onselect.emit(task);
                }
            })
        };
        let rects = lane.rects.iter().map(|r| {
            let tip = event_at(events, r.seq).map(|ev| words::event(ev, &folds.borrow().lookup)).unwrap_or_default();
            let class = classes!(
                "seg",
                r.state.class(),
                (r.state.is_finished() && r.w <= END_CAP).then_some("end-cap")
            );
            html! {
                <rect {class} x={n(LABEL_W + r.x)} y={n(y)} width={n(r.w)} height={n(LANE_H)}>
                    <title>{ tip }</title>
                </rect>
            }
        });
        let marks = lane.marks.iter().map(|m| {
            let tip = event_at(events, m.seq)
                .map(marker_tip)
                .unwrap_or_else(|| m.kind.label().into());
            html! {
                <path class={classes!("marker", m.kind.class())} d={marker_path(m.kind, LABEL_W + m.x, y, LANE_H)}>
                    <title>{ format!("{}: {tip}", m.kind.label()) }</title>
                </path>
            }
        });
        let selected = props.selected == Some(task);
        let lane_lints: Vec<&str> = crate::lints::of_task(props.lints.lints(), task)
            .map(|l| l.message.as_str())
            .collect();
        html! {
            <g class={classes!("lane", selected.then_some("selected"))} data-task={lane.name.to_string()}
               tabindex="0" role="button" aria-label={format!("Select {}", lane.name)}
               {onclick} onkeydown={onkey}>
                <rect class="lane-bg" x="0" y={n(y - LANE_GAP / 2.0)} width={n(LABEL_W + PLOT_W)} height={n(LANE_H + LANE_GAP)} />
                <text class="lane-label" x="4" y={n(y + LANE_H - 4.0)}>{ lane.name.to_string() }</text>
                if !lane_lints.is_empty() {
                    <text class="lane-lint" x={n(LABEL_W - 14.0)} y={n(y + LANE_H - 4.0)}>
                        { "\u{26a0}" }
                        <title>{ lane_lints.join("\n") }</title>
                    </text>
                }
                { for rects }
                { for marks }
            </g>
        }
    });
    let now_x = LABEL_W + win.x(props.now);
    let now_line = (props.now >= start && props.now <= end).then(|| {
        html! { <line class="now-line" x1={n(now_x)} x2={n(now_x)} y1="0" y2={n(height)} /> }
    });
    let body = if folds.borrow().timeline.lanes.is_empty() {
        html! { <p class="empty">{ "No tasks yet: the timeline fills in as the loop runs." }</p> }
    } else {
        html! {
            <svg ref={svg_ref} class="timeline" role="group" aria-label="Task lanes"
                 viewBox={format!("0 0 {} {}", n(LABEL_W + PLOT_W + PAD_R), n(height))}
                 preserveAspectRatio="xMinYMin meet">
                { for axis }
                { for lanes }
                { for now_line }
            </svg>
        }
    };
    html! {
        <section class="panel timeline-panel" aria-label="Timeline">
            <h2 class="panel-title">{ "Timeline" }</h2>
            <div class="panel-toolbar" role="toolbar" aria-label="Zoom and pan the timeline">
                { button("Pan earlier", "← or Shift+wheel on the timeline", "◀", pan_left) }
                { button("Zoom in", "+ or Ctrl+wheel on the timeline", "+", zoom_in) }
                { button("Zoom out", "− or Ctrl+wheel on the timeline", "−", zoom_out) }
                { button("Pan later", "→ or Shift+wheel on the timeline", "▶", pan_right) }
                { button("Show everything", "the whole run", "⤢", fit) }
                <button type="button" class="follow" aria-pressed={view.follow.to_string()}
                        onclick={toggle_follow} title="Keep the present in view (the zoom buttons keep it; panning or zooming at the pointer turns it off)">
                    { "Follow" }
                </button>
                if !folds.borrow().timeline.lanes.is_empty() {
                    { legend() }
                }
                <span class="timeline-window">{ format!("t = {} … {}", words::time(start), words::time(end)) }</span>
            </div>
            <div class="timeline-scroll" tabindex="0" {onwheel} {onkeydown}
                 {onmousedown} {onmousemove} {onmouseup}
                 aria-label="Timeline: drag or arrow keys pan, + and − zoom, ctrl+wheel zooms">
                { body }
            </div>
            if geo.hidden > 0 {
                <p class="timeline-more">{ format!("+{} more tasks", geo.hidden) }</p>
            }
        </section>
    }
}
