//! The embed's console: stdout, stderr and the playground's notes, as text (never HTML),
//! kept scrolled to the newest line; tracebacks numbered as the reader sees the code.

use crate::ui::hooks::use_playground;
use crate::ui::state::Stream;
use yew::prelude::*;

/// Every console line of the current run (no element ids: a page may hold many embeds).
#[component]
pub fn EmbedConsole() -> Html {
    let pg = use_playground();
    let lines = use_context::<std::rc::Rc<crate::share::LineMap>>();
    let body = use_node_ref();
    let console = pg.as_ref().map(|pg| pg.state().console.clone());
    {
        let body = body.clone();
        use_effect_with(console.clone(), move |_| {
            if let Some(el) = body.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let lines = console.iter().flat_map(|c| c.iter()).map(|line| {
        let class = match line.stream {
            Stream::Stdout => "line out",
            Stream::Stderr => "line err",
            Stream::System => "line sys",
        };
        // Traceback lines point at the lines the reader sees (hidden setup says so).
        let text = match (&lines, line.stream) {
            (Some(m), Stream::Stderr) if !m.is_identity() => m.map_traceback(&line.text),
            _ => line.text.to_string(),
        };
        html! { <div {class}>{ text }</div> }
    });
    let empty = console.as_ref().is_none_or(|c| c.is_empty());
    html! {
        <section class="panel console-panel" aria-label="Console">
            <div class="console aiopg-console" role="log" ref={body}>
                if empty { <p class="empty">{ "Output appears here when you press Run." }</p> }
                { for lines }
            </div>
        </section>
    }
}
