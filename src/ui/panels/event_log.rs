//! The event log: every trace event (time, iteration, task, old → new, the reason in
//! words), filterable by task and kind, virtualised (fixed row height: only the rows in
//! view are in the DOM), and exportable as JSON.

use crate::ui::model::append_log::AppendLog;
use crate::ui::model::filter::Passing;
use std::rc::Rc;

use crate::runtime::{TaskId, TraceEvent};
use crate::ui::model::event_log::{
    export_json, filtered, row, visible_range, EventKind, LogFilter,
};
use crate::ui::model::Lookup;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlSelectElement, Url};
use yew::prelude::*;

/// Props compare the trace by pointer and length (not element by element): the app
/// extends its `AppendLog` when a batch arrives (or starts a new one).
#[derive(Properties)]
pub struct EventLogProps {
    /// The whole trace of the run so far.
    pub events: AppendLog<TraceEvent>,
    /// Called with the exported JSON after the download starts (e.g. for a toast).
    #[prop_or_default]
    pub onexport: Callback<String>,
    /// A task's name in a row was clicked.
    #[prop_or_default]
    pub onselect: Callback<TaskId>,
    /// Height of the scrolling list in pixels.
    #[prop_or(320.0)]
    pub height: f64,
    /// The program (line numbers in the Perfetto export's cancel reasons).
    #[prop_or_default]
    pub code: Rc<str>,
    /// The filter bar's verdict per task: only the events of passing tasks are listed.
    #[prop_or_default]
    pub passing: Rc<Passing>,
}

impl PartialEq for EventLogProps {
    fn eq(&self, other: &Self) -> bool {
        self.events.key() == other.events.key()
            && self.onexport == other.onexport
            && self.onselect == other.onselect
            && self.height == other.height
            && self.code == other.code
            && Rc::ptr_eq(&self.passing, &other.passing)
    }
}

/// Every row is this tall (the virtualisation depends on it; `www/panels.css` agrees).
pub const ROW_HEIGHT: f64 = 24.0;
const OVERSCAN: usize = 8;

