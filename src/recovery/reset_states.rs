//! How a password-reset link can end: the new password is set, or the link is expired,
//! used or broken (with the address it was for, when the backend says so, to ask anew).

use crate::api::{self};
use crate::components::article_href;
use crate::components::Pending;
use crate::components::{focus_when_drawn, Countdown, Failure, FailureAlert};
use crate::context::use_shared;
use crate::help::Article;
use crate::i18n::recovery::RecoveryText as R;
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use topocloud_contract::routes;
use topocloud_contract::PasswordResetRequest;

#[component]
pub fn ResetDone(email: String) -> impl IntoView {
    let shared = use_shared();
    // Signing in next needs only the password: the address is already filled in.
    shared.typed_email.set(email);
    // The form this replaces had focus: the new heading takes it (`autofocus` is ignored
    // once anything on the page has been focused).
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_drawn(heading);
    view! {
        <h1 node_ref=heading tabindex="-1">
            {tr(R::DoneTitle)}
        </h1>
        <p role="status">{tr(R::DoneBody)}</p>
        <a class="button button--primary" href=routes::LOGIN>
            {tr(R::GoToLogin)}
        </a>
    }
}

#[component]
pub fn ResetLinkDead(title: R, body: R, email: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sent_to = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<Failure>);
    // Too many requests for this address: the wait is shown and counted, as elsewhere.
    let countdown = Countdown::new();
    let pending = Pending::new();
    let send = move |address: String| {
        let request = PasswordResetRequest {
            email: address.clone(),
            locale: i18n.lang(),
        };
        pending.run(async move {
            match api::request_password_reset(&request).await {
                Ok(()) => {
                    sent_to.try_set(Some(request.email));
                }
                Err(error) => {
                    countdown.start_on_limit(&error);
                    failure.try_set(Some(Failure::from_error(&error)));
                }
            }
        })
    };
    let known = email.is_some();
    let address = StoredValue::new(email);
    let run = move || {
        let Some(to) = address.get_value() else {
            return;
        };
        if countdown.refuses(pending) || sent_to.get_untracked().is_some() {
            return;
        }
        failure.set(None);
        send(to);
    };
    let next_step = if known {
        view! {
            <button
                type="button"
                class="button button--primary"
                aria-disabled=move || {
                    (countdown.blocks(pending) || sent_to.get().is_some()).then_some("true")
                }
                on:click=move |_| run()
            >
                {tr(R::NewLinkButton)}
            </button>
        }
        .into_any()
    } else {
        view! {
            <a class="button button--primary" href=routes::FORGOT_PASSWORD>
                {tr(R::RequestNewLink)}
            </a>
        }
        .into_any()
    };
    view! {
        <h1>{tr(title)}</h1>
        <p>{tr(body)}</p>
        <div role="status">
            {move || {
                sent_to
                    .get()
                    .map(|to| {
                        view! {
                            <p class="form-status form-status--visible">
                                {tr(R::NewLinkSent)} " " <strong>{to.clone()}</strong>"."
                            </p>
                        }
                    })
            }}
        </div>
        <FailureAlert
            failure
            countdown
            node_ref=NodeRef::new()
            on_retry=Callback::new(move |_| run())
        />
        {next_step}
        <p class="below-card">
            <a href=article_href(Article::LinkExpired)>{tr(R::CantSignInHelp)}</a>
        </p>
    }
}
