//! Two-step verification on the account page: turn it on (key, first code, recovery
//! codes), renew the recovery codes, turn it off. Turning on needs a recent sign-in;
//! renewing and turning off always ask the password or a code.

use super::confirm::{ConfirmIdentity, Proofs};
use crate::api::{self, ApiError};
use crate::components::{
    focus_when_drawn, show_failure, Countdown, Failure, FailureAlert, RecoveryCodesList,
};
use crate::components::{Pending, TwoStepSetup};
use crate::i18n::security::{codes_left, SecurityText};
use crate::i18n::{tr, use_i18n};
use leptos::html::{Div, H2};
use leptos::prelude::*;
use topocloud_contract::{AccountSecurity, CodeRequest, ErrorCode, TotpSetup, FEW_RECOVERY_CODES};

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Idle,
    /// The password or a code first: for a recent sign-in (then the setup), to renew
    /// the codes, or to turn it off.
    Confirming(Purpose),
    Setting(TotpSetup),
    Codes(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    SignInAgain,
    Renew,
    TurnOff,
}

#[component]
pub fn TwoStepSection(
    #[prop(into)] security: Signal<AccountSecurity>,
    email: String,
    /// Ask the backend again what the page shows (after every change).
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Idle);
    let said = RwSignal::new(None::<SecurityText>);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (alert_ref, status_ref) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    // Where focus goes when what it was on (a button) is gone with the stage it was in.
    let heading_ref = NodeRef::<H2>::new();
    let fresh_codes = StoredValue::new(Vec::<String>::new());

    let report = move |error: ApiError| {
        show_failure(&error, failure, countdown, alert_ref);
    };
    let say = move |text: SecurityText| {
        said.try_set(Some(text));
        focus_when_drawn(status_ref);
    };
    let start = move || {
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        said.set(None);
        pending.run(async move {
            match api::two_step_setup().await {
                Ok(setup) => {
                    stage.try_set(Stage::Setting(setup));
                    focus_when_drawn(heading_ref);
                }
                Err(error) => match error.code() {
                    Some(ErrorCode::ReauthenticationRequired) => {
                        stage.try_set(Stage::Confirming(Purpose::SignInAgain));
                    }
                    Some(ErrorCode::TwoStepAlreadyOn) => {
                        stage.try_set(Stage::Idle);
                        say(SecurityText::TwoStepAlreadyOn);
                        reload.try_run(());
                    }
                    _ => report(error),
                },
            }
        })
    };
    let confirm = |code: String| async move {
        api::two_step_confirm(&CodeRequest { code })
            .await
            .map(|c| c.codes)
    };
    let send = move |proof| async move {
        match stage.try_get_untracked() {
            Some(Stage::Confirming(Purpose::Renew)) => {
                let codes = api::renew_recovery_codes(&proof).await?;
                fresh_codes.try_set_value(codes.codes);
                Ok(())
            }
            Some(Stage::Confirming(Purpose::TurnOff)) => api::two_step_disable(&proof).await,
            _ => api::reauthenticate(&proof).await,
        }
    };
    let confirmed = Callback::new(move |()| match stage.get_untracked() {
        Stage::Confirming(Purpose::Renew) => {
            stage.set(Stage::Codes(fresh_codes.get_value()));
            reload.run(());
        }
        Stage::Confirming(Purpose::TurnOff) => {
            stage.set(Stage::Idle);
            say(SecurityText::TurnedOff);
            reload.run(());
        }
        _ => start(),
    });
    let to_idle = Callback::new(move |()| {
        stage.set(Stage::Idle);
        focus_when_drawn(heading_ref);
    });
    // The confirmation arrived but its answer did not: the codes it made are unknown, so
    // new ones are made (that needs the password or a code, as ever).
    let codes_lost = Callback::new(move |()| {
        stage.set(Stage::Confirming(Purpose::Renew));
        say(SecurityText::CodesLost);
        reload.run(());
    });
    let on_done = Callback::new(move |codes: Vec<String>| {
        stage.set(Stage::Codes(codes));
        say(SecurityText::TurnedOn);
        reload.run(());
    });
    let on_restart = Callback::new(move |()| start());
    let idle = move || {
        let security = security.get();
        if !security.two_step {
            return view! {
                <p>{tr(SecurityText::TwoStepOffBody)}</p>
                <button
                    type="button"
                    class="button button--primary"
                    aria-disabled=move || pending.get().then_some("true")
                    on:click=move |_| start()
                >
                    {tr(SecurityText::TurnOn)}
                </button>
            }
            .into_any();
        }
        let left = security.recovery_codes_left;
        view! {
            <p>{tr(SecurityText::TwoStepOnBody)}</p>
            <p>{move || codes_left(i18n.lang(), left)}</p>
            {(left <= FEW_RECOVERY_CODES)
                .then(|| {
                    view! { <p class="notice notice--warning">{tr(SecurityText::FewCodesLeft)}</p> }
                })}
            <div class="button-row">
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| stage.set(Stage::Confirming(Purpose::Renew))
                >
                    {tr(SecurityText::RenewCodes)}
                </button>
                {if security.two_step_required {
                    view! { <p>{tr(SecurityText::RequiredByOrganisation)}</p> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| stage.set(Stage::Confirming(Purpose::TurnOff))
                        >
                            {tr(SecurityText::TurnOff)}
                        </button>
                    }
                        .into_any()
                }}
            </div>
        }
        .into_any()
    };
    let email = StoredValue::new(email);
    let body = move || match stage.get() {
        Stage::Idle => idle().into_any(),
        Stage::Confirming(purpose) => {
            let security = security.get();
            let proofs = Proofs {
                password: security.has_password,
                code: security.two_step,
            };
            let intro = match purpose {
                Purpose::SignInAgain => SecurityText::ConfirmPasswordIntro,
                Purpose::Renew => SecurityText::ConfirmRenewIntro,
                Purpose::TurnOff => SecurityText::ConfirmTurnOffIntro,
            };
            let proofs = Proofs {
                code: proofs.code || purpose != Purpose::SignInAgain,
                ..proofs
            };
            if !(proofs.password || proofs.code) {
                return view! { <p class="form-alert form-alert--visible">{tr(SecurityText::ConfirmSsoOnly)}</p> }
                    .into_any();
            }
            view! {
                <ConfirmIdentity
                    intro
                    password_id="two-step-confirm-password"
                    code_id="two-step-confirm-code"
                    proofs
                    send
                    on_done=confirmed
                    on_cancel=to_idle
                />
            }
            .into_any()
        }
        Stage::Setting(setup) => view! {
            <TwoStepSetup setup confirm on_done on_restart on_already_on=codes_lost />
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| to_idle.run(())
            >
                {tr(SecurityText::Cancel)}
            </button>
        }
        .into_any(),
        Stage::Codes(codes) => view! {
            <h3>{tr(SecurityText::RecoveryCodesTitle)}</h3>
            <RecoveryCodesList codes email=email.get_value() />
            <button
                type="button"
                class="button button--primary no-print"
                on:click=move |_| to_idle.run(())
            >
                {tr(SecurityText::CodesKept)}
            </button>
        }
        .into_any(),
    };

    view! {
        <section class="account-section" aria-labelledby="two-step-title">
            <h2 id="two-step-title" tabindex="-1" node_ref=heading_ref>
                {tr(SecurityText::TwoStepHeading)}
            </h2>
            <div node_ref=status_ref role="status" tabindex="-1" class="form-status"
                class:form-status--visible=move || said.with(Option::is_some)>
                {move || said.get().map(|text| i18n.t(text))}
            </div>
            <FailureAlert failure countdown node_ref=alert_ref />
            {body}
        </section>
    }
}
