//! The sentence a person reads for each failure the API client reports. The API layer
//! only classifies what arrived (`api::ApiError`); the words are the catalogue's, here.

use super::Text;
use crate::api::ApiError;
use topocloud_contract::ErrorCode;

impl ApiError {
    /// The sentence a person reads. Server-supplied text is never shown.
    pub fn message(&self) -> Text {
        match self {
            ApiError::Network => Text::NetworkDown,
            ApiError::Timeout => Text::TimedOut,
            ApiError::Server { .. } => Text::ServerError,
            ApiError::Malformed => Text::MalformedAnswer,
            ApiError::Problem { code, status, .. } => match code {
                ErrorCode::InvalidCredentials => Text::InvalidCredentials,
                ErrorCode::TooManyAttempts => Text::TooManyAttempts,
                ErrorCode::CsrfRejected => Text::RequestRefused,
                ErrorCode::InternalError => Text::ServerError,
                ErrorCode::EmailNotVerified => Text::EmailNotVerified,
                ErrorCode::NotSignedIn
                | ErrorCode::RegistrationClosed
                | ErrorCode::InvitationExpired
                | ErrorCode::InvitationUsed
                | ErrorCode::InvitationInvalid
                | ErrorCode::TokenExpired
                | ErrorCode::TokenUsed
                | ErrorCode::TokenInvalid
                | ErrorCode::SignedInAsOther
                | ErrorCode::ValidationFailed
                | ErrorCode::NotFound
                | ErrorCode::Unknown => {
                    if *status >= 500 {
                        Text::ServerError
                    } else {
                        Text::MalformedAnswer
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROBLEM: Option<&str> = Some("application/problem+json");

    #[test]
    fn wrong_credentials_become_the_generic_sentence() {
        let body =
            r#"{"type":"about:blank","title":"x","status":401,"code":"invalid_credentials"}"#;
        let err = ApiError::from_response(401, PROBLEM, body, None, 0);
        assert_eq!(err.message(), Text::InvalidCredentials);
    }

    #[test]
    fn an_html_error_page_from_a_proxy_is_a_server_error() {
        let err = ApiError::from_response(502, Some("text/html"), "<h1>Bad gateway</h1>", None, 0);
        assert_eq!(err.message(), Text::ServerError);
    }

    #[test]
    fn rate_limits_say_so_even_without_a_body() {
        let err = ApiError::from_response(429, None, "", Some(" 30 "), 0);
        assert_eq!(err.message(), Text::TooManyAttempts);
    }

    #[test]
    fn garbage_never_panics_and_is_malformed_or_server() {
        for body in ["", "{", "null", "[1,2]", "\u{0}\u{ffff}", r#"{"code":5}"#] {
            for status in [400, 401, 404, 500] {
                let err = ApiError::from_response(status, PROBLEM, body, Some("soon"), 0);
                let expected = if status >= 500 {
                    Text::ServerError
                } else {
                    Text::MalformedAnswer
                };
                assert_eq!(err.message(), expected, "{status} {body:?}");
            }
        }
    }

    #[test]
    fn unknown_codes_fall_back_by_status() {
        let body = r#"{"status":409,"code":"something_new"}"#;
        let err = ApiError::from_response(409, PROBLEM, body, None, 0);
        assert_eq!(err.message(), Text::MalformedAnswer);
        let err = ApiError::from_response(503, PROBLEM, body, None, 0);
        assert_eq!(err.message(), Text::ServerError);
    }
}
