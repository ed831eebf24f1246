//! Account security: the second sign-in step, two-step verification with an
//! authenticator app (TOTP, RFC 6238), changing the password and managing sessions.

use crate::SessionInfo;
use serde::{Deserialize, Serialize};

/// A right password for an account with two-step verification does not sign in: it
/// answers `202` with this body and a short-lived, HttpOnly challenge cookie scoped to
/// the second step's paths. No session exists until the second step succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondStepRequired {
    pub second_step: SecondStepKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecondStepKind {
    /// Type a code from the authenticator app (or a recovery code).
    Code,
    /// The organisation requires two-step verification and this account has none yet:
    /// it must be turned on now, before anything else.
    Enrol,
}

/// `GET /api/session/second-step`: the challenge of this browser, if it is still alive
/// (`401 challenge_expired` otherwise: back to the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondStepState {
    pub kind: SecondStepKind,
    /// Seconds until the challenge ends.
    pub expires_in: u32,
}

/// `POST /api/session/second-step`: the code that completes a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondStepRequest {
    /// Six digits from the app ("123 456" and "123-456" are accepted), or, with
    /// `recovery`, one of the account's recovery codes.
    pub code: String,
    #[serde(default)]
    pub recovery: bool,
    /// "Trust this device for 30 days": the next password sign-ins from this browser
    /// skip the second step (an HttpOnly cookie, ended by a password change).
    #[serde(default)]
    pub trust_device: bool,
}

/// Turning two-step verification on: the key to put in the authenticator app. It does
/// not count until a code from it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// Base32 (RFC 4648, no padding), as authenticator apps take it when typed in.
    pub secret: String,
    /// `otpauth://totp/<issuer>:<email>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`
    pub otpauth_uri: String,
    /// The URI as a QR code, drawn by the backend.
    pub qr: QrCode,
}

/// A QR code as an SVG path: `<svg viewBox="0 0 size size"><path d="path"/></svg>`, dark
/// modules filled, the quiet zone included in `size`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrCode {
    pub size: u32,
    pub path: String,
}

/// A code from the authenticator app, to confirm a setup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRequest {
    pub code: String,
}

/// Ten single-use recovery codes, shown once: the backend keeps only their hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// `POST /api/session/second-step/enrolment/confirm`: signed in, with the codes to keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolledSignIn {
    pub session: SessionInfo,
    pub recovery_codes: Vec<String>,
}

/// Proof that the person at the keyboard is the account's owner: the password, or a
/// current code from the authenticator app. Exactly one is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Confirmation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `POST /api/account/password`. On success every other session of the account ends,
/// this one stays, and an email tells the owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `GET /api/account/security`: what the security page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSecurity {
    /// False for an account that only ever signed in with single sign-on.
    pub has_password: bool,
    pub two_step: bool,
    /// Unused recovery codes (0 when two-step verification is off).
    pub recovery_codes_left: u32,
    /// The organisation requires two-step verification (it cannot be turned off).
    pub two_step_required: bool,
    /// Seconds this session may still make changes without the password again (0: ask
    /// first, `POST /api/account/reauthenticate`).
    pub recent_sign_in_for: u32,
}

/// One session of the account, for `GET /api/account/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// Opaque; only good for ending this session. Never the cookie's value.
    pub id: String,
    /// From the user agent, e.g. "Chrome", "Firefox", "Safari", "Edge"; `None`: unknown.
    pub browser: Option<String>,
    /// e.g. "Windows", "macOS", "Android", "iOS", "Linux"; `None`: unknown.
    pub system: Option<String>,
    /// Unix seconds.
    pub started_at: i64,
    pub last_used_at: i64,
    /// The session of the browser asking.
    pub this_device: bool,
}

/// `POST /api/account/sessions/end-others`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionsEnded {
    pub ended: u32,
}

/// What is left of a typed or pasted six-digit code: digits only, so "123 456",
/// "123-456" and " 123456 " all become "123456". `None` when it is not six digits.
pub fn normalise_one_time_code(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Recovery codes are printed as `xxxxx-xxxxx` (lowercase letters and digits without
/// look-alikes); typed back they may come in any case, with or without the dash or
/// spaces. `None` when what is left cannot be a recovery code.
pub fn normalise_recovery_code(typed: &str) -> Option<String> {
    let kept: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (kept.len() == RECOVERY_CODE_CHARS && kept.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(kept)
}

/// Letters and digits in a recovery code, without its dash.
pub const RECOVERY_CODE_CHARS: usize = 10;
/// How many recovery codes a person gets at a time.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// Below this many unused codes the security page warns.
pub const FEW_RECOVERY_CODES: u32 = 3;

/// The key in groups of four, as people type it into an app from the screen.
pub fn group_secret(secret: &str) -> String {
    let mut grouped = String::with_capacity(secret.len() + secret.len() / 4);
    for (i, c) in secret.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_codes_with_spaces_or_dashes_become_six_digits() {
        for typed in [
            "123456",
            "123 456",
            "123-456",
            " 123 456 ",
            "12 34 56",
            "123.456",
        ] {
            assert_eq!(
                normalise_one_time_code(typed).as_deref(),
                Some("123456"),
                "{typed}"
            );
        }
        for wrong in ["", "12345", "1234567", "12345a", "١٢٣٤٥٦", "123_456"] {
            assert_eq!(normalise_one_time_code(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn recovery_codes_are_forgiving_of_case_dash_and_spaces() {
        assert_eq!(
            normalise_recovery_code(" AB3DE-FG7HK ").as_deref(),
            Some("ab3defg7hk")
        );
        assert_eq!(
            normalise_recovery_code("ab3de fg7hk").as_deref(),
            Some("ab3defg7hk")
        );
        assert_eq!(normalise_recovery_code("ab3de-fg7h"), None);
        assert_eq!(normalise_recovery_code("ab3de-fg7h!"), None);
    }

    #[test]
    fn the_key_is_grouped_by_four() {
        assert_eq!(group_secret("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
        assert_eq!(group_secret("ABCDE"), "ABCD E");
        assert_eq!(group_secret(""), "");
    }

    #[test]
    fn the_second_step_kind_has_snake_case_names() {
        let json = serde_json::to_string(&SecondStepRequired {
            second_step: SecondStepKind::Enrol,
        })
        .unwrap_or_default();
        assert_eq!(json, r#"{"second_step":"enrol"}"#);
        let request: SecondStepRequest =
            serde_json::from_str(r#"{"code":"123456"}"#).expect("defaults");
        assert!(!request.recovery && !request.trust_device);
    }
}
