//! Getting an account and getting back in: registration, email verification,
//! invitations and password resets.

use crate::Locale;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountType {
    /// The organisation's own account: its invitation is sent at once.
    Main,
    /// An employee's account: invited only once assigned to a project.
    Employee,
}

impl AccountType {
    pub fn code(self) -> &'static str {
        match self {
            AccountType::Main => "main",
            AccountType::Employee => "employee",
        }
    }
}

/// `POST /api/registrations`: always `202`, whether or not the email has an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationRequest {
    pub name: String,
    pub email: String,
    pub password: String,
    pub organisation: String,
    pub accept_terms: bool,
    #[serde(default)]
    pub locale: Locale,
}

/// `POST /api/email-verifications/resend`: always `202`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResendVerificationRequest {
    pub email: String,
    #[serde(default)]
    pub locale: Locale,
}

/// A one-time token from an emailed link, sent only in POST bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    pub token: String,
}

/// The account an action was about: a confirmed address, a completed password reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountEmail {
    pub email: String,
}

/// `POST /api/invitations/lookup`: who invites whom to what. Never consumes the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub organisation: String,
    pub inviter: String,
    pub email: String,
    /// Pre-fills the name field when the organisation already entered it.
    #[serde(default)]
    pub name: String,
    pub account_type: AccountType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// Unix seconds.
    pub expires_at: i64,
}

/// `POST /api/invitations/accept`: creates the account and signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInvitationRequest {
    pub token: String,
    pub name: String,
    pub password: String,
}

/// `POST /api/password-resets`: always `202`, rate-limited per email and per client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetRequest {
    pub email: String,
    #[serde(default)]
    pub locale: Locale,
}

/// `POST /api/password-resets/lookup`: the link is valid; for the password manager's
/// username field on the set-new-password page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetDetails {
    pub email: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// `POST /api/password-resets/complete`: sets the password, ends every session of the
/// account, does not sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletePasswordResetRequest {
    pub token: String,
    pub password: String,
}
