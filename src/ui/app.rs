//! The app shell: header with the controls, the editor, and the views in tabs around it.

use std::rc::Rc;

use super::hooks::Playground;
use super::model::filter::{Filter, Passing};
use super::model::lifecycle::StateCounts;
use super::panels::LinkBanner;
use super::panels::{
    AwaitTreePanel, ComparePanel, ComposerDialog, ConsolePanel, EditorPanel, EventLogPanel,
    EventLoopPanel, FilterBar, LifecyclePanel, LintsPanel, ResourcesPanel, RewindBar, Tab, Tabs,
    TaskDetailPanel, TasksPanel, TimelinePanel, Toolbar,
};
use super::state::{Action, LinkNotice, State};
use super::theme::Theme;
use crate::runtime::TaskId;
use crate::share::{Panel, Settings, Theme as ShareTheme};
use yew::prelude::*;

/// What the page was opened with, when its address held a share link.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// The link's program and settings, and the run it recorded (`Script` text) if any.
    Link {
        code: String,
        settings: Settings,
        run: Option<String>,
    },
    /// The link could not be read: the message says why.
    Failed(String),
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when the page was opened from a share link (`ui::start` decodes it first).
    #[prop_or_default]
    pub opened: Option<Rc<Opened>>,
}

/// The state a page starts with: the link's program (leaving the autosaved one alone), or
/// the autosaved program, or the default.
/// The theme is the saved one, or the link's for this visit (not saved), applied at once.
fn initial_state(opened: Option<&Opened>) -> State {
    let saved = || super::storage::load_code().map(Rc::from);
    let mut theme = super::theme::load();
    let state = match opened {
        Some(Opened::Link {
            code,
            settings,
            run,
        }) => {
            if let Some(t) = settings.theme {
                theme = match t {
                    ShareTheme::Auto | ShareTheme::Inherit => Theme::System,
                    ShareTheme::Light => Theme::Light,
                    ShareTheme::Dark => Theme::Dark,
                };
            }
            let mut history = super::rewind::History::default();
            match run.as_deref().map(crate::replay::Script::from_text) {
                Some(Ok(script)) => history.offered = Some(Rc::new(script)),
                Some(Err(e)) => {
                    history.notice = Some(Rc::from(format!("Could not replay this link: {e}.")))
                }
                None => {}
            }
            State {
                code: Rc::from(code.as_str()),
                speed: settings.speed.map_or(Some(1.0), |s| s.as_factor()),
                link: Some(LinkNotice::Opened),
                history,
                ..State::default()
            }
        }
        Some(Opened::Failed(msg)) => State {
            code: saved().unwrap_or_else(|| State::default().code),
            link: Some(LinkNotice::Failed(Rc::from(msg.as_str()))),
            ..State::default()
        },
        None => State {
            code: saved().unwrap_or_else(|| State::default().code),
            ..State::default()
        },
    };
    super::theme::apply(theme);
    State { theme, ..state }
}

/// The tab a link's `panels` opens first in each tab group (views, outputs).
fn initial_tabs(opened: Option<&Opened>) -> (Option<&'static str>, Option<&'static str>) {
    let Some(Opened::Link { settings, .. }) = opened else {
        return (None, None);
    };
    let panels = settings.panels.as_deref().unwrap_or_default();
    let view = panels.iter().find_map(|p| match p {
        Panel::Tasks => Some("tasks"),
        Panel::Lints => Some("lints"),
        Panel::Tree => Some("tree"),
        Panel::Loop => Some("loop"),
        Panel::Resources => Some("resources"),
        Panel::Lifecycle => Some("lifecycle"),
        _ => None,
    });
    let output = panels.iter().find_map(|p| match p {
        Panel::Console => Some("console"),
        Panel::Log => Some("log"),
        _ => None,
    });
    (view, output)
}

