//! Two-step verification with an authenticator app: the account's key, a key being set
//! up, the once-only rule for codes, recovery codes, sign-in challenges and trusted
//! devices. Storage only; the endpoints are in [`crate::second_step`] (signing in) and
//! [`crate::account`] (the security page).
//!
//! Nothing typed or handed out here is stored or logged as it is: codes, recovery codes,
//! challenge and trusted-device values are kept as SHA-256 hashes (the TOTP key itself is
//! the one exception; see the migration).

pub mod challenge;
pub mod recovery;
pub mod trusted;

use crate::totp;
use crate::AppState;
use rusqlite::{params, Connection, OptionalExtension};
use topocloud_contract::{normalise_one_time_code, SecondStepKind, TotpSetup};

/// A key shown for setting up lasts this long before it must be asked for again.
pub const SETUP_SECONDS: i64 = 10 * 60;

/// Whether the account has two-step verification on.
pub fn is_on(conn: &Connection, user_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM totp_keys WHERE user_id = ?1)",
        params![user_id],
        |r| r.get(0),
    )
}

/// Whether the account's organisation requires two-step verification.
pub fn required_by_organisation(conn: &Connection, user_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id
                        WHERE u.id = ?1 AND o.two_step_required)",
        params![user_id],
        |r| r.get(0),
    )
}

/// What a right password leads to: a code, turning two-step verification on first
/// (the organisation requires it), or nothing more (`None`: signed in).
pub fn second_step_for(
    conn: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<SecondStepKind>> {
    if is_on(conn, user_id)? {
        Ok(Some(SecondStepKind::Code))
    } else if required_by_organisation(conn, user_id)? {
        Ok(Some(SecondStepKind::Enrol))
    } else {
        Ok(None)
    }
}

/// The time step whose code `typed` is for `secret` at `now`: the current step or the
/// one before (the phone's clock may be a little behind, or the person slow), nothing
/// wider. `None` for a wrong code or a key that is not base32.
pub fn matching_step(secret: &str, typed: &str, now: i64) -> Option<i64> {
    let code = normalise_one_time_code(typed)?;
    let key = totp::decode_secret(secret)?;
    let current = totp::step_of(now);
    [current, current - 1].into_iter().find(|step| {
        totp::code_for_step(&key, *step).is_some_and(|expected| totp::same_code(&expected, &code))
    })
}

/// Accepts a code from the account's app, once: the step it is for must be later than
/// the last one accepted, and recording it is one conditional `UPDATE`, so the same code
/// sent twice (even at the same moment, even to two backends) is accepted once.
pub fn accept_code(
    conn: &Connection,
    user_id: i64,
    typed: &str,
    now: i64,
) -> rusqlite::Result<bool> {
    let secret: Option<String> = conn
        .query_row(
            "SELECT secret FROM totp_keys WHERE user_id = ?1",
            params![user_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(step) = secret.and_then(|secret| matching_step(&secret, typed, now)) else {
        return Ok(false);
    };
    let changed = conn.execute(
        "UPDATE totp_keys SET last_step = ?1 WHERE user_id = ?2 AND last_step < ?1",
        params![step, user_id],
    )?;
    Ok(changed == 1)
}

/// Draws a new key to set up, replacing any earlier one that was not confirmed.
pub fn start_setup(conn: &Connection, user_id: i64, now: i64) -> rusqlite::Result<String> {
    let secret = totp::new_secret();
    conn.execute(
        "INSERT INTO totp_setups (user_id, secret, expires_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, expires_at = excluded.expires_at",
        params![user_id, secret, now + SETUP_SECONDS],
    )?;
    Ok(secret)
}

/// The key being set up, unless there is none or it expired.
pub fn pending_setup(
    conn: &Connection,
    user_id: i64,
    now: i64,
) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT secret FROM totp_setups WHERE user_id = ?1 AND expires_at > ?2",
        params![user_id, now],
        |r| r.get(0),
    )
    .optional()
}

/// Turns two-step verification on with `secret`, whose code for `step` was just typed
/// (so that code cannot sign in again). `Ok(false)` when it is on already.
pub fn enable(
    conn: &Connection,
    user_id: i64,
    secret: &str,
    step: i64,
    now: i64,
) -> rusqlite::Result<bool> {
    conn.execute(
        "DELETE FROM totp_setups WHERE user_id = ?1",
        params![user_id],
    )?;
    let inserted = conn.execute(
        "INSERT OR IGNORE INTO totp_keys (user_id, secret, last_step, enabled_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![user_id, secret, step, now],
    )?;
    Ok(inserted == 1)
}

/// Turns two-step verification off: the key, a setup, the recovery codes and the trusted
/// devices go. Returns whether it was on.
pub fn disable(conn: &Connection, user_id: i64) -> rusqlite::Result<bool> {
    let removed = conn.execute("DELETE FROM totp_keys WHERE user_id = ?1", params![user_id])?;
    conn.execute(
        "DELETE FROM totp_setups WHERE user_id = ?1",
        params![user_id],
    )?;
    conn.execute(
        "DELETE FROM recovery_codes WHERE user_id = ?1",
        params![user_id],
    )?;
    trusted::end_all(conn, user_id)?;
    Ok(removed == 1)
}

/// The answer to a setup: the key, its URI and the URI as a QR code.
pub fn setup_answer(state: &AppState, email: &str, secret: String) -> TotpSetup {
    let otpauth_uri = totp::otpauth_uri(&state.config.product_name, email, &secret);
    // An email is at most a few hundred bytes: the URI always fits in a QR code.
    let qr = totp::qr_code(&otpauth_uri).unwrap_or(topocloud_contract::QrCode {
        size: 0,
        path: String::new(),
    });
    TotpSetup {
        secret,
        otpauth_uri,
        qr,
    }
}

/// Deletes setups that expired; returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM totp_setups WHERE expires_at <= ?1",
        params![now],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_and_the_previous_step_match_nothing_wider() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
        let key = totp::decode_secret(secret).expect("base32");
        let now = 1_111_111_111;
        let step = totp::step_of(now);
        let code = |s: i64| totp::code_for_step(&key, s).expect("code");
        assert_eq!(matching_step(secret, &code(step), now), Some(step));
        assert_eq!(matching_step(secret, &code(step - 1), now), Some(step - 1));
        assert_eq!(matching_step(secret, &code(step - 2), now), None);
        assert_eq!(matching_step(secret, &code(step + 1), now), None);
        let spaced = format!("{} {}", &code(step)[..3], &code(step)[3..]);
        assert_eq!(matching_step(secret, &spaced, now), Some(step));
        assert_eq!(matching_step(secret, "12345", now), None);
        assert_eq!(matching_step("not base32!", &code(step), now), None);
    }
}
