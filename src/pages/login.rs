//! `/users/login`: where every user starts the day.

use crate::api;
use crate::components::{focus_after_render, use_document_title, FormAlert, PageShell, TextField};
use crate::i18n::{use_i18n, Text};
use crate::return_to::{safe_return_to, AFTER_LOGIN};
use crate::validation::{Field, LoginForm};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use topocloud_contract::SignInRequest;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Text::LoginTitle);
    let query = use_query_map();
    let navigate = use_navigate();

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<Text>);
    let password_error = RwSignal::new(None::<Text>);
    let alert = RwSignal::new(None::<Text>);
    let email_ref = NodeRef::<Input>::new();
    let password_ref = NodeRef::<Input>::new();
    let alert_ref = NodeRef::<Div>::new();

    let sign_in = Action::new_local(move |request: &SignInRequest| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match api::sign_in(&request).await {
                Ok(_) => {
                    let target = safe_return_to(query.get_untracked().get("return_to").as_deref())
                        .unwrap_or_else(|| AFTER_LOGIN.to_owned());
                    navigate(
                        &target,
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                Err(error) => {
                    // What was typed stays in the fields: only the message changes.
                    alert.set(Some(error.message()));
                    focus_after_render(move || alert_ref.get_untracked().map(Into::into));
                }
            }
        }
    });
    let pending = sign_in.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One click, one request: a second submit while the first runs does nothing.
        if pending.get_untracked() {
            return;
        }
        alert.set(None);
        let form = LoginForm {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        let problems = form.problems();
        let problem_for = |field| problems.iter().find(|(f, _)| *f == field).map(|(_, t)| *t);
        email_error.set(problem_for(Field::Email));
        password_error.set(problem_for(Field::Password));
        if let Some((first, _)) = problems.first() {
            let target = match first {
                Field::Email => email_ref,
                Field::Password => password_ref,
            };
            focus_after_render(move || target.get_untracked().map(Into::into));
            return;
        }
        sign_in.dispatch_local(SignInRequest {
            email: form.email.trim().to_owned(),
            password: form.password,
            remember: false,
        });
    };

    view! {
        <PageShell>
            <section class="card" aria-labelledby="login-title">
                <h1 id="login-title">{move || i18n.t(Text::LoginTitle)}</h1>
                <p class="intro">{move || i18n.t(Text::LoginIntro)}</p>
                <FormAlert message=alert node_ref=alert_ref />
                <form class="form" novalidate on:submit=on_submit>
                    <TextField
                        id="email"
                        label=Text::EmailLabel
                        input_type="email"
                        autocomplete="username"
                        value=email
                        error=email_error
                        node_ref=email_ref
                    />
                    <TextField
                        id="password"
                        label=Text::PasswordLabel
                        input_type="password"
                        autocomplete="current-password"
                        value=password
                        error=password_error
                        node_ref=password_ref
                    />
                    <button
                        type="submit"
                        class="button button--primary"
                        aria-disabled=move || pending.get().then_some("true")
                    >
                        {move || {
                            i18n.t(if pending.get() { Text::SigningIn } else { Text::SignInButton })
                        }}
                    </button>
                </form>
            </section>
        </PageShell>
    }
}
