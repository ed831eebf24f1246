//! After signing in with a password on a device that can make passkeys, the account page
//! offers once to make one, above everything else: easy to turn down ("Niet nu"), and then
//! not offered again on this device for [`QUIET_DAYS`] (the moment is kept in this
//! browser's storage; it is no secret). Offered only to an account without passkeys that
//! just came from the login page (a recent sign-in, so no password is asked again).

use super::passkeys::{add, Outcome};
use crate::api;
use crate::components::{focus_when_drawn, show_failure, Countdown, Failure, FailureAlert};
use crate::i18n::security::SecurityText as S;
use crate::i18n::tr;
use crate::webauthn;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// How long "Niet nu" holds on this device.
pub const QUIET_DAYS: i64 = 30;
const STORAGE_KEY: &str = "topocloud.passkey-offer-declined";

/// Whether to offer again, given when it was last turned down here (Unix seconds).
pub fn offer_due(declined_at: Option<i64>, now: i64) -> bool {
    declined_at.is_none_or(|at| now - at >= QUIET_DAYS * 24 * 60 * 60 || at > now)
}

fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn declined_at() -> Option<i64> {
    storage()?.get_item(STORAGE_KEY).ok()??.parse().ok()
}

#[component]
pub fn PasskeyOffer(
    /// Told when a passkey was made here, so the passkeys section reads its list again.
    changed: Trigger,
) -> impl IntoView {
    let shared = crate::context::use_shared();
    let shown = RwSignal::new(false);
    if shared.from_login_page && offer_due(declined_at(), now()) {
        spawn_local(async move {
            let can_make = webauthn::platform_authenticator().await;
            let none_yet = api::passkeys().await.is_ok_and(|list| list.is_empty());
            shown.try_set(can_make && none_yet);
        });
    }
    let said = RwSignal::new(None::<S>);
    let failure = RwSignal::new(None::<Failure>);
    let countdown = Countdown::new();
    let pending = crate::components::Pending::new();
    let (alert_ref, status_ref) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let make = move |_| {
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        pending.run(async move {
            match add("Passkey").await {
                Ok(Outcome::Done(text)) => {
                    said.try_set(Some(text));
                    focus_when_drawn(status_ref);
                    changed.notify();
                }
                Ok(Outcome::Nothing) => {}
                Ok(Outcome::Refused(text)) => {
                    failure.try_set(Some(Failure::Message(text.into())));
                    focus_when_drawn(alert_ref);
                }
                Err(error) => show_failure(&error, failure, countdown, alert_ref),
            }
        });
    };
    let not_now = move |_| {
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, &now().to_string());
        }
        shown.set(false);
        // The offer's buttons are gone: focus goes back to the page's heading.
        if let Some(heading) = document()
            .get_element_by_id("account-title")
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    };
    move || {
        shown.get().then(|| {
            view! {
                <section
                    class="account-section passkey-offer"
                    aria-labelledby="passkey-offer-title"
                >
                    <h2 id="passkey-offer-title">{tr(S::PasskeyOfferHeading)}</h2>
                    <div node_ref=status_ref role="status" tabindex="-1">
                        {move || said.get().map(|text| view! { <p>{tr(text)}</p> })}
                    </div>
                    <FailureAlert failure countdown node_ref=alert_ref />
                    <Show when=move || said.get().is_none()>
                        <p>{tr(S::PasskeyOfferBody)}</p>
                        <div class="button-row">
                            <button
                                type="button"
                                class="button button--primary"
                                aria-disabled=move || pending.get().then_some("true")
                                on:click=make
                            >
                                {tr(S::PasskeyOfferMake)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=not_now>
                                {tr(S::PasskeyOfferNotNow)}
                            </button>
                        </div>
                    </Show>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turned_down_it_waits_thirty_days_on_this_device() {
        let day = 24 * 60 * 60;
        assert!(offer_due(None, 1_000 * day));
        assert!(!offer_due(Some(1_000 * day), 1_000 * day + 29 * day));
        assert!(offer_due(Some(1_000 * day), 1_000 * day + 30 * day));
        // A clock set back does not silence it for good.
        assert!(offer_due(Some(2_000 * day), 1_000 * day));
    }
}
