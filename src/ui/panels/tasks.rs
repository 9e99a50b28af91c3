//! The task pane: one row per task with its lifecycle state, what it awaits, and when.

use crate::runtime::TaskState;
use crate::ui::hooks::use_playground;
use crate::ui::tasks::describe_wait;
use yew::prelude::*;

/// Lists the program's tasks (empty until a run creates some).
#[component]
pub fn TasksPanel() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let state = pg.state();
    let rows = state.tasks.clone();
    let body = if rows.is_empty() {
        html! { <p class="empty">{ "No tasks yet. Press Run to start the event loop." }</p> }
    } else {
        let lints = state.lints.clone();
        let trs = rows.iter().map(|r| {
            let on_select = {
                let (pg, id) = (pg.clone(), r.id);
                Callback::from(move |_: MouseEvent| pg.select(Some(crate::runtime::TaskId(id))))
            };
            let own: Vec<_> = crate::lints::of_task(lints.lints(), crate::runtime::TaskId(r.id)).collect();
            let on_cancel = {
                let (pg, id) = (pg.clone(), r.id);
                Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    pg.cancel(id)
                })
            };
            let waits = match &r.state {
                TaskState::Awaiting(t) => describe_wait(&t.what, &rows),
                _ => String::new(),
            };
            let class = classes!(
                "task-row",
                (state.selected == Some(crate::runtime::TaskId(r.id))).then_some("selected"),
                r.is_finished().then_some("finished"),
                r.cancel_requested().then_some("cancel-requested")
            );
            html! {
                <tr {class} data-task={r.name.to_string()} onclick={on_select}
                    title="Click for details: who cancelled it and why, its lints">
                    <td class="task-name">{ r.name.to_string() }</td>
                    <td>
                        <span class={classes!("chip", format!("state-{}", r.state_label().to_lowercase()))}>
                            { r.state_label() }
                        </span>
                        if r.cancel_requested() {
                            <span class="chip mark-cancel" title="cancel() accepted; CancelledError not delivered yet">
                                { "cancel requested" }
                            </span>
                        }
                        if !own.is_empty() {
                            <span class="chip mark-lint" data-kinds={own.iter().map(|l| l.kind.code()).collect::<Vec<_>>().join(" ")}
                                  title={own.iter().map(|l| l.message.as_str()).collect::<Vec<_>>().join("\n")}>
                                { format!("\u{26a0} {}", own.len()) }
                            </span>
                        }
                    </td>
                    <td class="task-line">{ r.line.map(|l| format!("line {l}")).unwrap_or_default() }</td>
                    <td class="task-waits">{ waits }</td>
                    <td class={classes!("task-outcome", matches!(r.state, TaskState::Failed).then_some("failed"))}
                        title={r.outcome.clone().unwrap_or_default()}>
                        { r.outcome.clone().unwrap_or_default() }
                    </td>
                    <td class="task-time">{ format!("{:.3}", r.created_at) }</td>
                    <td class="task-time">{ r.finished_at.map(|t| format!("{t:.3}")).unwrap_or_default() }</td>
                    <td>
                        if !r.is_finished() {
                            <button class="btn btn-small cancel-task" onclick={on_cancel}
                                aria-label={format!("Cancel {}", r.name)}
                                title="task.cancel(): CancelledError is thrown in at its next await">
                                { "Cancel" }
                            </button>
                        }
                    </td>
                </tr>
            }
        });
        html! {
            <table class="task-table">
                <thead><tr>
                    <th>{ "Task" }</th><th>{ "State" }</th><th>{ "Line" }</th>
                    <th>{ "Awaiting" }</th><th>{ "Result" }</th><th>{ "Created" }</th><th>{ "Finished" }</th><th></th>
                </tr></thead>
                <tbody>{ for trs }</tbody>
            </table>
        }
    };
    html! {
        <section class="panel tasks-panel" aria-label="Tasks">
            <h2 class="panel-title">{ format!("Tasks · t={:.3} · iteration {}", state.time, state.iteration) }</h2>
            <div class="tasks-body">{ body }</div>
        </section>
    }
}
