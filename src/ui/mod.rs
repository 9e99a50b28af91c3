//! The Yew UI (wasm only): one reducer (`state`), a hook with verbs (`hooks`), pure panels.
//! Data flows one way: user commands and runtime trace batches -> `state::Action` -> view.

pub mod app;
pub mod bridge;
pub mod editor;
pub mod hooks;
pub mod model;
pub mod panels;
pub mod state;
pub mod storage;
pub mod tasks;

pub use app::App;

/// Mounts the app on `<body>`, after installing a panic hook that shows a readable error
/// instead of a silently dead page.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
