//! The code editor pane: CodeMirror, created once and kept in sync with the state's code.

use crate::ui::editor::{create_editor, JsEditor};
use crate::ui::hooks::use_playground;
use crate::ui::tasks::TaskRow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The live editor and the closures it calls back into (kept alive with it).
struct Mounted {
    editor: JsEditor,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
}

/// The program text; Ctrl/Cmd+Enter runs it.
#[component]
pub fn EditorPanel() -> Html {
    let pg = use_playground();
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);

    // Create the editor once, when the host element exists.
    {
        let (host, mounted, pg) = (host.clone(), mounted.clone(), pg.clone());
        use_effect_with((), move |_| {
            if let (Some(el), Some(pg)) = (host.cast::<web_sys::Element>(), pg) {
                let code = pg.state().code.to_string();
                let on_change = {
                    let pg = pg.clone();
                    Closure::<dyn FnMut(String)>::new(move |text: String| pg.edit(text))
                };
                let on_run = Closure::<dyn FnMut()>::new(move || pg.run());
                let editor = create_editor(
                    &el,
                    &code,
                    on_change.as_ref().unchecked_ref(),
                    on_run.as_ref().unchecked_ref(),
                );
                *mounted.borrow_mut() = Some(Mounted {
                    editor,
                    _on_change: on_change,
                    _on_run: on_run,
                });
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.editor.destroy();
                }
            }
        });
    }

    // Text replaced from outside the editor (a preset, a share link) flows in.
    let code = pg.as_ref().map(|pg| pg.state().code.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(code, move |code| {
            if let (Some(m), Some(code)) = (mounted.borrow().as_ref(), code) {
                m.editor.set_doc(code);
            }
        });
    }

    // A gutter dot on each live task's current line, coloured by its state.
    let tasks = pg.as_ref().map(|pg| pg.state().tasks.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(tasks, move |tasks| {
            if let (Some(m), Some(tasks)) = (mounted.borrow().as_ref(), tasks) {
                // At most three dots per line (the gutter's room); the rest as a count, so
                // 10,000 tasks on one `await` line cost three markers, not 10,000.
                let mut per_line: std::collections::BTreeMap<u32, (Vec<&TaskRow>, u32)> =
                    Default::default();
                for r in tasks.iter().filter(|r| !r.is_finished()) {
                    let Some(line) = r.line else { continue };
                    let (shown, more) = per_line.entry(line).or_default();
                    if shown.len() < 3 {
                        shown.push(r);
                    } else {
                        *more += 1;
                    }
                }
                let markers = js_sys::Array::new();
                for (line, (shown, more)) in per_line {
                    let last = shown.len().saturating_sub(1);
                    for (i, r) in shown.into_iter().enumerate() {
                        let o = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&o, &"line".into(), &line.into());
                        let _ =
                            js_sys::Reflect::set(&o, &"name".into(), &r.name.to_string().into());
                        let _ = js_sys::Reflect::set(&o, &"state".into(), &r.state_label().into());
                        if i == last && more > 0 {
                            let _ = js_sys::Reflect::set(&o, &"more".into(), &more.into());
                        }
                        markers.push(&o);
                    }
                }
                m.editor.set_task_markers(&markers);
            }
        });
    }

    // A warning sign on each line the run's lints point at.
    let lints = pg.as_ref().map(|pg| pg.state().lints.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(lints, move |lints| {
            if let (Some(m), Some(lints)) = (mounted.borrow().as_ref(), lints) {
                let marks = js_sys::Array::new();
                for l in lints.lints() {
                    let Some(line) = l.line else { continue };
                    let o = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&o, &"line".into(), &line.into());
                    let _ = js_sys::Reflect::set(&o, &"kind".into(), &l.kind.code().into());
                    let _ = js_sys::Reflect::set(&o, &"title".into(), &l.kind.title().into());
                    let _ = js_sys::Reflect::set(&o, &"message".into(), &l.message.as_str().into());
                    marks.push(&o);
                }
                m.editor.set_lint_markers(&marks);
            }
        });
    }

    // A line picked in another panel (a lint's line, a traceback, a task's line): the cursor
    // goes there and the editor takes focus.
    let goto = pg.as_ref().and_then(|pg| pg.state().goto_line);
    {
        let mounted = mounted.clone();
        use_effect_with(goto, move |goto| {
            if let (Some(m), Some((line, _))) = (mounted.borrow().as_ref(), goto) {
                m.editor.go_to_line(*line);
            }
        });
    }

    // The last run's syntax error, underlined with its message.
    let error = pg.as_ref().and_then(|pg| pg.state().syntax_error.clone());
    {
        let mounted = mounted.clone();
        use_effect_with(error, move |error| {
            if let Some(m) = mounted.borrow().as_ref() {
                match error {
                    Some((from, to, msg)) => m.editor.set_error(*from, *to, msg),
                    None => m.editor.set_error(0, 0, ""),
                }
            }
        });
    }

    html! {
        <section class="panel editor-panel" aria-label="Editor">
            <h2 class="panel-title">{ "main.py" }</h2>
            <div class="code" id="code" ref={host}></div>
            <super::ExampleDoc />
        </section>
    }
}
