//! A short load run in the test suite (`scripts/load.sh` runs the long one): 50
//! concurrent clients signing in, looking their sessions up and signing out against the
//! reference backend on loopback, with a password guesser alongside. No errors, no lost
//! sessions; the only `429`s are the guesser's.

mod support;

use std::time::Duration;
use support::{load, TestBackend};

const CLIENTS: usize = 50;
const SECONDS: u64 = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_clients_for_five_seconds_lose_nothing_and_only_the_guesser_is_limited() {
    let b = TestBackend::start_with(|c| {
        // Every client has its own forwarded address, as behind deploy/nginx.conf.
        c.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
    })
    .await;
    let base = b.url("");
    load::prepare_accounts(&base, CLIENTS)
        .await
        .expect("accounts registered and confirmed");
    load::lock_out_guessed_address(&base, CLIENTS)
        .await
        .expect("five wrong guesses");

    let report = load::run(&base, CLIENTS, Duration::from_secs(SECONDS)).await;
    println!("{}", report.summary());

    assert_eq!(report.errors, 0, "{:#?}", report.examples);
    assert_eq!(report.lost_sessions, 0);
    assert!(
        report.intended_429 > 0,
        "the guesser was never limited: {}",
        report.summary()
    );
    assert!(
        report.sign_ins >= CLIENTS as u64 && report.sign_outs >= CLIENTS as u64,
        "every client got through at least one round: {}",
        report.summary()
    );
    // Every client signed out at the end of its last round: no session is left over.
    let left: i64 = b
        .state
        .db
        .conn()
        .query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
        .expect("count sessions");
    assert_eq!(left, 0, "sessions left behind");
}
