//! `scripts/load.sh`: the load test against a running reference backend.
//!
//!   cargo run --release -p topocloud-backend --example load -- \
//!       --base http://127.0.0.1:3210 [--clients 50] [--seconds 30]
//!
//! The backend must run with `--dev --trusted-proxy 127.0.0.1` on a fresh database.
//! Prints one summary line; exits 1 on any error or lost session.

#[path = "../tests/support/load.rs"]
mod load;

use std::time::Duration;

#[tokio::main]
async fn main() {
    let mut base = "http://127.0.0.1:3210".to_owned();
    let mut clients = 50usize;
    let mut seconds = 30u64;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let bad = |what: &str| -> ! {
            eprintln!("{flag}: {what}, not {value:?}");
            std::process::exit(2)
        };
        match flag.as_str() {
            "--base" => base = value.trim_end_matches('/').to_owned(),
            "--clients" => clients = value.parse().unwrap_or_else(|_| bad("a count")),
            "--seconds" => seconds = value.parse().unwrap_or_else(|_| bad("whole seconds")),
            other => {
                eprintln!("unknown flag {other}; use --base URL --clients N --seconds S");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = load::prepare_accounts(&base, clients).await {
        eprintln!("setup failed: {e}");
        std::process::exit(1);
    }
    if let Err(e) = load::lock_out_guessed_address(&base, clients).await {
        eprintln!("setup failed: {e}");
        std::process::exit(1);
    }
    let report = load::run(&base, clients, Duration::from_secs(seconds)).await;
    println!("{}", report.summary());
    for example in &report.examples {
        println!("  error: {example}");
    }
    if report.errors > 0 || report.lost_sessions > 0 || report.intended_429 == 0 {
        std::process::exit(1);
    }
}
