//! Multi-step writes happen completely or not at all: a statement made to fail half-way
//! (a trigger on the backend's own connection) must leave no half of the change behind,
//! and the link that started it usable for the next try.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{post, token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

const PASSWORD: &str = "Meetlat-en-theodoliet";

/// Makes every `event` (trigger syntax, e.g. `INSERT ON users`) fail until [`heal`].
fn break_on(b: &TestBackend, event: &str) {
    b.state
        .db
        .conn()
        .execute_batch(&format!(
            "CREATE TEMP TRIGGER broken BEFORE {event} BEGIN SELECT RAISE(ABORT, 'injected'); END;"
        ))
        .expect("trigger");
}

fn heal(b: &TestBackend) {
    b.state
        .db
        .conn()
        .execute_batch("DROP TRIGGER temp.broken")
        .expect("drop trigger");
}

fn count_rows(b: &TestBackend, sql: &str) -> i64 {
    let conn = b.state.db.conn();
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

fn registration(email: &str) -> serde_json::Value {
    json!({"name": "Jan de Vries", "email": email, "password": PASSWORD,
           "organisation": "Landmeetkunde De Vries", "accept_terms": true, "locale": "nl"})
}

#[tokio::test]
async fn a_registration_that_fails_half_way_leaves_no_organisation_behind() {
    let b = TestBackend::start().await;
    let c = b.browser();
    break_on(&b, "INSERT ON users");
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/registrations",
        registration("jan@devries.test"),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(problem["code"], "internal_error");
    let organisations = count_rows(&b, "SELECT COUNT(*) FROM organisations");
    println!("organisations after a failed registration: {organisations}");
    assert_eq!(organisations, 0);
    heal(&b);
    let (status, _, _) = post(
        &c,
        &b,
        "/api/registrations",
        registration("jan@devries.test"),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&b, "SELECT COUNT(*) FROM organisations"), 1);
}

#[tokio::test]
async fn a_reset_that_fails_half_way_changes_nothing_and_keeps_the_link() {
    let b = TestBackend::start().await;
    let elsewhere = b.browser();
    let old = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let (status, _, _) = post(&elsewhere, &b, "/api/session", old.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let c = b.browser();
    post(&c, &b, "/api/password-resets", json!({"email": DEMO_EMAIL})).await;
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;

    // Ending the other sessions is one of the last steps of a reset.
    break_on(&b, "DELETE ON sessions");
    let complete = json!({"token": token, "password": PASSWORD});
    let (status, _, _) = post(&c, &b, "/api/password-resets/complete", complete.clone()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    heal(&b);

    let (link, _, _) = post(
        &c,
        &b,
        "/api/password-resets/lookup",
        json!({"token": token}),
    )
    .await;
    let (old_password, _, _) = post(&b.browser(), &b, "/api/session", old).await;
    println!("after a failed reset: link {link}, old password {old_password}");
    assert_eq!(link, StatusCode::OK, "the link is still usable");
    assert_eq!(old_password, StatusCode::OK, "the password did not change");
    let session = elsewhere
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("lookup");
    assert_eq!(session.status(), StatusCode::OK, "nobody was signed out");

    let (status, _, _) = post(&c, &b, "/api/password-resets/complete", complete).await;
    assert_eq!(status, StatusCode::OK, "the next try completes the reset");
    let session = elsewhere
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("lookup");
    assert_eq!(session.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_verification_that_fails_half_way_keeps_the_link() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let email = "jan@devries.test";
    post(&c, &b, "/api/registrations", registration(email)).await;
    let token = token_from_mail(&b, email, "/users/verify-email").await;
    break_on(&b, "UPDATE OF email_verified_at ON users");
    let (status, _, _) = post(&c, &b, "/api/email-verifications", json!({"token": token})).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    heal(&b);
    let (status, _, body) = post(&c, &b, "/api/email-verifications", json!({"token": token})).await;
    println!("verifying again after a failed verification: {status} {body}");
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["email"], email);
}

#[tokio::test]
async fn an_invitation_accept_that_fails_half_way_keeps_the_invitation() {
    let b = TestBackend::start().await;
    let email = "eva@zuid.test";
    let invite = json!({"email": email, "organisation": "Bureau Zuid", "account_type": "main",
                        "name": "Eva Jansen", "inviter": "Piet Bakker"});
    let (status, _, _) = post(&reqwest::Client::new(), &b, "/dev/api/invitations", invite).await;
    assert_eq!(status, StatusCode::CREATED);
    let token = token_from_mail(&b, email, "/users/invitation").await;
    let c = b.browser();
    let accept = json!({"token": token, "name": "Eva Jansen", "password": PASSWORD});
    // Signing in is the last step of accepting.
    break_on(&b, "INSERT ON sessions");
    let (status, _, _) = post(&c, &b, "/api/invitations/accept", accept.clone()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    heal(&b);
    let has_password = count_rows(
        &b,
        "SELECT COUNT(*) FROM users WHERE email = 'eva@zuid.test' AND password_hash IS NOT NULL",
    );
    let (status, _, body) = post(&c, &b, "/api/invitations/accept", accept).await;
    println!("after a failed accept: password set {has_password}, accepting again {status}");
    assert_eq!(
        has_password, 0,
        "no password without the rest of the acceptance"
    );
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["email"], email);
}
