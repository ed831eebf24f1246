//! A load generator for the reference backend, over real HTTP: `clients` concurrent
//! browsers, each with its own account, cookie jar and forwarded address, sign in, look
//! their session up ten times, sign out and check the session is gone, over and over
//! until the time is up. One password guesser alongside keeps hitting an address it has
//! already locked out with wrong passwords: its `429`s are the intended ones.
//!
//! Used by `backend/tests/load.rs` (a short run in the test suite) and by
//! `backend/examples/load.rs` (`scripts/load.sh`, 30 seconds against a release build).
//! The backend must run in dev mode (accounts are confirmed through its mailbox) with
//! `--trusted-proxy 127.0.0.1`, so each client has its own per-client limits.

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use topocloud_contract::{CSRF_HEADER, CSRF_HEADER_VALUE};

pub const PASSWORD: &str = "Belasting-test-wachtwoord-2026";
const LOOKUPS_PER_SIGN_IN: usize = 10;
/// The guesser's pace: often enough to stay locked out, rarely enough not to be the load.
const GUESS_EVERY: Duration = Duration::from_millis(50);

#[derive(Debug, Default)]
pub struct Report {
    pub clients: usize,
    pub elapsed: Duration,
    /// Every request of the clients (setup excluded), the guesser's too.
    pub requests: u64,
    pub sign_ins: u64,
    pub lookups: u64,
    pub sign_outs: u64,
    /// `429` answers to the password guesser: what the limits are for.
    pub intended_429: u64,
    /// Anything else that was not the expected answer (unexpected `429`s included).
    pub errors: u64,
    /// A lookup in the middle of a session that did not find it (or found another account).
    pub lost_sessions: u64,
    /// The first few errors, for the message.
    pub examples: Vec<String>,
    /// Latencies of every request, in microseconds, sorted.
    latencies_us: Vec<u64>,
    /// The same, of sign-ins only (argon2id) and of session lookups only.
    sign_in_us: Vec<u64>,
    lookup_us: Vec<u64>,
}

impl Report {
    pub fn requests_per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    pub fn percentile(&self, p: f64) -> Duration {
        percentile(&self.latencies_us, p)
    }

    pub fn sign_in_percentile(&self, p: f64) -> Duration {
        percentile(&self.sign_in_us, p)
    }

    pub fn lookup_percentile(&self, p: f64) -> Duration {
        percentile(&self.lookup_us, p)
    }

    pub fn summary(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        format!(
            "{} clients for {:.1} s: {} requests ({:.0} per second; {} sign-ins, {} session \
             lookups, {} sign-outs); latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms \
             (sign-ins p50 {:.1} ms, p99 {:.1} ms; lookups p50 {:.1} ms, p99 {:.1} ms); \
             intended 429s {}; errors {}; lost sessions {}",
            self.clients,
            self.elapsed.as_secs_f64(),
            self.requests,
            self.requests_per_second(),
            self.sign_ins,
            self.lookups,
            self.sign_outs,
            ms(self.percentile(50.0)),
            ms(self.percentile(99.0)),
            ms(self.percentile(100.0)),
            ms(self.sign_in_percentile(50.0)),
            ms(self.sign_in_percentile(99.0)),
            ms(self.lookup_percentile(50.0)),
            ms(self.lookup_percentile(99.0)),
            self.intended_429,
            self.errors,
            self.lost_sessions,
        )
    }

    fn error(&mut self, what: String) {
        self.errors += 1;
        if self.examples.len() < 10 {
            self.examples.push(what);
        }
    }

    fn merge(&mut self, other: Report) {
        self.requests += other.requests;
        self.sign_ins += other.sign_ins;
        self.lookups += other.lookups;
        self.sign_outs += other.sign_outs;
        self.intended_429 += other.intended_429;
        self.errors += other.errors;
        self.lost_sessions += other.lost_sessions;
        for e in other.examples {
            if self.examples.len() < 10 {
                self.examples.push(e);
            }
        }
        self.latencies_us.extend(other.latencies_us);
        self.sign_in_us.extend(other.sign_in_us);
        self.lookup_us.extend(other.lookup_us);
    }
}

