//! Sliding-window rate limits, counted in the database so they survive restarts and use
//! the injectable clock.

use crate::problem::ApiProblem;
use crate::AppState;
use rusqlite::{params, Connection};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_events: i64,
    pub window_seconds: i64,
}

/// Sign-in failures per account (any email string, existing or not, so a limit reveals
/// nothing about which emails have accounts).
pub const SIGN_IN_FAILURES_PER_EMAIL: Limit = Limit {
    max_events: 5,
    window_seconds: 15 * 60,
};
/// Wrong proofs per account: codes at the second sign-in step, and passwords or codes
/// that confirm a change on the security page, counted together.
pub const PROOF_FAILURES_PER_ACCOUNT: Limit = Limit {
    max_events: 5,
    window_seconds: 15 * 60,
};

/// The bucket of [`PROOF_FAILURES_PER_ACCOUNT`].
pub fn proof_bucket(user_id: i64) -> String {
    format!("proof:{user_id}")
}

/// Takes a slot for one proof by `user_id` (before checking it, as sign-in does): `429`
/// once five were wrong within fifteen minutes. A right proof empties the bucket.
pub fn take_proof(state: &AppState, user_id: i64) -> Result<(), ApiProblem> {
    let bucket = proof_bucket(user_id);
    take(state, &[(bucket.as_str(), PROOF_FAILURES_PER_ACCOUNT)])
}

/// Sign-in attempts per client in 15 minutes, by default; generous, because a whole office
/// can share one address. Configurable (`Config::client_sign_in_limit`).
pub const SIGN_IN_PER_CLIENT: i64 = 300;
/// Emails sent to one address: reset requests, registrations, resends.
pub const EMAILS_PER_ADDRESS: Limit = Limit {
    max_events: 5,
    window_seconds: 60 * 60,
};
/// Email-triggering requests per client in an hour, by default. Configurable
/// (`Config::client_email_limit`).
pub const EMAIL_REQUESTS_PER_CLIENT: i64 = 50;

/// The per-client sign-in limit in force.
pub fn sign_in_per_client(state: &AppState) -> Limit {
    Limit {
        max_events: state.config.client_sign_in_limit,
        window_seconds: 15 * 60,
    }
}

fn email_requests_per_client(state: &AppState) -> Limit {
    Limit {
        max_events: state.config.client_email_limit,
        window_seconds: 60 * 60,
    }
}

/// The longest window of any limit: older events count for nothing and are pruned.
pub const LONGEST_WINDOW_SECONDS: i64 = 60 * 60;

/// Seconds until the next event would be allowed, or `None` when under the limit.
fn retry_after(
    conn: &Connection,
    now: i64,
    bucket: &str,
    limit: Limit,
) -> rusqlite::Result<Option<i64>> {
    conn.execute(
        "DELETE FROM rate_events WHERE bucket = ?1 AND at <= ?2",
        params![bucket, now - limit.window_seconds],
    )?;
    let (count, oldest): (i64, Option<i64>) = conn.query_row(
        "SELECT COUNT(*), MIN(at) FROM rate_events WHERE bucket = ?1",
        params![bucket],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if count < limit.max_events {
        return Ok(None);
    }
    let free_at = oldest.unwrap_or(now) + limit.window_seconds;
    Ok(Some((free_at - now).max(1)))
}

/// Takes one slot in every bucket, or, when any of them is full, none: `429` with
/// `Retry-After`. Checking and counting are one write transaction, so requests arriving
/// together cannot all pass the check before any of them is counted; a slot is taken
/// before the work it limits (checking a password), not after.
pub fn take(state: &AppState, checks: &[(&str, Limit)]) -> Result<(), ApiProblem> {
    let now = state.clock.now();
    let longest = state.db.write(|tx| {
        let mut longest: Option<i64> = None;
        for (bucket, limit) in checks {
            if let Some(seconds) = retry_after(tx, now, bucket, *limit)? {
                longest = Some(longest.map_or(seconds, |l| l.max(seconds)));
            }
        }
        if longest.is_none() {
            for (bucket, _) in checks {
                tx.execute(
                    "INSERT INTO rate_events (bucket, at) VALUES (?1, ?2)",
                    params![bucket, now],
                )?;
            }
        }
        Ok::<_, rusqlite::Error>(longest)
    })?;
    match longest {
        Some(seconds) => Err(ApiProblem::too_many_attempts(seconds)),
        None => Ok(()),
    }
}

/// Empties a bucket (a right password forgets the failures before it).
pub fn clear(conn: &Connection, bucket: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM rate_events WHERE bucket = ?1", params![bucket])?;
    Ok(())
}

/// Forgets every event too old to count for any limit; returns how many.
pub fn prune(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM rate_events WHERE at <= ?1",
        params![now - LONGEST_WINDOW_SECONDS],
    )
}

/// A request that may send an email to `email`: refused with `429` when that address or
/// this client has had enough, counted otherwise. Known and unknown addresses alike.
pub fn charge_email(state: &AppState, email: &str, client: &str) -> Result<(), ApiProblem> {
    let per_address = format!("mail:{email}");
    let per_client = format!("mail-client:{client}");
    take(
        state,
        &[
            (per_address.as_str(), EMAILS_PER_ADDRESS),
            (per_client.as_str(), email_requests_per_client(state)),
        ],
    )
}
