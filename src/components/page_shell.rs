use super::loading::ScreenWaiting;
use super::{first_paint, focus_after_render, LanguageSwitch};
use crate::context::use_shared;
use crate::i18n::help::HelpText;
use crate::i18n::tr;
use crate::i18n::Text;
use leptos::prelude::*;
use topocloud_contract::routes;
use wasm_bindgen::JsCast;

/// The frame around every screen: skip link, product header with the language switch,
/// one `main` landmark, and a footer that always leads to the help centre.
#[component]
pub fn PageShell(children: Children) -> impl IntoView {
    let runtime = use_shared().runtime();
    // The login routes hand over from their form, once it is there to take the typed
    // values; every other screen replaces the static frame once it is complete: mounted,
    // and no longer showing a `Loading` message.
    let waiting = ScreenWaiting(RwSignal::new(0));
    provide_context(waiting);
    Effect::new(move |_| {
        if waiting.0.get() > 0 {
            return;
        }
        let path = web_sys::window().and_then(|w| w.location().pathname().ok());
        if !path.as_deref().is_some_and(first_paint::is_login_path) {
            first_paint::hand_over(None);
        }
    });
    view! {
        // Focuses `main` itself: the router would otherwise treat `#main` as a navigation,
        // and fragments on this site carry one-time tokens.
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus_after_render(|| {
                    document().get_element_by_id("main").and_then(|e| e.dyn_into().ok())
                });
            }
        >
            {tr(Text::SkipToContent)}
        </a>
        <header class="site-header">
            <a class="brand" href=routes::LOGIN>
                <img src=runtime.logo_url alt="" width="32" height="32" />
                <span>{runtime.product_name.clone()}</span>
            </a>
            <LanguageSwitch />
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <a href=routes::HELP>{tr(HelpText::HelpTitle)}</a>
            <span>"© " {runtime.product_name.clone()}</span>
        </footer>
    }
}
