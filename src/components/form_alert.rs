use crate::i18n::{use_i18n, Text};
use leptos::html::Div;
use leptos::prelude::*;

/// The form-level message. The live region is always in the DOM (screen readers only
/// announce changes to regions that already exist) and can take focus, so that after a
/// failed submit the message is both read out and where keyboard focus lands.
#[component]
pub fn FormAlert(
    #[prop(into)] message: Signal<Option<Text>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div
            node_ref=node_ref
            class="form-alert"
            class:form-alert--visible=move || message.get().is_some()
            role="alert"
            aria-live="assertive"
            tabindex="-1"
        >
            {move || message.get().map(|text| i18n.t(text))}
        </div>
    }
}
