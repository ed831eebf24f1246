//! Password recovery over real HTTP and SQLite.

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{mail_to, post, token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

const NEW_PASSWORD: &str = "Nieuw-wachtwoord-voor-de-demo";

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer_and_only_known_get_mail() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let known = c
        .post(b.url("/api/password-resets"))
        .json(&json!({"email": DEMO_EMAIL}))
        .send()
        .await
        .expect("req");
    let unknown = c
        .post(b.url("/api/password-resets"))
        .json(&json!({"email": "nobody@topocloud.test"}))
        .send()
        .await
        .expect("req");
    assert_eq!(known.status(), StatusCode::ACCEPTED);
    assert_eq!(known.status(), unknown.status());
    assert_eq!(
        known.headers().get("content-type"),
        unknown.headers().get("content-type")
    );
    assert_eq!(
        known.bytes().await.expect("body"),
        unknown.bytes().await.expect("body")
    );
    assert_eq!(mail_to(&b, DEMO_EMAIL).await[0]["kind"], "password_reset");
    assert!(mail_to(&b, "nobody@topocloud.test").await.is_empty());
}

#[tokio::test]
async fn a_full_reset_changes_the_password_and_ends_other_sessions() {
    let b = TestBackend::start().await;
    let elsewhere = b.browser();
    let sign_in = |password: &str| json!({"email": DEMO_EMAIL, "password": password});
    let (status, _, _) = post(&elsewhere, &b, "/api/session", sign_in(DEMO_PASSWORD)).await;
    assert_eq!(status, StatusCode::OK);

    let c = b.browser();
    post(
        &c,
        &b,
        "/api/password-resets",
        json!({"email": DEMO_EMAIL, "locale": "en"}),
    )
    .await;
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    let (status, _, details) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({"token": token}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(details["email"], DEMO_EMAIL);

    // A weak password is refused and the link stays usable.
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/complete",
        json!({"token": token, "password": "1qaz2wsx3edc"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["code"], "not_common");

    let (status, headers, done) = post(
        &c,
        &b,
        "/api/password-resets/complete",
        json!({"token": token, "password": NEW_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(done["email"], DEMO_EMAIL);
    assert!(
        headers.get("set-cookie").is_none(),
        "completing a reset does not sign in"
    );

    let me = elsewhere
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("req");
    assert_eq!(
        me.status(),
        StatusCode::UNAUTHORIZED,
        "the other session was ended"
    );
    let (status, _, _) = post(&b.browser(), &b, "/api/session", sign_in(DEMO_PASSWORD)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the old password no longer works"
    );
    let (status, _, _) = post(&b.browser(), &b, "/api/session", sign_in(NEW_PASSWORD)).await;
    assert_eq!(status, StatusCode::OK);

    let kinds: Vec<Value> = mail_to(&b, DEMO_EMAIL)
        .await
        .iter()
        .map(|m| m["kind"].clone())
        .collect();
    assert_eq!(
        kinds[0], "password_changed",
        "a security notice follows the change"
    );
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/complete",
        json!({"token": token, "password": NEW_PASSWORD}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::GONE, json!("token_used"))
    );
}

#[tokio::test]
async fn of_two_links_either_works_and_using_one_kills_the_other() {
    let b = TestBackend::start().await;
    let c = b.browser();
    post(&c, &b, "/api/password-resets", json!({"email": DEMO_EMAIL})).await;
    let first = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    post(&c, &b, "/api/password-resets", json!({"email": DEMO_EMAIL})).await;
    let second = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    assert_ne!(first, second);
    let (status, _, _) = post(
        &c,
        &b,
        "/api/password-resets/complete",
        json!({"token": second, "password": NEW_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({"token": first}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::GONE, json!("token_used"))
    );
}

#[tokio::test]
async fn reset_links_expire_after_an_hour_and_tampered_links_are_invalid() {
    let b = TestBackend::start().await;
    let c = b.browser();
    post(&c, &b, "/api/password-resets", json!({"email": DEMO_EMAIL})).await;
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    let tampered = format!(
        "{}{}",
        &token[..63],
        if token.ends_with('a') { "b" } else { "a" }
    );
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({"token": tampered}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("token_invalid"))
    );
    assert!(
        problem.get("email").is_none(),
        "a never-issued link names nobody"
    );

    b.state.clock.advance(3600);
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({"token": token}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::GONE, json!("token_expired"))
    );
    assert_eq!(
        problem["email"], DEMO_EMAIL,
        "the holder may ask for a new link in one click"
    );
}

#[tokio::test]
async fn reset_requests_are_rate_limited_per_address_alike_for_known_and_unknown() {
    let b = TestBackend::start().await;
    for email in [DEMO_EMAIL, "nobody@topocloud.test"] {
        for _ in 0..5 {
            let (status, _, _) = post(
                &b.browser(),
                &b,
                "/api/password-resets",
                json!({"email": email}),
            )
            .await;
            assert_eq!(status, StatusCode::ACCEPTED);
        }
        let (status, headers, problem) = post(
            &b.browser(),
            &b,
            "/api/password-resets",
            json!({"email": email}),
        )
        .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{email}");
        assert_eq!(problem["code"], "too_many_attempts");
        let wait: i64 = headers["retry-after"]
            .to_str()
            .expect("ascii")
            .parse()
            .expect("seconds");
        assert!(wait > 0 && wait <= 3600, "{wait}");
    }
    b.state.clock.advance(3601);
    let (status, _, _) = post(
        &b.browser(),
        &b,
        "/api/password-resets",
        json!({"email": DEMO_EMAIL}),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn a_link_requested_before_the_dev_clock_moves_expires_with_it() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (status, _, _) = post(&c, &b, "/api/password-resets", json!({"email": DEMO_EMAIL})).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    // Straight after the answer, before anyone reads the mailbox: the email is still on
    // the mail queue, and must not be issued at the moved time.
    let (status, _, _) = post(&c, &b, "/dev/api/clock", json!({"advance_seconds": 3601})).await;
    assert_eq!(status, StatusCode::OK);
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({ "token": token }),
    )
    .await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "token_expired");
}
