//! `/api/session/second-step`: after a right password, the code from the authenticator
//! app (or a recovery code) that completes the sign-in; or, when the organisation requires
//! two-step verification and the account has none, turning it on first.
//!
//! Every endpoint here needs this browser's challenge cookie of the right kind; without
//! one (none, expired, used, or of the other kind) the answer is `401 challenge_expired`:
//! back to the password. Wrong codes count per account (5 per 15 minutes, with the
//! security page's wrong proofs), each taking its slot before the code is checked.

use crate::accounts;
use crate::extract::ApiJson;
use crate::mail::{self, Mail, Outgoing};
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::session::start_session;
use crate::two_step::{self, challenge, recovery, trusted};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::Connection;
use topocloud_contract::{
    routes, CodeRequest, EnrolledSignIn, SecondStepKind, SecondStepRequest, SecondStepState,
    SessionInfo, TotpSetup,
};

/// This browser's live challenge of `kind`, or `401 challenge_expired`.
fn challenge_of(
    state: &AppState,
    headers: &HeaderMap,
    kind: SecondStepKind,
) -> Result<challenge::Challenge, ApiProblem> {
    challenge::find(state, &state.db.conn(), headers)?
        .filter(|c| c.kind == kind)
        .ok_or_else(ApiProblem::challenge_expired)
}

/// The forgot-password page, for the "was this not you?" of security notices.
pub fn reset_page(state: &AppState) -> String {
    format!("{}{}", state.config.public_url, routes::FORGOT_PASSWORD)
}

fn session_info(
    conn: &Connection,
    user_id: i64,
) -> Result<(SessionInfo, accounts::Account), ApiProblem> {
    let account = accounts::find_by_id(conn, user_id)?.ok_or_else(ApiProblem::challenge_expired)?;
    let info = SessionInfo {
        email: account.email.clone(),
        name: account.name.clone(),
    };
    Ok((info, account))
}

/// `GET /api/session/second-step`
pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SecondStepState>, ApiProblem> {
    let challenge = challenge::find(&state, &state.db.conn(), &headers)?
        .ok_or_else(ApiProblem::challenge_expired)?;
    let left = (challenge.expires_at - state.clock.now()).max(0);
    Ok(Json(SecondStepState {
        kind: challenge.kind,
        expires_in: u32::try_from(left).unwrap_or(0),
    }))
}

/// `POST /api/session/second-step`
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SecondStepRequest>,
) -> Result<Response, ApiProblem> {
    let challenge = challenge_of(&state, &headers, SecondStepKind::Code)?;
    rate_limit::take_proof(&state, challenge.user_id)?;
    let now = state.clock.now();
    let user_id = challenge.user_id;
    let (info, cookies, outgoing) = state.db.write(|tx| {
        let accepted = if request.recovery {
            recovery::use_code(tx, user_id, &request.code, now)?
        } else {
            two_step::accept_code(tx, user_id, &request.code, now)?
        };
        if !accepted {
            return Err(ApiProblem::code_invalid(StatusCode::UNAUTHORIZED));
        }
        // A request with the same challenge may have finished first: then this one rolls
        // back, and its code stays unused.
        if !challenge::delete(tx, &challenge.hash)? {
            return Err(ApiProblem::challenge_expired());
        }
        rate_limit::clear(tx, &rate_limit::proof_bucket(user_id))?;
        let (info, account) = session_info(tx, user_id)?;
        let mut cookies = vec![
            start_session(&state, tx, &headers, user_id, challenge.remember)?,
            challenge::cleared_cookie(&state),
        ];
        if request.trust_device {
            cookies.push(trusted::trust(&state, tx, user_id)?);
        }
        let outgoing = if request.recovery {
            let notice = Mail::RecoveryCodeUsed {
                name: account.name.clone(),
                left: recovery::left(tx, user_id)?,
                reset_link: reset_page(&state),
            };
            Some(mail::deliver_in(
                tx,
                &state,
                &account.email,
                account.locale,
                notice,
            )?)
        } else {
            None
        };
        Ok::<_, ApiProblem>((info, cookies, outgoing))
    })?;
    if let Some(outgoing) = outgoing {
        outgoing.send(&state);
    }
    Ok(with_cookies(cookies, Json(info)))
}

/// `POST /api/session/second-step/enrolment`: a key to put in the app (replacing any
/// earlier one of this sign-in).
pub async fn enrolment(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<TotpSetup>, ApiProblem> {
    let challenge = challenge_of(&state, &headers, SecondStepKind::Enrol)?;
    let now = state.clock.now();
    let (secret, email) = state.db.write(|tx| {
        let (info, _) = session_info(tx, challenge.user_id)?;
        let secret = two_step::start_setup(tx, challenge.user_id, now)?;
        Ok::<_, ApiProblem>((secret, info.email))
    })?;
    Ok(Json(two_step::setup_answer(&state, &email, secret)))
}

/// `POST /api/session/second-step/enrolment/confirm`: the first code from the app turns
/// two-step verification on and signs in, with the recovery codes to keep.
pub async fn confirm_enrolment(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<CodeRequest>,
) -> Result<Response, ApiProblem> {
    let challenge = challenge_of(&state, &headers, SecondStepKind::Enrol)?;
    let user_id = challenge.user_id;
    rate_limit::take_proof(&state, user_id)?;
    let now = state.clock.now();
    let (answer, cookies, outgoing) = state.db.write(|tx| {
        let secret =
            two_step::pending_setup(tx, user_id, now)?.ok_or_else(ApiProblem::setup_expired)?;
        let step = two_step::matching_step(&secret, &request.code, now)
            .ok_or_else(|| ApiProblem::code_invalid(StatusCode::UNAUTHORIZED))?;
        if !challenge::delete(tx, &challenge.hash)?
            || !two_step::enable(tx, user_id, &secret, step, now)?
        {
            return Err(ApiProblem::challenge_expired());
        }
        let recovery_codes = recovery::replace(tx, user_id, now)?;
        rate_limit::clear(tx, &rate_limit::proof_bucket(user_id))?;
        let (session, account) = session_info(tx, user_id)?;
        let cookies = vec![
            start_session(&state, tx, &headers, user_id, challenge.remember)?,
            challenge::cleared_cookie(&state),
        ];
        let outgoing = two_step_enabled_notice(tx, &state, &account)?;
        Ok::<_, ApiProblem>((
            EnrolledSignIn {
                session,
                recovery_codes,
            },
            cookies,
            outgoing,
        ))
    })?;
    outgoing.send(&state);
    Ok(with_cookies(cookies, Json(answer)))
}

/// "Two-step verification was turned on", stored with the change that did it.
pub fn two_step_enabled_notice(
    conn: &Connection,
    state: &AppState,
    account: &accounts::Account,
) -> rusqlite::Result<Outgoing> {
    let notice = Mail::TwoStepEnabled {
        name: account.name.clone(),
        reset_link: reset_page(state),
    };
    mail::deliver_in(conn, state, &account.email, account.locale, notice)
}

/// `body` with one `Set-Cookie` per cookie, the session's first.
fn with_cookies(cookies: Vec<HeaderValue>, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    for cookie in cookies {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}
