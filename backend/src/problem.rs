//! Every error leaves the backend as RFC 9457 problem JSON with a stable `code`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use topocloud_contract::{ErrorCode, Problem, PROBLEM_CONTENT_TYPE};

#[derive(Debug)]
pub struct ApiProblem(pub Problem);

impl ApiProblem {
    pub fn new(status: StatusCode, code: ErrorCode, title: &str) -> Self {
        Self(Problem::new(status.as_u16(), code, title))
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
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.0).unwrap_or_else(|_| b"{}".to_vec());
        (status, [(header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE)], body).into_response()
    }
}

impl From<rusqlite::Error> for ApiProblem {
    fn from(err: rusqlite::Error) -> Self {
        eprintln!("database error: {err}");
        Self::internal()
    }
}

impl From<tokio::task::JoinError> for ApiProblem {
    fn from(err: tokio::task::JoinError) -> Self {
        eprintln!("background task failed: {err}");
        Self::internal()
    }
}
