//! `GET|POST|DELETE /api/session`: who am I, sign in, sign out.

use crate::accounts;
use crate::cookies;
use crate::extract::{ApiJson, Client};
use crate::passwords;
use crate::problem::ApiProblem;
use crate::rate_limit::{self, SIGN_IN_FAILURES_PER_EMAIL};
use crate::two_step;
use crate::user_agent;
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use topocloud_contract::{
    is_plausible_email, normalise_email, sign_in_password_acceptable, ErrorCode, SecondStepKind,
    SecondStepRequired, SessionInfo, SignInRequest,
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

    let outcome = state.db.write(|tx| {
        // Checking took tens of milliseconds; a password reset may have finished since. A
        // session started with the old password would then outlive the reset that was
        // meant to end every session, so the password must still be the one checked.
        if !accounts::has_password_hash(tx, account.id, &checked_hash)? {
            return Err(ApiProblem::invalid_credentials());
        }
        rate_limit::clear(tx, &failures)?;
        if !account.email_verified {
            return Ok(SignIn::NotVerified);
        }
        // Two-step verification: a code (unless this browser is trusted for this very
        // account), or turning it on first when the organisation requires it. No session
        // yet, and whatever session this browser had ends as at every sign-in.
        let step = match two_step::second_step_for(tx, account.id)? {
            Some(SecondStepKind::Code)
                if two_step::trusted::is_trusted(&state, tx, &headers, account.id)? =>
            {
                None
            }
            step => step,
        };
        if let Some(kind) = step {
            end_this_browsers_session(&state, tx, &headers)?;
            let cookie =
                two_step::challenge::create(&state, tx, account.id, kind, request.remember)?;
            return Ok(SignIn::SecondStep(kind, cookie));
        }
        Ok(SignIn::Session(start_session(
            &state,
            tx,
            &headers,
            account.id,
            request.remember,
        )?))
    })?;
    match outcome {
        SignIn::NotVerified => Err(ApiProblem::new(
            StatusCode::FORBIDDEN,
            ErrorCode::EmailNotVerified,
            "Email address not confirmed yet",
        )),
        SignIn::SecondStep(second_step, cookie) => Ok((
            StatusCode::ACCEPTED,
            [(header::SET_COOKIE, cookie)],
            Json(SecondStepRequired { second_step }),
        )
            .into_response()),
        SignIn::Session(cookie) => {
            let info = SessionInfo {
                email: account.email,
                name: account.name,
            };
            Ok(([(header::SET_COOKIE, cookie)], Json(info)).into_response())
        }
    }
}

/// What a right password led to.
enum SignIn {
    NotVerified,
    SecondStep(SecondStepKind, HeaderValue),
    Session(HeaderValue),
}

/// Signs `user_id` in: ends whatever session this browser had (a fresh id at every
/// sign-in defeats session fixation) and returns the `Set-Cookie` value. On `conn`, so
/// that signing in is part of the transaction that decided it. The new session counts as
/// a recent sign-in: whoever started it just gave the password (or a code).
pub fn start_session(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
    user_id: i64,
    remember: bool,
) -> rusqlite::Result<HeaderValue> {
    end_this_browsers_session(state, conn, headers)?;
    let session_id = random_hex(32);
    let now = state.clock.now();
    let lifetime = if remember {
        REMEMBERED_SECONDS
    } else {
        BROWSER_SESSION_SECONDS
    };
    let user_agent = headers
        .get(header::USER_AGENT)
        .map(|v| user_agent::truncate(&String::from_utf8_lossy(v.as_bytes())))
        .unwrap_or_default();
    conn.execute(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, persistent,
                               public_id, user_agent, authenticated_at, last_used_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?3, ?3)",
        params![
            sha256_hex(&session_id),
            user_id,
            now,
            now + lifetime,
            remember,
            random_hex(16),
            user_agent
        ],
    )?;
    Ok(session_cookie(
        state,
        &session_id,
        remember.then_some(lifetime),
    ))
}

/// Deletes the session this browser's cookie names, if any.
pub fn end_this_browsers_session(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
) -> rusqlite::Result<()> {
    match session_id_from(headers, state) {
        Some(old) => delete_session(conn, &old),
        None => Ok(()),
    }
}

/// The session of a request, as the account pages need it.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub user_id: i64,
    pub info: SessionInfo,
    /// The stored hash of the cookie's value: what identifies this session in queries.
    pub id_hash: String,
    pub public_id: String,
    pub authenticated_at: i64,
}

/// `last_used_at` is written at most this often per session, to spare the writes.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;

/// The signed-in session of this request, if any; notes that it was used.
pub fn current_session(
    state: &AppState,
    headers: &HeaderMap,
) -> rusqlite::Result<Option<CurrentSession>> {
    let Some(id) = session_id_from(headers, state) else {
        return Ok(None);
    };
    let id_hash = sha256_hex(&id);
    let now = state.clock.now();
    let conn = state.db.conn();
    let found = conn
        .query_row(
            "SELECT u.id, u.email, u.name, s.public_id, s.authenticated_at, s.last_used_at
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.id_hash = ?1 AND s.expires_at > ?2",
            params![id_hash, now],
            |row| {
                Ok((
                    CurrentSession {
                        user_id: row.get(0)?,
                        info: SessionInfo {
                            email: row.get(1)?,
                            name: row.get(2)?,
                        },
                        id_hash: id_hash.clone(),
                        public_id: row.get(3)?,
                        authenticated_at: row.get(4)?,
                    },
                    row.get::<_, i64>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((session, last_used_at)) = found else {
        return Ok(None);
    };
    if now - last_used_at >= LAST_USED_RESOLUTION_SECONDS {
        conn.execute(
            "UPDATE sessions SET last_used_at = ?1 WHERE id_hash = ?2",
            params![now, id_hash],
        )?;
    }
    Ok(Some(session))
}

/// The signed-in account of this request, if any.
pub fn current_user(
    state: &AppState,
    headers: &HeaderMap,
) -> rusqlite::Result<Option<(i64, SessionInfo)>> {
    Ok(current_session(state, headers)?.map(|s| (s.user_id, s.info)))
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
    end_this_browsers_session(&state, &state.db.conn(), &headers)?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cleared_session_cookie(&state))],
    )
        .into_response())
}

/// The `Set-Cookie` that clears this browser's session cookie.
pub fn cleared_session_cookie(state: &AppState) -> HeaderValue {
    cookies::set_cookie(
        cookie_name(state),
        "",
        "/",
        Some(0),
        state.config.secure_cookies,
    )
}

fn delete_session(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE id_hash = ?1",
        params![sha256_hex(id)],
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

/// `bytes` random bytes from the operating system, as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buffer);
    hex::encode(buffer)
}

/// What is stored of a cookie's or code's value: its SHA-256, as hex.
pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}
