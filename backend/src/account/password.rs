//! `POST /api/account/password`: the current password is the proof; on success every
//! other session of the account ends, this one stays (as a recent sign-in), trusted
//! devices and unfinished password steps end, pending reset links stop working, and an
//! email tells the owner.

use super::{mark_recent, proof, signed_in};
use crate::accounts;
use crate::extract::ApiJson;
use crate::mail::{self, Mail};
use crate::passwords;
use crate::policy::FieldProblems;
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::second_step::reset_page;
use crate::tokens::{self, Purpose};
use crate::two_step::{challenge, trusted};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use rusqlite::params;
use topocloud_contract::{fields, ChangePasswordRequest};

pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ChangePasswordRequest>,
) -> Result<StatusCode, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let user_id = session.user_id;
    let mut problems = FieldProblems::new();
    problems.new_password_in(fields::NEW_PASSWORD, &state, &request.new_password);
    problems.into_result()?;

    rate_limit::take_proof(&state, user_id)?;
    let old_hash = proof::stored_hash(&state, user_id)?;
    if !proof::password_matches(&state, user_id, &request.current_password).await? {
        // The same change sent again because its answer was lost on the way: the new
        // password is the account's already, which is the end state asked for (and a
        // right password, so the wrong-proof count is cleared as after any success).
        if proof::password_matches(&state, user_id, &request.new_password).await? {
            state.db.write(|tx| {
                rate_limit::clear(tx, &rate_limit::proof_bucket(user_id)).map_err(ApiProblem::from)
            })?;
            return Ok(StatusCode::NO_CONTENT);
        }
        return Err(ApiProblem::wrong_password());
    }
    let new_hash = passwords::hash_off_runtime(&request.new_password).await?;

    let now = state.clock.now();
    let outgoing = state.db.write(|tx| {
        // Checking and hashing took a while: the password may have been reset since, or
        // this session ended from another device. Then nothing changes.
        let old_hash = old_hash.as_deref().unwrap_or_default();
        if !accounts::has_password_hash(tx, user_id, old_hash)? {
            return Err(ApiProblem::wrong_password());
        }
        let still_signed_in: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sessions WHERE id_hash = ?1)",
            params![session.id_hash],
            |r| r.get(0),
        )?;
        if !still_signed_in {
            return Err(ApiProblem::not_signed_in());
        }
        tx.execute(
            "UPDATE users SET password_hash = ?1 WHERE id = ?2",
            params![new_hash, user_id],
        )?;
        tx.execute(
            "DELETE FROM sessions WHERE user_id = ?1 AND id_hash != ?2",
            params![user_id, session.id_hash],
        )?;
        mark_recent(tx, &session.id_hash, now)?;
        trusted::end_all(tx, user_id)?;
        challenge::end_all(tx, user_id)?;
        tokens::revoke_all(tx, now, Purpose::PasswordReset, user_id)?;
        rate_limit::clear(tx, &rate_limit::proof_bucket(user_id))?;
        rate_limit::clear(tx, &format!("sign-in:{}", session.info.email))?;
        let account = accounts::find_by_id(tx, user_id)?.ok_or_else(ApiProblem::not_signed_in)?;
        let notice = Mail::PasswordChanged {
            name: account.name,
            reset_link: reset_page(&state),
            this_session_kept: true,
        };
        Ok::<_, ApiProblem>(mail::deliver_in(
            tx,
            &state,
            &account.email,
            account.locale,
            notice,
        )?)
    })?;
    outgoing.send(&state);
    Ok(StatusCode::NO_CONTENT)
}
