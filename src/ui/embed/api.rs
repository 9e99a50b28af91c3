//! What `www/loader.js` calls: `mountPlayground` renders an embed into an element and
//! returns its handle (`run`, `stop`, `reset`, `setCode`, `status`, `output`, `destroy`).
//! One wasm module serves every embed on a page; each mount has its own event loop.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::remote::{status_word, Remote, Sink};
use super::view::{EmbedProps, EmbedView};
use crate::share::{block_code, EmbedOptions, MAX_PROGRAM_BYTES};

/// A mounted playground, as JS holds it.
#[wasm_bindgen]
pub struct EmbedHandle {
    remote: Remote,
    app: Option<yew::AppHandle<EmbedView>>,
}

/// Mounts a playground inside `root`, showing `code` (an author's block: blank edge lines and
/// common indentation are dropped). `options` is an array of `[key, value]` string pairs
/// (`data-*` names or option names, see docs/embedding.md); `app_url` is the full
/// playground's address; `on_event(type, detail)` receives the events. A bad option or an
/// oversize program throws an `Error` whose message says what to fix.
#[wasm_bindgen(js_name = mountPlayground)]
pub fn mount_playground(
    root: web_sys::Element,
    code: &str,
    options: js_sys::Array,
    app_url: &str,
    on_event: js_sys::Function,
) -> Result<EmbedHandle, JsError> {
    let pairs = options.iter().filter_map(|pair| {
        let pair = js_sys::Array::from(&pair);
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    });
    let options = EmbedOptions::from_pairs(pairs).map_err(|e| JsError::new(&e.to_string()))?;
    let code = block_code(code);
    if code.len() > MAX_PROGRAM_BYTES {
        return Err(JsError::new(&format!(
            "The program is too large ({} bytes; the limit is {MAX_PROGRAM_BYTES}).",
            code.len()
        )));
    }
    let sink: Sink = Rc::new(move |ty: &str, detail: &js_sys::Object| {
        let _ = on_event.call2(&JsValue::NULL, &ty.into(), detail);
    });
    Ok(mount(root, &code, options, app_url, sink, None))
}

/// Renders an embed into `root` (also used by the iframe page).
pub(super) fn mount(
    root: web_sys::Element,
    code: &str,
    options: EmbedOptions,
    app_url: &str,
    sink: Sink,
    error: Option<String>,
) -> EmbedHandle {
    let remote = Remote::new(sink);
    let props = EmbedProps {
        code: Rc::from(code),
        options: Rc::new(options),
        remote: remote.clone(),
        app_url: Rc::from(app_url),
        error: error.map(|e| Rc::from(e.as_str())),
    };
    let app = yew::Renderer::<EmbedView>::with_root_and_props(root, props).render();
    EmbedHandle {
        remote,
        app: Some(app),
    }
}

impl EmbedHandle {
    /// The remote of this embed (for the iframe page's messages).
    pub(super) fn remote(&self) -> Remote {
        self.remote.clone()
    }
}

#[wasm_bindgen]
impl EmbedHandle {
    /// Runs the program (stopping an earlier run of it).
    pub fn run(&self) {
        if let Some(pg) = self.remote.playground() {
            pg.run();
        }
    }

    /// Stops the run; always works, even on a program that never awaits.
    pub fn stop(&self) {
        self.remote.stop();
    }

    /// Stops the run and clears the console and tasks (the code stays).
    pub fn reset(&self) {
        if let Some(pg) = self.remote.playground() {
            pg.reset();
        }
    }

    /// Replaces the program (stopping a run of the old one). Throws when it is too large.
    #[wasm_bindgen(js_name = setCode)]
    pub fn set_code(&self, code: &str) -> Result<(), JsError> {
        if code.len() > MAX_PROGRAM_BYTES {
            return Err(JsError::new("The program is too large."));
        }
        if let Some(pg) = self.remote.playground() {
            pg.set_code(code.to_string());
        }
        Ok(())
    }

    /// The program in the editor now.
    #[wasm_bindgen(getter)]
    pub fn code(&self) -> String {
        self.remote
            .playground()
            .map(|pg| pg.state().code.to_string())
            .unwrap_or_default()
    }

    /// `ready`, `running`, `paused` or `finished`.
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> String {
        self.remote
            .playground()
            .map_or("ready", |pg| status_word(pg.state().status))
            .to_string()
    }

    /// The current run's output: `{stdout, stderr}`.
    pub fn output(&self) -> js_sys::Object {
        let (out, err) = self.remote.output();
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"stdout".into(), &out.into());
        let _ = js_sys::Reflect::set(&o, &"stderr".into(), &err.into());
        o
    }

    /// Stops the run and removes the playground from the page.
    pub fn destroy(&mut self) {
        self.stop();
        self.remote.clear();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
