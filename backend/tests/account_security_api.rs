//! The security page's endpoints over real HTTP against a real SQLite file: recent
//! sign-in and re-authentication, changing the password, sessions, and turning two-step
//! verification on and off.

#[path = "account_security_api/password.rs"]
mod password;
#[path = "account_security_api/sessions.rs"]
mod sessions;
mod support;
#[path = "account_security_api/two_step_settings.rs"]
mod two_step_settings;

use reqwest::StatusCode;
use serde_json::json;
use support::race::{answers, count, spawn_post};
use support::two_step::{account, code, enable, get, sign_in, PASSWORD};
use support::{post, TestBackend};
use topocloud_contract::paths;

const EMAIL: &str = "eva@zuid.test";

/// A browser signed in to a fresh account with [`PASSWORD`].
async fn signed_in(b: &TestBackend) -> reqwest::Client {
    account(b, EMAIL);
    let c = b.browser();
    let (status, _, _) = sign_in(&c, b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    c
}

#[tokio::test]
async fn every_account_endpoint_needs_a_session() {
    let b = TestBackend::start().await;
    let c = b.browser();
    for path in [paths::ACCOUNT_SECURITY, paths::ACCOUNT_SESSIONS] {
        let (status, problem) = get(&c, &b, path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(problem["code"], "not_signed_in");
    }
    let writes = [
        (paths::ACCOUNT_REAUTHENTICATE, json!({"password": PASSWORD})),
        (
            paths::ACCOUNT_PASSWORD,
            json!({"current_password": PASSWORD, "new_password": "Nieuwe-meetlat-2026"}),
        ),
        (paths::ACCOUNT_SESSIONS_END_OTHERS, json!(null)),
        (paths::TWO_STEP_SETUP, json!(null)),
        (paths::TWO_STEP_CONFIRM, json!({"code": "123456"})),
        (paths::TWO_STEP_DISABLE, json!({"password": PASSWORD})),
        (
            paths::TWO_STEP_RECOVERY_CODES,
            json!({"password": PASSWORD}),
        ),
    ];
    for (path, body) in writes {
        let (status, _, problem) = post(&c, &b, path, body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(problem["code"], "not_signed_in", "{path}");
    }
    let res = c
        .delete(b.url(&paths::account_session("ab12")))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn every_account_write_needs_the_csrf_header() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let plain = reqwest::Client::new();
    let cookie = another_session_cookie(&b).await;
    for path in [
        paths::ACCOUNT_REAUTHENTICATE,
        paths::ACCOUNT_PASSWORD,
        paths::ACCOUNT_SESSIONS_END_OTHERS,
        paths::TWO_STEP_SETUP,
        paths::TWO_STEP_CONFIRM,
        paths::TWO_STEP_DISABLE,
        paths::TWO_STEP_RECOVERY_CODES,
        paths::SECOND_STEP_ENROLMENT,
        paths::SECOND_STEP_ENROLMENT_CONFIRM,
    ] {
        let res = plain
            .post(b.url(path))
            .header("cookie", &cookie)
            .json(&json!({"password": PASSWORD}))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
        let problem: serde_json::Value = res.json().await.expect("json");
        assert_eq!(problem["code"], "csrf_rejected", "{path}");
    }
    let res = plain
        .delete(b.url(&paths::account_session("ab12")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Nothing happened: still signed in, two-step verification still off.
    let (status, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(security["two_step"], false);
}

/// `name=value` of a new session of the account, for a client without a cookie store.
async fn another_session_cookie(b: &TestBackend) -> String {
    let (_, headers, _) = sign_in(&b.browser(), b, EMAIL, PASSWORD).await;
    let set = support::two_step::set_cookie(&headers, "topocloud_session");
    set.split(';').next().expect("pair").to_owned()
}

#[tokio::test]
async fn the_security_page_says_what_is_on() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (status, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(security["has_password"], true);
    assert_eq!(security["two_step"], false);
    assert_eq!(security["recovery_codes_left"], 0);
    assert_eq!(security["two_step_required"], false);
    let recent = security["recent_sign_in_for"].as_i64().expect("n");
    assert!((598..=600).contains(&recent), "{recent}");
    enable(&c, &b).await;
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(security["two_step"], true);
    assert_eq!(security["recovery_codes_left"], 10);
}

#[tokio::test]
async fn after_ten_minutes_changes_need_the_password_again() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    b.state.clock.advance(601);
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(security["recent_sign_in_for"], 0);
    let (status, _, problem) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "reauthentication_required");
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_SESSIONS_END_OTHERS, json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "reauthentication_required");

    let wrong = json!({"password": "Niet-het-wachtwoord"});
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, wrong).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "wrong_password");
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, json!({})).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "neither password nor code"
    );
    assert_eq!(problem["code"], "validation_failed");
    let both = json!({"password": PASSWORD, "code": "123456"});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, both).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not both");

    let right = json!({"password": PASSWORD});
    let (status, _, body) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, right).await;
    assert_eq!(
        (status, body),
        (StatusCode::NO_CONTENT, serde_json::Value::Null)
    );
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(security["recent_sign_in_for"], 600);
    let (status, _, _) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_code_reauthenticates_too_but_only_once() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (secret, _) = enable(&c, &b).await;
    b.state.clock.advance(601);
    let now = json!({"code": code(&b, &secret, 0)});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, now.clone()).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, now).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the same code again");
    assert_eq!(problem["code"], "code_invalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_wrong_passwords_are_checked_at_most_five_times() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let guesses = (0..20)
        .map(|i| {
            let body = json!({"password": format!("Fout-wachtwoord-{i}")});
            spawn_post(&c, b.url(paths::ACCOUNT_REAUTHENTICATE), body)
        })
        .collect();
    let all = answers(guesses).await;
    let checked = count(&all, StatusCode::FORBIDDEN);
    let refused = count(&all, StatusCode::TOO_MANY_REQUESTS);
    println!("20 simultaneous wrong re-authentications: {checked} checked, {refused} refused");
    assert_eq!((checked, refused), (5, 15));
    for (status, headers, problem) in &all {
        if *status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(problem["code"], "too_many_attempts");
            assert!(headers.get("retry-after").is_some());
        }
    }
    let right = json!({"password": PASSWORD});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, right).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked for 15 minutes"
    );
    b.state.clock.advance(15 * 60 + 1);
    let right = json!({"password": PASSWORD});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, right).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}
