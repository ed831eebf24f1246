//! "Confirm it is you": the password again, or a current code from the app, before a
//! change that needs a recent sign-in, or before turning two-step verification off or
//! renewing the recovery codes. What was typed stays through every failure.

use crate::api::ApiError;
use crate::components::SubmitButton;
use crate::components::{app_code, focus_when_drawn, show_failure, CodeField, Countdown, Failure};
use crate::components::{FailureAlert, PasswordField, Pending, Submission};
use crate::i18n::accounts::Msg;
use crate::i18n::security::SecurityText;
use crate::i18n::{tr, use_i18n, Text};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use std::future::Future;
use topocloud_contract::{Confirmation, ErrorCode};

/// What the person can confirm with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proofs {
    pub password: bool,
    pub code: bool,
}

#[component]
pub fn ConfirmIdentity<S, F>(
    /// Why it is asked, in words.
    intro: SecurityText,
    /// The fields' ids: unique on the page, one confirmation per section.
    password_id: &'static str,
    code_id: &'static str,
    proofs: Proofs,
    /// Sends the confirmation (with the request it is for).
    send: S,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView
where
    S: Fn(Confirmation) -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<(), ApiError>> + 'static,
{
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let with_code = RwSignal::new(!proofs.password);
    let revealed = RwSignal::new(false);
    let field_error = RwSignal::new(None::<Msg>);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (password_ref, code_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
    );
    let focus_field = move || {
        if with_code.try_get_untracked().unwrap_or(false) {
            focus_when_drawn(code_ref);
        } else {
            focus_when_drawn(password_ref);
        }
    };
    // Asked for: the first field takes the focus.
    focus_field();
    let submission = Submission::new(countdown, pending, failure);

    let confirm = move |proof: Confirmation| {
        pending.run(async move {
            match send(proof).await {
                Ok(()) => {
                    on_done.try_run(());
                }
                Err(error) => match error.code() {
                    Some(ErrorCode::WrongPassword) => {
                        field_error.try_set(Some(SecurityText::WrongPassword.into()));
                        focus_field();
                    }
                    Some(ErrorCode::CodeInvalid) => {
                        field_error.try_set(Some(SecurityText::CodeInvalid.into()));
                        focus_field();
                    }
                    _ => {
                        show_failure(&error, failure, countdown, alert_ref);
                    }
                },
            }
        })
    };
    let submit = move || {
        if !submission.begin() {
            return;
        }
        revealed.set(false);
        let proof = if with_code.get_untracked() {
            app_code(&code.get_untracked()).map(|code| Confirmation {
                code: Some(code),
                password: None,
            })
        } else {
            let typed = password.get_untracked();
            if typed.is_empty() {
                Err(SecurityText::CurrentPasswordRequired)
            } else {
                Ok(Confirmation {
                    password: Some(typed),
                    code: None,
                })
            }
        };
        match proof {
            Ok(proof) => {
                field_error.set(None);
                confirm(proof);
            }
            Err(problem) => {
                field_error.set(Some(problem.into()));
                focus_field();
            }
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let switch = move |_| {
        with_code.update(|c| *c = !*c);
        field_error.set(None);
        focus_field();
    };
    // Only the field on screen says what is wrong.
    let error_for = move |code_field: bool| {
        Signal::derive(move || {
            (with_code.get() == code_field)
                .then(|| field_error.get())
                .flatten()
        })
    };
    let title_id = format!("{password_id}-title");
    let labelled_by = title_id.clone();

    view! {
        <div class="confirm-identity" role="group" aria-labelledby=labelled_by>
            <h3 id=title_id>{tr(SecurityText::ConfirmHeading)}</h3>
            <p>{tr(intro)}</p>
            <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| submit() />
            <form class="form" novalidate on:submit=on_submit>
                <div hidden=move || with_code.get()>
                    <PasswordField
                        id=password_id
                        label=Text::PasswordLabel
                        autocomplete="current-password"
                        value=password
                        error=error_for(false)
                        revealed
                        node_ref=password_ref
                    />
                </div>
                <div hidden=move || !with_code.get()>
                    <CodeField
                        id=code_id
                        label=SecurityText::CodeLabel
                        hint=SecurityText::CodeHint
                        numeric=true
                        value=code
                        error=error_for(true)
                        node_ref=code_ref
                    />
                </div>
                <div class="button-row">
                    <SubmitButton
                        submission
                        idle=SecurityText::ConfirmButton
                        busy=SecurityText::Confirming
                    />
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| on_cancel.run(())
                    >
                        {tr(SecurityText::Cancel)}
                    </button>
                </div>
            </form>
            <Show when=move || proofs.password && proofs.code>
                <p>
                    <button type="button" class="link-button" on:click=switch>
                        {move || {
                            i18n.t(
                                if with_code.get() {
                                    SecurityText::UsePasswordInstead
                                } else {
                                    SecurityText::UseCodeInstead
                                },
                            )
                        }}
                    </button>
                </p>
            </Show>
        </div>
    }
}
