//! Sign-in rate limits: per email string (known or not), with `Retry-After`.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{post, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

#[tokio::test]
async fn five_failures_lock_an_address_for_a_while_known_or_unknown() {
    let b = TestBackend::start().await;
    for email in [DEMO_EMAIL, "nobody@topocloud.test"] {
        for _ in 0..5 {
            let (status, _, _) = post(
                &b.browser(),
                &b,
                "/api/session",
                json!({"email": email, "password": "Wrong-password-1"}),
            )
            .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        // Even the right password waits now: the limit is not an oracle.
        let (status, headers, problem) = post(
            &b.browser(),
            &b,
            "/api/session",
            json!({"email": email, "password": DEMO_PASSWORD}),
        )
        .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{email}");
        assert_eq!(problem["code"], "too_many_attempts");
        let wait: i64 = headers["retry-after"]
            .to_str()
            .expect("ascii")
            .parse()
            .expect("seconds");
        assert!(wait > 0 && wait <= 15 * 60, "{wait}");
    }
    b.state.clock.advance(15 * 60 + 1);
    let (status, _, _) = post(
        &b.browser(),
        &b,
        "/api/session",
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_successful_sign_in_forgets_earlier_failures() {
    let b = TestBackend::start().await;
    for _ in 0..4 {
        post(
            &b.browser(),
            &b,
            "/api/session",
            json!({"email": DEMO_EMAIL, "password": "Wrong-password-1"}),
        )
        .await;
    }
    let (status, _, _) = post(
        &b.browser(),
        &b,
        "/api/session",
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for _ in 0..4 {
        let (status, _, _) = post(
            &b.browser(),
            &b,
            "/api/session",
            json!({"email": DEMO_EMAIL, "password": "Wrong-password-1"}),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn one_client_is_limited_across_every_address_it_tries() {
    let b = TestBackend::start_with(|c| {
        c.client_sign_in_limit = 3;
        c.client_email_limit = 2;
    })
    .await;
    for i in 0..3 {
        let body =
            json!({"email": format!("spray{i}@topocloud.test"), "password": "Wrong-password-1"});
        let (status, _, _) = post(&b.browser(), &b, "/api/session", body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, headers, _) = post(
        &b.browser(),
        &b,
        "/api/session",
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "a fourth attempt from the same client"
    );
    assert!(headers.get("retry-after").is_some());

    for i in 0..2 {
        let body = json!({"email": format!("reset{i}@topocloud.test")});
        let (status, _, _) = post(&b.browser(), &b, "/api/password-resets", body).await;
        assert_eq!(status, StatusCode::ACCEPTED);
    }
    let body = json!({"email": "reset9@topocloud.test"});
    let (status, _, _) = post(&b.browser(), &b, "/api/password-resets", body).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "a third email request from the same client"
    );
}
