//! Email verification: links that expire or were tampered with, and resending one.

use crate::support::{mail_to, post, token_from_mail, TestBackend};
use crate::{registration, GOOD_PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_backend::accounts::DEMO_EMAIL;

#[tokio::test]
async fn verification_links_expire_after_a_day_and_tampered_ones_are_invalid() {
    let b = TestBackend::start().await;
    let c = b.browser();
    post(
        &c,
        &b,
        "/api/registrations",
        registration("late@devries.test", GOOD_PASSWORD),
    )
    .await;
    let token = token_from_mail(&b, "late@devries.test", "/users/verify-email").await;

    let mut tampered = token.clone();
    let last = if tampered.ends_with('0') { "1" } else { "0" };
    tampered.replace_range(tampered.len() - 1.., last);
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/email-verifications",
        json!({"token": tampered}),
    )
    .await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("token_invalid"))
    );
    let (_, _, problem) = post(
        &c,
        &b,
        "/api/email-verifications",
        json!({"token": &token[..20]}),
    )
    .await;
    assert_eq!(problem["code"], "token_invalid");

    b.state.clock.advance(24 * 3600 + 1);
    let (status, _, problem) =
        post(&c, &b, "/api/email-verifications", json!({"token": token})).await;
    assert_eq!(
        (status, problem["code"].clone()),
        (StatusCode::GONE, json!("token_expired"))
    );

    // A new link replaces the expired one.
    let (status, _, _) = post(
        &c,
        &b,
        "/api/email-verifications/resend",
        json!({"email": "late@devries.test"}),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let fresh = token_from_mail(&b, "late@devries.test", "/users/verify-email").await;
    assert_ne!(fresh, token);
    let (status, _, _) = post(&c, &b, "/api/email-verifications", json!({"token": fresh})).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn resend_answers_the_same_for_unknown_and_sends_nothing() {
    let b = TestBackend::start().await;
    let (status, _, body) = post(
        &b.browser(),
        &b,
        "/api/email-verifications/resend",
        json!({"email": "ghost@devries.test"}),
    )
    .await;
    assert_eq!((status, body), (StatusCode::ACCEPTED, Value::Null));
    assert!(mail_to(&b, "ghost@devries.test").await.is_empty());
    // A verified account gets no verification mail either.
    post(
        &b.browser(),
        &b,
        "/api/email-verifications/resend",
        json!({"email": DEMO_EMAIL}),
    )
    .await;
    assert!(mail_to(&b, DEMO_EMAIL).await.is_empty());
}
