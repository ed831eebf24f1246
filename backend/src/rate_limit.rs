//! Sliding-window rate limits, counted in the database so they survive restarts and use
//! the injectable clock.

use crate::problem::ApiProblem;
use crate::AppState;
use rusqlite::params;

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

/// Seconds until the next event would be allowed, or `None` when under the limit.
pub fn retry_after(state: &AppState, bucket: &str, limit: Limit) -> rusqlite::Result<Option<i64>> {
    let now = state.clock.now();
    let since = now - limit.window_seconds;
    let conn = state.db.conn();
    conn.execute(
        "DELETE FROM rate_events WHERE bucket = ?1 AND at <= ?2",
        params![bucket, since],
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

pub fn record(state: &AppState, bucket: &str) -> rusqlite::Result<()> {
    state.db.conn().execute(
        "INSERT INTO rate_events (bucket, at) VALUES (?1, ?2)",
        params![bucket, state.clock.now()],
    )?;
    Ok(())
}

pub fn clear(state: &AppState, bucket: &str) -> rusqlite::Result<()> {
    state
        .db
        .conn()
        .execute("DELETE FROM rate_events WHERE bucket = ?1", params![bucket])?;
    Ok(())
}

/// Fails with `429` and `Retry-After` when any of the buckets is full.
pub fn enforce(state: &AppState, checks: &[(&str, Limit)]) -> Result<(), ApiProblem> {
    let mut longest: Option<i64> = None;
    for (bucket, limit) in checks {
        if let Some(seconds) = retry_after(state, bucket, *limit)? {
            longest = Some(longest.map_or(seconds, |l| l.max(seconds)));
        }
    }
    match longest {
        Some(seconds) => Err(ApiProblem::too_many_attempts(seconds)),
        None => Ok(()),
    }
}

/// A request that may send an email to `email`: refused with `429` when that address or
/// this client has had enough, counted otherwise. Known and unknown addresses alike.
pub fn charge_email(state: &AppState, email: &str, client: &str) -> Result<(), ApiProblem> {
    let per_address = format!("mail:{email}");
    let per_client = format!("mail-client:{client}");
    let buckets = [
        (per_address.as_str(), EMAILS_PER_ADDRESS),
        (per_client.as_str(), email_requests_per_client(state)),
    ];
    enforce(state, &buckets)?;
    for (bucket, _) in buckets {
        record(state, bucket)?;
    }
    Ok(())
}
