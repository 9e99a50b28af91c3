//! Browser test (wasm-pack test --headless --chrome): mount the app shell and click Run.
#![cfg(target_arch = "wasm32")]

use asyncio_playground::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element under `<body>` to mount one app into.
fn mount_root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

#[wasm_bindgen_test]
async fn shell_has_header_editor_tasks_console_and_run() {
    let root = mount_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    assert_eq!(
        find(&root, "h1.brand").text_content().unwrap(),
        "asyncio playground"
    );
    // At first a preview of the program, then CodeMirror (once the page is idle).
    let preview = find(&root, "#code .cm-preview-text")
        .text_content()
        .unwrap();
    assert!(
        preview.contains("asyncio.run(main())"),
        "the preview shows: {preview:?}"
    );
    let mut waited = 0;
    while root.query_selector("#code .cm-content").unwrap().is_none() && waited < 5_000 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        waited += 20;
    }
    let editor_text = find(&root, "#code .cm-content").text_content().unwrap();
    assert!(
        editor_text.contains("asyncio.run(main())"),
        "editor shows: {editor_text:?}"
    );
    assert!(
        root.query_selector("#code .cm-preview").unwrap().is_none(),
        "the preview is gone once CodeMirror is up"
    );
    assert!(find(&root, ".tasks-panel .panel-title")
        .text_content()
        .unwrap()
        .starts_with("Tasks"));
    assert_eq!(
        find(&root, ".console-panel .panel-title")
            .text_content()
            .unwrap(),
        "Console"
    );
    assert_eq!(
        find(&root, "#status").text_content().unwrap().trim(),
        "Ready"
    );

    find(&root, "#run").unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;

    let console = find(&root, "#console").text_content().unwrap();
    assert!(
        console.contains("run 1: main.py"),
        "console after Run: {console:?}"
    );
}
