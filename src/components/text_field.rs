use crate::i18n::accounts::Msg;
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::html::Input;
use leptos::prelude::*;

/// A labelled input with its error tied to it (`aria-describedby`, `aria-invalid`), so a
/// screen reader reads the problem when focus lands on the field. Label and error may come
/// from any catalogue.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Msg,
    #[prop(default = "text")] input_type: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
    node_ref: NodeRef<Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    // Names and organisations are written as people write them; emails are not.
    let autocapitalize = if input_type == "email" {
        "none"
    } else {
        "words"
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id>{tr(label)}</label>
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                autocapitalize=autocapitalize
                spellcheck="false"
                node_ref=node_ref
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p id=error_id class="field-error" aria-live="polite">
                {move || error.get().map(|text| i18n.t(text))}
            </p>
        </div>
    }
}
