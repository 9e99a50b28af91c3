//! The embed's console: stdout, stderr and the playground's notes, as text (never HTML),
//! kept scrolled to the newest line; tracebacks numbered as the reader sees the code.

use crate::ui::hooks::use_playground;
use crate::ui::model::console::{tail, SHOWN_LINES};
use crate::ui::state::Stream;
use yew::prelude::*;

/// Every console line of the current run (no element ids: a page may hold many embeds).
#[component]
pub fn EmbedConsole() -> Html {
    let pg = use_playground();
    let line_map = use_context::<std::rc::Rc<crate::share::LineMap>>();
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
    // The newest lines only (as the full page): a print loop must not freeze the page.
    let all: &[crate::ui::state::ConsoleLine] = console.as_deref().map_or(&[], |c| c.as_slice());
    let shown = tail(all, |l| l.text.as_str(), SHOWN_LINES);
    let hidden = (shown.hidden > 0).then(|| {
        html! { <div class="line sys">{ format!("… {} earlier lines not drawn", shown.hidden) }</div> }
    });
    let lines = all[shown.chunk.min(all.len())..]
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let text = if k == 0 {
                &line.text[shown.offset.min(line.text.len())..]
            } else {
                line.text.as_str()
            };
            let class = match line.stream {
                Stream::Stdout => "line out",
                Stream::Stderr => "line err",
                Stream::System => "line sys",
            };
            // Traceback lines point at the lines the reader sees (hidden setup says so).
            let text = match (&line_map, line.stream) {
                (Some(m), Stream::Stderr) if !m.is_identity() => m.map_traceback(text),
                _ => text.to_string(),
            };
            html! { <div {class}>{ text }</div> }
        });
    let empty = console.as_ref().is_none_or(|c| c.is_empty());
    html! {
        <section class="panel console-panel" aria-label="Console">
            <div class="console aiopg-console" role="log" ref={body}>
                if empty { <p class="empty">{ "Output appears here when you press Run." }</p> }
                { for hidden }
                { for lines }
            </div>
        </section>
    }
}
