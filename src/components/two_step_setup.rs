//! Turning two-step verification on: the key (QR and text), the first code from the app
//! to prove it was stored, then what the caller does with the recovery codes. The same
//! on the account page and in the sign-in an organisation requires it for; only the call
//! that confirms differs.

use super::SubmitButton;
use super::{focus_when_drawn, show_failure, CodeField, Countdown, Failure, FailureAlert, Pending};
use super::{Submission, TotpKey};
use crate::api::ApiError;
use crate::i18n::accounts::Msg;
use crate::i18n::security::SecurityText;
use crate::i18n::tr;
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use std::future::Future;
use topocloud_contract::{normalise_one_time_code, ErrorCode, TotpSetup};

/// What a typed setup code is, before anything is sent.
pub fn app_code(typed: &str) -> Result<String, SecurityText> {
    if typed.trim().is_empty() {
        return Err(SecurityText::CodeRequired);
    }
    normalise_one_time_code(typed).ok_or(SecurityText::CodeMalformed)
}

#[component]
pub fn TwoStepSetup<C, F>(
    setup: TotpSetup,
    /// Sends the first code; answers the recovery codes.
    confirm: C,
    /// Confirmed: the recovery codes to show.
    on_done: Callback<Vec<String>>,
    /// The key expired before it was confirmed: fetch a new one.
    on_restart: Callback<()>,
    /// It is on already: an earlier confirmation did arrive, but its answer (with the
    /// recovery codes) was lost. Without this, said as an unexpected answer.
    #[prop(optional, into)]
    on_already_on: Option<Callback<()>>,
) -> impl IntoView
where
    C: Fn(String) -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<Vec<String>, ApiError>> + 'static,
{
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<SecurityText>);
    let expired = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (code_ref, alert_ref) = (NodeRef::<Input>::new(), NodeRef::<Div>::new());
    let submission = Submission::new(countdown, pending, failure);

    let send = move |typed: String| {
        pending.run(async move {
            match confirm(typed).await {
                Ok(codes) => {
                    on_done.try_run(codes);
                }
                Err(error) => match error.code() {
                    Some(ErrorCode::CodeInvalid) => {
                        code_error.try_set(Some(SecurityText::CodeInvalid));
                        focus_when_drawn(code_ref);
                    }
                    Some(ErrorCode::SetupExpired) => {
                        expired.try_set(true);
                        focus_when_drawn(alert_ref);
                    }
                    Some(ErrorCode::TwoStepAlreadyOn) if on_already_on.is_some() => {
                        if let Some(callback) = on_already_on {
                            callback.try_run(());
                        }
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
        match app_code(&code.get_untracked()) {
            Ok(typed) => {
                code_error.set(None);
                send(typed);
            }
            Err(problem) => {
                code_error.set(Some(problem));
                focus_when_drawn(code_ref);
            }
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };

    view! {
        <TotpKey setup />
        <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| submit() />
        <Show
            when=move || !expired.get()
            fallback=move || {
                view! {
                    <div
                        class="form-alert form-alert--visible"
                        role="alert"
                        tabindex="-1"
                        node_ref=alert_ref
                    >
                        <p>{tr(SecurityText::SetupExpired)}</p>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| on_restart.run(())
                        >
                            {tr(SecurityText::StartOver)}
                        </button>
                    </div>
                }
            }
        >
            <form class="form" novalidate on:submit=on_submit>
                <CodeField
                    id="setup-code"
                    label=SecurityText::CodeLabel
                    hint=SecurityText::CodeHint
                    numeric=true
                    value=code
                    error=Signal::derive(move || code_error.get().map(Msg::from))
                    node_ref=code_ref
                />
                <SubmitButton
                    submission
                    idle=SecurityText::ConfirmSetupButton
                    busy=SecurityText::ConfirmingSetup
                />
            </form>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setup_code_is_six_digits_however_it_was_pasted() {
        assert_eq!(app_code("123 456").as_deref(), Ok("123456"));
        assert_eq!(app_code("  "), Err(SecurityText::CodeRequired));
        assert_eq!(app_code("12345"), Err(SecurityText::CodeMalformed));
    }
}
