//! The compact playground of an embed: controls, the editor, and the panels the options
//! name (tasks, timeline and console by default), stacked and sized to their content.

use std::cell::Cell;
use std::rc::Rc;

use super::authoring::Authoring;
use super::console::EmbedConsole;
use super::editor::EmbedEditor;
use super::remote::Remote;
use crate::runtime::TaskId;
use crate::share::{EmbedOptions, LineMap, Panel, Settings, Speed, Theme};
use crate::ui::hooks::Playground;
use crate::ui::model::lifecycle::StateCounts;
use crate::ui::panels::{
    AwaitTreePanel, EventLogPanel, EventLoopPanel, LifecyclePanel, LintsPanel, ResourcesPanel,
    TasksPanel, TimelinePanel,
};
use crate::ui::state::{Action, RunStatus, State};
use yew::prelude::*;

/// The panels shown when the options name none.
pub const DEFAULT_PANELS: [Panel; 3] = [Panel::Tasks, Panel::Timeline, Panel::Console];

#[derive(Properties)]
pub struct EmbedProps {
    /// The program the author gave (hidden setup and code) and where its hidden lines are.
    pub authoring: Authoring,
    /// Shown instead of the panels until the first run (the page's pre-rendered output).
    #[prop_or_default]
    pub preview: Option<web_sys::Element>,
    pub options: Rc<EmbedOptions>,
    /// The outside's handle on this playground (filled in on every render).
    pub remote: Remote,
    /// The full playground's address (index.html), for "Open in the playground".
    pub app_url: Rc<str>,
    /// Why the embed could not start as asked (a bad link or option), shown above it.
    #[prop_or_default]
    pub error: Option<Rc<str>>,
}

impl PartialEq for EmbedProps {
    fn eq(&self, o: &Self) -> bool {
        self.authoring == o.authoring
            && self.preview == o.preview
            && Rc::ptr_eq(&self.options, &o.options)
            && self.remote == o.remote
            && self.app_url == o.app_url
            && self.error == o.error
    }
}

