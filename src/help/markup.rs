//! The little markup the answers are written in, so whoever edits the help text never
//! touches view code:
//!
//! - an empty line starts a new paragraph; a paragraph may span several lines;
//! - lines starting with `1. `, `2. `, … are numbered steps; lines starting with `- `
//!   are a bulleted list;
//! - `**Aanmelden**` shows a button's or field's name in bold;
//! - `[link text](target)` is a link, where target is one of
//!   - `screen:login`, `screen:forgot-password`, `screen:register` or `screen:account`: a
//!     screen of this site (the account page sends a signed-out visitor to login first),
//!   - `help:wachtwoord-vergeten`: another help article (its Dutch or English slug),
//!   - `guide:quick-start` or `guide:change-password`: the guides whose addresses the
//!     runtime configuration sets (they open in a new tab);
//! - `{support_email}` and `{support_phone}`: the configured support address and number,
//!   as `mailto:` and `tel:` links.
//!
//! Anything else is shown as written; a link to an unknown target fails a test.

use super::Article;
use topocloud_contract::routes;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Steps(Vec<Vec<Inline>>),
    Bullets(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Link { label: String, target: Target },
    SupportEmail,
    SupportPhone,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A screen of this site, written `screen:login`; the path comes from the registry.
    Page(&'static str),
    Article(Article),
    QuickStartGuide,
    ChangePasswordGuide,
    Unknown(String),
}

impl Target {
    fn parse(target: &str) -> Self {
        let target = target.trim();
        if let Some(slug) = target.strip_prefix("help:") {
            return Article::from_slug(slug).map_or_else(|| Self::unknown(target), Self::Article);
        }
        match target {
            "guide:quick-start" => Self::QuickStartGuide,
            "guide:change-password" => Self::ChangePasswordGuide,
            "screen:login" => Self::Page(routes::LOGIN),
            "screen:forgot-password" => Self::Page(routes::FORGOT_PASSWORD),
            "screen:register" => Self::Page(routes::REGISTER),
            "screen:account" => Self::Page(routes::ACCOUNT),
            // Anything else, a bare path too, is not a link: only the registry's screens are.
            other => Self::unknown(other),
        }
    }

    fn unknown(target: &str) -> Self {
        Self::Unknown(target.to_owned())
    }
}

pub fn parse(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for chunk in body.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if lines.iter().all(|l| step_text(l).is_some()) {
            blocks.push(Block::Steps(
                lines
                    .iter()
                    .filter_map(|l| step_text(l))
                    .map(inlines)
                    .collect(),
            ));
        } else if lines.iter().all(|l| l.starts_with("- ")) {
            blocks.push(Block::Bullets(
                lines.iter().map(|l| inlines(&l[2..])).collect(),
            ));
        } else {
            blocks.push(Block::Paragraph(inlines(&lines.join(" "))));
        }
    }
    blocks
}

/// `3. Druk op …` → `Druk op …`.
fn step_text(line: &str) -> Option<&str> {
    let (number, rest) = line.split_once(". ")?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then_some(rest)
}

pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (inline, used) = match c {
            '[' => link_at(rest),
            '*' if rest.starts_with("**") => strong_at(rest),
            '{' if rest.starts_with("{support_email}") => (Some(Inline::SupportEmail), 15),
            '{' if rest.starts_with("{support_phone}") => (Some(Inline::SupportPhone), 15),
            _ => (None, 0),
        };
        match inline {
            Some(inline) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(inline);
                rest = &rest[used..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// `[label](target)` at the start of `text`, and how many bytes it takes.
fn link_at(text: &str) -> (Option<Inline>, usize) {
    let Some(close) = text.find("](") else {
        return (None, 0);
    };
    let Some(end) = text[close..].find(')').map(|e| close + e) else {
        return (None, 0);
    };
    let label = &text[1..close];
    if label.contains('[') {
        return (None, 0);
    }
    let target = Target::parse(&text[close + 2..end]);
    let link = Inline::Link {
        label: label.to_owned(),
        target,
    };
    (Some(link), end + 1)
}

fn strong_at(text: &str) -> (Option<Inline>, usize) {
    match text[2..].find("**") {
        Some(end) if end > 0 => (Some(Inline::Strong(text[2..2 + end].to_owned())), end + 4),
        _ => (None, 0),
    }
}

/// The words of an answer without its markup, for searching.
pub fn plain_text(body: &str) -> String {
    let words = |line: &[Inline]| -> String {
        line.iter()
            .map(|inline| match inline {
                Inline::Text(t) | Inline::Strong(t) => t.as_str(),
                Inline::Link { label, .. } => label.as_str(),
                Inline::SupportEmail | Inline::SupportPhone => "",
            })
            .collect()
    };
    parse(body)
        .iter()
        .map(|block| match block {
            Block::Paragraph(line) => words(line),
            Block::Steps(items) | Block::Bullets(items) => {
                items.iter().map(|i| words(i)).collect::<Vec<_>>().join(" ")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_steps_and_bullets() {
        let blocks = parse("Eerst dit,\nover twee regels.\n\n1. Een\n2. Twee\n\n- a\n- b\n");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("Eerst dit, over twee regels.")]),
                Block::Steps(vec![vec![text("Een")], vec![text("Twee")]]),
                Block::Bullets(vec![vec![text("a")], vec![text("b")]]),
            ]
        );
    }

    #[test]
    fn links_bold_and_contact_tokens() {
        assert_eq!(
            inlines(
                "Druk op **Aanvragen**, lees [dit](help:forgot-password) of mail {support_email}."
            ),
            vec![
                text("Druk op "),
                Inline::Strong("Aanvragen".into()),
                text(", lees "),
                Inline::Link {
                    label: "dit".into(),
                    target: Target::Article(Article::ForgotPassword)
                },
                text(" of mail "),
                Inline::SupportEmail,
                text("."),
            ]
        );
        let targets: Vec<Target> = [
            "screen:login",
            "screen:account",
            "guide:quick-start",
            "guide:change-password",
        ]
        .iter()
        .map(|t| Target::parse(t))
        .collect();
        assert_eq!(
            targets,
            vec![
                Target::Page(routes::LOGIN),
                Target::Page(routes::ACCOUNT),
                Target::QuickStartGuide,
                Target::ChangePasswordGuide
            ]
        );
    }

    #[test]
    fn broken_or_foreign_markup_is_shown_as_written_or_flagged() {
        assert_eq!(inlines("[geen link"), vec![text("[geen link")]);
        assert_eq!(inlines("a ** b"), vec![text("a ** b")]);
        assert_eq!(inlines("{support}"), vec![text("{support}")]);
        assert_eq!(
            inlines("2. niet in een lijst"),
            vec![text("2. niet in een lijst")]
        );
        for foreign in [
            "https://evil.test",
            "//evil.test",
            "javascript:alert(1)",
            "help:nope",
        ] {
            assert!(
                matches!(Target::parse(foreign), Target::Unknown(_)),
                "{foreign}"
            );
        }
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            plain_text("Klik op **Aanmelden**.\n\n1. Lees [de gids](guide:quick-start)\n2. Mail {support_email}"),
            "Klik op Aanmelden. Lees de gids Mail "
        );
    }

    /// A typo in a link inside an answer fails here, not in front of a customer.
    #[test]
    fn every_link_in_every_answer_goes_somewhere() {
        for article in Article::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let body = crate::i18n::help::entry(*article, lang).body;
                let blocks = parse(body);
                assert!(!blocks.is_empty(), "{article:?} {lang:?} has no answer");
                let inlines = blocks.iter().flat_map(|block| match block {
                    Block::Paragraph(line) => vec![line],
                    Block::Steps(items) | Block::Bullets(items) => items.iter().collect(),
                });
                for inline in inlines.flatten() {
                    if let Inline::Link { target, label } = inline {
                        assert!(!label.trim().is_empty(), "{article:?}: empty link text");
                        assert!(
                            !matches!(target, Target::Unknown(_)),
                            "{article:?} {lang:?}: unknown link target {target:?}"
                        );
                        if let Target::Article(to) = target {
                            assert_ne!(to, article, "{article:?} links to itself");
                        }
                    }
                }
            }
        }
    }
}
