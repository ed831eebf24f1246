//! `/users/forgot-password`: ask for a link to choose a new password.
//!
//! The confirmation is the same sentence whether or not the address has an account, so
//! this page cannot be used to find out who is a customer.

use crate::api;
use crate::components::article_href;
use crate::components::Pending;
use crate::components::{focus_when_drawn, use_document_title, Countdown, Failure, FailureAlert};
use crate::components::{PageShell, Submission, TextField};
use crate::context::{clear_fragment, fragment_value, use_shared};
use crate::help::Article;
use crate::i18n::accounts::Msg;
use crate::i18n::recovery::RecoveryText as R;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::validation::{Field, LoginForm as EmailRules};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::routes;
use topocloud_contract::PasswordResetRequest;

/// Long enough that nobody hammers the button, short enough to try again while waiting.
const RESEND_COOLDOWN_SECONDS: u32 = 60;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    use_document_title(R::ForgotTitle);
    if let Some(email) = fragment_value("email") {
        shared.typed_email.set(email);
        clear_fragment();
    }
    let email = shared.typed_email;
    let email_error = RwSignal::new(None::<Text>);
    let failure = RwSignal::new(None::<Failure>);
    let sent = RwSignal::new(false);
    let cooldown = Countdown::new();
    let (email_ref, status_ref, alert_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
        NodeRef::<Div>::new(),
    );

    let pending = Pending::new();
    let request = move |body: PasswordResetRequest| {
        pending.run(async move {
            match api::request_password_reset(&body).await {
                Ok(()) => {
                    sent.try_set(true);
                    cooldown.start(RESEND_COOLDOWN_SECONDS);
                    focus_when_drawn(status_ref);
                }
                Err(error) => {
                    cooldown.start_on_limit(&error);
                    failure.try_set(Some(Failure::from_error(&error)));
                    focus_when_drawn(alert_ref);
                }
            }
        })
    };
    // The button waits out the cooldown after every email, not only after "too many".
    let submission = Submission::new(cooldown, pending, failure);
    let submit = move || {
        if !submission.begin() {
            return;
        }
        let rules = EmailRules {
            email: email.get_untracked(),
            password: "-".into(),
        };
        let problem = rules
            .problems()
            .into_iter()
            .find(|(f, _)| *f == Field::Email)
            .map(|(_, t)| t);
        email_error.set(problem);
        if problem.is_some() {
            focus_when_drawn(email_ref);
            return;
        }
        request(PasswordResetRequest {
            email: rules.email.trim().to_owned(),
            locale: i18n.lang(),
        });
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let waiting = move || submission.blocked();

    let confirmation = move || {
        sent.get().then(|| {
            view! {
                <h2>{tr(R::SentTitle)}</h2>
                <p>{tr(R::SentBody)}</p>
                <p>{tr(R::SentSpam)}</p>
            }
        })
    };
    let button_label = move || {
        if pending.get() {
            i18n.t(R::Requesting).into_owned()
        } else if sent.get() && cooldown.running() {
            format!(
                "{} ({} s)",
                i18n.t(R::ResendButton),
                cooldown.remaining.get()
            )
        } else if sent.get() {
            i18n.t(R::ResendButton).into_owned()
        } else {
            i18n.t(R::RequestButton).into_owned()
        }
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="forgot-title">
                <h1 id="forgot-title">{tr(R::ForgotTitle)}</h1>
                <p class="intro">{tr(R::ForgotIntro)}</p>
                <div node_ref=status_ref tabindex="-1" role="status"
                    class="form-status" class:form-status--visible=move || sent.get() && failure.get().is_none()>
                    {confirmation}
                </div>
                <FailureAlert failure countdown=cooldown node_ref=alert_ref on_retry=move |_| submit() />
                <form class="form" novalidate on:submit=on_submit>
                    <TextField id="email" label=Text::EmailLabel input_type="email" autocomplete="username"
                        value=email error=Signal::derive(move || email_error.get().map(Msg::from)) node_ref=email_ref />
                    <button type="submit" class="button button--primary" aria-disabled=move || waiting().then_some("true")>
                        {button_label}
                    </button>
                </form>
            </section>
            <nav class="below-card" aria-label=move || i18n.t(R::BackToLogin)>
                <p><a href=routes::LOGIN>{tr(R::BackToLogin)}</a></p>
                <p><a href=article_href(Article::CantLogIn)>{tr(R::CantSignInHelp)}</a></p>
            </nav>
        </PageShell>
    }
}
