//! How other screens point into the help centre, exactly where a person gets stuck.
//!
//! ```text
//! use crate::help::{article_href, Article, HelpLink};
//! view! { <a href=article_href(Article::LinkExpired)>"…"</a> }   // own link text
//! view! { <p><HelpLink article=Article::LinkExpired /></p> }      // "Hulp: <question>"
//! ```

use super::content::{Article, ArticleText};
use super::text::HelpText;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Lang, Text};
use leptos::prelude::*;

/// The list of all questions.
pub const HELP_PATH: &str = "/help";

/// The article's permanent address, with its Dutch slug (the product's first language;
/// the English slug leads to the same article).
pub fn article_href(article: Article) -> String {
    article_href_in(article, Lang::Nl)
}

/// The article's address with the slug of `lang`.
pub fn article_href_in(article: Article, lang: Lang) -> String {
    format!("{HELP_PATH}/{}", article.slug(lang))
}

/// The article that explains a message the shared catalogue shows, if one does.
pub fn article_for(message: Text) -> Option<Article> {
    match message {
        Text::InvalidCredentials => Some(Article::CantLogIn),
        Text::TooManyAttempts | Text::CanTryAgainNow => Some(Article::TooManyAttempts),
        Text::SsoCancelled
        | Text::SsoFailed
        | Text::SsoStateMismatch
        | Text::SsoNoAccount
        | Text::SsoUnavailable => Some(Article::MicrosoftSignIn),
        Text::EmailNotVerified | Text::VerificationResent => Some(Article::LinkExpired),
        _ => None,
    }
}

/// A link to one article, worded as its question ("Hulp: Ik kan niet inloggen") in the
/// current language, with that language's slug.
#[component]
pub fn HelpLink(article: Article) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="help-link" href=move || article_href_in(article, i18n.lang())>
            {tr(HelpText::HelpLinkPrefix)} " " {tr(ArticleText::Question(article))}
        </a>
    }
}

/// The help link for a message, in its own paragraph; nothing when no article fits.
#[component]
pub fn HelpLinkFor(message: Text) -> impl IntoView {
    article_for(message).map(|article| view! { <p><HelpLink article /></p> })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_use_the_slugs() {
        assert_eq!(article_href(Article::CantLogIn), "/help/kan-niet-inloggen");
        assert_eq!(
            article_href_in(Article::CantLogIn, Lang::En),
            "/help/cant-log-in"
        );
        for article in Article::ALL {
            let href = article_href(*article);
            let slug = href.trim_start_matches("/help/");
            assert_eq!(Article::from_slug(slug), Some(*article));
        }
    }

    #[test]
    fn login_failures_point_at_their_article() {
        assert_eq!(
            article_for(Text::InvalidCredentials),
            Some(Article::CantLogIn)
        );
        assert_eq!(
            article_for(Text::TooManyAttempts),
            Some(Article::TooManyAttempts)
        );
        assert_eq!(
            article_for(Text::SsoNoAccount),
            Some(Article::MicrosoftSignIn)
        );
        assert_eq!(article_for(Text::NetworkDown), None);
    }
}
