//! The typed client of the auth API. Every call goes to the configured API base (this
//! origin by default), carries the contract's CSRF header on writes, and gives up after
//! [`TIMEOUT_MS`].

mod error;
mod passkeys;
mod recovery;
mod retry_after;
mod security;

pub use error::ApiError;
pub use passkeys::*;
pub use recovery::{complete_password_reset, look_up_password_reset, request_password_reset};
pub use retry_after::parse_retry_after;
pub use security::*;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use topocloud_contract::{
    paths, ResendVerificationRequest, SessionInfo, SignInRequest, SiteConfig, CSRF_HEADER,
    CSRF_HEADER_VALUE,
};
use wasm_bindgen::JsCast;

/// Long enough for a slow mobile connection, short enough that nobody stares at a spinner.
pub const TIMEOUT_MS: i32 = 15_000;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Set once at start-up from the runtime configuration.
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.trim_end_matches('/').to_owned());
}

/// The full URL of an API path (also for plain links such as single sign-on).
pub fn url(path: &str) -> String {
    BASE.with(|b| format!("{}{path}", b.borrow()))
}

pub async fn site_config() -> Result<SiteConfig, ApiError> {
    read_json(send(Request::get(&url(paths::CONFIG)), None).await?).await
}

pub async fn current_session() -> Result<SessionInfo, ApiError> {
    read_json(send(Request::get(&url(paths::SESSION)), None).await?).await
}

/// What a right password leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum SignedIn {
    Session(SessionInfo),
    /// `202`: the account asks a code first (its screen reads the challenge itself, so
    /// the login page's own app parses no more than the status).
    SecondStep,
}

pub async fn sign_in(request: &SignInRequest) -> Result<SignedIn, ApiError> {
    signed_in(post(paths::SESSION, request).await?).await
}

/// Also the answer to a passkey sign-in (the login page's module sends it), read the same way.
pub(crate) async fn signed_in(response: Response) -> Result<SignedIn, ApiError> {
    if response.status() == 202 {
        return Ok(SignedIn::SecondStep);
    }
    read_json(response).await.map(SignedIn::Session)
}

/// The answer to the sign-in index.html's script sent before the app ran: its `fetch`'s
/// `Response`, or the name of the error that ended it (`TimeoutError` at its time limit).
pub async fn early_sign_in(sent: js_sys::Promise) -> Result<SignedIn, ApiError> {
    let answer = wasm_bindgen_futures::JsFuture::from(sent)
        .await
        .unwrap_or_default();
    match answer.dyn_into::<web_sys::Response>() {
        Ok(response) => signed_in(response.into()).await,
        Err(name) if name.as_string().as_deref() == Some("TimeoutError") => Err(ApiError::Timeout),
        Err(_) => Err(ApiError::Network),
    }
}

pub async fn sign_out() -> Result<(), ApiError> {
    let response = send(write(Request::delete(&url(paths::SESSION))), None).await?;
    expect_success(response).await
}

pub async fn resend_verification(request: &ResendVerificationRequest) -> Result<(), ApiError> {
    expect_success(post(paths::EMAIL_VERIFICATIONS_RESEND, request).await?).await
}

pub(crate) async fn post<T: Serialize>(path: &str, body: &T) -> Result<Response, ApiError> {
    let body = serde_json::to_string(body).map_err(|_| ApiError::Malformed)?;
    send(write(Request::post(&url(path))), Some(body)).await
}

pub(crate) fn write(builder: RequestBuilder) -> RequestBuilder {
    builder.header(CSRF_HEADER, CSRF_HEADER_VALUE)
}

/// Sends with a deadline: the browser's fetch would otherwise wait minutes.
pub(crate) async fn send(
    builder: RequestBuilder,
    json_body: Option<String>,
) -> Result<Response, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.as_ref().map(|c| {
        let c = c.clone();
        let flag = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                flag.set(true);
                c.abort();
            },
            std::time::Duration::from_millis(TIMEOUT_MS as u64),
        )
    });
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match json_body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Malformed)?;
    let result = request.send().await;
    if let Some(Ok(handle)) = timer {
        handle.clear();
    }
    result.map_err(|_| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    })
}

pub(crate) async fn expect_success(response: Response) -> Result<(), ApiError> {
    if !response.ok() {
        return Err(read_problem(response).await);
    }
    let content_type = response.headers().get("content-type");
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    ApiError::from_bodiless_success(content_type.as_deref(), &body)
}

pub(crate) async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(read_problem(response).await);
    }
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

async fn read_problem(response: Response) -> ApiError {
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = headers.get("retry-after");
    let body = response.text().await.unwrap_or_default();
    let now = (js_sys::Date::now() / 1000.0) as i64;
    ApiError::from_response(
        response.status(),
        content_type.as_deref(),
        &body,
        retry_after.as_deref(),
        now,
    )
}

// ---- Getting an account: registration, email verification, invitations ----
// One-time tokens from emailed links travel only in these POST bodies, never in a URL.

/// `POST /api/registrations`: `202` whether or not the address already had an account.
pub async fn register(request: &topocloud_contract::RegistrationRequest) -> Result<(), ApiError> {
    expect_success(post(paths::REGISTRATIONS, request).await?).await
}

/// `POST /api/email-verifications`: confirms the address; does not sign in.
pub async fn verify_email(
    request: &topocloud_contract::TokenRequest,
) -> Result<topocloud_contract::AccountEmail, ApiError> {
    read_json(post(paths::EMAIL_VERIFICATIONS, request).await?).await
}

/// `POST /api/invitations/lookup`: who invites whom to what; never consumes the token.
pub async fn lookup_invitation(
    request: &topocloud_contract::TokenRequest,
) -> Result<topocloud_contract::InvitationDetails, ApiError> {
    read_json(post(paths::INVITATIONS_LOOKUP, request).await?).await
}

/// `POST /api/invitations/accept`: sets name and password and signs in.
/// `202` when the organisation requires two-step verification: turned on before any session.
pub async fn accept_invitation(
    request: &topocloud_contract::AcceptInvitationRequest,
) -> Result<SignedIn, ApiError> {
    signed_in(post(paths::INVITATIONS_ACCEPT, request).await?).await
}
