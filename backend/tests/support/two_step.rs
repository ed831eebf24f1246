//! Two-step verification from a test's side: an authenticator app at the backend's time,
//! enrolling an account, and reading the cookies an answer set.

use super::{post, TestBackend};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_backend::accounts::create_verified;
use topocloud_backend::totp;
use topocloud_contract::{paths, CSRF_HEADER, CSRF_HEADER_VALUE};

pub const PASSWORD: &str = "Meetlat-en-theodoliet";

/// A verified account with [`PASSWORD`].
pub fn account(b: &TestBackend, email: &str) {
    let created = create_verified(&b.state.db, &b.state.clock, email, "Eva Jansen", PASSWORD);
    assert_eq!(created, Ok(true), "{email}");
}

/// A browser (cookies, CSRF header) that says it is `agent`.
pub fn browser_as(agent: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(CSRF_HEADER, CSRF_HEADER_VALUE.parse().expect("header"));
    reqwest::Client::builder()
        .cookie_store(true)
        .user_agent(agent)
        .default_headers(headers)
        .build()
        .expect("client")
}

/// Moves the backend's clock to the first second of the next time step, so a test has
/// at least 28 seconds before the current code changes under it.
pub fn start_of_step(b: &TestBackend) {
    let into_step = b.state.clock.now().rem_euclid(totp::STEP_SECONDS);
    b.state.clock.advance(totp::STEP_SECONDS - into_step);
}

/// What the authenticator app with `secret` shows `steps` steps from the backend's now
/// (`-1`: the code before the current one).
pub fn code(b: &TestBackend, secret: &str, steps: i64) -> String {
    let key = totp::decode_secret(secret).expect("base32 secret");
    let step = totp::step_of(b.state.clock.now()) + steps;
    totp::code_for_step(&key, step).expect("a code")
}

pub async fn sign_in(
    c: &reqwest::Client,
    b: &TestBackend,
    email: &str,
    password: &str,
) -> (StatusCode, HeaderMap, Value) {
    post(
        c,
        b,
        paths::SESSION,
        json!({"email": email, "password": password}),
    )
    .await
}

/// Turns two-step verification on for the account signed in on `c`; returns the key and
/// the recovery codes. Leaves the clock at the start of a fresh step, whose code has not
/// been used (the one that confirmed was the step before).
pub async fn enable(c: &reqwest::Client, b: &TestBackend) -> (String, Vec<String>) {
    let (status, _, setup) = post(c, b, paths::TWO_STEP_SETUP, Value::Null).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    start_of_step(b);
    let confirm = json!({"code": code(b, &secret, 0)});
    let (status, _, codes) = post(c, b, paths::TWO_STEP_CONFIRM, confirm).await;
    assert_eq!(status, StatusCode::OK, "{codes}");
    let codes = codes["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("a code").to_owned())
        .collect();
    b.state.clock.advance(totp::STEP_SECONDS);
    (secret, codes)
}

/// A fresh account with two-step verification on; returns its key and recovery codes.
/// Signs out afterwards, so `c` starts from the password.
pub async fn account_with_two_step(
    c: &reqwest::Client,
    b: &TestBackend,
    email: &str,
) -> (String, Vec<String>) {
    account(b, email);
    let (status, _, _) = sign_in(c, b, email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let enabled = enable(c, b).await;
    let res = c
        .delete(b.url(paths::SESSION))
        .send()
        .await
        .expect("sign out");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    enabled
}

/// Every `Set-Cookie` of an answer.
pub fn set_cookies(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().expect("ascii").to_owned())
        .collect()
}

/// The `Set-Cookie` of cookie `name`; panics when the answer set none.
pub fn set_cookie(headers: &HeaderMap, name: &str) -> String {
    set_cookies(headers)
        .into_iter()
        .find(|c| c.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie in {:?}", set_cookies(headers)))
}

/// `GET` and return status and JSON body (`Null` when empty).
pub async fn get(c: &reqwest::Client, b: &TestBackend, path: &str) -> (StatusCode, Value) {
    let res = c.get(b.url(path)).send().await.expect("request");
    let status = res.status();
    let bytes = res.bytes().await.expect("body");
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("json")
    };
    (status, json)
}
