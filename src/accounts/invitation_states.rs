//! Every way an invitation link can turn out besides "open": each in words, each with a
//! next step, none a dead end.

use super::SignOutFirst;
use crate::api::ApiError;
use crate::components::article_href;
use crate::components::Countdown;
use crate::components::LinkEnd;
use crate::components::{Failure, FailureAlert};
use crate::help::Article;
use crate::i18n::accounts::{ask_inviter, AccountText};
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::html::H1;
use leptos::prelude::*;
use topocloud_contract::routes;
use topocloud_contract::InvitationDetails;

#[derive(Debug, Clone, PartialEq)]
pub enum InvitationState {
    Checking,
    Open(InvitationDetails),
    /// Signed in as `signed_in`, while the invitation is for `details.email`.
    OtherAccount {
        details: InvitationDetails,
        signed_in: String,
    },
    Expired {
        inviter: Option<String>,
        email: Option<String>,
    },
    Used {
        email: Option<String>,
    },
    Invalid,
    /// The lookup itself failed (network, server): the link may be fine.
    Unreachable(Failure),
}

impl InvitationState {
    /// The states an error puts the link in; `None` for errors that say nothing about it.
    pub fn from_error(error: &ApiError) -> Option<Self> {
        let ApiError::Problem { email, inviter, .. } = error else {
            return None;
        };
        Some(match LinkEnd::of(error)? {
            LinkEnd::Expired => InvitationState::Expired {
                inviter: inviter.clone(),
                email: email.clone(),
            },
            LinkEnd::Used => InvitationState::Used {
                email: email.clone(),
            },
            LinkEnd::Invalid => InvitationState::Invalid,
        })
    }
}

/// Two spellings of one address are one person (the backend stores them lowercased).
pub fn same_email(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

#[component]
pub fn InvitationExpired(
    inviter: Option<String>,
    email: Option<String>,
    heading: NodeRef<H1>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id="invitation-title" node_ref=heading tabindex="-1">
            {tr(AccountText::InvitationExpiredTitle)}
        </h1>
        <p>{move || ask_inviter(i18n.lang(), inviter.as_deref())}</p>
        {email
            .map(|email| {
                view! {
                    <p>
                        {tr(AccountText::InvitationWasFor)} " "
                        <strong class="account-email">{email}</strong>"."
                    </p>
                }
            })}
        <p>
            <a href=article_href(Article::LinkExpired)>{tr(AccountText::HelpLinks)}</a>
        </p>
    }
}

#[component]
pub fn InvitationUsed(heading: NodeRef<H1>) -> impl IntoView {
    view! {
        <h1 id="invitation-title" node_ref=heading tabindex="-1">
            {tr(AccountText::InvitationUsedTitle)}
        </h1>
        <p>{tr(AccountText::InvitationUsedBody)}</p>
        // The sign-in form opens with the invited address filled in (shared state).
        <p>
            <a class="button button--primary" href=routes::LOGIN>
                {tr(Text::GoToLogin)}
            </a>
        </p>
        <p>
            <a href=routes::FORGOT_PASSWORD>{tr(Text::ForgotPassword)}</a>
        </p>
    }
}

#[component]
pub fn InvitationInvalid(heading: NodeRef<H1>) -> impl IntoView {
    view! {
        <h1 id="invitation-title" node_ref=heading tabindex="-1">
            {tr(AccountText::InvitationInvalidTitle)}
        </h1>
        <p>{tr(AccountText::InvitationInvalidBody)}</p>
        <p>
            <a href=article_href(Article::LinkExpired)>{tr(AccountText::HelpLinks)}</a>
        </p>
        <p>
            <a href=routes::LOGIN>{tr(Text::GoToLogin)}</a>
        </p>
    }
}

/// The lookup did not get through: say why and offer to try again.
#[component]
pub fn InvitationUnreachable(
    failure: Failure,
    heading: NodeRef<H1>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let failure = RwSignal::new(Some(failure));
    view! {
        <h1 id="invitation-title" node_ref=heading tabindex="-1">
            {tr(AccountText::InvitationTitle)}
        </h1>
        <FailureAlert failure countdown=Countdown::new() node_ref=NodeRef::new() on_retry />
    }
}

/// Signed in as somebody else: show both addresses, offer to sign out and carry on.
#[component]
pub fn InvitationOtherAccount(
    details: InvitationDetails,
    signed_in: String,
    heading: NodeRef<H1>,
    /// Signed out: go on to the form.
    on_signed_out: Callback<()>,
) -> impl IntoView {
    view! {
        <SignOutFirst
            heading_id="invitation-title"
            title=AccountText::OtherAccountTitle
            signed_in
            heading
            on_signed_out
        >
            <p>
                {tr(AccountText::OtherAccountInvited)} " "
                <strong class="account-email">{details.email.clone()}</strong>"."
            </p>
            <p>{tr(AccountText::OtherAccountBody)}</p>
            <p>
                <a href=article_href(
                    Article::InvitedButSignedIn,
                )>{tr(AccountText::HelpOtherAccount)}</a>
            </p>
        </SignOutFirst>
    }
}
