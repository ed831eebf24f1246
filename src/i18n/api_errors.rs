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
                ErrorCode::PasskeyUnknown => Text::PasskeyUnknown,
                ErrorCode::PasskeyFailed => Text::PasskeyFailed,
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
                // The account-security screens say these in their own words (their
                // catalogue is not part of the login page's first load).
                | ErrorCode::CodeInvalid
                | ErrorCode::ChallengeExpired
                | ErrorCode::ReauthenticationRequired
                | ErrorCode::WrongPassword
                | ErrorCode::SetupExpired
                | ErrorCode::TwoStepAlreadyOn
                | ErrorCode::TwoStepNotOn
                | ErrorCode::TwoStepRequired
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
    fn each_answer_gets_its_sentence() {
        let unknown = r#"{"status":409,"code":"something_new"}"#;
        let cases = [
            (
                401,
                PROBLEM,
                r#"{"status":401,"code":"invalid_credentials"}"#,
                Text::InvalidCredentials,
            ),
            (
                502,
                Some("text/html"),
                "<h1>Bad gateway</h1>",
                Text::ServerError,
            ),
            // Rate limits say so even without a body.
            (429, None, "", Text::TooManyAttempts),
            // Unknown codes fall back by status.
            (409, PROBLEM, unknown, Text::MalformedAnswer),
            (503, PROBLEM, unknown, Text::ServerError),
        ];
        for (status, content_type, body, expected) in cases {
            let err = ApiError::from_response(status, content_type, body, Some(" 30 "), 0);
            assert_eq!(err.message(), expected, "{status} {body}");
        }
        assert_eq!(ApiError::Network.message(), Text::NetworkDown);
        assert_eq!(ApiError::Timeout.message(), Text::TimedOut);
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
}
