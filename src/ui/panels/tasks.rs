//! The task pane: one row per task with its lifecycle state.

use crate::ui::hooks::use_playground;
use yew::prelude::*;

/// Lists the program's tasks (empty until a run creates some).
#[component]
pub fn TasksPanel() -> Html {
    let Some(_pg) = use_playground() else {
        return html! {};
    };
    html! {
        <section class="panel tasks-panel" aria-label="Tasks">
            <h2 class="panel-title">{ "Tasks" }</h2>
            <p class="empty">{ "No tasks yet. Press Run to start the event loop." }</p>
        </section>
    }
}
