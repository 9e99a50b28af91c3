//! The console: the program's stdout and stderr, in order, as text (never HTML).

use crate::ui::hooks::use_playground;
use crate::ui::state::Stream;
use yew::prelude::*;

/// Shows every console line of the current run.
#[component]
pub fn ConsolePanel() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let lines = pg.state().console.iter().map(|line| {
        let class = match line.stream {
            Stream::Stdout => "line out",
            Stream::Stderr => "line err",
            Stream::System => "line sys",
        };
        html! { <div {class}>{ line.text.clone() }</div> }
    });
    html! {
        <section class="panel console-panel" aria-label="Console">
            <h2 class="panel-title">{ "Console" }</h2>
            <div class="console" id="console" role="log">{ for lines }</div>
        </section>
    }
}
