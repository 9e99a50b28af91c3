//! Two runs side by side: run A (pinned) over run B (the current one), their timelines on
//! one time scale, and the first point where they diverge in words.

use std::rc::Rc;

use yew::prelude::*;

use super::TimelinePanel;
use crate::lints::Linter;
use crate::runtime::TraceEvent;
use crate::ui::model::append_log::AppendLog;
use crate::ui::model::compare::{first_divergence, Divergence};
use crate::ui::rewind::Pinned;

/// Run B: what the current run made (cheap to compare: the trace by buffer and length).
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub pinned: Option<Rc<Pinned>>,
    pub trace: AppendLog<TraceEvent>,
    pub lints: Rc<Linter>,
    pub time: f64,
    pub runs: u32,
    /// The program B ran.
    pub code: Rc<str>,
}

#[component]
pub fn ComparePanel(props: &CompareProps) -> Html {
    // Hooks first, whatever is pinned (a hook must run on every render).
    let divergence = {
        let (a, b) = (props.pinned.clone(), props.trace.clone());
        use_memo((a.as_ref().map(|a| a.trace.key()), b.key()), move |_| {
            a.map(|a| first_divergence(&a.trace.items(), &b.items()))
        })
    };
    let (Some(a), Some(divergence)) = (props.pinned.clone(), (*divergence).clone()) else {
        return html! {
            <section class="panel compare-panel" aria-label="Compare">
                <h2 class="panel-title">{ "Compare" }</h2>
                <p class="empty" id="compare-empty">{ "Pin a run as A (above the timeline), then run again — or edit the program and run it — to compare the two here." }</p>
            </section>
        };
    };
    let b = props;
    let at = match &divergence {
        Divergence::At {
            iteration, task, ..
        } => {
            format!("first difference: iteration {iteration}, {task}")
        }
        Divergence::Same { .. } => "no difference".into(),
    };
    // One time scale for both, so the lanes line up.
    let now = a.time.max(b.time);
    let same_code = a.code == b.code;
    // In a panel like every other tab's (it sat on the page's background).
    html! {
        <section class="panel compare-panel" aria-label="Compare">
            <h2 class="panel-title">{ "Compare A and B" }</h2>
            <div class="compare" id="compare">
                <p class="compare-words" id="compare-words" role="status">{ divergence.words() }</p>
                <p class="compare-meta">{ format!("A: run {} · B: run {} · {} · {at}", a.runs, b.runs,
                    if same_code { "same program" } else { "the program changed" }) }</p>
                <div class="compare-lane" id="compare-a">
                    <h3 class="compare-title">{ format!("A (run {})", a.runs) }</h3>
                    <TimelinePanel events={a.trace.clone()} run={a.runs.wrapping_add(1 << 30)} {now}
                        lints={a.lints.clone()} code={a.code.clone()} />
                </div>
                <div class="compare-lane" id="compare-b">
                    <h3 class="compare-title">{ format!("B (run {})", b.runs) }</h3>
                    <TimelinePanel events={b.trace.clone()} run={b.runs} {now}
                        lints={b.lints.clone()} code={b.code.clone()} />
                </div>
            </div>
        </section>
    }
}
