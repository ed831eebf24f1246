//! The security part of `/account`: password, two-step verification and sessions. What
//! the backend says about the account is asked once and again after every change; the
//! sections are drawn once, so a change never throws away what is typed or shown in
//! another (recovery codes, say).

use super::confirm::Proofs;
use super::passkey_offer::PasskeyOffer;
use super::passkeys::PasskeysSection;
use super::password::PasswordSection;
use super::sessions::SessionsSection;
use super::two_step::TwoStepSection;
use crate::api::{self, ApiError};
use crate::components::{LoadFailed, Loading};
use crate::i18n::security::SecurityText;
use crate::i18n::{tr, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use topocloud_contract::AccountSecurity;

#[component]
pub fn SecuritySections(email: String) -> impl IntoView {
    let answer = RwSignal::new(None::<Result<AccountSecurity, ApiError>>);
    let known = RwSignal::new(None::<AccountSecurity>);
    let load = move || {
        spawn_local(async move {
            let fresh = api::account_security().await;
            if let Ok(security) = &fresh {
                known.try_set(Some(security.clone()));
            }
            answer.try_set(Some(fresh));
        });
    };
    load();
    let reload = Callback::new(move |()| load());
    let loaded = Memo::new(move |_| known.with(Option::is_some));
    let security = Signal::derive(move || {
        known.get().unwrap_or(AccountSecurity {
            has_password: false,
            two_step: false,
            recovery_codes_left: 0,
            two_step_required: false,
            recent_sign_in_for: 0,
        })
    });
    let proofs = Signal::derive(move || {
        let security = security.get();
        Proofs {
            password: security.has_password,
            code: security.two_step,
        }
    });
    let has_password = Memo::new(move |_| security.get().has_password);
    let email = StoredValue::new(email);
    // Only where the backend offers them and this browser can make them.
    let shared = crate::context::use_shared();
    let passkeys_offered =
        move || shared.site().is_some_and(|c| c.passkeys) && crate::webauthn::supported();

    let passkeys_changed = Trigger::new();
    move || {
        if loaded.get() {
            view! {
                {move || {
                    passkeys_offered().then(|| view! { <PasskeyOffer changed=passkeys_changed /> })
                }}
                {move || {
                    if has_password.get() {
                        view! { <PasswordSection email=email.get_value() /> }.into_any()
                    } else {
                        view! {
                            <section class="account-section" aria-labelledby="password-title">
                                <h2 id="password-title">{tr(SecurityText::PasswordHeading)}</h2>
                                <p>{tr(SecurityText::NoPasswordSso)}</p>
                            </section>
                        }
                            .into_any()
                    }
                }}
                <TwoStepSection security email=email.get_value() reload />
                {move || {
                    passkeys_offered()
                        .then(|| view! { <PasskeysSection proofs changed=passkeys_changed /> })
                }}
                <SessionsSection proofs />
            }
            .into_any()
        } else {
            match answer.get() {
                Some(Err(error)) => view! {
                    <p>{tr(SecurityText::SecurityLoadFailed)}</p>
                    <LoadFailed error on_retry=move |_| load() />
                }
                .into_any(),
                _ => view! { <Loading text=Text::Loading /> }.into_any(),
            }
        }
    }
}
