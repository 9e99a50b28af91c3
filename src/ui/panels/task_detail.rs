//! The selected task in detail: its state and result, who cancelled it and why (each cancel
//! request as a provenance chain), its lints, and only its own output and events.

use crate::ui::model::append_log::AppendLog;
use std::collections::HashMap;
use std::rc::Rc;

use crate::lang::span::LineTable;
use crate::lints::{self, Linter};
use crate::runtime::{TaskId, TaskState, TraceEvent};
use crate::ui::model::provenance::{self, Context, Requests};
use crate::ui::model::words::{self, Lookup};
use crate::ui::state::{ConsoleLine, Stream};
use crate::ui::tasks::TaskRow;
use yew::prelude::*;

#[derive(Properties)]
pub struct TaskDetailProps {
    pub task: TaskId,
    pub rows: Rc<Vec<TaskRow>>,
    pub events: AppendLog<TraceEvent>,
    pub lints: Rc<Linter>,
    /// The program (for line numbers in the words).
    pub code: Rc<str>,
    /// The run's console (the blocks this task printed are shown).
    #[prop_or_default]
    pub console: Rc<Vec<ConsoleLine>>,
    #[prop_or_default]
    pub onclose: Callback<()>,
}

/// The task's events drawn at most (the newest); the rest are counted.
const MAX_EVENTS: usize = 200;

impl PartialEq for TaskDetailProps {
    fn eq(&self, other: &Self) -> bool {
        self.task == other.task
            && Rc::ptr_eq(&self.rows, &other.rows)
            && self.events.key() == other.events.key()
            && Rc::ptr_eq(&self.lints, &other.lints)
            && self.code == other.code
            && Rc::ptr_eq(&self.console, &other.console)
            && self.onclose == other.onclose
    }
}

#[component]
pub fn TaskDetailPanel(props: &TaskDetailProps) -> Html {
    let key = props.events.key();
    let requests = {
        let events = props.events.clone();
        use_memo(key, move |_| Requests::from_events(&events.items()))
    };
    let lines = {
        let code = props.code.clone();
        use_memo(code, |code| LineTable::new(code))
    };
    // This task's events (indices into the trace) and the names to word them.
    let own_events = {
        let events = props.events.clone();
        use_memo((key, props.task), move |(_, t)| {
            let items = events.items();
            let idx: Vec<u32> = items
                .iter()
                .enumerate()
                .filter(|(_, ev)| ev.task == *t)
                .map(|(i, _)| i as u32)
                .collect();
            (idx, Lookup::from_events(&items))
        })
    };
    let Some(row) = props.rows.get(props.task.0 as usize) else {
        return html! {};
    };
    // How failed tasks failed, for "when Task-4 failed with ValueError".
    let failures: HashMap<u32, String> = props
        .rows
        .iter()
        .filter(|r| matches!(r.state, TaskState::Failed))
        .filter_map(|r| Some((r.id, r.outcome.clone()?)))
        .collect();
    let cx = Context {
        lines: Some(&lines),
        failures: Some(&failures),
    };
    let chains = provenance::of_task(&requests, props.task, cx);
    let cancels = if chains.is_empty() {
        html! { <p class="empty">{ "No cancel requests." }</p> }
    } else {
        html! {
            <ul class="provenance">
                { for chains.iter().map(|chain| html! {
                    <li>
                        <ol class="provenance-chain">
                            { for chain.iter().enumerate().map(|(i, words)| html! {
                                <li class={classes!((i > 0).then_some("because"))}>{ words.clone() }</li>
                            }) }
                        </ol>
                    </li>
                }) }
            </ul>
        }
    };
    let own: Vec<_> = lints::of_task(props.lints.lints(), props.task).collect();
    let lint_list = if own.is_empty() {
        html! { <p class="empty">{ "No lints." }</p> }
    } else {
        html! {
            <ul class="task-lints">
                { for own.iter().map(|l| html! {
                    <li data-kind={l.kind.code()}>
                        <strong>{ l.kind.title() }</strong>
                        { l.line.map(|n| format!(" (line {n})")).unwrap_or_default() }
                        { ": " }{ l.message.clone() }
                    </li>
                }) }
            </ul>
        }
    };
    let output: Vec<&ConsoleLine> = props
        .console
        .iter()
        .filter(|l| l.task == Some(props.task))
        .collect();
    let output_view = if output.is_empty() {
        html! { <p class="empty">{ "It printed nothing." }</p> }
    } else {
        html! {
            <div class="console task-output" role="log" aria-label={format!("Output of {}", row.name)}>
                { for output.iter().map(|l| {
                    let class = if l.stream == Stream::Stderr { "line err" } else { "line out" };
                    html! { <div {class}>{ l.text.clone() }</div> }
                }) }
            </div>
        }
    };
    let (idx, lookup) = &*own_events;
    let items = props.events.items();
    let skipped = idx.len().saturating_sub(MAX_EVENTS);
    let event_rows = idx[skipped..].iter().filter_map(|&i| {
        let ev = items.get(i as usize)?;
        Some(html! {
            <li data-seq={ev.seq.to_string()}>
                <span class="log-time">{ words::time(ev.time) }</span>
                <span class="log-change">{ words::change(ev) }</span>
                <span class="log-reason">{ words::reason(ev, lookup) }</span>
            </li>
        })
    });
    let events_view = html! {
        <>
            if skipped > 0 {
                <p class="note">{ format!("The newest {MAX_EVENTS} of {} events:", idx.len()) }</p>
            }
            <ol class="task-events" aria-label={format!("Events of {}", row.name)}>{ for event_rows }</ol>
        </>
    };
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <section class="panel task-detail" aria-label={format!("Details of {}", row.name)}>
            <h2 class="panel-title">
                { row.name.to_string() }
                <button type="button" class="icon-button task-detail-close" onclick={onclose}
                        aria-label="Close the task details" title="Close">{ "×" }</button>
            </h2>
            <dl class="task-facts">
                <dt>{ "State" }</dt><dd>{ row.state_label() }</dd>
                <dt>{ "Line" }</dt><dd>{ row.line.map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</dd>
                <dt>{ "Result" }</dt><dd>{ row.outcome.clone().unwrap_or_else(|| "–".into()) }</dd>
            </dl>
            <h3>{ "Cancellation" }</h3>
            { cancels }
            <h3>{ "Lints" }</h3>
            { lint_list }
            <h3>{ format!("Output ({})", output.len()) }</h3>
            { output_view }
            <h3>{ format!("Events ({})", idx.len()) }</h3>
            { events_view }
        </section>
    }
}
