//! The handle the outside holds on one embedded playground: its verbs (through the view's
//! latest `Playground`) and its event sink (a JS callback, or `postMessage` to a parent).

use std::cell::RefCell;
use std::rc::Rc;

use super::authoring::Authoring;
use crate::ui::hooks::Playground;
use crate::ui::state::{RunStatus, Stream};

/// Receives `(event type, detail object)`; see docs/embedding.md for the events.
pub type Sink = Rc<dyn Fn(&str, &js_sys::Object)>;

struct Inner {
    playground: Option<Playground>,
    sink: Sink,
    authoring: Authoring,
}

/// Shared between the view (which refreshes the playground on every render) and the API.
#[derive(Clone)]
pub struct Remote(Rc<RefCell<Inner>>);

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The word the JS API and the messages use for a run status.
pub fn status_word(s: RunStatus) -> &'static str {
    match s {
        RunStatus::Idle => "ready",
        RunStatus::Running => "running",
        RunStatus::Paused => "paused",
        RunStatus::Finished => "finished",
    }
}

fn set(o: &js_sys::Object, k: &str, v: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), v);
}

impl Remote {
    /// A remote whose events go to `sink`; the view fills in the playground.
    pub fn new(sink: Sink, authoring: Authoring) -> Remote {
        Remote(Rc::new(RefCell::new(Inner {
            playground: None,
            sink,
            authoring,
        })))
    }

    /// The block's authoring state (hidden setup, the author's code).
    pub fn authoring(&self) -> Option<Authoring> {
        Some(self.0.try_borrow().ok()?.authoring.clone())
    }

    /// Replaces the visible code (the hidden setup stays): the JS API's `setCode`, an
    /// iframe's `set-code` message.
    pub fn set_code(&self, code: &str) {
        let (Some(pg), Some(a)) = (self.playground(), self.authoring()) else {
            return;
        };
        let p = a.compose(code);
        let text = p.text.clone();
        a.set_pending(p);
        pg.set_code(text);
    }

    /// Puts the author's program back (setup, code and hidden lines) and clears the run.
    pub fn reset_code(&self) {
        let (Some(pg), Some(a)) = (self.playground(), self.authoring()) else {
            return;
        };
        let p = (*a.author()).clone();
        let text = p.text.clone();
        a.set_pending(p);
        pg.set_code(text);
    }

    /// The program the reader sees (hidden lines left out).
    pub fn visible_code(&self) -> String {
        match (self.playground(), self.authoring()) {
            (Some(pg), Some(a)) => a.visible(&pg.state().code),
            _ => String::new(),
        }
    }

    /// Called by the view on each render with its current handle.
    pub fn set_playground(&self, pg: Playground) {
        if let Ok(mut inner) = self.0.try_borrow_mut() {
            inner.playground = Some(pg);
        }
    }

    /// Forgets the playground (after `destroy`, verbs do nothing).
    pub fn clear(&self) {
        if let Ok(mut inner) = self.0.try_borrow_mut() {
            inner.playground = None;
        }
    }

    /// Stops a live run; a no-op when nothing runs (so no "stopped" note on an idle embed).
    pub fn stop(&self) {
        if let Some(pg) = self.playground() {
            if matches!(pg.state().status, RunStatus::Running | RunStatus::Paused) {
                pg.stop();
            }
        }
    }

    /// The latest playground handle (cloned out, so a verb that re-renders the view
    /// synchronously does not meet a held borrow).
    pub fn playground(&self) -> Option<Playground> {
        self.0.try_borrow().ok()?.playground.clone()
    }

    /// Sends an event to the outside.
    pub fn emit(&self, ty: &str, detail: &js_sys::Object) {
        let sink = match self.0.try_borrow() {
            Ok(inner) => inner.sink.clone(),
            Err(_) => return,
        };
        sink(ty, detail);
    }

    /// `status` (every change), and `finished` with the run's output when a run ends.
    pub fn emit_status(&self, status: RunStatus) {
        let d = js_sys::Object::new();
        set(&d, "status", &status_word(status).into());
        self.emit("status", &d);
        if status == RunStatus::Finished {
            let (out, err) = self.output();
            let d = js_sys::Object::new();
            set(&d, "stdout", &out.into());
            set(&d, "stderr", &err.into());
            self.emit("finished", &d);
        }
    }

    /// The current run's stdout and stderr (the playground's own notes left out); traceback
    /// lines point at the lines the reader sees.
    pub fn output(&self) -> (String, String) {
        let Some(pg) = self.playground() else {
            return Default::default();
        };
        let (mut out, mut err) = (String::new(), String::new());
        for line in pg.state().console.iter() {
            match line.stream {
                Stream::Stdout => out.push_str(&line.text),
                Stream::Stderr => err.push_str(&line.text),
                Stream::System => {}
            }
        }
        if let Some(a) = self.authoring() {
            err = a.run_lines().map_traceback(&err);
        }
        (out, err)
    }
}
