//! The run controls and the run status.

use crate::ui::hooks::use_playground;
use crate::ui::state::RunStatus;
use yew::prelude::*;

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
            <span class="status" id="status" role="status" aria-live="polite">
                { status.label() }
            </span>
        </div>
    }
}
