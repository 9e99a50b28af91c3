//! The code editor pane (a plain textarea until the CodeMirror bundle lands).

use crate::ui::hooks::use_playground;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The program text; Ctrl/Cmd+Enter runs it.
#[component]
pub fn EditorPanel() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let oninput = {
        let pg = pg.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                pg.edit(area.value());
            }
        })
    };
    let onkeydown = {
        let pg = pg.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                pg.run();
            }
        })
    };
    html! {
        <section class="panel editor-panel" aria-label="Editor">
            <h2 class="panel-title">{ "main.py" }</h2>
            <textarea class="code" id="code" spellcheck="false" aria-label="Python program"
                value={pg.state().code.to_string()} {oninput} {onkeydown} />
        </section>
    }
}
