//! The filter bar: task name, state, TaskGroup and free text, applied at once to the task
//! table, the timeline, the await tree and the event log (`model::filter`). Alt+F focuses
//! it; Escape in it clears it.

use std::rc::Rc;

use crate::ui::model::filter::{group_label, Filter, GroupChoice};
use crate::ui::model::task_table::{state_from_value, state_value};
use crate::ui::model::StateKind;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub filter: Rc<Filter>,
    /// Tasks passing, and tasks in the run.
    pub count: usize,
    pub total: usize,
    /// The TaskGroups the run's tasks were created by (ids, ascending).
    pub groups: Rc<Vec<u32>>,
    pub onchange: Callback<Filter>,
}

/// The element Alt+F focuses.
pub const FILTER_FOCUS_ID: &str = "filter-name";

#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let f = props.filter.clone();
    let on_name = {
        let (f, on) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let name = e.target_unchecked_into::<HtmlInputElement>().value();
            on.emit(Filter {
                name,
                ..(*f).clone()
            })
        })
    };
    let on_text = {
        let (f, on) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            on.emit(Filter {
                text,
                ..(*f).clone()
            })
        })
    };
    let on_state = {
        let (f, on) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on.emit(Filter {
                state: state_from_value(&v),
                ..(*f).clone()
            })
        })
    };
    let on_group = {
        let (f, on) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on.emit(Filter {
                group: GroupChoice::from_value(&v),
                ..(*f).clone()
            })
        })
    };
    let on_clear = props.onchange.reform(|_: MouseEvent| Filter::default());
    // Escape in any field clears the whole filter (and keeps the focus there).
    let on_key = {
        let on = props.onchange.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on.emit(Filter::default());
            }
        })
    };
    let state_options = StateKind::ALL.iter().map(|k| {
        html! { <option value={state_value(Some(*k))} selected={f.state == Some(*k)}>{ k.label() }</option> }
    });
    let group_options = props.groups.iter().map(|&g| {
        let choice = GroupChoice::In(g);
        html! { <option value={choice.value()} selected={f.group == choice}>{ group_label(g) }</option> }
    });
    let active = !f.is_empty();
    html! {
        <div class={classes!("filter-bar", active.then_some("active"))} role="search" aria-label="Filter tasks in every view"
             onkeydown={on_key}>
            <label class="filter-field">
                <span class="filter-label">{ "Task" }</span>
                <input id={FILTER_FOCUS_ID} type="text" class="filter-name" placeholder="name" value={f.name.clone()}
                    oninput={on_name} aria-label="Filter by task name" autocomplete="off" spellcheck="false"
                    title="Only tasks whose name contains this (Alt+F; Escape clears)" />
            </label>
            <label class="filter-field">
                <span class="filter-label">{ "State" }</span>
                <select id="filter-state" class="filter-state" onchange={on_state} aria-label="Filter by state">
                    <option value="" selected={f.state.is_none()}>{ "any" }</option>
                    { for state_options }
                </select>
            </label>
            <label class="filter-field">
                <span class="filter-label">{ "TaskGroup" }</span>
                <select id="filter-group" class="filter-group" onchange={on_group} aria-label="Filter by TaskGroup">
                    <option value="" selected={f.group == GroupChoice::Any}>{ "any" }</option>
                    <option value="none" selected={f.group == GroupChoice::Outside}>{ "not in a group" }</option>
                    { for group_options }
                </select>
            </label>
            <label class="filter-field filter-text-field">
                <span class="filter-label">{ "Text" }</span>
                <input id="filter-text" type="search" class="filter-text" placeholder="awaits, result, line…"
                    value={f.text.clone()} oninput={on_text} aria-label="Filter by any text of the task"
                    autocomplete="off" spellcheck="false"
                    title="Only tasks with this in their name, state, what they await, result, TaskGroup or line" />
            </label>
            <span id="filter-count" class="filter-count" aria-live="polite">
                { format!("{} of {} tasks", props.count, props.total) }
            </span>
            <button type="button" id="filter-clear" class="btn btn-small filter-clear" onclick={on_clear}
                disabled={!active} title="Show every task again (Escape)">{ "Clear" }</button>
        </div>
    }
}
