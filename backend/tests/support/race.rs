//! Making a race happen every run instead of one run in a thousand.
//!
//! Two backends on one SQLite file ([`super::TestBackend::sharing`]) only share what the
//! SQL guarantees: each has its own connection and lock. A [`Gate`] holds one request in
//! the middle of its write on the first backend (the row written, nothing committed);
//! [`report_lock_waits`] tells when a request on the second backend is waiting for that
//! write to finish. Opening the gate then lets both go on, in the worst order for code
//! that checks in one statement and writes in another.

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use rusqlite::functions::FunctionFlags;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;
use topocloud_backend::AppState;

/// Long enough for a slow CI machine, short enough that a broken test ends.
const PATIENCE: Duration = Duration::from_secs(30);

#[derive(Default)]
struct Sides {
    reached: bool,
    open: bool,
}

#[derive(Clone)]
pub struct Gate(Arc<(Mutex<Sides>, Condvar)>);

impl Gate {
    /// Holds the first statement on `state`'s connection that fires `event` (trigger
    /// syntax, e.g. `INSERT ON users`) inside that statement, until [`Gate::open`].
    pub fn hold_first(state: &AppState, event: &str) -> Self {
        let gate = Gate(Arc::default());
        let inside = gate.clone();
        let conn = state.db.conn();
        conn.create_scalar_function("hold_here", 0, FunctionFlags::SQLITE_UTF8, move |_| {
            inside.arrive();
            Ok(0_i64)
        })
        .expect("gate function");
        conn.execute_batch(&format!(
            "CREATE TEMP TRIGGER hold_here BEFORE {event} BEGIN SELECT hold_here(); END;"
        ))
        .expect("gate trigger");
        gate
    }

    fn arrive(&self) {
        let (lock, changed) = &*self.0;
        let mut sides = lock.lock().expect("gate");
        if sides.reached {
            return;
        }
        sides.reached = true;
        changed.notify_all();
        let (_sides, waited) = changed
            .wait_timeout_while(sides, PATIENCE, |s| !s.open)
            .expect("gate");
        assert!(!waited.timed_out(), "the gate was never opened");
    }

    /// Blocks the test thread (not a runtime worker) until a statement is held.
    pub fn wait_reached(&self) {
        let (lock, changed) = &*self.0;
        let sides = lock.lock().expect("gate");
        let (_sides, waited) = changed
            .wait_timeout_while(sides, PATIENCE, |s| !s.reached)
            .expect("gate");
        assert!(!waited.timed_out(), "no request reached the gate");
    }

    pub fn open(&self) {
        let (lock, changed) = &*self.0;
        lock.lock().expect("gate").open = true;
        changed.notify_all();
    }
}

/// One flag per test that uses [`report_lock_waits`]: the busy handler is a plain `fn`.
static WAITED: [AtomicBool; 8] = [const { AtomicBool::new(false) }; 8];

fn note_wait<const SLOT: usize>(attempt: i32) -> bool {
    WAITED[SLOT].store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(1));
    // About as patient as the backend's own 5-second busy timeout, times six.
    attempt < 30_000
}

/// From now on, `state`'s connection raises flag `SLOT` whenever it waits for another
/// connection's write lock.
pub fn report_lock_waits<const SLOT: usize>(state: &AppState) {
    state
        .db
        .conn()
        .busy_handler(Some(note_wait::<SLOT>))
        .expect("busy handler");
}

/// Blocks the test thread until flag `SLOT` is raised.
pub fn wait_for_lock_wait<const SLOT: usize>() {
    let deadline = Instant::now() + PATIENCE;
    while !WAITED[SLOT].load(Ordering::SeqCst) {
        assert!(Instant::now() < deadline, "no request waited for the lock");
        std::thread::sleep(Duration::from_millis(2));
    }
}

pub type Answer = (StatusCode, HeaderMap, Value);

/// Sends a `POST` on a runtime worker and returns at once.
pub fn spawn_post(client: &reqwest::Client, url: String, body: Value) -> JoinHandle<Answer> {
    let client = client.clone();
    tokio::spawn(async move {
        let res = client.post(url).json(&body).send().await.expect("request");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.bytes().await.expect("body");
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).expect("json body")
        };
        (status, headers, json)
    })
}

/// Every answer of `requests`, in the order they were sent.
pub async fn answers(requests: Vec<JoinHandle<Answer>>) -> Vec<Answer> {
    let mut all = Vec::with_capacity(requests.len());
    for request in requests {
        all.push(request.await.expect("request task"));
    }
    all
}

/// How many of `answers` have `status`.
pub fn count(answers: &[Answer], status: StatusCode) -> usize {
    answers.iter().filter(|(s, _, _)| *s == status).count()
}
