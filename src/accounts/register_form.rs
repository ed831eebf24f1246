//! The registration form: name, email, organisation, a new password with its live
//! checklist, and the terms. Everything typed stays through every failure.

use super::rules::{
    problem_for, registration_problems, server_problems, AccountField, Problems, Registration,
};
use crate::api;
use crate::components::Pending;
use crate::components::Submission;
use crate::components::TextField;
use crate::components::{focus_when_drawn, Countdown, PasswordChecklist, PasswordField};
use crate::components::{Failure, FailureAlert};
use crate::context::use_shared;
use crate::i18n::accounts::{AccountText, Msg};
use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use topocloud_contract::{ErrorCode, RegistrationRequest};

/// What the person typed, owned by the page so it survives going to the "check your
/// mailbox" step and back.
#[derive(Clone, Copy)]
pub struct RegisterValues {
    pub name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub organisation: RwSignal<String>,
    pub password: RwSignal<String>,
    pub accept_terms: RwSignal<bool>,
}

impl RegisterValues {
    /// The email starts as whatever was typed on another screen (login, say).
    pub fn new(email: RwSignal<String>) -> Self {
        Self {
            name: RwSignal::new(String::new()),
            email,
            organisation: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            accept_terms: RwSignal::new(false),
        }
    }
}

/// The form's inputs, one per field: a match, so a sixth field is a compile error here
/// rather than an index out of bounds at runtime.
#[derive(Clone, Copy)]
struct FieldRefs {
    name: NodeRef<Input>,
    email: NodeRef<Input>,
    organisation: NodeRef<Input>,
    password: NodeRef<Input>,
    terms: NodeRef<Input>,
}

impl FieldRefs {
    fn new() -> Self {
        Self {
            name: NodeRef::new(),
            email: NodeRef::new(),
            organisation: NodeRef::new(),
            password: NodeRef::new(),
            terms: NodeRef::new(),
        }
    }

    fn of(self, field: AccountField) -> NodeRef<Input> {
        match field {
            AccountField::Name => self.name,
            AccountField::Email => self.email,
            AccountField::Organisation => self.organisation,
            AccountField::Password => self.password,
            AccountField::Terms => self.terms,
        }
    }
}

