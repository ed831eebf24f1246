//! Every error leaves the backend as RFC 9457 problem JSON with a stable `code`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use topocloud_contract::{ErrorCode, FieldError, Problem, PROBLEM_CONTENT_TYPE};

#[derive(Debug)]
pub struct ApiProblem {
    /// Boxed: handlers return `Result<_, ApiProblem>` everywhere, and a small error
    /// keeps every `Ok` path small too.
    pub problem: Box<Problem>,
    /// Sent as `Retry-After` (seconds) with `429`.
    pub retry_after: Option<i64>,
}

impl ApiProblem {
    pub fn new(status: StatusCode, code: ErrorCode, title: &str) -> Self {
        Self {
            problem: Box::new(Problem::new(status.as_u16(), code, title)),
            retry_after: None,
        }
    }

    pub fn too_many_attempts(retry_after_seconds: i64) -> Self {
        Self {
            retry_after: Some(retry_after_seconds.max(1)),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                "Too many attempts",
            )
        }
    }

    /// A form problem naming the fields and why (`errors[].field`, `errors[].code`).
    pub fn fields(code: ErrorCode, errors: Vec<(&str, &str)>) -> Self {
        let mut problem = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
            "The request is not valid",
        );
        problem.problem.errors = errors
            .into_iter()
            .map(|(field, code)| FieldError {
                field: field.to_owned(),
                code: code.to_owned(),
            })
            .collect();
        problem
    }

    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials,
            "Email or password is not correct",
        )
    }

    pub fn not_signed_in() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::NotSignedIn,
            "Not signed in",
        )
    }

    pub fn csrf_rejected() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            ErrorCode::CsrfRejected,
            "Cross-site request rejected",
        )
    }

    pub fn validation_failed() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ValidationFailed,
            "The request is not valid",
        )
    }

    /// A code from the app, or a recovery code, that is wrong or was used already:
    /// `401` at the second sign-in step, `403` on the security page (signed in).
    pub fn code_invalid(status: StatusCode) -> Self {
        Self::new(status, ErrorCode::CodeInvalid, "The code is not correct")
    }

    pub fn challenge_expired() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::ChallengeExpired,
            "Sign in with the password again",
        )
    }

    pub fn reauthentication_required() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            ErrorCode::ReauthenticationRequired,
            "Confirm the password first",
        )
    }

    pub fn wrong_password() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            ErrorCode::WrongPassword,
            "The password is not correct",
        )
    }

    pub fn setup_expired() -> Self {
        Self::new(
            StatusCode::GONE,
            ErrorCode::SetupExpired,
            "Start setting up two-step verification again",
        )
    }

    pub fn conflict(code: ErrorCode, title: &str) -> Self {
        Self::new(StatusCode::CONFLICT, code, title)
    }

    pub fn not_found(title: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, title)
    }

    /// The cause is logged by the caller; the client only learns that it was our fault.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::InternalError,
            "Something went wrong on our side",
        )
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.problem).unwrap_or_else(|_| b"{}".to_vec());
        let mut response =
            (status, [(header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE)], body).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<rusqlite::Error> for ApiProblem {
    fn from(err: rusqlite::Error) -> Self {
        tracing::error!("database error: {err}");
        Self::internal()
    }
}

impl From<tokio::task::JoinError> for ApiProblem {
    fn from(err: tokio::task::JoinError) -> Self {
        tracing::error!("background task failed: {err}");
        Self::internal()
    }
}
