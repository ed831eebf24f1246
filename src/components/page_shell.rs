use super::LanguageSwitch;
use crate::context::use_shared;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// The frame around every screen: skip link, product header with the language switch,
/// and one `main` landmark.
#[component]
pub fn PageShell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let runtime = use_shared().runtime();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(Text::SkipToContent)}</a>
        <header class="site-header">
            <a class="brand" href="/users/login">
                <img src=runtime.logo_url alt="" width="32" height="32" />
                <span>{runtime.product_name}</span>
            </a>
            <LanguageSwitch />
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
    }
}
