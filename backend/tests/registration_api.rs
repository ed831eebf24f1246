//! Registration and email verification over real HTTP and SQLite.

mod support;
#[path = "registration_api/verification.rs"]
mod verification;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{mail_to, post, token_from_mail, TestBackend};
use topocloud_backend::accounts::DEMO_EMAIL;

fn registration(email: &str, password: &str) -> Value {
    json!({
        "name": "Jan de Vries",
        "email": email,
        "password": password,
        "organisation": "Landmeetkunde De Vries",
        "accept_terms": true,
        "locale": "nl"
    })
}

const GOOD_PASSWORD: &str = "Meetlat-en-theodoliet";

#[tokio::test]
async fn register_verify_then_sign_in() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (status, _, body) = post(
        &c,
        &b,
        "/api/registrations",
        registration("jan@devries.test", GOOD_PASSWORD),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(body, Value::Null);

    let sign_in = json!({"email": "jan@devries.test", "password": GOOD_PASSWORD});
    let (status, _, problem) = post(&c, &b, "/api/session", sign_in.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "email_not_verified");

    let token = token_from_mail(&b, "jan@devries.test", "/users/verify-email").await;
    let (status, _, body) = post(&c, &b, "/api/email-verifications", json!({"token": token})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["email"], "jan@devries.test");

    let (status, _, problem) =
        post(&c, &b, "/api/email-verifications", json!({"token": token})).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "token_used");

    let (status, _, body) = post(&c, &b, "/api/session", sign_in).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["name"], "Jan de Vries");
}

#[tokio::test]
async fn known_and_new_addresses_get_identical_answers_but_different_mail() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let known = c
        .post(b.url("/api/registrations"))
        .json(&registration(DEMO_EMAIL, GOOD_PASSWORD))
        .send()
        .await
        .expect("req");
    let new = c
        .post(b.url("/api/registrations"))
        .json(&registration("new@devries.test", GOOD_PASSWORD))
        .send()
        .await
        .expect("req");
    assert_eq!(known.status(), new.status());
    assert_eq!(
        known.headers().get("content-type"),
        new.headers().get("content-type")
    );
    assert_eq!(
        known.bytes().await.expect("body"),
        new.bytes().await.expect("body")
    );

    let demo_mail = mail_to(&b, DEMO_EMAIL).await;
    assert_eq!(demo_mail.len(), 1);
    assert_eq!(demo_mail[0]["kind"], "already_registered");
    let new_mail = mail_to(&b, "new@devries.test").await;
    assert_eq!(new_mail[0]["kind"], "verify_email");
}

#[tokio::test]
async fn every_field_problem_is_reported_at_once() {
    let b = TestBackend::start().await;
    let body = json!({"name": " ", "email": "nope", "password": "short", "organisation": "", "accept_terms": false});
    let (status, _, problem) = post(&b.browser(), &b, "/api/registrations", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["code"], "validation_failed");
    let errors: Vec<(String, String)> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or("").to_owned(),
                e["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for expected in [
        ("name", "required"),
        ("email", "invalid_email"),
        ("organisation", "required"),
        ("password", "min_length"),
        ("accept_terms", "not_accepted"),
    ] {
        assert!(
            errors.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {errors:?}"
        );
    }
}

#[tokio::test]
async fn password_boundaries_are_counted_in_code_points() {
    let b = TestBackend::start().await;
    let cases = [
        ("a1b2c3d4e5f", Some("min_length")),                    // 11
        ("a1b2c3d4e5f6", None),                                 // 12
        (&"xy".repeat(64) as &str, None),                       // 128
        (&format!("{}z", "xy".repeat(64)), Some("max_length")), // 129
        (&"🔑".repeat(12), None),                               // 12 emoji, 48 bytes
        (&"🔑".repeat(11), Some("min_length")),
        (&"e\u{301}".repeat(6), None), // 12 code points with combining marks
        ("1qaz2wsx3edc", Some("not_common")), // long enough, but common
    ];
    for (i, (password, expected)) in cases.iter().enumerate() {
        let email = format!("boundary{i}@devries.test");
        let (status, _, problem) = post(
            &b.browser(),
            &b,
            "/api/registrations",
            registration(&email, password),
        )
        .await;
        match expected {
            None => assert_eq!(status, StatusCode::ACCEPTED, "{password:?}: {problem}"),
            Some(code) => {
                assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{password:?}");
                assert_eq!(problem["errors"][0]["field"], "password");
                assert_eq!(problem["errors"][0]["code"], *code, "{password:?}");
            }
        }
    }
}

