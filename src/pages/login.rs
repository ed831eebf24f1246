//! `/users/login`: where every user starts the day, and where locked-out users land.
//!
//! A live session goes straight on, before the form is ever drawn. Messages that come
//! back in the fragment (`#error=` from single sign-on, `#email=` from an emailed link)
//! are read once and cleared from the address bar.

use crate::api;
use crate::components::{use_document_title, Loading, LoginFailure, LoginForm, PageShell};
use crate::context::{clear_fragment, fragment_value, use_shared};
use crate::i18n::Text;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use topocloud_contract::{safe_return_to, SsoError};

#[component]
pub fn LoginPage() -> impl IntoView {
    let shared = use_shared();
    use_document_title(Text::LoginTitle);
    let query = use_query_map();
    let navigate = use_navigate();

    let destination = Signal::derive(move || {
        safe_return_to(query.read().get("return_to").as_deref())
            .unwrap_or_else(|| shared.runtime().after_login)
    });

    let sso_failure = fragment_value("error").map(|code| LoginFailure::Message(sso_message(&code)));
    if let Some(email) = fragment_value("email") {
        shared.typed_email.set(email);
    }
    if sso_failure.is_some() || fragment_value("email").is_some() {
        clear_fragment();
    }

    let session = LocalResource::new(api::current_session);
    Effect::new(move |_| {
        if let Some(Ok(_)) = session.get() {
            navigate(
                &destination.try_get_untracked().unwrap_or_default(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    view! {
        <PageShell>
            {move || match session.get() {
                Some(Err(_)) => {
                    // Signed out, or the check itself failed: either way, show the form.
                    view! { <LoginForm destination initial_failure=sso_failure.clone() /> }
                        .into_any()
                }
                _ => view! { <Loading text=Text::Loading /> }.into_any(),
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
