//! `/users/invitation#token=…`: an organisation made the account; the person chooses
//! their name and password here.
//!
//! On open the token is looked up, never consumed (mail scanners open links too), so
//! just opening the link leaves it usable. The token comes from the fragment (which
//! never reaches a server or a Referer), is cleared from the address bar at once, and
//! is sent only in POST bodies.

use super::invitation_states::same_email;
use super::{
    InvitationExpired, InvitationForm, InvitationInvalid, InvitationOtherAccount, InvitationState,
    InvitationUnreachable, InvitationUsed,
};
use crate::api;
use crate::components::Pending;
use crate::components::{focus_when_drawn, use_document_title, Failure, Loading, PageShell};
use crate::context::{take_link_token, use_shared};
use crate::i18n::accounts::AccountText;
use crate::i18n::tr;
use crate::session::use_session;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use topocloud_contract::routes;
use topocloud_contract::{safe_return_to, TokenRequest};

#[component]
pub fn InvitationPage() -> impl IntoView {
    let shared = use_shared();
    let session = use_session();
    use_document_title(AccountText::InvitationTitle);
    let query = use_query_map();
    let destination = Signal::derive(move || {
        safe_return_to(query.read().get("return_to").as_deref())
            .unwrap_or_else(|| shared.runtime().after_login)
    });

    let token = take_link_token();
    let state = RwSignal::new(if token.is_some() {
        InvitationState::Checking
    } else {
        InvitationState::Invalid
    });
    let token = StoredValue::new(token.unwrap_or_default());
    let (name, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let heading = NodeRef::<H1>::new();

    // Every change of state goes through here; after something the person did, focus
    // moves to the new heading so the change is heard.
    let enter = move |next: InvitationState, announce: bool| {
        match &next {
            // The sign-in form will open with the invited address filled in.
            InvitationState::Used { email: Some(email) } => {
                shared.typed_email.try_set(email.clone());
            }
            InvitationState::Open(details)
                if name.try_get_untracked().unwrap_or_default().is_empty() =>
            {
                name.try_set(details.name.clone());
            }
            _ => {}
        }
        state.try_set(next);
        if announce {
            focus_when_drawn(heading);
        }
    };

    let pending = Pending::new();
    let look_up = move |announce: bool| {
        let request = TokenRequest {
            token: token.get_value(),
        };
        pending.run(async move {
            let next = match api::lookup_invitation(&request).await {
                // Somebody else's session would make accepting fail: say so up front.
                // Whether somebody else is signed in is the app's session's to say (below).
                Ok(details) => InvitationState::Open(details),
                Err(error) => InvitationState::from_error(&error)
                    .unwrap_or_else(|| InvitationState::Unreachable(Failure::from_error(&error))),
            };
            enter(next, announce);
        })
    };
    if state.get_untracked() == InvitationState::Checking {
        look_up(false);
    }
    let on_state = Callback::new(move |next| enter(next, true));
    let retry = Callback::new(move |_| {
        state.set(InvitationState::Checking);
        look_up(true);
    });

    let checking = move || {
        view! {
            <h1 id="invitation-title" node_ref=heading tabindex="-1">
                {tr(AccountText::InvitationTitle)}
            </h1>
            <Loading text=AccountText::CheckingInvitation />
        }
        .into_any()
    };
    let body = move || match state.get() {
        InvitationState::Checking => checking(),
        InvitationState::Open(details) => match session.get() {
            // Somebody else's session would make accepting fail: say so up front.
            Some(Ok(other)) if !same_email(&other.email, &details.email) => {
                let on_signed_out = Callback::new(move |_| focus_when_drawn(heading));
                let signed_in = other.email;
                view! { <InvitationOtherAccount details signed_in heading on_signed_out /> }
                    .into_any()
            }
            Some(_) => view! {
                <h1 id="invitation-title" node_ref=heading tabindex="-1">
                    {tr(AccountText::InvitationTitle)}
                </h1>
                <InvitationForm details token name password destination on_state />
            }
            .into_any(),
            None => checking(),
        },
        InvitationState::OtherAccount { details, signed_in } => {
            let open = details.clone();
            let on_signed_out =
                Callback::new(move |_| enter(InvitationState::Open(open.clone()), true));
            view! { <InvitationOtherAccount details signed_in heading on_signed_out /> }.into_any()
        }
        InvitationState::Expired { inviter, email } => {
            view! { <InvitationExpired inviter email heading /> }.into_any()
        }
        InvitationState::Used { .. } => view! { <InvitationUsed heading /> }.into_any(),
        InvitationState::Invalid => view! { <InvitationInvalid heading /> }.into_any(),
        InvitationState::Unreachable(failure) => {
            view! { <InvitationUnreachable failure heading on_retry=retry /> }.into_any()
        }
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="invitation-title">
                {body}
            </section>
            <p class="below-card">
                <a href=routes::HELP>{tr(AccountText::HelpCentre)}</a>
            </p>
        </PageShell>
    }
}
