//! Single sign-on (`/api/sso/{provider}/start` and its callback). In dev mode the
//! `microsoft` provider is a local stand-in identity provider, so the round trip runs offline.
//!
//! The flow is OAuth 2 authorisation code with PKCE. Everything the callback needs to
//! check (state, PKCE verifier, where to go afterwards) lives in one short-lived, signed
//! HttpOnly cookie scoped to `/api/sso`, so no server-side flow table is needed. Failures end on
//! `/users/login#error=<code>`: a fragment never reaches a server log or a `Referer`.

mod flow;
mod secrets;

pub use secrets::pkce_challenge;
pub(crate) use secrets::{code_hash, random_bytes};

use crate::accounts;
use crate::session::start_session;
use crate::AppState;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use flow::{flow_cookie, read_flow, Flow, FLOW_SECONDS};
use rusqlite::{params, OptionalExtension};
use secrets::constant_time_eq;
use std::collections::HashMap;
use topocloud_contract::{paths, percent_encode, routes, safe_return_to, SsoError, SsoProvider};

pub const MICROSOFT: &str = "microsoft";
/// The client id this site has at the identity provider.
pub const CLIENT_ID: &str = "topocloud";
/// How long an authorisation code may wait before it is exchanged.
pub const CODE_SECONDS: i64 = 300;
const DEFAULT_DESTINATION: &str = routes::ACCOUNT;
/// Query parameters; repeated or malformed ones never fail the request, they just do
/// not match, so every outcome is one of the contract's redirects.
type Params = HashMap<String, String>;

/// The providers the sign-in page offers a button for. The reference backend ships only
/// the local stand-in, and that only exists in dev mode.
pub fn providers(state: &AppState) -> Vec<SsoProvider> {
    let stand_in = SsoProvider {
        id: MICROSOFT.to_owned(),
        label: "Microsoft".to_owned(),
    };
    state.config.dev.then_some(stand_in).into_iter().collect()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(paths::SSO_START, get(start))
        .route(paths::SSO_CALLBACK, get(callback))
}

