//! `POST /api/account/password`.

use crate::support::two_step::{get, sign_in, PASSWORD};
use crate::support::{mail_to, post, TestBackend};
use crate::{signed_in, EMAIL};
use reqwest::StatusCode;
use serde_json::json;
use topocloud_contract::paths;

const NEW: &str = "Nieuwe-meetlat-2026";

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_and_keeps_this_one() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let elsewhere = b.browser();
    sign_in(&elsewhere, &b, EMAIL, PASSWORD).await;
    b.state.clock.advance(601);

    let change = json!({"current_password": PASSWORD, "new_password": NEW});
    let (status, _, body) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
    assert_eq!(
        status,
        StatusCode::NO_CONTENT,
        "no re-authentication needed: {body}"
    );

    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::OK, "this session stays");
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(
        security["recent_sign_in_for"], 600,
        "and counts as a recent sign-in"
    );
    let (status, problem) = get(&elsewhere, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the other one ended");
    assert_eq!(problem["code"], "not_signed_in");

    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password is gone");
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, NEW).await;
    assert_eq!(status, StatusCode::OK);

    let mail = &mail_to(&b, EMAIL).await[0];
    assert_eq!(mail["kind"], "password_changed");
    let text = mail["text"].as_str().expect("text");
    assert!(text.contains("Op alle andere apparaten"), "{text}");
    assert!(text.contains("Was jij dit niet?"), "{text}");
    assert!(text.contains("support"), "{text}");
    assert!(!text.contains(NEW) && !text.contains(PASSWORD));
    let links: Vec<&str> = mail["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(links, ["http://127.0.0.1:8080/users/forgot-password"]);
}

#[tokio::test]
async fn a_wrong_current_password_changes_nothing() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let change = json!({"current_password": "Niet-het-wachtwoord", "new_password": NEW});
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "wrong_password");
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "the password is unchanged");
    assert!(mail_to(&b, EMAIL).await.is_empty());
    // Counted with the other wrong proofs: five in all, then 429.
    for _ in 0..4 {
        let change = json!({"current_password": "Nog-steeds-fout", "new_password": NEW});
        let (status, _, _) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let change = json!({"current_password": PASSWORD, "new_password": NEW});
    let (status, headers, _) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.get("retry-after").is_some());
}

#[tokio::test]
async fn the_new_password_follows_the_registration_policy() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    for (new, rule) in [("kort", "min_length"), ("1qaz2wsx3edc", "not_common")] {
        let change = json!({"current_password": PASSWORD, "new_password": new});
        let (status, _, problem) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{new}");
        assert_eq!(problem["code"], "validation_failed");
        assert_eq!(
            problem["errors"],
            json!([{"field": "new_password", "code": rule}]),
            "{new}"
        );
    }
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "unchanged");
}

#[tokio::test]
async fn the_same_change_sent_again_after_a_lost_answer_is_done_not_refused() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let change = json!({"current_password": PASSWORD, "new_password": NEW});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_PASSWORD, change.clone()).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // The answer never arrived; the site sends the very same request again.
    let (status, _, body) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let changed = mail_to(&b, EMAIL)
        .await
        .iter()
        .filter(|m| m["kind"] == "password_changed")
        .count();
    assert_eq!(changed, 1, "one change, one email");
    // Anything else with a wrong current password is still refused.
    let other = json!({"current_password": PASSWORD, "new_password": "Iets-heel-anders-2026"});
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_PASSWORD, other).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "wrong_password");
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, NEW).await;
    assert_eq!(status, StatusCode::OK);
}
