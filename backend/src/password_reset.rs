//! Password recovery: request a link, check it, set a new password.
//!
//! The request always answers `202` with an empty body, for known and unknown addresses
//! alike and as quickly; only an existing account gets an email, sent from the mail queue.

use crate::accounts;
use crate::extract::{ApiJson, Client};
use crate::mail::{self, Lifetimes, Mail};
use crate::policy::FieldProblems;
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::registration::token_problem;
use crate::session::end_all_sessions;
use crate::tokens::{self, Purpose};
use crate::two_step;
use crate::{passwords, AppState};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use rusqlite::params;
use topocloud_contract::{
    normalise_email, routes, AccountEmail, CompletePasswordResetRequest, Locale,
    PasswordResetDetails, PasswordResetRequest, TokenRequest,
};

/// `POST /api/password-resets`
pub async fn request(
    State(state): State<AppState>,
    client: Client,
    ApiJson(request): ApiJson<PasswordResetRequest>,
) -> Result<StatusCode, ApiProblem> {
    let mut problems = FieldProblems::new();
    problems.email(&request.email);
    problems.into_result()?;
    let email = normalise_email(&request.email);
    rate_limit::charge_email(&state, &email, &client.0)?;
    // Everything after the rate limits happens on the mail queue, after the answer, so
    // the answer cannot depend on whether the address has an account: it takes the same
    // path for both (backend/tests/enumeration.rs). On the queue, a link is drawn, hashed
    // and written into an email for every address, known or not; only an existing
    // account's token and email are then stored and sent.
    mail::later(&state, "password reset email", move |state| {
        let account = accounts::find_by_email(&state.db.conn(), &email)?;
        let token = tokens::generate();
        let link = format!(
            "{}{}#token={}",
            state.config.public_url,
            routes::RESET_PASSWORD,
            token.raw
        );
        let (name, locale) = match &account {
            Some(account) => (account.name.clone(), account.locale),
            None => (String::new(), request.locale),
        };
        let mail = Mail::PasswordReset { name, link };
        let composed = mail::compose(&mail, locale, &Lifetimes::from_config(&state.config));
        let Some(account) = account else {
            // Nobody to send it to.
            std::hint::black_box(composed);
            return Ok(());
        };
        // Earlier links stay valid until one of them is used: people click the first
        // email that arrives, not necessarily the newest.
        let issued = tokens::Issued {
            purpose: Purpose::PasswordReset,
            user_id: account.id,
            lifetime_seconds: state.config.reset_ttl,
            invited_by: None,
            project: None,
        };
        tokens::store(&state.db.conn(), state.clock.now(), &token, issued)?;
        mail::send_composed(state, &account.email, locale, &mail, &composed)
    });
    Ok(StatusCode::ACCEPTED)
}

/// `POST /api/password-resets/lookup`: is this link still good? Does not use it up.
pub async fn look_up(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<Json<PasswordResetDetails>, ApiProblem> {
    let token = match tokens::look_up(&state, Purpose::PasswordReset, &request.token)? {
        Ok(token) => token,
        Err(error) => {
            // An expired or used link's holder received it by email: telling them which
            // address it was for lets the site send a new link in one click.
            let mut problem = token_problem(error);
            if let Some(old) = tokens::describe_any(&state, Purpose::PasswordReset, &request.token)?
            {
                problem.problem.email = Some(user_email(&state, old.user_id)?);
            }
            return Err(problem);
        }
    };
    let email = user_email(&state, token.user_id)?;
    Ok(Json(PasswordResetDetails {
        email,
        expires_at: token.expires_at,
    }))
}

/// `POST /api/password-resets/complete`: sets the password, ends every session of the
/// account (whoever else was signed in is out), does not sign in.
pub async fn complete(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CompletePasswordResetRequest>,
) -> Result<Json<AccountEmail>, ApiProblem> {
    // Checked first and consumed last: a rejected password keeps the link usable.
    tokens::look_up(&state, Purpose::PasswordReset, &request.token)?.map_err(token_problem)?;
    let mut problems = FieldProblems::new();
    problems.new_password(&state, &request.password);
    problems.into_result()?;
    let hash = passwords::hash_off_runtime(&request.password).await?;

    // All of it or none of it: a reset that stopped half-way could leave the link used
    // and the password changed with the other sessions still signed in.
    let now = state.clock.now();
    let reset_link = format!("{}{}", state.config.public_url, routes::FORGOT_PASSWORD);
    let (email, outgoing) = state.db.write(|tx| {
        let token = tokens::consume(tx, now, Purpose::PasswordReset, &request.token)?
            .map_err(token_problem)?;
        tx.execute(
            "UPDATE users SET password_hash = ?1, email_verified_at = COALESCE(email_verified_at, ?2)
             WHERE id = ?3",
            params![hash, now, token.user_id],
        )?;
        let (email, name, locale): (String, String, String) = tx.query_row(
            "SELECT email, name, locale FROM users WHERE id = ?1",
            params![token.user_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        tokens::revoke_all(tx, now, Purpose::PasswordReset, token.user_id)?;
        end_all_sessions(tx, token.user_id)?;
        // The new password is the only way in: browsers trusted to skip the second step
        // and password steps taken with the old password end too (two-step verification
        // itself stays on).
        two_step::trusted::end_all(tx, token.user_id)?;
        two_step::challenge::end_all(tx, token.user_id)?;
        rate_limit::clear(tx, &format!("sign-in:{email}"))?;
        let notice = Mail::PasswordChanged {
            name,
            reset_link,
            this_session_kept: false,
        };
        let outgoing = mail::deliver_in(tx, &state, &email, Locale::from_code(&locale), notice)?;
        Ok::<_, ApiProblem>((email, outgoing))
    })?;
    outgoing.send(&state);
    Ok(Json(AccountEmail { email }))
}

fn user_email(state: &AppState, user_id: i64) -> rusqlite::Result<String> {
    state.db.conn().query_row(
        "SELECT email FROM users WHERE id = ?1",
        params![user_id],
        |r| r.get(0),
    )
}
