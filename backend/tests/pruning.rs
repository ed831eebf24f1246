//! Old rows are pruned, moved there with the backend's clock: expired sessions, tokens
//! long past their expiry and rate-limit events too old to count. Nothing still in use
//! is touched.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use support::{post, token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};
use topocloud_backend::pruning::{self, Pruned};

fn rows(b: &TestBackend, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    b.state
        .db
        .conn()
        .query_row(&sql, [], |r| r.get(0))
        .expect("count")
}

#[tokio::test]
async fn expired_sessions_old_tokens_and_old_limit_events_are_pruned_and_nothing_else() {
    let b = TestBackend::start().await;
    let old = b.browser();
    let sign_in = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let (status, _, _) = post(&old, &b, "/api/session", sign_in.clone()).await;
    assert_eq!(status, StatusCode::OK);
    post(
        &old,
        &b,
        "/api/password-resets",
        json!({"email": DEMO_EMAIL}),
    )
    .await;
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    let wrong = json!({"email": "nobody@topocloud.test", "password": "Wrong-password-1"});
    post(&old, &b, "/api/session", wrong).await;
    assert_eq!(pruning::prune(&b.state).expect("prune"), Pruned::default());

    // Past the browser session (12 hours), the reset link's hour and every limit window,
    // but not yet past the month an expired link is remembered.
    b.state.clock.advance(13 * 3600);
    let current = b.browser();
    let (status, _, _) = post(&current, &b, "/api/session", sign_in).await;
    assert_eq!(status, StatusCode::OK);
    let pruned = pruning::prune(&b.state).expect("prune");
    assert_eq!(pruned.sessions, 1, "the expired session");
    assert_eq!(
        pruned.tokens, 0,
        "an expired link is still explained as expired"
    );
    // The reset request's two events and the failed sign-in's address (the sign-in
    // just now already dropped the old attempts of its own client bucket).
    assert_eq!(pruned.rate_events, 3, "{pruned:?}");
    assert_eq!(rows(&b, "rate_events"), 1);
    let (status, _, problem) = post(
        &old,
        &b,
        "/api/password-resets/lookup",
        json!({"token": token}),
    )
    .await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "token_expired");
    let me = current
        .get(b.url("/api/session"))
        .send()
        .await
        .expect("lookup");
    assert_eq!(me.status(), StatusCode::OK, "a live session is kept");

    b.state.clock.advance(31 * 24 * 3600);
    let pruned = pruning::prune(&b.state).expect("prune");
    assert_eq!(pruned.tokens, 1, "the link a month after it expired");
    assert_eq!(rows(&b, "tokens"), 0);
}

#[tokio::test]
async fn the_backend_prunes_by_itself_once_started() {
    let b = TestBackend::start().await;
    let (status, _, _) = post(
        &b.browser(),
        &b,
        "/api/session",
        json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    b.state.clock.advance(13 * 3600);
    assert_eq!(rows(&b, "sessions"), 1);
    let task = pruning::start(b.state.clone());
    // The first pass runs at once; wait for it rather than for a fixed time.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while rows(&b, "sessions") > 0 {
        assert!(std::time::Instant::now() < deadline, "never pruned");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    task.abort();
}

#[tokio::test]
async fn expired_challenges_key_setups_and_trusted_devices_are_pruned() {
    use support::two_step::{account_with_two_step, code, sign_in, start_of_step, PASSWORD};
    use topocloud_contract::paths;
    let b = TestBackend::start().await;
    let c = b.browser();
    let (secret, _) = account_with_two_step(&c, &b, "eva@zuid.test").await;
    start_of_step(&b);
    sign_in(&c, &b, "eva@zuid.test", PASSWORD).await;
    let trust = json!({"code": code(&b, &secret, 0), "trust_device": true});
    let (status, _, _) = post(&c, &b, paths::SECOND_STEP, trust).await;
    assert_eq!(status, StatusCode::OK);
    // A key being set up (the demo account), and a challenge left half-way.
    let demo = b.browser();
    let sign_in_demo = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    post(&demo, &b, paths::SESSION, sign_in_demo).await;
    let (status, _, _) = post(&demo, &b, paths::TWO_STEP_SETUP, serde_json::Value::Null).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = sign_in(&b.browser(), &b, "eva@zuid.test", PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let now = pruning::prune(&b.state).expect("prune");
    assert_eq!(
        (now.challenges, now.totp_setups, now.trusted_devices),
        (0, 0, 0),
        "all still alive"
    );

    b.state.clock.advance(11 * 60);
    let pruned = pruning::prune(&b.state).expect("prune");
    assert_eq!(
        (pruned.challenges, pruned.totp_setups),
        (1, 1),
        "{pruned:?}"
    );
    assert_eq!(pruned.trusted_devices, 0, "trust lasts 30 days");
    b.state.clock.advance(30 * 24 * 3600);
    assert_eq!(pruning::prune(&b.state).expect("prune").trusted_devices, 1);
    assert_eq!(rows(&b, "trusted_devices"), 0);
}
