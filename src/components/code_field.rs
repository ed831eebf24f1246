use super::HelpLink;
use crate::i18n::accounts::Msg;
use crate::i18n::help::Article;
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::html::Input;
use leptos::prelude::*;

/// A field for a code someone reads off a phone or a sheet of paper: a hint under the
/// label that says what it looks like, digits on the phone's keyboard for app codes,
/// and the code the phone offers from a text message or app (`one-time-code`). Pasting
/// "123 456" is fine: the screens normalise what arrives.
#[component]
pub fn CodeField(
    id: &'static str,
    #[prop(into)] label: Msg,
    #[prop(into)] hint: Msg,
    /// Six digits (numeric keyboard) or a recovery code (letters too).
    numeric: bool,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
    node_ref: NodeRef<Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label for=id>{tr(label)}</label>
            <p id=hint_id class="field-hint">
                {tr(hint)}
            </p>
            <input
                id=id
                name=id
                type="text"
                class="code-input"
                autocomplete=if numeric { "one-time-code" } else { "off" }
                inputmode=if numeric { "numeric" } else { "text" }
                autocapitalize="none"
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
            // A refused code says why codes are refused, where the refusal is read.
            {move || {
                error
                    .get()
                    .map(|_| {
                        let article = if numeric {
                            Article::CodeNotAccepted
                        } else {
                            Article::LostAuthenticator
                        };
                        view! {
                            <p class="field-hint">
                                <HelpLink article />
                            </p>
                        }
                    })
            }}
        </div>
    }
}
