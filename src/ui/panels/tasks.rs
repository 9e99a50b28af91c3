//! The task pane: one row per task (state, marks, line, what it awaits, result, loop
//! times, Cancel), filtered and virtualised: only the rows in view are in the DOM.

use std::rc::Rc;

use crate::runtime::{TaskId, TaskState};
use crate::ui::hooks::{use_playground, Playground};
use crate::ui::model::event_log::visible_range;
use crate::ui::model::filter::Passing;
use crate::ui::model::task_table::{shown, state_from_value, state_value, TaskFilter};
use crate::ui::model::StateKind;
use crate::ui::state::LimitNotice;
use crate::ui::tasks::{describe_wait, TaskRow, SLOW_STEP};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Every row is this tall (the virtualisation depends on it; `www/panels.css` agrees).
pub const TASK_ROW_HEIGHT: f64 = 30.0;
const OVERSCAN: usize = 6;

/// The marks after the state chip: cancel requested, blocking the loop, the exception, the
/// limit that stopped the run in this task.
fn marks(r: &TaskRow, now: f64, limit: Option<&LimitNotice>) -> Html {
    let limit = limit.filter(|n| n.task == Some(r.id)).map(|n| {
        html! {
            <span class="chip mark mark-limit" title={n.message.clone()}>
                { format!("stopped: {}", n.label) }
            </span>
        }
    });
    let cancel = r.cancel_requested().then(|| html! {
        <span class="chip mark mark-cancel" title="cancel() accepted; CancelledError not delivered yet">
            { "cancel requested" }
        </span>
    });
    let blocking = if r.blocking(now) {
        let why = if r.paused {
            "Running without awaiting: its step used up the instruction budget, so the loop can run nothing else until it awaits".to_string()
        } else {
            format!("Running for more than {SLOW_STEP} s of loop time without awaiting: nothing else can run")
        };
        Some(
            html! { <span class="chip mark mark-blocking" title={why}>{ "blocking the loop" }</span> },
        )
    } else if r.blocked_before() {
        let why = format!(
            "One step ran {:.3} s of loop time without awaiting (over CPython's slow_callback_duration of {SLOW_STEP} s)",
            r.longest_step
        );
        Some(
            html! { <span class="chip mark mark-blocked" title={why}>{ "blocked the loop" }</span> },
        )
    } else {
        None
    };
    let exception = matches!(r.state, TaskState::Failed).then(|| {
        let what = r.outcome.clone().unwrap_or_else(|| "an exception".into());
        let (label, why) = if r.exception_retrieved {
            ("exception", format!("Raised {what}; retrieved"))
        } else {
            (
                "unretrieved",
                format!("Raised {what}; nobody has retrieved the exception yet (asyncio logs \"Task exception was never retrieved\" when such a task is dropped)"),
            )
        };
        html! { <span class="chip mark mark-exception" title={why}>{ label }</span> }
    });
    html! { <>{ for limit }{ for cancel }{ for blocking }{ for exception }</> }
}

/// The Cancel buttons clicked in run `.0`: (task, its cancel count then). View state: the
/// loop answers with a cancel request in the trace, unless a task that never awaits keeps
/// the loop from running the request.
type CancelsSent = (u32, Rc<Vec<(u32, u32)>>);

