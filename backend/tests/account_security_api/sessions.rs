//! Seeing and ending sessions. An ended session is gone at that browser's next request.

use crate::support::two_step::{account, browser_as, get, sign_in, PASSWORD};
use crate::support::{post, TestBackend};
use crate::{signed_in, EMAIL};
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_contract::paths;

const FIREFOX_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const EDGE_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0";

async fn signed_in_as(b: &TestBackend, agent: &str) -> reqwest::Client {
    let c = browser_as(agent);
    let (status, _, _) = sign_in(&c, b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    c
}

async fn list(c: &reqwest::Client, b: &TestBackend) -> Vec<Value> {
    let (status, body) = get(c, b, paths::ACCOUNT_SESSIONS).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().expect("a list").clone()
}

#[tokio::test]
async fn the_list_puts_this_device_first_then_by_last_use_and_names_browsers() {
    let b = TestBackend::start().await;
    account(&b, EMAIL);
    let phone = signed_in_as(&b, SAFARI_IPHONE).await;
    b.state.clock.advance(120);
    let _laptop = signed_in_as(&b, EDGE_MAC).await;
    b.state.clock.advance(120);
    let desk = signed_in_as(&b, FIREFOX_WINDOWS).await;
    b.state.clock.advance(120);
    // The phone is used again: it moves up among the others.
    get(&phone, &b, paths::SESSION).await;
    // Somebody else's session is not in the list.
    account(&b, "piet@zuid.test");
    sign_in(&b.browser(), &b, "piet@zuid.test", PASSWORD).await;

    let sessions = list(&desk, &b).await;
    let names: Vec<(Value, Value, Value)> = sessions
        .iter()
        .map(|s| {
            (
                s["browser"].clone(),
                s["system"].clone(),
                s["this_device"].clone(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            (json!("Firefox"), json!("Windows"), json!(true)),
            (json!("Safari"), json!("iOS"), json!(false)),
            (json!("Edge"), json!("macOS"), json!(false)),
        ]
    );
    let phone_row = &sessions[1];
    assert!(phone_row["last_used_at"].as_i64() > phone_row["started_at"].as_i64());
    for s in &sessions {
        assert_eq!(
            s["id"].as_str().map(str::len),
            Some(32),
            "16 random bytes in hex"
        );
    }
    let unknown = signed_in_as(&b, "curl/8.5.0").await;
    let sessions = list(&unknown, &b).await;
    assert_eq!(sessions[0]["browser"], Value::Null);
    assert_eq!(sessions[0]["system"], Value::Null);
}

#[tokio::test]
async fn ending_a_session_takes_effect_on_its_next_request() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let other = signed_in_as(&b, SAFARI_IPHONE).await;
    let sessions = list(&c, &b).await;
    let other_id = sessions[1]["id"].as_str().expect("id").to_owned();

    let res = c
        .delete(b.url(&paths::account_session(&other_id)))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(res.headers().get("set-cookie").is_none(), "this one stays");
    let (status, problem) = get(&other, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "at once");
    assert_eq!(problem["code"], "not_signed_in");
    assert_eq!(list(&c, &b).await.len(), 1);

    let res = c
        .delete(b.url(&paths::account_session(&other_id)))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "gone already");
}

#[tokio::test]
async fn another_accounts_session_cannot_be_seen_or_ended() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    account(&b, "piet@zuid.test");
    let piet = b.browser();
    sign_in(&piet, &b, "piet@zuid.test", PASSWORD).await;
    let piets = list(&piet, &b).await;
    let piets_id = piets[0]["id"].as_str().expect("id").to_owned();
    assert!(!list(&c, &b)
        .await
        .iter()
        .any(|s| s["id"] == piets_id.as_str()));

    for id in [piets_id.as_str(), "00000000000000000000000000000000"] {
        let res = c
            .delete(b.url(&paths::account_session(id)))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{id}");
        let problem: Value = res.json().await.expect("json");
        assert_eq!(problem["code"], "not_found");
    }
    let (status, _) = get(&piet, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::OK, "Piet is still signed in");
}

#[tokio::test]
async fn ending_this_devices_session_signs_out() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let id = list(&c, &b).await[0]["id"].as_str().expect("id").to_owned();
    let res = c
        .delete(b.url(&paths::account_session(&id)))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let cleared = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cleared.starts_with("topocloud_session=;") && cleared.contains("Max-Age=0"));
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn end_others_ends_all_but_this_one_and_needs_a_recent_sign_in() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let others = [
        signed_in_as(&b, SAFARI_IPHONE).await,
        signed_in_as(&b, EDGE_MAC).await,
    ];
    b.state.clock.advance(601);
    let id = list(&c, &b).await[1]["id"].as_str().expect("id").to_owned();
    let res = c
        .delete(b.url(&paths::account_session(&id)))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let problem: Value = res.json().await.expect("json");
    assert_eq!(problem["code"], "reauthentication_required");

    let confirm = json!({"password": PASSWORD});
    let (status, _, _) = post(&c, &b, paths::ACCOUNT_REAUTHENTICATE, confirm).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, ended) = post(&c, &b, paths::ACCOUNT_SESSIONS_END_OTHERS, json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ended, json!({"ended": 2}));
    for other in &others {
        let (status, _) = get(other, &b, paths::SESSION).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, ended) = post(&c, &b, paths::ACCOUNT_SESSIONS_END_OTHERS, json!(null)).await;
    assert_eq!(ended, json!({"ended": 0}));
}

#[tokio::test]
async fn last_use_is_written_at_most_once_a_minute() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let started = list(&c, &b).await[0]["last_used_at"].as_i64().expect("n");
    b.state.clock.advance(30);
    assert_eq!(
        list(&c, &b).await[0]["last_used_at"].as_i64(),
        Some(started)
    );
    b.state.clock.advance(31);
    let later = list(&c, &b).await[0]["last_used_at"].as_i64().expect("n");
    assert!(later >= started + 61, "{started} -> {later}");
}
