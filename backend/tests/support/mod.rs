//! Starts a real backend on a free loopback port with its own SQLite file.

// Each test file uses a different part of this module.
#![allow(dead_code)]

pub mod authenticator;
pub mod load;
pub mod race;
pub mod two_step;

use reqwest::header::HeaderMap;
use std::net::SocketAddr;
use tempfile::TempDir;
use topocloud_backend::accounts::seed_demo;
use topocloud_backend::config::Config;
use topocloud_backend::{router, AppState};
use topocloud_contract::{CSRF_HEADER, CSRF_HEADER_VALUE};

pub struct TestBackend {
    pub addr: SocketAddr,
    pub state: AppState,
    /// `None` for a second backend on another's file ([`TestBackend::sharing`]).
    _dir: Option<TempDir>,
}

impl TestBackend {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// A dev-mode backend with the demo account, after `adjust` has changed its config.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let database = dir.path().join("auth.sqlite");
        Self::serve(database, Some(dir), adjust).await
    }

    /// A second backend on this one's SQLite file, as two instances of one deployment
    /// behind a load balancer: its own connection, lock and port, the same data.
    pub async fn sharing(&self) -> Self {
        Self::serve(self.state.config.database.clone(), None, |_| {}).await
    }

    async fn serve(
        database: std::path::PathBuf,
        dir: Option<TempDir>,
        adjust: impl FnOnce(&mut Config),
    ) -> Self {
        let mut config = Config {
            database,
            dev: true,
            ..Config::default()
        };
        adjust(&mut config);
        let state = AppState::new(config).expect("backend state");
        seed_demo(&state.db, &state.clock).expect("demo seed");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        // As in main.rs: the peer address feeds the per-client rate limits.
        let app = router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        Self {
            addr,
            state,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A browser-like client: keeps cookies and sends the contract's CSRF header.
    pub fn browser(&self) -> reqwest::Client {
        let mut headers = HeaderMap::new();
        headers.insert(CSRF_HEADER, CSRF_HEADER_VALUE.parse().expect("header"));
        reqwest::Client::builder()
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .expect("client")
    }
}

/// `POST` JSON and return status, headers and the body as JSON (`Null` when empty).
pub async fn post(
    client: &reqwest::Client,
    b: &TestBackend,
    path: &str,
    body: serde_json::Value,
) -> (
    reqwest::StatusCode,
    reqwest::header::HeaderMap,
    serde_json::Value,
) {
    let res = client
        .post(b.url(path))
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.expect("body");
    let json = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("json body")
    };
    (status, headers, json)
}

/// Every email sent to `to`, newest first, as the dev mailbox API lists them.
pub async fn mail_to(b: &TestBackend, to: &str) -> Vec<serde_json::Value> {
    let res = reqwest::get(b.url(&format!("/dev/api/mail?to={to}")))
        .await
        .expect("mailbox");
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    res.json().await.expect("mail json")
}

/// The token of the newest email to `to` whose link contains `path`.
pub async fn token_from_mail(b: &TestBackend, to: &str, path: &str) -> String {
    let mails = mail_to(b, to).await;
    let link = mails
        .iter()
        .flat_map(|m| m["links"].as_array().cloned().unwrap_or_default())
        .filter_map(|l| l.as_str().map(str::to_owned))
        .find(|l| l.contains(path) && l.contains("#token="))
        .unwrap_or_else(|| panic!("no {path} link in mail to {to}: {mails:?}"));
    link.split_once("#token=")
        .map(|(_, t)| t.to_owned())
        .expect("token")
}
