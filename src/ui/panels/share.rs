//! Sharing from the full page: the "Copy link" button (with the link shown to copy by hand
//! when the clipboard refuses, and ready `<iframe>` and `<pre>` embeds of the program) and
//! the banner of a page opened from a link.

use crate::share::{snippets, Panel, Settings, Speed};
use crate::ui::hooks::use_playground;
use crate::ui::share::{fragment, fragment_with_run, page_url};
use crate::ui::state::LinkNotice;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// What the share popover shows (view-only state).
#[derive(Clone, PartialEq)]
enum Shared {
    /// The link, whether it reached the clipboard, the two embed snippets, and whether
    /// the link also carries the run, to replay.
    Link {
        url: String,
        copied: bool,
        iframe: String,
        pre: String,
        replay: bool,
    },
    /// Why no link could be made (too large).
    Error(String),
}

/// The theme the page shows, if one was forced (`<html data-theme>`).
pub fn page_theme() -> Option<crate::share::Theme> {
    let el = web_sys::window()?.document()?.document_element()?;
    match el.get_attribute("data-theme")?.as_str() {
        "dark" => Some(crate::share::Theme::Dark),
        "light" => Some(crate::share::Theme::Light),
        _ => None,
    }
}

/// The panels a link should open: the open tab of each group, when not the first one
/// (read from the tab strips, whose open tab is view-only state).
fn open_panels() -> Option<Vec<Panel>> {
    let doc = web_sys::window()?.document()?;
    let tabs = doc
        .query_selector_all("[role=tab][aria-selected=true]")
        .ok()?;
    let mut panels = Vec::new();
    let mut first_tabs = true;
    for i in 0..tabs.length() {
        let Some(el) = tabs
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let id = el.id();
        let word = id.strip_prefix("tab-").unwrap_or(&id);
        if let Some(p) = Panel::parse_list(word) {
            first_tabs &= el.previous_element_sibling().is_none();
            panels.extend(p);
        }
    }
    (!first_tabs && !panels.is_empty()).then_some(panels)
}

async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let p = w.navigator().clipboard().write_text(text);
    JsFuture::from(p).await.is_ok()
}

