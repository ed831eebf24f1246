//! Dev-only hooks for two-step verification: what an organisation's administrator does
//! elsewhere in the product (requiring two-step verification of everyone in it), and
//! reading the backend's clock, so browser tests can compute an authenticator app's code
//! at the backend's time (`POST /dev/api/clock` moves it).

use crate::problem::ApiProblem;
use crate::AppState;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use topocloud_contract::normalise_email;

pub fn routes() -> Router<AppState> {
    Router::new().route("/dev/api/organisations/two-step", post(require_two_step))
}

#[derive(Debug, Deserialize)]
pub struct TwoStepRequirement {
    /// Any member of the organisation.
    pub email: String,
    pub required: bool,
}

#[derive(Debug, Serialize)]
pub struct TwoStepRequirementSet {
    pub email: String,
    pub organisation: String,
    pub required: bool,
}

/// `POST /dev/api/organisations/two-step` `{"email", "required"}`: sets whether that
/// member's organisation requires two-step verification. An account without an
/// organisation (the demo account) first gets one of its own, named after it.
pub async fn require_two_step(
    State(state): State<AppState>,
    Json(request): Json<TwoStepRequirement>,
) -> Result<Json<TwoStepRequirementSet>, ApiProblem> {
    let email = normalise_email(&request.email);
    let now = state.clock.now();
    let organisation = state.db.write(|tx| {
        let found: Option<(i64, Option<i64>, String)> = tx
            .query_row(
                "SELECT id, organisation_id, name FROM users WHERE email = ?1",
                params![email],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((user_id, organisation_id, name)) = found else {
            return Err(ApiProblem::not_found("No such account"));
        };
        let organisation_id = match organisation_id {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO organisations (name, created_at) VALUES (?1, ?2)",
                    params![name, now],
                )?;
                let id = tx.last_insert_rowid();
                tx.execute(
                    "UPDATE users SET organisation_id = ?1 WHERE id = ?2",
                    params![id, user_id],
                )?;
                id
            }
        };
        tx.execute(
            "UPDATE organisations SET two_step_required = ?1 WHERE id = ?2",
            params![request.required, organisation_id],
        )?;
        let organisation: String = tx.query_row(
            "SELECT name FROM organisations WHERE id = ?1",
            params![organisation_id],
            |r| r.get(0),
        )?;
        Ok::<_, ApiProblem>(organisation)
    })?;
    Ok(Json(TwoStepRequirementSet {
        email,
        organisation,
        required: request.required,
    }))
}
