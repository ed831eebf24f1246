//! One-time tokens for emailed links (verify email, invitation, password reset).
//!
//! 256 random bits, handed out once and stored only as a SHA-256 hash. Looking a token up
//! never consumes it (mail scanners open links); only [`consume`] does, with one
//! conditional `UPDATE`, so two submits cannot both succeed.

use crate::AppState;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
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

impl Token {
    /// A row of `user_id, expires_at, invited_by, project`, in that order.
    fn from_row(row: &rusqlite::Row) -> rusqlite::Result<Self> {
        Ok(Token {
            user_id: row.get(0)?,
            expires_at: row.get(1)?,
            invited_by: row.get(2)?,
            project: row.get(3)?,
        })
    }
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
        &state.db.conn(),
        state.clock.now(),
        &token,
        Issued {
            purpose,
            user_id,
            lifetime_seconds,
            invited_by,
            project,
        },
    )?;
    Ok((token.raw, expires_at))
}

/// What a token is for and how long it lasts.
pub struct Issued<'a> {
    pub purpose: Purpose,
    pub user_id: i64,
    pub lifetime_seconds: i64,
    pub invited_by: Option<&'a str>,
    pub project: Option<&'a str>,
}

/// Makes a [`generate`]d token valid; returns when it expires.
pub fn store(
    conn: &Connection,
    now: i64,
    token: &NewToken,
    issued: Issued<'_>,
) -> rusqlite::Result<i64> {
    let expires_at = now + issued.lifetime_seconds;
    conn.execute(
        "INSERT INTO tokens (hash, purpose, user_id, created_at, expires_at, invited_by, project)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            token.hash,
            issued.purpose.code(),
            issued.user_id,
            now,
            expires_at,
            issued.invited_by,
            issued.project
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

/// Uses up a token: the `UPDATE` itself only matches an unused, unexpired token, so of
/// any number of simultaneous uses, on any number of connections, exactly one gets the
/// row back. Only when it matched nothing is the token looked at again, to say why.
/// On `conn`, so that the use is part of the transaction that acts on it: when that
/// fails, the token stays usable.
pub fn consume(
    conn: &Connection,
    now: i64,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Result<Token, TokenError>> {
    let raw = raw.trim();
    if !is_well_formed(raw) {
        return Ok(Err(TokenError::Invalid));
    }
    let used = conn
        .query_row(
            "UPDATE tokens SET used_at = ?1
             WHERE hash = ?2 AND purpose = ?3 AND used_at IS NULL AND expires_at > ?1
             RETURNING user_id, expires_at, invited_by, project",
            params![now, hash(raw), purpose.code()],
            Token::from_row,
        )
        .optional()?;
    if let Some(token) = used {
        return Ok(Ok(token));
    }
    // Not usable: never issued, expired or used (a usable one would have matched).
    Ok(Err(check(conn, now, purpose, raw)?
        .err()
        .unwrap_or(TokenError::Used)))
}

/// Makes every other open token of this purpose for the user unusable (a newer link or
/// a completed reset supersedes them).
pub fn revoke_all(
    conn: &Connection,
    now: i64,
    purpose: Purpose,
    user_id: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE tokens SET used_at = ?1 WHERE user_id = ?2 AND purpose = ?3 AND used_at IS NULL",
        params![now, user_id, purpose.code()],
    )?;
    Ok(())
}

/// How long a used or expired token is kept after it expired, so that its holder still
/// hears "expired" or "already used" rather than "not valid"; then it is pruned.
pub const KEPT_AFTER_EXPIRY_SECONDS: i64 = 30 * 24 * 3600;

/// Deletes tokens that expired more than [`KEPT_AFTER_EXPIRY_SECONDS`] ago.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM tokens WHERE expires_at <= ?1",
        params![now - KEPT_AFTER_EXPIRY_SECONDS],
    )
}

/// The token's row whatever its state (expired or used), for explaining a failure to
/// the person holding the link. `None` when it was never issued.
pub fn describe_any(
    state: &AppState,
    purpose: Purpose,
    raw: &str,
) -> rusqlite::Result<Option<Token>> {
    let raw = raw.trim();
    if !is_well_formed(raw) {
        return Ok(None);
    }
    state
        .db
        .conn()
        .query_row(
            "SELECT user_id, expires_at, invited_by, project FROM tokens WHERE hash = ?1 AND purpose = ?2",
            params![hash(raw), purpose.code()],
            Token::from_row,
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
    if !is_well_formed(raw) {
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

/// Anything that is not 64 hex characters was never issued: no need to ask the database.
fn is_well_formed(raw: &str) -> bool {
    raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit())
}

fn hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.to_ascii_lowercase().as_bytes()))
}
