//! Invitations over real HTTP and SQLite: main accounts at once, employees once assigned.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{mail_to, post, token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

const PASSWORD: &str = "Meetlat-en-theodoliet";

async fn invite(b: &TestBackend, email: &str, account_type: &str) {
    let body = json!({"email": email, "organisation": "Bureau Zuid", "account_type": account_type,
                      "name": "Eva Jansen", "inviter": "Piet Bakker"});
    let (status, _, _) = post(&reqwest::Client::new(), b, "/dev/api/invitations", body).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_main_account_is_invited_at_once_and_accepting_signs_in() {
    let b = TestBackend::start().await;
    invite(&b, "eva@zuid.test", "main").await;
    let mails = mail_to(&b, "eva@zuid.test").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["kind"], "invitation");
    let token = token_from_mail(&b, "eva@zuid.test", "/users/invitation").await;

    let c = b.browser();
    for _ in 0..2 {
        // Looking up twice works: opening the link never uses it up.
        let (status, _, details) =
            post(&c, &b, "/api/invitations/lookup", json!({"token": token})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(details["organisation"], "Bureau Zuid");
        assert_eq!(details["inviter"], "Piet Bakker");
        assert_eq!(details["email"], "eva@zuid.test");
        assert_eq!(details["name"], "Eva Jansen");
        assert_eq!(details["account_type"], "main");
        assert!(details.get("project").is_none());
    }

    // A rejected password leaves the invitation usable.
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/invitations/accept",
        json!({"token": token, "name": "Eva", "password": "short"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["code"], "min_length");

    let res = c
        .post(b.url("/api/invitations/accept"))
        .json(&json!({"token": token, "name": "Eva Jansen-de Wit", "password": PASSWORD}))
        .send()
        .await
        .expect("req");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").is_some());
    let me: serde_json::Value = c
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("req")
        .json()
        .await
        .expect("json");
    assert_eq!(me["email"], "eva@zuid.test");
    assert_eq!(me["name"], "Eva Jansen-de Wit");

    let (status, _, problem) =
        post(&c, &b, "/api/invitations/lookup", json!({"token": token})).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "invitation_used");
    assert_eq!(problem["email"], "eva@zuid.test");

    let (status, _, _) = post(
        &b.browser(),
        &b,
        "/api/session",
        json!({"email": "eva@zuid.test", "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_employee_is_invited_only_on_the_first_project_assignment() {
    let b = TestBackend::start().await;
    invite(&b, "sem@zuid.test", "employee").await;
    assert!(
        mail_to(&b, "sem@zuid.test").await.is_empty(),
        "no project yet, no invitation"
    );

    let assign = |project: &'static str| json!({"email": "sem@zuid.test", "project": project});
    let (status, _, outcome) = post(
        &reqwest::Client::new(),
        &b,
        "/dev/api/projects/assign",
        assign("Dijkversterking"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(outcome["invitation_sent"], true);
    let (_, _, outcome) = post(
        &reqwest::Client::new(),
        &b,
        "/dev/api/projects/assign",
        assign("Kadaster Noord"),
    )
    .await;
    assert_eq!(outcome["invitation_sent"], false);
    assert_eq!(mail_to(&b, "sem@zuid.test").await.len(), 1);

    let token = token_from_mail(&b, "sem@zuid.test", "/users/invitation").await;
    let (_, _, details) = post(
        &b.browser(),
        &b,
        "/api/invitations/lookup",
        json!({"token": token}),
    )
    .await;
    assert_eq!(details["account_type"], "employee");
    assert_eq!(details["project"], "Dijkversterking");
}

#[tokio::test]
async fn expired_invitations_name_the_inviter_and_bad_links_are_invalid() {
    let b = TestBackend::start().await;
    invite(&b, "late@zuid.test", "main").await;
    let token = token_from_mail(&b, "late@zuid.test", "/users/invitation").await;
    b.state.clock.advance(7 * 24 * 3600 + 1);
    let (status, _, problem) = post(
        &b.browser(),
        &b,
        "/api/invitations/lookup",
        json!({"token": token}),
    )
    .await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "invitation_expired");
    assert_eq!(problem["inviter"], "Piet Bakker");
    let (_, _, problem) = post(
        &b.browser(),
        &b,
        "/api/invitations/accept",
        json!({"token": token, "name": "Late", "password": PASSWORD}),
    )
    .await;
    assert_eq!(problem["code"], "invitation_expired");

    for bad in ["", "abc", &token[..63], &"f".repeat(64)] {
        let (status, _, problem) = post(
            &b.browser(),
            &b,
            "/api/invitations/lookup",
            json!({"token": bad}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(problem["code"], "invitation_invalid");
    }
}

#[tokio::test]
async fn accepting_while_signed_in_as_somebody_else_is_refused_with_both_emails_known() {
    let b = TestBackend::start().await;
    invite(&b, "new@zuid.test", "main").await;
    let token = token_from_mail(&b, "new@zuid.test", "/users/invitation").await;
    let c = b.browser();
    post(
        &c,
        &b,
        "/api/session",
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    let (status, _, problem) = post(
        &c,
        &b,
        "/api/invitations/accept",
        json!({"token": token, "name": "N", "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["code"], "signed_in_as_other");
    assert_eq!(problem["email"], DEMO_EMAIL);
    // Still usable after signing out.
    c.delete(b.url("/api/session")).send().await.expect("req");
    let (status, _, _) = post(
        &c,
        &b,
        "/api/invitations/accept",
        json!({"token": token, "name": "N", "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}
