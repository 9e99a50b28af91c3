//! The composer dialog: build a program from task blocks (name, duration, outcome, a
//! `wait_for`/`shield` wrapper) and a grouping, preview the Python, write it into the editor.
//! The blocks being edited are view state (a hook); the code comes from `ui::composer`.

use crate::ui::composer::{generate, Composition, ExcKind, Grouping, Outcome, TaskSpec, Wrap};
use crate::ui::hooks::use_playground;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The value of the `<input>` or `<select>` an event came from.
fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    t.dyn_ref::<HtmlSelectElement>()
        .map(HtmlSelectElement::value)
        .unwrap_or_default()
}

/// Seconds typed into a field (`NaN` when it is not a number: the generator says so).
fn seconds(v: &str) -> f64 {
    v.trim().parse().unwrap_or(f64::NAN)
}

fn outcome_value(o: &Outcome) -> &'static str {
    match o {
        Outcome::Return { .. } => "return",
        Outcome::Raise { .. } => "raise",
        Outcome::Forever => "forever",
    }
}

fn wrap_value(w: Wrap) -> &'static str {
    match w {
        Wrap::Plain => "plain",
        Wrap::WaitFor { .. } => "wait_for",
        Wrap::Shield => "shield",
    }
}

fn grouping_value(g: Grouping) -> &'static str {
    match g {
        Grouping::Gather {
            return_exceptions: false,
        } => "gather",
        Grouping::Gather {
            return_exceptions: true,
        } => "gather_re",
        Grouping::TaskGroup => "taskgroup",
        Grouping::Sequential => "sequential",
    }
}

fn grouping_from(v: &str) -> Grouping {
    match v {
        "gather_re" => Grouping::Gather {
            return_exceptions: true,
        },
        "taskgroup" => Grouping::TaskGroup,
        "sequential" => Grouping::Sequential,
        _ => Grouping::Gather {
            return_exceptions: false,
        },
    }
}

/// One task block's fields; `edit` replaces the block, `remove` deletes it.
fn block(
    i: usize,
    t: &TaskSpec,
    edit: Callback<(usize, TaskSpec)>,
    remove: Callback<usize>,
) -> Html {
    let id = |field: &str| format!("composer-{i}-{field}");
    let change = |f: fn(&mut TaskSpec, String)| {
        let (t, edit) = (t.clone(), edit.clone());
        Callback::from(move |e: Event| {
            let mut t = t.clone();
            f(&mut t, value_of(&e));
            edit.emit((i, t));
        })
    };
    let on_name = change(|t, v| t.name = v);
    let on_duration = change(|t, v| t.duration = seconds(&v));
    let on_outcome = change(|t, v| {
        t.outcome = match v.as_str() {
            "raise" => Outcome::Raise {
                kind: ExcKind::ValueError,
                message: format!("{} failed", t.name.trim()),
            },
            "forever" => Outcome::Forever,
            _ => Outcome::Return { value: "42".into() },
        }
    });
    let on_value = change(|t, v| {
        if let Outcome::Return { value } = &mut t.outcome {
            *value = v;
        }
    });
    let on_kind = change(|t, v| {
        if let (Outcome::Raise { kind, .. }, Some(k)) = (&mut t.outcome, ExcKind::by_name(&v)) {
            *kind = k;
        }
    });
    let on_message = change(|t, v| {
        if let Outcome::Raise { message, .. } = &mut t.outcome {
            *message = v;
        }
    });
    let on_wrap = change(|t, v| {
        t.wrap = match v.as_str() {
            "wait_for" => Wrap::WaitFor { timeout: 1.0 },
            "shield" => Wrap::Shield,
            _ => Wrap::Plain,
        }
    });
    let on_timeout = change(|t, v| {
        if let Wrap::WaitFor { timeout } = &mut t.wrap {
            *timeout = seconds(&v);
        }
    });
    let on_remove = remove.reform(move |_: MouseEvent| i);
    let duration_label = if t.outcome == Outcome::Forever {
        "Tick (s)"
    } else {
        "Duration (s)"
    };
    let outcome_fields = match &t.outcome {
        Outcome::Return { value } => html! {
            <label for={id("value")}>{ "Returns" }
                <input id={id("value")} class="composer-value" value={value.clone()} oninput={on_value.reform(Event::from)}
                    title="A number, True/False/None, or any text (written as a string)" />
            </label>
        },
        Outcome::Raise { kind, message } => html! {
            <>
                <label for={id("kind")}>{ "Raises" }
                    <select id={id("kind")} class="composer-kind" onchange={on_kind}>
                        { for ExcKind::ALL.iter().map(|k| html! {
                            <option value={k.name()} selected={k == kind}>{ k.name() }</option>
                        }) }
                    </select>
                </label>
                <label for={id("message")}>{ "Message" }
                    <input id={id("message")} class="composer-message" value={message.clone()} oninput={on_message.reform(Event::from)} />
                </label>
            </>
        },
        Outcome::Forever => html! {},
    };
    let timeout_field = match t.wrap {
        Wrap::WaitFor { timeout } => html! {
            <label for={id("timeout")}>{ "Timeout (s)" }
                <input id={id("timeout")} class="composer-timeout" type="number" min="0" step="0.1"
                    value={if timeout.is_nan() { String::new() } else { timeout.to_string() }} onchange={on_timeout} />
            </label>
        },
        _ => html! {},
    };
    html! {
        <fieldset class="composer-block" data-index={i.to_string()}>
            <legend>{ format!("Task {}", i + 1) }</legend>
            <label for={id("name")}>{ "Name" }
                <input id={id("name")} class="composer-name" value={t.name.clone()} oninput={on_name.reform(Event::from)} />
            </label>
            <label for={id("duration")}>{ duration_label }
                <input id={id("duration")} class="composer-duration" type="number" min="0" step="0.1"
                    value={if t.duration.is_nan() { String::new() } else { t.duration.to_string() }} onchange={on_duration} />
            </label>
            <label for={id("outcome")}>{ "Then" }
                <select id={id("outcome")} class="composer-outcome" onchange={on_outcome}>
                    { for [("return", "returns a value"), ("raise", "raises"), ("forever", "runs forever")].iter().map(|(v, l)| html! {
                        <option value={*v} selected={outcome_value(&t.outcome) == *v}>{ *l }</option>
                    }) }
                </select>
            </label>
            { outcome_fields }
            <label for={id("wrap")}>{ "Awaited" }
                <select id={id("wrap")} class="composer-wrap" onchange={on_wrap}>
                    { for [("plain", "as is"), ("wait_for", "in wait_for(timeout)"), ("shield", "in shield()")].iter().map(|(v, l)| html! {
                        <option value={*v} selected={wrap_value(t.wrap) == *v}>{ *l }</option>
                    }) }
                </select>
            </label>
            { timeout_field }
            <button type="button" class="btn btn-small composer-remove" onclick={on_remove}
                aria-label={format!("Remove task {}", i + 1)} title="Remove this task">{ "Remove" }</button>
        </fieldset>
    }
}

