//! The iframe view (`embed.html?options#code=…`): one embed filling the page, talking to its
//! parent only through `postMessage` with the documented message set (docs/embedding.md).
//! Incoming messages are data: a known `type` selects a verb, everything else is ignored,
//! and nothing received is ever evaluated (a `set-code` program runs in the Python VM only).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::api::mount;
use super::remote::{Remote, Sink};
use crate::share::link::pairs;
use crate::share::{EmbedOptions, Settings, MAX_PROGRAM_BYTES};

/// Every message in either direction has a `type` starting with this.
pub const PREFIX: &str = "asyncio-playground:";

/// Starts the iframe view from the page's address.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    let Some(root) = doc
        .get_element_by_id("playground")
        .or_else(|| doc.body().map(Into::into))
    else {
        return;
    };
    let loc = window.location();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let (mut options, option_error) = match EmbedOptions::from_pairs(pairs(&search)) {
        Ok(o) => (o, None),
        Err(e) => (EmbedOptions::default(), Some(e.to_string())),
    };
    let app_url = loc
        .href()
        .ok()
        .and_then(|h| web_sys::Url::new_with_base("./", &h).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| "./".into());
    wasm_bindgen_futures::spawn_local(async move {
        let (code, settings, link_error) = match crate::ui::share::open(&hash).await {
            Ok(Some((code, settings))) => (code, settings, None),
            Ok(None) => (
                String::new(),
                Settings::default(),
                Some("This embed has no program: its address needs #code=… (Copy link in the playground makes one).".to_string()),
            ),
            Err(e) => (String::new(), Settings::default(), Some(e.to_string())),
        };
        // The query's options win over the link's settings.
        let s = &mut options.settings;
        s.speed = s.speed.or(settings.speed);
        s.theme = s.theme.or(settings.theme);
        if s.panels.is_none() {
            s.panels = settings.panels;
        }
        if let Some(t) = s.theme {
            super::set_page_theme(t);
        }
        let target = options.parent_origin.clone().unwrap_or_else(|| "*".into());
        let sink: Sink =
            Rc::new(move |ty: &str, detail: &js_sys::Object| post(&target, ty, detail));
        let error = match (option_error, link_error) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        let allowed = options.parent_origin.clone();
        // `# hide` lines of the link's program are hidden here too.
        let authoring = super::authoring::Authoring::new(Vec::new(), &code);
        let handle = mount(root, authoring, options, &app_url, sink, error, None);
        let remote = handle.remote();
        listen(remote.clone(), allowed);
        observe_height(remote.clone());
        remote.emit("ready", &js_sys::Object::new());
        // The view lives as long as the page.
        std::mem::forget(handle);
    });
}

/// Posts `{type: PREFIX + ty, ...detail}` to the parent window (none when not framed).
fn post(target: &str, ty: &str, detail: &js_sys::Object) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let msg = js_sys::Object::assign(&js_sys::Object::new(), detail);
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &format!("{PREFIX}{ty}").into());
    let _ = parent.post_message(&msg, target);
}

/// What a parent may ask: the `type` (without the prefix) and, for `set-code`, the program.
#[derive(Debug, PartialEq)]
enum Request {
    Run,
    Stop,
    Reset,
    SetCode(String),
    GetStatus,
}

/// Reads a message's data; `None` for anything not in the documented set.
fn request(data: &JsValue) -> Option<Request> {
    if !data.is_object() {
        return None;
    }
    let ty = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    Some(match ty.strip_prefix(PREFIX)? {
        "run" => Request::Run,
        "stop" => Request::Stop,
        "reset" => Request::Reset,
        "get-status" => Request::GetStatus,
        "set-code" => {
            let code = js_sys::Reflect::get(data, &"code".into())
                .ok()?
                .as_string()?;
            (code.len() <= MAX_PROGRAM_BYTES).then_some(Request::SetCode(code))?
        }
        _ => return None,
    })
}

/// Obeys messages from the parent window only (and only from `allowed` when set).
fn listen(remote: Remote, allowed: Option<String>) {
    let Some(w) = web_sys::window() else { return };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(w) = web_sys::window() else { return };
            let from_parent = match (e.source(), w.parent()) {
                (Some(src), Ok(Some(parent))) => {
                    js_sys::Object::is(&src, &parent) && !js_sys::Object::is(&parent, &w)
                }
                _ => false,
            };
            if !from_parent || allowed.as_ref().is_some_and(|o| *o != e.origin()) {
                return;
            }
            let Some(req) = request(&e.data()) else {
                return;
            };
            let Some(pg) = remote.playground() else {
                return;
            };
            match req {
                Request::Run => pg.run(),
                Request::Stop => remote.stop(),
                Request::Reset => pg.reset(),
                Request::SetCode(code) => remote.set_code(&code),
                Request::GetStatus => remote.emit_status(pg.state().status),
            }
        });
    let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget(); // listens for the page's lifetime
}

/// Tells the parent the content's height whenever it changes, so it can size the iframe.
fn observe_height(remote: Remote) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let measure = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let d = js_sys::Object::new();
        let h = measure.scroll_height();
        let _ = js_sys::Reflect::set(&d, &"height".into(), &h.into());
        remote.emit("resize", &d);
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        obs.observe(&body);
        std::mem::forget(obs);
    }
    on_resize.forget();
}
