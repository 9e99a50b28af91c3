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
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod frames;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod keys;
#[cfg(target_arch = "wasm32")]
pub mod panels;
#[cfg(target_arch = "wasm32")]
pub mod rewind;
#[cfg(target_arch = "wasm32")]
pub mod share;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub use app::App;

#[cfg(target_arch = "wasm32")]
/// The wasm module's start: installs a panic hook that shows a readable error instead of a
/// silently dead page, then starts what the page asks for with `<html data-asyncio-playground>`:
/// `app` (index.html) the full playground, `embed` (embed.html) the iframe view, anything
/// else nothing (a page of the loader, which calls `mountPlayground` per code block).
pub fn start() {
    // The panic goes to the console (tests fail on it); www/crash.js then shows a notice
    // with the autosaved program, since the wasm instance is dead after a panic.
    console_error_panic_hook::set_once();
    let mode = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-asyncio-playground"));
    match mode.as_deref() {
        Some("app") => {
            start_app();
            // The end-to-end test of the panic notice (tests/e2e/robust.test.mjs) asks for one.
            let search = web_sys::window().and_then(|w| w.location().search().ok());
            if search.is_some_and(|s| s.contains("crash-test")) {
                panic!("crash test requested by the page's address (?crash-test)");
            }
        }
        Some("embed") => embed::frame::start(),
        _ => {}
    }
}

#[cfg(target_arch = "wasm32")]
/// Mounts the full playground on `<body>`; a share link in the address is decoded first
/// (asynchronously: the browser inflates it) and opened without touching the saved program.
fn start_app() {
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    // A link pasted into the address bar of an open page changes only the fragment.
    if let Some(w) = web_sys::window() {
        let reopen = Closure::<dyn FnMut()>::new(move || {
            if !matches!(
                crate::share::parse_fragment(&share::current_hash()),
                Ok(None)
            ) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        let _ = w.add_event_listener_with_callback("hashchange", reopen.as_ref().unchecked_ref());
        reopen.forget(); // listens for the page's lifetime
    }
    let hash = share::current_hash();
    let render = |opened: Option<app::Opened>| {
        let props = app::AppProps {
            opened: opened.map(Rc::new),
        };
        yew::Renderer::<App>::with_props(props).render();
    };
    if let Ok(None) = crate::share::parse_fragment(&hash) {
        render(None);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let opened = match share::open(&hash).await {
            Ok(Some((code, settings))) => {
                // A recorded run that cannot be read leaves the program readable.
                let run = match share::run_of(&hash).await {
                    Ok(run) => run,
                    Err(e) => Some(format!("unreadable: {e}")),
                };
                app::Opened::Link {
                    code,
                    settings,
                    run,
                }
            }
            Ok(None) => app::Opened::Failed("This link has no program in it.".into()),
            Err(e) => app::Opened::Failed(e.to_string()),
        };
        render(Some(opened));
    });
}
