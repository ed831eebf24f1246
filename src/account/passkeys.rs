//! Passkeys on the account page: the list (name, where and when it was added, last use),
//! add one on this device, rename one, remove one after a confirmation. Adding and
//! removing need a recent sign-in; when the backend asks for one, the password (or a
//! code) is asked here and the step carried out after it. A closed browser dialog is no
//! error: the form simply stays.

use super::confirm::{ConfirmIdentity, Proofs};
use super::passkey_rename::RenamePasskey;
use super::sessions::local_time;
use crate::api::{self, ApiError};
use crate::components::{focus_when_drawn, show_failure, Countdown, Failure, FailureAlert};
use crate::components::{HelpLink, LoadFailed, Loading, Pending, TextField};
use crate::help::Article;
use crate::i18n::accounts::Msg;
use crate::i18n::security::{browser_on_system, SecurityText as S};
use crate::i18n::{tr, use_i18n, Text};
use crate::webauthn::{self, Ceremony};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use topocloud_contract::{passkey_name, ErrorCode, PasskeySummary};

/// How a step ended, when the backend did not refuse it.
pub(super) enum Outcome {
    Done(S),
    /// The browser's dialog was closed: nothing happened, nothing to say.
    Nothing,
    /// The browser would not make the passkey: said as a failure.
    Refused(S),
}

/// What a row of the list can have open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowStep {
    Rename,
    /// The question before removing.
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Add,
    Remove(String),
}

/// A name's problem in words, checked as the backend checks it.
pub fn name_problem(typed: &str) -> Option<S> {
    passkey_name(typed).err().map(|code| {
        if code == topocloud_contract::field_codes::REQUIRED {
            S::PasskeyNameRequired
        } else {
            S::PasskeyNameTooLong
        }
    })
}

