use serde::{Deserialize, Serialize};

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// Stable machine codes of every error the API answers with. The site translates these;
/// it never shows the server's own `title` or `detail` text to a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Wrong password or unknown email: deliberately one code for both.
    InvalidCredentials,
    NotSignedIn,
    /// Right password, but the address was never confirmed.
    EmailNotVerified,
    /// A form field is wrong; `errors` says which and why.
    ValidationFailed,
    /// Self-registration is switched off; accounts come by invitation.
    RegistrationClosed,
    InvitationExpired,
    InvitationUsed,
    InvitationInvalid,
    /// A verification or reset link that is past its time.
    TokenExpired,
    /// A verification or reset link that was already used.
    TokenUsed,
    /// A link that was never issued, was mistyped or was cut short.
    TokenInvalid,
    /// Signed in as somebody else than the invitation is for.
    SignedInAsOther,
    CsrfRejected,
    TooManyAttempts,
    /// A second-step, setup or confirmation code that is wrong, or was used already.
    CodeInvalid,
    /// The password step's challenge is gone (ended, expired, or never started): sign in
    /// with the password again.
    ChallengeExpired,
    /// This change needs a recent sign-in: confirm the password (or a code) first.
    ReauthenticationRequired,
    /// The password given to confirm a change (or as the current one) is wrong.
    WrongPassword,
    /// Confirming a two-step setup that was never started, or has expired.
    SetupExpired,
    /// Two-step verification is on already (turn it off first to get a new key).
    TwoStepAlreadyOn,
    /// Two-step verification is off, so there are no recovery codes to renew.
    TwoStepNotOn,
    /// The organisation requires two-step verification: it cannot be turned off.
    TwoStepRequired,
    /// A passkey the server does not know (removed from the account, or never added
    /// here): the site says so and offers the password.
    PasskeyUnknown,
    /// A passkey answer that does not hold: a wrong signature, challenge or origin, a
    /// replayed one, or its ceremony's cookie is missing, expired or used. Try again.
    PasskeyFailed,
    NotFound,
    InternalError,
    /// A code this build of the site does not know yet (a newer backend).
    #[serde(other)]
    Unknown,
}

/// Per-field error codes for form validation failures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

/// RFC 9457 problem details, with the contract's `code` extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub problem_type: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub status: u16,
    pub code: ErrorCode,
    /// For `validation_failed`: which fields and why. Password rules use
    /// [`crate::PasswordRule::code`] with `field: "password"`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Extension member: the account's email where the person may see it (an invitation
    /// that was already used, signed in as somebody else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Extension member: who sent an expired invitation, so the person knows whom to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inviter: Option<String>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    pub fn new(status: u16, code: ErrorCode, title: &str) -> Self {
        Self {
            problem_type: about_blank(),
            title: title.to_owned(),
            status,
            code,
            errors: Vec::new(),
            email: None,
            inviter: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_from_a_newer_backend_still_parse() {
        let p: Problem =
            serde_json::from_str(r#"{"status":418,"code":"brand_new_thing","title":"x"}"#)
                .expect("parses");
        assert_eq!(p.code, ErrorCode::Unknown);
        assert_eq!(p.problem_type, "about:blank");
    }

    #[test]
    fn round_trips_with_snake_case_codes() {
        let p = Problem::new(401, ErrorCode::InvalidCredentials, "Sign-in failed");
        let json = serde_json::to_string(&p).expect("serialises");
        assert!(json.contains(r#""code":"invalid_credentials""#), "{json}");
        assert_eq!(serde_json::from_str::<Problem>(&json).expect("parses"), p);
    }
}
