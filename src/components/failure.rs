//! The form kit's one failure type and its one alert, for every form on the site: what
//! went wrong in words, a way on (send again, wait for the countdown, resend the
//! confirmation email) and the help article that explains it.

use super::Countdown;
use super::{HelpLink, HelpLinkFor};
use crate::api::ApiError;
use crate::i18n::accounts::Msg;
use crate::i18n::help::Article;
use crate::i18n::tr;
use crate::i18n::{too_many_attempts, use_i18n, Text};
use leptos::html::Div;
use leptos::prelude::*;
use topocloud_contract::{routes, ErrorCode};

/// What went wrong with a request, as the person needs to hear it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Failure {
    Message(Msg),
    /// The request may never have arrived: offer to send it again.
    Retry(Msg),
    /// Locked for a while: the countdown says how long.
    RateLimited,
    /// Signing in to an account whose address is not confirmed yet.
    NotVerified,
}

impl Failure {
    /// The generic reading of an error; screens handle their own codes before this.
    pub fn from_error(error: &ApiError) -> Self {
        match error.code() {
            Some(ErrorCode::TooManyAttempts) => Failure::RateLimited,
            Some(ErrorCode::EmailNotVerified) => Failure::NotVerified,
            Some(ErrorCode::ValidationFailed) => Failure::Message(Text::FormHasErrors.into()),
            _ if error.is_retryable() => Failure::Retry(error.message().into()),
            _ => Failure::Message(error.message().into()),
        }
    }
}

/// The usual end of a failed request: the wait counted down when it was a limit, the
/// failure in the form's alert, and focus on the alert so it is read out.
pub fn show_failure(
    error: &ApiError,
    failure: RwSignal<Option<Failure>>,
    countdown: Countdown,
    alert: NodeRef<Div>,
) {
    countdown.start_on_limit(error);
    failure.try_set(Some(Failure::from_error(error)));
    super::focus_when_drawn(alert);
}

/// What a screen shows when what it needs could not be fetched: the failure in words
/// (the wait, when it was a limit) and always a way on, asking again.
#[component]
pub fn LoadFailed(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let countdown = Countdown::new();
    countdown.start_on_limit(&error);
    let failure = RwSignal::new(Some(match Failure::from_error(&error) {
        Failure::Message(text) => Failure::Retry(text),
        other => other,
    }));
    view! { <FailureAlert failure countdown node_ref=NodeRef::new() on_retry /> }
}

/// The form-level message: always in the DOM (live regions must exist before they
/// change) and focusable, so after a failure it is read out and where focus lands.
#[component]
pub fn FailureAlert(
    failure: RwSignal<Option<Failure>>,
    countdown: Countdown,
    node_ref: NodeRef<Div>,
    /// Sends the failed request again, for failures that may never have arrived.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        failure.get().map(|f| match f {
            Failure::Message(text) => view! {
                <p>{tr(text)}</p>
                {match text {
                    Msg::Site(text) => Some(view! { <HelpLinkFor message=text /> }),
                    Msg::Screen(_) => None,
                }}
            }
            .into_any(),
            Failure::Retry(text) => view! {
                <p>{tr(text)}</p>
                {on_retry
                    .map(|retry| {
                        view! {
                            <button
                                type="button"
                                class="button button--secondary"
                                on:click=move |_| retry.run(())
                            >
                                {tr(Text::TryAgain)}
                            </button>
                        }
                    })}
            }
            .into_any(),
            // The number changes every second; only the start and the end are announced.
            Failure::RateLimited => view! {
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
            Failure::NotVerified => view! {
                <p>{tr(Text::EmailNotVerified)}</p>
                // A screen of the whole site, with the address typed here.
                <p>
                    <a href=routes::CONFIRMATION_EMAIL>{tr(Text::ResendVerification)}</a>
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <div node_ref=node_ref class="form-alert" class:form-alert--visible=move || failure.get().is_some()
            role="alert" tabindex="-1">
            {body}
        </div>
    }
}
