//! A text from any catalogue, and one way to put it on screen.

use super::accounts::{AccountText, Msg};
use super::help::{ArticleText, HelpText};
use super::recovery::RecoveryText;
use super::{use_i18n, Catalogue, Lang, Text};
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyText {
    Site(Text),
    Accounts(AccountText),
    Recovery(RecoveryText),
    Help(HelpText),
    Article(ArticleText),
}

macro_rules! from_catalogue {
    ($($catalogue:ty => $variant:ident),+) => {$(
        impl From<$catalogue> for AnyText {
            fn from(text: $catalogue) -> Self {
                AnyText::$variant(text)
            }
        }
    )+};
}
from_catalogue!(Text => Site, AccountText => Accounts, RecoveryText => Recovery, HelpText => Help, ArticleText => Article);

impl From<Msg> for AnyText {
    fn from(msg: Msg) -> Self {
        match msg {
            Msg::Site(text) => AnyText::Site(text),
            Msg::Accounts(text) => AnyText::Accounts(text),
        }
    }
}

impl Catalogue for AnyText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match self {
            AnyText::Site(text) => text.in_lang(lang),
            AnyText::Accounts(text) => text.in_lang(lang),
            AnyText::Recovery(text) => text.in_lang(lang),
            AnyText::Help(text) => text.in_lang(lang),
            AnyText::Article(text) => text.in_lang(lang),
        }
    }
}

/// A text on screen that follows the language switch: `{tr(Text::SignInButton)}`.
///
/// Why not `{move || i18n.t(..)}` at each place: every such closure is a type of its
/// own, and Leptos compiles its rendering code once per type. Through this one
/// non-generic function all of the site's texts share one copy.
pub fn tr(text: impl Into<AnyText>) -> impl IntoView {
    on_screen(text.into())
}

fn on_screen(text: AnyText) -> impl IntoView {
    let i18n = use_i18n();
    move || i18n.t(text)
}
