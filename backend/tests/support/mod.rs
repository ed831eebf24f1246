//! Starts a real backend on a free loopback port with its own SQLite file.

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
    _dir: TempDir,
}

impl TestBackend {
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = Config {
            database: dir.path().join("auth.sqlite"),
            dev: true,
            ..Config::default()
        };
        let state = AppState::new(config).expect("backend state");
        seed_demo(&state.db, &state.clock).expect("demo seed");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = router(state.clone());
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
