//! "Trust this device for 30 days": an HttpOnly cookie whose SHA-256 is stored with the
//! account, so password sign-ins of that account from that browser skip the second step.
//! A password change, a password reset and turning two-step verification off end them all.

use crate::cookies;
use crate::session::{random_hex, sha256_hex};
use crate::AppState;
use axum::http::{HeaderMap, HeaderValue};
use rusqlite::{params, Connection};
use topocloud_contract::paths;

const COOKIE_NAME: &str = "topocloud_trusted_device";
const SECURE_COOKIE_NAME: &str = "__Secure-topocloud_trusted_device";
pub const TRUSTED_SECONDS: i64 = 30 * 24 * 3600;

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// Trusts this browser for `user_id`; returns the cookie to set. Sent only to
/// `/api/session` and below, where sign-in reads it.
pub fn trust(state: &AppState, conn: &Connection, user_id: i64) -> rusqlite::Result<HeaderValue> {
    let value = random_hex(32);
    let now = state.clock.now();
    conn.execute(
        "INSERT INTO trusted_devices (hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![sha256_hex(&value), user_id, now, now + TRUSTED_SECONDS],
    )?;
    Ok(cookies::set_cookie(
        cookie_name(state),
        &value,
        paths::SESSION,
        Some(TRUSTED_SECONDS),
        state.config.secure_cookies,
    ))
}

/// Whether this browser carries a live trusted-device cookie of `user_id` (of that very
/// account: trusting a browser for one account says nothing about another).
pub fn is_trusted(
    state: &AppState,
    conn: &Connection,
    headers: &HeaderMap,
    user_id: i64,
) -> rusqlite::Result<bool> {
    let Some(value) = cookies::value_of(headers, cookie_name(state)) else {
        return Ok(false);
    };
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM trusted_devices
                        WHERE hash = ?1 AND user_id = ?2 AND expires_at > ?3)",
        params![sha256_hex(&value), user_id, state.clock.now()],
        |r| r.get(0),
    )
}

/// Ends every trusted device of an account; returns how many.
pub fn end_all(conn: &Connection, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM trusted_devices WHERE user_id = ?1",
        params![user_id],
    )
}

/// Deletes trusted devices that expired; returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM trusted_devices WHERE expires_at <= ?1",
        params![now],
    )
}
