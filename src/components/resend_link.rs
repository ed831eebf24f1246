//! "Send the email again", with a visible cooldown: after every email the button waits a
//! minute, so people do not flood their own mailbox (and the backend's limit of a few
//! emails an hour) while the first message is still on its way.

use super::Pending;
use crate::api;
use crate::components::Submission;
use crate::components::TextField;
use crate::components::{focus_when_drawn, Countdown};
use crate::components::{Failure, FailureAlert};
use crate::i18n::accounts::{resend_in, AccountText, Msg};
use crate::i18n::{use_i18n, Text};
use crate::validation::email_problem;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::ResendVerificationRequest;

/// Seconds between two emails asked for from this screen.
pub const RESEND_COOLDOWN_SECONDS: u32 = 60;

#[component]
pub fn ResendLink(
    /// The address to send to; shared with the form it came from.
    email: RwSignal<String>,
    /// Whether to show an email field (a verification link does not say whose it was).
    #[prop(default = false)]
    ask_email: bool,
    /// An email went out just now (registration): start with the cooldown.
    #[prop(default = false)]
    just_sent: bool,
    #[prop(into)] button: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    let countdown = Countdown::new();
    if just_sent {
        countdown.start(RESEND_COOLDOWN_SECONDS);
    }
    let sent = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let email_error = RwSignal::new(None::<Msg>);
    let (email_ref, alert_ref, status_ref) = (
        NodeRef::<Input>::new(),
        NodeRef::<Div>::new(),
        NodeRef::<leptos::html::P>::new(),
    );

    let pending = Pending::new();
    let resend = move |request: ResendVerificationRequest| {
        pending.run(async move {
            match api::resend_verification(&request).await {
                Ok(()) => {
                    sent.try_set(true);
                    countdown.start(RESEND_COOLDOWN_SECONDS);
                    focus_when_drawn(status_ref);
                }
                Err(error) => {
                    countdown.start_on_limit(&error);
                    failure.try_set(Some(Failure::from_error(&error)));
                    focus_when_drawn(alert_ref);
                }
            }
        })
    };
    let submission = Submission::new(countdown, pending, failure);
    let blocked = move || submission.blocked();

    let send = move || {
        // One click, one email; none at all while the cooldown runs.
        if !submission.begin() {
            return;
        }
        sent.set(false);
        let address = email.get_untracked().trim().to_owned();
        let problem: Option<Msg> = email_problem(&address).map(Into::into);
        email_error.set(problem);
        if problem.is_some() {
            focus_when_drawn(email_ref);
            return;
        }
        resend(ResendVerificationRequest {
            email: address,
            locale: i18n.lang(),
        });
    };

    view! {
        <div class="resend">
            <FailureAlert
                failure
                countdown
                node_ref=alert_ref
                on_retry=Callback::new(move |_| send())
            />
            // Says the same whether or not the address has an account waiting.
            <p node_ref=status_ref class="field-hint" role="status" tabindex="-1">
                {move || sent.get().then(|| i18n.t(Text::VerificationResent))}
            </p>
            {ask_email
                .then(|| {
                    view! {
                        <TextField
                            id="resend-email"
                            label=Text::EmailLabel
                            input_type="email"
                            autocomplete="email"
                            value=email
                            error=email_error
                            node_ref=email_ref
                        />
                    }
                })}
            <button
                type="button"
                class="button button--secondary"
                aria-disabled=move || blocked().then_some("true")
                aria-describedby="resend-wait"
                on:click=move |_| send()
            >
                {move || {
                    if pending.get() { i18n.t(AccountText::Resending) } else { i18n.t(button) }
                }}
            </button>
            // Ticks every second without being read out each time; it is tied to the
            // button, so it is heard whenever the button is.
            <p id="resend-wait" class="field-hint" aria-live="off">
                {move || match countdown.remaining.get() {
                    0 => String::new(),
                    left => resend_in(i18n.lang(), left),
                }}
            </p>
        </div>
    }
}
