//! `/api/session` over real HTTP against a real SQLite file.

#[path = "session_api/refusals.rs"]
mod refusals;
mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::TestBackend;
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

async fn sign_in(client: &reqwest::Client, b: &TestBackend, body: Value) -> reqwest::Response {
    client
        .post(b.url("/api/session"))
        .json(&body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn demo_account_signs_in_and_the_session_says_who_it_is() {
    let b = TestBackend::start().await;
    let client = b.browser();
    let res = sign_in(
        &client,
        &b,
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cookie.starts_with("topocloud_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Max-Age"),
        "without remember the cookie ends with the browser"
    );
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["email"], DEMO_EMAIL);

    let me = client
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(me.headers()["cache-control"], "no-store");
    let body: Value = me.json().await.expect("json");
    assert_eq!(body["email"], DEMO_EMAIL);
}

#[tokio::test]
async fn email_is_matched_regardless_of_case_and_spaces() {
    let b = TestBackend::start().await;
    let body = json!({"email": "  Demo@TopoCloud.TEST ", "password": DEMO_PASSWORD});
    let res = sign_in(&b.browser(), &b, body).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_identical_answers() {
    let b = TestBackend::start().await;
    let wrong_password = sign_in(
        &b.browser(),
        &b,
        json!({"email": DEMO_EMAIL, "password": "Not-the-password-1"}),
    )
    .await;
    let unknown_email = sign_in(
        &b.browser(),
        &b,
        json!({"email": "nobody@topocloud.test", "password": "Not-the-password-1"}),
    )
    .await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email.status(), StatusCode::UNAUTHORIZED);
    for res in [&wrong_password, &unknown_email] {
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        assert!(res.headers().get("set-cookie").is_none());
    }
    let a = wrong_password.bytes().await.expect("body");
    let b_ = unknown_email.bytes().await.expect("body");
    assert_eq!(a, b_, "bodies must not reveal whether the email exists");
    let problem: Value = serde_json::from_slice(&a).expect("problem json");
    assert_eq!(problem["code"], "invalid_credentials");
    assert_eq!(problem["status"], 401);
}

#[tokio::test]
async fn signed_out_visitors_get_401_not_signed_in() {
    let b = TestBackend::start().await;
    let res = b
        .browser()
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let problem: Value = res.json().await.expect("json");
    assert_eq!(problem["code"], "not_signed_in");
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let b = TestBackend::start().await;
    let client = b.browser();
    let res = sign_in(
        &client,
        &b,
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let session_pair = cookie.split(';').next().expect("pair").to_owned();

    let out = client
        .delete(b.url("/api/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert!(out.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .contains("Max-Age=0"));

    // Replaying the old cookie by hand must not work: the session is gone server-side.
    let replay = reqwest::Client::new()
        .get(b.url("/api/session"))
        .header("cookie", session_pair)
        .send()
        .await
        .expect("request");
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn every_sign_in_gets_a_new_session_id_and_remember_sets_max_age() {
    let b = TestBackend::start().await;
    let client = b.browser();
    let body = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD, "remember": true});
    let first = sign_in(&client, &b, body.clone()).await;
    let second = sign_in(&client, &b, body).await;
    let c1 = first.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let c2 = second.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_ne!(c1.split(';').next(), c2.split(';').next());
    assert!(c2.contains("Max-Age=2592000"), "{c2}");
}

#[tokio::test]
async fn sessions_expire_by_the_backend_clock() {
    let b = TestBackend::start().await;
    let client = b.browser();
    sign_in(
        &client,
        &b,
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    b.state.clock.advance(13 * 3600);
    let me = client
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_prefixed() {
    let b = TestBackend::start_with(|c| c.secure_cookies = true).await;
    let res = sign_in(
        &b.browser(),
        &b,
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cookie.starts_with("__Host-topocloud_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("pair").to_owned();
    let me = reqwest::Client::new()
        .get(b.url("/api/session"))
        .header("cookie", pair)
        .send()
        .await
        .expect("request");
    assert_eq!(
        me.status(),
        StatusCode::OK,
        "the prefixed cookie is the one read back"
    );
}

#[tokio::test]
async fn a_new_sign_in_ends_the_session_it_replaces_and_nothing_is_cached() {
    let b = TestBackend::start().await;
    let client = b.browser();
    let body = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let first = sign_in(&client, &b, body.clone()).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["cache-control"], "no-store");
    let old_cookie = first.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("name=value")
        .to_owned();
    // The same browser signs in again: its old session id must stop working.
    assert_eq!(sign_in(&client, &b, body).await.status(), StatusCode::OK);
    let lookup = |cookie: String| {
        let url = b.url("/api/session");
        async move {
            reqwest::Client::new()
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .expect("request")
        }
    };
    let old = lookup(old_cookie).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(old.headers()["cache-control"], "no-store");
    let current = client
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("request");
    assert_eq!(current.status(), StatusCode::OK);
    assert_eq!(current.headers()["cache-control"], "no-store");
}
