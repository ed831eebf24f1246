//! `/api/account/passkeys…`: the account page's passkeys. Listing, adding one (options,
//! then the browser's new credential), renaming and removing. Every endpoint needs a
//! session; asking to add one and removing one also need a recent sign-in (issue 18's
//! `403 reauthentication_required`). Another account's passkey is as unknown here as
//! one that never existed (`404`).

use super::Ceremony;
use crate::account::{require_recent, signed_in};
use crate::accounts;
use crate::extract::ApiJson;
use crate::mail::{self, Mail};
use crate::problem::ApiProblem;
use crate::second_step::reset_page;
use crate::session::random_hex;
use crate::user_agent;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use topocloud_contract::{
    fields, passkey_name, routes, ErrorCode, NewPasskey, PasskeyOptions, PasskeyRename,
    PasskeySummary,
};
use webauthn_rs::prelude::{CredentialID, PasskeyRegistration, RegisterPublicKeyCredential};

const SUMMARY_COLUMNS: &str = "public_id, name, created_at, last_used_at, user_agent";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<PasskeySummary> {
    let agent: String = r.get(4)?;
    Ok(PasskeySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        created_at: r.get(2)?,
        last_used_at: r.get(3)?,
        browser: user_agent::browser(&agent).map(str::to_owned),
        system: user_agent::system(&agent).map(str::to_owned),
    })
}

fn no_such_passkey() -> ApiProblem {
    ApiProblem::not_found("No such passkey")
}

fn name_or_problem(typed: &str) -> Result<String, ApiProblem> {
    passkey_name(typed)
        .map_err(|code| ApiProblem::fields(ErrorCode::ValidationFailed, vec![(fields::NAME, code)]))
}

/// `GET /api/account/passkeys`: oldest first.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Vec<PasskeySummary>>, ApiProblem> {
    super::offered(&state)?;
    let session = signed_in(&state, &headers)?;
    let conn = state.db.conn();
    let mut statement = conn.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM passkeys WHERE user_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = statement.query_map(params![session.user_id], summary)?;
    Ok(Json(rows.collect::<Result<_, _>>()?))
}

/// `POST /api/account/passkeys/registration/options`: options to create a passkey for
/// this account (a discoverable one, so that it can sign in from the button and the
/// autofill; none of the account's own again), and the ceremony's cookie.
pub async fn registration_options(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiProblem> {
    let webauthn = super::offered(&state)?;
    let session = signed_in(&state, &headers)?;
    require_recent(&state, &session)?;
    let (options, cookie) = state.db.write(|tx| {
        let handle = super::user_handle(tx, session.user_id)?;
        let existing: Vec<CredentialID> = super::of_account(tx, session.user_id)?
            .iter()
            .map(|p| p.cred_id().clone())
            .collect();
        let (options, ceremony) = webauthn
            .start_passkey_registration(
                handle,
                &session.info.email,
                &session.info.name,
                Some(existing),
            )
            .map_err(|e| {
                tracing::error!("passkeys: registration options failed: {e:?}");
                ApiProblem::internal()
            })?;
        let cookie = super::begin(
            &state,
            tx,
            Ceremony::Registration,
            Some(session.user_id),
            &ceremony,
        )?;
        Ok::<_, ApiProblem>((options, cookie))
    })?;
    let mut public_key = serde_json::to_value(&options.public_key).map_err(|e| {
        tracing::error!("passkeys: options not serialisable: {e}");
        ApiProblem::internal()
    })?;
    require_resident_key(&mut public_key);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Json(PasskeyOptions { public_key }),
    )
        .into_response())
}

/// A passkey must be discoverable (a "resident key"): signing in from the button and the
/// autofill names no credential, so one the authenticator cannot find by itself would
/// never sign in. The library asks for it only as a preference; the ceremony's state
/// does not depend on it.
fn require_resident_key(public_key: &mut Value) {
    if let Some(selection) = public_key
        .get_mut("authenticatorSelection")
        .and_then(Value::as_object_mut)
    {
        selection.insert("residentKey".to_owned(), Value::from("required"));
        selection.insert("requireResidentKey".to_owned(), Value::from(true));
    }
}

