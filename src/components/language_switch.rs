use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// Names the other language in that language ("English" / "Nederlands"), the way people
/// look for it, with a label in the current language for screen readers.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || i18n.lang().other().code()
            aria-label=move || i18n.t(Text::SwitchLanguageLabel)
            on:click=move |_| i18n.set(i18n.lang().other())
        >
            {tr(Text::SwitchLanguage)}
        </button>
    }
}
