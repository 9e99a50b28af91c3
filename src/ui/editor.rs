//! The bridge to the code editor (`www/editor/editor.js`, bundled by esbuild with CodeMirror
//! into `www/gen/editor.js`): wasm-bindgen imports it as a module snippet. The editor shows a
//! light read-only preview first and becomes CodeMirror once the page is idle after its first
//! paint; the methods below behave the same either way.

pub mod marks;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/gen/editor.js")]
extern "C" {
    /// A live editor (see `EditorHandle` in www/editor/editor.js).
    pub type JsEditor;

    /// Creates an editor inside `parent` showing `doc`; `on_change(text)` is called on every
    /// edit and `on_run()` on Ctrl/Cmd-Enter.
    #[wasm_bindgen(js_name = createEditor)]
    pub fn create_editor(
        parent: &web_sys::Element,
        doc: &str,
        on_change: &js_sys::Function,
        on_run: &js_sys::Function,
    ) -> JsEditor;

    /// `create_editor` with `hidden`: an array of 1-based lines that run but are not shown
    /// (a tutorial's setup); `on_change(text, hidden_lines)` then also gets where they are now.
    #[wasm_bindgen(js_name = createEditor)]
    pub fn create_editor_with_hidden(
        parent: &web_sys::Element,
        doc: &str,
        on_change: &js_sys::Function,
        on_run: &js_sys::Function,
        hidden: &JsValue,
    ) -> JsEditor;

    #[wasm_bindgen(method, js_name = getDoc)]
    pub fn get_doc(this: &JsEditor) -> String;
    /// Replaces the text (one undoable change); a no-op when the text is the same.
    #[wasm_bindgen(method, js_name = setDoc)]
    pub fn set_doc(this: &JsEditor, text: &str);
    /// Replaces the whole text and which of its lines are hidden (edits cannot do this).
    #[wasm_bindgen(method, js_name = setDoc)]
    pub fn set_doc_hidden(this: &JsEditor, text: &str, hidden: &JsValue);
    /// Shows the hidden lines (greyed, still read-only) or hides them again.
    #[wasm_bindgen(method, js_name = showHidden)]
    pub fn show_hidden(this: &JsEditor, flag: bool);
    /// `markers`: an array of `{line, name, state, more?}`, at most three per line (`more`
    /// counts the line's other live tasks).
    #[wasm_bindgen(method, js_name = setTaskMarkers)]
    pub fn set_task_markers(this: &JsEditor, markers: &JsValue);
    /// `lints`: an array of `{line, kind, title, message}`, one per lint with a line.
    #[wasm_bindgen(method, js_name = setLintMarkers)]
    pub fn set_lint_markers(this: &JsEditor, lints: &JsValue);
    /// Underlines the UTF-16 range with `message`; an empty message clears it.
    #[wasm_bindgen(method, js_name = setError)]
    pub fn set_error(this: &JsEditor, from: u32, to: u32, message: &str);
    #[wasm_bindgen(method, js_name = goToLine)]
    pub fn go_to_line(this: &JsEditor, line: u32);
    #[wasm_bindgen(method, js_name = setReadOnly)]
    pub fn set_read_only(this: &JsEditor, flag: bool);
    #[wasm_bindgen(method)]
    pub fn focus(this: &JsEditor);
    #[wasm_bindgen(method)]
    pub fn destroy(this: &JsEditor);
}
