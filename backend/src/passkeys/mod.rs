//! Passkeys (WebAuthn) with `webauthn-rs`: the relying party, the stored credentials and
//! the ceremonies between their options and their answers. The endpoints are in
//! [`sign_in`] (no session: the button and the email field's autofill) and [`settings`]
//! (the account page's list: add, rename, remove).
//!
//! The relying party id is the host of `--public-url`, its origin that URL. WebAuthn
//! refuses IP addresses as relying party ids, so on such an address passkeys are off:
//! `/api/config` says `passkeys: false` and the endpoints answer `404 not_found`.
//!
//! Nothing secret is stored or logged: the ceremony cookie is kept as a SHA-256, and
//! neither credential ids nor challenges nor cookie values are ever logged.

pub mod settings;
pub mod sign_in;

use crate::cookies;
use crate::problem::ApiProblem;
use crate::session::{random_hex, sha256_hex};
use crate::AppState;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension};
use std::time::Duration;
use topocloud_contract::{ErrorCode, PASSKEY_CEREMONY_SECONDS, PASSKEY_COOKIE};
use webauthn_rs::prelude::{Passkey, Url, Uuid, Webauthn, WebauthnBuilder};

const SECURE_COOKIE_NAME: &str = "__Secure-topocloud_passkey";

/// The relying party for `public_url` named `product_name`, or `None` when the URL's
/// host cannot be one (an IP address, no host at all).
pub fn relying_party(public_url: &str, product_name: &str) -> Option<Webauthn> {
    let origin = Url::parse(public_url).ok()?;
    // `domain()` is `None` for an IP address, as WebAuthn wants.
    let rp_id = origin.domain()?.to_owned();
    let built = WebauthnBuilder::new(&rp_id, &origin)
        .map(|b| {
            b.rp_name(product_name)
                .timeout(Duration::from_secs(PASSKEY_CEREMONY_SECONDS as u64))
        })
        .and_then(|b| b.build());
    match built {
        Ok(webauthn) => Some(webauthn),
        Err(e) => {
            tracing::warn!("passkeys are off: {public_url} cannot be a relying party: {e:?}");
            None
        }
    }
}

/// The relying party, or `404 not_found` where passkeys are off.
pub fn offered(state: &AppState) -> Result<&Webauthn, ApiProblem> {
    state.webauthn.as_deref().ok_or_else(|| {
        ApiProblem::not_found("Passkeys are not offered on this address (an IP address)")
    })
}

/// `401 passkey_failed` when signing in, `403` on the account page (signed in).
pub fn failed(status: StatusCode) -> ApiProblem {
    ApiProblem::new(
        status,
        ErrorCode::PasskeyFailed,
        "The passkey could not be verified: try again",
    )
}

pub fn unknown() -> ApiProblem {
    ApiProblem::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::PasskeyUnknown,
        "This passkey is not known here: sign in with the password",
    )
}

/// The two ceremonies, each with its cookie path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ceremony {
    Authentication,
    Registration,
}

impl Ceremony {
    fn kind(self) -> &'static str {
        match self {
            Ceremony::Authentication => "authentication",
            Ceremony::Registration => "registration",
        }
    }

    fn cookie_path(self) -> &'static str {
        match self {
            Ceremony::Authentication => topocloud_contract::routes::PASSKEYS_PREFIX,
            Ceremony::Registration => topocloud_contract::paths::ACCOUNT_PASSKEYS,
        }
    }
}

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        PASSKEY_COOKIE
    }
}

/// Keeps a ceremony's serialised `ceremony_state` under a fresh cookie; returns its
/// `Set-Cookie`.
pub fn begin(
    state: &AppState,
    conn: &Connection,
    ceremony: Ceremony,
    user_id: Option<i64>,
    ceremony_state: &impl serde::Serialize,
) -> Result<HeaderValue, ApiProblem> {
    let stored = serde_json::to_string(ceremony_state).map_err(|e| {
        tracing::error!("passkeys: ceremony state not serialisable: {e}");
        ApiProblem::internal()
    })?;
    let value = random_hex(32);
    conn.execute(
        "INSERT INTO passkey_ceremonies (hash, kind, user_id, state, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            sha256_hex(&value),
            ceremony.kind(),
            user_id,
            stored,
            state.clock.now() + PASSKEY_CEREMONY_SECONDS
        ],
    )?;
    Ok(cookies::set_cookie(
        cookie_name(state),
        &value,
        ceremony.cookie_path(),
        Some(PASSKEY_CEREMONY_SECONDS),
        state.config.secure_cookies,
    ))
}

