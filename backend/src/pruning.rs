//! Rows that no longer mean anything are deleted now and then, so the database does not
//! grow with every sign-in and every emailed link: expired sessions, tokens long past
//! their expiry, rate-limit events too old to count for any limit, and the second sign-in
//! step's leftovers: expired challenges, key setups and trusted devices; and passkey
//! ceremonies that were never answered.

use crate::{passkeys, rate_limit, session, tokens, two_step, AppState};
use std::time::Duration;

/// Often enough that the tables stay small, rarely enough to cost nothing.
pub const EVERY: Duration = Duration::from_secs(10 * 60);

/// How many rows one pass deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    pub sessions: usize,
    pub tokens: usize,
    pub rate_events: usize,
    pub challenges: usize,
    pub totp_setups: usize,
    pub trusted_devices: usize,
    pub passkey_ceremonies: usize,
}

/// One pass, at the backend clock's `now`, in one transaction.
pub fn prune(state: &AppState) -> rusqlite::Result<Pruned> {
    let now = state.clock.now();
    state.db.write(|tx| {
        Ok(Pruned {
            sessions: session::prune(tx, now)?,
            tokens: tokens::prune(tx, now)?,
            rate_events: rate_limit::prune(tx, now)?,
            challenges: two_step::challenge::prune(tx, now)?,
            totp_setups: two_step::prune(tx, now)?,
            trusted_devices: two_step::trusted::prune(tx, now)?,
            passkey_ceremonies: passkeys::prune(tx, now)?,
        })
    })
}

/// Prunes at once and then every [`EVERY`], off the async workers, for as long as the
/// runtime runs.
pub fn start(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        loop {
            ticks.tick().await;
            let pass = state.clone();
            match tokio::task::spawn_blocking(move || prune(&pass)).await {
                Ok(Ok(pruned)) => tracing::debug!(?pruned, "pruned old rows"),
                Ok(Err(e)) => tracing::warn!("pruning failed: {e}"),
                Err(e) => tracing::warn!("pruning failed: {e}"),
            }
        }
    })
}