/// Offers `text` as a file download through a Blob and an object URL.
pub(crate) fn download(file: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file);
    a.click();
    // Revoke once the click has been handled.
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[component]
pub fn EventLogPanel(props: &EventLogProps) -> Html {
    let filter = use_state(LogFilter::default);
    let scroll_top = use_state(|| 0.0f64);
    let key = props.events.key();
    let lookup = {
        let events = props.events.clone();
        use_memo(key, move |_| Lookup::from_events(&events.items()))
    };
    let shown = {
        let (events, passing) = (props.events.clone(), props.passing.clone());
        let filter_key = Rc::as_ptr(&passing) as usize;
        use_memo((key, *filter, filter_key), move |(_, f, _)| {
            let items = events.items();
            let mut v = filtered(&items, f);
            if !passing.all() {
                v.retain(|&i| {
                    items
                        .get(i as usize)
                        .is_some_and(|ev| passing.task(ev.task))
                });
            }
            v
        })
    };

    let viewport = use_node_ref();
    // Whether the list sticks to its newest row (true until the user scrolls up).
    let stick = use_mut_ref(|| true);
    {
        let (viewport, stick, scroll_top) = (viewport.clone(), stick.clone(), scroll_top.clone());
        use_effect_with((shown.len(), *filter), move |_| {
            if let (true, Some(el)) = (*stick.borrow(), viewport.cast::<Element>()) {
                el.set_scroll_top(el.scroll_height());
                scroll_top.set(el.scroll_top() as f64);
            }
        });
    }
    // A new filter: the newest rows when sticking, else the top.
    let set_filter = {
        let (filter, scroll_top) = (filter.clone(), scroll_top.clone());
        let (viewport, stick) = (viewport.clone(), stick.clone());
        Rc::new(move |f: LogFilter| {
            filter.set(f);
            if !*stick.borrow() {
                if let Some(el) = viewport.cast::<Element>() {
                    el.set_scroll_top(0);
                }
                scroll_top.set(0.0);
            }
        })
    };
    let on_task = {
        let (filter, set_filter) = (filter.clone(), set_filter.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let task = v.parse::<u32>().ok().map(TaskId);
            set_filter(LogFilter { task, ..*filter });
        })
    };
    let on_kind = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = EventKind::from_value(&v);
            set_filter(LogFilter { kind, ..*filter });
        })
    };
    let onscroll = {
        let (scroll_top, stick) = (scroll_top.clone(), stick.clone());
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<Element>();
            let top = el.scroll_top();
            *stick.borrow_mut() = top + el.client_height() >= el.scroll_height() - 2;
            scroll_top.set(top as f64)
        })
    };
    let on_export = {
        let events = props.events.clone();
        let onexport = props.onexport.clone();
        Callback::from(move |_: MouseEvent| {
            let json = export_json(&events.items());
            if let Err(e) = download("asyncio-trace.json", &json) {
                web_sys::console::warn_2(&"trace export failed".into(), &e);
            }
            onexport.emit(json);
        })
    };

    let on_perfetto = {
        let (events, code) = (props.events.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| {
            let lines = crate::lang::span::LineTable::new(&code);
            let cx = crate::ui::model::provenance::Context {
                lines: Some(&lines),
                failures: None,
            };
            let trace = crate::export::chrome::export(&events.items(), cx);
            let json = serde_json::to_string(&trace).unwrap_or_default();
            if let Err(e) = download("asyncio-trace.perfetto.json", &json) {
                web_sys::console::warn_2(&"trace export failed".into(), &e);
            }
        })
    };

    let task_options = lookup.tasks().map(|(t, name)| {
        let selected = filter.task == Some(t);
        html! { <option value={t.0.to_string()} {selected}>{ name.to_string() }</option> }
    });
    let kind_options = EventKind::ALL.iter().map(|k| {
        let selected = filter.kind == Some(*k);
        html! { <option value={k.value()} {selected}>{ k.label() }</option> }
    });
    let all = props.events.items();
    let range = visible_range(shown.len(), *scroll_top, props.height, ROW_HEIGHT, OVERSCAN);
    let rows = shown[range.clone()].iter().enumerate().map(|(k, &i)| {
        let pos = range.start + k;
        let Some(ev) = all.get(i as usize) else {
            return html! {};
        };
        let r = row(ev, &lookup);
        let task = ev.task;
        let onclick = props.onselect.reform(move |_: MouseEvent| task);
        html! {
            <div class={classes!("log-row", format!("kind-{}", r.kind.value()))} role="row"
                 aria-rowindex={(pos + 2).to_string()} data-seq={r.seq.to_string()}
                 style={format!("position:absolute;left:0;right:0;top:{}px;height:{}px", pos as f64 * ROW_HEIGHT, ROW_HEIGHT)}>
                <span role="cell" class="log-time">{ r.time }</span>
                <span role="cell" class="log-iter">{ r.iteration.to_string() }</span>
                <span role="cell" class="log-task">
                    <button type="button" class="link-button" {onclick}
                            aria-label={format!("Select {}", r.task)}>{ r.task.clone() }</button>
                </span>
                <span role="cell" class="log-change">{ r.change }</span>
                <span role="cell" class="log-reason" title={r.reason.clone()}>{ r.reason }</span>
            </div>
        }
    });
    html! {
        <section class="panel event-log-panel" aria-label="Event log">
            <h2 class="panel-title">{ format!("Event log ({} of {})", shown.len(), props.events.len()) }</h2>
            <div class="panel-toolbar" role="toolbar" aria-label="Filter and export the event log">
                <label>
                    { "Task " }
                    <select class="log-filter-task" onchange={on_task} aria-label="Show events of task" title="Only the events of one task">
                        <option value="" selected={filter.task.is_none()}>{ "all tasks" }</option>
                        { for task_options }
                    </select>
                </label>
                <label>
                    { "Kind " }
                    <select class="log-filter-kind" onchange={on_kind} aria-label="Show events of kind" title="Only one kind of event">
                        <option value="" selected={filter.kind.is_none()}>{ "all kinds" }</option>
                        { for kind_options }
                    </select>
                </label>
                <button type="button" class="log-export" onclick={on_export}
                        aria-label="Export all events as JSON" title="Download every event of this run as JSON (asyncio-trace.json)">{ "Export JSON" }</button>
                <button type="button" class="log-export-perfetto" onclick={on_perfetto}
                        title="Chrome trace-event JSON: open it in ui.perfetto.dev or chrome://tracing"
                        aria-label="Export for Perfetto">{ "Export for Perfetto" }</button>
            </div>
            <div class="log-table" role="table" aria-label="Trace events" aria-rowcount={(shown.len() + 1).to_string()}>
                <div class="log-row log-head" role="row" aria-rowindex="1">
                    <span role="columnheader" class="log-time">{ "Time" }</span>
                    <span role="columnheader" class="log-iter">{ "Iter" }</span>
                    <span role="columnheader" class="log-task">{ "Task" }</span>
                    <span role="columnheader" class="log-change">{ "Change" }</span>
                    <span role="columnheader" class="log-reason">{ "Why" }</span>
                </div>
                <div class="log-viewport" ref={viewport} tabindex="0" {onscroll}
                     style={format!("height:{}px;overflow-y:auto;position:relative", props.height)}>
                    <div class="log-spacer" role="rowgroup"
                         style={format!("position:relative;height:{}px", shown.len() as f64 * ROW_HEIGHT)}>
                        { for rows }
                    </div>
                </div>
            </div>
        </section>
    }
}
