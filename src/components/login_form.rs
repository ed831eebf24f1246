//! The sign-in form itself: fields, remember-me, single sign-on, the links around it, and
//! every failure in words with whatever the person typed left in place.

use super::submission::Submission;
use super::{first_paint, focus_when_drawn, Countdown, PasswordField, TextField};
use crate::api::{self, ApiError};
use crate::context::use_shared;
use crate::help::{article_href, Article, HelpLink, HelpLinkFor};
use crate::i18n::accounts::Msg;
use crate::i18n::tr;
use crate::i18n::{too_many_attempts, use_i18n, Text};
use crate::validation::{Field, LoginForm as LoginRules};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use topocloud_contract::paths;
use topocloud_contract::routes;
use topocloud_contract::{
    percent_encode, ErrorCode, Locale, ResendVerificationRequest, SignInRequest,
};

/// What went wrong, as the person needs to hear it.
#[derive(Debug, Clone, PartialEq)]
pub enum LoginFailure {
    Message(Text),
    /// The request may not have arrived: offer to send it again.
    Retry(Text),
    /// Locked for a while: the countdown says how long.
    RateLimited,
    NotVerified {
        resent: bool,
    },
}

impl LoginFailure {
    pub fn from_error(error: &ApiError) -> Self {
        match error.code() {
            Some(ErrorCode::TooManyAttempts) => LoginFailure::RateLimited,
            Some(ErrorCode::EmailNotVerified) => LoginFailure::NotVerified { resent: false },
            _ if error.is_retryable() => LoginFailure::Retry(error.message()),
            _ => LoginFailure::Message(error.message()),
        }
    }
}

#[component]
pub fn LoginForm(
    #[prop(into)] destination: Signal<String>,
    #[prop(default = None)] initial_failure: Option<LoginFailure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    let navigate = use_navigate();
    let runtime = shared.runtime();

    let email = shared.typed_email;
    let password = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    let email_error = RwSignal::new(None::<Text>);
    let password_error = RwSignal::new(None::<Text>);
    let failure = RwSignal::new(initial_failure);
    let countdown = Countdown::new();
    let (email_ref, password_ref, remember_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
    );
    // Typed into index.html's static form while the app was loading: kept, caret and all.
    let typed = first_paint::typed_login();
    if let Some(typed) = &typed {
        if !typed.email.is_empty() {
            email.set(typed.email.clone());
        }
        password.set(typed.password.clone());
        remember.set(typed.remember);
    }
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
        first_paint::hand_over(target);
    });
    let focus_alert = move || focus_when_drawn(alert_ref);

    let sign_in = Action::new_local(move |request: &SignInRequest| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match api::sign_in(&request).await {
                Ok(_) => navigate(
                    &destination.try_get_untracked().unwrap_or_default(),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                ),
                Err(error) => {
                    countdown.start_on_limit(&error);
                    failure.set(Some(LoginFailure::from_error(&error)));
                    focus_alert();
                }
            }
        }
    });
    let pending = sign_in.pending();
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
        sign_in.dispatch_local(SignInRequest {
            email: rules.email.trim().to_owned(),
            password: rules.password,
            remember: remember.get_untracked(),
        });
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };

    let resend = Action::new_local(move |_: &()| {
        let request = ResendVerificationRequest {
            email: email.get_untracked().trim().to_owned(),
            locale: if i18n.lang() == crate::i18n::Lang::En {
                Locale::En
            } else {
                Locale::Nl
            },
        };
        async move {
            let outcome = api::resend_verification(&request).await;
            failure.set(Some(match outcome {
                Ok(()) => LoginFailure::NotVerified { resent: true },
                Err(error) => LoginFailure::from_error(&error),
            }));
            focus_alert();
        }
    });

    let alert_body = move || {
        failure.get().map(|f| match f {
            LoginFailure::Message(text) => view! {
                <p>{tr(text)}</p>
                <HelpLinkFor message=text />
            }
            .into_any(),
            LoginFailure::Retry(text) => view! {
                <p>{tr(text)}</p>
                <button type="button" class="button button--secondary" on:click=move |_| submit()>
                    {tr(Text::TryAgain)}
                </button>
            }
            .into_any(),
            LoginFailure::RateLimited => view! {
                // The number changes every second; only the start and the end are announced.
                <p aria-live="off">
                    {move || match countdown.remaining.get() {
                        0 => i18n.t(Text::CanTryAgainNow).into_owned(),
                        left => too_many_attempts(i18n.lang(), left),
                    }}
                </p>
                <p>
                    <HelpLink article=Article::TooManyAttempts />
                </p>
            }
            .into_any(),
            LoginFailure::NotVerified { resent } => view! {
                <p>{tr(Text::EmailNotVerified)}</p>
                {if resent {
                    view! { <p>{tr(Text::VerificationResent)}</p> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button--secondary"
                            aria-disabled=move || resend.pending().get().then_some("true")
                            on:click=move |_| {
                                if !resend.pending().get_untracked() {
                                    resend.dispatch_local(());
                                }
                            }
                        >
                            {tr(Text::ResendVerification)}
                        </button>
                    }
                        .into_any()
                }}
            }
            .into_any(),
        })
    };

    let sso_buttons = move || {
        let providers = shared.site().map(|c| c.sso_providers).unwrap_or_default();
        (!providers.is_empty()).then(|| {
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
            view! {
                <p class="divider">
                    <span>{tr(Text::Or)}</span>
                </p>
                {buttons}
            }
        })
    };
    let registration_open = move || shared.site().is_some_and(|c| c.registration_open);

    view! {
        <section class="card" aria-labelledby="login-title">
            <h1 id="login-title">{tr(Text::LoginTitle)}</h1>
            <p class="intro">{tr(Text::LoginIntro)}</p>
            <div node_ref=alert_ref class="form-alert" class:form-alert--visible=move || failure.get().is_some()
                role="alert" tabindex="-1">
                {alert_body}
            </div>
            <form class="form" novalidate on:submit=on_submit>
                <TextField id="email" label=Text::EmailLabel input_type="email" autocomplete="username"
                    value=email error=Signal::derive(move || email_error.get().map(Msg::from)) node_ref=email_ref />
                <PasswordField id="password" label=Text::PasswordLabel autocomplete="current-password"
                    value=password error=password_error revealed node_ref=password_ref />
                <div class="form-row">
                    <div class="checkbox">
                        <input type="checkbox" id="remember" name="remember" node_ref=remember_ref prop:checked=move || remember.get()
                            on:change=move |ev| remember.set(event_target_checked(&ev)) />
                        <label for="remember">{tr(Text::RememberMe)}</label>
                    </div>
                    <a href=routes::FORGOT_PASSWORD>{tr(Text::ForgotPassword)}</a>
                </div>
                <button type="submit" class="button button--primary" aria-disabled=move || blocked().then_some("true")>
                    {move || i18n.t(if pending.get() { Text::SigningIn } else { Text::SignInButton })}
                </button>
            </form>
            {sso_buttons}
        </section>
        <nav class="below-card" aria-label=move || i18n.t(Text::CantSignIn)>
            <p><a href=article_href(Article::CantLogIn)>{tr(Text::CantSignIn)}</a></p>
            <Show when=registration_open>
                <p>{tr(Text::NoAccountYet)} " " <a href=routes::REGISTER>{tr(Text::CreateAccount)}</a></p>
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
