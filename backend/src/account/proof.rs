//! A [`Confirmation`]: the password, or a current code from the app, proving that the
//! person at the keyboard is the account's owner. Wrong ones count per account (5 per 15
//! minutes, with the second sign-in step's wrong codes); each takes its slot first, so
//! guesses sent together are checked no more than five times.

use super::mark_recent;
use crate::passwords;
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::session::CurrentSession;
use crate::two_step;
use crate::AppState;
use axum::http::StatusCode;
use rusqlite::params;
use topocloud_contract::{sign_in_password_acceptable, Confirmation};

/// Checks `confirmation` for the session's account. On success the session counts as a
/// recent sign-in. Exactly one of password and code: otherwise `422 validation_failed`.
/// A wrong password is `403 wrong_password`, a wrong or used code `403 code_invalid`.
pub async fn check(
    state: &AppState,
    session: &CurrentSession,
    confirmation: &Confirmation,
) -> Result<(), ApiProblem> {
    let user_id = session.user_id;
    match (&confirmation.password, &confirmation.code) {
        (Some(password), None) => {
            rate_limit::take_proof(state, user_id)?;
            if !password_matches(state, user_id, password).await? {
                return Err(ApiProblem::wrong_password());
            }
        }
        (None, Some(code)) => {
            rate_limit::take_proof(state, user_id)?;
            let now = state.clock.now();
            let accepted = state
                .db
                .write(|tx| two_step::accept_code(tx, user_id, code, now))?;
            if !accepted {
                return Err(ApiProblem::code_invalid(StatusCode::FORBIDDEN));
            }
        }
        _ => return Err(ApiProblem::validation_failed()),
    }
    let now = state.clock.now();
    state.db.write(|tx| {
        rate_limit::clear(tx, &rate_limit::proof_bucket(user_id))?;
        mark_recent(tx, &session.id_hash, now)
    })?;
    Ok(())
}

/// Whether `password` is the account's. An account without one (single sign-on only)
/// still costs one hash verification, like a wrong password.
pub async fn password_matches(
    state: &AppState,
    user_id: i64,
    password: &str,
) -> Result<bool, ApiProblem> {
    let stored = stored_hash(state, user_id)?;
    if !sign_in_password_acceptable(password) {
        return Ok(false);
    }
    let checked = stored
        .clone()
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let matches = passwords::verify_off_runtime(password.to_owned(), checked).await?;
    Ok(matches && stored.is_some())
}

/// The account's password hash, `None` when it has no password.
pub fn stored_hash(state: &AppState, user_id: i64) -> rusqlite::Result<Option<String>> {
    state.db.conn().query_row(
        "SELECT password_hash FROM users WHERE id = ?1",
        params![user_id],
        |r| r.get(0),
    )
}
