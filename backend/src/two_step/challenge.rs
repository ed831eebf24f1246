//! The sign-in challenge: a right password for an account that needs a second step
//! leaves a short-lived, HttpOnly cookie scoped to the second step's paths, and a row
//! holding only the SHA-256 of its value. No session exists until the step succeeds.

use crate::cookies;
use crate::session::{random_hex, sha256_hex};
use crate::AppState;
use axum::http::{HeaderMap, HeaderValue};
use rusqlite::{params, Connection, OptionalExtension};
use topocloud_contract::{paths, SecondStepKind};

const COOKIE_NAME: &str = "topocloud_challenge";
const SECURE_COOKIE_NAME: &str = "__Secure-topocloud_challenge";
/// Typing a code from the app takes seconds; five minutes is plenty.
pub const CODE_SECONDS: i64 = 5 * 60;
/// Turning two-step verification on (installing an app, scanning the QR code, confirming
/// the first code) takes longer: ten minutes, as long as the key being set up lasts.
pub const ENROL_SECONDS: i64 = 10 * 60;

#[derive(Debug, Clone)]
pub struct Challenge {
    pub hash: String,
    pub user_id: i64,
    pub kind: SecondStepKind,
    pub remember: bool,
    pub expires_at: i64,
}

fn kind_code(kind: SecondStepKind) -> &'static str {
    match kind {
        SecondStepKind::Code => "code",
        SecondStepKind::Enrol => "enrol",
    }
}

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// Starts a challenge for `user_id` (ending the account's earlier ones: one password
/// step, one second step) and returns its `Set-Cookie`.
pub fn create(
    state: &AppState,
    conn: &Connection,
    user_id: i64,
    kind: SecondStepKind,
    remember: bool,
) -> rusqlite::Result<HeaderValue> {
    let value = random_hex(32);
    let now = state.clock.now();
    let lifetime = match kind {
        SecondStepKind::Code => CODE_SECONDS,
        SecondStepKind::Enrol => ENROL_SECONDS,
    };
    conn.execute(
        "INSERT INTO sign_in_challenges (hash, user_id, kind, remember, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            sha256_hex(&value),
            user_id,
            kind_code(kind),
            remember,
            now,
            now + lifetime
        ],
    )?;
    Ok(cookies::set_cookie(
        cookie_name(state),
        &value,
        paths::SECOND_STEP,
        Some(lifetime),
        state.config.secure_cookies,
    ))
}

/// This browser's challenge, if it is still alive.
pub fn find(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
) -> rusqlite::Result<Option<Challenge>> {
    let Some(value) = cookies::value_of(headers, cookie_name(state)) else {
        return Ok(None);
    };
    let hash = sha256_hex(&value);
    conn.query_row(
        "SELECT user_id, kind, remember, expires_at FROM sign_in_challenges
         WHERE hash = ?1 AND expires_at > ?2",
        params![hash, state.clock.now()],
        |r| {
            let kind: String = r.get(1)?;
            Ok(Challenge {
                hash: hash.clone(),
                user_id: r.get(0)?,
                kind: if kind == "enrol" {
                    SecondStepKind::Enrol
                } else {
                    SecondStepKind::Code
                },
                remember: r.get(2)?,
                expires_at: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Ends one challenge; `Ok(false)` when it was gone already (used by a request that
/// arrived at the same moment).
pub fn delete(conn: &Connection, hash: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "DELETE FROM sign_in_challenges WHERE hash = ?1",
        params![hash],
    )? == 1)
}

/// Ends every challenge of an account (its password changed: a password step taken with
/// the old one must not lead to a session).
pub fn end_all(conn: &Connection, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM sign_in_challenges WHERE user_id = ?1",
        params![user_id],
    )
}

/// The `Set-Cookie` that clears the challenge cookie.
pub fn cleared_cookie(state: &AppState) -> HeaderValue {
    cookies::set_cookie(
        cookie_name(state),
        "",
        paths::SECOND_STEP,
        Some(0),
        state.config.secure_cookies,
    )
}

/// Deletes challenges that expired; returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM sign_in_challenges WHERE expires_at <= ?1",
        params![now],
    )
}
