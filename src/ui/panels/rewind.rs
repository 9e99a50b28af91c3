//! The rewind bar above the timeline: a scrubber over the run's loop iterations, Step back,
//! Back to live, Pin as A (compare), Export run and Import, and the notice about the shown
//! run (replayed, imported, or why a file could not be read).

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::ui::hooks::{use_playground, Playground};

/// Reads the picked file and hands it to `import`.
fn import_from(pg: Playground, input: web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    // The same file may be picked again later.
    input.set_value("");
    let name = file.name();
    spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => pg.import(&name, &js_sys::Uint8Array::new(&buf).to_vec()),
            Err(_) => pg.notice(Some(format!("Could not read {name}."))),
        }
    });
}

/// The scrubber and the history buttons.
#[component]
pub fn RewindBar() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let file_input = use_node_ref();
    let scrub = pg.scrubber();
    let h = &pg.state().history;
    let rewound = h.past.is_some();
    let on_input = {
        let pg = pg.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(k) = input.value().parse::<u64>() {
                    pg.rewind_to(k);
                }
            }
        })
    };
    let act = |f: fn(&Playground)| {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| f(&pg))
    };
    let on_pick = {
        let (pg, file_input) = (pg.clone(), file_input.clone());
        Callback::from(move |_: Event| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                import_from(pg.clone(), input);
            }
        })
    };
    let open_picker = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlElement>() {
                input.click();
            }
        })
    };
    let (last, at) = scrub.unwrap_or((0, 0));
    let label = match (scrub, rewound) {
        (None, _) => "Run a program to rewind it".to_string(),
        (Some(_), true) => format!("Iteration {at} of {last} (rewound)"),
        (Some(_), false) => format!("Iteration {last} (live)"),
    };
    let pinned = h.pinned.is_some();
    let notice = h.notice.clone().map(|n| {
        let error = n.starts_with("Could not");
        html! {
            <div class={classes!("history-notice", error.then_some("history-error"))} id="history-notice"
                role={if error { "alert" } else { "status" }}>
                <span>{ n.to_string() }</span>
                <button class="btn btn-small" onclick={act(|p| p.notice(None))}>{ "Dismiss" }</button>
            </div>
        }
    });
    html! {
        <div class="rewind" aria-label="Rewind">
            <div class="rewind-bar">
                <button class="btn btn-small" id="step-back" onclick={act(Playground::step_back)}
                    disabled={scrub.is_none_or(|(_, at)| at == 0)}
                    title="Step back: show every panel as it was one loop iteration earlier (Alt+B)">{ "◀ Step back" }</button>
                <input type="range" id="scrubber" class="scrubber" min="0" max={last.to_string()}
                    value={at.to_string()} disabled={scrub.is_none()} oninput={on_input}
                    aria-label="Loop iteration shown"
                    title="Drag to see every panel as it was after that loop iteration" />
                <span class="rewind-label" id="rewind-label">{ label }</span>
                if rewound {
                    <button class="btn btn-small" id="back-to-live" onclick={act(Playground::back_to_live)}
                        title="Show the run as it is now">{ "Back to live" }</button>
                }
                <span class="rewind-actions">
                    if pinned {
                        <button class="btn btn-small" id="unpin" onclick={act(|p| p.pin(false))}
                            title="Forget run A">{ "Unpin A" }</button>
                    } else {
                        <button class="btn btn-small" id="pin" onclick={act(|p| p.pin(true))}
                            disabled={pg.state().trace.is_empty()}
                            title="Keep this run as A; run again (or edit and run) and open the Compare tab">{ "Pin as A" }</button>
                    }
                    <button class="btn btn-small" id="export-run" onclick={act(Playground::export_run)}
                        disabled={scrub.is_none()}
                        title="Download this run (program, your actions, trace) as a file that replays exactly">{ "Export run" }</button>
                    <button class="btn btn-small" id="import" onclick={open_picker}
                        title="Show a JSON trace (aioplay run --trace) or an exported run, read-only">{ "Import…" }</button>
                    <input type="file" id="import-file" accept=".json,application/json" class="visually-hidden"
                        ref={file_input} onchange={on_pick} aria-label="Import a trace or run file" />
                </span>
            </div>
            { for notice }
        </div>
    }
}
