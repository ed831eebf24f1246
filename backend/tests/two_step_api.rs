//! The second sign-in step over real HTTP against a real SQLite file: the challenge after
//! a right password, codes from the authenticator app (once each, one step of drift),
//! recovery codes, trusted devices, and enrolment when the organisation requires it.

#[path = "two_step_api/enrolment.rs"]
mod enrolment;
#[path = "two_step_api/recovery.rs"]
mod recovery;
mod support;
#[path = "two_step_api/trusted.rs"]
mod trusted;

use reqwest::StatusCode;
use serde_json::json;
use support::two_step::{
    account_with_two_step, code, get, set_cookie, set_cookies, sign_in, start_of_step, PASSWORD,
};
use support::{post, TestBackend};
use topocloud_contract::paths;

const EMAIL: &str = "eva@zuid.test";

#[tokio::test]
async fn a_right_password_asks_for_the_code_and_starts_no_session() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    let before: i64 = session_rows(&b);

    let (status, headers, body) = sign_in(&c, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body, json!({"second_step": "code"}));
    let cookie = set_cookie(&headers, "topocloud_challenge");
    for part in [
        "HttpOnly",
        "SameSite=Lax",
        "Path=/api/session/second-step",
        "Max-Age=300",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let value = cookie
        .split(';')
        .next()
        .and_then(|p| p.split_once('='))
        .map(|(_, v)| v.to_owned())
        .expect("value");
    assert_eq!(value.len(), 64, "32 random bytes in hex");
    assert!(
        !set_cookies(&headers)
            .iter()
            .any(|c| c.starts_with("topocloud_session=")),
        "no session cookie before the second step"
    );
    assert_eq!(session_rows(&b), before, "no session row either");
    let stored: i64 = b
        .state
        .db
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM sign_in_challenges WHERE hash = ?1",
            [&value],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 0, "only a hash of the challenge is stored");

    let (status, problem) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "not_signed_in");
    let (status, state) = get(&c, &b, paths::SECOND_STEP).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(state["kind"], "code");
    assert!(
        (290..=300).contains(&state["expires_in"].as_i64().expect("n")),
        "{state}"
    );

    start_of_step(&b);
    let right = json!({"code": code(&b, &secret, 0)});
    let (status, headers, info) = post(&c, &b, paths::SECOND_STEP, right).await;
    assert_eq!(status, StatusCode::OK, "{info}");
    assert_eq!(info["email"], EMAIL);
    assert!(set_cookie(&headers, "topocloud_session").contains("HttpOnly"));
    assert!(set_cookie(&headers, "topocloud_challenge").contains("Max-Age=0"));
    let (status, me) = get(&c, &b, paths::SESSION).await;
    assert_eq!((status, &me["email"]), (StatusCode::OK, &json!(EMAIL)));
    let (status, problem) = get(&c, &b, paths::SECOND_STEP).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the challenge is used up");
    assert_eq!(problem["code"], "challenge_expired");
}

fn session_rows(b: &TestBackend) -> i64 {
    b.state
        .db
        .conn()
        .query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
        .expect("count")
}

#[tokio::test]
async fn a_code_works_once_even_within_its_thirty_seconds() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    let now = code(&b, &secret, 0);

    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let (status, _, _) = post(&c, &b, paths::SECOND_STEP, json!({"code": now})).await;
    assert_eq!(status, StatusCode::OK);

    // Someone who watched the code being typed, signing in elsewhere at once.
    let other = b.browser();
    let (status, _, _) = sign_in(&other, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, _, problem) = post(&other, &b, paths::SECOND_STEP, json!({"code": now})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "code_invalid");
    // The code before it is older than the one used: refused too.
    let older = json!({"code": code(&b, &secret, -1)});
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, older).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The next code, once its step has come, works.
    b.state.clock.advance(30);
    let next = json!({"code": code(&b, &secret, 0)});
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, next).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_previous_code_is_accepted_but_nothing_older_or_newer() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    for steps in [-2, 1, 2] {
        let typed = json!({"code": code(&b, &secret, steps)});
        let (status, _, problem) = post(&c, &b, paths::SECOND_STEP, typed).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{steps} steps away");
        assert_eq!(problem["code"], "code_invalid");
    }
    let previous = code(&b, &secret, -1);
    let spaced = format!("{} {}", &previous[..3], &previous[3..]);
    let (status, _, _) = post(&c, &b, paths::SECOND_STEP, json!({"code": spaced})).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "one step behind, typed with a space"
    );
}

#[tokio::test]
async fn five_wrong_codes_lock_the_account_with_retry_after() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let right = code(&b, &secret, 0);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for _ in 0..5 {
        let (status, _, _) = post(&c, &b, paths::SECOND_STEP, json!({"code": wrong})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, headers, problem) = post(&c, &b, paths::SECOND_STEP, json!({"code": right})).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits"
    );
    assert_eq!(problem["code"], "too_many_attempts");
    let retry: i64 = headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("n");
    assert!((1..=900).contains(&retry), "{retry}");

    // Another browser with the password is locked out of the same account too.
    let other = b.browser();
    sign_in(&other, &b, EMAIL, PASSWORD).await;
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, json!({"code": right})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_expired_or_missing_challenge_goes_back_to_the_password() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    let (status, _, problem) = post(&c, &b, paths::SECOND_STEP, json!({"code": "123456"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no challenge at all");
    assert_eq!(problem["code"], "challenge_expired");

    sign_in(&c, &b, EMAIL, PASSWORD).await;
    b.state.clock.advance(301);
    let (status, problem) = get(&c, &b, paths::SECOND_STEP).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "challenge_expired");
    // A copied cookie is no better than a browser that still sends it.
    let right = json!({"code": code(&b, &secret, 0)});
    let (status, _, problem) = post(&c, &b, paths::SECOND_STEP, right).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "challenge_expired");
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_in_again_ends_the_old_session_of_this_browser() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    start_of_step(&b);
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let right = json!({"code": code(&b, &secret, 0)});
    let (_, headers, _) = post(&c, &b, paths::SECOND_STEP, right).await;
    let old = set_cookie(&headers, "topocloud_session");
    let old = old.split(';').next().expect("pair").to_owned();

    let (status, _, _) = sign_in(&c, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let replay = reqwest::Client::new()
        .get(b.url(paths::SESSION))
        .header("cookie", old)
        .send()
        .await
        .expect("request");
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_second_step_needs_the_csrf_header() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, EMAIL).await;
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let res = c
        .post(b.url(paths::SECOND_STEP))
        .header("x-topocloud-csrf", "0")
        .json(&json!({"code": code(&b, &secret, 0)}))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let problem: serde_json::Value = res.json().await.expect("json");
    assert_eq!(problem["code"], "csrf_rejected");
}
