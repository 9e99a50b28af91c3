//! The selected task in detail: its state and result, who cancelled it and why (each cancel
//! request as a provenance chain), and its lints.

use std::collections::HashMap;
use std::rc::Rc;

use crate::lang::span::LineTable;
use crate::lints::{self, Linter};
use crate::runtime::{TaskId, TaskState, TraceEvent};
use crate::ui::model::provenance::{self, Context, Requests};
use crate::ui::tasks::TaskRow;
use yew::prelude::*;

#[derive(Properties)]
pub struct TaskDetailProps {
    pub task: TaskId,
    pub rows: Rc<Vec<TaskRow>>,
    pub events: Rc<Vec<TraceEvent>>,
    pub lints: Rc<Linter>,
    /// The program (for line numbers in the words).
    pub code: Rc<str>,
    #[prop_or_default]
    pub onclose: Callback<()>,
}

impl PartialEq for TaskDetailProps {
    fn eq(&self, other: &Self) -> bool {
        self.task == other.task
            && Rc::ptr_eq(&self.rows, &other.rows)
            && Rc::ptr_eq(&self.events, &other.events)
            && self.events.len() == other.events.len()
            && Rc::ptr_eq(&self.lints, &other.lints)
            && self.code == other.code
            && self.onclose == other.onclose
    }
}

#[component]
pub fn TaskDetailPanel(props: &TaskDetailProps) -> Html {
    let key = (Rc::as_ptr(&props.events) as usize, props.events.len());
    let requests = {
        let events = props.events.clone();
        use_memo(key, move |_| Requests::from_events(&events))
    };
    let lines = {
        let code = props.code.clone();
        use_memo(code, |code| LineTable::new(code))
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
        </section>
    }
}
