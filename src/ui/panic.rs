//! The last line of defence: if a Rust panic slips through (a bug; user input never should
//! cause one), the page shows a readable notice with the autosaved program instead of dying
//! blank. Everything here works after the wasm instance has trapped: plain DOM, no callbacks.

use wasm_bindgen::JsCast;

/// Installs the hook: the panic goes to the console (`console_error_panic_hook`, so tests
/// that watch the console fail on it), then a notice replaces nothing and covers the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show_notice(&info.to_string());
    }));
}

/// Adds `<div id="crash" role="alert">` with the message, the saved code in a read-only
/// textarea (select it to copy) and a reload link. Text is set as text, never as HTML.
fn show_notice(message: &str) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    if doc.get_element_by_id("crash").is_some() {
        return Some(());
    }
    let body = doc.body()?;
    let notice = doc.create_element("div").ok()?;
    notice.set_id("crash");
    notice.set_attribute("role", "alert").ok()?;
    let title = doc.create_element("h2").ok()?;
    title.set_text_content(Some("The playground hit an internal error"));
    let text = doc.create_element("p").ok()?;
    text.set_text_content(Some(
        "This is a bug in the playground, not in your program. Your code was saved as you \
         typed: it is below, and it will be back in the editor when you reload.",
    ));
    let code = doc
        .create_element("textarea")
        .ok()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    code.set_read_only(true);
    code.set_attribute("aria-label", "Your saved program")
        .ok()?;
    code.set_value(&super::storage::load_code().unwrap_or_default());
    let reload = doc.create_element("a").ok()?;
    reload.set_attribute("href", "").ok()?;
    reload.set_text_content(Some("Reload the playground"));
    let detail = doc.create_element("pre").ok()?;
    detail.set_text_content(Some(message));
    for child in [&title, &text, code.as_ref(), &reload, &detail] {
        notice.append_child(child).ok()?;
    }
    body.append_child(&notice).ok()?;
    Some(())
}
