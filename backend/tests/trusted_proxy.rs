//! Per-client limits behind a proxy: `X-Forwarded-For` names the client only on
//! connections from a trusted proxy (`--trusted-proxy`), and then only its last entry.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::TestBackend;
use topocloud_backend::config::Config;

/// Two sign-in attempts per client; the third is refused.
fn two_attempts_per_client(trusted: &'static str) -> impl FnOnce(&mut Config) {
    move |c| {
        c.client_sign_in_limit = 2;
        c.trusted_proxies = trusted
            .split(',')
            .filter(|ip| !ip.is_empty())
            .map(|ip| ip.parse().expect("ip"))
            .collect();
    }
}

/// A wrong-password sign-in (each to its own address, so only the per-client limit can
/// answer `429`) claiming to come from `forwarded_for`.
async fn attempt(b: &TestBackend, n: u32, forwarded_for: &str) -> StatusCode {
    b.browser()
        .post(b.url("/api/session"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"email": format!("probe{n}@topocloud.test"), "password": "Wrong-password-1"}))
        .send()
        .await
        .expect("request")
        .status()
}

#[tokio::test]
async fn without_a_trusted_proxy_a_spoofed_forwarded_for_changes_nothing() {
    let b = TestBackend::start_with(two_attempts_per_client("")).await;
    assert_eq!(
        attempt(&b, 1, "203.0.113.1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&b, 2, "203.0.113.2").await,
        StatusCode::UNAUTHORIZED
    );
    // A third "client" by its header is the same peer: limited.
    assert_eq!(
        attempt(&b, 3, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_proxy_other_than_the_peer_is_not_believed_either() {
    let b = TestBackend::start_with(two_attempts_per_client("10.0.0.1")).await;
    assert_eq!(
        attempt(&b, 1, "203.0.113.1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&b, 2, "203.0.113.2").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&b, 3, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let b = TestBackend::start_with(two_attempts_per_client("127.0.0.1")).await;
    assert_eq!(
        attempt(&b, 1, "203.0.113.1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&b, 2, "203.0.113.1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&b, 3, "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the forwarded client is limited"
    );
    // Another client behind the same proxy still has its own budget.
    assert_eq!(
        attempt(&b, 4, "203.0.113.2").await,
        StatusCode::UNAUTHORIZED
    );
    // A limited client that writes a fresh address in front of the one its proxy added
    // (what `$proxy_add_x_forwarded_for` would pass on) is still itself.
    assert_eq!(
        attempt(&b, 5, "198.51.100.77, 203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS,
        "only the last hop counts"
    );
    // With no usable header, the request counts against the proxy's own address.
    assert_eq!(attempt(&b, 6, "garbage").await, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt(&b, 7, "").await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        attempt(&b, 8, "also garbage").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
