//! The lifecycle diagram: the task state machine tutorials draw, made live: how many tasks
//! are in each state, and the transitions of the latest batch lit up.

use std::rc::Rc;

use crate::ui::model::lifecycle::{StateCounts, Transition, EDGES};
use crate::ui::model::StateKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LifecycleProps {
    /// Tasks per state now.
    pub counts: StateCounts,
    /// The latest batch's transitions (`model::lifecycle::transitions`).
    pub transitions: Rc<Vec<Transition>>,
}

const BOX_W: f64 = 96.0;
const BOX_H: f64 = 38.0;

/// Centre of each state's box: Created → Running along the top, the Running → Awaiting →
/// Scheduled → Running cycle as a triangle below, the three ends on the right.
fn pos(k: StateKind) -> (f64, f64) {
    match k {
        StateKind::Created => (70.0, 40.0),
        StateKind::Running => (260.0, 40.0),
        StateKind::Scheduled => (165.0, 150.0),
        StateKind::Awaiting => (355.0, 150.0),
        StateKind::Done => (485.0, 30.0),
        StateKind::Failed => (485.0, 95.0),
        StateKind::Cancelled => (485.0, 160.0),
    }
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The edge's ends on the two boxes' borders, moved aside when the reverse edge exists too.
fn edge_line(from: StateKind, to: StateKind) -> ((f64, f64), (f64, f64)) {
    let ((ax, ay), (bx, by)) = (pos(from), pos(to));
    let (dx, dy) = (bx - ax, by - ay);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let two_way = EDGES.contains(&(to, from));
    let off = if two_way { 6.0 } else { 0.0 };
    let (ox, oy) = (-uy * off, ux * off);
    // Distance from a box centre to its border along the direction.
    let t = (BOX_W / 2.0 / ux.abs().max(1e-9)).min(BOX_H / 2.0 / uy.abs().max(1e-9)) + 2.0;
    (
        (ax + ux * t + ox, ay + uy * t + oy),
        (bx - ux * (t + 4.0) + ox, by - uy * (t + 4.0) + oy),
    )
}

#[component]
pub fn LifecyclePanel(props: &LifecycleProps) -> Html {
    let lit = |from: StateKind, to: StateKind| {
        props
            .transitions
            .iter()
            .find(|t| t.from == from && t.to == to)
            .map(|t| t.count)
    };
    let edges = EDGES.iter().map(|&(from, to)| {
        let ((x1, y1), (x2, y2)) = edge_line(from, to);
        let count = lit(from, to);
        let label = count.map(|c| {
            html! {
                <text class="lc-edge-count" x={n((x1 + x2) / 2.0 + 4.0)} y={n((y1 + y2) / 2.0 - 4.0)}>
                    { format!("×{c}") }
                </text>
            }
        });
        html! {
            <g class={classes!("lc-edge", count.is_some().then_some("lit"))}
               data-from={from.label()} data-to={to.label()}>
                <line x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} marker-end="url(#lc-arrow)" />
                <title>{ format!("{} → {}", from.label(), to.label()) }</title>
                { for label }
            </g>
        }
    });
    let entered = |k: StateKind| props.transitions.iter().any(|t| t.to == k);
    let nodes = StateKind::ALL.iter().map(|&k| {
        let (cx, cy) = pos(k);
        let count = props.counts.get(k);
        html! {
            <g class={classes!("lc-node", k.class(), entered(k).then_some("lit"))}
               data-state={k.label()}>
                <rect x={n(cx - BOX_W / 2.0)} y={n(cy - BOX_H / 2.0)} width={n(BOX_W)} height={n(BOX_H)} rx="6" />
                <text class="lc-label" x={n(cx)} y={n(cy - 3.0)} text-anchor="middle">{ k.label() }</text>
                <text class="lc-count" x={n(cx)} y={n(cy + 13.0)} text-anchor="middle">{ count.to_string() }</text>
            </g>
        }
    });
    let summary = StateKind::ALL
        .iter()
        .map(|k| format!("{} {}", props.counts.get(*k), k.label()))
        .collect::<Vec<_>>()
        .join(", ");
    let list = props.transitions.iter().map(|t| {
        html! {
            <li class="lc-transition">
                { format!("{} → {} ×{}", t.from.label(), t.to.label(), t.count) }
            </li>
        }
    });
    html! {
        <section class="panel lifecycle-panel" aria-label="Task lifecycle">
            <h2 class="panel-title">{ "Lifecycle" }</h2>
            <svg class="lifecycle" viewBox="0 0 560 190" role="img"
                 aria-label={format!("Task states: {summary}")}>
                <defs>
                    <marker id="lc-arrow" viewBox="0 0 10 10" refX="8" refY="5"
                            markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse"
                            orient="auto-start-reverse">
                        <path d="M0 0 L10 5 L0 10 Z" />
                    </marker>
                </defs>
                { for edges }
                { for nodes }
            </svg>
            if props.transitions.is_empty() {
                <p class="lc-latest empty">{ "No transitions in the latest batch." }</p>
            } else {
                <div class="lc-latest">
                    <span class="lc-latest-title">{ "Latest batch:" }</span>
                    <ul class="lc-transitions">{ for list }</ul>
                </div>
            }
        </section>
    }
}
