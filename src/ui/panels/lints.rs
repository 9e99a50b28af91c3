//! The Lints panel: each asyncio mistake of the run (tokio-console's warnings view): its
//! kind, the task (selects it), the line (jumps the editor there), the sentence, a docs link.

use std::rc::Rc;

use crate::lints::{Lint, Linter};
use crate::runtime::TaskId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LintsProps {
    pub lints: Rc<Linter>,
    /// A task name was clicked.
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
    /// A line number was clicked.
    #[prop_or_default]
    pub ongoto: Callback<u32>,
}

/// A program line as the reader sees it (an embed with hidden setup lines provides the map).
fn line_label(lines: Option<&crate::share::LineMap>, n: u32) -> String {
    lines.map_or_else(|| n.to_string(), |m| m.label(n))
}

fn item(l: &Lint, props: &LintsProps, lines: Option<&crate::share::LineMap>) -> Html {
    let task = l.task.zip(l.task_name.clone()).map(|(t, name)| {
        let onclick = props.onselect.reform(move |_: MouseEvent| t);
        html! {
            <button type="button" class="link-button lint-task" {onclick}
                    aria-label={format!("Select {name}")}>{ name.to_string() }</button>
        }
    });
    let line = l.line.map(|n| {
        let onclick = props.ongoto.reform(move |_: MouseEvent| n);
        html! {
            <button type="button" class="link-button lint-line" {onclick}
                    aria-label={format!("Go to line {}", line_label(lines, n))}>{ format!("line {}", line_label(lines, n)) }</button>
        }
    });
    html! {
        <li class={classes!("lint", format!("lint-{}", l.kind.code()))} data-kind={l.kind.code()}
            data-line={l.line.map(|n| n.to_string()).unwrap_or_default()}>
            <div class="lint-head">
                <span class="chip lint-kind">{ l.kind.title() }</span>
                { for task }
                { for line }
                <span class="lint-when">{ format!("t={:.3}", l.time) }</span>
            </div>
            <p class="lint-message">{ l.message.clone() }</p>
            <a class="lint-docs" href={l.docs_url()} target="_blank" rel="noopener noreferrer">
                { "asyncio docs" }
            </a>
        </li>
    }
}

/// Lists the lints found so far (empty before a run and for a clean program).
#[component]
pub fn LintsPanel(props: &LintsProps) -> Html {
    let lines = use_context::<std::rc::Rc<crate::share::LineMap>>();
    let lints = props.lints.lints();
    let body = if lints.is_empty() {
        html! { <p class="empty">{ "No asyncio mistakes found in this run so far." }</p> }
    } else {
        html! { <ul class="lint-list">{ for lints.iter().map(|l| item(l, props, lines.as_deref())) }</ul> }
    };
    html! {
        <section class="panel lints-panel" aria-label="Lints">
            <h2 class="panel-title">
                { "Lints " }
                <span class={classes!("badge", (!lints.is_empty()).then_some("badge-warn"))}
                      aria-label={format!("{} lints", lints.len())}>{ lints.len().to_string() }</span>
            </h2>
            { body }
        </section>
    }
}