/// The whole playground page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let opened = props.opened.as_deref();
    let state = use_reducer(|| initial_state(opened));
    let (first_view, first_output) = initial_tabs(opened);
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
    // A rewound run is shown in every run panel instead of the live one (`rewind.rs`).
    let past = state.history.past.as_ref().map(|p| p.state.clone());
    let s: &State = past.as_deref().unwrap_or(&state);
    // The filter bar's choice is view state (no reducer action): which tasks every view
    // shows. Recomputed when the rows or the filter change.
    let filter = use_state(|| Rc::new(Filter::default()));
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |f: Filter| filter.set(Rc::new(f)))
    };
    let passing: Rc<Passing> = {
        let (rows, f) = (s.tasks.clone(), (*filter).clone());
        let key = (
            Rc::as_ptr(&rows) as usize,
            rows.len(),
            Rc::as_ptr(&f) as usize,
        );
        use_memo(key, move |_| Passing::of(&rows, &f))
    };
    let groups: Rc<Vec<u32>> = {
        let rows = s.tasks.clone();
        use_memo((Rc::as_ptr(&rows) as usize, rows.len()), move |_| {
            let mut g: Vec<u32> = rows.iter().filter_map(|r| r.group).collect();
            crate::sort::sort(&mut g);
            g.dedup();
            g
        })
    };
    let tree = {
        let (snap, p) = (s.view.tree.clone(), passing.clone());
        let key = (Rc::as_ptr(&snap) as usize, Rc::as_ptr(&p) as usize);
        use_memo(key, move |_| {
            if p.all() {
                snap.clone()
            } else {
                Rc::new(p.tree(&snap))
            }
        })
    };
    // The picked task in detail (its cancellations in words, its lints, its output and
    // events), under the table.
    let detail = s.selected.map(|task| {
        html! {
            <TaskDetailPanel {task} rows={s.tasks.clone()} events={s.trace.clone()}
                lints={s.lints.clone()} code={s.code.clone()} console={s.console.clone()}
                {onclose} />
        }
    });
    let names: Rc<Vec<Rc<str>>> = Rc::new(s.tasks.iter().map(|r| r.name.clone()).collect());
    let counts = StateCounts::from_states(s.tasks.iter().map(|r| &r.state));
    let views = vec![
        Tab {
            id: "tasks",
            label: format!("Tasks ({})", s.tasks.len()),
            content: html! { <><TasksPanel passing={passing.clone()} bar_state={Some(filter.state)} />{ for detail }</> },
        },
        Tab {
            id: "lints",
            label: format!("Lints ({})", s.lints.total()),
            content: html! { <LintsPanel lints={s.lints.clone()} onselect={onselect.clone()} {ongoto} /> },
        },
        Tab {
            id: "tree",
            label: "Await tree".into(),
            content: html! { <AwaitTreePanel snapshot={(*tree).clone()} onselect={onselect.clone()} selected={s.selected} /> },
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
        Tab {
            id: "compare",
            label: if state.history.pinned.is_some() {
                "Compare (A/B)".into()
            } else {
                "Compare".into()
            },
            content: html! {
                <ComparePanel pinned={state.history.pinned.clone()} trace={state.trace.clone()}
                    lints={state.lints.clone()} time={state.time} runs={state.runs}
                    code={state.run.as_ref().map_or_else(|| state.code.clone(), |r| r.code())} />
            },
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
            content: html! { <EventLogPanel events={s.trace.clone()} onselect={onselect.clone()} code={s.code.clone()} passing={passing.clone()} /> },
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
                <LinkBanner />
                <FilterBar filter={(*filter).clone()} count={passing.count} total={passing.total}
                    groups={groups.clone()} onchange={on_filter} />
                <main class="workspace">
                    <EditorPanel />
                    <Tabs label="Views" tabs={views} class="views" initial={first_view} />
                    <Tabs label="Output" tabs={outputs} class="outputs" initial={first_output} />
                    <div class="timeline-area">
                        <RewindBar />
                        <TimelinePanel events={s.trace.clone()} run={s.runs} now={s.time} {onselect} selected={s.selected}
                            lints={s.lints.clone()} code={s.code.clone()} passing={passing.clone()} />
                    </div>
                </main>
                <ComposerDialog />
            </div>
        </ContextProvider<Playground>>
    }
}
