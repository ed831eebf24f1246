//! Small helpers for component tests in the browser: mount, type, click, wait.

#![allow(dead_code)]

use js_sys::{Function, Promise, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a view into its own element under `body` (never clearing `body`: the test
/// runner reports through it). Dropping the returned value unmounts it.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn mount<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = mount_to(root.clone(), view);
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element {selector}"))
            .unchecked_into()
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// A button found by its visible text, as a person would find it.
    pub fn button(&self, label: &str) -> HtmlElement {
        let buttons = self.root.query_selector_all("button").expect("query");
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button labelled {label:?}"))
    }
}

/// Types into an input the way the browser reports typing: value, then an `input` event.
pub fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Polls until `condition` holds, for up to five seconds.
pub async fn wait_for(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if condition() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Replaces `window.fetch` for the test's lifetime with one that answers `status` and
/// `body` and counts its calls; the real fetch comes back on drop.
pub struct FakeFetch {
    original: JsValue,
    calls: Rc<Cell<u32>>,
    _closure: Closure<dyn FnMut(JsValue) -> Promise>,
}

impl FakeFetch {
    pub fn answering(status: u16, content_type: &str, body: &str) -> Self {
        let window = web_sys::window().expect("window");
        let original = Reflect::get(&window, &"fetch".into()).expect("fetch");
        let calls = Rc::new(Cell::new(0));
        let counter = calls.clone();
        let (content_type, body) = (content_type.to_owned(), body.to_owned());
        let closure = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |_request| {
            counter.set(counter.get() + 1);
            let headers = web_sys::Headers::new().expect("headers");
            headers.set("content-type", &content_type).expect("header");
            let init = web_sys::ResponseInit::new();
            init.set_status(status);
            init.set_headers(&headers);
            let response =
                web_sys::Response::new_with_opt_str_and_init(Some(&body), &init).expect("response");
            Promise::resolve(&JsValue::from(response))
        });
        let function: &Function = closure.as_ref().unchecked_ref();
        Reflect::set(&window, &"fetch".into(), function).expect("replace fetch");
        Self {
            original,
            calls,
            _closure: closure,
        }
    }

    pub fn calls(&self) -> u32 {
        self.calls.get()
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = Reflect::set(&window, &"fetch".into(), &self.original);
        }
    }
}
