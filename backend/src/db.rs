//! SQLite storage: one file, migrations embedded in the binary and applied at start.

use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// Each entry is applied once, in order; `PRAGMA user_version` records how far we got.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_accounts_and_sessions.sql"),
    include_str!("../migrations/0002_organisations_tokens_outbox.sql"),
    include_str!("../migrations/0003_account_security.sql"),
    include_str!("../migrations/0004_passkeys.sql"),
];

/// One connection behind a mutex, by choice: SQLite allows one writer at a time anyway,
/// every statement here takes microseconds (the slow part of a request, password
/// hashing, never holds it). A pool would let reads run beside a write in WAL mode; the
/// load test shows no need for that (docs/performance.md). Correctness does not
/// rest on the mutex: limits and one-time links are enforced by the SQL itself, in
/// [`Db::write`] transactions, so two processes on one file keep the same promises
/// (backend/tests/concurrency/two_backends.rs).
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // With WAL, NORMAL keeps the database consistent through a crash or power cut and
        // only risks the last moments' commits; FULL would wait for the disk at every
        // commit, so a request that writes (creating an account) would answer slower by
        // however long the disk takes, which under I/O load is tens of milliseconds.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Self(Arc::new(Mutex::new(conn))))
    }

    /// Never hold this across an `.await`: every query is short and synchronous.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite itself consistent (each statement
        // and each `write` is atomic; an unfinished transaction is rolled back when it is
        // dropped during the unwind), so a poisoned lock is safe to keep using.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` as one transaction: all of it is committed, or, when it returns an
    /// error, none of it. It takes SQLite's write lock at its first statement (`BEGIN
    /// IMMEDIATE`), so what it reads cannot change before it writes, even from another
    /// process: a deferred transaction that read first could not upgrade to writing once
    /// another connection had written, and would fail instead of waiting.
    pub fn write<T, E: From<rusqlite::Error>>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Dropping `tx` without committing rolls it back.
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_reopen_cleanly() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("auth.sqlite");
        Db::open(&path).expect("first open migrates");
        let db = Db::open(&path).expect("second open is a no-op");
        let version: usize = db
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(version, MIGRATIONS.len());
    }
}
