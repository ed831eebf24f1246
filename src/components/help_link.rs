//! How other screens point into the help centre, exactly where a person gets stuck.
//!
//! ```text
//! use crate::components::{article_href, HelpLink};
//! use crate::i18n::help::Article;
//! view! { <a href=article_href(Article::LinkExpired)>"…"</a> }   // own link text, current language
//! view! { <p><HelpLink article=Article::LinkExpired /></p> }      // "Hulp: <question>"
//! ```

use crate::i18n::help::{Article, ArticleText, HelpText};
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// The article's address with the slug of the language on screen (both slugs lead to the
/// article; a reader of English should see an English address).
pub fn article_href(article: Article) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || article.path(i18n.lang())
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
        Text::PasskeyUnknown | Text::PasskeyFailed => Some(Article::Passkeys),
        _ => None,
    }
}

/// A link to one article, worded as its question ("Hulp: Ik kan niet inloggen") in the
/// current language, with that language's slug.
#[component]
pub fn HelpLink(article: Article) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="help-link" href=move || article.path(i18n.lang())>
            {tr(HelpText::HelpLinkPrefix)}
            " "
            {tr(ArticleText::Question(article))}
        </a>
    }
}

/// The help link for a message, in its own paragraph; nothing when no article fits.
#[component]
pub fn HelpLinkFor(message: Text) -> impl IntoView {
    article_for(message).map(|article| {
        view! {
            <p>
                <HelpLink article />
            </p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
