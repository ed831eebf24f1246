//! An organisation that requires two-step verification: its members without it turn it
//! on during sign-in, before they get a session.

use crate::support::two_step::{account, code, get, set_cookie, sign_in, start_of_step, PASSWORD};
use crate::support::{mail_to, post, TestBackend};
use crate::EMAIL;
use reqwest::StatusCode;
use serde_json::json;
use topocloud_contract::paths;

async fn require(b: &TestBackend, email: &str, required: bool) {
    let body = json!({"email": email, "required": required});
    let (status, _, set) = post(
        &reqwest::Client::new(),
        b,
        "/dev/api/organisations/two-step",
        body,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{set}");
    assert_eq!(set["required"], required);
}

#[tokio::test]
async fn a_required_organisation_makes_its_members_enrol_before_signing_in() {
    let b = TestBackend::start().await;
    account(&b, EMAIL);
    require(&b, EMAIL, true).await;
    let c = b.browser();

    let (status, headers, body) = sign_in(&c, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(body, json!({"second_step": "enrol"}));
    assert!(set_cookie(&headers, "topocloud_challenge").contains("Path=/api/session/second-step"));
    let (status, state) = get(&c, &b, paths::SECOND_STEP).await;
    assert_eq!((status, &state["kind"]), (StatusCode::OK, &json!("enrol")));
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The code endpoint is not for an enrol challenge.
    let (status, _, problem) = post(&c, &b, paths::SECOND_STEP, json!({"code": "123456"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "challenge_expired");

    let (status, _, setup) = post(&c, &b, paths::SECOND_STEP_ENROLMENT, json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    assert!(setup["otpauth_uri"]
        .as_str()
        .expect("uri")
        .starts_with("otpauth://totp/TopoCloud:eva%40zuid.test?secret="));
    start_of_step(&b);
    let wrong = json!({"code": code(&b, &secret, 3)});
    let (status, _, problem) = post(&c, &b, paths::SECOND_STEP_ENROLMENT_CONFIRM, wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "code_invalid");

    let right = json!({"code": code(&b, &secret, 0)});
    let (status, headers, enrolled) =
        post(&c, &b, paths::SECOND_STEP_ENROLMENT_CONFIRM, right.clone()).await;
    assert_eq!(status, StatusCode::OK, "{enrolled}");
    assert_eq!(enrolled["session"]["email"], EMAIL);
    assert_eq!(
        enrolled["recovery_codes"].as_array().map(Vec::len),
        Some(10)
    );
    assert!(set_cookie(&headers, "topocloud_session").contains("HttpOnly"));
    let (status, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(security["two_step"], true);
    assert_eq!(security["two_step_required"], true);
    assert_eq!(mail_to(&b, EMAIL).await[0]["kind"], "two_step_enabled");

    // From now on a code, as for anyone with two-step verification; the confirming code
    // itself does not sign in a second time.
    let other = b.browser();
    let (status, _, body) = sign_in(&other, &b, EMAIL, PASSWORD).await;
    assert_eq!(
        (status, body),
        (StatusCode::ACCEPTED, json!({"second_step": "code"}))
    );
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, right).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // And it cannot be turned off while the organisation requires it.
    let off = json!({"password": PASSWORD});
    let (status, _, problem) = post(&c, &b, paths::TWO_STEP_DISABLE, off.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["code"], "two_step_required");
    require(&b, EMAIL, false).await;
    let (status, _, _) = post(&c, &b, paths::TWO_STEP_DISABLE, off).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn enrolment_needs_its_own_challenge_and_a_key_first() {
    let b = TestBackend::start().await;
    account(&b, EMAIL);
    let c = b.browser();
    let (status, _, problem) = post(&c, &b, paths::SECOND_STEP_ENROLMENT, json!(null)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no challenge");
    assert_eq!(problem["code"], "challenge_expired");

    require(&b, EMAIL, true).await;
    sign_in(&c, &b, EMAIL, PASSWORD).await;
    let (status, _, problem) = post(
        &c,
        &b,
        paths::SECOND_STEP_ENROLMENT_CONFIRM,
        json!({"code": "123456"}),
    )
    .await;
    assert_eq!(status, StatusCode::GONE, "no key was set up yet");
    assert_eq!(problem["code"], "setup_expired");
    let (status, _, _) = post(&c, &b, paths::SECOND_STEP_ENROLMENT, json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    b.state.clock.advance(601);
    let (status, _, problem) = post(
        &c,
        &b,
        paths::SECOND_STEP_ENROLMENT_CONFIRM,
        json!({"code": "123456"}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the enrol challenge lasts 10 minutes"
    );
    assert_eq!(problem["code"], "challenge_expired");
}

#[tokio::test]
async fn the_dev_endpoint_refuses_unknown_accounts() {
    let b = TestBackend::start().await;
    let body = json!({"email": "nobody@zuid.test", "required": true});
    let (status, _, problem) = post(
        &reqwest::Client::new(),
        &b,
        "/dev/api/organisations/two-step",
        body,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["code"], "not_found");
    let res = reqwest::get(b.url("/dev/api/clock")).await.expect("clock");
    let clock: serde_json::Value = res.json().await.expect("json");
    let now = clock["now"].as_i64().expect("now");
    assert!((now - b.state.clock.now()).abs() <= 1, "{clock}");
}

#[tokio::test]
async fn accepting_an_invitation_of_such_an_organisation_enrols_before_any_session() {
    let b = TestBackend::start().await;
    let invited = "eva@zuid.test";
    let body = json!({"email": invited, "organisation": "Bureau Zuid", "account_type": "main",
                      "name": "Eva Jansen", "inviter": "Piet Bakker"});
    let (status, _, _) = post(&reqwest::Client::new(), &b, "/dev/api/invitations", body).await;
    assert_eq!(status, StatusCode::CREATED);
    require(&b, invited, true).await;
    let token = crate::support::token_from_mail(&b, invited, "/users/invitation").await;

    let c = b.browser();
    let accept = json!({"token": token, "name": "Eva Jansen", "password": PASSWORD});
    let (status, headers, body) = post(&c, &b, paths::INVITATIONS_ACCEPT, accept).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body, json!({"second_step": "enrol"}));
    assert!(set_cookie(&headers, "topocloud_challenge").contains("HttpOnly"));
    let cookies = crate::support::two_step::set_cookies(&headers);
    assert!(
        !cookies.iter().any(|c| c.starts_with("topocloud_session=")),
        "{cookies:?}"
    );
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, state) = get(&c, &b, paths::SECOND_STEP).await;
    assert_eq!((status, &state["kind"]), (StatusCode::OK, &json!("enrol")));
}
