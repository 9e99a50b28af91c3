//! The Yew UI: one reducer (`state`), a hook with verbs (`hooks`), pure panels (wasm only),
//! over pure view models (`model`, `tasks`: no DOM, tested natively too).
//! Data flows one way: user commands and runtime trace batches -> `state::Action` -> view.

pub mod composer;
pub mod model;
pub mod tasks;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bridge;
#[cfg(target_arch = "wasm32")]
pub mod editor;
#[cfg(target_arch = "wasm32")]
pub mod frames;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod keys;
#[cfg(target_arch = "wasm32")]
pub mod panels;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub use app::App;

#[cfg(target_arch = "wasm32")]
/// Mounts the app on `<body>`, after installing a panic hook that shows a readable error
/// instead of a silently dead page.
pub fn start() {
    // The panic goes to the console (tests fail on it); www/crash.js then shows a notice
    // with the autosaved program, since the wasm instance is dead after a panic.
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
    // The end-to-end test of the panic notice (tests/e2e/robust.test.mjs) asks for a panic.
    let search = web_sys::window().and_then(|w| w.location().search().ok());
    if search.is_some_and(|s| s.contains("crash-test")) {
        panic!("crash test requested by the page's address (?crash-test)");
    }
}
