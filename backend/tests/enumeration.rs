//! Account enumeration: for sign-in, registration, password-reset and resend requests, a
//! known and an unknown address get the same status, headers and body, and take as long.
//!
//! Over real HTTP and a real SQLite file. Each pair of tries is interleaved (known then
//! unknown, then unknown then known) so load from anything else on the machine falls on
//! both alike, and the first tries are a warm-up that is not measured. Before each try
//! the mail queue is drained, so every request meets an idle backend (the email to a
//! known address is written after its answer, see `mail::queue`), and only one of these
//! tests measures at a time. The medians of 50 tries each must differ by less than 20 %;
//! when they do not, up to 150 more tries each are pooled in (see [`assert_alike`]).

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::TestBackend;
use topocloud_backend::accounts::DEMO_EMAIL;

const TRIES: usize = 50;
const WARM_UP: usize = 5;
const MAX_DIFFERENCE: f64 = 0.20;
const ROUNDS: usize = 4;
/// Longer than every per-address window (15 minutes for sign-in, 1 hour for emails):
/// moved on before each pair so 50 tries at one address never meet a `429`.
const PAST_EVERY_WINDOW: i64 = 3601;

/// What a client can observe of one answer, apart from its timing.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: StatusCode,
    content_type: Option<String>,
    sets_cookie: bool,
    retry_after: Option<String>,
    body: Vec<u8>,
}

async fn timed(client: &reqwest::Client, url: &str, body: &Value) -> (Answer, Duration) {
    let started = Instant::now();
    let res = client.post(url).json(body).send().await.expect("request");
    let headers = res.headers().clone();
    let status = res.status();
    let body = res.bytes().await.expect("body").to_vec();
    let elapsed = started.elapsed();
    let header = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().expect("ascii header").to_owned())
    };
    let answer = Answer {
        status,
        content_type: header("content-type"),
        sets_cookie: headers.contains_key("set-cookie"),
        retry_after: header("retry-after"),
        body,
    };
    (answer, elapsed)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    let mid = times.len() / 2;
    if times.len().is_multiple_of(2) {
        (times[mid - 1] + times[mid]) / 2
    } else {
        times[mid]
    }
}

/// Times of the measured tries (the warm-up left out).
#[derive(Default)]
struct Measured {
    known: Vec<Duration>,
    unknown: Vec<Duration>,
}

impl Measured {
    fn medians(&self) -> (Duration, Duration) {
        (median(self.known.clone()), median(self.unknown.clone()))
    }

    /// The difference of the medians relative to the faster of the two.
    fn difference(&self) -> f64 {
        let (known, unknown) = self.medians();
        let (a, b) = (known.as_secs_f64(), unknown.as_secs_f64());
        (a - b).abs() / a.min(b)
    }
}

/// Sends `known(i)` and `unknown(i)` to `path` `WARM_UP + TRIES` times, interleaved,
/// asserting every answer is the same as `expected`; returns the times of the tries
/// after the warm-up.
async fn measure(
    b: &TestBackend,
    round: usize,
    path: &str,
    expected_status: StatusCode,
    known: impl Fn(usize) -> Value,
    unknown: impl Fn(usize) -> Value,
) -> Measured {
    // One client and one kept-alive connection: no TCP set-up inside the timings.
    let client = b.browser();
    let url = b.url(path);
    let mut known_times = Vec::new();
    let mut unknown_times = Vec::new();
    let mut first: Option<Answer> = None;
    for i in 0..WARM_UP + TRIES {
        b.state.clock.advance(PAST_EVERY_WINDOW);
        let known_first = i % 2 == 0;
        let mut pair = Vec::new();
        for is_known in [known_first, !known_first] {
            let n = round * (WARM_UP + TRIES) + i;
            let body = if is_known { known(n) } else { unknown(n) };
            // The email a known address gets is written after the answer: let it finish,
            // so it does not slow down whichever request comes next.
            b.state.mail_queue.flush().await;
            let (answer, elapsed) = timed(&client, &url, &body).await;
            assert_eq!(answer.status, expected_status, "{path} {body}");
            pair.push((is_known, answer, elapsed));
        }
        for (is_known, answer, elapsed) in pair {
            match &first {
                None => first = Some(answer),
                Some(first) => assert_eq!(
                    &answer, first,
                    "{path}: known and unknown addresses must be indistinguishable"
                ),
            }
            if i >= WARM_UP {
                if is_known {
                    known_times.push(elapsed);
                } else {
                    unknown_times.push(elapsed);
                }
            }
        }
    }
    assert_eq!(known_times.len(), TRIES);
    assert_eq!(unknown_times.len(), TRIES);
    Measured {
        known: known_times,
        unknown: unknown_times,
    }
}

