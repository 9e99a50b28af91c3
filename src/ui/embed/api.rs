//! What `www/loader.js` calls: `mountPlayground` renders an embed into an element and
//! returns its handle (`run`, `stop`, `reset`, `setCode`, `status`, `output`, `destroy`).
//! One wasm module serves every embed on a page; each mount has its own event loop.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::authoring::Authoring;
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
/// playground's address; `on_event(type, detail)` receives the events. `setup` (optional) is
/// an array of code pieces that run first, hidden (earlier blocks of a `data-after` chain,
/// then `data-setup`); `preview` (optional) an element shown in place of the panels until
/// the first run (the pre-rendered output). A bad option or an oversize program throws an
/// `Error` whose message says what to fix.
#[wasm_bindgen(js_name = mountPlayground)]
pub fn mount_playground(
    root: web_sys::Element,
    code: &str,
    options: js_sys::Array,
    app_url: &str,
    on_event: js_sys::Function,
    setup: Option<js_sys::Array>,
    preview: Option<web_sys::Element>,
) -> Result<EmbedHandle, JsError> {
    let pairs = options.iter().filter_map(|pair| {
        let pair = js_sys::Array::from(&pair);
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    });
    let options = EmbedOptions::from_pairs(pairs).map_err(|e| JsError::new(&e.to_string()))?;
    let code = block_code(code);
    let setup: Vec<String> = setup
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let authoring = Authoring::new(setup, &code);
    let size = authoring.author().text.len();
    if size > MAX_PROGRAM_BYTES {
        return Err(JsError::new(&format!(
            "The program is too large ({size} bytes; the limit is {MAX_PROGRAM_BYTES})."
        )));
    }
    let sink: Sink = Rc::new(move |ty: &str, detail: &js_sys::Object| {
        let _ = on_event.call2(&JsValue::NULL, &ty.into(), detail);
    });
    Ok(mount(
        root, authoring, options, app_url, sink, None, preview,
    ))
}

/// Renders an embed into `root` (also used by the iframe page).
pub(super) fn mount(
    root: web_sys::Element,
    authoring: Authoring,
    options: EmbedOptions,
    app_url: &str,
    sink: Sink,
    error: Option<String>,
    preview: Option<web_sys::Element>,
) -> EmbedHandle {
    let remote = Remote::new(sink, authoring.clone());
    let props = EmbedProps {
        authoring,
        preview,
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

    /// Puts the author's code back (and clears the run).
    #[wasm_bindgen(js_name = resetCode)]
    pub fn reset_code(&self) {
        self.remote.reset_code();
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
        self.remote.set_code(code);
        Ok(())
    }

    /// The program in the editor now, as the reader sees it (hidden lines left out).
    #[wasm_bindgen(getter)]
    pub fn code(&self) -> String {
        self.remote.visible_code()
    }

    /// Has the reader changed the author's code?
    #[wasm_bindgen(getter)]
    pub fn edited(&self) -> bool {
        match (self.remote.playground(), self.remote.authoring()) {
            (Some(pg), Some(a)) => *pg.state().code != *a.author().text,
            _ => false,
        }
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
