//! The request log: one line per answer with method, matched route, status, latency and
//! the request id that the answer echoes, and nothing secret (the e2e leak check reads
//! the same log): no query string, cookie, body or emailed token.

mod support;

use reqwest::StatusCode;
use serde_json::json;
use std::sync::{Arc, Mutex};
use support::{post, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log")).into_owned()
    }
}

#[tokio::test]
async fn each_answer_is_logged_by_route_with_its_request_id_and_nothing_secret() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    let b = TestBackend::start().await;
    let c = b.browser();
    let sign_in = json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD});
    let (status, headers, _) = post(&c, &b, "/api/session", sign_in).await;
    assert_eq!(status, StatusCode::OK);
    let id = headers["x-request-id"].to_str().expect("ascii").to_owned();
    assert!(id.len() >= 32, "a fresh id per request: {id}");
    let cookie = headers["set-cookie"].to_str().expect("ascii").to_owned();
    let session = cookie
        .split(';')
        .next()
        .expect("pair")
        .split_once('=')
        .expect("=")
        .1;

    // A proxy's id is kept and echoed, so its log and this one can be matched.
    let secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let res = no_redirects
        .get(b.url(&format!(
            "/api/sso/microsoft/callback?code={secret}&state={secret}"
        )))
        .header("x-request-id", "proxy-42")
        .send()
        .await
        .expect("callback");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["x-request-id"], "proxy-42");

    let text = log.text();
    println!("{text}");
    let line = text
        .lines()
        .find(|l| l.contains(&id))
        .expect("the sign-in's line");
    for part in [
        "POST",
        "route=\"/api/session\"",
        "status=200",
        "latency_us=",
    ] {
        assert!(line.contains(part), "{part} in {line}");
    }
    let callback = text
        .lines()
        .find(|l| l.contains("proxy-42"))
        .expect("the callback's line");
    assert!(
        callback.contains("route=\"/api/sso/{provider}/callback\""),
        "{callback}"
    );
    assert!(callback.contains("status=303"), "{callback}");
    for leak in [secret, session, DEMO_PASSWORD] {
        assert!(!text.contains(leak), "{leak} is in the log");
    }
}
