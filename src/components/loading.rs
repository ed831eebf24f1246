//! "Even geduld…" while a screen waits for the backend.
//!
//! While any is on screen, the static first paint stays up: it says the same, and the
//! app swaps in only once its screen is complete. Swapping in a half-loaded screen would
//! make its footer jump down when the rest arrived (a layout shift people see as the
//! page moving under their thumb).

use crate::i18n::{tr, AnyText};
use leptos::prelude::*;

/// How many loading messages the screen shows; provided by [`super::PageShell`].
#[derive(Clone, Copy)]
pub(crate) struct ScreenWaiting(pub RwSignal<u32>);

#[component]
pub fn Loading(#[prop(into)] text: AnyText) -> impl IntoView {
    if let Some(ScreenWaiting(count)) = use_context::<ScreenWaiting>() {
        count.update(|n| *n += 1);
        on_cleanup(move || {
            count.try_update(|n| *n = n.saturating_sub(1));
        });
    }
    view! {
        <p class="page-loading" role="status">
            {tr(text)}
        </p>
    }
}
