//! The code form of the second sign-in step: six digits from the app, or one recovery
//! code; "trust this device" for 30 days. What was typed stays through every failure.

use super::second_step::challenge_gone;
use crate::api::{self, ApiError};
use crate::components::SubmitButton;
use crate::components::{app_code, focus_when_drawn, show_failure, CodeField, Countdown, Failure};
use crate::components::{FailureAlert, HelpLink, Pending, Submission};
use crate::help::Article;
use crate::i18n::accounts::Msg;
use crate::i18n::security::SecurityText;
use crate::i18n::{tr, use_i18n};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::{normalise_recovery_code, ErrorCode, SecondStepRequest, SessionInfo};

/// What a typed recovery code is, before anything is sent.
pub fn recovery_code(typed: &str) -> Result<String, SecurityText> {
    if typed.trim().is_empty() {
        return Err(SecurityText::RecoveryCodeRequired);
    }
    normalise_recovery_code(typed).ok_or(SecurityText::RecoveryCodeMalformed)
}

#[component]
pub fn CodeStep(finish: Callback<SessionInfo>, on_gone: Callback<ApiError>) -> impl IntoView {
    let i18n = use_i18n();
    // Two fields, each keeping its own text: switching back and forth loses nothing.
    let app = RwSignal::new(String::new());
    let recovery = RwSignal::new(String::new());
    let use_recovery = RwSignal::new(false);
    let trust = RwSignal::new(false);
    let code_error = RwSignal::new(None::<SecurityText>);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (code_ref, recovery_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
    );
    let field = move || {
        if use_recovery.try_get_untracked().unwrap_or(false) {
            recovery_ref
        } else {
            code_ref
        }
    };
    let submission = Submission::new(countdown, pending, failure);

    let send = move |request: SecondStepRequest| {
        pending.run(async move {
            match api::complete_second_step(&request).await {
                Ok(info) => {
                    finish.try_run(info);
                }
                Err(error) if challenge_gone(&error) => {
                    on_gone.try_run(error);
                }
                Err(error) if error.code() == Some(ErrorCode::CodeInvalid) => {
                    code_error.try_set(Some(if request.recovery {
                        SecurityText::RecoveryCodeInvalid
                    } else {
                        SecurityText::CodeInvalid
                    }));
                    focus_when_drawn(field());
                }
                Err(error) => {
                    show_failure(&error, failure, countdown, alert_ref);
                }
            }
        })
    };
    let submit = move || {
        if !submission.begin() {
            return;
        }
        let with_recovery = use_recovery.get_untracked();
        let checked = if with_recovery {
            recovery_code(&recovery.get_untracked())
        } else {
            app_code(&app.get_untracked())
        };
        match checked {
            Ok(code) => {
                code_error.set(None);
                send(SecondStepRequest {
                    code,
                    recovery: with_recovery,
                    trust_device: trust.get_untracked(),
                });
            }
            Err(problem) => {
                code_error.set(Some(problem));
                focus_when_drawn(field());
            }
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let switch = move |_| {
        use_recovery.update(|r| *r = !*r);
        code_error.set(None);
        focus_when_drawn(field());
    };
    // Only the field on screen says what is wrong.
    let error_for = move |recovery_field: bool| {
        Signal::derive(move || {
            (use_recovery.get() == recovery_field)
                .then(|| code_error.get().map(Msg::from))
                .flatten()
        })
    };

    view! {
        <h1 id="second-step-title">{tr(SecurityText::SecondStepTitle)}</h1>
        <p class="intro">{tr(SecurityText::SecondStepIntro)}</p>
        <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| submit() />
        <form class="form" novalidate on:submit=on_submit>
            <div hidden=move || use_recovery.get()>
                <CodeField
                    id="code"
                    label=SecurityText::CodeLabel
                    hint=SecurityText::CodeHint
                    numeric=true
                    value=app
                    error=error_for(false)
                    node_ref=code_ref
                />
            </div>
            <div hidden=move || !use_recovery.get()>
                <CodeField
                    id="recovery-code"
                    label=SecurityText::RecoveryCodeLabel
                    hint=SecurityText::RecoveryCodeHint
                    numeric=false
                    value=recovery
                    error=error_for(true)
                    node_ref=recovery_ref
                />
            </div>
            <div class="checkbox">
                <input
                    type="checkbox"
                    id="trust-device"
                    name="trust_device"
                    aria-describedby="trust-device-hint"
                    prop:checked=move || trust.get()
                    on:change=move |ev| trust.set(event_target_checked(&ev))
                />
                <label for="trust-device">{tr(SecurityText::TrustDevice)}</label>
            </div>
            <p id="trust-device-hint" class="field-hint">
                {tr(SecurityText::TrustDeviceHint)}
            </p>
            <SubmitButton
                submission
                idle=SecurityText::VerifyCodeButton
                busy=SecurityText::VerifyingCode
            />
        </form>
        <p>
            <button type="button" class="link-button" on:click=switch>
                {move || {
                    i18n.t(
                        if use_recovery.get() {
                            SecurityText::UseAppCode
                        } else {
                            SecurityText::UseRecoveryCode
                        },
                    )
                }}
            </button>
        </p>
        <p>
            <HelpLink article=Article::CodeNotAccepted />
        </p>
        <p>
            <HelpLink article=Article::LostAuthenticator />
        </p>
        <p class="field-hint">{tr(SecurityText::SsoNoCode)}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_code_is_checked_before_it_is_sent() {
        assert_eq!(recovery_code(" ABCDE-23456 ").as_deref(), Ok("abcde23456"));
        assert_eq!(recovery_code(""), Err(SecurityText::RecoveryCodeRequired));
        assert_eq!(
            recovery_code("abc"),
            Err(SecurityText::RecoveryCodeMalformed)
        );
    }
}