/// `lines`: an embed's map from program lines to the lines its reader sees (hidden setup).
fn task_row(
    pg: &Playground,
    r: &TaskRow,
    pos: usize,
    rows: &[TaskRow],
    selected: bool,
    lines: Option<&crate::share::LineMap>,
    sent: &UseStateHandle<CancelsSent>,
) -> Html {
    let now = pg.shown().time;
    let runs = pg.state().runs;
    // Clicked while the loop is stuck in this task, which has not taken the request since
    // (its cancel count is what it was at the click).
    let waiting = sent.0 == runs
        && sent.1.contains(&(r.id, r.cancelling))
        && r.blocking(now)
        && !r.is_finished();
    let on_cancel = {
        let (pg, id, sent, at) = (pg.clone(), r.id, sent.clone(), r.cancelling);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let runs = pg.state().runs;
            let mut ids = if sent.0 == runs {
                (*sent.1).clone()
            } else {
                Vec::new()
            };
            ids.push((id, at));
            sent.set((runs, Rc::new(ids)));
            pg.cancel(id)
        })
    };
    let on_select = {
        let (pg, id) = (pg.clone(), r.id);
        Callback::from(move |_: MouseEvent| pg.select(Some(TaskId(id))))
    };
    // The lints (asyncio mistakes) this task is part of, as one counted mark.
    let lints = pg.shown().lints.clone();
    let own: Vec<_> = crate::lints::of_task(lints.lints(), TaskId(r.id)).collect();
    let lint_mark = (!own.is_empty()).then(|| {
        let kinds = own.iter().map(|l| l.kind.code()).collect::<Vec<_>>().join(" ");
        let title = own.iter().map(|l| l.message.as_str()).collect::<Vec<_>>().join("\n");
        html! {
            <span class="chip mark mark-lint" data-kinds={kinds} {title}>{ format!("\u{26a0} {}", own.len()) }</span>
        }
    });
    let waits = match &r.state {
        TaskState::Awaiting(t) => describe_wait(&t.what, rows),
        _ => String::new(),
    };
    let line = r.line.map(|l| {
        let pg = pg.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            pg.go_to_line(l)
        });
        // An embed's hidden setup line has no number the reader sees: a dash says so.
        let shown = match lines.map(|m| m.shown(l)) {
            Some(crate::share::program::Shown::Hidden) => None,
            Some(crate::share::program::Shown::Visible(n)) => Some(n),
            None => Some(l),
        };
        let (text, tip) = match shown {
            Some(n) => (n.to_string(), format!("Show line {n} in the editor")),
            None => ("–".to_string(), "In hidden setup code".to_string()),
        };
        html! {
            <button type="button" class="link-button goto-line" {onclick}
                aria-label={format!("{tip} ({})", r.name)} title={tip}>{ text }</button>
        }
    });
    let class = classes!(
        "task-grid",
        "task-row",
        r.is_finished().then_some("finished"),
        r.cancel_requested().then_some("cancel-requested"),
        r.blocking(now).then_some("blocking"),
        selected.then_some("selected")
    );
    let outcome = r.outcome.clone().unwrap_or_default();
    html! {
        <div {class} role="row" aria-rowindex={(pos + 2).to_string()} data-task={r.name.to_string()}
             style={format!("top:{}px", pos as f64 * TASK_ROW_HEIGHT)} onclick={on_select.clone()}
             title="Click for details: who cancelled it and why, its lints">
            <span role="cell" class="task-name">
                <button type="button" class="link-button" onclick={on_select}
                    aria-label={format!("Select {}", r.name)} title="Highlight this task in every view">
                    { r.name.to_string() }
                </button>
            </span>
            <span role="cell" class="task-state">
                <span class={classes!("chip", format!("state-{}", r.state_label().to_lowercase()))}>
                    { r.state_label() }
                </span>
                { marks(r, now, pg.state().limit.as_ref()) }
                { for lint_mark }
            </span>
            <span role="cell" class="task-line">{ for line }</span>
            <span role="cell" class="task-waits" title={waits.clone()}>{ waits }</span>
            <span role="cell" class={classes!("task-outcome", matches!(r.state, TaskState::Failed).then_some("failed"))}
                title={outcome.clone()}>{ outcome }</span>
            <span role="cell" class="task-time">{ format!("{:.3}", r.created_at) }</span>
            <span role="cell" class="task-time">{ r.finished_at.map(|t| format!("{t:.3}")).unwrap_or_default() }</span>
            <span role="cell" class="task-cancel">
                if !r.is_finished() && pg.state().history.past.is_none() && waiting {
                    <button class="btn btn-small cancel-task cancel-sent" disabled=true
                        aria-label={format!("Cancel of {} sent: it waits for the loop", r.name)}
                        title="Sent: task.cancel() runs when the loop gets control back. A task that never awaits never gives it back; Stop ends the program">
                        { "Sent" }
                    </button>
                } else if !r.is_finished() && pg.state().history.past.is_none() {
                    <button class="btn btn-small cancel-task" onclick={on_cancel}
                        aria-label={format!("Cancel {}", r.name)}
                        title="task.cancel(): CancelledError is thrown in at its next await">
                        { "Cancel" }
                    </button>
                }
            </span>
        </div>
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct TasksPanelProps {
    /// The filter bar's verdict per task (`model::filter`); default: every task.
    #[prop_or_default]
    pub passing: Rc<Passing>,
    /// The filter bar's state choice, where the page has a filter bar (the app): the panel
    /// then has no State menu of its own (two menus for one question confused readers).
    /// `None`: no filter bar (an embed), the panel offers its own.
    #[prop_or_default]
    pub bar_state: Option<Option<StateKind>>,
}

/// Lists the program's tasks (empty until a run creates some).
#[component]
pub fn TasksPanel(props: &TasksPanelProps) -> Html {
    let pg = use_playground();
    let lines = use_context::<std::rc::Rc<crate::share::LineMap>>();
    let filter = use_state(TaskFilter::default);
    let sent = use_state(CancelsSent::default);
    let scroll_top = use_state(|| 0.0f64);
    let height = use_state(|| 400.0f64);
    let viewport = use_node_ref();
    // The viewport's height decides how many rows to draw, no more than the window shows
    // whatever the layout lets the viewport grow to. Read when it resizes (a ResizeObserver
    // fires after layout), not after each render: reading it then forced a layout of the
    // whole page per frame (150 ms with a long console).
    {
        let (viewport, height) = (viewport.clone(), height.clone());
        use_effect_with((), move |_| {
            let el = viewport.cast::<Element>();
            let measure = {
                let el = el.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let Some(el) = &el else { return };
                    let window = web_sys::window()
                        .and_then(|w| w.inner_height().ok())
                        .and_then(|h| h.as_f64())
                        .unwrap_or(1000.0);
                    let h = (el.client_height() as f64).min(window);
                    if h > 0.0 {
                        height.set(h);
                    }
                })
            };
            let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, &el) {
                o.observe(el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(measure);
            }
        });
    }
    let rows = pg
        .as_ref()
        .map(|pg| pg.shown().tasks.clone())
        .unwrap_or_default();
    // A finished state chosen in the bar shows its rows even with finished rows hidden, as
    // the panel's own menu does (`TaskFilter::matches`).
    let filter_now = TaskFilter {
        state: props.bar_state.unwrap_or(filter.state),
        ..*filter
    };
    let indices = {
        let (rows, passing) = (rows.clone(), props.passing.clone());
        use_memo(
            (
                Rc::as_ptr(&rows) as usize,
                rows.len(),
                filter_now,
                Rc::as_ptr(&passing) as usize,
            ),
            move |(_, _, f, _)| {
                let mut v = shown(&rows, f);
                if !passing.all() {
                    v.retain(|&i| passing.task(TaskId(i)));
                }
                v
            },
        )
    };
    let Some(pg) = pg else {
        return html! {};
    };
    let state = pg.shown();
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |e: Event| {
            scroll_top.set(e.target_unchecked_into::<Element>().scroll_top() as f64)
        })
    };
    let on_finished = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let show_finished = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(TaskFilter {
                show_finished,
                ..*filter
            });
        })
    };
    let on_state = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(TaskFilter {
                state: state_from_value(&v),
                ..*filter
            });
        })
    };
    let range = visible_range(
        indices.len(),
        *scroll_top,
        *height,
        TASK_ROW_HEIGHT,
        OVERSCAN,
    );
    let drawn = indices[range.clone()]
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let r = rows.get(i as usize)?;
            let selected = state.selected == Some(TaskId(r.id));
            Some(task_row(
                &pg,
                r,
                range.start + k,
                &rows,
                selected,
                lines.as_deref(),
                &sent,
            ))
        });
    let state_options = StateKind::ALL.iter().map(|k| {
        html! {
            <option value={state_value(Some(*k))} selected={filter.state == Some(*k)}>{ k.label() }</option>
        }
    });
    let body = if rows.is_empty() {
        html! { <p class="empty">{ "No tasks yet. Press Run to start the event loop." }</p> }
    } else if indices.is_empty() {
        html! { <p class="empty">{ "No task matches the filters." }</p> }
    } else {
        html! {}
    };
    html! {
        <section class="panel tasks-panel" aria-label="Tasks">
            <h2 class="panel-title">{ format!("Tasks · t={:.3} · iteration {}", state.time, state.iteration) }</h2>
            <div class="panel-toolbar" role="toolbar" aria-label="Filter the tasks">
                <label class="check" title="Keep rows of done, failed and cancelled tasks (greyed)">
                    <input type="checkbox" class="tasks-show-finished" checked={filter.show_finished}
                        onchange={on_finished} />
                    { " Show finished" }
                </label>
                if props.bar_state.is_none() {
                    <label>
                        { "State " }
                        <select class="tasks-filter-state" onchange={on_state} aria-label="Show tasks in state"
                            title="Only tasks in one lifecycle state">
                            <option value="" selected={filter.state.is_none()}>{ "all states" }</option>
                            { for state_options }
                        </select>
                    </label>
                }
                <span class="tasks-count" aria-live="polite">{ format!("{} of {}", indices.len(), rows.len()) }</span>
            </div>
            <div class="tasks-viewport" ref={viewport} tabindex="0" {onscroll} aria-label="Task rows (scroll)">
                <div class="task-table" role="table" aria-label="Tasks" aria-rowcount={(indices.len() + 1).to_string()}>
                    <div class="task-grid task-head" role="row" aria-rowindex="1">
                        <span role="columnheader" class="task-name">{ "Task" }</span>
                        <span role="columnheader" class="task-state">{ "State" }</span>
                        <span role="columnheader" class="task-line">{ "Line" }</span>
                        <span role="columnheader" class="task-waits">{ "Awaiting" }</span>
                        <span role="columnheader" class="task-outcome">{ "Result" }</span>
                        <span role="columnheader" class="task-time" title="Loop time the task was created">{ "Created" }</span>
                        <span role="columnheader" class="task-time" title="Loop time the task finished">{ "Finished" }</span>
                        <span role="columnheader" class="task-cancel"><span class="visually-hidden">{ "Cancel" }</span></span>
                    </div>
                    { body }
                    <div class="tasks-spacer" role="rowgroup"
                         style={format!("height:{}px", indices.len() as f64 * TASK_ROW_HEIGHT)}>
                        { for drawn }
                    </div>
                </div>
            </div>
        </section>
    }
}
