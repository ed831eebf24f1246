//! Turns a [`Draft`] into the plain-text and HTML bodies.
//!
//! Templates hand over plain strings only; every string is escaped here, once, so no
//! template can forget to escape a name or an organisation typed in by a user.

use topocloud_contract::Locale;

/// One email before rendering: what the templates decide, without any markup.
pub(crate) struct Draft {
    pub locale: Locale,
    pub subject: String,
    pub greeting: String,
    pub blocks: Vec<Block>,
}

pub(crate) enum Block {
    /// An ordinary paragraph.
    Text(String),
    /// A link the reader is meant to follow: a button in HTML, a bare URL in text.
    Action { label: String, url: String },
    /// Fine print: how long a link lasts, what to do if it was not you.
    Note(String),
}

impl Draft {
    /// Every URL in the message, in reading order (the outbox `links` column).
    pub fn links(&self) -> Vec<String> {
        self.blocks
            .iter()
            .filter_map(|block| match block {
                Block::Action { url, .. } => Some(url.clone()),
                _ => None,
            })
            .collect()
    }
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn escape_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + raw.len() / 8);
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

struct Chrome {
    sign_off: &'static str,
    fallback: &'static str,
    automatic: &'static str,
}

fn chrome(locale: Locale) -> Chrome {
    match locale {
        Locale::Nl => Chrome {
            sign_off: "Groeten,\nTopoCloud",
            fallback: "Werkt de knop niet? Kopieer deze link naar je browser:",
            automatic: "Deze e-mail is automatisch verstuurd door TopoCloud. Je kunt er niet op antwoorden.",
        },
        Locale::En => Chrome {
            sign_off: "Kind regards,\nTopoCloud",
            fallback: "Button not working? Copy this link into your browser:",
            automatic: "This email was sent automatically by TopoCloud. Replies are not read.",
        },
    }
}

pub(crate) fn text(draft: &Draft) -> String {
    let chrome = chrome(draft.locale);
    let mut parts = vec![draft.greeting.clone()];
    for block in &draft.blocks {
        parts.push(match block {
            Block::Text(text) | Block::Note(text) => text.clone(),
            Block::Action { label, url } => format!("{label}:\n{url}"),
        });
    }
    parts.push(chrome.sign_off.to_owned());
    parts.push(format!("-- \n{}", chrome.automatic));
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

// Inline styles only: most mail clients drop <style> blocks and external CSS.
const BODY: &str = "margin:0;padding:24px 12px;background:#f3f5f7;\
font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2a33;";
const CARD: &str = "max-width:560px;margin:0 auto;background:#ffffff;\
border:1px solid #dde3e8;border-radius:8px;padding:28px 32px;";
const BRAND: &str = "margin:0 0 24px;font-size:20px;font-weight:bold;color:#0b5a8a;";
const PARA: &str = "margin:0 0 16px;";
const BUTTON: &str = "display:inline-block;padding:12px 20px;background:#0b5a8a;\
color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold;";
const SMALL: &str = "margin:0 0 16px;font-size:14px;color:#52606b;";
const URL: &str = "color:#0b5a8a;word-break:break-all;";
const FOOTER: &str = "max-width:560px;margin:16px auto 0;font-size:12px;color:#6b7781;\
text-align:center;";

pub(crate) fn html(draft: &Draft) -> String {
    let chrome = chrome(draft.locale);
    let mut body = String::new();
    body.push_str(&paragraph(PARA, &draft.greeting));
    for block in &draft.blocks {
        match block {
            Block::Text(text) => body.push_str(&paragraph(PARA, text)),
            Block::Note(text) => body.push_str(&paragraph(SMALL, text)),
            Block::Action { label, url } => {
                let href = escape_html(url);
                body.push_str(&format!(
                    "<p style=\"margin:24px 0;\"><a href=\"{href}\" style=\"{BUTTON}\">{}</a></p>\n",
                    escape_html(label)
                ));
                body.push_str(&format!(
                    "<p style=\"{SMALL}\">{}<br><a href=\"{href}\" style=\"{URL}\">{href}</a></p>\n",
                    escape_html(chrome.fallback)
                ));
            }
        }
    }
    body.push_str(&paragraph(PARA, chrome.sign_off));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n</head>\n<body style=\"{BODY}\">\n<div style=\"{CARD}\">\n\
<p style=\"{BRAND}\">TopoCloud</p>\n{body}</div>\n<p style=\"{FOOTER}\">{footer}</p>\n\
</body>\n</html>\n",
        lang = draft.locale.code(),
        title = escape_html(&draft.subject),
        footer = escape_html(chrome.automatic),
    )
}

/// Line breaks in the source text stay line breaks in the HTML.
fn paragraph(style: &str, text: &str) -> String {
    let lines: Vec<String> = text.lines().map(escape_html).collect();
    format!("<p style=\"{style}\">{}</p>\n", lines.join("<br>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_html_replaces_every_special_character() {
        assert_eq!(
            escape_html(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
        assert_eq!(escape_html("Één gewone zin"), "Één gewone zin");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    fn draft() -> Draft {
        Draft {
            locale: Locale::En,
            subject: "Subject <b>".to_owned(),
            greeting: "Hi <Ann>,".to_owned(),
            blocks: vec![
                Block::Text("First\nsecond".to_owned()),
                Block::Action {
                    label: "Go".to_owned(),
                    url: "https://example.test/a?x=1&y=2".to_owned(),
                },
                Block::Note("Small print".to_owned()),
                Block::Action {
                    label: "Other".to_owned(),
                    url: "https://example.test/b".to_owned(),
                },
            ],
        }
    }

    #[test]
    fn links_are_listed_in_reading_order() {
        assert_eq!(
            draft().links(),
            ["https://example.test/a?x=1&y=2", "https://example.test/b"]
        );
    }

    #[test]
    fn text_shows_bare_urls_and_html_shows_escaped_anchors() {
        let d = draft();
        let text = text(&d);
        assert!(
            text.starts_with("Hi <Ann>,\n\nFirst\nsecond\n\nGo:\nhttps://example.test/a?x=1&y=2\n")
        );
        let html = html(&d);
        assert!(html.contains("<a href=\"https://example.test/a?x=1&amp;y=2\""));
        assert!(html.contains("Hi &lt;Ann&gt;,"));
        assert!(html.contains("<title>Subject &lt;b&gt;</title>"));
        assert!(html.contains("First<br>second"));
        assert!(!html.contains("<Ann>") && !html.contains("<b>"));
    }
}