#[component]
pub fn PasskeysSection(
    #[prop(into)] proofs: Signal<Proofs>,
    /// Told when a passkey was made elsewhere on the page (the offer after signing in).
    changed: Trigger,
) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(None::<Result<Vec<PasskeySummary>, ApiError>>);
    let load = move || {
        spawn_local(async move {
            list.try_set(Some(api::passkeys().await));
        });
    };
    Effect::new(move |_| {
        changed.track();
        load();
    });
    let name = RwSignal::new(String::from("Passkey"));
    let name_error = RwSignal::new(None::<S>);
    let said = RwSignal::new(None::<S>);
    let asking = RwSignal::new(None::<Step>);
    // What one row has open (one row at a time), by the passkey's id.
    let in_row = RwSignal::new(None::<(RowStep, String)>);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = Pending::new();
    let (name_ref, alert_ref, status_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
        NodeRef::<Div>::new(),
    );
    let say = move |text: S| {
        said.try_set(Some(text));
        focus_when_drawn(status_ref);
    };

    let run = move |step: Step| {
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        said.set(None);
        let typed = name.get_untracked();
        pending.run(async move {
            let answer = match &step {
                Step::Add => add(&typed).await,
                Step::Remove(id) => api::remove_passkey(id)
                    .await
                    .map(|()| Outcome::Done(S::PasskeyRemoved)),
            };
            match answer {
                Ok(Outcome::Done(text)) => {
                    asking.try_set(None);
                    in_row.try_set(None);
                    say(text);
                    load();
                }
                Ok(Outcome::Nothing) => {}
                Ok(Outcome::Refused(text)) => {
                    failure.try_set(Some(Failure::Message(text.into())));
                    focus_when_drawn(alert_ref);
                }
                Err(error) if error.code() == Some(ErrorCode::ReauthenticationRequired) => {
                    asking.try_set(Some(step));
                }
                Err(error) => show_failure(&error, failure, countdown, alert_ref),
            }
        })
    };
    let start_add = move || match name_problem(&name.get_untracked()) {
        Some(problem) => {
            name_error.set(Some(problem));
            focus_when_drawn(name_ref);
        }
        None => {
            name_error.set(None);
            run(Step::Add);
        }
    };
    let reauthenticate = |proof| async move { api::reauthenticate(&proof).await };
    let after_confirm = Callback::new(move |()| {
        if let Some(step) = asking.get_untracked() {
            asking.set(None);
            run(step);
        }
    });
    let on_cancel = Callback::new(move |()| asking.set(None));

    let row = move |passkey: PasskeySummary| {
        let lang = i18n.lang();
        let made = local_time(lang, passkey.created_at);
        let place = browser_on_system(lang, passkey.browser.as_deref(), passkey.system.as_deref());
        let used = passkey.last_used_at.map(|at| local_time(lang, at));
        let id = passkey.id.clone();
        let label = passkey.name.clone();
        view! {
            <li class="session">
                <p class="session-name">
                    <strong>{passkey.name.clone()}</strong>
                </p>
                <p class="field-hint">
                    {tr(S::PasskeyAddedOn)} ": " {made} ", " {place} " · "
                    {match used {
                        Some(at) => {
                            view! {
                                {tr(S::SessionLastUsed)}
                                ": "
                                {at}
                            }
                                .into_any()
                        }
                        None => view! { {tr(S::PasskeyNeverUsed)} }.into_any(),
                    }}
                </p>
                {move || {
                    let open = in_row.get().filter(|(_, open)| *open == id).map(|(step, _)| step);
                    if open == Some(RowStep::Rename) {
                        let on_done = Callback::new(move |()| {
                            in_row.set(None);
                            say(S::PasskeyRenamed);
                            load();
                        });
                        let on_cancel = Callback::new(move |()| in_row.set(None));
                        view! {
                            <RenamePasskey
                                id=id.clone()
                                current=label.clone()
                                on_done
                                on_cancel
                                failure
                                countdown
                                alert_ref
                            />
                        }
                            .into_any()
                    } else if open == Some(RowStep::Remove) {
                        let id = id.clone();
                        view! {
                            <p>{tr(S::RemovePasskeyQuestion)}</p>
                            <div class="button-row">
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    aria-disabled=move || pending.get().then_some("true")
                                    on:click=move |_| run(Step::Remove(id.clone()))
                                >
                                    {tr(S::RemovePasskeyYes)}
                                </button>
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    on:click=move |_| in_row.set(None)
                                >
                                    {tr(S::Cancel)}
                                </button>
                            </div>
                        }
                            .into_any()
                    } else {
                        let open_button = |step: RowStep, text: S| {
                            let (id, label) = (id.clone(), label.clone());
                            view! {
                                <button
                                    type="button"
                                    class="button button--secondary button--small"
                                    on:click=move |_| in_row.set(Some((step, id.clone())))
                                >
                                    {tr(text)}
                                    <span class="visually-hidden">": " {label}</span>
                                </button>
                            }
                        };
                        view! {
                            <div class="button-row">
                                {open_button(RowStep::Rename, S::RenamePasskey)}
                                {open_button(RowStep::Remove, S::RemovePasskey)}
                            </div>
                        }
                            .into_any()
                    }
                }}
            </li>
        }
    };
    let body = move || match list.get() {
        None => view! { <Loading text=Text::Loading /> }.into_any(),
        Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| load() /> }.into_any(),
        Some(Ok(passkeys)) if passkeys.is_empty() => {
            view! { <p>{tr(S::NoPasskeys)}</p> }.into_any()
        }
        Some(Ok(passkeys)) => {
            view! { <ul class="session-list">{passkeys.into_iter().map(row).collect_view()}</ul> }
                .into_any()
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start_add();
    };

    view! {
        <section class="account-section" aria-labelledby="passkeys-title">
            <h2 id="passkeys-title">{tr(S::PasskeysHeading)}</h2>
            <p>{tr(S::PasskeysIntro)} " " <HelpLink article=Article::Passkeys /></p>
            <div node_ref=status_ref role="status" tabindex="-1" class="form-status"
                class:form-status--visible=move || said.with(Option::is_some)>
                {move || said.get().map(|text| i18n.t(text))}
            </div>
            <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| start_add() />
            <Show when=move || asking.get().is_some()>
                {move || {
                    let proofs = proofs.get();
                    view! {
                        <ConfirmIdentity intro=S::ConfirmPasswordIntro
                            password_id="passkeys-confirm-password" code_id="passkeys-confirm-code"
                            proofs send=reauthenticate on_done=after_confirm on_cancel />
                    }
                }}
            </Show>
            {body}
            <form class="form" novalidate on:submit=on_submit>
                <TextField id="passkey-name" label=S::PasskeyNameLabel autocomplete="off"
                    value=name error=Signal::derive(move || name_error.get().map(Msg::from))
                    node_ref=name_ref />
                <p class="field-hint">{tr(S::PasskeyNameHint)}</p>
                <button type="submit" class="button button--primary"
                    aria-disabled=move || countdown.blocks(pending).then_some("true")>
                    {move || i18n.t(if pending.get() { S::AddingPasskey } else { S::AddPasskey })}
                </button>
            </form>
        </section>
    }
}

/// Options from the backend, the browser's dialog, the new credential back.
pub(super) async fn add(name: &str) -> Result<Outcome, ApiError> {
    let options = api::passkey_registration_options().await?;
    match webauthn::create(&options).await {
        Ok(credential) => api::add_passkey(name, &credential)
            .await
            .map(|_| Outcome::Done(S::PasskeyAdded)),
        Err(Ceremony::Cancelled) => Ok(Outcome::Nothing),
        Err(Ceremony::AlreadyOnDevice) => Ok(Outcome::Refused(S::PasskeyOnDevice)),
        Err(Ceremony::NotLoaded) => Err(ApiError::Network),
        Err(Ceremony::Failed) => Ok(Outcome::Refused(S::PasskeyAddFailed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passkey_name_is_checked_as_the_backend_checks_it() {
        assert_eq!(name_problem("  Telefoon van Anna "), None);
        assert_eq!(name_problem("   "), Some(S::PasskeyNameRequired));
        assert_eq!(name_problem(&"x".repeat(65)), Some(S::PasskeyNameTooLong));
    }
}
