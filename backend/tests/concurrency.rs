//! Promises that must hold when requests arrive at the same moment, tried as an attacker
//! would: many requests sent at once to one backend over real HTTP and SQLite. Workers
//! are real threads, so requests truly overlap, as in `main.rs`.

mod support;
#[path = "concurrency/two_backends.rs"]
mod two_backends;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::race::{answers, count, spawn_post};
use support::{post, token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

pub fn registration(email: &str) -> Value {
    json!({
        "name": "Jan de Vries",
        "email": email,
        "password": "Meetlat-en-theodoliet",
        "organisation": "Landmeetkunde De Vries",
        "accept_terms": true,
        "locale": "nl"
    })
}

fn count_rows(b: &TestBackend, sql: &str) -> i64 {
    b.state
        .db
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_wrong_passwords_for_one_address_are_checked_at_most_five_times() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let guesses = (0..30)
        .map(|i| {
            let body = json!({"email": DEMO_EMAIL, "password": format!("Wrong-password-{i}")});
            spawn_post(&c, b.url("/api/session"), body)
        })
        .collect();
    let all = answers(guesses).await;
    let checked = count(&all, StatusCode::UNAUTHORIZED);
    let refused = count(&all, StatusCode::TOO_MANY_REQUESTS);
    println!("30 simultaneous wrong passwords: {checked} checked (401), {refused} refused (429)");
    assert_eq!(checked, 5, "guesses checked against the password");
    assert_eq!(refused, 25, "guesses refused without being checked");
    for (status, headers, problem) in &all {
        if *status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(problem["code"], "too_many_attempts");
            assert!(headers.get("retry-after").is_some());
        }
    }
    let right = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let (status, _, _) = post(&c, &b, "/api/session", right).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked even for the owner"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_email_requests_for_one_address_send_at_most_five_emails() {
    let b = TestBackend::start().await;
    let c = b.browser();
    let requests = (0..20)
        .map(|_| {
            spawn_post(
                &c,
                b.url("/api/password-resets"),
                json!({"email": DEMO_EMAIL}),
            )
        })
        .collect();
    let all = answers(requests).await;
    let accepted = count(&all, StatusCode::ACCEPTED);
    let refused = count(&all, StatusCode::TOO_MANY_REQUESTS);
    println!("20 simultaneous reset requests: {accepted} accepted, {refused} refused");
    assert_eq!((accepted, refused), (5, 15));
    let mails = support::mail_to(&b, DEMO_EMAIL).await;
    assert_eq!(mails.len(), 5, "emails sent to one address within the hour");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_registrations_of_one_address_all_answer_202_and_make_one_account() {
    let b = TestBackend::start().await;
    let addresses: Vec<String> = (0..6).map(|i| format!("jan{i}@devries.test")).collect();
    let mut requests = Vec::new();
    for email in &addresses {
        for _ in 0..4 {
            let c = b.browser();
            requests.push(spawn_post(
                &c,
                b.url("/api/registrations"),
                registration(email),
            ));
        }
    }
    let all = answers(requests).await;
    let statuses: Vec<_> = all.iter().map(|(s, _, _)| s.as_u16()).collect();
    println!("24 registrations (4 per address, at once): {statuses:?}");
    for (status, headers, body) in &all {
        assert_eq!(*status, StatusCode::ACCEPTED, "{body}");
        assert_eq!(*body, Value::Null);
        assert_eq!(headers.get("content-type"), all[0].1.get("content-type"));
    }
    for email in &addresses {
        let sql = format!("SELECT COUNT(*) FROM users WHERE email = '{email}'");
        assert_eq!(count_rows(&b, &sql), 1, "{email}");
    }
    let organisations = count_rows(&b, "SELECT COUNT(*) FROM organisations");
    assert_eq!(
        organisations, 6,
        "one organisation per account, none left over"
    );
}

/// A sign-in that checked the old password just before a reset, and a session lookup
/// at the same moment, must not leave anyone signed in with the old password.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_ins_and_lookups_racing_a_reset_leave_no_session_behind() {
    let b = TestBackend::start().await;
    let mut password = DEMO_PASSWORD.to_owned();
    let mut survivors = 0;
    for round in 0..4 {
        let sign_in = json!({"email": DEMO_EMAIL, "password": password});
        let elsewhere = b.browser();
        let (status, _, _) = post(&elsewhere, &b, "/api/session", sign_in.clone()).await;
        assert_eq!(status, StatusCode::OK, "round {round}");
        post(
            &b.browser(),
            &b,
            "/api/password-resets",
            json!({"email": DEMO_EMAIL}),
        )
        .await;
        let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
        let new_password = format!("Meetlat-en-theodoliet-{round}");

        let reset = spawn_post(
            &b.browser(),
            b.url("/api/password-resets/complete"),
            json!({"token": token, "password": new_password}),
        );
        let browsers: Vec<_> = (0..4).map(|_| b.browser()).collect();
        let sign_ins: Vec<_> = browsers
            .iter()
            .map(|c| spawn_post(c, b.url("/api/session"), sign_in.clone()))
            .collect();
        let lookups: Vec<_> = (0..4)
            .map(|_| {
                let (c, url) = (elsewhere.clone(), b.url("/api/session"));
                tokio::spawn(async move { c.get(url).send().await.expect("lookup").status() })
            })
            .collect();
        let (status, _, body) = reset.await.expect("reset");
        assert_eq!(status, StatusCode::OK, "round {round}: {body}");
        answers(sign_ins).await;
        for lookup in lookups {
            let status = lookup.await.expect("lookup");
            assert!(matches!(status.as_u16(), 200 | 401), "{status}");
        }
        for c in browsers.iter().chain([&elsewhere]) {
            let res = c.get(b.url("/api/session")).send().await.expect("lookup");
            if res.status() != StatusCode::UNAUTHORIZED {
                survivors += 1;
            }
        }
        password = new_password;
        // Failed sign-ins of this round must not lock the next round's first one.
        b.state.clock.advance(15 * 60 + 1);
    }
    println!("sessions signed in with the old password that survived the reset: {survivors}");
    assert_eq!(survivors, 0);
}
