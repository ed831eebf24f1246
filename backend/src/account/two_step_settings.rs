//! `/api/account/two-step/…`: setting up a key, confirming it with the first code (which
//! turns two-step verification on and hands out recovery codes), turning it off, and
//! renewing the recovery codes.

use super::{mark_recent, proof, require_recent, signed_in};
use crate::accounts;
use crate::extract::ApiJson;
use crate::mail::{self, Mail};
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::second_step::{reset_page, two_step_enabled_notice};
use crate::two_step::{self, recovery};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use topocloud_contract::{CodeRequest, Confirmation, ErrorCode, RecoveryCodes, TotpSetup};

fn already_on() -> ApiProblem {
    ApiProblem::conflict(
        ErrorCode::TwoStepAlreadyOn,
        "Two-step verification is on already",
    )
}

/// `POST /api/account/two-step/setup`: a new key (not in force until confirmed), replacing
/// any earlier unconfirmed one. Needs a recent sign-in.
pub async fn setup(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<TotpSetup>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    require_recent(&state, &session)?;
    let now = state.clock.now();
    let secret = state.db.write(|tx| {
        if two_step::is_on(tx, session.user_id)? {
            return Err(already_on());
        }
        Ok(two_step::start_setup(tx, session.user_id, now)?)
    })?;
    Ok(Json(two_step::setup_answer(
        &state,
        &session.info.email,
        secret,
    )))
}

/// `POST /api/account/two-step/confirm`: a code from the new key turns two-step
/// verification on; the answer holds the recovery codes, shown this once.
pub async fn confirm_setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<CodeRequest>,
) -> Result<Json<RecoveryCodes>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let user_id = session.user_id;
    let now = state.clock.now();
    {
        let conn = state.db.conn();
        if two_step::is_on(&conn, user_id)? {
            return Err(already_on());
        }
        if two_step::pending_setup(&conn, user_id, now)?.is_none() {
            return Err(ApiProblem::setup_expired());
        }
    }
    rate_limit::take_proof(&state, user_id)?;
    let (codes, outgoing) = state.db.write(|tx| {
        let secret =
            two_step::pending_setup(tx, user_id, now)?.ok_or_else(ApiProblem::setup_expired)?;
        let step = two_step::matching_step(&secret, &request.code, now)
            .ok_or_else(|| ApiProblem::code_invalid(StatusCode::FORBIDDEN))?;
        if !two_step::enable(tx, user_id, &secret, step, now)? {
            return Err(already_on());
        }
        let codes = recovery::replace(tx, user_id, now)?;
        rate_limit::clear(tx, &rate_limit::proof_bucket(user_id))?;
        mark_recent(tx, &session.id_hash, now)?;
        let account = accounts::find_by_id(tx, user_id)?.ok_or_else(ApiProblem::not_signed_in)?;
        let outgoing = two_step_enabled_notice(tx, &state, &account)?;
        Ok::<_, ApiProblem>((codes, outgoing))
    })?;
    outgoing.send(&state);
    Ok(Json(RecoveryCodes { codes }))
}

/// `POST /api/account/two-step/disable`: with the password or a code. Already off: `204`
/// all the same. The organisation requires it: `409 two_step_required`.
pub async fn disable(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(confirmation): ApiJson<Confirmation>,
) -> Result<StatusCode, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let user_id = session.user_id;
    {
        let conn = state.db.conn();
        if !two_step::is_on(&conn, user_id)? {
            return Ok(StatusCode::NO_CONTENT);
        }
        if two_step::required_by_organisation(&conn, user_id)? {
            return Err(ApiProblem::conflict(
                ErrorCode::TwoStepRequired,
                "The organisation requires two-step verification",
            ));
        }
    }
    proof::check(&state, &session, &confirmation).await?;
    let outgoing = state.db.write(|tx| {
        if !two_step::disable(tx, user_id)? {
            return Ok(None);
        }
        let account = accounts::find_by_id(tx, user_id)?.ok_or_else(ApiProblem::not_signed_in)?;
        let notice = Mail::TwoStepDisabled {
            name: account.name,
            reset_link: reset_page(&state),
        };
        let outgoing = mail::deliver_in(tx, &state, &account.email, account.locale, notice)?;
        Ok::<_, ApiProblem>(Some(outgoing))
    })?;
    if let Some(outgoing) = outgoing {
        outgoing.send(&state);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/account/two-step/recovery-codes`: ten new codes; the old ones stop working.
pub async fn renew_recovery_codes(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(confirmation): ApiJson<Confirmation>,
) -> Result<Json<RecoveryCodes>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let user_id = session.user_id;
    let not_on = || {
        ApiProblem::conflict(
            ErrorCode::TwoStepNotOn,
            "Two-step verification is off: there are no recovery codes",
        )
    };
    if !two_step::is_on(&state.db.conn(), user_id)? {
        return Err(not_on());
    }
    proof::check(&state, &session, &confirmation).await?;
    let now = state.clock.now();
    let codes = state.db.write(|tx| {
        if !two_step::is_on(tx, user_id)? {
            return Err(not_on());
        }
        Ok(recovery::replace(tx, user_id, now)?)
    })?;
    Ok(Json(RecoveryCodes { codes }))
}