/// The `p`th percentile (nearest rank) of sorted microseconds.
fn percentile(sorted_us: &[u64], p: f64) -> Duration {
    if sorted_us.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted_us.len() as f64).ceil() as usize;
    Duration::from_micros(sorted_us[rank.clamp(1, sorted_us.len()) - 1])
}

/// Client `n`'s own address, as the trusted proxy would forward it (RFC 2544's
/// benchmarking range).
fn forwarded_for(n: usize) -> String {
    format!("198.18.{}.{}", n / 250, n % 250 + 1)
}

fn account_email(n: usize) -> String {
    format!("load{n}@topocloud.test")
}

/// A browser-like client: cookie jar, the contract's CSRF header, its own address.
fn browser(n: usize) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(CSRF_HEADER, HeaderValue::from_static(CSRF_HEADER_VALUE));
    headers.insert(
        "x-forwarded-for",
        HeaderValue::from_str(&forwarded_for(n)).expect("ascii address"),
    );
    reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

/// Registers and confirms `clients` accounts through the API and the dev mailbox.
pub async fn prepare_accounts(base: &str, clients: usize) -> Result<(), String> {
    let mut tasks = Vec::new();
    for n in 0..clients {
        let base = base.to_owned();
        tasks.push(tokio::spawn(async move {
            let c = browser(n);
            let email = account_email(n);
            let res = c
                .post(format!("{base}/api/registrations"))
                .json(&json!({
                    "name": format!("Load {n}"),
                    "email": email,
                    "organisation": "Load test",
                    "password": PASSWORD,
                    "accept_terms": true,
                }))
                .send()
                .await
                .map_err(|e| format!("register {email}: {e}"))?;
            if res.status() != StatusCode::ACCEPTED {
                return Err(format!("register {email}: {}", res.status()));
            }
            let mails: Vec<Value> = c
                .get(format!("{base}/dev/api/mail?to={email}"))
                .send()
                .await
                .map_err(|e| format!("mailbox: {e}"))?
                .json()
                .await
                .map_err(|e| format!("mailbox: {e}"))?;
            let token = mails
                .iter()
                .flat_map(|m| m["links"].as_array().cloned().unwrap_or_default())
                .filter_map(|l| l.as_str().map(str::to_owned))
                .find_map(|l| l.split_once("#token=").map(|(_, t)| t.to_owned()))
                .ok_or(format!("no verification link for {email}"))?;
            let res = c
                .post(format!("{base}/api/email-verifications"))
                .json(&json!({ "token": token }))
                .send()
                .await
                .map_err(|e| format!("verify {email}: {e}"))?;
            if res.status() != StatusCode::OK {
                return Err(format!("verify {email}: {}", res.status()));
            }
            Ok(())
        }));
    }
    for task in tasks {
        task.await.map_err(|e| format!("setup task: {e}"))??;
    }
    Ok(())
}

/// The guesser's first five wrong passwords, before the run: afterwards, every guess
/// during the run must be refused with `429` (checked without hashing, so the guesser
/// keeps being answered even when every core is busy hashing for the clients).
pub async fn lock_out_guessed_address(base: &str, clients: usize) -> Result<(), String> {
    let c = browser(clients);
    for attempt in 1..=5 {
        let res = c
            .post(format!("{base}/api/session"))
            .json(&guess(clients))
            .send()
            .await
            .map_err(|e| format!("guess {attempt}: {e}"))?;
        if res.status() != StatusCode::UNAUTHORIZED {
            return Err(format!("guess {attempt}: {}", res.status()));
        }
    }
    Ok(())
}

/// A wrong password for an address no client signs in with (locking it out must not
/// touch them); sent by the guesser, which is client number `clients`.
fn guess(clients: usize) -> Value {
    json!({"email": account_email(clients), "password": "Not-the-password-1"})
}

