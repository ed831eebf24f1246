//! `POST /api/passkeys/authentication/options` and `POST /api/passkeys/authentication`:
//! signing in with a passkey, from the button or the email field's autofill. The options
//! are for discoverable credentials (no allowCredentials): the authenticator picks the
//! passkey, and its answer names the account (the user handle) and the credential.
//!
//! A passkey is both steps of two-step verification (the authenticator verified the
//! person), so it signs in at once, also where the organisation requires two-step
//! verification, and the new session counts as a recent sign-in.

use super::{Ceremony, Stored};
use crate::accounts;
use crate::extract::{ApiJson, Client};
use crate::problem::ApiProblem;
use crate::rate_limit;
use crate::session::start_session;
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use topocloud_contract::{PasskeyOptions, PasskeySignIn, SessionInfo};
use webauthn_rs::prelude::{DiscoverableAuthentication, DiscoverableKey, PublicKeyCredential};

/// Options for one sign-in, and the cookie that ties its answer to them. Counted per
/// client (a bucket of its own: each costs a stored row), as generous as sign-in.
pub async fn options(
    State(state): State<AppState>,
    client: Client,
) -> Result<Response, ApiProblem> {
    let webauthn = super::offered(&state)?;
    let bucket = format!("passkey-options-client:{}", client.0);
    rate_limit::take(
        &state,
        &[(bucket.as_str(), rate_limit::sign_in_per_client(&state))],
    )?;
    let (challenge, ceremony) = webauthn.start_discoverable_authentication().map_err(|e| {
        tracing::error!("passkeys: authentication options failed: {e:?}");
        ApiProblem::internal()
    })?;
    let cookie = state
        .db
        .write(|tx| super::begin(&state, tx, Ceremony::Authentication, None, &ceremony))?;
    // The library also says `mediation: conditional`; whether to ask from the button or
    // the autofill is the site's choice, so only `publicKey` goes out.
    let public_key = serde_json::to_value(&challenge.public_key).map_err(|e| {
        tracing::error!("passkeys: options not serialisable: {e}");
        ApiProblem::internal()
    })?;
    Ok((
        [(header::SET_COOKIE, cookie)],
        Json(PasskeyOptions { public_key }),
    )
        .into_response())
}

/// The browser's assertion: signs in. `401 passkey_unknown` for a credential this
/// backend does not know (removed, or never added), `401 passkey_failed` for anything
/// that does not hold (signature, challenge, origin, the cookie missing or used).
pub async fn finish(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    ApiJson(request): ApiJson<PasskeySignIn>,
) -> Result<Response, ApiProblem> {
    let webauthn = super::offered(&state)?;
    let attempts = format!("sign-in-client:{}", client.0);
    rate_limit::take(
        &state,
        &[(attempts.as_str(), rate_limit::sign_in_per_client(&state))],
    )?;
    let failed = || super::failed(StatusCode::UNAUTHORIZED);
    let credential: Option<PublicKeyCredential> = serde_json::from_value(request.credential).ok();

    // The ceremony goes first, in a transaction of its own, and stays gone whatever
    // follows: a challenge answers once, rightly or not.
    let ceremony: Option<DiscoverableAuthentication> = state
        .db
        .write(|tx| super::take(&state, tx, &headers, Ceremony::Authentication, None))?;
    let (Some(ceremony), Some(credential)) = (ceremony, credential) else {
        return Err(failed());
    };
    let (info, cookie) = state.db.write(|tx| {
        let Some(Stored {
            row_id,
            user_id,
            mut passkey,
        }) = super::by_credential(tx, credential.get_credential_id())?
        else {
            return Err(super::unknown());
        };
        // The authenticator's user handle must be the account the credential belongs to:
        // another account's handle beside this credential is a forgery.
        let (handle, _) = webauthn
            .identify_discoverable_authentication(&credential)
            .map_err(|_| failed())?;
        if super::account_of_handle(tx, &handle)? != Some(user_id) {
            return Err(failed());
        }
        let keys: Vec<DiscoverableKey> = super::of_account(tx, user_id)?
            .iter()
            .map(DiscoverableKey::from)
            .collect();
        let result = webauthn
            .finish_discoverable_authentication(&credential, ceremony, &keys)
            .map_err(|e| {
                tracing::info!("passkeys: an assertion was refused: {e:?}");
                failed()
            })?;
        passkey.update_credential(&result);
        let now = state.clock.now();
        if !super::record_use(tx, row_id, &passkey, now)? {
            return Err(super::unknown());
        }
        let account = accounts::find_by_id(tx, user_id)?.ok_or_else(super::unknown)?;
        let info = SessionInfo {
            email: account.email,
            name: account.name,
        };
        let cookie = start_session(&state, tx, &headers, user_id, request.remember)?;
        Ok::<_, ApiProblem>((info, cookie))
    })?;
    let mut response = Json(info).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response.headers_mut().append(
        header::SET_COOKIE,
        super::cleared_cookie(&state, Ceremony::Authentication),
    );
    Ok(response)
}
