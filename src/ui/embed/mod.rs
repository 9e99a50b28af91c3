//! Embedded playgrounds: the compact view (`view`), mounted many times on a page by the
//! loader's JS API (`api`) or once by the iframe page (`frame`). Each mount has its own
//! reducer, run, driver and event loop; `remote` is how the outside reaches one.

pub mod api;
pub mod authoring;
mod console;
mod editor;
pub mod frame;
pub mod remote;
pub mod view;

/// Forces the page's colour theme (`<html data-theme>`); `auto` removes the override.
pub fn set_page_theme(theme: crate::share::Theme) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        crate::share::Theme::Auto | crate::share::Theme::Inherit => {
            el.remove_attribute("data-theme")
        }
        t => el.set_attribute("data-theme", t.word()),
    };
}
