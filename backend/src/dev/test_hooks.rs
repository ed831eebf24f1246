//! What the real product does elsewhere (an organisation inviting people, assigning them
//! to projects) and what tests need (moving the clock), as dev-only endpoints.

use crate::mail::{self, Mail};
use crate::problem::ApiProblem;
use crate::tokens::{self, Purpose};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use topocloud_contract::{is_plausible_email, normalise_email, routes, AccountType, Locale};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dev/api/invitations", post(invite))
        .route("/dev/api/projects/assign", post(assign))
        .route("/dev/api/clock", get(read_clock).post(advance_clock))
}

#[derive(Debug, Deserialize)]
pub struct InviteRequest {
    pub email: String,
    pub organisation: String,
    pub account_type: AccountType,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub inviter: Option<String>,
    #[serde(default)]
    pub locale: Locale,
}

#[derive(Debug, Serialize)]
pub struct InviteOutcome {
    pub email: String,
    /// Whether an invitation email went out now (main accounts) or waits for a project.
    pub invitation_sent: bool,
}

/// `POST /dev/api/invitations`: a main account is invited at once; an employee account
/// is only recorded until it is assigned to a project.
pub async fn invite(
    State(state): State<AppState>,
    Json(request): Json<InviteRequest>,
) -> Result<(StatusCode, Json<InviteOutcome>), ApiProblem> {
    if !is_plausible_email(&request.email) || request.organisation.trim().is_empty() {
        return Err(ApiProblem::validation_failed());
    }
    let email = normalise_email(&request.email);
    let inviter = request
        .inviter
        .clone()
        .unwrap_or_else(|| "TopoCloud".to_owned());
    let user_id = create_invitee(&state, &email, &request)?;
    let invitation_sent = request.account_type == AccountType::Main;
    if invitation_sent {
        send_invitation(&state, user_id, &email, request.locale, &inviter, None)?;
    }
    Ok((
        StatusCode::CREATED,
        Json(InviteOutcome {
            email,
            invitation_sent,
        }),
    ))
}

#[derive(Debug, Deserialize)]
pub struct AssignRequest {
    pub email: String,
    pub project: String,
    #[serde(default)]
    pub inviter: Option<String>,
}

