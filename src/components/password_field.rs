use crate::i18n::accounts::Msg;
use crate::i18n::{tr, AnyText};
use crate::i18n::{use_i18n, Text};
use leptos::ev::KeyboardEvent;
use leptos::html::Input;
use leptos::prelude::*;

/// A password input with a show/hide button and a Caps Lock warning. Paste is never
/// blocked; `autocomplete` tells password managers whether to fill (`current-password`)
/// or to offer and save a new one (`new-password`).
#[component]
pub fn PasswordField(
    id: &'static str,
    #[prop(into)] label: AnyText,
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
    /// Owned by the form so it can hide the password again on submit.
    revealed: RwSignal<bool>,
    node_ref: NodeRef<Input>,
    /// Extra ids for `aria-describedby`, e.g. a live checklist of the policy.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let caps_lock = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let caps_id = format!("{id}-caps");
    let describedby = {
        let (error_id, caps_id) = (error_id.clone(), caps_id.clone());
        move || {
            let mut ids: Vec<&str> = Vec::new();
            if error.get().is_some() {
                ids.push(&error_id);
            }
            if caps_lock.get() {
                ids.push(&caps_id);
            }
            if let Some(extra) = described_by {
                ids.push(extra);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let track_caps = move |ev: KeyboardEvent| caps_lock.set(ev.get_modifier_state("CapsLock"));

    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id>{tr(label)}</label>
            <div class="password-input">
                <input
                    id=id
                    name=id
                    type=move || if revealed.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    autocapitalize="none"
                    spellcheck="false"
                    node_ref=node_ref
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=describedby
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    on:keydown=track_caps
                    on:keyup=track_caps
                    on:blur=move |_| caps_lock.set(false)
                />
                <button
                    type="button"
                    class="password-toggle"
                    aria-controls=id
                    aria-pressed=move || if revealed.get() { "true" } else { "false" }
                    on:click=move |_| revealed.update(|r| *r = !*r)
                >
                    // The visible word starts the accessible name ("Toon wachtwoord"), so
                    // speech users can say what they see.
                    {move || i18n.t(if revealed.get() { Text::HideShort } else { Text::ShowShort })}
                    <span class="visually-hidden">{tr(Text::PasswordSuffix)}</span>
                </button>
            </div>
            <p id=caps_id class="field-hint field-hint--warning" aria-live="polite">
                {move || caps_lock.get().then(|| i18n.t(Text::CapsLockOn))}
            </p>
            <p id=error_id class="field-error" aria-live="polite">
                {move || error.get().map(|text| i18n.t(text))}
            </p>
        </div>
    }
}
