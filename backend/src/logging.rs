//! Structured logs through `tracing`: one line per answered request and whatever the
//! handlers report.
//!
//! Nothing secret may reach them (the e2e leak check reads this log): a request line
//! names the matched route (`/api/session`), never the URI with its query, and no body,
//! cookie or `Authorization` header is ever logged.

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, Response};
use std::time::Duration;
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// Echoed on every answer, so a report from a user or a proxy log can be matched to a line.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Logs to stdout, `info` and up unless `RUST_LOG` says otherwise; no colours, since
/// the output usually goes to a file. The WebAuthn library stays silent whatever
/// `RUST_LOG` says: its debug and trace lines show challenges and credential ids, and it
/// reports the normal (a passkey's signature counter of 0) as an error. The passkey
/// endpoints log what matters themselves.
pub fn init() {
    let mut filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    for quiet in [
        "webauthn_rs=off",
        "webauthn_rs_core=off",
        "webauthn_rs_proto=off",
    ] {
        if let Ok(directive) = quiet.parse() {
            filter = filter.add_directive(directive);
        }
    }
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// Adds the request id (kept when a proxy already set one), the request log line and the
/// echoed `X-Request-Id` to every route of `router`.
pub fn layer<S: Clone + Send + Sync + 'static>(router: axum::Router<S>) -> axum::Router<S> {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request| {
            // Unmatched requests are the site's static files: their path holds no secret
            // (emailed tokens travel in the fragment, which never reaches a server).
            let route = request
                .extensions()
                .get::<MatchedPath>()
                .map_or_else(|| request.uri().path(), MatchedPath::as_str);
            let id = request
                .headers()
                .get(&REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), route, id)
        })
        .on_request(())
        .on_response(|response: &Response<_>, latency: Duration, _: &Span| {
            tracing::info!(
                status = response.status().as_u16(),
                latency_us = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
                "answered"
            );
        })
        .on_failure(|failure: ServerErrorsFailureClass, _: Duration, _: &Span| {
            tracing::error!(%failure, "request failed");
        });
    // The last layer added runs first: the id is set, then the request is traced, then
    // the id is copied onto the answer.
    router
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