/// `POST /api/account/passkeys`: the browser's new credential for the options this
/// browser's cookie names. `201` with the passkey; an email tells the owner.
pub async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewPasskey>,
) -> Result<Response, ApiProblem> {
    let webauthn = super::offered(&state)?;
    let session = signed_in(&state, &headers)?;
    // A wrong name leaves the ceremony alone: the same credential may come again.
    let name = name_or_problem(&request.name)?;
    let failed = || super::failed(StatusCode::FORBIDDEN);
    let credential: Option<RegisterPublicKeyCredential> =
        serde_json::from_value(request.credential).ok();
    let user_id = session.user_id;
    let ceremony: Option<PasskeyRegistration> = state
        .db
        .write(|tx| super::take(&state, tx, &headers, Ceremony::Registration, Some(user_id)))?;
    let (Some(ceremony), Some(credential)) = (ceremony, credential) else {
        return Err(failed());
    };
    let passkey = webauthn
        .finish_passkey_registration(&credential, &ceremony)
        .map_err(|e| {
            tracing::info!("passkeys: a new credential was refused: {e:?}");
            failed()
        })?;
    let serialised = serde_json::to_string(&passkey).map_err(|e| {
        tracing::error!("passkeys: passkey not serialisable: {e}");
        ApiProblem::internal()
    })?;
    let agent = headers
        .get(header::USER_AGENT)
        .map(|v| user_agent::truncate(&String::from_utf8_lossy(v.as_bytes())))
        .unwrap_or_default();
    let now = state.clock.now();
    let (added, outgoing) = state.db.write(|tx| {
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO passkeys
                 (public_id, user_id, credential_id, passkey, name, user_agent, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                random_hex(16),
                user_id,
                super::credential_key(passkey.cred_id().as_ref()),
                serialised,
                name,
                agent,
                now
            ],
        )?;
        // A credential id that is stored already (this account's or another's) is never
        // taken over.
        if inserted != 1 {
            return Err(failed());
        }
        let added = tx.query_row(
            &format!("SELECT {SUMMARY_COLUMNS} FROM passkeys WHERE id = last_insert_rowid()"),
            [],
            summary,
        )?;
        let outgoing = notice(tx, &state, user_id, &added.name, true)?;
        Ok::<_, ApiProblem>((added, outgoing))
    })?;
    outgoing.send(&state);
    Ok((
        StatusCode::CREATED,
        [(
            header::SET_COOKIE,
            super::cleared_cookie(&state, Ceremony::Registration),
        )],
        Json(added),
    )
        .into_response())
}

/// `POST /api/account/passkeys/{id}`: a new name.
pub async fn rename(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<PasskeyRename>,
) -> Result<Json<PasskeySummary>, ApiProblem> {
    super::offered(&state)?;
    let session = signed_in(&state, &headers)?;
    let name = name_or_problem(&request.name)?;
    let renamed = state
        .db
        .conn()
        .query_row(
            &format!(
                "UPDATE passkeys SET name = ?1 WHERE public_id = ?2 AND user_id = ?3
                 RETURNING {SUMMARY_COLUMNS}"
            ),
            params![name, id, session.user_id],
            summary,
        )
        .optional()?;
    renamed.map(Json).ok_or_else(no_such_passkey)
}

/// `DELETE /api/account/passkeys/{id}`: it signs no one in from this moment on. Needs a
/// recent sign-in; an email tells the owner.
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiProblem> {
    super::offered(&state)?;
    let session = signed_in(&state, &headers)?;
    require_recent(&state, &session)?;
    let outgoing = state.db.write(|tx| {
        let removed: Option<String> = tx
            .query_row(
                "DELETE FROM passkeys WHERE public_id = ?1 AND user_id = ?2 RETURNING name",
                params![id, session.user_id],
                |r| r.get(0),
            )
            .optional()?;
        let name = removed.ok_or_else(no_such_passkey)?;
        notice(tx, &state, session.user_id, &name, false)
    })?;
    outgoing.send(&state);
    Ok(StatusCode::NO_CONTENT)
}

/// "A passkey was added" or "removed", stored with the change that did it.
fn notice(
    conn: &Connection,
    state: &AppState,
    user_id: i64,
    passkey: &str,
    added: bool,
) -> Result<mail::Outgoing, ApiProblem> {
    let account = accounts::find_by_id(conn, user_id)?.ok_or_else(ApiProblem::not_signed_in)?;
    let name = account.name.clone();
    let passkey = passkey.to_owned();
    let account_link = format!("{}{}", state.config.public_url, routes::ACCOUNT);
    let reset_link = reset_page(state);
    let mail = if added {
        Mail::PasskeyAdded {
            name,
            passkey,
            account_link,
            reset_link,
        }
    } else {
        Mail::PasskeyRemoved {
            name,
            passkey,
            account_link,
            reset_link,
        }
    };
    Ok(mail::deliver_in(
        conn,
        state,
        &account.email,
        account.locale,
        mail,
    )?)
}
