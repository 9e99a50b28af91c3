//! The examples picker (toolbar) and the explanation of the loaded example.

use crate::presets::{Preset, PRESETS};
use crate::ui::hooks::use_playground;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A select listing the gallery; choosing one loads it into the editor.
#[component]
pub fn ExamplePicker() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let selected = pg.state().preset.unwrap_or("");
    let onchange = {
        let pg = pg.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() {
                pg.load_preset(&sel.value());
            }
        })
    };
    html! {
        <label class="picker">
            <span class="visually-hidden">{ "Examples" }</span>
            <select id="examples" {onchange} aria-label="Examples" title="Load an example program (your code stays one Ctrl+Z away)">
                <option value="" selected={selected.is_empty()} disabled=true>{ "Examples…" }</option>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.id} selected={p.id == selected}>{ p.title() }</option>
                }) }
            </select>
        </label>
    }
}

/// Renders one paragraph: `code` spans and *emphasis* as elements (never as HTML).
fn paragraph(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code>{ part.to_string() }</code> }
        } else {
            let bits = part.split('*').enumerate().map(|(j, bit)| {
                if j % 2 == 1 {
                    html! { <em>{ bit.to_string() }</em> }
                } else {
                    html! { { bit.to_string() } }
                }
            });
            html! { <>{ for bits }</> }
        }
    });
    html! { <p>{ for parts }</p> }
}

/// What the loaded example shows and what to try.
#[component]
pub fn ExampleDoc() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let Some(p) = pg.state().preset.and_then(Preset::by_id) else {
        return html! {};
    };
    html! {
        <aside class="example-doc" aria-label="About this example">
            <h2 class="example-title">{ p.title() }</h2>
            { for p.paragraphs().map(paragraph) }
        </aside>
    }
}
