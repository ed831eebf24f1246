//! A text from any catalogue, and one way to put it on screen.

use super::{use_i18n, Catalogue, Lang};
use leptos::prelude::*;

/// A text from any catalogue, looked up in both languages where it is made. Holding the
/// two sentences rather than a tag of its catalogue matters for size: a screen links only
/// the catalogues it names, not every catalogue of the site (the login page's own app
/// would otherwise carry the help centre's articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnyText {
    nl: &'static str,
    en: &'static str,
}

impl AnyText {
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

impl<T: Catalogue> From<T> for AnyText {
    fn from(text: T) -> Self {
        AnyText {
            nl: text.in_lang(Lang::Nl),
            en: text.in_lang(Lang::En),
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
