//! `/users/login`: where every user starts the day, and where locked-out users land.
//!
//! A live session goes straight on, before the form is ever drawn; so does a sign-in
//! made here (the form tells the app's one session, this screen takes the person on). Messages that come
//! back in the fragment (`#error=` from single sign-on, `#email=` from an emailed link)
//! are read once and cleared from the address bar.

use super::LoginForm;
use crate::components::{use_document_title, Failure, Loading, PageShell};
use crate::context::{clear_fragment, fragment_value, use_shared};
use crate::i18n::Text;
use crate::navigation::use_navigation;
use crate::session::use_session;
use leptos::prelude::*;
use topocloud_contract::{safe_return_to, SsoError};

#[component]
pub fn LoginPage() -> impl IntoView {
    let shared = use_shared();
    use_document_title(Text::LoginTitle);
    let navigation = use_navigation();

    let destination = Signal::derive(move || {
        safe_return_to(navigation.query.run("return_to").as_deref())
            .unwrap_or_else(|| shared.runtime().after_login)
    });

    let sso_failure =
        fragment_value("error").map(|code| Failure::Message(sso_message(&code).into()));
    if let Some(email) = fragment_value("email") {
        shared.typed_email.set(email);
    }
    if sso_failure.is_some() || fragment_value("email").is_some() {
        clear_fragment();
    }

    let session = use_session();
    Effect::new(move |_| {
        if let Some(Ok(_)) = session.get() {
            navigation
                .replace
                .run(destination.try_get_untracked().unwrap_or_default());
        }
    });
    // Signed out, or the check itself failed: either way the form, drawn whole or not
    // yet: its single sign-on buttons and registration link come from `/api/config`, and
    // arriving after the takeover they would push the links below the card and the
    // footer down (a layout shift of 0.036 on a phone). Once drawn, the form stays (also
    // while its own sign-in takes the person on) and is never made anew, which would
    // lose what was typed.
    let ready = Memo::new(move |drawn: Option<&bool>| {
        drawn == Some(&true)
            || (matches!(session.get(), Some(Err(_))) && shared.site_config.get().is_some())
    });

    view! {
        <PageShell>
            {move || {
                if ready.get() {
                    view! { <LoginForm destination initial_failure=sso_failure /> }.into_any()
                } else {
                    view! { <Loading text=Text::Loading /> }.into_any()
                }
            }}
        </PageShell>
    }
}

fn sso_message(code: &str) -> Text {
    match SsoError::from_code(code) {
        Some(SsoError::Cancelled) => Text::SsoCancelled,
        Some(SsoError::StateMismatch) => Text::SsoStateMismatch,
        Some(SsoError::NoAccount) => Text::SsoNoAccount,
        Some(SsoError::UnknownProvider) => Text::SsoUnavailable,
        Some(SsoError::Failed) | None => Text::SsoFailed,
    }
}
