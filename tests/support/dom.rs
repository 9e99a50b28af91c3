//! Mounting a component under `<body>` and reading the DOM back.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, BaseComponent};

/// Mounts `C` with `props` into a fresh element and waits for the first render.
pub async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    mount_handle::<C>(props).await.0
}

/// Like `mount`, keeping the handle to pass new props (`handle.update(props)`).
pub async fn mount_handle<C>(props: C::Properties) -> (Element, AppHandle<C>)
where
    C: BaseComponent,
{
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, handle)
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

/// Sets a `<select>`'s value and fires `change`.
pub async fn choose(root: &Element, selector: &str, value: &str) {
    let sel: web_sys::HtmlSelectElement = find(root, selector).unchecked_into();
    sel.set_value(value);
    let ev = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    sel.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

/// The class list of an element as one string.
pub fn class(e: &Element) -> String {
    e.get_attribute("class").unwrap_or_default()
}