/// "Copy link": the program and the speed (and a forced theme) in a link, on the clipboard.
#[component]
pub fn ShareButton() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let shown = use_state(|| None::<Shared>);
    let onclick = {
        let (shown, code, speed) = (shown.clone(), pg.state().code.clone(), pg.state().speed);
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| {
            let (shown, code) = (shown.clone(), code.clone());
            let run = pg.shareable_run();
            let settings = Settings {
                speed: Some(Speed::from_factor(speed)),
                theme: page_theme(),
                panels: open_panels(),
            };
            spawn_local(async move {
                let page = page_url();
                let code_only = fragment(&code, &Settings::default()).await;
                // With the run when it fits; else the program alone.
                let with_run = match &run {
                    Some(r) => fragment_with_run(&code, &settings, r).await.ok(),
                    None => None,
                };
                let made = match with_run {
                    Some(f) => Ok((f, true)),
                    None => fragment(&code, &settings).await.map(|f| (f, false)),
                };
                match (made, code_only) {
                    (Ok((f, replay)), Ok(code_only)) => {
                        let url = format!("{page}#{f}");
                        let copied = copy(&url).await;
                        let iframe = snippets::iframe(&page, &settings, &code_only);
                        let pre = snippets::pre_block(&page, &settings, &code);
                        shown.set(Some(Shared::Link {
                            url,
                            copied,
                            iframe,
                            pre,
                            replay,
                        }));
                    }
                    (Err(e), _) | (_, Err(e)) => shown.set(Some(Shared::Error(e.to_string()))),
                }
            });
        })
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(None))
    };
    let onkeydown = {
        let shown = shown.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                shown.set(None);
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    let popover = match &*shown {
        None => html! {},
        Some(Shared::Link {
            url,
            copied,
            iframe,
            pre,
            replay,
        }) => html! {
            <div class="share-popover" role="dialog" aria-label="Share link" {onkeydown}>
                <p class="share-note">{ match (*copied, *replay) {
                    (true, false) => "Link copied. Anyone who opens it gets this program and speed.",
                    (true, true) => "Link copied. Anyone who opens it gets this program and speed, and can replay this very run (your cancel clicks and shutdown included).",
                    (false, _) => "Copy this link (the clipboard was not available):",
                } }</p>
                <input id="share-url" class="share-url" readonly=true value={url.clone()}
                    aria-label="Share link" onfocus={select_all} />
                <p class="share-note share-embed-title">{ "Embed this program on a page (same speed and theme):" }</p>
                <Snippet id="share-iframe" label="As an iframe" text={iframe.clone()} />
                <Snippet id="share-pre" label="As a code block (the loader turns it into a playground)" text={pre.clone()} />
                <button class="btn btn-small" onclick={close}>{ "Close" }</button>
            </div>
        },
        Some(Shared::Error(msg)) => html! {
            <div class="share-popover" role="alert" {onkeydown}>
                <p class="share-note">{ msg.clone() }</p>
                <button class="btn btn-small" onclick={close}>{ "Close" }</button>
            </div>
        },
    };
    html! {
        <span class="share">
            <button class="btn" id="copy-link" {onclick}
                title="Copy a link that opens this program (with its speed and open tabs) for anyone">{ "Copy link" }</button>
            { popover }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetProps {
    id: AttrValue,
    label: AttrValue,
    text: String,
}

/// One ready-to-paste snippet: its text (selected on focus) and a Copy button.
#[component]
fn Snippet(props: &SnippetProps) -> Html {
    let copied = use_state(|| None::<bool>);
    let onclick = {
        let (copied, text) = (copied.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, text) = (copied.clone(), text.clone());
            spawn_local(async move { copied.set(Some(copy(&text).await)) });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    });
    let rows = props.text.lines().count().clamp(2, 6).to_string();
    html! {
        <div class="share-snippet">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <textarea id={props.id.clone()} class="share-url" readonly=true {rows}
                value={props.text.clone()} onfocus={select_all} spellcheck="false" />
            <button class="btn btn-small" id={format!("copy-{}", props.id.trim_start_matches("share-"))}
                {onclick} aria-label={format!("Copy: {}", props.label)}>
                { match *copied { Some(true) => "Copied", Some(false) => "Select and copy by hand", None => "Copy" } }
            </button>
        </div>
    }
}

/// The banner of a page opened from a link: Keep it, or Restore my code; or why the link
/// could not be opened.
#[component]
pub fn LinkBanner() -> Html {
    let Some(pg) = use_playground() else {
        return html! {};
    };
    let act = |f: fn(&crate::ui::hooks::Playground)| {
        let pg = pg.clone();
        Callback::from(move |_: MouseEvent| f(&pg))
    };
    match &pg.state().link {
        None => html! {},
        Some(LinkNotice::Opened) => html! {
            <div class="link-banner" id="link-banner" role="status">
                <span>{ "Opened from a link" }</span>
                if let Some(script) = pg.state().history.offered.clone() {
                    <button class="btn btn-small btn-primary" id="link-replay" onclick={
                        let (pg, script) = (pg.clone(), script.clone());
                        Callback::from(move |_: MouseEvent| {
                            let code = pg.state().code.to_string();
                            pg.replay(&code, (*script).clone(), "Replayed the run recorded in the link", None);
                        })
                    } title="Re-run the program with the recorded clock and the sender's actions (cancel clicks, shutdown, stop) at the same loop iterations">
                        { format!("Replay the recorded run ({} action{})", script.user_actions().count(),
                            if script.user_actions().count() == 1 { "" } else { "s" }) }
                    </button>
                }
                <span class="link-banner-note">{ "· your own program is saved and untouched; edits here are not saved until you keep this one ·" }</span>
                <button class="btn btn-small" id="link-keep" onclick={act(|p| p.keep_link())}>{ "Keep" }</button>
                <button class="btn btn-small" id="link-restore" onclick={act(|p| p.restore_saved())}>{ "Restore my code" }</button>
            </div>
        },
        Some(LinkNotice::Failed(msg)) => html! {
            <div class="link-banner link-error" id="link-banner" role="alert">
                <span>{ format!("This link could not be opened. {msg} Your own program is open instead.") }</span>
                <button class="btn btn-small" id="link-dismiss" onclick={act(|p| p.dismiss_link())}>{ "Dismiss" }</button>
            </div>
        },
    }
}
