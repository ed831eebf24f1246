//! Emails: composed in the recipient's language (text and HTML), stored in the outbox
//! table, and optionally sent over SMTP.
//!
//! INTERFACE (used by the endpoints): `deliver(state, to, locale, Mail::…)`, or
//! `later(state, what, |state| …)` to issue, compose and deliver off the request path.

mod date;
pub mod outbox;
pub mod queue;
mod render;
mod security_notices;
pub mod smtp;
mod templates;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::AppState;
use topocloud_contract::{AccountType, Locale};

pub use date::utc_stamp;
pub use outbox::OutboxMessage;
pub use queue::MailQueue;
pub use render::escape_html;

/// Every kind of email the backend sends. Links are absolute URLs built by the caller.
#[derive(Debug, Clone)]
pub enum Mail {
    /// After registration: confirm the address (`/users/verify-email#token=…`).
    /// The text says the link lasts 24 hours.
    VerifyEmail { name: String, link: String },
    /// Registration attempted for an address that already has an account.
    /// `login_link` and `reset_link` are ordinary pages (sign in; ask for a reset),
    /// not one-time tokens: the text says they do not expire.
    AlreadyRegistered {
        name: String,
        login_link: String,
        reset_link: String,
    },
    /// An organisation invites a person (main account at once, employee once assigned).
    /// The text shows `expires_at` (unix seconds) as a date in Dutch local time.
    Invitation {
        organisation: String,
        inviter: String,
        account_type: AccountType,
        project: Option<String>,
        link: String,
        expires_at: i64,
    },
    /// A password reset was requested for an existing account.
    /// The text says the link lasts 1 hour and works once.
    PasswordReset { name: String, link: String },
    /// The password was changed: a security notice. Through a reset, which ends every
    /// session; or on the security page (`this_session_kept`), which ends every other.
    /// `reset_link` is the page to ask for a reset, not a token.
    PasswordChanged {
        name: String,
        reset_link: String,
        this_session_kept: bool,
    },
    /// Two-step verification was turned on (recovery codes were handed out with it).
    TwoStepEnabled { name: String, reset_link: String },
    /// Two-step verification was turned off: the key, recovery codes and trusted
    /// devices are gone.
    TwoStepDisabled { name: String, reset_link: String },
    /// A passkey (named `passkey`) was added to the account. `account_link` is the
    /// account page, where it can be removed.
    PasskeyAdded {
        name: String,
        passkey: String,
        account_link: String,
        reset_link: String,
    },
    /// A passkey was removed from the account: it signs no one in any more.
    PasskeyRemoved {
        name: String,
        passkey: String,
        account_link: String,
        reset_link: String,
    },
    /// A recovery code signed in; `left` are still unused.
    RecoveryCodeUsed {
        name: String,
        left: u32,
        reset_link: String,
    },
}

impl Mail {
    /// The outbox `kind` column: the variant's name in snake_case.
    pub fn kind(&self) -> &'static str {
        match self {
            Mail::VerifyEmail { .. } => "verify_email",
            Mail::AlreadyRegistered { .. } => "already_registered",
            Mail::Invitation { .. } => "invitation",
            Mail::PasswordReset { .. } => "password_reset",
            Mail::PasswordChanged { .. } => "password_changed",
            Mail::TwoStepEnabled { .. } => "two_step_enabled",
            Mail::TwoStepDisabled { .. } => "two_step_disabled",
            Mail::RecoveryCodeUsed { .. } => "recovery_code_used",
            Mail::PasskeyAdded { .. } => "passkey_added",
            Mail::PasskeyRemoved { .. } => "passkey_removed",
        }
    }
}

/// How long emailed links last, in seconds, so the text says what the tokens do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetimes {
    pub verify_email: i64,
    pub password_reset: i64,
}

impl Default for Lifetimes {
    fn default() -> Self {
        Self::from_config(&Config::default())
    }
}

impl Lifetimes {
    pub fn from_config(config: &Config) -> Self {
        Self {
            verify_email: config.verify_email_ttl,
            password_reset: config.reset_ttl,
        }
    }
}

/// A finished email, ready to store or send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Every link in the message, in reading order.
    pub links: Vec<String>,
}

/// Writes `mail` out in `locale`, as plain text and as HTML with every value escaped.
/// An invitation carries its own expiry; the other lifetimes come from `lifetimes`.
pub fn compose(mail: &Mail, locale: Locale, lifetimes: &Lifetimes) -> Composed {
    let draft = templates::draft(mail, locale, lifetimes);
    Composed {
        text: render::text(&draft),
        html: render::html(&draft),
        links: draft.links(),
        subject: draft.subject,
    }
}

/// Composes `mail` and records it in the outbox (and sends it over SMTP when configured).
///
/// Only the outbox write can fail; SMTP runs in the background and its failures are
/// logged, so an unreachable mail server never turns into a failed request.
pub fn deliver(state: &AppState, to: &str, locale: Locale, mail: Mail) -> rusqlite::Result<()> {
    let outgoing = deliver_in(&state.db.conn(), state, to, locale, mail)?;
    outgoing.send(state);
    Ok(())
}

/// [`deliver`] as part of a transaction on `conn`: the outbox row is written with the
/// rest of the change (or not at all); SMTP waits for [`Outgoing::send`], after the commit,
/// so a change that was rolled back never sends an email.
pub fn deliver_in(
    conn: &rusqlite::Connection,
    state: &AppState,
    to: &str,
    locale: Locale,
    mail: Mail,
) -> rusqlite::Result<Outgoing> {
    let composed = compose(&mail, locale, &Lifetimes::from_config(&state.config));
    outbox::insert(
        conn,
        to,
        locale.code(),
        mail.kind(),
        &composed,
        state.clock.now(),
    )?;
    Ok(Outgoing {
        to: to.to_owned(),
        composed,
    })
}

/// An email stored in the outbox and not yet handed to SMTP.
#[must_use = "send it once the transaction that stored it has committed"]
pub struct Outgoing {
    to: String,
    composed: Composed,
}

impl Outgoing {
    pub fn send(self, state: &AppState) {
        if let Some(url) = &state.config.smtp_url {
            smtp::send_in_background(url, &self.to, &self.composed);
        }
    }
}

/// Records an already [`compose`]d `mail` in the outbox (and sends it over SMTP when
/// configured): the second half of [`deliver`].
pub fn send_composed(
    state: &AppState,
    to: &str,
    locale: Locale,
    mail: &Mail,
    composed: &Composed,
) -> rusqlite::Result<()> {
    outbox::insert(
        &state.db.conn(),
        to,
        locale.code(),
        mail.kind(),
        composed,
        state.clock.now(),
    )?;
    if let Some(url) = &state.config.smtp_url {
        smtp::send_in_background(url, to, composed);
    }
    Ok(())
}

/// Runs `work` (typically issuing a token and [`deliver`]ing) on the mail queue, after the
/// answer has gone out, logging a failure as `what`. An endpoint that mails only some
/// addresses calls this, so the addresses it does mail take no longer to answer.
pub fn later(
    state: &AppState,
    what: &'static str,
    work: impl FnOnce(&AppState) -> rusqlite::Result<()> + Send + 'static,
) {
    let worker_state = state.clone();
    state.mail_queue.later(move || {
        if let Err(e) = work(&worker_state) {
            tracing::error!("mail: {what} failed: {e}");
        }
    });
}
