//! Invitations: an organisation creates the account, the person chooses name and password.

use crate::extract::ApiJson;
use crate::policy::FieldProblems;
use crate::problem::ApiProblem;
use crate::session::{current_user, end_this_browsers_session, start_session};
use crate::tokens::{self, Purpose, TokenError};
use crate::two_step;
use crate::{passwords, AppState};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::{params, OptionalExtension};
use topocloud_contract::{
    fields, AcceptInvitationRequest, AccountType, ErrorCode, InvitationDetails, SecondStepRequired,
    SessionInfo, TokenRequest,
};

struct Invitee {
    email: String,
    name: String,
    organisation: String,
    account_type: AccountType,
}

/// `POST /api/invitations/lookup`: never consumes the token (mail scanners open links).
pub async fn look_up(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<Json<InvitationDetails>, ApiProblem> {
    let token = checked(
        &state,
        tokens::look_up(&state, Purpose::Invitation, &request.token)?,
        &request.token,
    )?;
    let invitee = invitee(&state, token.user_id)?.ok_or_else(invalid)?;
    Ok(Json(InvitationDetails {
        organisation: invitee.organisation,
        inviter: token.invited_by.unwrap_or_default(),
        email: invitee.email,
        name: invitee.name,
        account_type: invitee.account_type,
        project: token.project,
        expires_at: token.expires_at,
    }))
}

/// `POST /api/invitations/accept`: sets name and password, confirms the address (the
/// link proved it) and signs in.
pub async fn accept(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<AcceptInvitationRequest>,
) -> Result<Response, ApiProblem> {
    let token = checked(
        &state,
        tokens::look_up(&state, Purpose::Invitation, &request.token)?,
        &request.token,
    )?;
    let invitee = invitee(&state, token.user_id)?.ok_or_else(invalid)?;
    if let Some((user_id, signed_in)) = current_user(&state, &headers)? {
        if user_id != token.user_id {
            let mut problem = ApiProblem::new(
                StatusCode::CONFLICT,
                ErrorCode::SignedInAsOther,
                "Signed in as another account",
            );
            problem.problem.email = Some(signed_in.email);
            return Err(problem);
        }
    }
    let mut problems = FieldProblems::new();
    problems
        .name(fields::NAME, &request.name)
        .new_password(&state, &request.password);
    problems.into_result()?;

    let hash = passwords::hash_off_runtime(&request.password).await?;
    let name = request.name.trim().to_owned();
    // Using the invitation, setting name and password and signing in are one
    // transaction: a failure half-way leaves the invitation usable for the next try.
    // It is used up only now, so a rejected password leaves it usable too.
    let now = state.clock.now();
    let accepted = state.db.write(|tx| {
        let token = match tokens::consume(tx, now, Purpose::Invitation, &request.token)? {
            Ok(token) => token,
            Err(error) => return Ok(Err(error)),
        };
        tx.execute(
            "UPDATE users SET name = ?1, password_hash = ?2, email_verified_at = COALESCE(email_verified_at, ?3)
             WHERE id = ?4",
            params![name, hash, now, token.user_id],
        )?;
        tokens::revoke_all(tx, now, Purpose::Invitation, token.user_id)?;
        // An organisation that requires two-step verification gets it from the first
        // sign-in on, this one included: no session until it is on.
        if let Some(second_step) = two_step::second_step_for(tx, token.user_id)? {
            end_this_browsers_session(&state, tx, &headers)?;
            let cookie =
                two_step::challenge::create(&state, tx, token.user_id, second_step, false)?;
            return Ok(Ok((cookie, Some(second_step))));
        }
        start_session(&state, tx, &headers, token.user_id, false).map(|c| Ok((c, None)))
    })?;
    // Explaining a refusal reads the database again, so it waits for the transaction's end.
    let (cookie, second_step) = accepted.map_err(|error| refusal(&state, error, &request.token))?;
    if let Some(second_step) = second_step {
        return Ok((
            StatusCode::ACCEPTED,
            [(header::SET_COOKIE, cookie)],
            Json(SecondStepRequired { second_step }),
        )
            .into_response());
    }
    let info = SessionInfo {
        email: invitee.email,
        name,
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(info)).into_response())
}

fn checked(
    state: &AppState,
    result: Result<tokens::Token, TokenError>,
    raw: &str,
) -> Result<tokens::Token, ApiProblem> {
    result.map_err(|error| refusal(state, error, raw))
}

/// Why an invitation cannot be used, as the person holding it may hear it.
fn refusal(state: &AppState, error: TokenError, raw: &str) -> ApiProblem {
    // The invitation's holder may see who invited them and which address it was for.
    let about = tokens::describe_any(state, Purpose::Invitation, raw)
        .ok()
        .flatten();
    let invitee = about
        .as_ref()
        .and_then(|t| invitee(state, t.user_id).ok().flatten());
    match error {
        TokenError::Expired => {
            let mut p = ApiProblem::new(
                StatusCode::GONE,
                ErrorCode::InvitationExpired,
                "Invitation expired",
            );
            p.problem.inviter = about.and_then(|t| t.invited_by);
            p.problem.email = invitee.map(|i| i.email);
            p
        }
        TokenError::Used => {
            let mut p = ApiProblem::new(
                StatusCode::GONE,
                ErrorCode::InvitationUsed,
                "Invitation already used",
            );
            p.problem.email = invitee.map(|i| i.email);
            p
        }
        TokenError::Invalid => invalid(),
    }
}

fn invalid() -> ApiProblem {
    ApiProblem::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::InvitationInvalid,
        "Invitation not valid",
    )
}

fn invitee(state: &AppState, user_id: i64) -> rusqlite::Result<Option<Invitee>> {
    state
        .db
        .conn()
        .query_row(
            "SELECT u.email, u.name, COALESCE(o.name, ''), u.account_type
             FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1",
            params![user_id],
            |row| {
                let account_type: String = row.get(3)?;
                Ok(Invitee {
                    email: row.get(0)?,
                    name: row.get(1)?,
                    organisation: row.get(2)?,
                    account_type: if account_type == "employee" {
                        AccountType::Employee
                    } else {
                        AccountType::Main
                    },
                })
            },
        )
        .optional()
}
