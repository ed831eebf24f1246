//! The security screens (the second sign-in step, turning two-step verification on when
//! the organisation requires it, and the security sections of `/account`) mounted in a
//! real browser (headless Chromium), with `fetch` replaced.
#![cfg(target_arch = "wasm32")]
// A component test may unwrap and panic: a failed assertion is its point (the site's own
// code may not: Cargo.toml [lints.clippy]).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::json;
use std::cell::RefCell;
use std::collections::HashMap;
use support::Mounted;
use support::{document, mount, not_signed_in, type_into, wait_for, FakeFetch, FakeResponse};
use topocloud_contract::paths;
use topocloud_site::account::AccountPage;
use topocloud_site::i18n::{I18n, Lang};
use topocloud_site::login::SecondStepPage;
use topocloud_site::navigation::Navigation;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Where the login was going (`?return_to=`), and so where the second step goes on to.
const DESTINATION: &str = "/projects/7";
const CODE_STEP: &str = r#"{"kind":"code","expires_in":300}"#;
const ENROL_STEP: &str = r#"{"kind":"enrol","expires_in":300}"#;
const SIGNED_IN: &str = r#"{"email":"anna@noord.test","name":"Anna Jansen"}"#;
const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const QR_PATH: &str = "M4 4h7v1h-7z";
const RECOVERY_CODES: [&str; 10] = [
    "abcde-23456",
    "fghjk-78923",
    "mnpqr-34567",
    "stuvw-45678",
    "xyzab-56789",
    "cdefg-67892",
    "hjkmn-78923",
    "pqrst-89234",
    "uvwxy-92345",
    "zabcd-23457",
];

fn totp_setup(secret: &str) -> String {
    json!({
        "secret": secret,
        "otpauth_uri": format!("otpauth://totp/TopoCloud:anna%40noord.test?secret={secret}&issuer=TopoCloud"),
        "qr": {"size": 29, "path": QR_PATH},
    })
    .to_string()
}

/// One backend answer: `None` is a network failure (`fetch` rejects).
type Answer = Option<FakeResponse>;

/// The backend as a script: per `method path`, the n-th call gets the n-th answer and the
/// last one repeats. Anything unscripted is answered "not signed in".
fn backend(script: Vec<(&'static str, String, Vec<Answer>)>) -> FakeFetch {
    let seen = RefCell::new(HashMap::<(String, String), usize>::new());
    FakeFetch::or_failing(move |method, path| {
        let Some((_, _, answers)) = script.iter().find(|(m, p, _)| *m == method && p == path)
        else {
            return Some(not_signed_in());
        };
        let mut seen = seen.borrow_mut();
        let n = seen
            .entry((method.to_owned(), path.to_owned()))
            .or_default();
        let answer = answers[(*n).min(answers.len() - 1)].clone();
        *n += 1;
        answer
    })
}

fn on(
    method: &'static str,
    path: &str,
    answers: Vec<Answer>,
) -> (&'static str, String, Vec<Answer>) {
    (method, path.to_owned(), answers)
}

fn ok(body: &str) -> Answer {
    Some(FakeResponse::json(200, body))
}

fn problem(status: u16, code: &str) -> Answer {
    Some(FakeResponse::json(
        status,
        &json!({"status": status, "code": code}).to_string(),
    ))
}

fn no_content() -> Answer {
    Some(FakeResponse {
        status: 204,
        content_type: "text/plain",
        body: String::new(),
        headers: Vec::new(),
    })
}

/// `/api/account/security`'s answer.
fn security(has_password: bool, two_step: bool, left: u32, required: bool) -> String {
    json!({"has_password": has_password, "two_step": two_step, "recovery_codes_left": left,
           "two_step_required": required, "recent_sign_in_for": 600})
    .to_string()
}

const SESSIONS: &str = r#"[
  {"id":"s-1","browser":"Chrome","system":"macOS","started_at":1767225600,"last_used_at":1767229200,"this_device":true},
  {"id":"s-2","browser":"Firefox","system":"Windows","started_at":1767139200,"last_used_at":1767142800,"this_device":false},
  {"id":"s-3","browser":null,"system":null,"started_at":1767052800,"last_used_at":1767056400,"this_device":false}
]"#;

/// The backend as `/account` meets it: signed in, `security`, [`SESSIONS`], and `more`.
fn account_backend(security: String, more: Vec<(&'static str, String, Vec<Answer>)>) -> FakeFetch {
    let mut script = vec![
        on("GET", paths::SESSION, vec![ok(SIGNED_IN)]),
        on("GET", paths::ACCOUNT_SECURITY, vec![ok(&security)]),
        on("GET", paths::ACCOUNT_SESSIONS, vec![ok(SESSIONS)]),
    ];
    script.extend(more);
    backend(script)
}

/// Where the screen sent the person on (its navigation, recorded instead of a page load).
#[derive(Clone, Copy)]
struct Went(RwSignal<Option<String>>);

impl Went {
    fn to(self) -> Option<String> {
        self.0.get_untracked()
    }
}

/// `/users/second-step?return_to=/projects/7`, with the navigation recorded.
fn second_step_page() -> (Mounted, Went) {
    second_step_page_in(Lang::Nl)
}

/// Every screen is mounted in a language chosen here: a test that fails cannot leave
/// its choice behind for the next (a wasm panic runs no `Drop`).
fn in_language(lang: Lang) {
    I18n::provide().set(lang);
}

fn second_step_page_in(lang: Lang) -> (Mounted, Went) {
    let went = Went(RwSignal::new(None));
    let page = mount(move || {
        in_language(lang);
        provide_context(Navigation {
            replace: Callback::new(move |to: String| went.0.set(Some(to))),
            query: Callback::new(|key: &'static str| {
                (key == "return_to").then(|| DESTINATION.to_owned())
            }),
        });
        view! {
            <Router>
                <SecondStepPage />
            </Router>
        }
    });
    (page, went)
}

fn account_page() -> Mounted {
    mount(|| {
        in_language(Lang::Nl);
        view! {
            <Router>
                <AccountPage />
            </Router>
        }
    })
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Whether a button with exactly this visible text is on screen.
fn has_button(page: &Mounted, label: &str) -> bool {
    let buttons = page.root.query_selector_all("button").expect("query");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.text_content())
        .any(|text| text.trim() == label)
}

fn text_of(page: &Mounted, selector: &str) -> String {
    page.find(selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn attribute(page: &Mounted, selector: &str, name: &str) -> Option<String> {
    page.find(selector).and_then(|e| e.get_attribute(name))
}

/// Whether the element is on screen: no `hidden` on it or on an ancestor in the page.
fn shown(page: &Mounted, selector: &str) -> bool {
    let Some(mut element) = page.find(selector) else {
        return false;
    };
    loop {
        if element.has_attribute("hidden") {
            return false;
        }
        match element.parent_element() {
            Some(parent) if parent != *page.root.unchecked_ref::<web_sys::Element>() => {
                element = parent
            }
            _ => return true,
        }
    }
}

#[path = "security_pages/account_passkeys.rs"]
mod account_passkeys;
#[path = "security_pages/account_password.rs"]
mod account_password;
#[path = "security_pages/account_sessions.rs"]
mod account_sessions;
#[path = "security_pages/account_two_step.rs"]
mod account_two_step;
#[path = "security_pages/code_step.rs"]
mod code_step;
#[path = "security_pages/enrolment.rs"]
mod enrolment;
#[path = "security_pages/second_step_failures.rs"]
mod second_step_failures;
