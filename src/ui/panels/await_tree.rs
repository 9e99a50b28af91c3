//! The await tree: live tasks nested by who awaits whom, with gather, shield and TaskGroup
//! nodes and a state chip per task (`model::await_tree::snapshot` builds it).

use std::rc::Rc;

use crate::runtime::TaskId;
use crate::ui::model::await_tree::{AwaitNode, AwaitSnapshot, NodeKind};
use crate::ui::model::StateKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AwaitTreeProps {
    /// `model::await_tree::snapshot(&lp)`, taken per slice.
    pub snapshot: Rc<AwaitSnapshot>,
    /// A task was clicked.
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
    #[prop_or_default]
    pub selected: Option<TaskId>,
    /// Nodes drawn at most (10,000 live tasks stay a short list); the rest are counted.
    #[prop_or(400)]
    pub max_nodes: usize,
}

/// Nodes in a subtree.
fn size(n: &AwaitNode) -> usize {
    1 + n.children.iter().map(size).sum::<usize>()
}

/// Draws `nodes` while `budget` lasts, then one "+N more" item for the rest.
fn items(nodes: &[AwaitNode], props: &AwaitTreeProps, budget: &mut usize) -> Html {
    let mut out = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        if *budget == 0 {
            let rest: usize = nodes[i..].iter().map(size).sum();
            out.push(html! { <li class="node more">{ format!("+{rest} more") }</li> });
            break;
        }
        out.push(node(n, props, budget));
    }
    out.into_iter().collect()
}

fn node(n: &AwaitNode, props: &AwaitTreeProps, budget: &mut usize) -> Html {
    *budget -= 1;
    let (class, data, head) = match &n.kind {
        NodeKind::Task {
            id,
            name,
            state,
            group,
            cancelling,
        } => {
            let t = *id;
            let onclick = props.onselect.reform(move |_: MouseEvent| t);
            let head = html! {
                <>
                    <button type="button" class="link-button task-name" {onclick}
                            aria-label={format!("Select {name}")}>{ name.to_string() }</button>
                    <span class={classes!("chip", state.class())}>{ state.label() }</span>
                    if *cancelling > 0 && !state.is_finished() {
                        <span class="chip mark-cancel" title="cancel() accepted; CancelledError not delivered yet">
                            { "cancel requested" }
                        </span>
                    }
                    if let Some(g) = group {
                        <span class="chip group-chip">{ format!("in TaskGroup #{g}") }</span>
                    }
                    if n.in_cycle {
                        <span class="chip mark-cycle" title="This task waits, through others, for itself: none of them can finish">
                            { "\u{21bb} cycle" }
                        </span>
                    }
                    if n.in_cycle && n.children.is_empty() && *state == StateKind::Awaiting {
                        <span class="cycle-back">{ "(back where the cycle began)" }</span>
                    }
                </>
            };
            let selected = props.selected == Some(t);
            (
                classes!(
                    "node",
                    "node-task",
                    selected.then_some("selected"),
                    n.in_cycle.then_some("in-cycle")
                ),
                name.to_string(),
                head,
            )
        }
        NodeKind::Gather => (
            classes!("node", "node-gather"),
            "gather".into(),
            html! { <span class="node-label">{ "gather(...)" }</span> },
        ),
        NodeKind::Shield => (
            classes!("node", "node-shield"),
            "shield".into(),
            html! { <span class="node-label">{ "shield(...)" }</span> },
        ),
        NodeKind::TaskGroup { group } => (
            classes!("node", "node-group"),
            format!("TaskGroup #{group}"),
            html! { <span class="node-label">{ format!("TaskGroup #{group} (waiting for its tasks)") }</span> },
        ),
        NodeKind::Wait => (
            classes!("node", "node-wait"),
            "wait".into(),
            html! { <span class="node-label">{ "wait(...)" }</span> },
        ),
        NodeKind::Leaf { what } => (
            classes!("node", "node-leaf"),
            what.clone(),
            html! { <span class="node-label">{ format!("awaits {what}") }</span> },
        ),
    };
    let children = (!n.children.is_empty()).then(|| {
        html! { <ul>{ items(&n.children, props, budget) }</ul> }
    });
    let class = classes!(class, n.context.then_some("context"));
    html! {
        <li {class} data-name={data}>
            <div class="node-head">{ head }</div>
            { children }
        </li>
    }
}

#[component]
pub fn AwaitTreePanel(props: &AwaitTreeProps) -> Html {
    let roots = &props.snapshot.roots;
    let mut budget = props.max_nodes.max(1);
    html! {
        <section class="panel await-tree-panel" aria-label="Await tree">
            <h2 class="panel-title">{ "Await tree" }</h2>
            if !props.snapshot.cycle_words.is_empty() {
                <div class="await-cycles" role="alert">
                    <strong>{ "Tasks waiting on each other (they can never finish):" }</strong>
                    <ul>{ for props.snapshot.cycle_words.iter().map(|w| html! { <li class="cycle-words">{ w.clone() }</li> }) }</ul>
                </div>
            }
            if roots.is_empty() {
                <p class="empty">{ "No live tasks." }</p>
            } else {
                <ul class="await-tree" aria-label="Who awaits whom">
                    { items(roots, props, &mut budget) }
                </ul>
            }
        </section>
    }
}
