//! The console: the program's stdout and stderr, in order, as text (never HTML); each
//! `File "main.py", line N` of a traceback is a button that shows line N in the editor.

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
    let lines = pg.shown().console.iter().map(|line| {
        let class = match line.stream {
            Stream::Stdout => "line out",
            Stream::Stderr => "line err",
            Stream::System => "line sys",
        };
        // Only the program's own error output carries source references.
        if line.stream != Stream::Stderr {
            return html! { <div {class}>{ line.text.clone() }</div> };
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
        html! { <div {class}>{ for parts }</div> }
    });
    html! {
        <section class="panel console-panel" aria-label="Console">
            <h2 class="panel-title">{ "Console" }</h2>
            <div class="console" id="console" role="log" tabindex="0" aria-label="Program output">{ for lines }</div>
        </section>
    }
}