/// `POST /dev/api/projects/assign`: the first assignment of an employee who has not
/// joined yet sends their invitation; later assignments send nothing.
pub async fn assign(
    State(state): State<AppState>,
    Json(request): Json<AssignRequest>,
) -> Result<Json<InviteOutcome>, ApiProblem> {
    let email = normalise_email(&request.email);
    let project = request.project.trim().to_owned();
    let found: Option<(i64, Option<i64>, String, bool, String)> = state
        .db
        .conn()
        .query_row(
            "SELECT id, organisation_id, account_type, password_hash IS NOT NULL, locale FROM users WHERE email = ?1",
            params![email],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((user_id, Some(organisation_id), account_type, has_password, locale)) = found else {
        return Err(ApiProblem::new(
            StatusCode::NOT_FOUND,
            topocloud_contract::ErrorCode::NotFound,
            "No such employee",
        ));
    };
    if project.is_empty() {
        return Err(ApiProblem::validation_failed());
    }
    let first_assignment = {
        let conn = state.db.conn();
        conn.execute(
            "INSERT OR IGNORE INTO projects (organisation_id, name) VALUES (?1, ?2)",
            params![organisation_id, project],
        )?;
        let project_id: i64 = conn.query_row(
            "SELECT id FROM projects WHERE organisation_id = ?1 AND name = ?2",
            params![organisation_id, project],
            |r| r.get(0),
        )?;
        let earlier: i64 = conn.query_row(
            "SELECT COUNT(*) FROM project_members WHERE user_id = ?1",
            params![user_id],
            |r| r.get(0),
        )?;
        conn.execute(
            "INSERT OR IGNORE INTO project_members (project_id, user_id, assigned_at) VALUES (?1, ?2, ?3)",
            params![project_id, user_id, state.clock.now()],
        )?;
        earlier == 0
    };
    let invitation_sent = first_assignment && account_type == "employee" && !has_password;
    if invitation_sent {
        let inviter = request
            .inviter
            .clone()
            .unwrap_or_else(|| "TopoCloud".to_owned());
        send_invitation(
            &state,
            user_id,
            &email,
            Locale::from_code(&locale),
            &inviter,
            Some(&project),
        )?;
    }
    Ok(Json(InviteOutcome {
        email,
        invitation_sent,
    }))
}

#[derive(Debug, Deserialize)]
pub struct ClockRequest {
    pub advance_seconds: i64,
}

#[derive(Debug, Serialize)]
pub struct ClockState {
    pub now: i64,
}

/// `POST /dev/api/clock`: moves the backend's time forward to make links expire.
/// Emails still on the mail queue are issued first, at the time their requests were
/// answered, so a link requested before the move expires with it.
pub async fn advance_clock(
    State(state): State<AppState>,
    Json(request): Json<ClockRequest>,
) -> Json<ClockState> {
    state.mail_queue.flush().await;
    state.clock.advance(request.advance_seconds.max(0));
    Json(ClockState {
        now: state.clock.now(),
    })
}

/// `GET /dev/api/clock`: the backend's time, `{"now": <unix seconds>}` (moved by
/// `POST`), so a browser test can compute an authenticator app's code at that time.
pub async fn read_clock(State(state): State<AppState>) -> Json<ClockState> {
    Json(ClockState {
        now: state.clock.now(),
    })
}

pub(crate) fn create_invitee(
    state: &AppState,
    email: &str,
    request: &InviteRequest,
) -> rusqlite::Result<i64> {
    let now = state.clock.now();
    // One transaction: an invitee is never left half-created.
    state.db.write(|conn| {
        if let Some(id) = conn
            .query_row(
                "SELECT id FROM users WHERE email = ?1",
                params![email],
                |r| r.get(0),
            )
            .optional()?
        {
            return Ok(id);
        }
        let organisation = request.organisation.trim();
        let organisation_id: i64 = match conn
            .query_row(
                "SELECT id FROM organisations WHERE name = ?1 ORDER BY id LIMIT 1",
                params![organisation],
                |r| r.get(0),
            )
            .optional()?
        {
            Some(id) => id,
            None => {
                conn.execute(
                    "INSERT INTO organisations (name, created_at) VALUES (?1, ?2)",
                    params![organisation, now],
                )?;
                conn.last_insert_rowid()
            }
        };
        conn.execute(
            "INSERT INTO users (email, name, locale, created_at, organisation_id, account_type)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                email,
                request.name.trim(),
                request.locale.code(),
                now,
                organisation_id,
                request.account_type.code()
            ],
        )?;
        Ok(conn.last_insert_rowid())
    })
}

pub fn send_invitation(
    state: &AppState,
    user_id: i64,
    email: &str,
    locale: Locale,
    inviter: &str,
    project: Option<&str>,
) -> rusqlite::Result<()> {
    let (token, expires_at) = tokens::issue(
        state,
        Purpose::Invitation,
        user_id,
        state.config.invitation_ttl,
        Some(inviter),
        project,
    )?;
    let (organisation, account_type): (String, String) = state.db.conn().query_row(
        "SELECT COALESCE(o.name, ''), u.account_type FROM users u
         LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?1",
        params![user_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let link = format!(
        "{}{}#token={token}",
        state.config.public_url,
        routes::INVITATION
    );
    let account_type = if account_type == "employee" {
        AccountType::Employee
    } else {
        AccountType::Main
    };
    mail::deliver(
        state,
        email,
        locale,
        Mail::Invitation {
            organisation,
            inviter: inviter.to_owned(),
            account_type,
            project: project.map(str::to_owned),
            link,
            expires_at,
        },
    )
}
