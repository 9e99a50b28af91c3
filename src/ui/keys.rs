//! Keyboard shortcuts for the whole page: one `keydown` listener on the document, so Alt+P,
//! Alt+C… work before anything has focus. Keys typed inside another app on the same page
//! (another mounted playground) are left to that one.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::hooks::Playground;
use super::panels::shortcut;

/// Listens for shortcuts while the app is mounted; `root` is the app's outer element.
#[hook]
pub fn use_shortcuts(playground: Playground, root: NodeRef) {
    // The listener outlives renders: it reads the latest playground from here.
    let current = use_mut_ref(|| playground.clone());
    *current.borrow_mut() = playground;
    use_effect_with((), move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        let listener = {
            let (current, root) = (current.clone(), root.clone());
            Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if !is_ours(&e, &root) {
                    return;
                }
                let pg = current.borrow().clone();
                if shortcut(&pg, &e) {
                    e.prevent_default();
                }
            })
        };
        if let Some(doc) = &doc {
            let _ =
                doc.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        // The cleanup owns the listener: it lives exactly as long as the subscription.
        move || {
            if let Some(doc) = doc {
                let _ = doc.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// A key pressed inside this app, or with nothing focused (on `<body>`).
fn is_ours(e: &KeyboardEvent, root: &NodeRef) -> bool {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return true;
    };
    if let Some(el) = root.cast::<web_sys::Node>() {
        if el.contains(Some(&target)) {
            return true;
        }
    }
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    body.is_some_and(|b| b.is_same_node(Some(&target)))
        || target.node_name().eq_ignore_ascii_case("html")
}
