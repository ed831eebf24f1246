//! Emails end up in the outbox and can be read back over HTTP from the dev mailbox;
//! with SMTP configured they also reach a (fake) SMTP server.

mod support;

use reqwest::StatusCode;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;
use support::TestBackend;
use topocloud_backend::mail::{deliver, outbox, Mail};
use topocloud_contract::{AccountType, Locale};

const ANN: &str = "ann@example.test";
const BOB: &str = "bob@example.test";
const VERIFY_LINK: &str = "http://127.0.0.1:8080/users/verify-email#token=abc";
const INVITE_LINK: &str = "http://127.0.0.1:8080/users/invitation#token=def";
const RESET_LINK: &str = "http://127.0.0.1:8080/users/password/edit#token=ghi";

fn verify(name: &str) -> Mail {
    Mail::VerifyEmail {
        name: name.to_owned(),
        link: VERIFY_LINK.to_owned(),
    }
}

fn invite() -> Mail {
    Mail::Invitation {
        organisation: "Meetbureau Oost".to_owned(),
        inviter: "Kees".to_owned(),
        account_type: AccountType::Employee,
        project: Some("Dijkversterking".to_owned()),
        link: INVITE_LINK.to_owned(),
        expires_at: 1_782_900_000,
    }
}

fn reset() -> Mail {
    Mail::PasswordReset {
        name: "Ann".to_owned(),
        link: RESET_LINK.to_owned(),
    }
}

async fn get(b: &TestBackend, path: &str) -> reqwest::Response {
    reqwest::get(b.url(path)).await.expect("request")
}

async fn mail_json(b: &TestBackend, path: &str) -> Vec<Value> {
    let res = get(b, path).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    res.json().await.expect("json array")
}

#[tokio::test]
async fn mailbox_json_lists_messages_newest_first_with_every_field() {
    let b = TestBackend::start().await;
    let before = b.state.clock.now();
    deliver(&b.state, ANN, Locale::Nl, verify("Ann")).expect("deliver 1");
    deliver(&b.state, BOB, Locale::En, invite()).expect("deliver 2");
    deliver(&b.state, ANN, Locale::En, reset()).expect("deliver 3");

    let all = mail_json(&b, "/dev/api/mail").await;
    let ours: Vec<&Value> = all
        .iter()
        .filter(|m| m["to"] == ANN || m["to"] == BOB)
        .collect();
    let kinds: Vec<&str> = ours.iter().filter_map(|m| m["kind"].as_str()).collect();
    assert_eq!(kinds, ["password_reset", "invitation", "verify_email"]);
    let ids: Vec<i64> = all.iter().filter_map(|m| m["id"].as_i64()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    let invitation = ours[1];
    assert_eq!(invitation["to"], BOB);
    assert_eq!(invitation["locale"], "en");
    assert_eq!(invitation["links"], serde_json::json!([INVITE_LINK]));
    let subject = invitation["subject"].as_str().expect("subject");
    assert!(subject.contains("Kees") && subject.contains("Meetbureau Oost"));
    let text = invitation["text"].as_str().expect("text");
    assert!(
        text.contains(INVITE_LINK) && text.contains("Dijkversterking"),
        "{text}"
    );
    let html = invitation["html"].as_str().expect("html");
    assert!(
        html.contains(&format!("<a href=\"{INVITE_LINK}\"")),
        "{html}"
    );
    let sent_at = invitation["sent_at"].as_i64().expect("sent_at");
    assert!((before..=b.state.clock.now()).contains(&sent_at));

    let verification = ours[2];
    assert_eq!(verification["locale"], "nl");
    assert!(verification["subject"]
        .as_str()
        .is_some_and(|s| s.contains("Bevestig")));
    assert_eq!(verification["links"], serde_json::json!([VERIFY_LINK]));
}

#[tokio::test]
async fn mailbox_json_filters_by_recipient_ignoring_case() {
    let b = TestBackend::start().await;
    deliver(&b.state, ANN, Locale::Nl, verify("Ann")).expect("deliver");
    deliver(&b.state, BOB, Locale::Nl, invite()).expect("deliver");
    deliver(&b.state, ANN, Locale::Nl, reset()).expect("deliver");

    let anns = mail_json(&b, "/dev/api/mail?to=Ann@Example.TEST").await;
    let kinds: Vec<&str> = anns.iter().filter_map(|m| m["kind"].as_str()).collect();
    assert_eq!(kinds, ["password_reset", "verify_email"]);
    assert!(anns.iter().all(|m| m["to"] == ANN));

    let nobody = mail_json(&b, "/dev/api/mail?to=nobody%40example.test").await;
    assert!(nobody.is_empty());
}

#[tokio::test]
async fn mail_page_lists_messages_with_everything_escaped() {
    let b = TestBackend::start().await;
    deliver(
        &b.state,
        ANN,
        Locale::En,
        verify("<script>alert(1)</script>"),
    )
    .expect("deliver");
    deliver(&b.state, BOB, Locale::Nl, invite()).expect("deliver");

    let res = get(&b, "/dev/mail").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let content_type = res.headers()["content-type"].to_str().expect("ascii");
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let page = res.text().await.expect("body");

    assert!(page.contains("Confirm your email address for TopoCloud"));
    assert!(page.contains("Kees nodigt je uit voor Meetbureau Oost in TopoCloud"));
    assert!(page.contains(ANN) && page.contains(BOB));
    assert!(
        page.contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;,"),
        "{page}"
    );
    assert!(!page.contains("<script>"), "unescaped user input: {page}");
    assert!(page.contains(&format!("<a class=\"mail-link\" href=\"{VERIFY_LINK}\"")));
    assert!(page.contains(&format!("<a class=\"mail-link\" href=\"{INVITE_LINK}\"")));
    // Newest first on the page too.
    let bob_at = page.find("Meetbureau Oost").expect("bob's mail");
    let ann_at = page.find("Confirm your email").expect("ann's mail");
    assert!(bob_at < ann_at);
}

#[tokio::test]
async fn without_dev_mode_the_mailbox_is_not_served() {
    let b = TestBackend::start_with(|c| c.dev = false).await;
    deliver(&b.state, ANN, Locale::Nl, verify("Ann")).expect("outbox still written");
    assert_eq!(outbox::list(&b.state.db, None).expect("list").len(), 1);
    for path in [
        "/dev/api/mail",
        "/dev/mail",
        "/dev/api/mail?to=ann@example.test",
    ] {
        let res = get(&b, path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        let body = res.text().await.expect("body");
        assert!(!body.contains(VERIFY_LINK), "{path}: {body}");
    }
}

/// Just enough of SMTP for lettre: accepts one message and hands over the transcript.
fn fake_smtp_server() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind smtp");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut writer = stream;
        let mut transcript = String::new();
        let mut in_data = false;
        writer.write_all(b"220 fake ESMTP\r\n").expect("greet");
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).expect("read") == 0 {
                break;
            }
            transcript.push_str(&line);
            let command = line.to_ascii_uppercase();
            let reply: &[u8] = if in_data {
                if line != ".\r\n" {
                    continue;
                }
                in_data = false;
                b"250 queued\r\n"
            } else if command.starts_with("EHLO") {
                b"250-fake\r\n250 8BITMIME\r\n"
            } else if command.starts_with("DATA") {
                in_data = true;
                b"354 go ahead\r\n"
            } else if command.starts_with("QUIT") {
                writer.write_all(b"221 bye\r\n").expect("write");
                break;
            } else {
                b"250 ok\r\n"
            };
            writer.write_all(reply).expect("write");
        }
        let _ = tx.send(transcript);
    });
    (port, rx)
}