#[tokio::test]
async fn closed_registration_says_so() {
    let b = TestBackend::start_with(|c| c.registration_open = false).await;
    let (status, _, problem) = post(
        &b.browser(),
        &b,
        "/api/registrations",
        registration("x@devries.test", GOOD_PASSWORD),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "registration_closed");
    let config: Value = reqwest::get(b.url("/api/config"))
        .await
        .expect("req")
        .json()
        .await
        .expect("json");
    assert_eq!(config["registration_open"], false);
}

#[tokio::test]
async fn config_describes_the_policy_and_providers() {
    let b = TestBackend::start().await;
    let res = reqwest::get(b.url("/api/config")).await.expect("req");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let config: Value = res.json().await.expect("json");
    assert_eq!(config["registration_open"], true);
    assert_eq!(config["password_policy"]["min_length"], 12);
    assert_eq!(config["password_policy"]["max_length"], 128);
    assert_eq!(config["password_policy"]["blocklist"], true);
    assert_eq!(config["sso_providers"][0]["id"], "microsoft");

    let legacy = TestBackend::start_with(|c| {
        c.password_policy = topocloud_contract::PasswordPolicy::legacy_product()
    })
    .await;
    let config: Value = reqwest::get(legacy.url("/api/config"))
        .await
        .expect("req")
        .json()
        .await
        .expect("json");
    assert_eq!(config["password_policy"]["min_length"], 8);
    assert_eq!(config["password_policy"]["require_digit"], true);
    let (_, _, problem) = post(
        &legacy.browser(),
        &legacy,
        "/api/registrations",
        registration("l@devries.test", "abcdefghij"),
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "digit");
}

#[tokio::test]
async fn every_write_endpoint_refuses_requests_without_the_csrf_header() {
    let b = TestBackend::start().await;
    let plain = reqwest::Client::new();
    for path in [
        "/api/session",
        "/api/registrations",
        "/api/email-verifications",
        "/api/email-verifications/resend",
        "/api/invitations/lookup",
        "/api/invitations/accept",
        "/api/password-resets",
        "/api/password-resets/lookup",
        "/api/password-resets/complete",
    ] {
        let res = plain
            .post(b.url(path))
            .json(&json!({}))
            .send()
            .await
            .expect("req");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let res = plain
        .delete(b.url("/api/session"))
        .send()
        .await
        .expect("req");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn config_says_how_long_the_configured_links_work() {
    let b = TestBackend::start().await;
    let config = site_config(&b).await;
    assert_eq!(
        config["link_lifetimes"],
        serde_json::json!({"verify_email_seconds": 86400, "reset_seconds": 3600, "invitation_seconds": 604800})
    );

    let short = TestBackend::start_with(|c| {
        c.verify_email_ttl = 7200;
        c.reset_ttl = 900;
        c.invitation_ttl = 3 * 86_400;
    })
    .await;
    let config = site_config(&short).await;
    assert_eq!(
        config["link_lifetimes"],
        serde_json::json!({"verify_email_seconds": 7200, "reset_seconds": 900, "invitation_seconds": 259200})
    );
}

async fn site_config(b: &TestBackend) -> Value {
    reqwest::get(b.url("/api/config"))
        .await
        .expect("req")
        .json()
        .await
        .expect("json")
}
