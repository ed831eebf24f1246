//! One-time links used at the same moment through two backends on one SQLite file (two
//! instances of one deployment): only the SQL can make a link single-use there, because
//! each backend has its own connection and lock. The first use is held inside its write
//! ([`Gate`]) until the other uses are waiting for it, then all go on at once.

use crate::registration;
use crate::support::race::{answers, count, report_lock_waits, spawn_post, wait_for_lock_wait};
use crate::support::race::{Answer, Gate};
use crate::support::{post, token_from_mail, TestBackend};
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_backend::accounts::DEMO_EMAIL;

const OTHERS: usize = 5;

/// Uses one link once through `first` (held mid-write) and [`OTHERS`] times through
/// `second` while the first is held; every answer, the first one first.
async fn use_at_once<const SLOT: usize>(
    first: &TestBackend,
    second: &TestBackend,
    path: &str,
    body: impl Fn(usize) -> Value,
) -> Vec<Answer> {
    report_lock_waits::<SLOT>(&second.state);
    let gate = Gate::hold_first(
        &first.state,
        "UPDATE OF used_at ON tokens WHEN OLD.used_at IS NULL",
    );
    let mut requests = vec![spawn_post(&first.browser(), first.url(path), body(0))];
    gate.wait_reached();
    for i in 1..=OTHERS {
        requests.push(spawn_post(&second.browser(), second.url(path), body(i)));
    }
    wait_for_lock_wait::<SLOT>();
    gate.open();
    answers(requests).await
}

fn assert_one_use(all: &[Answer], used_code: &str) {
    let statuses: Vec<_> = all.iter().map(|(s, _, _)| s.as_u16()).collect();
    println!("{} simultaneous uses of one link: {statuses:?}", all.len());
    assert_eq!(count(all, StatusCode::OK), 1, "uses that succeeded");
    for (status, _, problem) in all.iter().filter(|(s, _, _)| *s != StatusCode::OK) {
        assert_eq!(*status, StatusCode::GONE, "{problem}");
        assert_eq!(problem["code"], used_code);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn a_verification_link_used_at_once_on_two_backends_confirms_once() {
    let first = TestBackend::start().await;
    let second = first.sharing().await;
    let email = "gelijk@devries.test";
    let (status, _, _) = post(
        &first.browser(),
        &first,
        "/api/registrations",
        registration(email),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let token = token_from_mail(&first, email, "/users/verify-email").await;
    let all = use_at_once::<0>(
        &first,
        &second,
        "/api/email-verifications",
        |_| json!({"token": token}),
    )
    .await;
    assert_one_use(&all, "token_used");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn a_reset_link_used_at_once_on_two_backends_sets_one_password() {
    let first = TestBackend::start().await;
    let second = first.sharing().await;
    post(
        &first.browser(),
        &first,
        "/api/password-resets",
        json!({"email": DEMO_EMAIL}),
    )
    .await;
    let token = token_from_mail(&first, DEMO_EMAIL, "/users/reset-password").await;
    let password = |i: usize| format!("Meetlat-en-theodoliet-{i}");
    let all = use_at_once::<1>(
        &first,
        &second,
        "/api/password-resets/complete",
        |i| json!({"token": token, "password": password(i)}),
    )
    .await;
    assert_one_use(&all, "token_used");
    // Only the password of the use that succeeded is the account's password now.
    let winner = all.iter().position(|(s, _, _)| *s == StatusCode::OK);
    for i in 0..=OTHERS {
        let sign_in = json!({"email": DEMO_EMAIL, "password": password(i)});
        let (status, _, _) = post(&first.browser(), &first, "/api/session", sign_in).await;
        let expected = if Some(i) == winner { 200 } else { 401 };
        assert_eq!(status.as_u16(), expected, "password {i}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn an_invitation_accepted_at_once_on_two_backends_is_accepted_once() {
    let first = TestBackend::start().await;
    let second = first.sharing().await;
    let email = "eva@zuid.test";
    let invite = json!({"email": email, "organisation": "Bureau Zuid", "account_type": "main",
                        "name": "Eva Jansen", "inviter": "Piet Bakker"});
    let (status, _, _) = post(
        &reqwest::Client::new(),
        &first,
        "/dev/api/invitations",
        invite,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let token = token_from_mail(&first, email, "/users/invitation").await;
    let all = use_at_once::<2>(&first, &second, "/api/invitations/accept", |i| {
        json!({"token": token, "name": format!("Eva {i}"), "password": "Meetlat-en-theodoliet"})
    })
    .await;
    assert_one_use(&all, "invitation_used");
}
