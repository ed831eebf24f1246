//! `/account`: the signed-in landing page. The route table guards it
//! ([`crate::session::SignedInOnly`]): signed-out visitors go to login and come back.

use super::security::SecuritySections;
use crate::api::{self, ApiError};
use crate::components::Pending;
use crate::components::{focus_when_drawn, use_document_title, Countdown, Failure, FailureAlert};
use crate::components::{Loading, PageShell};
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::session::use_session;
use leptos::html::Div;
use leptos::prelude::*;
use topocloud_contract::SessionInfo;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Text::AccountTitle);
    let session = use_session();
    // Known already (signed in a moment ago, say): ask again in the background all the
    // same, so that a session ended meanwhile (elsewhere, or by time) is not shown as live.
    if session.is_known() {
        session.check();
    }

    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let alert_ref = NodeRef::<Div>::new();
    // Signed out, the guard takes the person to the login form.
    let pending = Pending::new();
    let sign_out = move |_: ()| {
        pending.run(async move {
            match api::sign_out().await {
                Ok(()) => session.signed_out(),
                Err(error) => {
                    failure.set(Some(Failure::from_error(&error)));
                    focus_when_drawn(alert_ref);
                }
            }
        })
    };
    let signing_out = pending;

    let signed_in = move |info: SessionInfo| {
        view! {
            <p>
                {tr(Text::SignedInAs)} " "
                <strong class="account-email">{info.email.clone()}</strong>
            </p>
            <FailureAlert failure countdown node_ref=alert_ref />
            <button
                type="button"
                class="button button--secondary"
                aria-disabled=move || signing_out.get().then_some("true")
                on:click=move |_| {
                    if !signing_out.get_untracked() {
                        sign_out(());
                    }
                }
            >
                {move || {
                    i18n.t(if signing_out.get() { Text::SigningOut } else { Text::SignOutButton })
                }}
            </button>
            <SecuritySections email=info.email.clone() />
        }
    };
    // Whatever made the check fail, asking again is the way on.
    let failed = move |error: ApiError| {
        let failure = RwSignal::new(Some(Failure::Retry(error.message().into())));
        let on_retry = move |_| session.check();
        view! { <FailureAlert failure countdown node_ref=NodeRef::new() on_retry /> }
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="account-title">
                <h1 id="account-title">{tr(Text::AccountTitle)}</h1>
                {move || match session.get() {
                    Some(Ok(info)) => signed_in(info).into_any(),
                    Some(Err(error)) if !error.is_not_signed_in() => failed(error).into_any(),
                    _ => {
                        // The check failed (not a sign-out: the guard handles that).
                        view! { <Loading text=Text::Loading /> }
                            .into_any()
                    }
                }}
            </section>
        </PageShell>
    }
}
