//! The console: the program's stdout and stderr, in order, as text (never HTML); each
//! `File "main.py", line N` of a traceback is a button that shows line N in the editor, and
//! each run of blocks a task printed starts with a tag naming it (click: select it). The tag's
//! text is CSS content, so the console's text (and a copy of it) is the program's output.

use crate::ui::hooks::use_playground;
use crate::ui::model::console::{pieces, Piece};
use crate::ui::state::Stream;
use yew::prelude::*;

/// Shows every console line of the current run.
#[component]
pub fn ConsolePanel() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let state = pg.state();
    let lines = state.console.iter().enumerate().map(|(i, line)| {
        let class = match line.stream {
            Stream::Stdout => "line out",
            Stream::Stderr => "line err",
            Stream::System => "line sys",
        };
        // A tag where the writer changes (a task's consecutive blocks share the first's).
        let same_writer = i > 0 && state.console.get(i - 1).is_some_and(|p| p.task == line.task);
        let tag = line.task.filter(|_| !same_writer).map(|t| {
            let name = state
                .tasks
                .get(t.0 as usize)
                .map_or_else(|| format!("task #{}", t.0), |r| r.name.to_string());
            let selected = state.selected == Some(t);
            let pg = pg.clone();
            let onclick = Callback::from(move |_: MouseEvent| pg.select(Some(t)));
            html! {
                <button type="button" class={classes!("task-tag", selected.then_some("selected"))} {onclick}
                    data-task={name.clone()} aria-label={format!("Printed by {name}: select it")}
                    title={format!("Printed by {name}; click to select it in every view")}></button>
            }
        });
        // Only the program's own error output carries source references.
        if line.stream != Stream::Stderr {
            return html! { <div {class}>{ for tag }{ line.text.clone() }</div> };
        }
        let parts = pieces(&line.text, "main.py").into_iter().map(|p| match p {
            Piece::Text(t) => html! { { t.to_string() } },
            Piece::Line { text, line } => {
                let pg = pg.clone();
                let onclick = Callback::from(move |_: MouseEvent| pg.go_to_line(line));
                html! {
                    <button type="button" class="link-button tb-link" {onclick}
                        aria-label={format!("Show line {line} of main.py in the editor")}
                        title={format!("Show line {line} in the editor")}>{ text.to_string() }</button>
                }
            }
        });
        html! { <div {class}>{ for tag }{ for parts }</div> }
    });
    html! {
        <section class="panel console-panel" aria-label="Console">
            <h2 class="panel-title">{ "Console" }</h2>
            <div class="console" id="console" role="log" tabindex="0" aria-label="Program output">{ for lines }</div>
        </section>
    }
}
