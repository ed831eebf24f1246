//! `/account`: the signed-in landing page. Signed-out visitors go to login and come back.

use crate::api::{self, ApiError};
use crate::components::{focus_when_drawn, use_document_title, FormAlert, Loading, PageShell};
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::return_to::login_url_returning_to;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use topocloud_contract::routes::{ACCOUNT, LOGIN};
use topocloud_contract::SessionInfo;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Text::AccountTitle);
    let navigate = use_navigate();
    let session = LocalResource::new(api::current_session);

    let to_login = navigate.clone();
    Effect::new(move |_| {
        if let Some(Err(error)) = session.get() {
            if error.is_not_signed_in() {
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                to_login(&login_url_returning_to(ACCOUNT), replace);
            }
        }
    });

    let alert = RwSignal::new(None::<Text>);
    let alert_ref = NodeRef::<Div>::new();
    let sign_out = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            match api::sign_out().await {
                Ok(()) => navigate(
                    LOGIN,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                ),
                Err(error) => {
                    alert.set(Some(error.message()));
                    focus_when_drawn(alert_ref);
                }
            }
        }
    });
    let signing_out = sign_out.pending();

    let signed_in = move |info: SessionInfo| {
        view! {
            <p>
                {tr(Text::SignedInAs)} " "
                <strong class="account-email">{info.email.clone()}</strong>
            </p>
            <FormAlert message=alert node_ref=alert_ref />
            <button
                type="button"
                class="button button--secondary"
                aria-disabled=move || signing_out.get().then_some("true")
                on:click=move |_| {
                    if !signing_out.get_untracked() {
                        sign_out.dispatch_local(());
                    }
                }
            >
                {move || {
                    i18n.t(if signing_out.get() { Text::SigningOut } else { Text::SignOutButton })
                }}
            </button>
        }
    };
    let failed = move |error: ApiError| {
        view! {
            <p class="form-alert form-alert--visible" role="alert">
                {move || i18n.t(error.message())}
            </p>
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| session.refetch()
            >
                {tr(Text::TryAgain)}
            </button>
        }
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="account-title">
                <h1 id="account-title">{tr(Text::AccountTitle)}</h1>
                {move || match session.get() {
                    None => {
                        // Signed out: on the way to the login form, which takes over from here.
                        view! { <Loading text=Text::Loading /> }
                            .into_any()
                    }
                    Some(Err(error)) if error.is_not_signed_in() => {
                        view! { <Loading text=Text::Loading /> }.into_any()
                    }
                    Some(Ok(info)) => signed_in(info).into_any(),
                    Some(Err(error)) => failed(error).into_any(),
                }}
            </section>
        </PageShell>
    }
}
