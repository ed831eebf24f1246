//! "Where you are signed in": every session of the account, this device first; end one,
//! or all the others. Ending a session needs a recent sign-in; when the backend asks for
//! one, the password (or a code) is asked here and the ending carried out after it.

use super::confirm::{ConfirmIdentity, Proofs};
use crate::api::{self, ApiError};
use crate::components::{
    focus_when_drawn, show_failure, Countdown, Failure, FailureAlert, LoadFailed, Loading, Pending,
};
use crate::i18n::security::{browser_on_system, date_and_time, sessions_ended, SecurityText};
use crate::i18n::{tr, use_i18n, Catalogue, Lang, Text};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use topocloud_contract::{ErrorCode, SessionSummary};

/// What ending is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    One(String),
    Others,
}

/// Unix seconds in the browser's own time zone, in words.
pub(super) fn local_time(lang: Lang, unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    date_and_time(
        lang,
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}

#[component]
pub fn SessionsSection(#[prop(into)] proofs: Signal<Proofs>) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(None::<Result<Vec<SessionSummary>, ApiError>>);
    let load = move || {
        spawn_local(async move {
            list.try_set(Some(api::sessions().await));
        });
    };
    load();
    let failure = RwSignal::new(None::<Failure>);
    let done = RwSignal::new(None::<String>);
    let asking = RwSignal::new(None::<End>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (alert_ref, status_ref) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());

    let end = move |what: End| {
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        done.set(None);
        pending.run(async move {
            let answer = match &what {
                End::One(id) => api::end_session(id).await.map(|()| None),
                End::Others => api::end_other_sessions().await.map(|e| Some(e.ended)),
            };
            match answer {
                Ok(ended) => {
                    let lang = i18n.lang();
                    done.try_set(Some(match ended {
                        Some(count) => sessions_ended(lang, count),
                        None => SecurityText::SessionEnded.in_lang(lang).to_owned(),
                    }));
                    asking.try_set(None);
                    focus_when_drawn(status_ref);
                    load();
                }
                Err(error) if error.code() == Some(ErrorCode::ReauthenticationRequired) => {
                    asking.try_set(Some(what));
                }
                Err(error) => {
                    show_failure(&error, failure, countdown, alert_ref);
                }
            }
        })
    };
    let reauthenticate = |proof| async move { api::reauthenticate(&proof).await };
    let after_confirm = Callback::new(move |()| {
        if let Some(what) = asking.get_untracked() {
            asking.set(None);
            end(what);
        }
    });
    let on_cancel = Callback::new(move |()| asking.set(None));

    let row = move |session: SessionSummary| {
        let id = session.id.clone();
        let lang = i18n.lang();
        let words = browser_on_system(lang, session.browser.as_deref(), session.system.as_deref());
        let words_again = words.clone();
        let started = local_time(lang, session.started_at);
        let used = local_time(lang, session.last_used_at);
        view! {
            <li class="session" class:session--this=session.this_device>
                <p class="session-name">
                    <strong>{words}</strong>
                    {session.this_device.then(|| view! {
                        " " <span class="badge">{tr(SecurityText::ThisDevice)}</span>
                    })}
                </p>
                <p class="field-hint">
                    {tr(SecurityText::SessionStarted)} ": " {started} " · "
                    {tr(SecurityText::SessionLastUsed)} ": " {used}
                </p>
                {(!session.this_device).then(|| view! {
                    <button type="button" class="button button--secondary button--small"
                        aria-disabled=move || pending.get().then_some("true")
                        on:click=move |_| end(End::One(id.clone()))>
                        {tr(SecurityText::EndSession)}
                        <span class="visually-hidden">": " {words_again}</span>
                    </button>
                })}
            </li>
        }
    };
    let body = move || match list.get() {
        None => view! { <Loading text=Text::Loading /> }.into_any(),
        Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| load() /> }.into_any(),
        Some(Ok(sessions)) => {
            let others = sessions.iter().any(|s| !s.this_device);
            view! {
                <ul class="session-list">{sessions.into_iter().map(row).collect_view()}</ul>
                {if others {
                    view! {
                        <button
                            type="button"
                            class="button button--secondary"
                            aria-disabled=move || pending.get().then_some("true")
                            on:click=move |_| end(End::Others)
                        >
                            {tr(SecurityText::EndOtherSessions)}
                        </button>
                    }
                        .into_any()
                } else {
                    view! { <p>{tr(SecurityText::NoOtherSessions)}</p> }.into_any()
                }}
            }
            .into_any()
        }
    };

    view! {
        <section class="account-section" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{tr(SecurityText::SessionsHeading)}</h2>
            <p>{tr(SecurityText::SessionsIntro)}</p>
            <div node_ref=status_ref role="status" tabindex="-1" class="form-status"
                class:form-status--visible=move || done.with(Option::is_some)>
                {move || done.get()}
            </div>
            <FailureAlert failure countdown node_ref=alert_ref />
            <Show when=move || asking.get().is_some()>
                {move || {
                    let proofs = proofs.get();
                    if proofs.password || proofs.code {
                    view! {
                        <ConfirmIdentity intro=SecurityText::ConfirmPasswordIntro
                            password_id="sessions-confirm-password" code_id="sessions-confirm-code"
                            proofs send=reauthenticate on_done=after_confirm on_cancel />
                    }.into_any()
                } else {
                    view! { <p class="form-alert form-alert--visible">{tr(SecurityText::ConfirmSsoOnly)}</p> }.into_any()
                }}}
            </Show>
            {body}
        </section>
    }
}
