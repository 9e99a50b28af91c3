//! The run controls and the run status.

use crate::ui::hooks::use_playground;
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

/// Run and Reset, plus the status of the current run.
#[component]
pub fn Toolbar() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let status = pg.state().status;
    let on_run = {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| pg.run())
    };
    let on_stop = {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| pg.stop())
    };
    let on_speed = {
        let pg = pg.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                pg.set_speed(sel.value().parse::<f64>().ok());
            }
        })
    };
    let speed = pg.state().speed;
    let on_reset = {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| pg.reset())
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            <button class="btn btn-primary" id="run" onclick={on_run}
                title="Run the program (Ctrl+Enter)">{ "Run" }</button>
            <button class="btn" id="stop" onclick={on_stop} disabled={status != RunStatus::Running}
                title="Stop the program now (Esc)">{ "Stop" }</button>
            <button class="btn" id="reset" onclick={on_reset}
                title="Clear the console and tasks">{ "Reset" }</button>
            <label class="picker">
                <span class="visually-hidden">{ "Speed" }</span>
                <select id="speed" onchange={on_speed} title="Loop time per wall second; Instant jumps over sleeps">
                    { for SPEEDS.iter().map(|&(label, v)| html! {
                        <option value={v.map(|x| x.to_string()).unwrap_or_else(|| "instant".into())}
                            selected={v == speed}>{ label }</option>
                    }) }
                </select>
            </label>
            <super::ExamplePicker />
            <span class="status" id="status" role="status" aria-live="polite">
                { status.label() }
            </span>
        </div>
    }
}
