//! The Resources panel: every Lock, Event, Semaphore, Condition, Queue and pending
//! `loop.create_future()` of the running loop, named by its variable where the source says
//! it, with its state, holder and the tasks waiting on it in order.

use std::rc::Rc;

use crate::lang::span::LineTable;
use crate::runtime::{FutureView, ResourceView, TaskId};
use crate::ui::model::resources::{future_rows, rows};
use crate::ui::model::Lookup;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResourcesProps {
    /// `Loop::resources()` after the latest slice.
    pub resources: Rc<Vec<ResourceView>>,
    /// `Loop::pending_futures()` after the latest slice.
    #[prop_or_default]
    pub futures: Rc<Vec<FutureView>>,
    /// Task names by `TaskId`.
    pub names: Rc<Vec<Rc<str>>>,
    /// The program (for variable names).
    pub code: Rc<str>,
    /// A task named in a row was clicked.
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
}

#[component]
pub fn ResourcesPanel(props: &ResourcesProps) -> Html {
    let lines = {
        let code = props.code.clone();
        use_memo(code, |code| LineTable::new(code))
    };
    let lk = Lookup::from_names(props.names.iter().cloned());
    let mut list = rows(&props.resources, &props.code, &lines, &lk);
    list.extend(future_rows(&props.futures, &props.code, &lines, &lk));
    let task = |t: TaskId, name: String| {
        let onclick = props.onselect.reform(move |_: MouseEvent| t);
        html! {
            <button type="button" class="link-button" {onclick}
                    aria-label={format!("Select {name}")}>{ name }</button>
        }
    };
    let body = if list.is_empty() {
        html! { <p class="empty">{ "No locks, events, semaphores, conditions, queues or pending futures in this loop." }</p> }
    } else {
        html! {
            <table class="resource-table">
                <thead><tr><th>{ "Resource" }</th><th>{ "State" }</th><th>{ "Holder" }</th><th>{ "Waiting, in order" }</th></tr></thead>
                <tbody>
                    { for list.into_iter().map(|r| html! {
                        <tr class="resource-row" data-kind={r.kind} data-label={r.label.clone()}>
                            <td class="resource-label">{ r.label.clone() }</td>
                            <td class="resource-state">{ r.state.clone() }</td>
                            <td>{ for r.holder.map(|t| task(t, lk.name(t))) }</td>
                            <td class="resource-waiters">
                                { for r.waiters.into_iter().map(|(t, name)| task(t, name)) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <section class="panel resources-panel" aria-label="Resources">
            <h2 class="panel-title">{ "Resources" }</h2>
            { body }
        </section>
    }
}