/// One embedded playground with its own event loop.
#[component]
pub fn EmbedView(props: &EmbedProps) -> Html {
    let opts = props.options.clone();
    let authoring = props.authoring.clone();
    let state = {
        let (code, speed) = (authoring.author().text.clone(), opts.settings.speed);
        use_reducer(move || State {
            code: Rc::from(code),
            speed: speed.map_or(Some(1.0), Speed::as_factor),
            ..State::default()
        })
    };
    let pg = Playground::embedded(state.clone());
    props.remote.set_playground(pg.clone());

    // Every status change is an event (the first says "ready"). Renders are batched per
    // animation frame, so a quick run can go from started to finished before the view ever
    // renders it running: each run still reports "running" before its "finished".
    {
        let remote = props.remote.clone();
        let announced = use_mut_ref(|| 0u32);
        use_effect_with((state.status, state.runs), move |&(s, runs)| {
            let fresh = runs != *announced.borrow();
            if fresh && s != RunStatus::Idle {
                *announced.borrow_mut() = runs;
                if s != RunStatus::Running {
                    remote.emit_status(RunStatus::Running);
                }
            }
            remote.emit_status(s);
        });
    }
    // Autorun once, when mounted.
    {
        let (pg, autorun) = (pg.clone(), opts.autorun);
        use_effect_with((), move |_| {
            if autorun {
                pg.run();
            }
        });
    }
    let href = use_open_link(&props.app_url, &state.code, &opts, state.speed);
    let lines = authoring.lines_for_run(state.runs);
    let show_hidden = use_state(|| false);
    let edited = *state.code != *authoring.author().text;
    let reset_code = {
        let remote = props.remote.clone();
        Callback::from(move |_: MouseEvent| remote.reset_code())
    };
    let toggle_hidden = {
        let show_hidden = show_hidden.clone();
        Callback::from(move |_: MouseEvent| show_hidden.set(!*show_hidden))
    };
    let preview_ref = use_node_ref();
    {
        let (preview, at) = (props.preview.clone(), preview_ref.clone());
        use_effect_with(state.runs == 0, move |&before_run| {
            if let (true, Some(p), Some(box_)) =
                (before_run, preview, at.cast::<web_sys::Element>())
            {
                let _ = box_.append_child(&p);
            }
        });
    }
    let previewing = props.preview.is_some() && state.runs == 0;

    let s: &State = &state;
    let live = matches!(s.status, RunStatus::Running | RunStatus::Paused);
    let act = |f: fn(&Playground)| {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| f(&pg))
    };
    let onselect = {
        let state = state.clone();
        Callback::from(move |t: TaskId| state.dispatch(Action::Select { task: Some(t) }))
    };
    let ongoto = {
        let state = state.clone();
        Callback::from(move |line: u32| state.dispatch(Action::GoToLine { line }))
    };
    let names: Rc<Vec<Rc<str>>> = Rc::new(s.tasks.iter().map(|r| r.name.clone()).collect());
    let panels = opts.settings.panels.as_deref().unwrap_or(&DEFAULT_PANELS);
    let panels = panels.iter().map(|p| {
        let body = match p {
            Panel::Tasks => html! { <TasksPanel /> },
            Panel::Timeline => html! {
                <TimelinePanel events={s.trace.clone()} now={s.time} onselect={onselect.clone()}
                    selected={s.selected} max_lanes={12} />
            },
            Panel::Console => html! { <EmbedConsole /> },
            Panel::Tree => html! {
                <AwaitTreePanel snapshot={s.view.tree.clone()} onselect={onselect.clone()} selected={s.selected} />
            },
            Panel::Loop => html! {
                <EventLoopPanel time={s.time} iteration={s.iteration} ready={s.view.ready.clone()}
                    timers={s.view.timers.clone()} names={names.clone()} onselect={onselect.clone()} />
            },
            Panel::Lints => html! {
                <LintsPanel lints={s.lints.clone()} onselect={onselect.clone()} ongoto={ongoto.clone()} />
            },
            Panel::Resources => html! {
                <ResourcesPanel resources={s.view.resources.clone()} futures={s.view.futures.clone()}
                    names={names.clone()} code={s.code.clone()} onselect={onselect.clone()} />
            },
            Panel::Lifecycle => {
                let counts = StateCounts::from_states(s.tasks.iter().map(|r| &r.state));
                html! { <LifecyclePanel {counts} transitions={s.transitions.clone()} /> }
            }
            Panel::Log => html! {
                <EventLogPanel events={s.trace.clone()} onselect={onselect.clone()} code={s.code.clone()} />
            },
        };
        html! { <div class={classes!("aiopg-panel", format!("aiopg-{}", p.word()))}>{ body }</div> }
    });
    let theme = opts.settings.theme.unwrap_or(Theme::Auto).attribute();
    let style = opts
        .height
        .map(|h| format!("height: {h}px; --aiopg-editor-max: {}px", h * 45 / 100));
    html! {
        <ContextProvider<Playground> context={pg.clone()}>
        <ContextProvider<Rc<LineMap>> context={lines}>
            <div class={classes!("aiopg", opts.height.is_some().then_some("aiopg-fixed"))}
                role="region" aria-label="asyncio playground"
                data-theme={theme} data-status={crate::ui::embed::remote::status_word(s.status)} {style}>
                if let Some(msg) = &props.error {
                    <p class="aiopg-error" role="alert">{ msg.to_string() }</p>
                }
                <div class="aiopg-bar" role="toolbar" aria-label="Run controls">
                    <button class="btn btn-primary aiopg-run" onclick={act(Playground::run)}
                        title="Run the program (Ctrl+Enter)">{ if s.runs > 0 { "Run again" } else { "Run" } }</button>
                    <button class="btn aiopg-stop" onclick={act(Playground::stop)} disabled={!live}
                        title="Stop the program now">{ "Stop" }</button>
                    <button class="btn aiopg-reset" onclick={act(Playground::reset)}
                        title="Clear the console and the tasks">{ "Reset" }</button>
                    if edited {
                        <button class="btn aiopg-reset-code" onclick={reset_code}
                            title="Put back the code the page's author wrote">{ "Reset code" }</button>
                    }
                    if authoring.has_hidden() {
                        <button class="btn aiopg-show-hidden" onclick={toggle_hidden}
                            aria-pressed={show_hidden.to_string()}
                            title="Show the setup lines this example runs first (they stay read-only)">
                            { if *show_hidden { "Hide hidden lines" } else { "Show hidden lines" } }
                        </button>
                    }
                    <span class={classes!("aiopg-status", (s.status == RunStatus::Finished && s.failed).then_some("aiopg-status-failed"))}
                        role="status" aria-live="polite">
                        { s.status_label() }
                        if s.runs > 0 { { format!(" · t={:.2}s", s.time) } }
                    </span>
                    <a class="aiopg-open" href={href} target="_blank" rel="noopener"
                        title="Open this program in the full playground">{ "Open in the playground ↗" }</a>
                </div>
                <EmbedEditor readonly={opts.readonly} authoring={authoring.clone()}
                    show_hidden={*show_hidden} />
                <p class="aiopg-keys">
                    { "Tab indents · " }<kbd>{ "Esc" }</kbd>{ " then " }<kbd>{ "Tab" }</kbd>
                    { " leaves the editor · " }<kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ " runs" }
                </p>
                if previewing {
                    <div class="aiopg-preview" ref={preview_ref}
                        aria-label="Expected output, pre-rendered: press Run to run it live"></div>
                } else {
                    <div class="aiopg-panels">{ for panels }</div>
                }
            </div>
        </ContextProvider<Rc<LineMap>>>
        </ContextProvider<Playground>>
    }
}

/// The full playground's address with this program as a share link, recomputed (the
/// browser compresses asynchronously) whenever the code changes; the bare address until then.
#[hook]
fn use_open_link(
    app_url: &Rc<str>,
    code: &Rc<str>,
    opts: &Rc<EmbedOptions>,
    speed: Option<f64>,
) -> String {
    let href = use_state(|| app_url.to_string());
    let latest = use_mut_ref(|| Cell::new(0u32));
    {
        let (href, app, opts) = (href.clone(), app_url.clone(), opts.clone());
        use_effect_with((code.clone(), speed.map(f64::to_bits)), move |(code, _)| {
            // Only the newest request may write (an older one can finish later).
            let n = latest.borrow().get().wrapping_add(1);
            latest.borrow().set(n);
            let settings = Settings {
                speed: Some(Speed::from_factor(speed)),
                theme: opts.settings.theme,
                panels: None,
            };
            let code = code.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(f) = crate::ui::share::fragment(&code, &settings).await {
                    if latest.borrow().get() == n {
                        href.set(format!("{app}#{f}"));
                    }
                }
            });
        });
    }
    (*href).clone()
}
