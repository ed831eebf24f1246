//! One-time tokens for emailed links (verify email, invitation, password reset).
//!
//! 256 random bits, handed out once and stored only as a SHA-256 hash. Looking a token up
//! never consumes it (mail scanners open links); only [`consume`] does, inside the same
//! lock as the check, so two submits cannot both succeed.

use crate::AppState;
use rand::RngCore;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    Invitation,
    PasswordReset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::Invitation => "invitation",
            Purpose::PasswordReset => "password_reset",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Never issued, mistyped, cut short, or for another purpose.
    Invalid,
    Expired,
    Used,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub user_id: i64,
    pub expires_at: i64,
    pub invited_by: Option<String>,
    pub project: Option<String>,
}

/// A freshly drawn token: the raw value for the link and the hash that is stored.
pub struct NewToken {
    pub raw: String,
    hash: String,
}

/// Draws 256 random bits and hashes them; nothing is stored yet (see [`store`]).
pub fn generate() -> NewToken {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let raw = hex::encode(bytes);
    let hash = hash(&raw);
    NewToken { raw, hash }
}

/// Issues a token and returns the raw value for the link. The raw value exists only there.
pub fn issue(
    state: &AppState,
    purpose: Purpose,
    user_id: i64,
    lifetime_seconds: i64,
    invited_by: Option<&str>,
    project: Option<&str>,
) -> rusqlite::Result<(String, i64)> {
    let token = generate();
    let expires_at = store(
        state,
        &token,
        purpose,
        user_id,
        lifetime_seconds,
        invited_by,
        project,
    )?;
    Ok((token.raw, expires_at))
}

/// Makes a [`generate`]d token valid for `user_id`; returns when it expires.
pub fn store(
    state: &AppState,
    token: &NewToken,
    purpose: Purpose,
    user_id: i64,
    lifetime_seconds: i64,
    invited_by: Option<&str>,
    project: Option<&str>,
) -> rusqlite::Result<i64> {
    let now = state.clock.now();
    let expires_at = now + lifetime_seconds;
    state.db.conn().execute(
        "INSERT INTO tokens (hash, purpose, user_id, created_at, expires_at, invited_by, project)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            token.hash,
            purpose.code(),
            user_id,
            now,
            expires_at,
            invited_by,
            project
        ],
    )?;
    Ok(expires_at)
}

/// Checks a token without using it up.
pub fn look_up(
    state: &AppState,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Result<Token, TokenError>> {
    let conn = state.db.conn();
    check(&conn, state.clock.now(), purpose, raw)
}

/// Checks and uses up a token in one step.
pub fn consume(
    state: &AppState,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Result<Token, TokenError>> {
    let conn = state.db.conn();
    let now = state.clock.now();
    let token = match check(&conn, now, purpose, raw)? {
        Ok(token) => token,
        Err(e) => return Ok(Err(e)),
    };
    conn.execute(
        "UPDATE tokens SET used_at = ?1 WHERE hash = ?2",
        params![now, hash(raw.trim())],
    )?;
    Ok(Ok(token))
}

/// Makes every other open token of this purpose for the user unusable (a newer link or
/// a completed reset supersedes them).
pub fn revoke_all(state: &AppState, purpose: Purpose, user_id: i64) -> rusqlite::Result<()> {
    state.db.conn().execute(
        "UPDATE tokens SET used_at = ?1 WHERE user_id = ?2 AND purpose = ?3 AND used_at IS NULL",
        params![state.clock.now(), user_id, purpose.code()],
    )?;
    Ok(())
}

/// The token's row whatever its state (expired or used), for explaining a failure to
/// the person holding the link. `None` when it was never issued.
pub fn describe_any(
    state: &AppState,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Option<Token>> {
    let raw = raw.trim();
    if raw.len() != 64 || !raw.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    state
        .db
        .conn()
        .query_row(
            "SELECT user_id, expires_at, invited_by, project FROM tokens WHERE hash = ?1 AND purpose = ?2",
            params![hash(raw), purpose.code()],
            |row| {
                Ok(Token {
                    user_id: row.get(0)?,
                    expires_at: row.get(1)?,
                    invited_by: row.get(2)?,
                    project: row.get(3)?,
                })
            },
        )
        .optional()
}

fn check(
    conn: &rusqlite::Connection,
    now: i64,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Result<Token, TokenError>> {
    let raw = raw.trim();
    // Anything that is not 64 hex characters was never issued: no need to ask the database.
    if raw.len() != 64 || !raw.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Err(TokenError::Invalid));
    }
    let row = conn
        .query_row(
            "SELECT user_id, expires_at, used_at, invited_by, project FROM tokens
             WHERE hash = ?1 AND purpose = ?2",
            params![hash(raw), purpose.code()],
            |row| {
                Ok((
                    Token {
                        user_id: row.get(0)?,
                        expires_at: row.get(1)?,
                        invited_by: row.get(3)?,
                        project: row.get(4)?,
                    },
                    row.get::<_, Option<i64>>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        None => Err(TokenError::Invalid),
        Some((_, Some(_))) => Err(TokenError::Used),
        Some((token, None)) if token.expires_at <= now => Err(TokenError::Expired),
        Some((token, None)) => Ok(token),
    })
}

fn hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.to_ascii_lowercase().as_bytes()))
}
