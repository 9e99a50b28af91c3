//! The console: the program's stdout and stderr, in order, as text (never HTML); each
//! `File "main.py", line N` of a traceback is a button that shows line N in the editor, and
//! each run of blocks a task printed starts with a tag naming it (click: select it). The tag's
//! text is CSS content, so the console's text (and a copy of it) is the program's output.

use crate::ui::hooks::use_playground;
use crate::ui::model::console::{pieces, tail, Piece, SHOWN_LINES};
use crate::ui::state::Stream;
use yew::prelude::*;

/// Shows every console line of the current run.
#[component]
pub fn ConsolePanel() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    // The newest `SHOWN_LINES` lines, unless the reader asked for all of this run's.
    let show_all_of = use_state(|| None::<u32>);
    let state = pg.shown();
    let (console, runs) = (state.console.clone(), state.runs);
    let shown = if *show_all_of == Some(runs) {
        tail(&console, |l| l.text.as_str(), usize::MAX)
    } else {
        tail(&console, |l| l.text.as_str(), SHOWN_LINES)
    };
    let hidden = (shown.hidden > 0).then(|| {
        let onclick = {
            let show_all_of = show_all_of.clone();
            Callback::from(move |_: MouseEvent| show_all_of.set(Some(runs)))
        };
        html! {
            <div class="line sys console-hidden">
                { format!("… {} earlier lines not drawn (the page draws the newest {SHOWN_LINES}) ", shown.hidden) }
                <button type="button" class="link-button" id="console-show-all" {onclick}>{ "Show all" }</button>
            </div>
        }
    });
    let first = shown.chunk.min(console.len());
    let lines = console[first..].iter().enumerate().map(|(k, line)| {
        let i = first + k;
        let text = if k == 0 { &line.text[shown.offset.min(line.text.len())..] } else { line.text.as_str() };
        let class = match line.stream {
            Stream::Stdout => "line out",
            Stream::Stderr => "line err",
            Stream::System => "line sys",
        };
        // A tag where the writer changes (a task's consecutive blocks share the first's).
        let same_writer = k > 0 && state.console.get(i - 1).is_some_and(|p| p.task == line.task);
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
            return html! { <div {class}>{ for tag }{ text.to_string() }</div> };
        }
        let parts = pieces(text, "main.py").into_iter().map(|p| match p {
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
            // Before any run (and after Reset) the panel says what it is for; outside
            // `#console`, whose text stays exactly the program's output.
            if console.is_empty() {
                <p class="empty" id="console-empty">{ "What the program prints appears here when you press Run (Ctrl+Enter)." }</p>
            }
            <div class="console" id="console" role="log" tabindex="0" aria-label="Program output">{ for hidden }{ for lines }</div>
        </section>
    }
}
