//! `GET /dev/mail` (a page listing every message) and `GET /dev/api/mail` (JSON).
//!
//! A stand-in for a mail catcher, so developers and e2e tests can follow emailed links
//! without an SMTP server. Mounted only in dev mode.

use crate::mail::{escape_html, outbox, OutboxMessage};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dev/api/mail", get(list_json))
        .route("/dev/mail", get(page))
}

#[derive(Debug, Default, Deserialize)]
pub struct MailFilter {
    /// Only messages to this address (case-insensitive).
    pub to: Option<String>,
}

// The outbox changes with every request that sends mail: a cached list would hide
// the message a developer or a test is waiting for.
const NO_STORE: [(header::HeaderName, &str); 1] = [(header::CACHE_CONTROL, "no-store")];

// The page shows user-typed names and organisations: besides escaping, forbid
// scripts outright. Inline styles only; the HTML previews are sandboxed frames.
const PAGE_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src data:";

/// Every message so far: waits for the mail queue first, so an email whose request has
/// been answered is always in the list.
async fn messages(state: &AppState, to: Option<&str>) -> rusqlite::Result<Vec<OutboxMessage>> {
    state.mail_queue.flush().await;
    outbox::list(&state.db, to.map(str::trim).filter(|t| !t.is_empty()))
}

fn unreadable(e: rusqlite::Error) -> Response {
    tracing::error!("dev mailbox: reading the outbox failed: {e}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        NO_STORE,
        "outbox unreadable",
    )
        .into_response()
}

async fn list_json(State(state): State<AppState>, Query(filter): Query<MailFilter>) -> Response {
    match messages(&state, filter.to.as_deref()).await {
        Ok(list) => (NO_STORE, Json(list)).into_response(),
        Err(e) => unreadable(e),
    }
}

async fn page(State(state): State<AppState>, Query(filter): Query<MailFilter>) -> Response {
    match messages(&state, filter.to.as_deref()).await {
        Ok(list) => (
            NO_STORE,
            [(header::CONTENT_SECURITY_POLICY, PAGE_CSP)],
            Html(render_page(&list, filter.to.as_deref())),
        )
            .into_response(),
        Err(e) => unreadable(e),
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:900px;\
padding:16px;color:#1f2a33}h1{font-size:1.4rem}article{border:1px solid #ccd5dc;\
border-radius:6px;padding:12px 16px;margin:16px 0}h2{font-size:1.1rem;margin:0 0 8px}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}\
dt{color:#52606b}dd{margin:0}pre{white-space:pre-wrap;background:#f3f5f7;padding:8px;\
border-radius:4px}iframe{width:100%;height:480px;border:1px solid #ccd5dc}\
a{word-break:break-all}";

fn render_page(list: &[OutboxMessage], to: Option<&str>) -> String {
    let heading = match to.map(str::trim).filter(|t| !t.is_empty()) {
        Some(to) => format!("Mail to {}", escape_html(to)),
        None => "Mail".to_owned(),
    };
    let mut body = String::new();
    if list.is_empty() {
        body.push_str("<p>No messages yet.</p>\n");
    }
    for message in list {
        body.push_str(&render_message(message));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{heading} · TopoCloud dev</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
<h1>{heading}</h1>\n<p>{count} message(s), newest first. \
JSON: <a href=\"/dev/api/mail\">/dev/api/mail</a> (filter with <code>?to=</code>).</p>\n\
{body}</body>\n</html>\n",
        count = list.len(),
    )
}

fn render_message(m: &OutboxMessage) -> String {
    let links: String = m
        .links
        .iter()
        .map(|link| {
            let link = escape_html(link);
            format!("<li><a class=\"mail-link\" href=\"{link}\">{link}</a></li>")
        })
        .collect();
    format!(
        "<article class=\"mail\" id=\"mail-{id}\" data-kind=\"{kind}\" data-to=\"{to}\">\n\
<h2>{subject}</h2>\n<dl>\
<dt>To</dt><dd>{to}</dd>\
<dt>Time</dt><dd><time>{time}</time></dd>\
<dt>Kind</dt><dd>{kind} ({locale})</dd>\
</dl>\n<pre>{text}</pre>\n<ul>{links}</ul>\n\
<details><summary>HTML version</summary>\
<iframe sandbox title=\"HTML version of message {id}\" srcdoc=\"{html}\"></iframe>\
</details>\n</article>\n",
        id = m.id,
        kind = escape_html(&m.kind),
        to = escape_html(&m.to),
        subject = escape_html(&m.subject),
        time = crate::mail::utc_stamp(m.sent_at),
        locale = escape_html(&m.locale),
        text = escape_html(&m.text),
        html = escape_html(&m.html),
    )
}