/// Runs the load for `duration` against accounts made by [`prepare_accounts`], after
/// [`lock_out_guessed_address`].
pub async fn run(base: &str, clients: usize, duration: Duration) -> Report {
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::new();
    for n in 0..clients {
        tasks.push(tokio::spawn(client(base.to_owned(), n, deadline)));
    }
    let guesser = tokio::spawn(guesser(base.to_owned(), clients, deadline));
    let mut report = Report {
        clients,
        ..Report::default()
    };
    for task in tasks {
        match task.await {
            Ok(part) => report.merge(part),
            Err(e) => report.error(format!("client task: {e}")),
        }
    }
    match guesser.await {
        Ok(part) => report.merge(part),
        Err(e) => report.error(format!("guesser task: {e}")),
    }
    report.elapsed = started.elapsed();
    report.latencies_us.sort_unstable();
    report.sign_in_us.sort_unstable();
    report.lookup_us.sort_unstable();
    report
}

/// Sends one request, timing it; `None` (and an error counted) when it got no answer.
async fn timed(
    report: &mut Report,
    what: &str,
    request: reqwest::RequestBuilder,
) -> Option<(StatusCode, Value)> {
    let started = Instant::now();
    let result = match request.send().await {
        Ok(res) => {
            let status = res.status();
            res.bytes().await.map(|body| (status, body))
        }
        Err(e) => Err(e),
    };
    report.requests += 1;
    let took = started.elapsed().as_micros() as u64;
    report.latencies_us.push(took);
    match what {
        "sign-in" => report.sign_in_us.push(took),
        "lookup" => report.lookup_us.push(took),
        _ => {}
    }
    match result {
        Ok((status, body)) => {
            let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
            Some((status, json))
        }
        Err(e) => {
            report.error(format!("{what}: no answer: {e}"));
            None
        }
    }
}

async fn client(base: String, n: usize, deadline: Instant) -> Report {
    let mut report = Report::default();
    let c = browser(n);
    let email = account_email(n);
    let session = format!("{base}/api/session");
    let mut round = 0usize;
    while Instant::now() < deadline {
        round += 1;
        let body =
            json!({"email": email, "password": PASSWORD, "remember": round.is_multiple_of(2)});
        let Some((status, info)) =
            timed(&mut report, "sign-in", c.post(&session).json(&body)).await
        else {
            continue;
        };
        report.sign_ins += 1;
        if status != StatusCode::OK || info["email"] != email.as_str() {
            report.error(format!("sign-in {email}: {status} {info}"));
            continue;
        }
        for _ in 0..LOOKUPS_PER_SIGN_IN {
            let Some((status, info)) = timed(&mut report, "lookup", c.get(&session)).await else {
                continue;
            };
            report.lookups += 1;
            if status == StatusCode::OK && info["email"] == email.as_str() {
                continue;
            }
            if status == StatusCode::UNAUTHORIZED || status == StatusCode::OK {
                // Signed in a moment ago, and now unknown or someone else: lost.
                report.lost_sessions += 1;
            }
            report.error(format!("lookup {email}: {status} {info}"));
        }
        let Some((status, _)) = timed(&mut report, "sign-out", c.delete(&session)).await else {
            continue;
        };
        report.sign_outs += 1;
        if status != StatusCode::NO_CONTENT {
            report.error(format!("sign-out {email}: {status}"));
        }
        if let Some((status, info)) = timed(&mut report, "lookup", c.get(&session)).await {
            report.lookups += 1;
            if status != StatusCode::UNAUTHORIZED || info["code"] != "not_signed_in" {
                report.error(format!("after sign-out {email}: {status} {info}"));
            }
        }
    }
    report
}

/// Keeps guessing at the locked-out address: every answer must be `429` with its code.
async fn guesser(base: String, n: usize, deadline: Instant) -> Report {
    let mut report = Report::default();
    let c = browser(n);
    let url = format!("{base}/api/session");
    let body = guess(n);
    while Instant::now() < deadline {
        let started = Instant::now();
        if let Some((status, problem)) = timed(&mut report, "guess", c.post(&url).json(&body)).await
        {
            if status == StatusCode::TOO_MANY_REQUESTS && problem["code"] == "too_many_attempts" {
                report.intended_429 += 1;
            } else {
                report.error(format!("guess after the lockout: {status} {problem}"));
            }
        }
        tokio::time::sleep(GUESS_EVERY.saturating_sub(started.elapsed())).await;
    }
    report
}
