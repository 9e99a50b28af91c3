//! The event loop itself: loop time, iteration, the ready queue front to back (which
//! callback, for which task) and the timer heap earliest first (deadline, what it wakes).

use std::rc::Rc;

use crate::runtime::{Scheduled, TaskId};
use crate::ui::model::{words, Lookup};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventLoopProps {
    /// `Loop::time()`.
    pub time: f64,
    /// `Loop::iteration()`.
    pub iteration: u64,
    /// `Loop::ready_queue()`.
    pub ready: Rc<Vec<Scheduled>>,
    /// `Loop::timers()`.
    pub timers: Rc<Vec<(f64, Scheduled)>>,
    /// Task names by `TaskId` (the task rows' names).
    pub names: Rc<Vec<Rc<str>>>,
    /// A task named in an entry was clicked.
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
    /// Entries listed per queue at most; the rest are counted.
    #[prop_or(200)]
    pub max_rows: usize,
}

fn entry(s: &Scheduled, lk: &Lookup, onselect: &Callback<TaskId>) -> Html {
    let text = words::scheduled(s, lk);
    let kind = words::scheduled_kind(s);
    let body = match words::scheduled_task(s) {
        Some(t) => {
            let onclick = onselect.reform(move |_: MouseEvent| t);
            html! {
                <button type="button" class="link-button" {onclick}
                        aria-label={format!("{text}: select {}", lk.name(t))}>{ text }</button>
            }
        }
        None => html! { <span>{ text }</span> },
    };
    html! {
        <>
            <span class={classes!("chip", "sched-kind", format!("sched-{kind}"))}>{ kind }</span>
            { body }
        </>
    }
}

#[component]
pub fn EventLoopPanel(props: &EventLoopProps) -> Html {
    let lookup = {
        let names = props.names.clone();
        use_memo(Rc::as_ptr(&props.names) as usize, move |_| {
            Lookup::from_names(names.iter().cloned())
        })
    };
    let max = props.max_rows;
    let ready = props.ready.iter().take(max).enumerate().map(|(i, s)| {
        html! {
            <li class="ready-entry" data-kind={words::scheduled_kind(s)}>
                <span class="pos">{ format!("{}.", i + 1) }</span>
                { entry(s, &lookup, &props.onselect) }
            </li>
        }
    });
    let timers = props.timers.iter().take(max).map(|(when, s)| {
        let due = when - props.time;
        html! {
            <li class="timer-entry" data-kind={words::scheduled_kind(s)}>
                <span class="deadline" title={format!("due in {}", words::time(due.max(0.0)))}>
                    { format!("t={}", words::time(*when)) }
                </span>
                { entry(s, &lookup, &props.onselect) }
            </li>
        }
    });
    let more = |len: usize| {
        (len > max).then(|| html! { <p class="more">{ format!("+{} more", len - max) }</p> })
    };
    html! {
        <section class="panel event-loop-panel" aria-label="Event loop">
            <h2 class="panel-title">{ "Event loop" }</h2>
            <dl class="loop-stats">
                <dt>{ "Loop time" }</dt><dd class="loop-time">{ words::time(props.time) }</dd>
                <dt>{ "Iteration" }</dt><dd class="loop-iteration">{ props.iteration.to_string() }</dd>
            </dl>
            <div class="loop-queues">
                <div class="loop-queue">
                    <h3>{ format!("Ready queue ({})", props.ready.len()) }</h3>
                    if props.ready.is_empty() {
                        <p class="empty">{ "Nothing ready." }</p>
                    } else {
                        <ol class="ready-queue" aria-label="Ready queue, front first">{ for ready }</ol>
                    }
                    { for more(props.ready.len()) }
                </div>
                <div class="loop-queue">
                    <h3>{ format!("Timers ({})", props.timers.len()) }</h3>
                    if props.timers.is_empty() {
                        <p class="empty">{ "No timers." }</p>
                    } else {
                        <ol class="timer-heap" aria-label="Timers, earliest first">{ for timers }</ol>
                    }
                    { for more(props.timers.len()) }
                </div>
            </div>
        </section>
    }
}
