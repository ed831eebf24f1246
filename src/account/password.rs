//! "Change password": the current one, the new one checked live against the policy. On
//! success every other session of the account ends and this one stays, as the form says
//! before it is sent; the backend emails the owner.

use crate::api;
use crate::components::SubmitButton;
use crate::components::{
    focus_when_drawn, show_failure, Countdown, Failure, FailureAlert, PasswordChecklist,
};
use crate::components::{PasswordField, Pending, Submission};
use crate::context::use_shared;
use crate::i18n::accounts::Msg;
use crate::i18n::security::SecurityText;
use crate::i18n::{tr, use_i18n, Text};
use crate::validation::{new_password_problem, password_rule_text};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::{fields, ChangePasswordRequest, ErrorCode};

#[component]
pub fn PasswordSection(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let (current_shown, new_shown) = (RwSignal::new(false), RwSignal::new(false));
    let current_error = RwSignal::new(None::<Msg>);
    let new_error = RwSignal::new(None::<Msg>);
    let failure = RwSignal::new(None::<Failure>);
    let changed = RwSignal::new(false);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (current_ref, new_ref, alert_ref, status_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
        NodeRef::<Div>::new(),
    );
    let submission = Submission::new(countdown, pending, failure);

    let save = move |request: ChangePasswordRequest| {
        pending.run(async move {
            match api::change_password(&request).await {
                Ok(()) => {
                    current.try_set(String::new());
                    new.try_set(String::new());
                    changed.try_set(true);
                    focus_when_drawn(status_ref);
                }
                Err(error) if error.code() == Some(ErrorCode::WrongPassword) => {
                    current_error.try_set(Some(SecurityText::WrongPassword.into()));
                    focus_when_drawn(current_ref);
                }
                Err(error) => {
                    let rule = error
                        .field_codes()
                        .into_iter()
                        .find(|(f, _)| f == fields::NEW_PASSWORD);
                    if let Some((_, code)) = rule {
                        new_error.try_set(Some(password_rule_text(&code).into()));
                        focus_when_drawn(new_ref);
                    } else {
                        show_failure(&error, failure, countdown, alert_ref);
                    }
                }
            }
        })
    };
    let submit = move || {
        if !submission.begin() {
            return;
        }
        changed.set(false);
        current_shown.set(false);
        new_shown.set(false);
        let typed_current = current.get_untracked();
        let typed_new = new.get_untracked();
        let current_problem = typed_current
            .is_empty()
            .then_some(Msg::from(SecurityText::CurrentPasswordRequired));
        let new_problem =
            new_password_problem(&shared.password_policy(), &typed_new).map(Msg::from);
        current_error.set(current_problem);
        new_error.set(new_problem);
        if current_problem.is_some() {
            focus_when_drawn(current_ref);
        } else if new_problem.is_some() {
            focus_when_drawn(new_ref);
        } else {
            save(ChangePasswordRequest {
                current_password: typed_current,
                new_password: typed_new,
            });
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let policy = Signal::derive(move || shared.password_policy());

    view! {
        <section class="account-section" aria-labelledby="password-title">
            <h2 id="password-title">{tr(SecurityText::PasswordHeading)}</h2>
            <div node_ref=status_ref role="status" tabindex="-1" class="form-status"
                class:form-status--visible=move || changed.get()>
                {move || changed.get().then(|| i18n.t(SecurityText::PasswordChanged))}
            </div>
            <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| submit() />
            <form class="form" novalidate on:submit=on_submit aria-labelledby="password-title">
                // The account's address, so a password manager updates the right entry.
                <input type="email" name="username" autocomplete="username" hidden
                    prop:value=email />
                <PasswordField id="current-password" label=SecurityText::CurrentPasswordLabel
                    autocomplete="current-password" value=current error=current_error
                    revealed=current_shown node_ref=current_ref />
                <PasswordField id="new-password" label=Text::NewPasswordLabel
                    autocomplete="new-password" value=new error=new_error revealed=new_shown
                    node_ref=new_ref described_by="new-password-rules" />
                <PasswordChecklist id="new-password-rules" policy password=new />
                <p class="field-hint">{tr(SecurityText::PasswordChangeNote)}</p>
                <SubmitButton submission idle=SecurityText::ChangePasswordButton busy=SecurityText::ChangingPassword />
            </form>
        </section>
    }
}
