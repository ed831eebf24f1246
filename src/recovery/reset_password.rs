//! `/users/reset-password#token=…`: the page a reset email links to.
//!
//! The token is read from the fragment (which never reaches a server), removed from the
//! address bar, and sent only in POST bodies. Opening the page checks the link without
//! using it up; only saving a new password does.

use super::{ResetDone, ResetLinkDead};
use crate::api::{self, ApiError};
use crate::components::LinkEnd;
use crate::components::Pending;
use crate::components::Submission;
use crate::components::SubmitButton;
use crate::components::{
    focus_when_drawn, show_failure, use_document_title, Countdown, Failure, FailureAlert, Loading,
    PageShell, PasswordChecklist, PasswordField,
};
use crate::context::{take_link_token, use_shared};
use crate::i18n::accounts::Msg;
use crate::i18n::recovery::RecoveryText as R;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use crate::session::use_session;
use crate::validation::{new_password_problem, password_rule_text};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::{CompletePasswordResetRequest, ErrorCode};

#[derive(Debug, Clone, PartialEq)]
enum Link {
    Checking,
    Valid {
        email: String,
    },
    Done {
        email: String,
    },
    Expired {
        email: Option<String>,
    },
    Used {
        email: Option<String>,
    },
    Invalid,
    /// The check itself failed (offline, server down): nothing is known about the link.
    Unreachable(ApiError),
}

fn link_from_error(error: ApiError) -> Link {
    let email = error.problem_email();
    match LinkEnd::of(&error) {
        Some(LinkEnd::Expired) => Link::Expired { email },
        Some(LinkEnd::Used) => Link::Used { email },
        Some(LinkEnd::Invalid) => Link::Invalid,
        // A token the backend cannot even read is no link at all.
        None if error.code() == Some(ErrorCode::ValidationFailed) => Link::Invalid,
        None => Link::Unreachable(error),
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(R::ResetTitle);
    let token = StoredValue::new(take_link_token().unwrap_or_default());
    let link = RwSignal::new(Link::Checking);
    let checking = Pending::new();
    let check = move |_: ()| {
        checking.run(async move {
            let token = token.get_value();
            let state = if token.is_empty() {
                Link::Invalid
            } else {
                match api::look_up_password_reset(&token).await {
                    Ok(details) => Link::Valid {
                        email: details.email,
                    },
                    Err(error) => link_from_error(error),
                }
            };
            link.try_set(state);
        })
    };
    check(());

    let body = move || match link.get() {
        Link::Checking => view! { <Loading text=R::CheckingLink /> }.into_any(),
        Link::Valid { email } => view! { <NewPasswordForm email token link /> }.into_any(),
        Link::Done { email } => view! { <ResetDone email /> }.into_any(),
        Link::Expired { email } => {
            view! { <ResetLinkDead title=R::ExpiredTitle body=R::ExpiredBody email /> }.into_any()
        }
        Link::Used { email } => {
            view! { <ResetLinkDead title=R::UsedTitle body=R::UsedBody email /> }.into_any()
        }
        Link::Invalid => {
            view! { <ResetLinkDead title=R::InvalidTitle body=R::InvalidBody email=None /> }
                .into_any()
        }
        Link::Unreachable(error) => view! {
            <h1>{tr(R::ResetTitle)}</h1>
            <div class="form-alert form-alert--visible" role="alert">
                <p>{move || i18n.t(error.message())}</p>
            </div>
            <button
                type="button"
                class="button button--primary"
                on:click=move |_| {
                    link.set(Link::Checking);
                    check(());
                }
            >
                {tr(Text::TryAgain)}
            </button>
        }
        .into_any(),
    };
    view! {
        <PageShell>
            <section class="card">{body}</section>
        </PageShell>
    }
}

#[component]
fn NewPasswordForm(
    email: String,
    token: StoredValue<String>,
    link: RwSignal<Link>,
) -> impl IntoView {
    let shared = use_shared();
    let session = use_session();
    let password = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let password_error = RwSignal::new(None::<Text>);
    let failure = RwSignal::new(None::<Failure>);
    // A real backend may limit how often a link is tried; the wait is shown and counted.
    let countdown = Countdown::new();
    let (password_ref, alert_ref) = (NodeRef::<Input>::new(), NodeRef::<Div>::new());
    let account_email = StoredValue::new(email.clone());
    let focus_password = move || focus_when_drawn(password_ref);

    let pending = Pending::new();
    let save = move |request: CompletePasswordResetRequest| {
        pending.run(async move {
            match api::complete_password_reset(&request).await {
                Ok(done) => {
                    // A new password ends every session of the account: whether that was
                    // this browser's, the backend knows.
                    session.check();
                    link.try_set(Link::Done { email: done.email });
                }
                Err(error) => {
                    let password_code = error
                        .field_codes()
                        .into_iter()
                        .find(|(f, _)| f == "password");
                    if let Some((_, code)) = password_code {
                        password_error.try_set(Some(password_rule_text(&code)));
                        focus_password();
                    } else if LinkEnd::of(&error).is_some() {
                        // The link went dead while the form was open (or an earlier save
                        // did arrive but its answer was lost): this page already knows
                        // whose link it is, so a new one is still one click away.
                        let known = Some(account_email.get_value());
                        link.try_set(match link_from_error(error) {
                            Link::Used { email: None } => Link::Used { email: known },
                            Link::Expired { email: None } => Link::Expired { email: known },
                            other => other,
                        });
                    } else {
                        show_failure(&error, failure, countdown, alert_ref);
                    }
                }
            }
        })
    };
    let submission = Submission::new(countdown, pending, failure);
    let submit = move || {
        if !submission.begin() {
            return;
        }
        revealed.set(false);
        let problem = new_password_problem(&shared.password_policy(), &password.get_untracked());
        password_error.set(problem);
        if problem.is_some() {
            focus_password();
            return;
        }
        save(CompletePasswordResetRequest {
            token: token.get_value(),
            password: password.get_untracked(),
        });
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let policy = Signal::derive(move || shared.password_policy());

    view! {
        <h1 id="reset-title">{tr(R::ResetTitle)}</h1>
        <p class="intro">{tr(R::ResetIntro)}</p>
        <FailureAlert
            failure
            countdown
            node_ref=alert_ref
            on_retry=Callback::new(move |_| submit())
        />
        <form class="form" novalidate on:submit=on_submit aria-labelledby="reset-title">
            // The account's address, so a password manager saves the new password for it.
            <div class="field">
                <label for="username">{tr(R::AccountLabel)}</label>
                <input
                    id="username"
                    name="username"
                    type="email"
                    autocomplete="username"
                    readonly
                    prop:value=email.clone()
                />
            </div>
            <PasswordField
                id="new-password"
                label=Text::NewPasswordLabel
                autocomplete="new-password"
                value=password
                error=Signal::derive(move || password_error.get().map(Msg::from))
                revealed
                node_ref=password_ref
                described_by="new-password-rules"
            />
            <PasswordChecklist id="new-password-rules" policy password />
            <SubmitButton submission idle=R::SaveButton busy=R::Saving />
        </form>
    }
}
