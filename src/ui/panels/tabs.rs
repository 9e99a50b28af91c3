//! A tab strip over several panels (view-only state: which tab is open lives here).

use yew::prelude::*;

/// One tab: its id (for tests and `aria-controls`), its label, and its content.
#[derive(Clone, PartialEq)]
pub struct Tab {
    pub id: &'static str,
    pub label: String,
    pub content: Html,
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The accessible name of the tab list.
    pub label: &'static str,
    pub tabs: Vec<Tab>,
    #[prop_or_default]
    pub class: Classes,
    /// The id of the tab open at first (a share link's `panels`); the first tab if `None`
    /// or unknown.
    #[prop_or_default]
    pub initial: Option<&'static str>,
}

/// Tabs with arrow-key navigation (WAI-ARIA tabs pattern); only the open tab is rendered.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let open = {
        let first = props
            .initial
            .and_then(|id| props.tabs.iter().position(|t| t.id == id))
            .unwrap_or(0);
        use_state(move || first)
    };
    let n = props.tabs.len();
    let current = (*open).min(n.saturating_sub(1));
    let buttons = props.tabs.iter().enumerate().map(|(i, t)| {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(i))
        };
        let onkeydown = {
            let open = open.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "ArrowRight" => open.set((i + 1) % n),
                "ArrowLeft" => open.set((i + n - 1) % n),
                _ => {}
            })
        };
        let selected = i == current;
        html! {
            <button role="tab" id={format!("tab-{}", t.id)} class={classes!("tab", selected.then_some("open"))}
                aria-selected={selected.to_string()} aria-controls={format!("tabpanel-{}", t.id)}
                title={format!("{} (← → move between tabs)", t.label)}
                tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { t.label.clone() }
            </button>
        }
    });
    let body = props.tabs.get(current).map(|t| {
        html! {
            <div role="tabpanel" class="tabpanel" id={format!("tabpanel-{}", t.id)}
                aria-labelledby={format!("tab-{}", t.id)}>{ t.content.clone() }</div>
        }
    });
    html! {
        <div class={classes!("tabs", props.class.clone())}>
            <div role="tablist" class="tablist" aria-label={props.label}>{ for buttons }</div>
            { for body }
        </div>
    }
}
