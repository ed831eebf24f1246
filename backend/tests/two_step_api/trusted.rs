//! "Trust this device": the next password sign-ins of that account from that browser
//! skip the second step, until the password changes.

use crate::support::two_step::{
    account, account_with_two_step, code, get, set_cookie, sign_in, start_of_step, PASSWORD,
};
use crate::support::{post, TestBackend};
use crate::EMAIL;
use reqwest::StatusCode;
use serde_json::json;
use topocloud_contract::paths;

#[tokio::test]
async fn a_trusted_browser_skips_the_code_until_the_password_changes() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let body = json!({"code": code(&b, &secret, 0), "trust_device": true});
    let (status, headers, _) = post(&c, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = set_cookie(&headers, "topocloud_trusted_device");
    for part in [
        "HttpOnly",
        "SameSite=Lax",
        "Path=/api/session;",
        "Max-Age=2592000",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }

    c.delete(b.url(paths::SESSION))
        .send()
        .await
        .expect("sign out");
    let (status, _, info) = sign_in(&c, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "trusted: no second step");
    assert_eq!(info["email"], EMAIL);
    // Another browser still needs the code.
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);

    let change = json!({"current_password": PASSWORD, "new_password": "Nieuwe-meetlat-2026"});
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_PASSWORD, change).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{problem}");
    c.delete(b.url(paths::SESSION))
        .send()
        .await
        .expect("sign out");
    let (status, _, body) = sign_in(&c, &b, EMAIL, "Nieuwe-meetlat-2026").await;
    assert_eq!(
        status,
        StatusCode::ACCEPTED,
        "a password change ends trust: {body}"
    );
}

#[tokio::test]
async fn trust_is_for_one_account_not_for_every_account_of_the_browser() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    let (_, _) = account_with_two_step(&c, &b, "piet@zuid.test").await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let body = json!({"code": code(&b, &secret, 0), "trust_device": true});
    let (status, _, _) = post(&c, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = sign_in(&c, &b, "piet@zuid.test", PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_password_reset_ends_trusted_devices_too() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let body = json!({"code": code(&b, &secret, 0), "trust_device": true});
    post(&c, &b, paths::SECOND_STEP, body).await;
    let trusted: i64 = count_trusted(&b);
    assert_eq!(trusted, 1);

    let (status, _, _) = post(&c, &b, paths::PASSWORD_RESETS, json!({"email": EMAIL})).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let token = crate::support::token_from_mail(&b, EMAIL, "/users/reset-password").await;
    let complete = json!({"token": token, "password": "Nieuwe-meetlat-2026"});
    let (status, _, _) = post(&c, &b, paths::PASSWORD_RESETS_COMPLETE, complete).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count_trusted(&b), 0);
    let (status, _, _) = sign_in(&c, &b, EMAIL, "Nieuwe-meetlat-2026").await;
    assert_eq!(
        status,
        StatusCode::ACCEPTED,
        "two-step verification stays on"
    );
}

fn count_trusted(b: &TestBackend) -> i64 {
    b.state
        .db
        .conn()
        .query_row("SELECT COUNT(*) FROM trusted_devices", [], |r| r.get(0))
        .expect("count")
}

#[tokio::test]
async fn accounts_without_two_step_sign_in_as_before() {
    let b = TestBackend::start().await;
    account(&b, EMAIL);
    let (status, _, info) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(info["email"], EMAIL);
}
