//! Optional delivery over SMTP, to a local mail catcher (MailHog, Mailpit, …).
//!
//! Sending happens on its own thread: an SMTP conversation can take seconds or hang
//! until its timeout, and the request that triggered the email must not wait for it.
//! A failure is only logged: the outbox row is already written and the HTTP answer
//! must not depend on (or reveal) whether an email went out.

use super::Composed;
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};
use std::time::Duration;

pub const FROM: &str = "TopoCloud <no-reply@topocloud.test>";

const TIMEOUT: Duration = Duration::from_secs(10);

/// `smtp://host[:port][/]` → (host, port). Only plain SMTP: the reference backend
/// has no TLS on purpose, and a `smtps://` URL silently sent in clear would be worse
/// than an error.
pub fn parse_smtp_url(url: &str) -> Result<(String, u16), String> {
    let rest = url
        .strip_prefix("smtp://")
        .ok_or_else(|| format!("only smtp:// URLs are supported, not {url}"))?;
    let authority = rest.trim_end_matches('/');
    if authority.is_empty() || authority.contains(['/', '@', '?', '#']) {
        return Err(format!("expected smtp://host:port, got {url}"));
    }
    let bad_port = || format!("bad port in {url}");
    let (host, port) = match authority.strip_prefix('[') {
        // An IPv6 literal has colons of its own: a port can only follow the ']'.
        Some(bracketed) => {
            let (host, after) = bracketed
                .split_once(']')
                .ok_or_else(|| format!("unclosed [ in {url}"))?;
            match after {
                "" => (host, None),
                after => (host, Some(after.strip_prefix(':').ok_or_else(bad_port)?)),
            }
        }
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let port = match port {
        None => 25,
        Some(digits) => digits.parse::<u16>().map_err(|_| bad_port())?,
    };
    if host.is_empty() {
        return Err(format!("no host in {url}"));
    }
    Ok((host.to_owned(), port))
}

pub(crate) fn build_message(to: &str, composed: &Composed) -> Result<Message, String> {
    let from: Mailbox = FROM.parse().map_err(|e| format!("sender: {e}"))?;
    let to: Mailbox = to.parse().map_err(|e| format!("recipient {to}: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(composed.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            composed.text.clone(),
            composed.html.clone(),
        ))
        .map_err(|e| format!("message: {e}"))
}

/// Sends in the background; never blocks the caller on the network.
pub(crate) fn send_in_background(smtp_url: &str, to: &str, composed: &Composed) {
    let prepared = parse_smtp_url(smtp_url).and_then(|(host, port)| {
        let message = build_message(to, composed)?;
        let transport = SmtpTransport::builder_dangerous(host)
            .port(port)
            .timeout(Some(TIMEOUT))
            .build();
        Ok((message, transport))
    });
    let (message, transport) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            tracing::warn!("mail: not sent over SMTP to {to}: {e}");
            return;
        }
    };
    let to = to.to_owned();
    let spawned = std::thread::Builder::new()
        .name("smtp".to_owned())
        .spawn(move || {
            if let Err(e) = transport.send(&message) {
                tracing::warn!("mail: SMTP delivery to {to} failed: {e}");
            }
        });
    if let Err(e) = spawned {
        tracing::error!("mail: could not start the SMTP thread: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_parse_to_host_and_port() {
        assert_eq!(
            parse_smtp_url("smtp://127.0.0.1:1025"),
            Ok(("127.0.0.1".to_owned(), 1025))
        );
        assert_eq!(
            parse_smtp_url("smtp://mail.local/"),
            Ok(("mail.local".to_owned(), 25))
        );
        assert_eq!(
            parse_smtp_url("smtp://[::1]:2525"),
            Ok(("::1".to_owned(), 2525))
        );
    }

    #[test]
    fn other_schemes_and_malformed_urls_are_refused() {
        for bad in [
            "smtps://127.0.0.1:465",
            "http://127.0.0.1",
            "smtp://",
            "smtp://host:notaport",
            "smtp://user:pw@host:25",
            "127.0.0.1:1025",
        ] {
            assert!(parse_smtp_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn messages_are_multipart_text_and_html_from_topocloud() {
        let composed = Composed {
            subject: "Hello".to_owned(),
            text: "plain body".to_owned(),
            html: "<p>html body</p>".to_owned(),
            links: vec![],
        };
        let raw = build_message("ann@example.test", &composed).expect("builds");
        let raw = String::from_utf8(raw.formatted()).expect("ascii");
        assert!(
            raw.contains("From: TopoCloud <no-reply@topocloud.test>"),
            "{raw}"
        );
        assert!(raw.contains("To: ann@example.test"), "{raw}");
        assert!(raw.contains("Subject: Hello"), "{raw}");
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(
            raw.contains("text/plain") && raw.contains("text/html"),
            "{raw}"
        );
        assert!(build_message("not an address", &composed).is_err());
    }
}
