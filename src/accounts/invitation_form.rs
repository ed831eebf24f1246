//! An open invitation: who invites whom to what, then name and password. Accepting
//! creates the account, signs in and goes on to the destination.

use super::invitation_states::InvitationState;
use super::rules::{invitation_problems, problem_for, server_problems, AccountField, Problems};
use crate::api;
use crate::components::Pending;
use crate::components::Submission;
use crate::components::TextField;
use crate::components::{focus_when_drawn, Countdown, PasswordChecklist, PasswordField};
use crate::components::{Failure, FailureAlert};
use crate::context::use_shared;
use crate::i18n::accounts::{invites_you, AccountText, Msg};
use crate::i18n::tr;
use crate::i18n::{date_time, use_i18n, Text};
use crate::navigation::use_navigation;
use crate::return_to::second_step_url_returning_to;
use crate::session::use_session;
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::{AcceptInvitationRequest, AccountType, ErrorCode, InvitationDetails};

#[component]
pub fn InvitationForm(
    details: InvitationDetails,
    /// The token from the link; only ever sent in the POST body.
    token: StoredValue<String>,
    /// What the person types, owned by the page so it survives a detour (signing out).
    name: RwSignal<String>,
    password: RwSignal<String>,
    #[prop(into)] destination: Signal<String>,
    /// The link turned out expired, used, invalid, or for somebody else.
    on_state: Callback<InvitationState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    let navigation = use_navigation();
    let session = use_session();
    let policy = Signal::derive(move || shared.password_policy());
    let problems = RwSignal::new(Problems::new());
    let name_error = Signal::derive(move || problems.with(|p| problem_for(p, AccountField::Name)));
    let password_error =
        Signal::derive(
            move || match problems.with(|p| problem_for(p, AccountField::Password)) {
                Some(Msg::Site(text)) => Some(text),
                Some(Msg::Screen(_)) => Some(Text::FormHasErrors),
                None => None,
            },
        );
    let revealed = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let (name_ref, password_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
    );

    let show_problems = move |found: Problems| {
        let target = match found.first() {
            Some((AccountField::Name, _)) => name_ref,
            _ => password_ref,
        };
        problems.try_set(found);
        focus_when_drawn(target);
    };
    let for_other = StoredValue::new(details.clone());
    let pending = Pending::new();
    let accept = move |request: AcceptInvitationRequest| {
        let details = for_other.get_value();
        pending.run(async move {
            let error = match api::accept_invitation(&request).await {
                Ok(api::SignedIn::Session(info)) => {
                    // Accepting signs the new account in.
                    session.signed_in(info);
                    let to = destination.try_get_untracked().unwrap_or_default();
                    navigation.replace.try_run(to);
                    return;
                }
                // The organisation requires two-step verification: turned on first.
                Ok(api::SignedIn::SecondStep) => {
                    let to = destination.try_get_untracked().unwrap_or_default();
                    navigation
                        .replace
                        .try_run(second_step_url_returning_to(&to));
                    return;
                }
                Err(error) => error,
            };
            countdown.start_on_limit(&error);
            let from_server = server_problems(&error);
            if error.code() == Some(ErrorCode::SignedInAsOther) {
                let signed_in = match &error {
                    api::ApiError::Problem { email, .. } => email.clone().unwrap_or_default(),
                    _ => String::new(),
                };
                on_state.try_run(InvitationState::OtherAccount { details, signed_in });
            } else if let Some(state) = InvitationState::from_error(&error) {
                on_state.try_run(state);
            } else if !from_server.is_empty() {
                show_problems(from_server);
            } else {
                failure.try_set(Some(Failure::from_error(&error)));
                focus_when_drawn(alert_ref);
            }
        })
    };
    let submission = Submission::new(countdown, pending, failure);
    let blocked = move || submission.blocked();

    let submit = move || {
        if !submission.begin() {
            return;
        }
        revealed.set(false);
        let (n, p) = (name.get_untracked(), password.get_untracked());
        let found = invitation_problems(&n, &p, &policy.get_untracked());
        if !found.is_empty() {
            show_problems(found);
            return;
        }
        problems.set(Vec::new());
        accept(AcceptInvitationRequest {
            token: token.get_value(),
            name: n.trim().to_owned(),
            password: p,
        });
    };

    let InvitationDetails {
        organisation,
        inviter,
        email,
        account_type,
        project,
        expires_at,
        ..
    } = details;
    let sentence = {
        let (inviter, organisation) = (inviter.clone(), organisation.clone());
        move || invites_you(i18n.lang(), &inviter, &organisation)
    };
    let account_type = match account_type {
        AccountType::Main => AccountText::AccountTypeMain,
        AccountType::Employee => AccountText::AccountTypeEmployee,
    };
    let row = |term: Msg, value: String| {
        view! {
            <dt>{tr(term)}</dt>
            <dd>{value}</dd>
        }
    };

    view! {
        <p class="intro">{sentence}</p>
        <h2>{tr(AccountText::DetailsHeading)}</h2>
        <dl class="invitation-details">
            {row(AccountText::DetailOrganisation.into(), organisation)}
            {(!inviter.trim().is_empty()).then(|| row(AccountText::DetailInviter.into(), inviter))}
            {row(Text::EmailLabel.into(), email.clone())}
            <dt>{tr(AccountText::DetailAccountType)}</dt> <dd>{tr(account_type)}</dd>
            {project.map(|project| row(AccountText::DetailProject.into(), project))}
            <dt>{tr(AccountText::DetailValidUntil)}</dt>
            <dd>{move || date_time(i18n.lang(), expires_at)}</dd>
        </dl>
        <p>{tr(AccountText::InvitationFormIntro)}</p>
        <FailureAlert
            failure
            countdown
            node_ref=alert_ref
            on_retry=Callback::new(move |_| submit())
        />
        <form
            class="form"
            novalidate
            on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                submit();
            }
        >
            // The invited address is fixed; this tells password managers which account
            // the new password belongs to.
            <input
                type="email"
                name="username"
                autocomplete="username"
                hidden=true
                readonly=true
                tabindex="-1"
                value=email
            />
            <TextField
                id="name"
                label=AccountText::NameLabel
                autocomplete="name"
                value=name
                error=name_error
                node_ref=name_ref
            />
            // Reveal toggle rather than a repeat field; see the registration form for why.
            <PasswordField
                id="password"
                label=Text::PasswordLabel
                autocomplete="new-password"
                value=password
                error=Signal::derive(move || password_error.get().map(Msg::from))
                revealed
                node_ref=password_ref
                described_by="password-rules"
            />
            <PasswordChecklist id="password-rules" policy password />
            <button
                type="submit"
                class="button button--primary"
                aria-disabled=move || blocked().then_some("true")
            >
                {move || {
                    let label = if pending.get() {
                        AccountText::Accepting
                    } else {
                        AccountText::AcceptButton
                    };
                    i18n.t(label)
                }}
            </button>
        </form>
    }
}
