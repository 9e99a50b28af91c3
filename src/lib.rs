//! asyncio-playground: Python asyncio programs on an event loop that lives in the browser tab.
//! Layers (see ARCHITECTURE.md): `runtime` (the event loop) <- `lang` (the Python subset) <- `ui`.

#[cfg(target_arch = "wasm32")]
pub mod bench_api;
pub mod export;
pub mod lang;
pub mod lints;
pub mod prerender;
pub mod presets;
pub mod replay;
pub mod runtime;
pub mod share;
pub(crate) mod sort;
pub mod ui;