/// The composer dialog (modal while open; Escape closes it).
#[component]
pub fn ComposerDialog() -> Html {
    let pg = use_playground();
    let comp = use_state(Composition::default);
    let dialog = use_node_ref();
    let open = pg.as_ref().is_some_and(|pg| pg.state().composer_open);
    {
        let dialog = dialog.clone();
        use_effect_with(open, move |open| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    let Some(pg) = pg else {
        return html! {};
    };
    let edit = {
        let comp = comp.clone();
        Callback::from(move |(i, t): (usize, TaskSpec)| {
            let mut c = (*comp).clone();
            if let Some(slot) = c.tasks.get_mut(i) {
                *slot = t;
            }
            comp.set(c);
        })
    };
    let remove = {
        let comp = comp.clone();
        Callback::from(move |i: usize| {
            let mut c = (*comp).clone();
            if i < c.tasks.len() {
                c.tasks.remove(i);
            }
            comp.set(c);
        })
    };
    let on_add = {
        let comp = comp.clone();
        Callback::from(move |_: MouseEvent| {
            let mut c = (*comp).clone();
            let n = c.tasks.len() + 1;
            c.tasks
                .push(TaskSpec::returning(&format!("task{n}"), 1.0, "42"));
            comp.set(c);
        })
    };
    let on_grouping = {
        let comp = comp.clone();
        Callback::from(move |e: Event| {
            let mut c = (*comp).clone();
            c.grouping = grouping_from(&value_of(&e));
            comp.set(c);
        })
    };
    let code = generate(&comp);
    let on_write = {
        let (pg, code) = (pg.clone(), code.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(code) = &code {
                pg.compose(code.clone());
            }
        })
    };
    let on_cancel = {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| pg.show_composer(false))
    };
    // Escape (or any other way the browser closes the dialog) ends up here.
    let on_close = {
        let pg = pg.clone();
        Callback::from(move |_: Event| pg.show_composer(false))
    };
    let blocks = comp
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| block(i, t, edit.clone(), remove.clone()));
    let preview = match &code {
        Ok(code) => {
            html! { <pre class="composer-preview" aria-label="The program it writes">{ code.clone() }</pre> }
        }
        Err(e) => html! { <p class="composer-error" role="alert">{ e.to_string() }</p> },
    };
    let groupings = [
        (
            "gather",
            "asyncio.gather(...): run together, first error propagates",
        ),
        ("gather_re", "asyncio.gather(..., return_exceptions=True)"),
        (
            "taskgroup",
            "async with asyncio.TaskGroup(): a failure cancels the rest",
        ),
        ("sequential", "create_task each, then await them one by one"),
    ];
    html! {
        <dialog class="composer" id="composer" ref={dialog} aria-labelledby="composer-title" onclose={on_close}>
            <h2 id="composer-title">{ "Compose a program" }</h2>
            <p class="composer-hint">{ "Blocks in, readable asyncio out. Writing replaces the editor's text; Ctrl+Z brings yours back." }</p>
            <div class="composer-body">
                <div class="composer-blocks">
                    { for blocks }
                    <button type="button" class="btn composer-add" onclick={on_add}
                        title="Add another task block">{ "Add task" }</button>
                    <label for="composer-grouping" class="composer-grouping">{ "Run them with" }
                        <select id="composer-grouping" onchange={on_grouping}>
                            { for groupings.iter().map(|(v, l)| html! {
                                <option value={*v} selected={grouping_value(comp.grouping) == *v}>{ *l }</option>
                            }) }
                        </select>
                    </label>
                </div>
                { preview }
            </div>
            <div class="composer-actions">
                <button type="button" class="btn" onclick={on_cancel} title="Close without changing the editor (Esc)">{ "Cancel" }</button>
                <button type="button" class="btn btn-primary composer-write" onclick={on_write}
                    disabled={code.is_err()} title="Write this program into the editor (your code stays one Ctrl+Z away)">
                    { "Write to editor" }
                </button>
            </div>
        </dialog>
    }
}
