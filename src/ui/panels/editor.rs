//! The code editor pane: CodeMirror, created once and kept in sync with the state's code.

use crate::ui::editor::create_editor;
use crate::ui::editor::marks::{use_run_marks, Mounted};
use crate::ui::hooks::use_playground;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::editor::marks::TASK_DOTS_PER_LINE;

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
                *mounted.borrow_mut() = Some(Mounted::new(editor, on_change, on_run));
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

    // A gutter dot on each live task's current line, coloured by its state (at most three per
    // line, the rest as a count: 10,000 tasks on one `await` line cost three markers, not
    // 10,000); the cursor on a line picked in another panel, and the editor takes focus; the
    // last run's syntax error, underlined with its message.
    use_run_marks(&pg, &mounted, TASK_DOTS_PER_LINE);

    html! {
        <section class="panel editor-panel" aria-label="Editor">
            <h2 class="panel-title">{ "main.py" }</h2>
            <div class="code" id="code" ref={host}></div>
            <super::ExampleDoc />
        </section>
    }
}
