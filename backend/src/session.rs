//! `GET|POST|DELETE /api/session`: who am I, sign in, sign out.

use crate::accounts;
use crate::cookies;
use crate::extract::{ApiJson, Client};
use crate::passwords;
use crate::problem::ApiProblem;
use crate::rate_limit::{self, SIGN_IN_FAILURES_PER_EMAIL};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use topocloud_contract::{
    is_plausible_email, normalise_email, sign_in_password_acceptable, ErrorCode, SessionInfo,
    SignInRequest,
};

const COOKIE_NAME: &str = "topocloud_session";
const SECURE_COOKIE_NAME: &str = "__Host-topocloud_session";
const REMEMBERED_SECONDS: i64 = 30 * 24 * 3600;
const BROWSER_SESSION_SECONDS: i64 = 12 * 3600;

pub async fn sign_in(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, ApiProblem> {
    if !is_plausible_email(&request.email) || !sign_in_password_acceptable(&request.password) {
        return Err(ApiProblem::validation_failed());
    }

    // Failures count per email string, whether or not it has an account, so a lockout
    // says nothing about which addresses exist. The attempt takes its slot before the
    // password is checked and keeps it when the password is wrong: it is the record of
    // that failure. Counted afterwards, every guess arriving together would be checked.
    let failures = format!("sign-in:{}", normalise_email(&request.email));
    let attempts = format!("sign-in-client:{}", client.0);
    rate_limit::take(
        &state,
        &[
            (failures.as_str(), SIGN_IN_FAILURES_PER_EMAIL),
            (attempts.as_str(), rate_limit::sign_in_per_client(&state)),
        ],
    )?;

    let account = accounts::find_by_email(&state.db.conn(), &request.email)?;
    // An unknown email (or an account without a password yet) still pays for one full
    // hash verification, so the answer's timing says nothing about which emails exist.
    let checked_hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let hash = checked_hash
        .clone()
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let matches = passwords::verify_off_runtime(request.password.clone(), hash).await?;
    let (Some(account), Some(checked_hash), true) = (account, checked_hash, matches) else {
        return Err(ApiProblem::invalid_credentials());
    };

    let cookie = state.db.write(|tx| {
        // Checking took tens of milliseconds; a password reset may have finished since. A
        // session started with the old password would then outlive the reset that was
        // meant to end every session, so the password must still be the one checked.
        if !accounts::has_password_hash(tx, account.id, &checked_hash)? {
            return Err(ApiProblem::invalid_credentials());
        }
        rate_limit::clear(tx, &failures)?;
        if !account.email_verified {
            return Ok(None);
        }
        Ok(Some(start_session(
            &state,
            tx,
            &headers,
            account.id,
            request.remember,
        )?))
    })?;
    let Some(cookie) = cookie else {
        return Err(ApiProblem::new(
            StatusCode::FORBIDDEN,
            ErrorCode::EmailNotVerified,
            "Email address not confirmed yet",
        ));
    };
    let info = SessionInfo {
        email: account.email,
        name: account.name,
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(info)).into_response())
}

/// Signs `user_id` in: ends whatever session this browser had (a fresh id at every
/// sign-in defeats session fixation) and returns the `Set-Cookie` value. On `conn`, so
/// that signing in is part of the transaction that decided it.
pub fn start_session(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
    user_id: i64,
    remember: bool,
) -> rusqlite::Result<HeaderValue> {
    if let Some(old) = session_id_from(headers, state) {
        delete_session(conn, &old)?;
    }
    let session_id = new_session_id();
    let now = state.clock.now();
    let lifetime = if remember {
        REMEMBERED_SECONDS
    } else {
        BROWSER_SESSION_SECONDS
    };
    conn.execute(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, persistent)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash_id(&session_id), user_id, now, now + lifetime, remember],
    )?;
    Ok(session_cookie(
        state,
        &session_id,
        remember.then_some(lifetime),
    ))
}

/// The signed-in account of this request, if any.
pub fn current_user(
    state: &AppState,
    headers: &HeaderMap,
) -> rusqlite::Result<Option<(i64, SessionInfo)>> {
    let Some(id) = session_id_from(headers, state) else {
        return Ok(None);
    };
    state
        .db
        .conn()
        .query_row(
            "SELECT u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.id_hash = ?1 AND s.expires_at > ?2",
            params![hash_id(&id), state.clock.now()],
            |row| {
                Ok((
                    row.get(0)?,
                    SessionInfo {
                        email: row.get(1)?,
                        name: row.get(2)?,
                    },
                ))
            },
        )
        .optional()
}

/// Ends every session of an account (after a password reset), within its transaction.
pub fn end_all_sessions(conn: &Connection, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", params![user_id])
}

/// Deletes sessions that have expired (they no longer sign anyone in); returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", params![now])
}

pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionInfo>, ApiProblem> {
    match current_user(&state, &headers)? {
        Some((_, info)) => Ok(Json(info)),
        None => Err(ApiProblem::not_signed_in()),
    }
}

/// Signing out always succeeds, even without a session: the end state is the same.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiProblem> {
    if let Some(id) = session_id_from(&headers, &state) {
        delete_session(&state.db.conn(), &id)?;
    }
    let expired = cookies::set_cookie(
        cookie_name(&state),
        "",
        "/",
        Some(0),
        state.config.secure_cookies,
    );
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, expired)]).into_response())
}

fn delete_session(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE id_hash = ?1",
        params![hash_id(id)],
    )
    .map(|_| ())
}

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

fn session_cookie(state: &AppState, id: &str, max_age: Option<i64>) -> HeaderValue {
    cookies::set_cookie(
        cookie_name(state),
        id,
        "/",
        max_age,
        state.config.secure_cookies,
    )
}

fn session_id_from(headers: &HeaderMap, state: &AppState) -> Option<String> {
    cookies::value_of(headers, cookie_name(state))
}

fn new_session_id() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn hash_id(id: &str) -> String {
    hex::encode(Sha256::digest(id.as_bytes()))
}
