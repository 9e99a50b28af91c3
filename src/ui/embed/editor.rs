//! The embed's editor: CodeMirror sized to its code (up to a height), optionally read-only,
//! with the live-task gutter and the syntax-error underline of the full page.

use super::authoring::Authoring;
use crate::ui::editor::create_editor_with_hidden;
use crate::ui::editor::marks::{use_run_marks, Mounted};
use crate::ui::hooks::use_playground;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedEditorProps {
    /// The reader may run the code but not change it.
    pub readonly: bool,
    /// Which lines are hidden (the editor reports where they move).
    pub authoring: Authoring,
    /// The reader asked to see the hidden lines.
    pub show_hidden: bool,
}

fn lines_array(lines: &[u32]) -> js_sys::Array {
    lines
        .iter()
        .map(|&l| wasm_bindgen::JsValue::from(l))
        .collect()
}

/// The program; Ctrl/Cmd+Enter runs it.
#[component]
pub fn EmbedEditor(props: &EmbedEditorProps) -> Html {
    let pg = use_playground();
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);

    // Create the editor once, when the host element exists.
    {
        let (host, mounted, pg, readonly, authoring) = (
            host.clone(),
            mounted.clone(),
            pg.clone(),
            props.readonly,
            props.authoring.clone(),
        );
        use_effect_with((), move |_| {
            if let (Some(el), Some(pg)) = (host.cast::<web_sys::Element>(), pg) {
                let code = pg.state().code.to_string();
                let hidden = authoring.author().hidden.clone();
                let on_change = {
                    let pg = pg.clone();
                    Closure::<dyn FnMut(String, js_sys::Array)>::new(
                        move |text: String, hidden: js_sys::Array| {
                            let lines = hidden.iter().filter_map(|v| v.as_f64()).map(|f| f as u32);
                            authoring.set_hidden(lines.collect());
                            pg.edit(text)
                        },
                    )
                };
                let on_run = Closure::<dyn FnMut()>::new(move || pg.run());
                let editor = create_editor_with_hidden(
                    &el,
                    &code,
                    on_change.as_ref().unchecked_ref(),
                    on_run.as_ref().unchecked_ref(),
                    &lines_array(&hidden),
                );
                editor.set_read_only(readonly);
                *mounted.borrow_mut() = Some(Mounted::new(editor, on_change, on_run));
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.editor.destroy();
                }
            }
        });
    }

    // Text replaced from outside (the JS API's setCode, a set-code message) flows in.
    // A whole new program (Reset code, setCode) comes with its own hidden lines.
    let code = pg.as_ref().map(|pg| pg.state().code.clone());
    {
        let (mounted, authoring) = (mounted.clone(), props.authoring.clone());
        use_effect_with(code, move |code| {
            if let (Some(m), Some(code)) = (mounted.borrow().as_ref(), code) {
                match authoring.take_pending(code) {
                    Some(hidden) => m.editor.set_doc_hidden(code, &lines_array(&hidden)),
                    None => m.editor.set_doc(code),
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.show_hidden, move |&show| {
            if let Some(m) = mounted.borrow().as_ref() {
                m.editor.show_hidden(show);
            }
        });
    }

    // A gutter dot on each live task's current line (three at most, the rest counted, as
    // in the page: an embed running 10,000 tasks must not draw 10,000 markers), the cursor
    // on a line picked in another panel (a lint's line), the last run's syntax error
    // underlined.
    use_run_marks(&pg, &mounted, crate::ui::editor::marks::TASK_DOTS_PER_LINE);

    html! {
        <div class={classes!("code", "aiopg-code", props.readonly.then_some("readonly"))} ref={host}></div>
    }
}
