//! `/users/register`: people create their own account, then confirm their address.
//!
//! Three states: the form; "check your mailbox" (word for word the same whether or not
//! the address already had an account, since only the email itself may tell); and
//! "closed" when the deployment hands out accounts by invitation only. Somebody who is
//! signed in is asked to sign out first, or to stay.

use super::{RegisterForm, RegisterValues, SignOutFirst};
use crate::components::article_href;
use crate::components::ResendLink;
use crate::components::{focus_when_drawn, use_document_title, Loading, PageShell};
use crate::context::use_shared;
use crate::help::Article;
use crate::i18n::accounts::AccountText;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::session::use_session;
use leptos::html::H1;
use leptos::prelude::*;
use topocloud_contract::routes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Form,
    Sent,
    Closed,
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    use_document_title(AccountText::RegisterTitle);
    let values = RegisterValues::new(shared.typed_email);
    let stage = RwSignal::new(Stage::Form);
    let heading = NodeRef::<H1>::new();

    // Each new stage is announced by moving focus to its heading.
    let go = move |next: Stage| {
        stage.try_set(next);
        focus_when_drawn(heading);
    };
    let on_sent = Callback::new(move |_| go(Stage::Sent));
    let on_closed = Callback::new(move |_| go(Stage::Closed));
    let session = use_session();
    let on_signed_out = Callback::new(move |_| go(Stage::Form));

    let body = move || {
        // Until `/api/config` answers it is unknown whether the form may be shown; if it
        // cannot be fetched, show the form and let the backend decide.
        let loading = || view! { <Loading text=Text::Loading /> }.into_any();
        let closed = match shared.site_config.get() {
            None => return loading(),
            Some(Ok(config)) => !config.registration_open,
            Some(Err(_)) => false,
        };
        // The same for the session: a failed check shows the form.
        let signed_in = match session.get() {
            None => return loading(),
            Some(Ok(info)) => Some(info.email),
            Some(_) => None,
        };
        match stage.get() {
            Stage::Closed => closed_view(heading).into_any(),
            _ if closed => closed_view(heading).into_any(),
            Stage::Form if signed_in.is_some() => view! {
                <section class="card" aria-labelledby="signed-in-title">
                    <SignOutFirst
                        heading_id="signed-in-title"
                        title=AccountText::RegisterSignedInTitle
                        signed_in=signed_in.unwrap_or_default()
                        heading
                        on_signed_out
                    >
                        <p>{tr(AccountText::RegisterSignedInBody)}</p>
                    </SignOutFirst>
                </section>
            }
            .into_any(),
            Stage::Form => view! {
                <section class="card" aria-labelledby="register-title">
                    <h1 id="register-title" node_ref=heading tabindex="-1">
                        {tr(AccountText::RegisterTitle)}
                    </h1>
                    <p class="intro">{tr(AccountText::RegisterIntro)}</p>
                    <RegisterForm values on_sent on_closed />
                </section>
                <nav class="below-card" aria-label=move || i18n.t(AccountText::HaveAccount)>
                    <p>
                        {tr(AccountText::HaveAccount)} " "
                        <a href=routes::LOGIN>{tr(Text::SignInButton)}</a>
                    </p>
                </nav>
            }
            .into_any(),
            Stage::Sent => view! {
                <section class="card" aria-labelledby="mailbox-title">
                    <h1 id="mailbox-title" node_ref=heading tabindex="-1">
                        {tr(AccountText::MailboxTitle)}
                    </h1>
                    <p>
                        {tr(AccountText::MailboxSentTo)} " "
                        <strong class="account-email">
                            {move || values.email.get().trim().to_owned()}
                        </strong>"."
                    </p>
                    <p>{tr(AccountText::MailboxBody)}</p>
                    <p>{tr(AccountText::MailboxNoMail)}</p>
                    <ResendLink
                        email=values.email
                        just_sent=true
                        button=AccountText::ResendButton
                    />
                    <p>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| go(Stage::Form)
                        >
                            {tr(AccountText::WrongAddress)}
                        </button>
                    </p>
                </section>
                <p class="below-card">
                    <a href=routes::LOGIN>{tr(Text::GoToLogin)}</a>
                </p>
            }
            .into_any(),
        }
    };

    view! { <PageShell>{body}</PageShell> }
}

/// Registration is off: say so, and say how accounts are made instead.
fn closed_view(heading: NodeRef<H1>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="closed-title">
            <h1 id="closed-title" node_ref=heading tabindex="-1">
                {tr(AccountText::ClosedTitle)}
            </h1>
            <p>{tr(AccountText::ClosedBody)}</p>
            <p>{tr(AccountText::ClosedInvited)}</p>
            <p>
                <a href=article_href(Article::WhatYouNeed)>{tr(AccountText::ClosedHelp)}</a>
            </p>
        </section>
        <p class="below-card">
            {tr(AccountText::HaveAccount)} " " <a href=routes::LOGIN>{tr(Text::SignInButton)}</a>
        </p>
    }
}
