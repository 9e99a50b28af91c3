//! The run controls, the speed, the examples picker and the run status.

use crate::ui::hooks::{use_playground, Playground};
use crate::ui::state::RunStatus;
use yew::prelude::*;

/// The speeds offered, as in the design: 0.1x to 10x, and Instant (virtual time).
const SPEEDS: &[(&str, Option<f64>)] = &[
    ("0.1×", Some(0.1)),
    ("0.25×", Some(0.25)),
    ("0.5×", Some(0.5)),
    ("1×", Some(1.0)),
    ("2×", Some(2.0)),
    ("5×", Some(5.0)),
    ("10×", Some(10.0)),
    ("Instant", None),
];

/// Keyboard shortcuts (also shown in each button's tooltip): Ctrl+Enter runs (in the
/// editor too), Alt+P pauses/resumes, Alt+S steps, Alt+X stops, Alt+D shuts down, Alt+R resets,
/// Alt+B steps back (rewinds one iteration), Alt+C opens the composer, Alt+T switches the theme.
pub fn shortcut(pg: &Playground, e: &KeyboardEvent) -> bool {
    // The editor handles its own Ctrl+Enter (and prevents the default).
    if e.default_prevented() {
        return false;
    }
    let key = e.key().to_lowercase();
    if e.ctrl_key() && key == "enter" {
        pg.run();
        return true;
    }
    if !e.alt_key() || e.ctrl_key() || e.meta_key() {
        return false;
    }
    match key.as_str() {
        "p" => pg.toggle_pause(),
        "s" => pg.step(),
        "b" => pg.step_back(),
        "x" => pg.stop(),
        "d" => pg.shutdown(),
        "r" => pg.reset(),
        "c" => pg.show_composer(true),
        "t" => pg.cycle_theme(),
        "f" => focus(super::filter_bar::FILTER_FOCUS_ID),
        _ => return false,
    }
    true
}

/// Moves the keyboard focus to the element with `id` (and selects its text).
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
        el.select();
    }
}

fn button(
    id: &'static str,
    label: &'static str,
    title: &'static str,
    enabled: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button class={classes!("btn", (id == "run").then_some("btn-primary"))} {id} {onclick}
            disabled={!enabled} {title}>{ label }</button>
    }
}

/// Run, Pause/Resume, Step, Stop, Shut down, Reset; speed; examples; status.
#[component]
pub fn Toolbar() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let state = pg.state();
    let status = state.status;
    let failed = status == RunStatus::Finished && state.failed;
    let live = matches!(status, RunStatus::Running | RunStatus::Paused);
    let act = |f: fn(&Playground)| {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| f(&pg))
    };
    let on_speed = {
        let pg = pg.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                pg.set_speed(sel.value().parse::<f64>().ok());
            }
        })
    };
    let speed = state.speed;
    // Which limit stopped the run, and where (the console has the full sentence).
    let limit = state.limit.clone().map(|n| {
        html! {
            <span class="limit-notice" id="limit-notice" role="alert" title={n.message.clone()}>
                { format!("Stopped by the {} in {}", n.label, n.place) }
            </span>
        }
    });
    let pause_label = if status == RunStatus::Paused {
        "Resume"
    } else {
        "Pause"
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            { button("run", "Run", "Run the program (Ctrl+Enter)", true, act(Playground::run)) }
            <button class="btn" id="pause" onclick={act(Playground::toggle_pause)} disabled={!live}
                title="Pause or resume loop time (Alt+P)">{ pause_label }</button>
            { button("step", "Step", "Run one loop iteration; from the start if nothing runs; forward through a rewound run (Alt+S)", true, act(Playground::step)) }
            { button("stop", "Stop", "Stop the program now (Alt+X)", live, act(Playground::stop)) }
            { button("shutdown", "Shut down", "Cancel every task and let their cleanup run (Alt+D)", live, act(Playground::shutdown)) }
            { button("reset", "Reset", "Clear the console and tasks (Alt+R)", true, act(Playground::reset)) }
            <label class="picker">
                <span class="visually-hidden">{ "Speed" }</span>
                <select id="speed" onchange={on_speed} aria-label="Speed"
                    title="Loop time per wall second; Instant jumps over sleeps">
                    { for SPEEDS.iter().map(|&(label, v)| html! {
                        <option value={v.map(|x| x.to_string()).unwrap_or_else(|| "instant".into())}
                            selected={v == speed}>{ label }</option>
                    }) }
                </select>
            </label>
            <super::ExamplePicker />
            <button type="button" class="btn" id="compose" onclick={act(|pg| pg.show_composer(true))}
                title="Build a program from task blocks (Alt+C)" aria-haspopup="dialog">{ "Compose…" }</button>
            <super::ThemeToggle />
            <super::ShareButton />
            <span class={classes!("status", failed.then_some("status-failed"))} id="status" role="status" aria-live="polite"
                title={failed.then_some("The program raised an exception or has a syntax error: the Console shows where")}>
                { state.status_label() }
            </span>
            { for limit }
        </div>
    }
}
