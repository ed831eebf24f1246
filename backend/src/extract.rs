//! Request extractors whose failures are problem JSON, never axum's plain-text rejections.

use crate::problem::ApiProblem;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

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

/// Who is asking, for per-client rate limits: the peer address, or, on a connection from
/// a trusted proxy (`--trusted-proxy`), the address that proxy put last in
/// `X-Forwarded-For`. Without a trusted proxy the header is ignored, so a client cannot
/// pick its own address; behind an untrusted proxy every request shares its address.
#[derive(Debug, Clone)]
pub struct Client(pub String);

impl FromRequestParts<AppState> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(Client(client_address(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// The client's address for rate limiting; `local` when there is no peer address.
pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer.map(|ip| ip.to_canonical()) else {
        return "local".to_owned();
    };
    if trusted.contains(&peer) {
        if let Some(forwarded) = last_forwarded_for(headers) {
            return forwarded.to_string();
        }
    }
    peer.to_string()
}

/// The last address in the last `X-Forwarded-For` line: the one the nearest proxy added.
/// Every entry before it came from further away, the client included, and proves nothing.
fn last_forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    let line = headers.get_all("x-forwarded-for").iter().next_back()?;
    let last = line.to_str().ok()?.rsplit(',').next()?.trim();
    last.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(lines: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for line in lines {
            map.append("x-forwarded-for", line.parse().expect("header"));
        }
        map
    }

    fn ip(raw: &str) -> IpAddr {
        raw.parse().expect("ip")
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        let h = headers(&["203.0.113.9"]);
        assert_eq!(client_address(Some(ip("127.0.0.1")), &h, &[]), "127.0.0.1");
        let elsewhere = [ip("10.0.0.1")];
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &h, &elsewhere),
            "127.0.0.1"
        );
        assert_eq!(client_address(None, &h, &elsewhere), "local");
    }

    #[test]
    fn behind_a_trusted_proxy_the_last_hop_counts_not_what_the_client_wrote() {
        let proxy = [ip("127.0.0.1")];
        let peer = Some(ip("127.0.0.1"));
        let one = headers(&["203.0.113.9"]);
        assert_eq!(client_address(peer, &one, &proxy), "203.0.113.9");
        let spoofed = headers(&["198.51.100.1, 203.0.113.9"]);
        assert_eq!(client_address(peer, &spoofed, &proxy), "203.0.113.9");
        let two_lines = headers(&["198.51.100.1", "2001:db8::7"]);
        assert_eq!(client_address(peer, &two_lines, &proxy), "2001:db8::7");
        let mapped = Some(ip("::ffff:127.0.0.1"));
        assert_eq!(client_address(mapped, &one, &proxy), "203.0.113.9");
    }

    #[test]
    fn an_unreadable_header_from_the_proxy_falls_back_to_the_peer() {
        let proxy = [ip("127.0.0.1")];
        let peer = Some(ip("127.0.0.1"));
        for bad in [
            "",
            "unknown",
            "203.0.113.9, ",
            "203.0.113.9:1234",
            "999.1.1.1",
        ] {
            assert_eq!(
                client_address(peer, &headers(&[bad]), &proxy),
                "127.0.0.1",
                "{bad:?}"
            );
        }
        assert_eq!(client_address(peer, &HeaderMap::new(), &proxy), "127.0.0.1");
    }
}
