//! The web entry point: Trunk builds this binary for wasm32 and mounts the Yew app.

#[cfg(target_arch = "wasm32")]
fn main() {
    asyncio_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "asyncio-playground is the web app (built with `trunk`); the native CLI is `aioplay`."
    );
    std::process::exit(2);
}
