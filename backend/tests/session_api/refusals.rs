//! Requests `/api/session` refuses before it looks at who is asking: writes without the
//! CSRF header or from another site, bodies that are not a sign-in, paths that do not exist.

use crate::support::TestBackend;
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

#[tokio::test]
async fn writes_without_the_csrf_header_or_from_another_site_are_rejected() {
    let b = TestBackend::start().await;
    let body = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let plain = reqwest::Client::new()
        .post(b.url("/api/session"))
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_eq!(plain.status(), StatusCode::FORBIDDEN);
    let problem: Value = plain.json().await.expect("json");
    assert_eq!(problem["code"], "csrf_rejected");

    let cross_site = b
        .browser()
        .post(b.url("/api/session"))
        .header("sec-fetch-site", "cross-site")
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);

    let foreign_origin = b
        .browser()
        .post(b.url("/api/session"))
        .header("origin", "http://evil.test")
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_eq!(foreign_origin.status(), StatusCode::FORBIDDEN);

    // The site's own origin (the configured public URL) is welcome.
    let own_origin = b
        .browser()
        .post(b.url("/api/session"))
        .header("origin", b.state.config.public_url.as_str())
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_eq!(own_origin.status(), StatusCode::OK);
}

#[tokio::test]
async fn malformed_bodies_get_a_validation_problem_not_a_crash() {
    let b = TestBackend::start().await;
    for raw in [
        "",
        "{",
        "[]",
        r#"{"email":"demo"}"#,
        r#"{"email":"x","password":""}"#,
    ] {
        let res = b
            .browser()
            .post(b.url("/api/session"))
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await
            .expect("request");
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "body {raw:?}"
        );
        let problem: Value = res.json().await.expect("json");
        assert_eq!(problem["code"], "validation_failed");
    }
}

#[tokio::test]
async fn unknown_api_paths_answer_problem_json() {
    let b = TestBackend::start().await;
    let res = b
        .browser()
        .get(b.url("/api/nope"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}
