//! Renaming one passkey on the account page: its name, in a small form in its own row.
//! No recent sign-in is needed (the backend asks none): a name signs no one in.

use super::passkeys::name_problem;
use crate::api;
use crate::components::{focus_when_drawn, show_failure, Countdown, Failure, Pending, TextField};
use crate::i18n::accounts::Msg;
use crate::i18n::security::SecurityText as S;
use crate::i18n::{tr, use_i18n};
use leptos::html::{Div, Input};
use leptos::prelude::*;

#[component]
pub fn RenamePasskey(
    id: String,
    /// The name as it is; the field starts with it.
    current: String,
    /// Renamed: the section says so and reads the list again.
    on_done: Callback<()>,
    on_cancel: Callback<()>,
    failure: RwSignal<Option<Failure>>,
    countdown: Countdown,
    alert_ref: NodeRef<Div>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(current);
    let name_error = RwSignal::new(None::<S>);
    let name_ref = NodeRef::<Input>::new();
    let pending = Pending::new();
    focus_when_drawn(name_ref);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if countdown.refuses(pending) {
            return;
        }
        let typed = name.get_untracked();
        if let Some(problem) = name_problem(&typed) {
            name_error.set(Some(problem));
            focus_when_drawn(name_ref);
            return;
        }
        name_error.set(None);
        failure.set(None);
        let id = id.clone();
        pending.run(async move {
            match api::rename_passkey(&id, typed.trim()).await {
                Ok(_) => on_done.run(()),
                // What was typed stays in the field.
                Err(error) => show_failure(&error, failure, countdown, alert_ref),
            }
        });
    };
    view! {
        <form class="form" novalidate on:submit=on_submit>
            <TextField
                id="passkey-rename"
                label=S::PasskeyNameLabel
                autocomplete="off"
                value=name
                error=Signal::derive(move || name_error.get().map(Msg::from))
                node_ref=name_ref
            />
            <div class="button-row">
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || countdown.blocks(pending).then_some("true")
                >
                    {move || i18n.t(S::SaveName)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| on_cancel.run(())
                >
                    {tr(S::Cancel)}
                </button>
            </div>
        </form>
    }
}
