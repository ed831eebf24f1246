//! `/users/second-step`: after a right password, the code from the authenticator app (or
//! a recovery code); or, when the organisation requires two-step verification and the
//! account has none yet, turning it on. The challenge between the two steps is an
//! HttpOnly cookie: this screen only asks the backend whether it is still alive.

use super::code_step::CodeStep;
use crate::api::{self, ApiError};
use crate::components::{use_document_title, LoadFailed, Loading, PageShell};
use crate::components::{RecoveryCodesList, TwoStepSetup};
use crate::context::use_shared;
use crate::i18n::security::SecurityText;
use crate::i18n::{tr, Text};
use crate::navigation::use_navigation;
use crate::return_to::login_url_returning_to;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use topocloud_contract::{safe_return_to, CodeRequest, SecondStepKind, SessionInfo};

/// Whether an answer means the password step must be done again.
pub fn challenge_gone(error: &ApiError) -> bool {
    use topocloud_contract::ErrorCode::{ChallengeExpired, NotSignedIn};
    matches!(error.code(), Some(ChallengeExpired | NotSignedIn))
}

#[component]
pub fn SecondStepPage() -> impl IntoView {
    use_document_title(SecurityText::SecondStepTitle);
    let shared = use_shared();
    let session = use_session();
    let navigation = use_navigation();
    let destination = Signal::derive(move || {
        safe_return_to(navigation.query.run("return_to").as_deref())
            .unwrap_or_else(|| shared.runtime().after_login)
    });
    let state = RwSignal::new(None::<Result<SecondStepKind, ApiError>>);
    let load = move || {
        state.set(None);
        spawn_local(async move {
            let answer = api::second_step_state().await.map(|s| s.kind);
            state.try_set(Some(answer));
        });
    };
    load();
    let finish = Callback::new(move |info: SessionInfo| {
        session.signed_in(info);
        navigation
            .replace
            .run(destination.try_get_untracked().unwrap_or_default());
    });
    let on_gone = Callback::new(move |error: ApiError| state.set(Some(Err(error))));

    let failed = move |error: ApiError| {
        view! {
            <h1 id="second-step-title">{tr(SecurityText::SecondStepTitle)}</h1>
            <LoadFailed error on_retry=move |_| load() />
        }
    };
    view! {
        <PageShell>
            <section class="card" aria-labelledby="second-step-title">
                {move || match state.get() {
                    None => view! { <Loading text=Text::Loading /> }.into_any(),
                    Some(Ok(SecondStepKind::Code)) => {
                        view! { <CodeStep finish on_gone /> }.into_any()
                    }
                    Some(Ok(SecondStepKind::Enrol)) => {
                        view! { <Enrolment finish on_gone /> }.into_any()
                    }
                    Some(Err(error)) if challenge_gone(&error) => {
                        let again = login_url_returning_to(&destination.get_untracked());
                        view! {
                            <h1 id="second-step-title">
                                {tr(SecurityText::ChallengeExpiredTitle)}
                            </h1>
                            <p>{tr(SecurityText::ChallengeExpiredBody)}</p>
                            <p>
                                <a class="button button--primary" href=again>
                                    {tr(SecurityText::BackToLogin)}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Some(Err(error)) => failed(error).into_any(),
                }}
            </section>
        </PageShell>
    }
}

/// The organisation requires two-step verification: turn it on, keep the recovery codes,
/// then go on signed in.
#[component]
fn Enrolment(finish: Callback<SessionInfo>, on_gone: Callback<ApiError>) -> impl IntoView {
    let setup = RwSignal::new(None::<Result<topocloud_contract::TotpSetup, ApiError>>);
    let signed_in = RwSignal::new(None::<(SessionInfo, Vec<String>)>);
    let start = move || {
        setup.set(None);
        spawn_local(async move {
            match api::start_enrolment().await {
                Err(error) if challenge_gone(&error) => {
                    on_gone.try_run(error);
                }
                answer => {
                    setup.try_set(Some(answer));
                }
            }
        });
    };
    start();
    // The session of the confirmation, kept until the codes are kept.
    let session = StoredValue::new(None::<SessionInfo>);
    let confirm = move |code: String| async move {
        match api::confirm_enrolment(&CodeRequest { code }).await {
            Ok(done) => {
                session.set_value(Some(done.session));
                Ok(done.recovery_codes)
            }
            Err(error) if challenge_gone(&error) => {
                on_gone.try_run(error.clone());
                Err(error)
            }
            Err(error) => Err(error),
        }
    };
    let on_done = Callback::new(move |codes: Vec<String>| {
        if let Some(info) = session.get_value() {
            signed_in.set(Some((info, codes)));
        }
    });
    let on_restart = Callback::new(move |_| start());
    let body = move || match (signed_in.get(), setup.get()) {
        (Some((info, codes)), _) => {
            let email = info.email.clone();
            view! {
                <h2>{tr(SecurityText::RecoveryCodesTitle)}</h2>
                <RecoveryCodesList codes email />
                <button
                    type="button"
                    class="button button--primary no-print"
                    on:click=move |_| {
                        if let Some(info) = session.get_value() {
                            finish.run(info);
                        }
                    }
                >
                    {tr(SecurityText::CodesKept)}
                </button>
            }
            .into_any()
        }
        (None, None) => view! { <Loading text=Text::Loading /> }.into_any(),
        (None, Some(Ok(key))) => {
            view! { <TwoStepSetup setup=key confirm on_done on_restart /> }.into_any()
        }
        (None, Some(Err(error))) => {
            view! { <LoadFailed error on_retry=move |_| start() /> }.into_any()
        }
    };
    view! {
        <h1 id="second-step-title">{tr(SecurityText::EnrolTitle)}</h1>
        <p class="intro">{tr(SecurityText::EnrolIntro)}</p>
        {body}
    }
}
