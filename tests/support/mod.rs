//! Small helpers for component tests in the browser: mount, type, click, wait.

#![allow(dead_code)]

use js_sys::{Function, Promise, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
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

/// A canned answer for [`FakeFetch`].
#[derive(Clone)]
pub struct FakeResponse {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    pub headers: Vec<(&'static str, String)>,
}

impl FakeResponse {
    pub fn json(status: u16, body: &str) -> Self {
        let content_type = if status >= 400 {
            "application/problem+json"
        } else {
            "application/json"
        };
        Self {
            status,
            content_type,
            body: body.to_owned(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// The contract's "not signed in" answer, for screens that check the session first.
pub fn not_signed_in() -> FakeResponse {
    FakeResponse::json(401, r#"{"status":401,"code":"not_signed_in"}"#)
}

/// One request [`FakeFetch`] saw: its method, path and body (empty for a GET).
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub body: String,
}

/// Replaces `window.fetch` for the test's lifetime with `answer(method, path)`, records
/// every call (and, once read, its body), and puts the real fetch back on drop.
pub struct FakeFetch {
    original: JsValue,
    calls: Rc<std::cell::RefCell<Vec<(String, String)>>>,
    requests: Rc<std::cell::RefCell<Vec<Recorded>>>,
    _closure: Closure<dyn FnMut(JsValue) -> Promise>,
}

impl FakeFetch {
    pub fn answering(status: u16, content_type: &'static str, body: &str) -> Self {
        let response = FakeResponse {
            status,
            content_type,
            body: body.to_owned(),
            headers: Vec::new(),
        };
        Self::new(move |_, _| response.clone())
    }

    pub fn new(answer: impl Fn(&str, &str) -> FakeResponse + 'static) -> Self {
        Self::or_failing(move |method, path| Some(answer(method, path)))
    }

    /// Like [`FakeFetch::new`], but `None` makes `fetch` reject the way the browser does
    /// when the network is gone (a `TypeError`).
    pub fn or_failing(answer: impl Fn(&str, &str) -> Option<FakeResponse> + 'static) -> Self {
        let window = web_sys::window().expect("window");
        let original = Reflect::get(&window, &"fetch".into()).expect("fetch");
        let calls = Rc::new(std::cell::RefCell::new(Vec::new()));
        let requests = Rc::new(std::cell::RefCell::new(Vec::new()));
        let (log, bodies) = (calls.clone(), requests.clone());
        let answer = Rc::new(answer);
        let closure = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |request: JsValue| {
            let request: web_sys::Request = request.unchecked_into();
            let path = web_sys::Url::new(&request.url())
                .map(|u| u.pathname())
                .unwrap_or_default();
            let method = request.method();
            log.borrow_mut().push((method.clone(), path.clone()));
            let text = request.text().ok();
            let (answer, bodies) = (answer.clone(), bodies.clone());
            wasm_bindgen_futures::future_to_promise(async move {
                let body = match text {
                    Some(text) => JsFuture::from(text)
                        .await
                        .ok()
                        .and_then(|b| b.as_string())
                        .unwrap_or_default(),
                    None => String::new(),
                };
                bodies.borrow_mut().push(Recorded {
                    method: method.clone(),
                    path: path.clone(),
                    body,
                });
                let Some(canned) = answer(&method, &path) else {
                    return Err(js_sys::TypeError::new("Failed to fetch").into());
                };
                let headers = web_sys::Headers::new().expect("headers");
                headers
                    .set("content-type", canned.content_type)
                    .expect("header");
                for (name, value) in &canned.headers {
                    headers.set(name, value).expect("header");
                }
                let init = web_sys::ResponseInit::new();
                init.set_status(canned.status);
                init.set_headers(&headers);
                // 204 and friends may carry no body at all.
                let body = (!canned.body.is_empty()).then_some(canned.body.as_str());
                let response =
                    web_sys::Response::new_with_opt_str_and_init(body, &init).expect("response");
                Ok(JsValue::from(response))
            })
        });
        let function: &Function = closure.as_ref().unchecked_ref();
        Reflect::set(&window, &"fetch".into(), function).expect("replace fetch");
        Self {
            original,
            calls,
            requests,
            _closure: closure,
        }
    }

    pub fn calls(&self) -> u32 {
        self.calls.borrow().len() as u32
    }

    /// How many calls went to `method path`.
    pub fn calls_to(&self, method: &str, path: &str) -> usize {
        self.calls
            .borrow()
            .iter()
            .filter(|(m, p)| m == method && p == path)
            .count()
    }

    /// The bodies sent to `method path`, oldest first (each once it has been read).
    pub fn bodies_to(&self, method: &str, path: &str) -> Vec<String> {
        self.requests
            .borrow()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .map(|r| r.body.clone())
            .collect()
    }

    /// The last body sent to `method path`, as JSON (`Null` if none was sent).
    pub fn last_json_to(&self, method: &str, path: &str) -> serde_json::Value {
        self.bodies_to(method, path)
            .last()
            .map(|b| serde_json::from_str(b).expect("a JSON body"))
            .unwrap_or(serde_json::Value::Null)
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = Reflect::set(&window, &"fetch".into(), &self.original);
        }
    }
}

/// Presses a key on `target` the way a browser reports it, with Caps Lock on or off.
pub fn key_on(target: &HtmlInputElement, key: &str, caps_lock: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_modifier_caps_lock(caps_lock);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}