/// Takes this browser's ceremony of `ceremony` (of `user_id`, for a registration) out of
/// storage: it answers once, rightly or not. `None` when there is no cookie, or its
/// ceremony is gone, expired, of another kind or of another account.
pub fn take<T: serde::de::DeserializeOwned>(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
    ceremony: Ceremony,
    user_id: Option<i64>,
) -> rusqlite::Result<Option<T>> {
    let Some(value) = cookies::value_of(headers, cookie_name(state)) else {
        return Ok(None);
    };
    let found: Option<(String, Option<i64>, i64)> = conn
        .query_row(
            "DELETE FROM passkey_ceremonies WHERE hash = ?1 AND kind = ?2
             RETURNING state, user_id, expires_at",
            params![sha256_hex(&value), ceremony.kind()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(found
        .filter(|(_, owner, expires_at)| *owner == user_id && *expires_at > state.clock.now())
        .and_then(|(stored, _, _)| serde_json::from_str(&stored).ok()))
}

/// The `Set-Cookie` that clears the ceremony cookie of `ceremony`.
pub fn cleared_cookie(state: &AppState, ceremony: Ceremony) -> HeaderValue {
    cookies::set_cookie(
        cookie_name(state),
        "",
        ceremony.cookie_path(),
        Some(0),
        state.config.secure_cookies,
    )
}

/// A credential id as stored and looked up: base64url without padding.
pub fn credential_key(raw: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

/// The account's WebAuthn user handle, drawn the first time it is asked for.
pub fn user_handle(conn: &Connection, user_id: i64) -> rusqlite::Result<Uuid> {
    let stored: Option<String> = conn.query_row(
        "SELECT webauthn_handle FROM users WHERE id = ?1",
        params![user_id],
        |r| r.get(0),
    )?;
    if let Some(handle) = stored.and_then(|h| Uuid::parse_str(&h).ok()) {
        return Ok(handle);
    }
    let handle = Uuid::new_v4();
    conn.execute(
        "UPDATE users SET webauthn_handle = ?1 WHERE id = ?2",
        params![handle.to_string(), user_id],
    )?;
    Ok(handle)
}

/// The account whose user handle is `handle`.
pub fn account_of_handle(conn: &Connection, handle: &Uuid) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM users WHERE webauthn_handle = ?1",
        params![handle.to_string()],
        |r| r.get(0),
    )
    .optional()
}

/// One stored passkey, as verifying needs it.
pub struct Stored {
    pub row_id: i64,
    pub user_id: i64,
    pub passkey: Passkey,
}

fn parse_passkey(raw: &str) -> rusqlite::Result<Passkey> {
    serde_json::from_str(raw).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The passkey with this credential id, of whichever account.
pub fn by_credential(conn: &Connection, raw_id: &[u8]) -> rusqlite::Result<Option<Stored>> {
    let found: Option<(i64, i64, String)> = conn
        .query_row(
            "SELECT id, user_id, passkey FROM passkeys WHERE credential_id = ?1",
            params![credential_key(raw_id)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    found
        .map(|(row_id, user_id, raw)| {
            Ok(Stored {
                row_id,
                user_id,
                passkey: parse_passkey(&raw)?,
            })
        })
        .transpose()
}

/// Every passkey of an account, oldest first.
pub fn of_account(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<Passkey>> {
    let mut statement =
        conn.prepare("SELECT passkey FROM passkeys WHERE user_id = ?1 ORDER BY created_at, id")?;
    let rows = statement.query_map(params![user_id], |r| r.get::<_, String>(0))?;
    rows.map(|raw| parse_passkey(&raw?)).collect()
}

/// Stores what an assertion changed (signature counter, backup state) and when it signed
/// in. `Ok(false)` when the passkey was removed in the meantime.
pub fn record_use(
    conn: &Connection,
    row_id: i64,
    passkey: &Passkey,
    now: i64,
) -> rusqlite::Result<bool> {
    let serialised = serde_json::to_string(passkey)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    Ok(conn.execute(
        "UPDATE passkeys SET passkey = ?1, last_used_at = ?2 WHERE id = ?3",
        params![serialised, now, row_id],
    )? == 1)
}

/// Deletes ceremonies that expired unanswered; returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM passkey_ceremonies WHERE expires_at <= ?1",
        params![now],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_domain_is_a_relying_party_an_ip_address_is_not() {
        assert!(relying_party("http://localhost:8080", "TopoCloud").is_some());
        assert!(relying_party("https://login.topocloud.example", "TopoCloud").is_some());
        for ip in [
            "http://127.0.0.1:8080",
            "https://192.0.2.7",
            "http://[::1]:8080",
            "not a url",
        ] {
            assert!(relying_party(ip, "TopoCloud").is_none(), "{ip}");
        }
    }
}
