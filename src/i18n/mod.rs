//! Dutch first, English second.
//!
//! A hand-written catalogue instead of `leptos_i18n`: every string is a variant of
//! [`Text`], and both languages are exhaustive `match`es, so a string missing in either
//! language is a compile error. It costs only the strings themselves in the wasm (see
//! README, "Size"), where `leptos_i18n` 0.6 measured ~16 KB brotli on top.

pub mod accounts;
mod api_errors;
mod en;
pub mod help;
mod lifetimes;
mod nl;
mod on_screen;
pub mod recovery;
pub mod security;
mod text;

pub use lifetimes::fill_lifetimes;
pub use on_screen::{tr, AnyText};
#[allow(unused_imports)] // used by the screens that declare their own catalogue
pub(crate) use text::catalogue;
pub use text::Text;

/// Anything the site can say in both languages. Each catalogue is an enum whose two
/// language tables are exhaustive `match`es, so a missing translation does not compile.
pub trait Catalogue: Copy + std::fmt::Debug + 'static {
    fn in_lang(self, lang: Lang) -> &'static str;
}

impl Catalogue for Text {
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => nl::text(self),
            Lang::En => en::text(self),
        }
    }
}

/// For each catalogue's tests: every entry is non-empty and really translated.
#[cfg(test)]
pub fn assert_fully_translated<T: Catalogue + PartialEq>(all: &[T], same_in_both: &[T]) {
    for text in all {
        let (nl, en) = (text.in_lang(Lang::Nl), text.in_lang(Lang::En));
        assert!(
            !nl.trim().is_empty() && !en.trim().is_empty(),
            "{text:?} is empty"
        );
        if !same_in_both.contains(text) {
            assert_ne!(nl, en, "{text:?} is not translated");
        }
    }
}

use leptos::prelude::*;
use std::borrow::Cow;
use topocloud_contract::LinkLifetimes;

/// The site's language is the contract's: one type from the browser to the emails.
pub use topocloud_contract::Locale as Lang;

/// How long to wait, in words: "42 seconden", "1 minuut", "3 minutes".
pub fn format_wait(lang: Lang, seconds: u32) -> String {
    let (amount, one, many) = if seconds < 90 {
        let s = seconds.max(1);
        match lang {
            Lang::Nl => (s, "seconde", "seconden"),
            Lang::En => (s, "second", "seconds"),
        }
    } else {
        let m = seconds.div_ceil(60);
        match lang {
            Lang::Nl => (m, "minuut", "minuten"),
            Lang::En => (m, "minute", "minutes"),
        }
    };
    format!("{amount} {}", if amount == 1 { one } else { many })
}

/// "Too many attempts" with the wait in the sentence, word order per language.
pub fn too_many_attempts(lang: Lang, seconds: u32) -> String {
    let wait = format_wait(lang, seconds);
    match lang {
        Lang::Nl => format!("Te veel pogingen. Je kunt het over {wait} opnieuw proberen."),
        Lang::En => format!("Too many attempts. You can try again in {wait}."),
    }
}

/// A moment as people read it in their language and time zone, "woensdag 2 december
/// 2026 om 14:30". The browser's own `Intl` does it: no calendar code in the wasm.
pub fn date_time(lang: Lang, unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "full"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locale = match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}

/// The current language, shared by every screen through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// The product's name from the runtime configuration; the catalogue says "TopoCloud".
    product: StoredValue<Option<String>>,
    /// How long emailed links work, once `/api/config` has said; the defaults until then.
    link_lifetimes: RwSignal<LinkLifetimes>,
}

const STORAGE_KEY: &str = "topocloud.lang";
const PRODUCT: &str = "TopoCloud";

impl I18n {
    /// A remembered choice wins; otherwise Dutch (the product's language).
    pub fn provide() -> Self {
        let initial = stored_lang().unwrap_or_default();
        let i18n = Self {
            lang: RwSignal::new(initial),
            product: StoredValue::new(None),
            link_lifetimes: RwSignal::new(LinkLifetimes::default()),
        };
        Effect::new(move |_| apply_to_document(i18n.lang.get()));
        provide_context(i18n);
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
    }

    /// Takes over the language chosen with the static first paint's own switch, which
    /// works before the app is on screen (it sets `<html lang>` and the remembered
    /// choice, but cannot reach this signal): the app must not come up in the other one.
    pub fn follow_document(&self) {
        let chosen = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|code| Lang::from_tag(&code));
        if let Some(lang) = chosen.filter(|lang| *lang != self.lang.get_untracked()) {
            self.lang.set(lang);
        }
    }

    /// A deployment that renames the product renames it in every sentence too.
    pub fn set_product_name(&self, name: &str) {
        let renamed = (name != PRODUCT && !name.trim().is_empty()).then(|| name.to_owned());
        self.product.set_value(renamed);
    }

    /// The backend's link lifetimes, for the sentences that state them.
    pub fn set_link_lifetimes(&self, lifetimes: LinkLifetimes) {
        if self.link_lifetimes.get_untracked() != lifetimes {
            self.link_lifetimes.set(lifetimes);
        }
    }

    /// A reactive translation: re-evaluates when the language changes (and, for a
    /// sentence that says how long a link works, when the backend has said it).
    pub fn t(&self, text: impl Into<AnyText>) -> Cow<'static, str> {
        let lang = self.lang.get();
        self.personalise(text.into().in_lang(lang), lang)
    }

    /// Not generic, so the wasm has this once rather than once per catalogue.
    #[inline(never)]
    fn personalise(&self, sentence: &'static str, lang: Lang) -> Cow<'static, str> {
        let mut sentence = Cow::Borrowed(sentence);
        if let Some(name) = self.product.try_get_value().flatten() {
            if sentence.contains(PRODUCT) {
                sentence = Cow::Owned(sentence.replace(PRODUCT, &name));
            }
        }
        // Only these sentences follow the lifetimes signal.
        if lifetimes::mentions_lifetime(&sentence) {
            if let Some(filled) =
                lifetimes::fill_lifetimes(&sentence, &self.link_lifetimes.get(), lang)
            {
                return Cow::Owned(filled);
            }
        }
        sentence
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(I18n::provide)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_lang() -> Option<Lang> {
    Lang::from_tag(&local_storage()?.get_item(STORAGE_KEY).ok()??)
}

fn apply_to_document(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_accept_regions() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_tag("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn every_text_differs_between_languages_or_is_a_name() {
        // Catches a string pasted into the wrong language's table.
        assert_fully_translated(Text::ALL, Text::SAME_IN_BOTH);
    }

    #[test]
    fn waits_are_said_in_words() {
        assert_eq!(format_wait(Lang::Nl, 1), "1 seconde");
        assert_eq!(format_wait(Lang::Nl, 42), "42 seconden");
        assert_eq!(format_wait(Lang::En, 0), "1 second");
        assert_eq!(format_wait(Lang::En, 89), "89 seconds");
        assert_eq!(format_wait(Lang::Nl, 90), "2 minuten");
        assert_eq!(format_wait(Lang::En, 900), "15 minutes");
        assert_eq!(format_wait(Lang::Nl, 60 * 60), "60 minuten");
        assert!(too_many_attempts(Lang::Nl, 30).contains("over 30 seconden opnieuw"));
        assert!(too_many_attempts(Lang::En, 30).ends_with("in 30 seconds."));
    }

    #[test]
    fn the_sign_in_button_says_aanmelden_in_dutch() {
        assert_eq!(Text::SignInButton.in_lang(Lang::Nl), "Aanmelden");
        assert_eq!(Text::SignInButton.in_lang(Lang::En), "Sign in");
    }
}