/// Measures [`TRIES`] of each, and while the medians differ by 20 % or more, another
/// [`TRIES`] of each, up to [`ROUNDS`] times, comparing the medians of all tries so far.
/// A real difference in the work done stays in the medians however many tries are
/// pooled; noise from a burst of load elsewhere on a shared machine shrinks.
async fn assert_alike<F, Fut>(what: &str, mut measure_round: F)
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = Measured>,
{
    let mut all = Measured::default();
    for round in 0..ROUNDS {
        let m = measure_round(round).await;
        all.known.extend(m.known);
        all.unknown.extend(m.unknown);
        let (known, unknown) = all.medians();
        println!(
            "{what}, {} tries each: median known {:.2} ms, unknown {:.2} ms, difference {:.1} %",
            all.known.len(),
            known.as_secs_f64() * 1e3,
            unknown.as_secs_f64() * 1e3,
            all.difference() * 100.0
        );
        if all.difference() < MAX_DIFFERENCE {
            return;
        }
    }
    let (known, unknown) = all.medians();
    panic!(
        "{what}: over {} tries each the medians differ by {:.1} % (known {known:?}, unknown {unknown:?})",
        all.known.len(),
        all.difference() * 100.0
    );
}

/// One measurement at a time: three at once would compete for the same two cores.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn backend() -> TestBackend {
    TestBackend::start_with(|c| {
        // One test client sends hundreds of requests: only the per-address limits
        // (cleared by moving the clock) should be in play.
        c.client_sign_in_limit = 100_000;
        c.client_email_limit = 100_000;
    })
    .await
}

#[tokio::test]
async fn sign_in_with_a_wrong_password_and_with_an_unknown_email_take_as_long() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let b = backend().await;
    assert_alike("sign-in", |round| {
        measure(
            &b,
            round,
            "/api/session",
            StatusCode::UNAUTHORIZED,
            |_| json!({"email": DEMO_EMAIL, "password": "Wrong-password-1"}),
            |_| json!({"email": "nobody@topocloud.test", "password": "Wrong-password-1"}),
        )
    })
    .await;
}

#[tokio::test]
async fn registering_a_known_and_a_new_address_take_as_long() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let b = backend().await;
    let body = |email: String| {
        json!({
            "name": "Anne de Vries",
            "email": email,
            "organisation": "Bureau Noord",
            "password": "Een-heel-goed-wachtwoord-2026",
            "accept_terms": true,
            "locale": "nl",
        })
    };
    assert_alike("registration", |round| {
        measure(
            &b,
            round,
            "/api/registrations",
            StatusCode::ACCEPTED,
            |_| body(DEMO_EMAIL.to_owned()),
            |n| body(format!("new{n}@devries.test")),
        )
    })
    .await;
}

#[tokio::test]
async fn reset_requests_for_a_known_and_an_unknown_address_take_as_long() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let b = backend().await;
    assert_alike("password reset request", |round| {
        measure(
            &b,
            round,
            "/api/password-resets",
            StatusCode::ACCEPTED,
            |_| json!({"email": DEMO_EMAIL, "locale": "en"}),
            |_| json!({"email": "nobody@topocloud.test", "locale": "en"}),
        )
    })
    .await;
}

#[tokio::test]
async fn resending_to_an_unconfirmed_and_an_unknown_address_take_as_long() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let b = backend().await;
    let unconfirmed = "unconfirmed@devries.test";
    let (status, _, _) = support::post(
        &b.browser(),
        &b,
        "/api/registrations",
        json!({
            "name": "Anne de Vries",
            "email": unconfirmed,
            "organisation": "Bureau Noord",
            "password": "Een-heel-goed-wachtwoord-2026",
            "accept_terms": true,
        }),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_alike("resend verification", |round| {
        measure(
            &b,
            round,
            "/api/email-verifications/resend",
            StatusCode::ACCEPTED,
            |_| json!({ "email": unconfirmed }),
            |_| json!({"email": "nobody@topocloud.test"}),
        )
    })
    .await;
    // The unconfirmed address really was mailed each time, the unknown one never.
    let mails = support::mail_to(&b, unconfirmed).await;
    assert!(mails.len() > TRIES, "{} emails", mails.len());
    assert!(support::mail_to(&b, "nobody@topocloud.test")
        .await
        .is_empty());
}
