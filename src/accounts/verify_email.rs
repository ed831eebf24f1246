//! `/users/verify-email#token=…`: confirms an address on a click, never on page load
//! (mail scanners and link previews open links too, and must not use them up).
//!
//! The token is read from the fragment (which never reaches a server or a Referer),
//! cleared from the address bar at once, and sent only in the POST body.

use crate::api;
use crate::components::article_href;
use crate::components::LinkEnd;
use crate::components::Pending;
use crate::components::ResendLink;
use crate::components::{
    focus_when_drawn, use_document_title, Countdown, Failure, FailureAlert, PageShell,
};
use crate::context::{take_link_token, use_shared};
use crate::help::Article;
use crate::i18n::accounts::AccountText;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::html::{Div, H1};
use leptos::prelude::*;
use topocloud_contract::routes;
use topocloud_contract::TokenRequest;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// A token is at hand; waiting for the click.
    Ready,
    Confirmed(String),
    Expired,
    Used,
    /// Never issued, mistyped, cut short, or no token at all.
    Invalid,
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    use_document_title(AccountText::VerifyTitle);

    let token = take_link_token();
    let outcome = RwSignal::new(if token.is_some() {
        Outcome::Ready
    } else {
        Outcome::Invalid
    });
    let token = StoredValue::new(token.unwrap_or_default());
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let (heading, alert_ref) = (NodeRef::<H1>::new(), NodeRef::<Div>::new());

    let pending = Pending::new();
    let verify = move |_: ()| {
        let request = TokenRequest {
            token: token.get_value(),
        };
        pending.run(async move {
            let next = match api::verify_email(&request).await {
                Ok(account) => {
                    // The sign-in form opens with this address filled in.
                    shared.typed_email.try_set(account.email.clone());
                    Outcome::Confirmed(account.email)
                }
                Err(error) => match LinkEnd::of(&error) {
                    Some(LinkEnd::Expired) => Outcome::Expired,
                    Some(LinkEnd::Used) => Outcome::Used,
                    Some(LinkEnd::Invalid) => Outcome::Invalid,
                    None => {
                        countdown.start_on_limit(&error);
                        failure.try_set(Some(Failure::from_error(&error)));
                        focus_when_drawn(alert_ref);
                        return;
                    }
                },
            };
            outcome.try_set(next);
            focus_when_drawn(heading);
        })
    };
    let confirm = move || {
        // One click, one request.
        if !pending.get_untracked() {
            failure.set(None);
            verify(());
        }
    };

    let title = move |text: AccountText| {
        view! {
            <h1 id="verify-title" node_ref=heading tabindex="-1">
                {tr(text)}
            </h1>
        }
    };
    let body = move || match outcome.get() {
        Outcome::Ready => view! {
            {title(AccountText::VerifyTitle)}
            <p class="intro">{tr(AccountText::VerifyIntro)}</p>
            <FailureAlert
                failure
                countdown
                node_ref=alert_ref
                on_retry=Callback::new(move |_| confirm())
            />
            <button
                type="button"
                class="button button--primary"
                aria-disabled=move || pending.get().then_some("true")
                on:click=move |_| confirm()
            >
                {move || {
                    let label = if pending.get() {
                        AccountText::Verifying
                    } else {
                        AccountText::VerifyButton
                    };
                    i18n.t(label)
                }}
            </button>
        }
        .into_any(),
        Outcome::Confirmed(email) => view! {
            {title(AccountText::VerifiedTitle)}
            <p>
                {tr(AccountText::VerifiedBody)} " " <strong class="account-email">{email}</strong>
                "."
            </p>
            <a class="button button--primary" href=routes::LOGIN>
                {tr(Text::GoToLogin)}
            </a>
        }
        .into_any(),
        broken => {
            let (heading_text, explanation) = match broken {
                Outcome::Expired => (AccountText::LinkExpiredTitle, AccountText::LinkExpiredBody),
                Outcome::Used => (AccountText::LinkUsedTitle, AccountText::LinkUsedBody),
                _ => (AccountText::LinkInvalidTitle, AccountText::LinkInvalidBody),
            };
            view! {
                {title(heading_text)}
                <p>{tr(explanation)}</p>
                {(broken == Outcome::Used)
                    .then(|| {
                        view! {
                            <p>
                                <a class="button button--primary" href=routes::LOGIN>
                                    {tr(Text::GoToLogin)}
                                </a>
                            </p>
                        }
                    })}
                <h2>{tr(AccountText::NewLinkHeading)}</h2>
                <p>{tr(AccountText::NewLinkIntro)}</p>
                <ResendLink
                    email=shared.typed_email
                    ask_email=true
                    button=AccountText::NewLinkButton
                />
                <p>
                    <a href=article_href(Article::LinkExpired)>{tr(AccountText::HelpLinks)}</a>
                </p>
            }
            .into_any()
        }
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="verify-title">
                {body}
            </section>
            <p class="below-card">
                <a href=routes::HELP>{tr(AccountText::HelpCentre)}</a>
            </p>
        </PageShell>
    }
}
