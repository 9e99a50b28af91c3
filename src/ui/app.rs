//! The app shell: header with the controls, editor, task pane, console.

use super::hooks::Playground;
use super::panels::{ConsolePanel, EditorPanel, TasksPanel, Toolbar};
use super::state::State;
use yew::prelude::*;

/// The whole playground page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| match super::storage::load_code() {
        Some(code) => State {
            code: code.into(),
            ..State::default()
        },
        None => State::default(),
    });
    let playground = Playground::new(state);
    html! {
        <ContextProvider<Playground> context={playground}>
            <div class="app">
                <header class="app-header">
                    <h1 class="brand">{ "asyncio playground" }</h1>
                    <Toolbar />
                </header>
                <main class="workspace">
                    <EditorPanel />
                    <TasksPanel />
                    <ConsolePanel />
                </main>
            </div>
        </ContextProvider<Playground>>
    }
}
