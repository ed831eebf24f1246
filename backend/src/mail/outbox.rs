//! The `outbox` table: every composed email, for the dev mailbox and for tests.

use super::Composed;
use crate::db::Db;
use rusqlite::types::Type;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// One stored email, as `/dev/api/mail` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Every link in the message, in reading order.
    pub links: Vec<String>,
    /// `verify_email`, `already_registered`, `invitation`, `password_reset`, `password_changed`,
    /// `two_step_enabled`, `two_step_disabled`, `recovery_code_used`.
    pub kind: String,
    /// `nl` or `en`.
    pub locale: String,
    /// Unix seconds, from the backend clock.
    pub sent_at: i64,
}

pub(crate) fn insert(
    conn: &Connection,
    to: &str,
    locale: &str,
    kind: &str,
    composed: &Composed,
    sent_at: i64,
) -> rusqlite::Result<()> {
    let links = serde_json::to_string(&composed.links)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT INTO outbox (recipient, locale, kind, subject, text_body, html_body, links, sent_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            to,
            locale,
            kind,
            composed.subject,
            composed.text,
            composed.html,
            links,
            sent_at
        ],
    )?;
    Ok(())
}

/// Every stored email, newest first; with `to`, only those to that address (any case).
pub fn list(db: &Db, to: Option<&str>) -> rusqlite::Result<Vec<OutboxMessage>> {
    let conn = db.conn();
    let mut statement = conn.prepare(
        "SELECT id, recipient, subject, text_body, html_body, links, kind, locale, sent_at
         FROM outbox ORDER BY id DESC",
    )?;
    let rows = statement.query_map([], |row| {
        let links: String = row.get(5)?;
        let links = serde_json::from_str(&links)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(5, Type::Text, Box::new(e)))?;
        Ok(OutboxMessage {
            id: row.get(0)?,
            to: row.get(1)?,
            subject: row.get(2)?,
            text: row.get(3)?,
            html: row.get(4)?,
            links,
            kind: row.get(6)?,
            locale: row.get(7)?,
            sent_at: row.get(8)?,
        })
    })?;
    // Filtered here rather than in SQL because SQLite's lower() folds ASCII only.
    let wanted = to.map(|t| t.trim().to_lowercase());
    let mut out = Vec::new();
    for row in rows {
        let message = row?;
        if wanted
            .as_deref()
            .is_none_or(|w| message.to.to_lowercase() == w)
        {
            out.push(message);
        }
    }
    Ok(out)
}
