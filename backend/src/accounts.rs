//! Accounts in the database, and the demo seed.

use crate::clock::Clock;
use crate::db::Db;
use crate::passwords;
use rusqlite::{params, Connection, OptionalExtension};
use topocloud_contract::{normalise_email, Locale};

pub const DEMO_EMAIL: &str = "demo@topocloud.test";
pub const DEMO_PASSWORD: &str = "TopoCloud-demo-2026";
pub const DEMO_NAME: &str = "Demo Landmeter";

pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub email_verified: bool,
    pub locale: Locale,
}

/// On `conn`, so that it can be part of a [`Db::write`] transaction.
pub fn find_by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT id, email, name, password_hash, email_verified_at IS NOT NULL, locale
             FROM users WHERE email = ?1",
        params![normalise_email(email)],
        account_from_row,
    )
    .optional()
}

/// The account with `id`, if it still exists.
pub fn find_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT id, email, name, password_hash, email_verified_at IS NOT NULL, locale
             FROM users WHERE id = ?1",
        params![id],
        account_from_row,
    )
    .optional()
}

fn account_from_row(row: &rusqlite::Row) -> rusqlite::Result<Account> {
    Ok(Account {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        password_hash: row.get(3)?,
        email_verified: row.get(4)?,
        locale: Locale::from_code(&row.get::<_, String>(5)?),
    })
}

/// Whether the account's password is still the one with `hash` (it changes on a reset).
pub fn has_password_hash(conn: &Connection, user_id: i64, hash: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND password_hash = ?2)",
        params![user_id, hash],
        |row| row.get(0),
    )
}

/// Creates a verified account with a password; `Ok(false)` when the email is taken.
pub fn create_verified(
    db: &Db,
    clock: &Clock,
    email: &str,
    name: &str,
    password: &str,
) -> Result<bool, String> {
    let hash = passwords::hash(password).map_err(|e| e.to_string())?;
    let now = clock.now();
    let inserted = db
        .conn()
        .execute(
            "INSERT OR IGNORE INTO users (email, name, password_hash, email_verified_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![normalise_email(email), name, hash, now],
        )
        .map_err(|e| e.to_string())?;
    Ok(inserted == 1)
}

/// The demo account exists after every start in dev mode.
pub fn seed_demo(db: &Db, clock: &Clock) -> Result<(), String> {
    create_verified(db, clock, DEMO_EMAIL, DEMO_NAME, DEMO_PASSWORD).map(|_| ())
}
