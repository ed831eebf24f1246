//! Live: every documented operation against a real backend.

use crate::answers::{conforms, raw_client, send, send_with_cookie, Answer};
use crate::json_schema::minimal;
use crate::operations::operations;
use crate::routes::{SSO_CALLBACK, SSO_START};
use crate::spec::spec;
use crate::support::{self, token_from_mail, TestBackend};
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};
use topocloud_contract::{paths, SsoError};

#[tokio::test]
async fn every_documented_operation_is_routed_and_answers_as_documented() {
    let spec = spec();
    // A host name, not an IP address: passkeys are on (openapi_contract/passkey_flows.rs
    // holds the answers of a backend where they are off to the yaml too).
    let b = TestBackend::start_with(|c| c.public_url = "http://localhost:8080".to_owned()).await;
    for (method, path, op) in operations(&spec) {
        let body = op
            .pointer("/requestBody/content/application~1json/schema")
            .map(|schema| minimal(&spec, schema));
        let answer = send(&b, &method, &path, body.as_ref(), method != "get").await;
        assert_ne!(
            answer.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        if answer.status == StatusCode::NOT_FOUND {
            assert_ne!(
                answer.json()["code"],
                "not_found",
                "{method} {path} is not routed"
            );
        }
        conforms(&spec, &method, &path, &answer);
        if method != "get" {
            let refused = send(&b, &method, &path, body.as_ref(), false).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{method} {path}");
            assert_eq!(refused.json()["code"], "csrf_rejected");
            conforms(&spec, &method, &path, &refused);
        }
    }
}

/// The answers fuzzing cannot reach, because they need a token from an email.
#[tokio::test]
async fn the_emailed_token_flows_answer_as_documented() {
    let spec = spec();
    let b = TestBackend::start().await;
    let c = |method: &'static str, path: &'static str, body: Value| {
        let b = &b;
        async move { (method, path, send(b, method, path, Some(&body), true).await) }
    };
    let mut answers = Vec::new();

    // Sign-in, as the demo account.
    answers.push(
        c(
            "post",
            paths::SESSION,
            json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD, "remember": true}),
        )
        .await,
    );

    // Password reset.
    answers.push(c("post", paths::PASSWORD_RESETS, json!({"email": DEMO_EMAIL})).await);
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    answers.push(
        c(
            "post",
            paths::PASSWORD_RESETS_LOOKUP,
            json!({ "token": token }),
        )
        .await,
    );
    let weak = json!({"token": token, "password": "short"});
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, weak).await);
    let strong = json!({"token": token, "password": "Meetlat-en-theodoliet"});
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, strong.clone()).await);
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, strong).await);

    // Registration and email verification.
    let registration = json!({"name": "Jan de Vries", "email": "jan@landmeetkunde.test",
        "password": "Meetlat-en-theodoliet", "organisation": "De Vries", "accept_terms": true});
    answers.push(c("post", paths::REGISTRATIONS, registration).await);
    let email = json!({"email": "jan@landmeetkunde.test", "password": "Meetlat-en-theodoliet"});
    answers.push(c("post", paths::SESSION, email).await);
    let resend = json!({"email": "jan@landmeetkunde.test", "locale": "en"});
    answers.push(c("post", paths::EMAIL_VERIFICATIONS_RESEND, resend).await);
    let token = token_from_mail(&b, "jan@landmeetkunde.test", "/users/verify-email").await;
    answers.push(
        c(
            "post",
            paths::EMAIL_VERIFICATIONS,
            json!({ "token": token }),
        )
        .await,
    );
    answers.push(
        c(
            "post",
            paths::EMAIL_VERIFICATIONS,
            json!({ "token": token }),
        )
        .await,
    );

    // An invitation.
    let invite = json!({"email": "eva@zuid.test", "organisation": "Bureau Zuid",
        "account_type": "main", "inviter": "Piet Bakker"});
    let (status, _, _) =
        support::post(&reqwest::Client::new(), &b, "/dev/api/invitations", invite).await;
    assert_eq!(status, StatusCode::CREATED);
    let token = token_from_mail(&b, "eva@zuid.test", "/users/invitation").await;
    answers.push(c("post", paths::INVITATIONS_LOOKUP, json!({ "token": token })).await);
    let accept = json!({"token": token, "name": "Eva Jansen", "password": "Meetlat-en-theodoliet"});
    // From a browser signed in as someone else: the 409 names that account.
    // (The reset above gave the demo account this password.)
    let demo = json!({"email": DEMO_EMAIL, "password": "Meetlat-en-theodoliet", "remember": false});
    let signed_in = send(&b, "post", paths::SESSION, Some(&demo), true).await;
    let cookie = session_cookie(&signed_in);
    let other = send_with_cookie(
        &b,
        "post",
        paths::INVITATIONS_ACCEPT,
        Some(&accept),
        true,
        Some(&cookie),
    )
    .await;
    assert_eq!(
        other.json()["email"],
        DEMO_EMAIL,
        "the 409 names the signed-in account"
    );
    answers.push(("post", paths::INVITATIONS_ACCEPT, other));
    answers.push(c("post", paths::INVITATIONS_ACCEPT, accept.clone()).await);
    answers.push(c("post", paths::INVITATIONS_LOOKUP, json!({ "token": token })).await);
    answers.push(c("post", paths::INVITATIONS_ACCEPT, accept).await);

    // Too many failed sign-ins.
    for _ in 0..6 {
        let wrong = json!({"email": "nobody@topocloud.test", "password": "wrong"});
        answers.push(c("post", paths::SESSION, wrong).await);
    }

    let statuses: Vec<(&str, u16)> = answers
        .iter()
        .map(|(_, path, a)| (*path, a.status.as_u16()))
        .collect();
    assert_eq!(
        statuses,
        vec![
            (paths::SESSION, 200),
            (paths::PASSWORD_RESETS, 202),
            (paths::PASSWORD_RESETS_LOOKUP, 200),
            (paths::PASSWORD_RESETS_COMPLETE, 422),
            (paths::PASSWORD_RESETS_COMPLETE, 200),
            (paths::PASSWORD_RESETS_COMPLETE, 410),
            (paths::REGISTRATIONS, 202),
            (paths::SESSION, 403),
            (paths::EMAIL_VERIFICATIONS_RESEND, 202),
            (paths::EMAIL_VERIFICATIONS, 200),
            (paths::EMAIL_VERIFICATIONS, 410),
            (paths::INVITATIONS_LOOKUP, 200),
            (paths::INVITATIONS_ACCEPT, 409),
            (paths::INVITATIONS_ACCEPT, 200),
            (paths::INVITATIONS_LOOKUP, 410),
            (paths::INVITATIONS_ACCEPT, 410),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 429),
        ],
        "the flows went differently than this test expects"
    );
    for (method, path, answer) in &answers {
        conforms(&spec, method, path, answer);
    }
}

