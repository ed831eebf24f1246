//! The account screens (registration, verification, invitation, and what they and the
//! help centre say about link lifetimes) mounted in a real browser (headless Chromium),
//! with `fetch` replaced.
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
use support::{
    document, mount, not_signed_in, sleep, type_into, wait_for, FakeFetch, FakeResponse, Mounted,
};
use topocloud_site::accounts::{InvitationPage, RegisterPage, VerifyEmailPage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LEGACY: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":8,"max_length":128,"require_letter":true,"require_digit":true,"blocklist":true}}"#;
const RECOMMENDED: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true}}"#;
const CLOSED: &str = r#"{"registration_open":false,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true}}"#;
const MAIN_INVITATION: &str = r#"{"organisation":"Landmeetbureau Noord","inviter":"Anna Jansen",
  "email":"piet@noord.test","name":"Piet","account_type":"main","expires_at":1900000000}"#;
const EMPLOYEE_INVITATION: &str = r#"{"organisation":"Landmeetbureau Noord","inviter":"Anna Jansen",
  "email":"kees@noord.test","account_type":"employee","project":"Dijkversterking Lauwersoog",
  "expires_at":1900000000}"#;

/// The backend as the account screens meet it: `/api/config` and one answer per path.
fn backend(config: &'static str, answers: Vec<(&'static str, FakeResponse)>) -> FakeFetch {
    FakeFetch::new(move |method, path| match (method, path) {
        ("GET", "/api/config") => FakeResponse::json(200, config),
        (_, path) => answers
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, answer)| answer.clone())
            .unwrap_or_else(not_signed_in),
    })
}

fn problem(status: u16, body: &str) -> FakeResponse {
    FakeResponse::json(status, body)
}

fn accepted() -> FakeResponse {
    FakeResponse {
        status: 202,
        content_type: "text/plain",
        body: String::new(),
        headers: Vec::new(),
    }
}

/// Opens a page the way an emailed link does: with `#token=…` in the address.
fn with_token(token: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&format!("token={token}"));
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[path = "account_pages/invitation.rs"]
mod invitation;
#[path = "account_pages/link_lifetimes.rs"]
mod link_lifetimes;
#[path = "account_pages/registration.rs"]
mod registration;
#[path = "account_pages/verification.rs"]
mod verification;