#[component]
pub fn RegisterForm(
    values: RegisterValues,
    /// The backend accepted: show "check your mailbox".
    on_sent: Callback<()>,
    /// The backend says registration is closed (its config changed since page load).
    on_closed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_shared();
    let terms_url = shared.runtime().terms_url;
    let policy = Signal::derive(move || shared.password_policy());
    let RegisterValues {
        name,
        email,
        organisation,
        password,
        accept_terms,
    } = values;

    let problems = RwSignal::new(Problems::new());
    let error = move |field| Signal::derive(move || problems.with(|p| problem_for(p, field)));
    // The password field speaks the site's catalogue; its rule texts all come from there.
    let password_error = Signal::derive(move || match error(AccountField::Password).get() {
        Some(Msg::Site(text)) => Some(text),
        Some(Msg::Screen(_)) => Some(Text::FormHasErrors),
        None => None,
    });
    let terms_error = error(AccountField::Terms);
    let revealed = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let refs = FieldRefs::new();
    let alert_ref = NodeRef::<Div>::new();
    let field_ref = move |field: AccountField| refs.of(field);

    let show_problems = move |found: Problems| {
        let first = found.first().map(|(field, _)| *field);
        problems.try_set(found);
        if let Some(field) = first {
            let target = field_ref(field);
            focus_when_drawn(target);
        }
    };
    let show_failure = move |f: Failure| {
        failure.try_set(Some(f));
        focus_when_drawn(alert_ref);
    };

    let pending = Pending::new();
    let register = move |request: RegistrationRequest| {
        pending.run(async move {
            let Err(error) = api::register(&request).await else {
                on_sent.try_run(());
                return;
            };
            countdown.start_on_limit(&error);
            let from_server = server_problems(&error);
            if error.code() == Some(ErrorCode::RegistrationClosed) {
                on_closed.try_run(());
            } else if !from_server.is_empty() {
                show_problems(from_server);
            } else {
                show_failure(Failure::from_error(&error));
            }
        })
    };
    let submission = Submission::new(countdown, pending, failure);
    let blocked = move || submission.blocked();

    let submit = move || {
        if !submission.begin() {
            return;
        }
        revealed.set(false);
        let (n, e, o, p) = (
            name.get_untracked(),
            email.get_untracked(),
            organisation.get_untracked(),
            password.get_untracked(),
        );
        let form = Registration {
            name: &n,
            email: &e,
            organisation: &o,
            password: &p,
            accept_terms: accept_terms.get_untracked(),
        };
        let found = registration_problems(&form, &policy.get_untracked());
        if !found.is_empty() {
            show_problems(found);
            return;
        }
        problems.set(Vec::new());
        register(RegistrationRequest {
            name: n.trim().to_owned(),
            email: e.trim().to_owned(),
            password: p,
            organisation: o.trim().to_owned(),
            accept_terms: true,
            locale: i18n.lang(),
        });
    };

    view! {
        <FailureAlert failure countdown node_ref=alert_ref on_retry=Callback::new(move |_| submit()) />
        <form class="form" novalidate on:submit=move |ev: SubmitEvent| { ev.prevent_default(); submit(); }>
            <TextField id="name" label=AccountText::NameLabel autocomplete="name"
                value=name error=error(AccountField::Name) node_ref=field_ref(AccountField::Name) />
            <TextField id="email" label=Text::EmailLabel input_type="email" autocomplete="email"
                value=email error=error(AccountField::Email) node_ref=field_ref(AccountField::Email) />
            <TextField id="organisation" label=AccountText::OrganisationLabel autocomplete="organization"
                value=organisation error=error(AccountField::Organisation)
                node_ref=field_ref(AccountField::Organisation) />
            // Present but hidden: tells password managers which account the new password
            // belongs to, so they save the email with it rather than the name.
            <input type="email" name="username" autocomplete="username" hidden=true readonly=true
                tabindex="-1" prop:value=move || email.get() />
            // A reveal toggle instead of a second "repeat password" field: people can see
            // and correct what they typed, password managers fill one field, and a
            // repeat field only catches typos made identically twice less often than it
            // costs everyone a second entry. A mistyped password is still recoverable
            // through the reset email.
            <PasswordField id="password" label=Text::PasswordLabel autocomplete="new-password"
                value=password error=Signal::derive(move || password_error.get().map(Msg::from)) revealed node_ref=field_ref(AccountField::Password)
                described_by="password-rules" />
            <PasswordChecklist id="password-rules" policy password />
            <div class="field" class:field--invalid=move || terms_error.get().is_some()>
                <div class="checkbox">
                    <input type="checkbox" id="accept-terms" name="accept_terms"
                        node_ref=field_ref(AccountField::Terms)
                        aria-invalid=move || terms_error.get().is_some().then_some("true")
                        aria-describedby=move || terms_error.get().map(|_| "accept-terms-error")
                        prop:checked=move || accept_terms.get()
                        on:change=move |ev| accept_terms.set(event_target_checked(&ev)) />
                    <label for="accept-terms">
                        {tr(AccountText::TermsBefore)} " "
                        <a href=terms_url target="_blank" rel="noopener noreferrer">
                            {tr(AccountText::TermsLink)}
                            <span class="visually-hidden">" " {tr(Text::OpensInNewTab)}</span>
                        </a>
                    </label>
                </div>
                <p id="accept-terms-error" class="field-error" aria-live="polite">
                    {move || terms_error.get().map(|text| i18n.t(text))}
                </p>
            </div>
            <button type="submit" class="button button--primary" aria-disabled=move || blocked().then_some("true")>
                {move || i18n.t(if pending.get() { AccountText::Registering } else { AccountText::RegisterButton })}
            </button>
        </form>
    }
}
