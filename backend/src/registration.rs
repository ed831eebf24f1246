//! Self-registration and email verification.
//!
//! `POST /api/registrations` answers `202` with an empty body whatever happens, so nobody
//! can learn through it whether an address has an account; the difference is only in the
//! email that arrives (a verification link, or "you already have an account").

use crate::accounts::{self, Account};
use crate::extract::{ApiJson, Client};
use crate::mail::{self, Mail};
use crate::policy::FieldProblems;
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::tokens::{self, Purpose, TokenError};
use crate::{passwords, AppState};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use rusqlite::{params, Connection};
use topocloud_contract::{
    fields, normalise_email, routes, AccountEmail, ErrorCode, Locale, RegistrationRequest,
    ResendVerificationRequest, TokenRequest,
};

pub async fn register(
    State(state): State<AppState>,
    client: Client,
    ApiJson(request): ApiJson<RegistrationRequest>,
) -> Result<StatusCode, ApiProblem> {
    if !state.config.registration_open {
        return Err(ApiProblem::new(
            StatusCode::FORBIDDEN,
            ErrorCode::RegistrationClosed,
            "Registration is closed",
        ));
    }
    let mut problems = FieldProblems::new();
    problems
        .name(fields::NAME, &request.name)
        .email(&request.email)
        .name(fields::ORGANISATION, &request.organisation)
        .new_password(&state, &request.password)
        .accepted(fields::ACCEPT_TERMS, request.accept_terms);
    problems.into_result()?;

    let email = normalise_email(&request.email);
    rate_limit::charge_email(&state, &email, &client.0)?;

    // Hash in every case, so a known address answers no faster than a new one.
    let hash = passwords::hash_off_runtime(&request.password).await?;

    // Looking for the account and creating it are one transaction: two registrations
    // of one address at the same moment cannot both find none and collide on creating
    // it (a `500` that would tell what the `202` hides), and a failure half-way leaves
    // no organisation without its account.
    let now = state.clock.now();
    let outcome = state.db.write(|tx| {
        Ok::<_, rusqlite::Error>(match accounts::find_by_email(tx, &email)? {
            Some(existing) => Err(existing),
            None => Ok(create_unverified(tx, now, &request, &email, &hash)?),
        })
    })?;
    // The emails go out from the mail queue, after the answer (see `mail::queue`).
    match outcome {
        Err(existing) => mail::later(&state, "registration email", move |state| {
            tell_existing_account(state, &existing)
        }),
        Ok(user_id) => {
            let (name, locale) = (request.name, request.locale);
            mail::later(&state, "verification email", move |state| {
                send_verification(state, user_id, &email, &name, locale)
            });
        }
    }
    Ok(StatusCode::ACCEPTED)
}

/// `POST /api/email-verifications/resend`: a fresh link for an unconfirmed account;
/// `202` and silence for every other address.
pub async fn resend(
    State(state): State<AppState>,
    client: Client,
    ApiJson(request): ApiJson<ResendVerificationRequest>,
) -> Result<StatusCode, ApiProblem> {
    let mut problems = FieldProblems::new();
    problems.email(&request.email);
    problems.into_result()?;
    let email = normalise_email(&request.email);
    rate_limit::charge_email(&state, &email, &client.0)?;
    let account = accounts::find_by_email(&state.db.conn(), &email)?;
    if let Some(account) = account {
        if !account.email_verified && account.password_hash.is_some() {
            // From the mail queue, so an unconfirmed account answers no slower.
            mail::later(&state, "verification email", move |state| {
                revoke_verification_links(state, account.id)?;
                send_verification(
                    state,
                    account.id,
                    &account.email,
                    &account.name,
                    account.locale,
                )
            });
        }
    }
    Ok(StatusCode::ACCEPTED)
}

/// `POST /api/email-verifications`: confirms the address. Does not sign in.
pub async fn verify(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<Json<AccountEmail>, ApiProblem> {
    // Using the link and confirming the address are one transaction: when confirming
    // fails, the link still works for the next try.
    let now = state.clock.now();
    let email = state.db.write(|tx| {
        let token = tokens::consume(tx, now, Purpose::VerifyEmail, &request.token)?
            .map_err(token_problem)?;
        tx.execute(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, ?1) WHERE id = ?2",
            params![now, token.user_id],
        )?;
        let email: String = tx.query_row(
            "SELECT email FROM users WHERE id = ?1",
            params![token.user_id],
            |r| r.get(0),
        )?;
        Ok::<_, ApiProblem>(email)
    })?;
    Ok(Json(AccountEmail { email }))
}

/// Expired and used links are `410 Gone`; anything else is `400`, so the site can
/// explain each and offer the right next step.
pub fn token_problem(error: TokenError) -> ApiProblem {
    match error {
        TokenError::Expired => ApiProblem::new(
            StatusCode::GONE,
            ErrorCode::TokenExpired,
            "This link has expired",
        ),
        TokenError::Used => ApiProblem::new(
            StatusCode::GONE,
            ErrorCode::TokenUsed,
            "This link was already used",
        ),
        TokenError::Invalid => ApiProblem::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::TokenInvalid,
            "This link is not valid",
        ),
    }
}

fn create_unverified(
    conn: &Connection,
    now: i64,
    request: &RegistrationRequest,
    email: &str,
    hash: &str,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO organisations (name, created_at) VALUES (?1, ?2)",
        params![request.organisation.trim(), now],
    )?;
    let organisation_id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO users (email, name, password_hash, locale, created_at, organisation_id, account_type)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'main')",
        params![email, request.name.trim(), hash, request.locale.code(), now, organisation_id],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A new verification link supersedes the earlier ones.
fn revoke_verification_links(state: &AppState, user_id: i64) -> rusqlite::Result<()> {
    let now = state.clock.now();
    tokens::revoke_all(&state.db.conn(), now, Purpose::VerifyEmail, user_id)
}

fn send_verification(
    state: &AppState,
    user_id: i64,
    email: &str,
    name: &str,
    locale: Locale,
) -> rusqlite::Result<()> {
    let (token, _) = tokens::issue(
        state,
        Purpose::VerifyEmail,
        user_id,
        state.config.verify_email_ttl,
        None,
        None,
    )?;
    let link = format!(
        "{}{}#token={token}",
        state.config.public_url,
        routes::VERIFY_EMAIL
    );
    mail::deliver(
        state,
        email,
        locale,
        Mail::VerifyEmail {
            name: name.trim().to_owned(),
            link,
        },
    )
}

/// Someone registered with an address that has an account: that account's owner hears
/// about it (with the way back in); the person registering learns nothing new.
fn tell_existing_account(state: &AppState, account: &Account) -> rusqlite::Result<()> {
    if !account.email_verified && account.password_hash.is_some() {
        revoke_verification_links(state, account.id)?;
        return send_verification(
            state,
            account.id,
            &account.email,
            &account.name,
            account.locale,
        );
    }
    let base = &state.config.public_url;
    let encoded = topocloud_contract::percent_encode(&account.email);
    mail::deliver(
        state,
        &account.email,
        account.locale,
        Mail::AlreadyRegistered {
            name: account.name.clone(),
            login_link: format!("{base}{}#email={encoded}", routes::LOGIN),
            reset_link: format!("{base}{}#email={encoded}", routes::FORGOT_PASSWORD),
        },
    )
}
