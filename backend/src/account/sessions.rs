//! `GET /api/account/sessions`, `DELETE /api/account/sessions/{id}` and
//! `POST /api/account/sessions/end-others`. An ended session is deleted, so it signs no
//! one in from that browser's very next request on.

use super::{require_recent, signed_in};
use crate::problem::ApiProblem;
use crate::session::cleared_session_cookie;
use crate::user_agent;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::{params, OptionalExtension};
use topocloud_contract::{SessionSummary, SessionsEnded};

/// This device first, then the others by when they were last used.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Vec<SessionSummary>>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    let conn = state.db.conn();
    let mut statement = conn.prepare(
        "SELECT public_id, user_agent, created_at, last_used_at, id_hash = ?2 AS this_device
         FROM sessions WHERE user_id = ?1 AND expires_at > ?3
         ORDER BY this_device DESC, last_used_at DESC, created_at DESC",
    )?;
    let rows = statement.query_map(
        params![session.user_id, session.id_hash, state.clock.now()],
        |r| {
            let agent: String = r.get(1)?;
            Ok(SessionSummary {
                id: r.get(0)?,
                browser: user_agent::browser(&agent).map(str::to_owned),
                system: user_agent::system(&agent).map(str::to_owned),
                started_at: r.get(2)?,
                last_used_at: r.get(3)?,
                this_device: r.get(4)?,
            })
        },
    )?;
    Ok(Json(rows.collect::<Result<_, _>>()?))
}

/// Ends one session of the account; ending this device's own is signing out.
pub async fn end_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    require_recent(&state, &session)?;
    let ended: Option<String> = state
        .db
        .conn()
        .query_row(
            "DELETE FROM sessions WHERE public_id = ?1 AND user_id = ?2 RETURNING id_hash",
            params![id, session.user_id],
            |r| r.get(0),
        )
        .optional()?;
    match ended {
        // Another account's session is as unknown here as one that never existed.
        None => Err(ApiProblem::not_found("No such session")),
        Some(hash) if hash == session.id_hash => Ok((
            StatusCode::NO_CONTENT,
            [(header::SET_COOKIE, cleared_session_cookie(&state))],
        )
            .into_response()),
        Some(_) => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}

/// Ends every session of the account but this one.
pub async fn end_others(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionsEnded>, ApiProblem> {
    let session = signed_in(&state, &headers)?;
    require_recent(&state, &session)?;
    let ended = state.db.conn().execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND id_hash != ?2",
        params![session.user_id, session.id_hash],
    )?;
    Ok(Json(SessionsEnded {
        ended: u32::try_from(ended).unwrap_or(u32::MAX),
    }))
}