#[tokio::test]
async fn with_smtp_configured_the_message_is_sent_as_multipart_text_and_html() {
    let (port, transcript) = fake_smtp_server();
    let b =
        TestBackend::start_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    deliver(&b.state, BOB, Locale::En, invite()).expect("deliver");
    assert_eq!(outbox::list(&b.state.db, None).expect("list").len(), 1);

    let transcript =
        tokio::task::spawn_blocking(move || transcript.recv_timeout(Duration::from_secs(20)))
            .await
            .expect("join")
            .expect("the fake SMTP server got a message");
    assert!(
        transcript.contains("MAIL FROM:<no-reply@topocloud.test>"),
        "{transcript}"
    );
    assert!(
        transcript.contains(&format!("RCPT TO:<{BOB}>")),
        "{transcript}"
    );
    assert!(
        transcript.contains("From: TopoCloud <no-reply@topocloud.test>"),
        "{transcript}"
    );
    assert!(transcript.contains("Subject: Kees invites you to Meetbureau Oost in TopoCloud"));
    assert!(transcript.contains("multipart/alternative"), "{transcript}");
    assert!(
        transcript.contains("Content-Type: text/plain; charset=utf-8"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Content-Type: text/html; charset=utf-8"),
        "{transcript}"
    );
}

#[tokio::test]
async fn an_unreachable_smtp_server_does_not_fail_delivery() {
    // Bind and drop, so nothing listens on the port.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let b =
        TestBackend::start_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    deliver(&b.state, ANN, Locale::Nl, reset()).expect("delivery never fails on SMTP");
    let stored = outbox::list(&b.state.db, Some(ANN)).expect("list");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].kind, "password_reset");
    assert_eq!(stored[0].links, [RESET_LINK]);
}
