//! Request extractors whose failures are problem JSON, never axum's plain-text rejections.

use crate::problem::ApiProblem;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use std::convert::Infallible;
use std::net::SocketAddr;

/// A JSON body; anything unparsable is `422 validation_failed`.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiProblem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| ApiProblem::validation_failed())?;
        serde_json::from_slice(&bytes)
            .map(ApiJson)
            .map_err(|_| ApiProblem::validation_failed())
    }
}

/// Who is asking, for per-client rate limits: the peer address. Behind a proxy every
/// request shares the proxy's address, which is why per-client limits are generous.
#[derive(Debug, Clone)]
pub struct Client(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip().to_string());
        Ok(Client(ip.unwrap_or_else(|| "local".to_owned())))
    }
}