/// What a browser or an attacker can put in an SSO URL or cookie still gets a documented
/// answer (a 303 to the login page), never a plain-text 400 or a dropped connection.
#[tokio::test]
async fn hostile_sso_input_still_answers_as_documented() {
    let spec = spec();
    let b = TestBackend::start().await;
    let client = raw_client();
    // Not UTF-8 once percent-decoded.
    for path in [SSO_START, SSO_CALLBACK] {
        let url = b.url(&path.replace("{provider}", "%FF"));
        let res = client.get(url).send().await.expect("request");
        let answer = Answer {
            status: res.status(),
            headers: res.headers().clone(),
            body: res.bytes().await.expect("body").to_vec(),
        };
        conforms(&spec, "get", path, &answer);
        assert_eq!(
            answer.headers["location"],
            SsoError::UnknownProvider.login_location().as_str()
        );
    }
    // A flow cookie whose start time is as far in the past as an i64 goes.
    for issued_at in [i64::MIN, i64::MAX] {
        let url = b.url("/api/sso/microsoft/callback?state=ab&code=cd");
        let res = client
            .get(url)
            .header("cookie", format!("topocloud_sso={issued_at}.ab.cd."))
            .send()
            .await
            .expect("the backend answers");
        let answer = Answer {
            status: res.status(),
            headers: res.headers().clone(),
            body: res.bytes().await.expect("body").to_vec(),
        };
        conforms(&spec, "get", SSO_CALLBACK, &answer);
        assert_eq!(
            answer.headers["location"],
            SsoError::StateMismatch.login_location().as_str()
        );
    }
}

/// `name=value` of the session cookie a sign-in set.
fn session_cookie(answer: &Answer) -> String {
    let set = answer
        .headers
        .get(reqwest::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("the sign-in sets the session cookie");
    set.split(';').next().unwrap_or_default().to_owned()
}
