//! The help centre's articles: which exist, and how to find one by its address.
//!
//! The words themselves live in `content_nl.rs` and `content_en.rs`, one exhaustive
//! `match` per language, so an article without a translation does not compile. Edit the
//! text there; this file only changes when an article is added.

use super::{articles_en, articles_nl};
use crate::i18n::{Catalogue, Lang};

/// Every help article, in the order the list shows them; its slugs (addresses) in both
/// languages are in the route registry.
pub use topocloud_contract::routes::HelpArticle as Article;

/// One article in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The heading, and the link text in the list.
    pub question: &'static str,
    /// Words people type when they look for this article, beyond those in the text.
    pub keywords: &'static str,
    /// The answer, in the small markup that `markup.rs` explains.
    pub body: &'static str,
}

/// The article's words in one language.
pub fn entry(article: Article, lang: Lang) -> Entry {
    match lang {
        Lang::Nl => articles_nl::entry(article),
        Lang::En => articles_en::entry(article),
    }
}

/// The part of an article a screen shows, as a translatable text: the product's name
/// from the runtime configuration replaces "TopoCloud" like everywhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleText {
    Question(Article),
    Body(Article),
}

impl Catalogue for ArticleText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match self {
            ArticleText::Question(article) => entry(article, lang).question,
            ArticleText::Body(article) => entry(article, lang).body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];

    #[test]
    fn every_article_is_fully_translated() {
        let all: Vec<ArticleText> = Article::ALL
            .iter()
            .flat_map(|a| [ArticleText::Question(*a), ArticleText::Body(*a)])
            .collect();
        crate::i18n::assert_fully_translated(&all, &[]);
        for article in Article::ALL {
            let (nl, en) = (entry(*article, Lang::Nl), entry(*article, Lang::En));
            assert_ne!(nl.keywords, en.keywords, "{article:?} keywords");
            assert!(!nl.keywords.trim().is_empty() && !en.keywords.trim().is_empty());
        }
    }

    #[test]
    fn both_slugs_resolve_to_their_article() {
        for article in Article::ALL {
            for lang in LANGS {
                let slug = article.slug(lang);
                assert_eq!(Article::from_slug(slug), Some(*article), "{slug}");
                assert_eq!(Article::from_slug(&slug.to_uppercase()), Some(*article));
                assert_eq!(Article::from_slug(&format!("{slug}/")), Some(*article));
            }
        }
        assert_eq!(
            Article::from_slug("kan-niet-inloggen"),
            Some(Article::CantLogIn)
        );
        assert_eq!(Article::from_slug("cant-log-in"), Some(Article::CantLogIn));
        assert_eq!(
            Article::from_slug("wachtwoord-vergeten"),
            Some(Article::ForgotPassword)
        );
        assert_eq!(
            Article::from_slug("forgot-password"),
            Some(Article::ForgotPassword)
        );
    }

    #[test]
    fn unknown_slugs_resolve_to_nothing() {
        for bad in [
            "",
            "/",
            "bestaat-niet",
            "kan-niet",
            "cant-log-in-x",
            "../login",
        ] {
            assert_eq!(Article::from_slug(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let mut seen = std::collections::HashSet::new();
        for article in Article::ALL {
            for lang in LANGS {
                let slug = article.slug(lang);
                assert!(seen.insert(slug), "{slug} is used twice");
                assert!(
                    slug.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{slug} must be lowercase a-z, 0-9 and -"
                );
            }
        }
    }
}
