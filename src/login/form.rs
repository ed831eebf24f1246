//! The sign-in form itself: fields, remember-me, single sign-on, the links around it, and
//! every failure in words with whatever the person typed left in place.

use super::passkey::{self, Passkey};
use crate::api;
use crate::components::article_href;
use crate::components::Pending;
use crate::components::Submission;
use crate::components::{first_paint, focus_when_drawn, Countdown, Failure, FailureAlert};
use crate::components::{PasswordField, TextField};
use crate::context::use_shared;
use crate::help::Article;
use crate::i18n::accounts::Msg;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::navigation::use_navigation;
use crate::return_to::second_step_url_returning_to;
use crate::session::use_session;
use crate::validation::{Field, LoginForm as LoginRules};
use crate::webauthn;
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use topocloud_contract::paths;
use topocloud_contract::routes;
use topocloud_contract::{percent_encode, SignInRequest};

#[component]
pub fn LoginForm(
    #[prop(into)] destination: Signal<String>,
    #[prop(default = None)] initial_failure: Option<Failure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    let session = use_session();
    let navigation = use_navigation();
    let runtime = shared.runtime();

    let email = shared.typed_email;
    let password = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    let email_error = RwSignal::new(None::<Text>);
    let password_error = RwSignal::new(None::<Text>);
    let failure = RwSignal::new(initial_failure);
    let countdown = Countdown::new();
    // From `/api/config`, which the login page waits for: the button is there from the
    // form's first frame.
    let passkeys = move || shared.site().is_some_and(|c| c.passkeys) && webauthn::supported();
    let (email_ref, password_ref, remember_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
    );
    let focus_alert = move || focus_when_drawn(alert_ref);
    // The answer to a password, or to a passkey (whose failure offers no "try again":
    // that button sends the password form; the passkey button is the way to try again).
    let answered =
        move |answer: Result<api::SignedIn, api::ApiError>, by_passkey: bool| match answer {
            // The login screen takes the person on from here.
            Ok(api::SignedIn::Session(info)) => session.signed_in(info),
            // The password was right; the code step (the whole site's) goes on to the same
            // destination.
            Ok(api::SignedIn::SecondStep) => {
                let next = second_step_url_returning_to(
                    &destination.try_get_untracked().unwrap_or_default(),
                );
                navigation.replace.try_run(next);
            }
            Err(error) => {
                countdown.start_on_limit(&error);
                let problem = match Failure::from_error(&error) {
                    Failure::Retry(text) if by_passkey => Failure::Message(text),
                    problem => problem,
                };
                failure.try_set(Some(problem));
                focus_alert();
            }
        };
    // What public/passkeys.js tells of a passkey sign-in (see `passkey`).
    let told = window_event_listener_untyped(passkey::EVENT, move |event| {
        // Only the form on screen takes the answer (its body can be read once).
        if !alert_ref
            .get_untracked()
            .is_some_and(|alert| alert.is_connected())
        {
            return;
        }
        match passkey::told(&event) {
            Passkey::Answer(response) => {
                spawn_local(async move { answered(api::signed_in(response).await, true) })
            }
            Passkey::Failed(problem) => {
                failure.try_set(Some(problem));
                focus_alert();
            }
        }
    });
    on_cleanup(move || told.remove());
    // Typed into index.html's static form while the app was loading: kept, caret and all.
    let typed = first_paint::typed_login();
    if let Some(typed) = &typed {
        if !typed.email.is_empty() {
            email.set(typed.email.clone());
        }
        password.set(typed.password.clone());
        remember.set(typed.remember);
    }

    let pending = Pending::new();
    let sign_in = move |request: SignInRequest| {
        pending.run(async move { answered(api::sign_in(&request).await, false) })
    };
    let submission = Submission::new(countdown, pending, failure);
    let blocked = move || submission.blocked();

    let submit = move || {
        if !submission.begin() {
            return;
        }
        revealed.set(false);
        let rules = LoginRules {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        let problems = rules.problems();
        let problem_for = |field| problems.iter().find(|(f, _)| *f == field).map(|(_, t)| *t);
        email_error.set(problem_for(Field::Email));
        password_error.set(problem_for(Field::Password));
        if let Some((first, _)) = problems.first() {
            let target = if *first == Field::Email {
                email_ref
            } else {
                password_ref
            };
            focus_when_drawn(target);
            return;
        }
        sign_in(SignInRequest {
            email: rules.email.trim().to_owned(),
            password: rules.password,
            remember: remember.get_untracked(),
        });
    };
    Effect::new(move |_| {
        let focus = typed.as_ref().and_then(|t| t.focus.clone());
        let target = focus.and_then(|name| {
            let node = match name.as_str() {
                "email" => email_ref,
                "password" => password_ref,
                "remember" => remember_ref,
                _ => return None,
            };
            Some((name, node.get_untracked()?))
        });
        // Read before the static form goes: its button may have been pressed just now.
        let early = first_paint::early_sign_in();
        first_paint::hand_over(target);
        match early {
            Some(first_paint::EarlySignIn::Sent(sent)) => {
                failure.set(None);
                pending.run(async move { answered(api::early_sign_in(sent).await, false) });
            }
            Some(first_paint::EarlySignIn::Pressed) => submit(),
            None => {}
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };

    let sso_buttons = move || {
        let providers = shared.site().map(|c| c.sso_providers).unwrap_or_default();
        let passkeys = passkeys();
        (passkeys || !providers.is_empty()).then(|| {
            let buttons = providers
                .into_iter()
                .map(|p| {
                    let href = move || {
                        api::url(&format!(
                            "{}?return_to={}",
                            paths::sso_start(&p.id),
                            percent_encode(&destination.get())
                        ))
                    };
                    let label = p.label.clone();
                    view! {
                        <a class="button button--sso" rel="external" href=href>
                            {tr(Text::SignInWith)}
                            " "
                            {label.clone()}
                        </a>
                    }
                })
                .collect_view();
            // The module does the rest (and marks the button busy during the dialog).
            let passkey_button = passkeys.then(|| {
                view! {
                    <button
                        id=passkey::BUTTON_ID
                        type="button"
                        class="button button--secondary"
                        data-settings=passkey::settings()
                        on:click=move |_| failure.set(None)
                    >
                        {tr(Text::SignInWithPasskey)}
                    </button>
                }
            });
            view! {
                <p class="divider">
                    <span>{tr(Text::Or)}</span>
                </p>
                {passkey_button}
                {buttons}
            }
        })
    };
    let registration_open = move || shared.site().is_some_and(|c| c.registration_open);

    view! {
        <section class="card" aria-labelledby="login-title">
            <h1 id="login-title">{tr(Text::LoginTitle)}</h1>
            <p class="intro">{tr(Text::LoginIntro)}</p>
            <FailureAlert failure countdown node_ref=alert_ref on_retry=move |_| submit() />
            <form class="form" novalidate on:submit=on_submit>
                <TextField
                    id="email"
                    label=Text::EmailLabel
                    input_type="email"
                    autocomplete="username webauthn"
                    value=email
                    error=Signal::derive(move || email_error.get().map(Msg::from))
                    node_ref=email_ref
                />
                <PasswordField
                    id="password"
                    label=Text::PasswordLabel
                    autocomplete="current-password"
                    value=password
                    error=Signal::derive(move || password_error.get().map(Msg::from))
                    revealed
                    node_ref=password_ref
                />
                <div class="form-row">
                    <div class="checkbox">
                        <input
                            type="checkbox"
                            id="remember"
                            name="remember"
                            node_ref=remember_ref
                            prop:checked=move || remember.get()
                            on:change=move |ev| remember.set(event_target_checked(&ev))
                        />
                        <label for="remember">{tr(Text::RememberMe)}</label>
                    </div>
                    <a href=routes::FORGOT_PASSWORD>{tr(Text::ForgotPassword)}</a>
                </div>
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || blocked().then_some("true")
                >
                    {move || {
                        i18n.t(if pending.get() { Text::SigningIn } else { Text::SignInButton })
                    }}
                </button>
            </form>
            {sso_buttons}
        </section>
        <nav class="below-card" aria-label=move || i18n.t(Text::CantSignIn)>
            <p>
                <a href=article_href(Article::CantLogIn)>{tr(Text::CantSignIn)}</a>
            </p>
            <Show when=registration_open>
                <p>
                    {tr(Text::NoAccountYet)} " "
                    <a href=routes::REGISTER>{tr(Text::CreateAccount)}</a>
                </p>
            </Show>
            <p>
                {tr(Text::FirstTimeHint)} " "
                <a href=runtime.quick_start_url.clone() target="_blank" rel="noopener">
                    {tr(Text::QuickStartLink)}
                    <span class="visually-hidden">" " {tr(Text::OpensInNewTab)}</span>
                </a>
            </p>
        </nav>
    }
}
