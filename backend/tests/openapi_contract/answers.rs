//! Sending a request to a real backend and holding its answer to what openapi.yaml says
//! about that operation and status.

use crate::json_schema::assert_valid;
use crate::spec::{object_keys, resolve};
use crate::support::TestBackend;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_contract::{CSRF_HEADER, CSRF_HEADER_VALUE};

/// A client that keeps no cookies and follows no redirects: it sees each answer as is.
pub(crate) fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

pub(crate) async fn send(
    b: &TestBackend,
    method: &str,
    path: &str,
    body: Option<&Value>,
    csrf: bool,
) -> Answer {
    send_with_cookie(b, method, path, body, csrf, None).await
}

/// The same, from a browser that holds `cookie` (`name=value`).
pub(crate) async fn send_with_cookie(
    b: &TestBackend,
    method: &str,
    path: &str,
    body: Option<&Value>,
    csrf: bool,
    cookie: Option<&str>,
) -> Answer {
    let url = b.url(&path.replace("{provider}", "microsoft"));
    let client = raw_client();
    let mut request = match method {
        "get" => client.get(url),
        "post" => client.post(url),
        "delete" => client.delete(url),
        other => panic!("no {other} in openapi.yaml"),
    };
    if csrf {
        request = request.header(CSRF_HEADER, CSRF_HEADER_VALUE);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    if let Some(cookie) = cookie {
        request = request.header(reqwest::header::COOKIE, cookie);
    }
    let res = request.send().await.expect("request");
    Answer {
        status: res.status(),
        headers: res.headers().clone(),
        body: res.bytes().await.expect("body").to_vec(),
    }
}

/// The literal runs of a regular expression, in order: what is left after dropping
/// anchors, groups, character classes and quantifiers. Enough for the header patterns in
/// openapi.yaml without a regex engine (Schemathesis checks them exactly).
fn literal_runs(pattern: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let skip_to = match c {
            '^' | '$' => None,
            '(' => Some(')'),
            '[' => Some(']'),
            '{' => Some('}'),
            '?' | '*' | '+' => None,
            '\\' => {
                if let Some(escaped) = chars.next() {
                    runs.last_mut().expect("a run").push(escaped);
                }
                continue;
            }
            _ => {
                runs.last_mut().expect("a run").push(c);
                continue;
            }
        };
        if let Some(end) = skip_to {
            for d in chars.by_ref() {
                if d == end {
                    break;
                }
            }
        }
        // A construct ends a run; a quantifier also takes the character before it.
        if matches!(c, '?' | '*' | '+' | '{') {
            runs.last_mut().expect("a run").pop();
        }
        runs.push(String::new());
    }
    runs.into_iter().filter(|r| !r.is_empty()).collect()
}

fn matches_loosely(pattern: &str, text: &str) -> bool {
    let mut rest = text;
    for run in literal_runs(pattern) {
        match rest.find(&run) {
            Some(i) => rest = &rest[i + run.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn literal_runs_of_the_header_patterns() {
    let session =
        "^(__Host-)?topocloud_session=[0-9a-f]{64}; HttpOnly; SameSite=Lax(; Secure)?; Path=/";
    assert_eq!(
        literal_runs(session),
        vec!["topocloud_session=", "; HttpOnly; SameSite=Lax", "; Path=/"]
    );
    let cookie = format!(
        "topocloud_session={}; HttpOnly; SameSite=Lax; Path=/",
        "a".repeat(64)
    );
    assert!(matches_loosely(session, &cookie));
    assert!(!matches_loosely(session, &cookie.replace("Lax", "Strict")));
    assert!(!matches_loosely(session, &cookie.replace("HttpOnly; ", "")));
}

/// Holds one answer to what openapi.yaml documents for this operation and its status.
pub(crate) fn conforms(spec: &Value, method: &str, path: &str, answer: &Answer) {
    let at = format!("{} {path} -> {}", method.to_uppercase(), answer.status);
    let op = &spec["paths"][path][method];
    let status = answer.status.as_u16().to_string();
    let response = op["responses"]
        .get(&status)
        .map(|r| resolve(spec, r))
        .unwrap_or_else(|| {
            panic!(
                "{at}: undocumented status (documented: {:?}); body {}",
                object_keys(&op["responses"]),
                String::from_utf8_lossy(&answer.body)
            )
        });
    if let Some(headers) = response.get("headers").and_then(Value::as_object) {
        for (name, header) in headers {
            let header = resolve(spec, header);
            let Some(value) = answer.headers.get(name.as_str()) else {
                assert_ne!(header["required"], true, "{at}: header {name} missing");
                continue;
            };
            let value = value.to_str().expect("ASCII header");
            let value = match header["schema"]["type"].as_str() {
                Some("integer") => json!(value.parse::<i64>().expect("integer header")),
                _ => json!(value),
            };
            assert_valid(spec, &header["schema"], &value, &format!("{at} {name}"));
            if let Some(pattern) = header["schema"]["pattern"].as_str() {
                let text = value.as_str().unwrap_or_default();
                assert!(
                    matches_loosely(pattern, text),
                    "{at} {name}: {text:?} does not match {pattern:?}"
                );
            }
        }
    }
    match response.get("content").and_then(Value::as_object) {
        None => assert!(
            answer.body.is_empty(),
            "{at}: documented without a body, got {}",
            String::from_utf8_lossy(&answer.body)
        ),
        Some(content) => {
            let content_type = answer
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let (media, media_type) = content
                .iter()
                .find(|(media, _)| content_type.starts_with(media.as_str()))
                .unwrap_or_else(|| panic!("{at}: content type {content_type:?} undocumented"));
            assert!(media.contains("json"), "{at}: {media}");
            assert_valid(spec, &media_type["schema"], &answer.json(), &at);
        }
    }
}