/// A 303 to `location` with the given cookies. Non-ASCII bytes (allowed in a same-origin
/// `return_to`) are percent-encoded, so the header is always valid.
pub(crate) fn see_other(location: &str, cookies: &[HeaderValue]) -> Response {
    let encoded: String = location
        .bytes()
        .map(|b| match b.is_ascii() {
            true => char::from(b).to_string(),
            false => format!("%{b:02X}"),
        })
        .collect();
    let location = HeaderValue::from_str(&encoded)
        .unwrap_or_else(|_| HeaderValue::from_static(DEFAULT_DESTINATION));
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    for cookie in cookies {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    response
}

async fn start(
    State(state): State<AppState>,
    provider: Result<Path<String>, PathRejection>,
    Query(query): Query<Params>,
) -> Response {
    let provider = provider_id(provider);
    if !is_offered(&state, &provider) {
        return see_other(&SsoError::UnknownProvider.login_location(), &[]);
    }
    let return_to = safe_return_to(query.get("return_to").map(String::as_str));
    let flow = Flow {
        issued_at: state.clock.now(),
        state: hex::encode(random_bytes()),
        // 32 bytes give a 43-character verifier, the minimum length RFC 7636 allows.
        verifier: URL_SAFE_NO_PAD.encode(random_bytes()),
        return_to,
    };
    let redirect_uri = format!(
        "{}{}",
        state.config.public_url,
        topocloud_contract::routes::paths::sso_callback(&provider)
    );
    // The stand-in's authorize endpoint; a real provider would be configured here.
    let location = format!(
        "/dev/sso/{provider}/authorize?client_id={CLIENT_ID}&redirect_uri={}&state={}\
         &code_challenge={}&code_challenge_method=S256&response_type=code",
        percent_encode(&redirect_uri),
        flow.state,
        pkce_challenge(&flow.verifier),
    );
    see_other(&location, &[flow_cookie(&state, Some(&flow), FLOW_SECONDS)])
}

async fn callback(
    State(state): State<AppState>,
    provider: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    Query(query): Query<Params>,
) -> Response {
    let provider = provider_id(provider);
    // The flow cookie is single use whatever happens: a second callback must not find it.
    let clear = flow_cookie(&state, None, 0);
    match finish(&state, &provider, &headers, &query) {
        Ok((destination, session)) => see_other(&destination, &[clear, session]),
        Err(error) => see_other(&error.login_location(), &[clear]),
    }
}

/// Checks the callback and signs in; the destination and the session cookie on success.
fn finish(
    state: &AppState,
    provider: &str,
    headers: &HeaderMap,
    query: &Params,
) -> Result<(String, HeaderValue), SsoError> {
    if !is_offered(state, provider) {
        return Err(SsoError::UnknownProvider);
    }
    // State first: until it matches, nothing in this request can be trusted to come from
    // the flow this browser started (it may be a forged link from another site).
    let flow = read_flow(state, headers).ok_or(SsoError::StateMismatch)?;
    let given = query.get("state").ok_or(SsoError::StateMismatch)?;
    if !constant_time_eq(given.as_bytes(), flow.state.as_bytes()) {
        return Err(SsoError::StateMismatch);
    }
    if let Some(error) = query.get("error") {
        return Err(if error == "access_denied" {
            SsoError::Cancelled
        } else {
            SsoError::Failed
        });
    }
    let code = query.get("code").ok_or(SsoError::Failed)?;
    let email = redeem_code(state, code, &flow.verifier)?;
    // An unconfirmed account may have been registered by someone who does not own the
    // address; letting the address's owner into it would share one account between both.
    // Finding the account and signing it in are one transaction.
    let session = state
        .db
        .write(|tx| {
            accounts::find_by_email(tx, &email)?
                .filter(|account| account.email_verified)
                .map(|account| start_session(state, tx, headers, account.id, false))
                .transpose()
        })
        .map_err(database_failed)?
        .ok_or(SsoError::NoAccount)?;
    let destination =
        safe_return_to(flow.return_to.as_deref()).unwrap_or_else(|| DEFAULT_DESTINATION.to_owned());
    Ok((destination, session))
}

/// Exchanges a code for the email it was issued for. The code is marked used in the same
/// statement that reads it, so two racing callbacks cannot both redeem it, and even a
/// failed PKCE check burns it: whoever stole a code gets one guess at the verifier.
fn redeem_code(state: &AppState, code: &str, verifier: &str) -> Result<String, SsoError> {
    let now = state.clock.now();
    let row: Option<(String, String, i64)> = state
        .db
        .conn()
        .query_row(
            "UPDATE sso_codes SET used_at = ?2 WHERE hash = ?1 AND used_at IS NULL
             RETURNING email, code_challenge, expires_at",
            params![code_hash(code), now],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()
        .map_err(database_failed)?;
    let (email, challenge, expires_at) = row.ok_or(SsoError::Failed)?;
    if expires_at <= now {
        return Err(SsoError::Failed);
    }
    if !constant_time_eq(pkce_challenge(verifier).as_bytes(), challenge.as_bytes()) {
        return Err(SsoError::Failed);
    }
    Ok(email)
}

/// Logs the cause (never a code, state or verifier: rusqlite errors do not carry the
/// bound values) and tells the user only that SSO failed.
fn database_failed(err: rusqlite::Error) -> SsoError {
    tracing::error!("sso: database error: {err}");
    SsoError::Failed
}

/// A provider segment that is not UTF-8 is no provider: it answers as an unknown one (a
/// redirect with `sso_unknown_provider`), not with axum's plain-text `400`.
fn provider_id(segment: Result<Path<String>, PathRejection>) -> String {
    segment.map(|Path(id)| id).unwrap_or_default()
}

fn is_offered(state: &AppState, provider: &str) -> bool {
    providers(state).iter().any(|p| p.id == provider)
}
