//! `/api/account/…`: the signed-in person's security page. Changing the password, seeing
//! and ending sessions, and turning two-step verification on and off.
//!
//! Every endpoint needs a session (`401 not_signed_in`). Ending sessions and setting up a
//! new key also need a *recent sign-in*: the password (or a code) given in this session
//! within the last ten minutes; otherwise `403 reauthentication_required`, and the site
//! asks for it (`POST /api/account/reauthenticate`). Changes that carry their own proof
//! (the current password, a [`Confirmation`]) need none and count as one.

mod password;
mod proof;
mod sessions;
mod two_step_settings;

pub use password::change_password;
pub use sessions::{end_one, end_others, list};
pub use two_step_settings::{confirm_setup, disable, renew_recovery_codes, setup};

use crate::extract::ApiJson;
use crate::problem::ApiProblem;
use crate::session::{current_session, CurrentSession};
use crate::two_step::{self, recovery};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use rusqlite::{params, Connection};
use topocloud_contract::{AccountSecurity, Confirmation};

/// How long a sign-in (or a re-authentication) counts as recent.
pub const RECENT_SIGN_IN_SECONDS: i64 = 10 * 60;

/// This request's session, or `401 not_signed_in`.
pub(crate) fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<CurrentSession, ApiProblem> {
    current_session(state, headers)?.ok_or_else(ApiProblem::not_signed_in)
}

/// Seconds this session may still make changes without the password again.
fn recent_for(session: &CurrentSession, now: i64) -> u32 {
    let left = session.authenticated_at + RECENT_SIGN_IN_SECONDS - now;
    u32::try_from(left.max(0)).unwrap_or(0)
}

/// `403 reauthentication_required` unless the session signed in recently.
pub(crate) fn require_recent(state: &AppState, session: &CurrentSession) -> Result<(), ApiProblem> {
    if recent_for(session, state.clock.now()) == 0 {
        return Err(ApiProblem::reauthentication_required());
    }
    Ok(())
}

/// Marks the session with `id_hash` as just authenticated.
fn mark_recent(conn: &Connection, id_hash: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sessions SET authenticated_at = ?1 WHERE id_hash = ?2",
        params![now, id_hash],
    )
    .map(|_| ())
}

/// `GET /api/account/security`
pub async fn security(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<AccountSecurity>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let conn = state.db.conn();
    let has_password: bool = conn.query_row(
        "SELECT password_hash IS NOT NULL FROM users WHERE id = ?1",
        params![session.user_id],
        |r| r.get(0),
    )?;
    let two_step = two_step::is_on(&conn, session.user_id)?;
    Ok(Json(AccountSecurity {
        has_password,
        two_step,
        recovery_codes_left: if two_step {
            recovery::left(&conn, session.user_id)?
        } else {
            0
        },
        two_step_required: two_step::required_by_organisation(&conn, session.user_id)?,
        recent_sign_in_for: recent_for(&session, state.clock.now()),
    }))
}

/// `POST /api/account/reauthenticate`: the password or a current code, so that this
/// session counts as a recent sign-in again.
pub async fn reauthenticate(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(confirmation): ApiJson<Confirmation>,
) -> Result<StatusCode, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    proof::check(&state, &session, &confirmation).await?;
    Ok(StatusCode::NO_CONTENT)
}
