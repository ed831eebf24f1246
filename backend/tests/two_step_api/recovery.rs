//! Recovery codes at the second step: each works once, also when sent at the same moment.

use crate::support::race::{answers, count, spawn_post};
use crate::support::two_step::{account_with_two_step, get, sign_in, PASSWORD};
use crate::support::{mail_to, post, TestBackend};
use crate::EMAIL;
use reqwest::StatusCode;
use serde_json::json;
use topocloud_contract::paths;

#[tokio::test]
async fn a_recovery_code_signs_in_once_and_the_owner_is_told() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (_, codes) = account_with_two_step(&c, &b, EMAIL).await;
    assert_eq!(codes.len(), 10);

    sign_in(&c, &b, EMAIL, PASSWORD).await;
    // Typed in capitals and without the dash, as people copy them from paper.
    let typed = codes[0].to_uppercase().replace('-', "");
    let body = json!({"code": typed, "recovery": true});
    let (status, _, info) = post(&c, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::OK, "{info}");
    let (status, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(security["recovery_codes_left"], 9);

    let mail = &mail_to(&b, EMAIL).await[0];
    assert_eq!(mail["kind"], "recovery_code_used");
    let text = mail["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("nog 9 ongebruikte"),
        "says how many are left: {text}"
    );
    assert!(!text.contains(&codes[0]), "never the code itself");

    let again = b.browser();
    sign_in(&again, &b, EMAIL, PASSWORD).await;
    let body = json!({"code": codes[0], "recovery": true});
    let (status, _, problem) = post(&again, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "used already");
    assert_eq!(problem["code"], "code_invalid");
    // A recovery code is no app code, and an app code no recovery code.
    let body = json!({"code": codes[1], "recovery": false});
    let (status, _, _) = post(&again, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_recovery_code_sent_from_five_browsers_at_once_signs_in_one() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let (_, codes) = account_with_two_step(&c, &b, EMAIL).await;
    let mut browsers = Vec::new();
    for _ in 0..5 {
        let browser = b.browser();
        let (status, _, _) = sign_in(&browser, &b, EMAIL, PASSWORD).await;
        assert_eq!(status, StatusCode::ACCEPTED);
        browsers.push(browser);
    }
    let body = json!({"code": codes[3], "recovery": true});
    let requests = browsers
        .iter()
        .map(|browser| spawn_post(browser, b.url(paths::SECOND_STEP), body.clone()))
        .collect();
    let all = answers(requests).await;
    let statuses: Vec<u16> = all.iter().map(|(s, _, _)| s.as_u16()).collect();
    println!("one recovery code from 5 browsers at once: {statuses:?}");
    assert_eq!(count(&all, StatusCode::OK), 1, "{statuses:?}");
    assert_eq!(count(&all, StatusCode::UNAUTHORIZED), 4, "{statuses:?}");
    let used: i64 = b
        .state
        .db
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(used, 1);
}
