//! What can go wrong talking to the backend, decided from plain data so it is tested
//! natively and can never panic on whatever bytes arrive.

use super::retry_after::parse_retry_after;
use topocloud_contract::{ErrorCode, FieldError, Problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, connection refused.
    Network,
    /// No answer within the site's time limit.
    Timeout,
    /// The backend said no, in problem JSON.
    Problem {
        status: u16,
        code: ErrorCode,
        fields: Vec<FieldError>,
        retry_after_seconds: Option<u32>,
        /// The problem's `email` member (the holder's own address, for a next step).
        email: Option<String>,
        /// The problem's `inviter` member (who to ask for a new invitation).
        inviter: Option<String>,
    },
    /// A 5xx without a usable problem body (a proxy's HTML error page, say).
    Server { status: u16 },
    /// An answer that does not match the contract.
    Malformed,
}

impl ApiError {
    /// Classifies a non-2xx answer; `now` (Unix seconds) resolves a `Retry-After` date.
    pub fn from_response(
        status: u16,
        content_type: Option<&str>,
        body: &str,
        retry_after: Option<&str>,
        now: i64,
    ) -> Self {
        let retry_after_seconds = retry_after.and_then(|raw| parse_retry_after(raw, now));
        if content_type.is_some_and(is_json) {
            if let Ok(problem) = serde_json::from_str::<Problem>(body) {
                return ApiError::Problem {
                    status,
                    code: problem.code,
                    fields: problem.errors,
                    retry_after_seconds,
                    email: problem.email,
                    inviter: problem.inviter,
                };
            }
        }
        match status {
            429 => ApiError::Problem {
                status,
                code: ErrorCode::TooManyAttempts,
                fields: Vec::new(),
                retry_after_seconds,
                email: None,
                inviter: None,
            },
            500..=599 => ApiError::Server { status },
            _ => ApiError::Malformed,
        }
    }

    /// Reads a 2xx answer to a call whose success has no body (`202`, `204`): only an
    /// empty or JSON answer is the backend's. A captive portal or a misrouted proxy
    /// answers `200` with an HTML page, and taking that for "an email is on its way"
    /// would send the person to wait for an email that never comes.
    pub fn from_bodiless_success(content_type: Option<&str>, body: &str) -> Result<(), Self> {
        if body.trim().is_empty() || content_type.is_some_and(is_json) {
            Ok(())
        } else {
            Err(ApiError::Malformed)
        }
    }

    /// The backend's per-field codes, e.g. `("password", "min_length")`.
    pub fn field_codes(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Problem { fields, .. } => fields
                .iter()
                .map(|f| (f.field.clone(), f.code.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn problem_email(&self) -> Option<String> {
        match self {
            ApiError::Problem { email, .. } => email.clone(),
            _ => None,
        }
    }

    pub fn retry_after(&self) -> Option<u32> {
        match self {
            ApiError::Problem {
                retry_after_seconds,
                ..
            } => *retry_after_seconds,
            _ => None,
        }
    }

    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Problem { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// Worth pressing the same button again: the request may never have arrived.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network | ApiError::Timeout | ApiError::Server { .. } | ApiError::Malformed
        )
    }

    pub fn is_not_signed_in(&self) -> bool {
        matches!(
            self,
            ApiError::Problem {
                code: ErrorCode::NotSignedIn,
                ..
            }
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;

fn is_json(content_type: &str) -> bool {
    let ct = content_type.trim_start().to_ascii_lowercase();
    ct.starts_with("application/problem+json") || ct.starts_with("application/json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bodiless_success_is_empty_or_json_never_a_page() {
        for (content_type, body) in [
            (None, ""),
            (Some("text/plain"), ""),
            (Some("text/html"), "  \n"),
            (Some("application/json"), "{}"),
            (Some("Application/JSON; charset=utf-8"), "null"),
        ] {
            assert_eq!(
                ApiError::from_bodiless_success(content_type, body),
                Ok(()),
                "{content_type:?} {body:?}"
            );
        }
        for (content_type, body) in [
            (Some("text/html"), "<!doctype html><title>Wifi</title>"),
            (None, "<html>"),
            (Some("text/plain"), "OK"),
        ] {
            assert_eq!(
                ApiError::from_bodiless_success(content_type, body),
                Err(ApiError::Malformed),
                "{content_type:?} {body:?}"
            );
        }
    }

    const PROBLEM: Option<&str> = Some("application/problem+json");

    #[test]
    fn wrong_credentials_become_the_generic_sentence() {
        let body =
            r#"{"type":"about:blank","title":"x","status":401,"code":"invalid_credentials"}"#;
        let err = ApiError::from_response(401, PROBLEM, body, None, 0);
        assert_eq!(err.code(), Some(ErrorCode::InvalidCredentials));
    }

    #[test]
    fn an_html_error_page_from_a_proxy_is_a_server_error() {
        let err = ApiError::from_response(502, Some("text/html"), "<h1>Bad gateway</h1>", None, 0);
        assert_eq!(err, ApiError::Server { status: 502 });
    }

    #[test]
    fn rate_limits_keep_retry_after_even_without_a_body() {
        let err = ApiError::from_response(429, None, "", Some(" 30 "), 0);
        assert_eq!(err.code(), Some(ErrorCode::TooManyAttempts));
        assert!(matches!(
            err,
            ApiError::Problem {
                retry_after_seconds: Some(30),
                ..
            }
        ));
    }

    #[test]
    fn not_signed_in_is_recognised() {
        let body = r#"{"status":401,"code":"not_signed_in"}"#;
        assert!(ApiError::from_response(401, PROBLEM, body, None, 0).is_not_signed_in());
        assert!(!ApiError::Network.is_not_signed_in());
    }
}
