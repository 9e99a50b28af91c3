//! The app shell: header with the controls, the editor, and the views in tabs around it.

use std::rc::Rc;

use super::hooks::Playground;
use super::model::lifecycle::StateCounts;
use super::panels::{
    AwaitTreePanel, ComposerDialog, ConsolePanel, EditorPanel, EventLogPanel, EventLoopPanel,
    LifecyclePanel, LintsPanel, ResourcesPanel, Tab, Tabs, TaskDetailPanel, TasksPanel,
    TimelinePanel, Toolbar,
};
use super::state::{Action, State};
use crate::runtime::TaskId;
use yew::prelude::*;

/// The whole playground page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let theme = super::theme::load();
        super::theme::apply(theme);
        match super::storage::load_code() {
            Some(code) => State {
                code: code.into(),
                theme,
                ..State::default()
            },
            None => State {
                theme,
                ..State::default()
            },
        }
    });
    let onselect = {
        let state = state.clone();
        Callback::from(move |t: TaskId| state.dispatch(Action::Select { task: Some(t) }))
    };
    let ongoto = {
        let state = state.clone();
        Callback::from(move |line: u32| state.dispatch(Action::GoToLine { line }))
    };
    let onclose = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Select { task: None }))
    };
    let s: &State = &state;
    // The picked task in detail (its cancellations in words, its lints), under the table.
    let detail = s.selected.map(|task| {
        html! {
            <TaskDetailPanel {task} rows={s.tasks.clone()} events={s.trace.clone()}
                lints={s.lints.clone()} code={s.code.clone()} {onclose} />
        }
    });
    let names: Rc<Vec<Rc<str>>> = Rc::new(s.tasks.iter().map(|r| r.name.clone()).collect());
    let counts = StateCounts::from_states(s.tasks.iter().map(|r| &r.state));
    let views = vec![
        Tab {
            id: "tasks",
            label: format!("Tasks ({})", s.tasks.len()),
            content: html! { <><TasksPanel />{ for detail }</> },
        },
        Tab {
            id: "lints",
            label: format!("Lints ({})", s.lints.lints().len()),
            content: html! { <LintsPanel lints={s.lints.clone()} onselect={onselect.clone()} {ongoto} /> },
        },
        Tab {
            id: "tree",
            label: "Await tree".into(),
            content: html! { <AwaitTreePanel snapshot={s.view.tree.clone()} onselect={onselect.clone()} selected={s.selected} /> },
        },
        Tab {
            id: "loop",
            label: "Event loop".into(),
            content: html! {
                <EventLoopPanel time={s.time} iteration={s.iteration} ready={s.view.ready.clone()}
                    timers={s.view.timers.clone()} names={names.clone()} onselect={onselect.clone()} />
            },
        },
        Tab {
            id: "resources",
            label: "Resources".into(),
            content: html! {
                <ResourcesPanel resources={s.view.resources.clone()} futures={s.view.futures.clone()} names={names.clone()}
                    code={s.code.clone()} onselect={onselect.clone()} />
            },
        },
        Tab {
            id: "lifecycle",
            label: "Lifecycle".into(),
            content: html! { <LifecyclePanel {counts} transitions={s.transitions.clone()} /> },
        },
    ];
    let outputs = vec![
        Tab {
            id: "console",
            label: "Console".into(),
            content: html! { <ConsolePanel /> },
        },
        Tab {
            id: "log",
            label: format!("Event log ({})", s.trace.len()),
            content: html! { <EventLogPanel events={s.trace.clone()} onselect={onselect.clone()} code={s.code.clone()} /> },
        },
    ];
    let playground = Playground::new(state.clone());
    let root = use_node_ref();
    super::keys::use_shortcuts(playground.clone(), root.clone());
    html! {
        <ContextProvider<Playground> context={playground}>
            <div class="app" ref={root}>
                <header class="app-header">
                    <h1 class="brand">{ "asyncio playground" }</h1>
                    <Toolbar />
                </header>
                <main class="workspace">
                    <EditorPanel />
                    <Tabs label="Views" tabs={views} class="views" />
                    <Tabs label="Output" tabs={outputs} class="outputs" />
                    <div class="timeline-area">
                        <TimelinePanel events={s.trace.clone()} now={s.time} {onselect} selected={s.selected}
                            lints={s.lints.clone()} code={s.code.clone()} />
                    </div>
                </main>
                <ComposerDialog />
            </div>
        </ContextProvider<Playground>>
    }
}
