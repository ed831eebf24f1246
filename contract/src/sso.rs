//! Single sign-on outcomes. The SSO callback is a top-level browser navigation, not a
//! JSON call, so a failure cannot be problem JSON: the backend redirects to
//! `/users/login#error=<code>` instead. A fragment never reaches a server log or a
//! `Referer` header, and the site reads it to show a translated message.

use crate::routes::LOGIN;

/// The user cancelled (or refused consent) at the identity provider.
pub const SSO_CANCELLED: &str = "sso_cancelled";
/// Anything else went wrong: a bad, reused or expired code, a PKCE mismatch, the IdP.
pub const SSO_FAILED: &str = "sso_failed";
/// The callback's `state` does not match this browser's (forged, replayed or stale).
pub const SSO_STATE_MISMATCH: &str = "sso_state_mismatch";
/// The identity provider vouched for an address that has no TopoCloud account; SSO
/// only signs existing accounts in, it never creates one.
pub const SSO_NO_ACCOUNT: &str = "sso_no_account";
/// `/api/sso/{provider}/…` for a provider this backend does not offer.
pub const SSO_UNKNOWN_PROVIDER: &str = "sso_unknown_provider";

/// Name of the fragment parameter on the login page that carries the code.
pub const SSO_ERROR_PARAM: &str = "error";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoError {
    Cancelled,
    Failed,
    StateMismatch,
    NoAccount,
    UnknownProvider,
}

impl SsoError {
    pub const ALL: [SsoError; 5] = [
        SsoError::Cancelled,
        SsoError::Failed,
        SsoError::StateMismatch,
        SsoError::NoAccount,
        SsoError::UnknownProvider,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SsoError::Cancelled => SSO_CANCELLED,
            SsoError::Failed => SSO_FAILED,
            SsoError::StateMismatch => SSO_STATE_MISMATCH,
            SsoError::NoAccount => SSO_NO_ACCOUNT,
            SsoError::UnknownProvider => SSO_UNKNOWN_PROVIDER,
        }
    }

    /// `None` for anything else; the fragment is user-editable, so never trust it.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Where the backend sends the browser after this failure.
    pub fn login_location(self) -> String {
        format!("{LOGIN}#{SSO_ERROR_PARAM}={}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for error in SsoError::ALL {
            assert_eq!(SsoError::from_code(error.code()), Some(error));
        }
    }

    #[test]
    fn codes_are_the_documented_strings() {
        assert_eq!(SsoError::Cancelled.code(), "sso_cancelled");
        assert_eq!(SsoError::Failed.code(), "sso_failed");
        assert_eq!(SsoError::StateMismatch.code(), "sso_state_mismatch");
        assert_eq!(SsoError::NoAccount.code(), "sso_no_account");
        assert_eq!(SsoError::UnknownProvider.code(), "sso_unknown_provider");
    }

    #[test]
    fn unknown_or_altered_codes_are_refused() {
        for bad in [
            "",
            "sso",
            "SSO_FAILED",
            "sso_failed ",
            "invalid_credentials",
        ] {
            assert_eq!(SsoError::from_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn login_location_puts_the_code_in_the_fragment() {
        assert_eq!(
            SsoError::NoAccount.login_location(),
            "/users/login#error=sso_no_account"
        );
    }
}
