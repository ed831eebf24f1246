//! Rules every API answer and request passes through.

use crate::problem::ApiProblem;
use crate::AppState;
use axum::extract::Request;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use topocloud_contract::{ErrorCode, CSRF_HEADER, CSRF_HEADER_VALUE};

/// State-changing requests must carry the contract's custom header and must not come
/// from another site; every answer is marked uncacheable (it is personal or one-off).
pub async fn api_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = if is_cross_site_write(&request, &state.config.public_url) {
        ApiProblem::csrf_rejected().into_response()
    } else {
        next.run(request).await
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn is_cross_site_write(request: &Request, own_origin: &str) -> bool {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe {
        return false;
    }
    let headers = request.headers();
    let has_custom_header = headers
        .get(CSRF_HEADER)
        .is_some_and(|v| v.as_bytes() == CSRF_HEADER_VALUE.as_bytes());
    let fetch_site_foreign = headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site" || v.as_bytes() == b"same-site");
    // Browsers send Origin on every cross-origin write; only the site's own is accepted.
    let foreign_origin = headers
        .get(header::ORIGIN)
        .is_some_and(|origin| origin.as_bytes() != own_origin.as_bytes());
    !has_custom_header || fetch_site_foreign || foreign_origin
}

pub async fn api_not_found() -> ApiProblem {
    ApiProblem::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "No such endpoint",
    )
}
